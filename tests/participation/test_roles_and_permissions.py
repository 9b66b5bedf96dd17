"""Each role's permissions: editor, committee, building captain, auditor, resident."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation import roles
from participation.households.permissions import can_import_households
from participation.permissions import is_committee
from participation.residents.choices import Relation
from participation.residents.models import ResidentProfile
from participation.residents.permissions import (
    can_verify_residents,
    can_view_building_residents,
)
from participation.votes.permissions import can_view_ballot_choices
from tests.factories.households import (
    BuildingFactory,
    UnitFactory,
    staff_in,
    verified_resident,
)


@pytest.fixture
def two_buildings(captain_building):
    b3, b5 = captain_building, BuildingFactory(name="5号楼")
    wang = verified_resident(
        UnitFactory(building=b3, room="301"), display_name="王芳", phone="13800000301"
    )
    zhao = verified_resident(
        UnitFactory(building=b5, room="402"), display_name="赵敏", phone="13800000402"
    )
    return b3, b5, wang, zhao


def test_the_data_migration_creates_the_four_groups(db):
    Group.objects.filter(name__in=["编辑", "居委会", "楼栋长", "审计"]).delete()
    migration = importlib.import_module("participation.migrations.0004_roles")
    migration.create_roles(django_apps, None)
    assert {"编辑", "居委会", "楼栋长", "审计"} <= set(Group.objects.values_list("name", flat=True))


def test_ensure_roles_is_idempotent(staff_roles):
    before = {
        g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
    }
    roles.ensure_roles()
    after = {
        g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
    }
    assert before == after


def test_editor_edits_pages_but_not_the_register_nor_ballots(staff_roles):
    editor = staff_in(roles.EDITOR)
    assert editor.has_perm("wagtailadmin.access_admin")
    assert editor.groups.get().page_permissions.filter(permission__codename="publish_page").exists()
    assert not is_committee(editor)
    assert not can_verify_residents(editor)
    assert not can_view_ballot_choices(editor)


def test_committee_verifies_and_imports_but_cannot_open_ballots(staff_roles):
    member = staff_in(roles.COMMITTEE)
    assert is_committee(member)
    assert can_verify_residents(member)
    assert can_import_households(member)
    assert not can_view_ballot_choices(member)


def test_auditor_may_open_individual_ballots(staff_roles):
    auditor = staff_in(roles.AUDITOR)
    assert can_view_ballot_choices(auditor)
    assert not can_verify_residents(auditor)


def test_only_the_person_and_the_committee_see_a_phone_number(
    client, staff_roles, two_buildings, captain
):
    """The phone number is on the person's own /me/ and the committee's edit screen;
    a captain, an editor and another resident see it nowhere."""
    _b3, _b5, wang, zhao = two_buildings
    edit_url = f"/admin/participation/residents/edit/{wang.pk}/"

    def shows_phone(user, url):
        client.force_login(user)
        response = client.get(url)
        client.logout()
        return response.status_code == 200 and "13800000301" in response.content.decode()

    assert shows_phone(wang.user, "/me/")
    assert shows_phone(staff_in(roles.COMMITTEE), edit_url)
    assert not shows_phone(captain, "/me/building/")
    assert not shows_phone(captain, edit_url)
    assert not shows_phone(staff_in(roles.EDITOR), edit_url)
    assert not shows_phone(zhao.user, "/me/")


def test_a_captain_sees_names_and_rooms_of_their_building_without_phones(
    client, two_buildings, captain
):
    client.force_login(captain)
    response = client.get("/me/building/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "王芳" in html and "301" in html
    assert "13800000301" not in html
    assert "赵敏" not in html


def test_a_captain_cannot_see_another_building(client, two_buildings, captain):
    _b3, b5, _wang, _zhao = two_buildings
    assert not can_view_building_residents(captain, b5)
    client.force_login(captain)
    response = client.get(f"/me/building/{b5.pk}/")
    assert response.status_code == 403
    assert "赵敏" not in response.content.decode()


def test_a_captain_removed_from_the_group_loses_the_list(client, two_buildings, captain):
    captain.groups.clear()
    client.force_login(captain)
    assert client.get("/me/building/").status_code == 404


def test_committee_can_see_any_buildings_list(client, staff_roles, two_buildings):
    _b3, b5, _wang, _zhao = two_buildings
    client.force_login(staff_in(roles.COMMITTEE))
    assert "赵敏" in client.get(f"/me/building/{b5.pk}/").content.decode()


def test_a_plain_resident_has_no_building_list(client, two_buildings):
    _b3, b5, wang, _zhao = two_buildings
    client.force_login(wang.user)
    assert client.get("/me/building/").status_code == 404
    assert client.get(f"/me/building/{b5.pk}/").status_code == 403


def test_captains_list_uses_a_fixed_number_of_queries(client, two_buildings, captain):
    b3 = two_buildings[0]
    client.force_login(captain)
    client.get("/me/building/")  # warm the per-process caches (site, settings)

    def count(n):
        ResidentProfile.objects.filter(unit__building=b3).exclude(user=captain).delete()
        for _ in range(n):
            verified_resident(UnitFactory(building=b3), relation=Relation.TENANT)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/me/building/")
        assert response.status_code == 200
        assert len(response.context["residents"]) == n
        return len(ctx.captured_queries)

    assert count(2) == count(50)


def test_only_committee_reaches_the_residents_admin(client, staff_roles, two_buildings):
    for role, status in [(roles.EDITOR, 302), (roles.AUDITOR, 302)]:
        client.force_login(staff_in(role))
        assert client.get("/admin/participation/residents/").status_code == status
    client.force_login(staff_in(roles.COMMITTEE))
    assert client.get("/admin/participation/residents/").status_code == 200
