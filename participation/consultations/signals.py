"""Receivers of consultations: public pages follow proposals, steps and comments."""

from participation.consultations.models import (
    Comment,
    ConsultationSettings,
    Proposal,
    ProposalImage,
    ProposalStep,
    Support,
)
from portal.page_cache import invalidate_on

invalidate_on(Proposal, ProposalStep, ProposalImage, Support, Comment, ConsultationSettings)
