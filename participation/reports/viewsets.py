"""Resident reports in the Wagtail admin: the handlers' queue (mine, not yet accepted,
overdue first), the committee's 督办 queue, CSV/XLSX export, and the handling view."""

import django_filters
from django.contrib import messages
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import MenuItem

from participation.reports import admin_views, rules
from participation.reports.choices import (
    OPEN_STATUSES,
    RUNNING_STATUSES,
    Category,
    Handler,
    Queue,
)
from participation.reports.models import Report, ReportSettings
from participation.reports.permissions import is_supervisor
from participation.spreadsheets import FormulaSafeExportMixin


def my_handler(user):
    """The handler a member of staff stands for: the committee or the property company."""
    return Handler.COMMITTEE if is_supervisor(user) else Handler.PROPERTY


class ReportFilterSet(WagtailFilterSet):
    queue = django_filters.ChoiceFilter(
        label=_("Queue"), choices=Queue.choices, method="filter_queue", empty_label=_("All")
    )
    category = django_filters.ChoiceFilter(label=_("Category"), choices=Category.choices)
    handler = django_filters.ChoiceFilter(label=_("Assigned to"), choices=Handler.choices)

    class Meta:
        model = Report
        fields = ["queue", "category", "handler"]

    def filter_queue(self, queryset, name, value):
        if value == Queue.MINE:
            user = self.request.user
            return queryset.filter(
                Q(accepted_by=user) | Q(handler=my_handler(user)),
                current_status__in=OPEN_STATUSES,
            )
        if value == Queue.UNASSIGNED:
            return queryset.filter(accepted_at__isnull=True)
        if value == Queue.OVERDUE:
            return queryset.filter(due_at__lte=timezone.now(), current_status__in=RUNNING_STATUSES)
        return queryset


def status_label(report):
    return report.get_status_display()


status_label.short_description = _("Status")


def queue_order(queryset, now):
    """Overdue first, then 督办, then waiting to be accepted, then the rest (newest)."""
    return queryset.annotate(
        priority=Case(
            When(Q(due_at__lte=now) & Q(current_status__in=RUNNING_STATUSES), then=Value(0)),
            When(Q(escalated_at__isnull=False) & Q(accepted_at__isnull=True), then=Value(1)),
            When(accepted_at__isnull=True, then=Value(2)),
            When(current_status__in=RUNNING_STATUSES, then=Value(3)),
            default=Value(4),
            output_field=IntegerField(),
        )
    )


def warn_if_scheduler_stopped(request):
    """Say so when ``report_schedule`` has not ticked for a while (issue 17)."""
    last = ReportSettings.current().schedule_ran_at
    if rules.scheduler_stale(last, timezone.now()):
        messages.warning(
            request,
            gettext(
                "The scheduler (manage.py report_schedule) has not run for a while: reports "
                "are not escalated (督办) automatically. Last run: %(when)s."
            )
            % {
                "when": timezone.localtime(last).strftime("%Y-%m-%d %H:%M")
                if last
                else gettext("never")
            },
        )


class ReportIndexView(FormulaSafeExportMixin, IndexView):
    def get(self, request, *args, **kwargs):
        warn_if_scheduler_stopped(request)
        return super().get(request, *args, **kwargs)

    def get_base_queryset(self):
        queryset = (
            super()
            .get_base_queryset()
            .with_status()
            .select_related("building", "reporter_building")
        )
        return queue_order(queryset, timezone.now())

    def get_list_more_buttons(self, instance):
        return [
            MenuItem(
                _("Handle"),
                url=reverse("reports:handle", args=[instance.pk]),
                icon_name="tick",
                priority=1,
            ),
        ]


EXPORT = [
    "pk",
    "get_category_display",
    "building",
    "place",
    "description",
    "get_visibility_display",
    "reporter_label",
    "get_status_display",
    "created_at",
    "get_handler_display",
    "accepted_at",
    "due_at",
    "done_at",
    "get_rating_display",
    "escalated_at",
    "overdue_at",
    "referred_to",
    "referral_ref",
]
EXPORT_HEADINGS = {
    "pk": "ID",
    "get_category_display": _("Category"),
    "building": _("Building"),
    "place": _("Place"),
    "description": _("Description"),
    "get_visibility_display": _("Who may see it"),
    "reporter_label": _("Reported by"),
    "get_status_display": _("Status"),
    "created_at": _("Reported at"),
    "get_handler_display": _("Assigned to"),
    "accepted_at": _("Accepted at"),
    "due_at": _("Due at"),
    "done_at": _("Fixed at"),
    "get_rating_display": _("Rating"),
    "escalated_at": _("Escalated (督办) at"),
    "overdue_at": _("Escalated as overdue at"),
    "referred_to": _("Referred to"),
    "referral_ref": _("Outside reference"),
}


class ReportViewSet(ModelViewSet):
    model = Report
    name = "reports"
    url_prefix = "participation/reports"
    icon = "warning"
    menu_label = _("Resident reports")
    add_to_admin_menu = False
    index_view_class = ReportIndexView
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    list_display = [
        Column("title", label=_("Report"), accessor="__str__"),
        Column("status", label=_("Status"), accessor=status_label),
        "handler",
        "created_at",
        "due_at",
    ]
    filterset_class = ReportFilterSet
    search_fields = ["place", "description"]
    ordering = ["priority", "-created_at"]
    list_export = EXPORT
    export_headings = EXPORT_HEADINGS
    export_filename = "resident-reports"
    form_fields = ["category", "building", "place", "visibility"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("handle/<int:pk>/", admin_views.HandleReportView.as_view(), name="handle"),
        ]


class EscalatedIndexView(ReportIndexView):
    """督办: not accepted in time, overdue or referred, and still open."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(
                Q(escalated_at__isnull=False) | Q(overdue_at__isnull=False),
                current_status__in=OPEN_STATUSES,
            )
        )


class EscalatedViewSet(ReportViewSet):
    name = "report_escalations"
    url_prefix = "participation/reports/escalated"
    menu_label = _("督办 queue")
    icon = "warning"
    index_view_class = EscalatedIndexView
    edit_view_enabled = False
    delete_view_enabled = False

    def get_urlpatterns(self):
        return ModelViewSet.get_urlpatterns(self)
