"""The household register in the Wagtail admin: CSV import with printable letters,
new codes, listings with filters, search and export, in a fixed number of queries."""

import csv
import io
import json
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.households.codes import hash_code, normalize_code
from participation.households.models import Building, Owner, Unit
from tests.factories.households import (
    BuildingFactory,
    OwnerFactory,
    UnitFactory,
    staff_in,
    verified_resident,
)

CSV = (
    "\ufeffbuilding,unit,room,area_m2,owner_ref\n"
    "3号楼,1,301,89.50,A\n3号楼,1,302,60.00,A\n3号楼,2,101,120.00,developer\n"
)
IMPORT = "/admin/participation/import/"


def upload(text, name="households.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_committee_imports_a_csv_and_gets_one_printable_letter_per_unit(client, committee_in_admin):
    response = client.post(IMPORT, {"file": upload(CSV), "output": "letters"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert html.count('<article class="letter"') == 3
    assert "3号楼1单元301室住户" in html
    assert "/accounts/household/" in html
    codes = [normalize_code(letter.code) for letter in response.context["letters"]]
    for letter in response.context["letters"]:
        unit = Unit.objects.get(building__name=letter.building, room=letter.room)
        assert unit.code_hash == hash_code(normalize_code(letter.code))
        assert letter.code in html
    assert len(set(codes)) == 3


def test_the_letters_are_chinese_even_when_the_admin_is_in_english(client, committee_in_admin):
    client.cookies["linli_language"] = "en"
    html = client.post(IMPORT, {"file": upload(CSV), "output": "letters"}).content.decode()
    assert "Household letters" in html
    assert "3号楼1单元301室住户" in html


def test_codes_can_be_downloaded_as_csv(client, committee_in_admin):
    response = client.post(IMPORT, {"file": upload(CSV), "output": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["building", "unit", "room", "code"]
    assert len(rows) == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("building,unit,room,area_m2,owner_ref\n3号楼,1,301,-2,A\n", "第2行"),
        ("building,unit,room\n3号楼,1,301\n", "缺少列"),
        ("", "空"),
    ],
)
def test_a_bad_file_is_400_with_the_lines_and_nothing_is_imported(
    client, committee_in_admin, text, message
):
    response = client.post(IMPORT, {"file": upload(text), "output": "letters"})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Unit.objects.exists()


def test_no_file_is_a_400(client, committee_in_admin):
    response = client.post(IMPORT, {"output": "letters"})
    assert response.status_code == 400
    assert not Unit.objects.exists()


def test_new_codes_for_named_units_from_the_admin(client, committee_in_admin):
    client.post(IMPORT, {"file": upload(CSV), "output": "csv"})
    old = Unit.objects.get(room="301").code_hash
    response = client.post(
        IMPORT + "regenerate/", {"addresses": "3号楼-1-301\n\n", "output": "letters"}
    )
    assert response.status_code == 200
    assert len(response.context["letters"]) == 1
    assert Unit.objects.get(room="301").code_hash != old


def test_regenerating_an_unknown_unit_is_a_400_and_changes_nothing(client, committee_in_admin):
    client.post(IMPORT, {"file": upload(CSV), "output": "csv"})
    old = Unit.objects.get(room="301").code_hash
    response = client.post(
        IMPORT + "regenerate/", {"addresses": "3号楼-1-301\n9号楼-9-999", "output": "letters"}
    )
    assert response.status_code == 400
    assert "9号楼-9-999" in response.content.decode()
    assert Unit.objects.get(room="301").code_hash == old


def test_an_editor_cannot_import(client, staff_roles, home):
    client.force_login(staff_in("编辑"))
    assert client.get(IMPORT).status_code in (302, 403)
    response = client.post(IMPORT, {"file": upload(CSV), "output": "letters"})
    assert response.status_code in (302, 403)
    assert not Unit.objects.exists()


def test_the_participation_menu_groups_the_register(client, committee_in_admin):
    html = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html)
    menu = json.dumps(json.loads(props.group(1)), ensure_ascii=False)
    for label in ("居民参与", "楼栋", "房屋", "业主", "居民", "导入住户"):
        assert label in menu


def test_owners_filter_by_building_keeps_their_summed_area(client, committee_in_admin):
    b3, b5 = BuildingFactory(name="3号楼"), BuildingFactory(name="5号楼")
    owner = OwnerFactory(ref="TWO-FLATS")
    UnitFactory(building=b3, owner=owner, area_m2="89.50")
    UnitFactory(building=b5, owner=owner, area_m2="60.25")
    UnitFactory(building=b5, owner=OwnerFactory(ref="ONLY-5"))
    response = client.get(f"/admin/participation/owners/?building={b3.pk}")
    owners = list(response.context["object_list"])
    assert [o.ref for o in owners] == ["TWO-FLATS"]
    assert owners[0].total_area == Decimal("149.75")
    assert owners[0].unit_count == 2


def test_owners_search_and_export(client, committee_in_admin):
    owner = OwnerFactory(ref="A-0301")
    UnitFactory(owner=owner, area_m2="89.50")
    UnitFactory(owner=OwnerFactory(ref="B-0502"))
    response = client.get("/admin/participation/owners/?q=A-03")
    assert [o.ref for o in response.context["object_list"]] == ["A-0301"]
    exported = client.get("/admin/participation/owners/?export=csv")
    text = b"".join(exported.streaming_content).decode()
    assert "A-0301" in text and "89.50" in text and "B-0502" in text
    xlsx = client.get("/admin/participation/owners/?export=xlsx")
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx["Content-Type"]


def test_units_filter_by_code_state_and_export(client, committee_in_admin):
    used = UnitFactory(code_hash="x", code_used_at="2026-01-01T00:00:00Z")
    UnitFactory(code_hash="y")
    response = client.get("/admin/participation/units/?code=used")
    assert list(response.context["object_list"]) == [used]
    text = b"".join(client.get("/admin/participation/units/?export=csv").streaming_content)
    assert used.room in text.decode()


def _list_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), len(response.context["object_list"])


def _fill(n):
    Unit.objects.all().delete()
    Owner.objects.all().delete()
    Building.objects.all().delete()
    for i in range(n):
        unit = UnitFactory(building=BuildingFactory(name=f"{i + 1}号楼"))
        verified_resident(unit)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/participation/buildings/",
        "/admin/participation/units/",
        "/admin/participation/owners/",
        "/admin/participation/residents/",
        "/admin/participation/residents/?status=verified",
    ],
)
def test_admin_listings_use_a_fixed_number_of_queries(client, committee_in_admin, url):
    client.get(url)
    _fill(2)
    few, shown = _list_queries(client, url)
    assert shown == 2
    _fill(50)
    many, shown = _list_queries(client, url)
    assert shown == 50
    assert few == many


def test_units_and_buildings_are_listed_in_natural_order(client, committee_in_admin):
    """Issue 11 item 5: 1号楼 before 10号楼, unit 2 before unit 10, room 201 before 1001
    — in the database, so the second page of 50 continues the same order."""
    for name in ("10号楼", "2号楼", "1号楼"):
        BuildingFactory(name=name, sort_order=0)
    one = Building.objects.get(name="1号楼")
    for unit_no, room in (("10", "101"), ("2", "1001"), ("2", "201"), ("1", "301")):
        UnitFactory(building=one, unit_no=unit_no, room=room)
    buildings = client.get("/admin/participation/buildings/").context["object_list"]
    assert [b.name for b in buildings] == ["1号楼", "2号楼", "10号楼"]
    units = client.get("/admin/participation/units/").context["object_list"]
    assert [(u.unit_no, u.room) for u in units] == [
        ("1", "301"),
        ("2", "201"),
        ("2", "1001"),
        ("10", "101"),
    ]
