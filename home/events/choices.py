"""Choices for events: what kind of event it is and how it repeats."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventCategory(models.TextChoices):
    COMMUNITY = "community", _("Community activity")
    CULTURE = "culture", _("Culture and reading")
    ELDERLY = "elderly", _("Elderly residents")
    CHILDREN = "children", _("Children and families")
    SERVICE = "service", _("Services and consultations")
    VOLUNTEER = "volunteer", _("Volunteering")
    PARTY = "party", _("Party building")


class Repeat(models.TextChoices):
    """How an event repeats; each maps to one RRULE (or, for 农历, to RDATEs)."""

    NONE = "", _("Does not repeat")
    WEEKLY = "weekly", _("Weekly, on the chosen weekdays")
    MONTHLY_DAY = "monthly_day", _("Monthly, on the day of the month of the first date")
    MONTHLY_LAST = "monthly_last", _("Monthly, on the last day of the month")
    MONTHLY_WEEKDAY = "monthly_weekday", _("Monthly, on the Nth weekday (e.g. first Saturday)")
    YEARLY = "yearly", _("Yearly, on the date of the first date")
    YEARLY_LUNAR = "yearly_lunar", _("Yearly, on a lunar (农历) date")


class Weekday(models.IntegerChoices):
    MONDAY = 0, pgettext_lazy("weekday", "Monday")
    TUESDAY = 1, pgettext_lazy("weekday", "Tuesday")
    WEDNESDAY = 2, pgettext_lazy("weekday", "Wednesday")
    THURSDAY = 3, pgettext_lazy("weekday", "Thursday")
    FRIDAY = 4, pgettext_lazy("weekday", "Friday")
    SATURDAY = 5, pgettext_lazy("weekday", "Saturday")
    SUNDAY = 6, pgettext_lazy("weekday", "Sunday")


class Ordinal(models.IntegerChoices):
    FIRST = 1, _("first")
    SECOND = 2, _("second")
    THIRD = 3, _("third")
    FOURTH = 4, _("fourth")
    LAST = -1, _("last")
