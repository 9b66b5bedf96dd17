"""Choices of the volunteering feature, with translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SignUpStatus(models.TextChoices):
    """Where a sign-up stands. ``offered`` holds a seat during a claim window."""

    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    OFFERED = "offered", _("Seat offered")
    CANCELLED = "cancelled", _("Cancelled")


class Attendance(models.TextChoices):
    UNMARKED = "", _("Not marked")
    CHECKED_IN = "checked_in", _("Checked in, awaiting confirmation")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not come")


class EntryKind(models.TextChoices):
    ATTENDANCE = "attendance", _("Shift attended")
    OTHER = "other", _("Other service")
    REVERSAL = "reversal", _("Correction")
