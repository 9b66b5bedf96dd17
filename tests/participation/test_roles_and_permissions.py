"""Each role's permissions: editor, committee, building captain, auditor, resident."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation import permissions, roles
from participation.choices import Relation
from participation.models import ResidentProfile
from tests.factories.households import (
    BuildingFactory,
    ResidentFactory,
    UnitFactory,
    UserFactory,
    staff_in,
    verified_resident,
)


@pytest.fixture
def two_buildings(db):
    b3, b5 = BuildingFactory(name="3号楼"), BuildingFactory(name="5号楼")
    wang = verified_resident(
        UnitFactory(building=b3, room="301"), display_name="王芳", phone="13800000301"
    )
    zhao = verified_resident(
        UnitFactory(building=b5, room="402"), display_name="赵敏", phone="13800000402"
    )
    return b3, b5, wang, zhao


@pytest.fixture
def captain(staff_roles, two_buildings):
    b3 = two_buildings[0]
    user = UserFactory()
    ResidentFactory(user=user, captain_of=b3, unit=UnitFactory(building=b3), verified_at=None)
    user.groups.add(Group.objects.get(name=roles.CAPTAIN))
    return user


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
    assert not permissions.is_committee(editor)
    assert not permissions.can_verify_residents(editor)
    assert not permissions.can_view_ballot_choices(editor)


def test_committee_verifies_and_imports_but_cannot_open_ballots(staff_roles):
    member = staff_in(roles.COMMITTEE)
    assert permissions.is_committee(member)
    assert permissions.can_verify_residents(member)
    assert permissions.can_import_households(member)
    assert not permissions.can_view_ballot_choices(member)


def test_auditor_may_open_individual_ballots(staff_roles):
    auditor = staff_in(roles.AUDITOR)
    assert permissions.can_view_ballot_choices(auditor)
    assert not permissions.can_verify_residents(auditor)


def test_only_the_person_and_the_committee_see_a_phone_number(staff_roles, two_buildings, captain):
    _b3, _b5, wang, _zhao = two_buildings
    assert permissions.can_see_phone(wang.user, wang)
    assert permissions.can_see_phone(staff_in(roles.COMMITTEE), wang)
    assert not permissions.can_see_phone(captain, wang)
    assert not permissions.can_see_phone(staff_in(roles.EDITOR), wang)
    assert not permissions.can_see_phone(UserFactory(), wang)


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
    assert not permissions.can_view_building_residents(captain, b5)
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
