"""六小时督办 with a frozen clock: not before six hours, once at six, again when overdue;
the scheduler's tick is recorded."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command

from participation.reports import loop
from participation.reports.choices import Handler, Status
from participation.reports.escalation import escalate_overdue, escalate_unaccepted, tick
from participation.reports.models import ReportSettings, ReportStep
from tests.factories.reports import ReportFactory

pytestmark = pytest.mark.django_db

T0 = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC)
H = datetime.timedelta(hours=1)


def frozen(at):
    return mock.patch("django.utils.timezone.now", return_value=at)


def _escalations(report, status=Status.ESCALATED):
    return ReportStep.objects.filter(report=report, status=status).count()


def test_not_before_six_hours(resident):
    report = ReportFactory(reporter=resident, now=T0)
    assert escalate_unaccepted(T0 + 6 * H - datetime.timedelta(seconds=1)) == []
    assert _escalations(report) == 0


def test_once_at_six_hours_however_often_the_scheduler_runs(resident, juweihui):
    report = ReportFactory(reporter=resident, now=T0)
    with frozen(T0 + 6 * H):
        call_command("report_schedule", stdout=open("/dev/null", "w"))  # noqa: SIM115
    with frozen(T0 + 6 * H + datetime.timedelta(minutes=1)):
        call_command("report_schedule", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _escalations(report) == 1
    report.refresh_from_db()
    assert report.escalated_at == T0 + 6 * H
    assert [m for m in mail.outbox if juweihui.email in m.to]
    assert ReportSettings.load().schedule_ran_at == T0 + 6 * H + datetime.timedelta(minutes=1)


def test_an_accepted_report_is_not_escalated(resident, wuye):
    report = ReportFactory(reporter=resident, now=T0)
    loop.accept(report, wuye, Handler.PROPERTY, now=T0 + H)
    assert escalate_unaccepted(T0 + 7 * H) == []


def test_the_setting_changes_the_hours(resident):
    settings = ReportSettings.load()
    settings.accept_hours = 2
    settings.save()
    report = ReportFactory(reporter=resident, now=T0)
    assert escalate_unaccepted(T0 + 2 * H) == [report.pk]


def test_past_its_due_time_it_is_escalated_again_once(resident, wuye):
    report = ReportFactory(reporter=resident, now=T0)
    loop.accept(report, wuye, Handler.PROPERTY, now=T0 + H)  # lift: due 24 h later
    assert escalate_overdue(T0 + 25 * H - datetime.timedelta(seconds=1)) == []
    assert escalate_overdue(T0 + 25 * H) == [report.pk]
    assert escalate_overdue(T0 + 26 * H) == []
    assert _escalations(report, Status.OVERDUE) == 1


def test_a_closed_report_is_not_overdue(resident, wuye):
    report = ReportFactory(reporter=resident, now=T0)
    loop.accept(report, wuye, Handler.PROPERTY, now=T0 + H)
    loop.close(report, wuye, "修好了", now=T0 + 2 * H)
    assert escalate_overdue(T0 + 48 * H) == []


def test_tick_returns_both_kinds(resident, wuye):
    late = ReportFactory(reporter=resident, now=T0)
    accepted = ReportFactory(reporter=resident, now=T0)
    loop.accept(accepted, wuye, Handler.PROPERTY, now=T0 + H)
    unaccepted, overdue = tick(T0 + 30 * H)
    assert unaccepted == [late.pk]
    assert overdue == [accepted.pk]
