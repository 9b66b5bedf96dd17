"""Resident reports (报事报修 · 居事上报): a report, its public trail, its photos, and
the community's settings for the loop.

A report's status is never stored on it: it is the newest ``ReportStep`` that is not
an event (``participation/trail.py``, ``choices.EVENTS``). The timestamps on the report
(``accepted_at``, ``done_at``, ``escalated_at``…) are *claims*: each is set by one
conditional UPDATE (``… WHERE accepted_at IS NULL``), so of two handlers accepting at
once exactly one gets the row and writes the 已受理 step, and the scheduler escalates a
report once however often it ticks.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from participation.reports.choices import (
    EVENTS,
    Category,
    Handler,
    PhotoRole,
    Rating,
    Status,
    Visibility,
)
from participation.trail import TrailStep, current_status, with_current_status


class PrivateStorage(FileSystemStorage):
    """Files under ``settings.PRIVATE_MEDIA_ROOT`` (read on each use), with no URL."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def private_storage():
    """Report photos live outside MEDIA_ROOT's public URL: they are served only by
    ``views.report_photo``, which checks who may see the report."""
    return PrivateStorage()


@register_setting(icon="warning")
class ReportSettings(BaseGenericSetting):
    """The community's rules for resident reports, changed by the committee."""

    accept_hours = models.PositiveIntegerField(
        _("hours to accept a report"),
        default=6,
        help_text=_("A report not accepted in this time goes to the committee's 督办 queue."),
    )
    reports_per_day = models.PositiveIntegerField(_("reports per resident per day"), default=5)
    schedule_ran_at = models.DateTimeField(_("scheduler last ran at"), null=True, editable=False)

    panels = [FieldPanel("accept_hours"), FieldPanel("reports_per_day")]

    class Meta:
        verbose_name = _("report rules")

    @classmethod
    def current(cls):
        """The settings to read, without writing a row on a GET (``load()`` creates one)."""
        return cls.objects.first() or cls()


class ReportQuerySet(models.QuerySet):
    def with_status(self):
        return with_current_status(self, ReportStep, "report", events=EVENTS)

    def public(self):
        return self.filter(visibility=Visibility.PUBLIC)


class Report(models.Model):
    """A problem a verified resident reports: category, place, description, photos."""

    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    building = models.ForeignKey(
        "participation.Building",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
        verbose_name=_("building"),
    )
    place = models.CharField(
        _("place"),
        max_length=80,
        help_text=_("The unit and floor, or the common area (e.g. 2单元电梯, 北门停车场)."),
    )
    description = models.TextField(_("description"))
    visibility = models.CharField(
        _("who may see it"), max_length=8, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
        verbose_name=_("reported by"),
    )
    reporter_building = models.ForeignKey(
        "participation.Building",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reporter's building"),
        help_text=_("Kept so the board can say 3号楼居民 without naming anyone."),
    )
    created_at = models.DateTimeField(_("reported at"), db_index=True)
    handler = models.CharField(_("assigned to"), max_length=16, choices=Handler.choices, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    due_at = models.DateTimeField(_("due at"), null=True, blank=True)
    done_at = models.DateTimeField(_("fixed at"), null=True, blank=True)
    fix_note = models.TextField(_("what was done"), blank=True)
    rating = models.CharField(_("rating"), max_length=16, choices=Rating.choices, blank=True)
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated (督办) at"), null=True, blank=True)
    overdue_at = models.DateTimeField(_("escalated as overdue at"), null=True, blank=True)
    referred_at = models.DateTimeField(_("referred upward at"), null=True, blank=True)
    referred_to = models.CharField(_("referred to"), max_length=80, blank=True)
    referral_ref = models.CharField(_("outside reference"), max_length=40, blank=True)
    proposal = models.OneToOneField(
        "participation.Proposal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_report",
        verbose_name=_("consultation"),
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("resident report")
        verbose_name_plural = _("resident reports")
        permissions = [
            ("handle_report", _("Can accept, handle and close resident reports")),
            ("supervise_report", _("Can chase, refer and convert resident reports (督办)")),
        ]
        indexes = [models.Index(fields=["visibility", "created_at"], name="report_board")]

    def __str__(self):
        return f"#{self.pk} {self.get_category_display()} · {self.place}"

    def get_absolute_url(self):
        return reverse("participation:report-detail", args=[self.pk])

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC

    @property
    def reporter_label(self):
        """How the board names the reporter: 3号楼居民, never the name."""
        if self.reporter_building_id:
            return gettext("Resident of %(building)s") % {"building": self.reporter_building.name}
        return gettext("A resident")

    @property
    def status(self):
        annotated = self.__dict__.get("current_status")
        if annotated is not None:
            return annotated
        return self.trail_status

    @cached_property
    def trail_status(self):
        return current_status(self.steps.all(), events=EVENTS)

    def get_status_display(self):
        return Status(self.status).label if self.status else ""


class ReportStep(TrailStep):
    """One step of a report's public trail (the shared mechanism of ``trail.py``)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="steps")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)

    class Meta(TrailStep.Meta):
        verbose_name = _("report step")
        verbose_name_plural = _("report steps")
        indexes = [models.Index(fields=["report", "created_at"], name="report_step_time")]

    def __str__(self):
        return f"{self.report_id} {self.status}"


class ReportPhoto(models.Model):
    """A photo with the report, or of the fix; stored privately, re-encoded on upload
    (which drops EXIF, GPS position included)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    file = models.ImageField(upload_to="reports/%Y/%m/", storage=private_storage)
    role = models.CharField(
        _("shown"), max_length=8, choices=PhotoRole.choices, default=PhotoRole.REPORT
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report photo")
        verbose_name_plural = _("report photos")

    def __str__(self):
        return f"{self.report_id}: {self.pk}"

    def get_absolute_url(self):
        return reverse("participation:report-photo", args=[self.pk])
