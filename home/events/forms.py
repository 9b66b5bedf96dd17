"""The event edit form in the admin: weekdays as tick boxes, and checks on the
cancelled and moved occurrences that need the whole rule."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from home.events.choices import Weekday
from home.events.recurrence import MAX_MOVE_DAYS, Rule, is_scheduled


class EventPageForm(WagtailAdminPageForm):
    weekdays = forms.TypedMultipleChoiceField(
        label=gettext_lazy("on weekdays"),
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "For weekly events; none ticked means the weekday of the first date."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.weekdays:
            self.initial["weekdays"] = [int(day) for day in self.instance.weekdays]

    def clean_weekdays(self):
        return "".join(str(day) for day in sorted(set(self.cleaned_data["weekdays"])))

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("exceptions")
        start = cleaned.get("start_date")
        if formset is None or start is None or not formset.is_valid():
            return cleaned
        rule = Rule(
            repeat=cleaned.get("repeat") or "",
            interval=cleaned.get("interval") or 1,
            weekdays=tuple(int(day) for day in cleaned.get("weekdays") or ""),
            ordinal=cleaned.get("ordinal"),
            ordinal_weekday=cleaned.get("ordinal_weekday"),
            lunar_month=cleaned.get("lunar_month"),
            lunar_day=cleaned.get("lunar_day"),
            until=cleaned.get("repeat_until"),
            count=cleaned.get("repeat_count"),
        )
        seen = set()
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("date"):
                continue
            check_change(form, data, start, rule, seen)
        return cleaned


def check_change(form, data, start, rule, seen):
    """A change names a date the series has, once; it cancels or changes something;
    a move stays within MAX_MOVE_DAYS days of the original date."""
    date = data["date"]
    try:
        scheduled = is_scheduled(start, rule, date)
    except (TypeError, ValueError):
        scheduled = True  # the rule itself is wrong; its own field says so
    if not scheduled:
        form.add_error("date", _("The event does not take place on this date."))
    if date in seen:
        form.add_error("date", _("This date is already listed."))
    seen.add(date)
    changed = any(
        data.get(name) for name in ("new_date", "new_start_time", "new_end_time", "new_location")
    )
    if data.get("cancelled") and changed:
        form.add_error("cancelled", _("An occurrence is either cancelled or moved, not both."))
    elif not data.get("cancelled") and not changed:
        form.add_error("new_date", _("Tick “cancelled” or give a new date, time or place."))
    new_date = data.get("new_date")
    if new_date and abs((new_date - date).days) > MAX_MOVE_DAYS:
        form.add_error(
            "new_date",
            _("A move stays within %(days)s days; cancel it and add a new event instead.")
            % {"days": MAX_MOVE_DAYS},
        )
