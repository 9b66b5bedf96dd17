"""The home page's "coming up" section: the next events of the calendar."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.page_cache import remember


class UpcomingEventsBlock(blocks.StructBlock):
    """The next occurrences (cancelled ones marked) with a link to the calendar."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=60, required=False)
    count = blocks.IntegerBlock(label=_("How many"), default=5, min_value=1, max_value=12)

    class Meta:
        icon = "date"
        template = "blocks/upcoming_events_block.html"
        label = _("Upcoming events")

    def get_context(self, value, parent_context=None):
        from home.events.grid import upcoming
        from home.events.models import EventCalendarPage

        context = super().get_context(value, parent_context)
        calendar = remember(
            "event-calendar", lambda: EventCalendarPage.objects.live().public().first()
        )
        events = calendar.live_events() if calendar else []
        context["calendar"] = calendar
        context["occurrences"] = upcoming(events, timezone.localdate(), limit=value["count"])
        return context
