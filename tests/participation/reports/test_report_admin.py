"""物业 and 居委会 in the Wagtail admin: the queue, accept, close with a photo, refer,
convert, the 督办 queue, export, the dashboard panel; residents and captains kept out."""

import datetime

import pytest
from django.utils import timezone

from participation.reports.choices import Handler, PhotoRole, Status
from participation.reports.escalation import tick
from participation.reports.models import Report, ReportStep
from tests.factories.reports import ReportFactory, photo_upload

pytestmark = pytest.mark.django_db
QUEUE = "/admin/participation/reports/"


def _handle(report):
    return f"{QUEUE}handle/{report.pk}/"


def test_the_property_company_accepts_and_closes_with_a_photo(client, resident, wuye):
    report = ReportFactory(reporter=resident)
    client.force_login(wuye)
    assert client.get(QUEUE).status_code == 200
    assert client.get(_handle(report)).status_code == 200
    response = client.post(_handle(report), {"action": "accept", "accept-handler": "property"})
    assert response.status_code == 302
    response = client.post(
        _handle(report),
        {"action": "close", "close-note": "已更换按钮。", "close-photo": photo_upload()},
    )
    assert response.status_code == 302
    report = Report.objects.with_status().get(pk=report.pk)
    assert report.status == Status.DONE and report.handler == Handler.PROPERTY
    assert report.photos.filter(role=PhotoRole.FIX).count() == 1


def test_bad_admin_input_is_4xx_and_writes_nothing(client, resident, wuye):
    report = ReportFactory(reporter=resident)
    client.force_login(wuye)
    assert client.post(_handle(report), {"action": "close", "close-note": "x"}).status_code == 409
    assert (
        client.post(_handle(report), {"action": "accept", "accept-handler": "x"}).status_code == 400
    )
    assert client.post(_handle(report), {"action": "nope"}).status_code == 409
    assert client.post(_handle(report), {"action": "refer", "refer-to": "街道"}).status_code in (
        302,
        403,
    )
    assert ReportStep.objects.filter(report=report).count() == 1
    assert client.get(f"{QUEUE}handle/99999/").status_code == 404


def test_the_committee_refers_and_converts(client, resident, juweihui):
    report = ReportFactory(reporter=resident)
    client.force_login(juweihui)
    url = _handle(report)
    assert (
        client.post(
            url, {"action": "refer", "refer-to": "街道", "refer-reference": "12345-1"}
        ).status_code
        == 302
    )
    assert (
        client.post(url, {"action": "convert", "convert-title": "电梯更换议事"}).status_code == 302
    )
    report.refresh_from_db()
    assert report.referral_ref == "12345-1" and report.proposal is not None
    assert client.post(url, {"action": "convert", "convert-title": "再来"}).status_code == 409


def test_residents_and_captains_are_kept_out(client, resident, captain):
    report = ReportFactory(reporter=resident)
    for user in (resident, captain):
        client.force_login(user)
        assert client.get(_handle(report)).status_code in (302, 403)
        assert client.get(QUEUE).status_code in (302, 403)


def test_the_queue_puts_overdue_first_and_filters_mine(client, resident, wuye):
    old = ReportFactory(
        reporter=resident, place="老的", now=timezone.now() - datetime.timedelta(days=3)
    )
    client.force_login(wuye)
    client.post(_handle(old), {"action": "accept", "accept-handler": "property"})
    Report.objects.filter(pk=old.pk).update(due_at=timezone.now() - datetime.timedelta(hours=1))
    ReportFactory(reporter=resident, place="新的")
    response = client.get(QUEUE)
    text = response.content.decode()
    assert text.index("老的") < text.index("新的")
    mine = client.get(QUEUE + "?queue=mine").content.decode()
    assert "老的" in mine and "新的" not in mine
    assert "新的" in client.get(QUEUE + "?queue=unassigned").content.decode()


def test_the_escalation_queue_and_the_scheduler_warning(client, resident, juweihui):
    report = ReportFactory(
        reporter=resident, place="没人管", now=timezone.now() - datetime.timedelta(hours=7)
    )
    client.force_login(juweihui)
    response = client.get(QUEUE + "escalated/")
    assert "没人管" not in response.content.decode()
    assert "report_schedule" in response.content.decode()  # never ran: say so
    tick()
    response = client.get(QUEUE + "escalated/")
    assert "没人管" in response.content.decode()
    assert "report_schedule" not in response.content.decode()
    assert report.steps.filter(status=Status.ESCALATED).count() == 1


def test_export_and_the_dashboard_panel(client, resident, juweihui):
    report = ReportFactory(reporter=resident, place="超期的")
    client.force_login(juweihui)
    client.post(_handle(report), {"action": "accept", "accept-handler": "committee"})
    Report.objects.filter(pk=report.pk).update(due_at=timezone.now() - datetime.timedelta(hours=1))
    response = client.get(QUEUE + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "超期的" in body and "王芳" not in body
    assert client.get(QUEUE + "?export=xlsx").status_code == 200
    assert "超期的" in client.get("/admin/").content.decode()
