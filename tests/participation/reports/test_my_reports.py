"""/me/ lists my reports; the export holds them; deleting the account keeps them unlinked."""

import json

import pytest

from participation.me.personal_data import delete_account, export
from participation.reports.models import Report
from tests.factories.reports import ReportFactory

pytestmark = pytest.mark.django_db


def test_me_lists_my_reports_only(client, resident, other_resident):
    ReportFactory(reporter=resident, place="我的电梯")
    ReportFactory(reporter=other_resident, place="别人的")
    client.force_login(resident)
    text = client.get("/me/").content.decode()
    assert "我的电梯" in text and "别人的" not in text


def test_the_export_holds_my_reports(resident):
    ReportFactory(reporter=resident, place="我的电梯", photos=1)
    data = json.loads(json.dumps(export(resident)))
    assert data["reports"][0]["place"] == "我的电梯"
    assert data["reports"][0]["photos"] == 1


def test_deleting_the_account_keeps_the_report_unlinked(resident):
    report = ReportFactory(reporter=resident)
    building = report.reporter_building
    delete_account(resident)
    report = Report.objects.get(pk=report.pk)
    assert report.reporter is None and report.reporter_building == building
