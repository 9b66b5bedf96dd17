"""Residents in the Wagtail admin: verify and unverify by hand with the reason recorded,
pending filter, dashboard panel, appointing a building captain."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from participation.households.models import Owner
from participation.residents.models import ResidentProfile
from tests.factories.households import (
    ResidentFactory,
    UnitFactory,
    developer,
    staff_in,
    verified_resident,
)

RESIDENTS = "/admin/participation/residents/"


@pytest.fixture
def pending(db):
    return ResidentFactory(display_name="陈静", phone="13700000000")


@pytest.fixture
def unit(db):
    return UnitFactory(building__name="3号楼", unit_no="1", room="502")


def verify(client, profile, **data):
    return client.post(f"{RESIDENTS}verify/{profile.pk}/", data)


def test_staff_verify_a_resident_by_hand_with_the_reason_recorded(
    client, committee_in_admin, pending, unit
):
    response = verify(
        client, pending, unit="3号楼-1-502", relation="owner_voter", reason="查验了房产证"
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.is_verified and pending.unit == unit
    assert pending.verified_by == committee_in_admin
    assert pending.verification_method == "staff"
    assert pending.verification_note == "查验了房产证"
    assert Owner.objects.get(pk=unit.owner_id).voter == pending.user
    entry = ModelLogEntry.objects.get(action="participation.verify")
    assert entry.user_id == committee_in_admin.pk
    assert entry.data["reason"] == "查验了房产证"
    history = client.get(f"{RESIDENTS}history/{pending.pk}/").content.decode()
    assert "查验了房产证" in history


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"unit": "9号楼-9-999", "relation": "family", "reason": "x"}, "unit"),
        ({"unit": "乱写", "relation": "family", "reason": "x"}, "unit"),
        ({"unit": "3号楼-1-502", "relation": "boss", "reason": "x"}, "relation"),
        ({"unit": "3号楼-1-502", "relation": "family", "reason": ""}, "reason"),
        ({"unit": "3号楼-1-502", "relation": "family", "reason": "长" * 201}, "reason"),
    ],
)
def test_bad_verification_input_is_400_and_changes_nothing(
    client, committee_in_admin, pending, unit, data, field
):
    response = verify(client, pending, **data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    pending.refresh_from_db()
    assert not pending.is_verified


def test_a_second_named_voter_is_refused_with_a_message(client, committee_in_admin, pending, unit):
    first = verified_resident(unit, relation="owner_voter")
    Owner.objects.filter(pk=unit.owner_id).update(voter=first.user)
    response = verify(client, pending, unit="3号楼-1-502", relation="owner_voter", reason="x")
    assert response.status_code == 400
    assert "已经指定了投票人" in response.content.decode()
    pending.refresh_from_db()
    assert not pending.is_verified


def test_a_developer_unit_cannot_get_an_owner_by_hand(client, committee_in_admin, pending):
    UnitFactory(building__name="12号楼", unit_no="2", room="601", owner=developer())
    response = verify(client, pending, unit="12号楼-2-601", relation="owner_voter", reason="x")
    assert response.status_code == 400
    assert developer().voter is None


def test_unverify_records_the_reason_and_ends_the_named_vote(client, committee_in_admin, unit):
    profile = verified_resident(unit, relation="owner_voter")
    Owner.objects.filter(pk=unit.owner_id).update(voter=profile.user)
    response = client.post(f"{RESIDENTS}unverify/{profile.pk}/", {"reason": "已搬走"})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert not profile.is_verified
    assert profile.verification_note == "已搬走"
    assert Owner.objects.get(pk=unit.owner_id).voter is None
    assert ModelLogEntry.objects.filter(action="participation.unverify").exists()
    assert client.post(f"{RESIDENTS}unverify/{profile.pk}/", {"reason": ""}).status_code == 400


def test_the_pending_filter_and_the_dashboard_panel(client, committee_in_admin, pending, unit):
    verified = verified_resident(unit, display_name="王芳")
    response = client.get(RESIDENTS + "?status=pending")
    assert list(response.context["object_list"]) == [pending]
    html = client.get("/admin/").content.decode()
    assert "等待核验的居民" in html
    assert f"{RESIDENTS}verify/{pending.pk}/" in html
    assert f"{RESIDENTS}verify/{verified.pk}/" not in html


def test_the_panel_is_not_shown_to_editors(client, staff_roles, home, pending):
    client.force_login(staff_in("编辑"))
    assert "等待核验的居民" not in client.get("/admin/").content.decode()


def test_editors_cannot_verify(client, staff_roles, home, pending, unit):
    client.force_login(staff_in("编辑"))
    response = verify(client, pending, unit="3号楼-1-502", relation="family", reason="x")
    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert not pending.is_verified


def test_nobody_adds_residents_in_the_admin(client, committee_in_admin):
    assert client.get(RESIDENTS + "new/").status_code in (302, 403)


def test_committee_sees_and_edits_the_phone(client, committee_in_admin, pending):
    html = client.get(f"{RESIDENTS}edit/{pending.pk}/").content.decode()
    assert "13700000000" in html


def test_appointing_a_captain_grants_the_captain_role(client, committee_in_admin, pending, unit):
    building = unit.building
    response = client.post(
        f"{RESIDENTS}edit/{pending.pk}/",
        {"display_name": "陈静", "phone": "", "captain_of": building.pk},
    )
    assert response.status_code == 302
    assert pending.user.groups.filter(name="楼栋长").exists()
    client.post(f"{RESIDENTS}edit/{pending.pk}/", {"display_name": "陈静", "phone": ""})
    assert not pending.user.groups.filter(name="楼栋长").exists()
    assert ResidentProfile.objects.get(pk=pending.pk).captain_of is None
    assert Group.objects.filter(name="楼栋长").exists()
