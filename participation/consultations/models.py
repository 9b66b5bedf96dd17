"""Consultations (协商议事): proposals, their trail, supports, comments and reports.

A proposal's status is never stored on it: it is the newest ``ProposalStep`` (see
``trail.py``). ``support_count`` is a counter kept by the database (``F() + 1`` under
the proposal's row lock, ``supports.py``); ``agenda_at`` is claimed once, by the
support that reaches the threshold, so the 议事中 step is written exactly once.
"""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.search import index

from participation.consultations.choices import (
    Category,
    CommentState,
    ImageRole,
    Kind,
    Status,
)
from participation.trail import TrailStep, current_status, with_current_status


def person_label(user):
    """How a resident is shown beside what they wrote; a deleted account is 已注销用户."""
    if user is None:
        return _("Deleted user")
    try:
        name = user.resident.display_name
    except ObjectDoesNotExist:
        name = ""
    return name or user.get_username()


@register_setting(icon="comment")
class ConsultationSettings(BaseGenericSetting):
    """The community's rules for proposals, changed by the committee in the admin."""

    support_threshold = models.PositiveIntegerField(
        _("supports needed for the agenda"),
        default=30,
        help_text=_("A proposal with this many supports goes on the committee's agenda."),
    )
    support_days = models.PositiveIntegerField(_("days to collect supports"), default=60)
    one_support_per_household = models.BooleanField(
        _("one support per household"),
        default=False,
        help_text=_("Otherwise each verified resident may support once."),
    )
    report_households = models.PositiveIntegerField(
        _("reports that hide a comment"),
        default=3,
        help_text=_("Reports from this many different households hide a comment until review."),
    )

    panels = [
        FieldPanel("support_threshold"),
        FieldPanel("support_days"),
        FieldPanel("one_support_per_household"),
        FieldPanel("report_households"),
    ]

    class Meta:
        verbose_name = _("consultation rules")


class ProposalQuerySet(models.QuerySet):
    def with_status(self):
        return with_current_status(self, ProposalStep, "proposal")


class Proposal(index.Indexed, ClusterableModel):
    """A topic raised by a verified resident, or a consultation (征求意见) by the committee."""

    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("description"))
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.RESIDENT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        verbose_name=_("author"),
    )
    buildings = models.ManyToManyField(
        "participation.Building",
        blank=True,
        related_name="proposals",
        verbose_name=_("buildings"),
        help_text=_("Leave empty for the whole community; pick buildings for a 楼事会 topic."),
    )
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    support_count = models.PositiveIntegerField(_("supports"), default=0, editable=False)
    supports_close_at = models.DateTimeField(_("supports close at"), null=True, blank=True)
    agenda_at = models.DateTimeField(_("on the agenda since"), null=True, editable=False)
    meeting_on = models.DateField(
        _("meeting date"), null=True, blank=True, help_text=_("When the committee discusses it.")
    )
    comments_close_at = models.DateTimeField(
        _("comments close at"),
        null=True,
        blank=True,
        help_text=_("For a consultation (征求意见): the end of its window for comments."),
    )
    answer_draft = models.TextField(_("answer (draft)"), blank=True)
    answer = models.TextField(_("official answer"), blank=True, editable=False)
    answered_at = models.DateTimeField(_("answered at"), null=True, editable=False)
    escalated_to = models.OneToOneField(
        "participation.PlanVote",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
        verbose_name=_("plan vote"),
    )

    objects = ProposalQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("body"),
        index.SearchField("answer"),
        index.FilterField("created_at"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        permissions = [
            ("answer_proposal", _("Can answer proposals and change their status")),
            ("moderate_comment", _("Can moderate comments on proposals")),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("participation:proposal-detail", args=[self.pk])

    @property
    def author_label(self):
        if self.kind == Kind.COMMITTEE:
            return _("Residents' committee")
        return person_label(self.author)

    @property
    def status(self):
        """The newest step's status (annotated by ``with_status`` in lists)."""
        annotated = self.__dict__.get("current_status")
        if annotated is not None:
            return annotated
        return current_status(self.steps.all())

    def get_status_display(self):
        return Status(self.status).label if self.status else ""

    @property
    def is_consultation(self):
        return self.kind == Kind.COMMITTEE

    def supports_open(self, now=None):
        now = now or timezone.now()
        return (
            self.kind == Kind.RESIDENT
            and self.status == Status.SUBMITTED
            and (self.supports_close_at is None or now < self.supports_close_at)
        )

    def comments_open(self, now=None):
        now = now or timezone.now()
        if self.comments_close_at is not None and now >= self.comments_close_at:
            return False
        return self.status not in (Status.DECLINED, Status.DONE)


class ProposalStep(TrailStep):
    """One step of a proposal's public trail."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="steps")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)

    class Meta(TrailStep.Meta):
        verbose_name = _("proposal step")
        verbose_name_plural = _("proposal steps")
        # The newest step of a proposal is its status (``with_status``): read from the
        # index alone, the lists and the board derive 1,000 statuses without the table.
        indexes = [
            models.Index(
                fields=["proposal", "created_at", "id", "status"], name="proposal_step_newest"
            )
        ]

    def __str__(self):
        return f"{self.proposal_id} {self.status}"


class ProposalImage(models.Model):
    """Up to three pictures with a proposal, and photos of the finished work."""

    proposal = ParentalKey(Proposal, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    role = models.CharField(
        _("shown"), max_length=16, choices=ImageRole.choices, default=ImageRole.PROPOSAL
    )
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    panels = [FieldPanel("image"), FieldPanel("role")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("proposal image")
        verbose_name_plural = _("proposal images")

    def __str__(self):
        return f"{self.proposal_id}: {self.image_id}"


class Support(models.Model):
    """附议: one per voter key, which is the resident (or, by setting, the household).

    ``key`` is ``u<user id>`` or ``h<unit id>``; the unique constraint on
    (proposal, key) refuses a second support however the requests race.
    """

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="proposal_supports",
        verbose_name=_("resident"),
    )
    key = models.CharField(max_length=24)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "key"], name="one_support_per_key")
        ]

    def __str__(self):
        return f"{self.proposal_id}: {self.key}"


class Comment(models.Model):
    """A resident's comment; a first comment waits for approval; reports can hide it."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="proposal_comments",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=CommentState.choices, default=CommentState.PENDING
    )
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_reason = models.CharField(_("reason"), max_length=200, blank=True)
    review_requested_at = models.DateTimeField(_("review asked for at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderated by"),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["proposal", "state"], name="comment_proposal_state")]

    def __str__(self):
        return self.body[:40]

    @property
    def author_label(self):
        return person_label(self.author)


class CommentReport(models.Model):
    """Someone logged in flags a comment; ``household`` is the reporter's unit if verified."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    household = models.ForeignKey(
        "participation.Unit", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_person")
        ]

    def __str__(self):
        return f"{self.comment_id}: {self.reporter_id}"
