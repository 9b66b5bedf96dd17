"""The participation app's kinds in the site search (see ``portal.search.registry``)."""

from django.utils.translation import gettext_lazy as _

from participation.consultations.models import Proposal
from portal.search.registry import register

register(
    Proposal,
    _("Proposal"),
    queryset=lambda: Proposal.objects.all(),
    date_field="created_at",
    snippet_fields=("answer", "body"),
    link=lambda proposal, request: proposal.get_absolute_url(),
)
