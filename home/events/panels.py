"""A read-only panel on the event edit page: the next 12 dates the rule gives, and what
happens in months without the event's day (as the public event page says)."""

from django.utils import timezone
from wagtail.admin.panels import Panel

from home.events.recurrence import next_occurrences
from home.events.wording import describe_rule, short_month_note


class OccurrencePreviewPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/event_occurrence_preview.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            event = self.instance
            context["occurrences"] = []
            if getattr(event, "start_date", None):
                try:
                    context["occurrences"] = next_occurrences(event, timezone.localdate(), 12)
                    context["description"] = describe_rule(event)
                    context["short_month_note"] = short_month_note(event)
                except (AttributeError, TypeError, ValueError):
                    pass  # an incomplete rule: the form's own errors say what is missing
            return context
