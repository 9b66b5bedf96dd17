"""Blocks the participation module offers to content pages (DESIGN: home and
participation meet through blocks and template tags only)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from participation.volunteering.blocks import VolunteersNeededBlock  # noqa: F401 - a face for home

OPEN_VOTES_SHOWN = 5
OPEN_CONSULTATIONS_SHOWN = 5


class OpenVotesBlock(blocks.StructBlock):
    """The plan votes open now, soonest closing first, with a link to each."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=60, required=False)

    class Meta:
        icon = "tasks"
        template = "blocks/open_votes_block.html"
        label = _("Open plan votes")

    def get_context(self, value, parent_context=None):
        from participation.votes.models import PlanVote

        context = super().get_context(value, parent_context)
        context["votes"] = list(PlanVote.objects.open_at().order_by("closes_at")[:OPEN_VOTES_SHOWN])
        return context


class OpenConsultationsBlock(blocks.StructBlock):
    """Proposals collecting supports or in discussion, newest first, with a link to each."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=60, required=False)

    class Meta:
        icon = "comment"
        template = "blocks/open_consultations_block.html"
        label = _("Open consultations")

    def get_context(self, value, parent_context=None):
        from participation.consultations.choices import OPEN_STATUSES
        from participation.consultations.queries import listing

        context = super().get_context(value, parent_context)
        context["proposals"] = list(
            listing().filter(current_status__in=OPEN_STATUSES)[:OPEN_CONSULTATIONS_SHOWN]
        )
        return context
