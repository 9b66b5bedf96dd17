"""Choices of consultations (协商议事), and the table of allowed status changes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Category(models.TextChoices):
    PARKING = "parking", _("Parking")
    GREENERY = "greenery", _("Green space")
    SAFETY = "safety", _("Safety")
    ELDERLY = "elderly", _("Elderly care")
    CHILDCARE = "childcare", _("Childcare")
    SANITATION = "sanitation", _("Sanitation")
    PROPERTY = "property", _("Property services")
    OTHER = "other", pgettext_lazy("category", "Other")


class Kind(models.TextChoices):
    RESIDENT = "resident", _("Residents' proposal")
    COMMITTEE = "committee", _("Committee consultation (征求意见)")


class Status(models.TextChoices):
    """The public steps of 中办发〔2015〕41号: collect, consult, answer, implement, report."""

    SUBMITTED = "submitted", _("Collecting supports")
    DISCUSSION = "discussion", _("In discussion")
    ANSWERED = "answered", _("Answered")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    IN_PROGRESS = "in_progress", pgettext_lazy("proposal status", "In progress")
    DONE = "done", _("Done")


# Who may follow which status (see trail.allowed_next). The committee may put a proposal
# on the agenda before the threshold, answer it in any open state, and decide only after
# answering; declined and done are final.
TRANSITIONS = {
    Status.SUBMITTED: {Status.DISCUSSION, Status.ANSWERED},
    Status.DISCUSSION: {Status.ANSWERED},
    Status.ANSWERED: {Status.ACCEPTED, Status.DECLINED},
    Status.ACCEPTED: {Status.IN_PROGRESS, Status.DONE},
    Status.IN_PROGRESS: {Status.DONE},
    Status.DECLINED: set(),
    Status.DONE: set(),
}

# Statuses whose step needs a public note: the reason for declining, the closing note.
NOTE_REQUIRED = {Status.DECLINED, Status.DONE}

OPEN_STATUSES = (Status.SUBMITTED, Status.DISCUSSION)


class CommentState(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    VISIBLE = "visible", _("Visible")
    HIDDEN = "hidden", _("Hidden")


class Sort(models.TextChoices):
    NEWEST = "newest", _("Newest")
    SUPPORTED = "supported", _("Most supported")
    ANSWERED = "answered", _("Recently answered")


class ImageRole(models.TextChoices):
    PROPOSAL = "proposal", _("With the proposal")
    RESULT = "result", _("Result of the work")
