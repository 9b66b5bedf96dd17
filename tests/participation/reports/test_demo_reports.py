"""The demo community's reports: 40+, every state and event, bills with figures, idempotent."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from home.demo.editor import ensure_editor
from home.demo.pages import ensure_buildings
from participation.demo import households as demo
from participation.demo.reports import ensure_demo_reports
from participation.reports.bill import month_bounds, month_figures
from participation.reports.choices import STATUSES, Status
from participation.reports.models import Report, ReportStep
from participation.reports.queries import bill_rows

PASSWORD = "demo-pass-for-tests"


@pytest.fixture
def demo_site(db):
    ensure_editor(PASSWORD)
    demo.load(ensure_buildings(), PASSWORD, "editor")


def test_forty_or_more_reports_in_every_state(demo_site):
    reports = list(Report.objects.with_status())
    assert len(reports) >= 40
    assert {r.status for r in reports} == set(STATUSES)
    for event in (Status.ESCALATED, Status.OVERDUE, Status.REFERRED, Status.CONVERTED):
        assert ReportStep.objects.filter(status=event).exists(), event
    assert Report.objects.filter(proposal__isnull=False).count() == 1
    assert Report.objects.filter(reopened_at__isnull=False).count() >= 2


def test_the_last_three_months_of_bills_have_figures(demo_site, client):
    now = timezone.localtime()
    year, month = (now.year, now.month - 1) if now.month > 1 else (now.year - 1, 12)
    for _ in range(3):
        start, end = month_bounds(year, month, timezone.get_current_timezone())
        figures = month_figures(bill_rows(start, end))
        assert figures.received > 0 and figures.closed > 0, (year, month)
        assert (
            client.get(reverse("participation:report-bill", args=[year, month])).status_code == 200
        )
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)


def test_loading_again_changes_nothing(demo_site):
    before = (Report.objects.count(), ReportStep.objects.count())
    users = get_user_model().objects
    assert ensure_demo_reports(users.get(username="zhouxiaowen"), users.get(username="wuye")) == 0
    assert (Report.objects.count(), ReportStep.objects.count()) == before
