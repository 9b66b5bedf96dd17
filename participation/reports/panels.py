"""Admin dashboard panel: overdue and escalated reports, and whether the scheduler runs."""

from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component

from participation.reports import rules
from participation.reports.choices import OPEN_STATUSES, RUNNING_STATUSES
from participation.reports.models import Report, ReportSettings
from participation.reports.permissions import is_handler

SHOWN = 10


class OverdueReportsPanel(Component):
    name = "overdue_reports"
    order = 110
    template_name = "participation/admin/overdue_reports_panel.html"

    def get_context_data(self, parent_context):
        now = timezone.now()
        reports = (
            Report.objects.with_status()
            .filter(
                Q(due_at__lte=now, current_status__in=RUNNING_STATUSES)
                | Q(escalated_at__isnull=False, accepted_at__isnull=True),
                current_status__in=OPEN_STATUSES,
            )
            .select_related("building")
            .order_by("due_at", "created_at")[:SHOWN]
        )
        last = ReportSettings.current().schedule_ran_at
        return {
            "reports": list(reports),
            "scheduler_stale": rules.scheduler_stale(last, now),
            "schedule_ran_at": last,
        }


def add_panels(request, panels):
    """``construct_homepage_panels``: for 物业 and 居委会."""
    if is_handler(request.user):
        panels.append(OverdueReportsPanel())
