"""Choices of resident reports (报事报修), and the table of allowed status changes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Category(models.TextChoices):
    LIFT = "lift", _("Lift")
    UTILITIES = "utilities", _("Water, power and gas")
    SANITATION = "sanitation", _("Cleanliness and sanitation")
    FACILITIES = "facilities", _("Shared facilities")
    SAFETY = "safety", _("Safety hazard")
    NOISE = "noise", _("Noise")
    DISPUTE = "dispute", _("Dispute between neighbours")
    OTHER = "other", pgettext_lazy("report category", "Other")


class Status(models.TextChoices):
    """Where a report stands (the newest step of its trail that is not an event)."""

    PENDING = "pending", _("Waiting to be accepted")
    ACCEPTED = "accepted", _("Accepted for handling")
    IN_PROGRESS = "in_progress", _("Being handled")
    DONE = "done", _("Fixed, waiting for the resident")
    REOPENED = "reopened", _("Reopened")
    RATED = "rated", _("Rated and closed")
    # Events: steps on the trail that do not change the status.
    ESCALATED = "escalated", _("Escalated to the committee (督办)")
    OVERDUE = "overdue", _("Overdue: escalated again")
    REFERRED = "referred", _("Referred upward (吹哨)")
    CONVERTED = "converted", _("Turned into a consultation")


EVENTS = (Status.ESCALATED, Status.OVERDUE, Status.REFERRED, Status.CONVERTED)
STATUSES = tuple(s for s in Status if s not in EVENTS)
OPEN_STATUSES = (Status.PENDING, Status.ACCEPTED, Status.IN_PROGRESS, Status.REOPENED)
# A handler is working on it: the due time runs.
RUNNING_STATUSES = (Status.ACCEPTED, Status.IN_PROGRESS, Status.REOPENED)

# The loop of issue 17: 待受理 → 已受理 → 处理中 → 已办结 → rated (满意/基本满意) or,
# once, 不满意 → reopened → 处理中 → 已办结 … A handler may close straight from
# 已受理 (a lift button reset in ten minutes needs no 处理中 step). Rated is final.
TRANSITIONS = {
    Status.PENDING: {Status.ACCEPTED},
    Status.ACCEPTED: {Status.IN_PROGRESS, Status.DONE},
    Status.IN_PROGRESS: {Status.DONE},
    Status.DONE: {Status.RATED, Status.REOPENED},
    Status.REOPENED: {Status.IN_PROGRESS, Status.DONE},
    Status.RATED: set(),
}


class Handler(models.TextChoices):
    """Who the report is assigned to when it is accepted."""

    PROPERTY = "property", _("Property company")
    COMMITTEE = "committee", _("Residents' committee")


class Rating(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied")
    FAIRLY = "fairly", _("Fairly satisfied")
    UNSATISFIED = "unsatisfied", _("Not satisfied")


SATISFIED_RATINGS = (Rating.SATISFIED, Rating.FAIRLY)


class Visibility(models.TextChoices):
    PUBLIC = "public", _("On the public board (shown as a resident of my building)")
    PRIVATE = "private", _("Only to the staff who handle it")


class PhotoRole(models.TextChoices):
    REPORT = "report", _("With the report")
    FIX = "fix", _("Photo of the fix")


class Queue(models.TextChoices):
    """Filters of the handlers' queue in the admin."""

    MINE = "mine", _("Mine")
    UNASSIGNED = "unassigned", _("Not yet accepted")
    OVERDUE = "overdue", _("Overdue")
