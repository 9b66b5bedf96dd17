"""Every transition of the loop, each step on the trail, reopen once, refer, convert."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from participation.consultations.choices import Kind
from participation.reports import loop
from participation.reports.choices import Handler, PhotoRole, Rating, Status
from participation.reports.models import Report, ReportStep
from participation.trail import TrailIsAppendOnly
from tests.factories.reports import ReportFactory, photo_upload

pytestmark = pytest.mark.django_db


def _status(report):
    return Report.objects.with_status().get(pk=report.pk).status


def test_a_new_report_waits_to_be_accepted_with_its_photos(resident):
    report = ReportFactory(reporter=resident, photos=2)
    assert _status(report) == Status.PENDING
    assert report.photos.filter(role=PhotoRole.REPORT).count() == 2
    assert report.reporter_building == resident.resident.unit.building


def test_photos_are_reencoded_without_metadata(resident):
    report = ReportFactory(reporter=resident, photos=1)
    photo = report.photos.get()
    with photo.file.open("rb") as handle:
        data = handle.read()
    assert data[:2] == b"\xff\xd8"
    assert b"Exif" not in data[:200]


def test_the_whole_loop_to_satisfied(resident, wuye, django_capture_on_commit_callbacks):
    report = ReportFactory(reporter=resident)
    with django_capture_on_commit_callbacks(execute=True):
        loop.accept(report, wuye, Handler.PROPERTY)
    report.refresh_from_db()
    assert report.handler == Handler.PROPERTY
    assert report.due_at == report.accepted_at + datetime.timedelta(hours=24)
    with django_capture_on_commit_callbacks(execute=True):
        loop.start(report, wuye)
        loop.close(report, wuye, "已更换按钮。", [photo_upload("fix.jpg")])
    assert _status(report) == Status.DONE
    assert report.photos.filter(role=PhotoRole.FIX).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        loop.rate(report, resident, Rating.SATISFIED)
    report.refresh_from_db()
    assert _status(report) == Status.RATED
    assert report.rating == Rating.SATISFIED
    statuses = list(report.steps.values_list("status", flat=True))
    assert statuses == [
        Status.PENDING,
        Status.ACCEPTED,
        Status.IN_PROGRESS,
        Status.DONE,
        Status.RATED,
    ]
    # The reporter is told at each step (accept, start, close, rate).
    assert len([m for m in mail.outbox if resident.email in m.to]) == 4


def test_closing_needs_a_note(resident, wuye):
    report = ReportFactory(reporter=resident)
    loop.accept(report, wuye, Handler.PROPERTY)
    with pytest.raises(loop.StepRefused):
        loop.close(report, wuye, "  ")
    assert _status(report) == Status.ACCEPTED


def test_steps_out_of_order_are_refused(resident, wuye):
    report = ReportFactory(reporter=resident)
    with pytest.raises(loop.StepRefused):
        loop.close(report, wuye, "修好了")
    with pytest.raises(loop.StepRefused):
        loop.rate(report, resident, Rating.SATISFIED)
    loop.accept(report, wuye, Handler.PROPERTY)
    with pytest.raises(loop.StepRefused):
        loop.accept(report, wuye, Handler.COMMITTEE)
    assert ReportStep.objects.filter(report=report).count() == 2


def test_unsatisfied_reopens_once_then_the_rating_stands(resident, wuye):
    report = ReportFactory(reporter=resident)
    loop.accept(report, wuye, Handler.PROPERTY)
    loop.close(report, wuye, "修好了")
    with pytest.raises(loop.StepRefused):
        loop.rate(report, resident, Rating.UNSATISFIED, "")
    loop.rate(report, resident, Rating.UNSATISFIED, "按钮还是不灵")
    assert _status(report) == Status.REOPENED
    loop.start(report, wuye)
    loop.close(report, wuye, "换了整块面板")
    loop.rate(report, resident, Rating.UNSATISFIED, "还是慢")
    report.refresh_from_db()
    assert _status(report) == Status.RATED
    assert report.rating == Rating.UNSATISFIED
    assert report.steps.filter(status=Status.REOPENED).count() == 1


def test_only_the_reporter_rates(resident, other_resident, wuye):
    report = ReportFactory(reporter=resident)
    loop.accept(report, wuye, Handler.PROPERTY)
    loop.close(report, wuye, "修好了")
    with pytest.raises(loop.StepRefused) as refused:
        loop.rate(report, other_resident, Rating.SATISFIED)
    assert refused.value.status == 403


def test_refer_upward_records_the_outside_reference_and_keeps_the_status(resident, juweihui):
    report = ReportFactory(reporter=resident)
    loop.refer(report, juweihui, "街道城管科", "12345-20261101-0042")
    report.refresh_from_db()
    assert report.referral_ref == "12345-20261101-0042"
    assert _status(report) == Status.PENDING
    assert report.steps.filter(status=Status.REFERRED).exists()


def test_a_report_becomes_a_consultation_once_and_they_link(resident, juweihui):
    report = ReportFactory(reporter=resident)
    proposal, _step = loop.convert(report, juweihui, "2单元电梯更换议事")
    assert proposal.kind == Kind.COMMITTEE
    report.refresh_from_db()
    assert report.proposal == proposal and proposal.source_report == report
    with pytest.raises(loop.StepRefused):
        loop.convert(report, juweihui, "再来一次")


def test_the_trail_is_append_only(resident):
    step = ReportFactory(reporter=resident).steps.get()
    with pytest.raises(TrailIsAppendOnly):
        step.save()
    with pytest.raises(TrailIsAppendOnly):
        ReportStep.objects.all().delete()


def test_events_do_not_change_the_status(resident, juweihui):
    report = ReportFactory(reporter=resident, now=timezone.now() - datetime.timedelta(hours=7))
    loop.refer(report, juweihui, "街道")
    assert report.steps.last().status == Status.REFERRED
    assert Report.objects.get(pk=report.pk).status == Status.PENDING
