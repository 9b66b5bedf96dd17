"""The "volunteers needed" block that home pages can embed (via participation.blocks)."""

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

SHOWN = 5


def volunteers_needed(now=None, limit=SHOWN):
    """Coming shifts with free seats whose sign-up is still open, soonest first."""
    from participation.volunteering.models import Shift

    now = now or timezone.now()
    return list(
        Shift.objects.published()
        .filter(starts_at__gt=now, taken__lt=F("capacity"))
        .exclude(signup_deadline__lte=now)
        .select_related("opportunity")
        .order_by("starts_at", "pk")[:limit]
    )


class VolunteersNeededBlock(blocks.StructBlock):
    """Coming shifts that still need volunteers, with a link to each."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=60, required=False)

    class Meta:
        icon = "group"
        template = "blocks/volunteers_needed_block.html"
        label = _("Volunteers needed")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["shifts"] = volunteers_needed()
        return context
