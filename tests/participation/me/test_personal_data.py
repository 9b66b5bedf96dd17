"""A person's data: export holds theirs and no one else's; consent can be withdrawn;
deleting the account leaves the household intact."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from participation.households.models import Owner, Unit
from participation.residents.choices import Relation
from participation.residents.models import CodeAttempt, ResidentProfile
from participation.residents.verification import verify_resident
from tests.factories.households import (
    PASSWORD,
    UnitFactory,
    UserFactory,
    staff_in,
    verified_resident,
)


@pytest.fixture
def household(db):
    """王芳 votes for the owner of 3号楼-1-301; her husband 李强 lives there too."""
    unit = UnitFactory(building__name="3号楼", room="301")
    wang = verified_resident(
        unit, relation=Relation.OWNER_VOTER, display_name="王芳", phone="13800000301"
    )
    Owner.objects.filter(pk=unit.owner_id).update(voter=wang.user)
    li = verified_resident(unit, relation=Relation.FAMILY, display_name="李强", phone="13900000302")
    CodeAttempt.objects.create(user=li.user, created_at=li.verified_at, succeeded=False)
    return unit, wang, li


def test_the_export_holds_my_data_and_no_one_elses(client, household):
    unit, wang, li = household
    client.force_login(wang.user)
    response = client.get("/me/data.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["username"] == wang.user.username
    assert data["account"]["email_addresses"][0]["email"] == wang.user.email
    assert data["resident"]["display_name"] == "王芳"
    assert data["resident"]["phone"] == "13800000301"
    assert data["resident"]["unit"]["room"] == "301"
    assert data["resident"]["relation"] == "owner_voter"
    assert data["named_voter_for"]["units"][0]["room"] == "301"
    assert data["letter_code_attempts"] == []
    text = response.content.decode()
    for other in ("李强", "13900000302", li.user.username, li.user.email):
        assert other not in text


def test_the_export_is_readable_chinese_not_escapes(client, household):
    _unit, wang, _li = household
    client.force_login(wang.user)
    assert "王芳" in client.get("/me/data.json").content.decode()


def test_the_export_needs_a_login(client, db):
    assert client.get("/me/data.json").status_code == 302


def test_withdrawing_contact_consent_and_giving_it_again(client, household):
    _unit, wang, _li = household
    client.force_login(wang.user)
    client.post("/me/privacy/consent/", {"action": "withdraw_contact"})
    assert ResidentProfile.objects.get(pk=wang.pk).consent_contact_at is None
    client.post("/me/privacy/consent/", {"action": "give_contact"})
    assert ResidentProfile.objects.get(pk=wang.pk).consent_contact_at is not None


def test_withdrawing_privacy_consent_unlinks_the_household_and_the_vote(client, household):
    unit, wang, _li = household
    client.force_login(wang.user)
    response = client.post("/me/privacy/consent/", {"action": "withdraw_privacy"})
    assert response.status_code == 302
    profile = ResidentProfile.objects.get(pk=wang.pk)
    assert profile.unit is None and not profile.is_verified
    assert profile.phone == "" and profile.consent_privacy_at is None
    assert Owner.objects.get(pk=unit.owner_id).voter is None
    assert Unit.objects.filter(pk=unit.pk).exists()


@pytest.mark.parametrize("action", ["", "delete_everything", "x" * 500])
def test_an_unknown_consent_action_is_a_400_that_changes_nothing(client, household, action):
    _unit, wang, _li = household
    client.force_login(wang.user)
    response = client.post("/me/privacy/consent/", {"action": action})
    assert response.status_code == 400
    assert ResidentProfile.objects.get(pk=wang.pk).is_verified


def test_consent_changes_only_by_post(client, household):
    client.force_login(household[1].user)
    assert client.get("/me/privacy/consent/").status_code == 405


def test_deleting_my_account_leaves_the_household_intact(client, household):
    unit, wang, li = household
    user_id = wang.user.pk
    client.force_login(wang.user)
    response = client.post("/me/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=user_id).exists()
    assert not ResidentProfile.objects.filter(user_id=user_id).exists()
    assert not EmailAddress.objects.filter(user_id=user_id).exists()
    unit.refresh_from_db()
    assert unit.owner.voter is None
    assert unit.area_m2 and unit.building.name == "3号楼"
    assert ResidentProfile.objects.get(pk=li.pk).unit == unit
    assert client.get("/me/").status_code == 302  # logged out


def test_deletion_removes_the_name_from_the_audit_log(client, household, staff_roles):
    unit, wang, _li = household
    staff = staff_in("居委会")
    verify_resident(wang, unit=unit, relation="owner_voter", reason="查验房产证", by=staff)
    client.force_login(wang.user)
    client.post("/me/delete/", {"password": PASSWORD, "confirm": "on"})
    entry = ModelLogEntry.objects.get(action="participation.verify")
    assert "王芳" not in entry.label
    assert entry.data["reason"] == "查验房产证"


@pytest.mark.parametrize(
    "data",
    [{"password": "wrong", "confirm": "on"}, {"password": PASSWORD}, {}],
)
def test_deletion_needs_the_password_and_the_tick(client, household, data):
    _unit, wang, _li = household
    client.force_login(wang.user)
    response = client.post("/me/delete/", data)
    assert response.status_code == 400
    assert get_user_model().objects.filter(pk=wang.user.pk).exists()
    assert 'aria-invalid="true"' in response.content.decode()


def test_staff_cannot_delete_themselves_here(client, staff_roles):
    client.force_login(staff_in("居委会"))
    response = client.post("/me/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 403
    assert "管理员" in response.content.decode()


def test_a_user_without_a_profile_can_still_be_deleted(client, db):
    user = UserFactory()
    client.force_login(user)
    client.post("/me/delete/", {"password": PASSWORD, "confirm": "on"})
    assert not get_user_model().objects.filter(pk=user.pk).exists()
