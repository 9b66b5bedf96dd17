"""Issue 10, item 6: no admin list export carries a formula (OWASP "CSV injection").

A resident picks their own display name; the committee exports the residents list and
opens it in a spreadsheet."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.admin.viewsets import viewsets

from participation.spreadsheets import FormulaSafeExportMixin
from tests.factories.households import ResidentFactory

RESIDENTS = "/admin/participation/residents/"


def exported(client, fmt):
    response = client.get(f"{RESIDENTS}?export={fmt}")
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_names(client):
    rows = list(csv.reader(io.StringIO(exported(client, "csv").decode("utf-8-sig"))))
    return [row[0] for row in rows[1:]]


@pytest.mark.parametrize("name", ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1"])
def test_a_display_name_that_starts_like_a_formula_is_text_in_the_csv(
    client, committee_in_admin, name
):
    ResidentFactory(display_name=name)
    ResidentFactory(display_name="陈静")
    assert sorted(csv_names(client)) == sorted(["'" + name, "陈静"])


def test_a_display_name_that_starts_like_a_formula_is_text_in_the_xlsx(client, committee_in_admin):
    ResidentFactory(display_name="=1+1")
    ResidentFactory(display_name="陈静")
    sheet = load_workbook(io.BytesIO(exported(client, "xlsx"))).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert sorted(cell.value for cell in cells) == ["'=1+1", "陈静"]
    assert {cell.data_type for cell in cells} == {"s"}  # never "f", a formula


def test_every_admin_viewset_with_an_export_neutralises_formulas(db):
    """Wagtail's own registered viewsets (pages, users, groups, sites) export nothing;
    Wagtail's reports (site history) are views, not viewsets, and are not covered."""
    reverse("wagtailadmin_home")  # the admin's URLs register the viewsets
    exporting = [
        vs
        for vs in viewsets.viewsets
        if isinstance(getattr(vs, "list_export", None), list | tuple) and vs.list_export
    ]
    assert {vs.name for vs in exporting} >= {
        "residents",
        "buildings",
        "units",
        "owners",
        "proposals",
        "proposal_comments",
        "reports",
        "volunteer_signups",
        "volunteer_ledger",
        "volunteer_certificates",
    }
    unsafe = [
        vs.name for vs in exporting if not issubclass(vs.index_view_class, FormulaSafeExportMixin)
    ]
    assert unsafe == []
