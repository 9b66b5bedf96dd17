"""Issue 10: deletion leaves no name behind; the export holds everything about me."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from participation.households.models import Owner
from participation.residents.choices import Relation
from participation.residents.tasks import send_email
from participation.residents.verification import verify_resident
from participation.votes.ballots import cast_online, enter_paper_ballot
from participation.votes.models import Ballot, RollEntry
from participation.votes.roll import freeze_electorate
from tests.factories.households import (
    PASSWORD,
    UnitFactory,
    staff_in,
    verified_resident,
)
from tests.factories.votes import make_vote, option


@pytest.fixture
def household(db, staff_roles):
    """王芳 (owner's voter of 3号楼-1-301, verified by staff) and 李强 of 3号楼-1-302."""
    unit = UnitFactory(building__name="3号楼", unit_no="1", room="301")
    wang = verified_resident(unit, relation=Relation.OWNER_VOTER, display_name="王芳")
    Owner.objects.filter(pk=unit.owner_id).update(voter=wang.user)
    staff = staff_in("居委会")
    verify_resident(wang, unit=unit, relation="owner_voter", reason="查验房产证", by=staff)
    neighbour = UnitFactory(building=unit.building, unit_no="1", room="302")
    li = verified_resident(neighbour, relation=Relation.FAMILY, display_name="李强")
    verify_resident(li, unit=neighbour, relation="family", reason="租赁合同", by=staff)
    return unit, wang, li, staff


def residents_vote_with_both(wang, li):
    vote = freeze_electorate(make_vote("residents", title="小区健身器材选址"))
    cast_online(vote, vote.roll.get(user=wang.user), wang.user, option(vote, "agree"))
    cast_online(vote, vote.roll.get(user=li.user), li.user, option(vote, "disagree"))
    return vote


def delete(client, profile):
    client.force_login(profile.user)
    response = client.post("/me/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302


def test_deletion_removes_the_name_and_flat_from_a_residents_vote_roll(client, household):
    _unit, wang, li, _staff = household
    vote = residents_vote_with_both(wang, li)
    user_id = wang.user.pk
    delete(client, wang)
    labels = list(RollEntry.objects.filter(vote=vote).values_list("label", flat=True))
    assert not any("王芳" in label or "301" in label for label in labels), labels
    assert any("李强" in label for label in labels)  # others keep theirs
    assert not RollEntry.objects.filter(voter_key=f"resident:{user_id}").exists()
    forgotten = RollEntry.objects.get(vote=vote, voter_key__startswith="deleted:")
    assert forgotten.user is None and forgotten.unit is None
    assert Ballot.objects.filter(vote=vote).count() == 2  # still counted
    assert forgotten.ballot.cast_by is None


def test_deletion_removes_the_name_and_flat_from_every_audit_log_entry_about_me(client, household):
    unit, wang, li, staff = household
    log(wang.user, "wagtail.edit", user=staff)  # an edit of the account in the admin
    delete(client, wang)
    mine = ModelLogEntry.objects.exclude(label__contains="李强").exclude(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_id=str(staff.pk),
    )
    text = json.dumps(list(mine.values("label", "data")), ensure_ascii=False)
    assert mine.count() >= 2
    for trace in ("王芳", wang.user.username, str(unit)):
        assert trace not in text, trace
    assert "查验房产证" in text  # the staff member's reason stays
    li_entry = ModelLogEntry.objects.get(label__contains="李强")
    assert li_entry.data["unit"]  # others' entries are untouched


def test_deletion_drops_account_mails_still_waiting_in_the_task_table(
    client, household, settings, transactional_db
):
    _unit, wang, li, _staff = household
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for profile in (wang, li):
        send_email.enqueue(subject="s", body="link", from_email="a@x", to=[profile.user.email])
    delete(client, wang)
    assert [r.args_kwargs["kwargs"]["to"] for r in DBTaskResult.objects.all()] == [[li.user.email]]


def test_withdrawing_privacy_consent_strips_the_verification_details_from_the_log(
    client, household
):
    unit, wang, li, _staff = household
    client.force_login(wang.user)
    response = client.post("/me/privacy/consent/", {"action": "withdraw_privacy"})
    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(action="participation.verify", object_id=str(wang.pk))
    assert entry.data == {}
    other = ModelLogEntry.objects.get(action="participation.verify", object_id=str(li.pk))
    assert other.data["unit"] == str(li.unit) and other.data["reason"] == "租赁合同"


def test_the_export_holds_my_rolls_paper_ballots_and_log_entries_and_no_one_elses(
    client, household
):
    unit, wang, li, staff = household
    residents_vote_with_both(wang, li)
    owners_vote = freeze_electorate(make_vote("owners", title="地面停车位重新划线"))
    enter_paper_ballot(
        owners_vote,
        owners_vote.roll.get(owner=unit.owner),
        option(owners_vote, "agree"),
        staff,
        "P-7",
    )
    enter_paper_ballot(
        owners_vote,
        owners_vote.roll.get(owner=li.unit.owner),
        option(owners_vote, "disagree"),
        staff,
        "P-8",
    )
    client.force_login(wang.user)
    data = json.loads(client.get("/me/data.json").content)
    assert [p["paper_number"] for p in data["paper_ballots_entered_for_me"]] == ["P-7"]
    rolls = {r["vote"]: r for r in data["electoral_rolls"]}
    assert set(rolls) == {"小区健身器材选址", "地面停车位重新划线"}
    assert rolls["地面停车位重新划线"]["ballot_counted"] is True
    assert "301" in rolls["小区健身器材选址"]["as"]
    [verified] = [e for e in data["audit_log"] if e["action"] == "participation.verify"]
    assert verified["details"]["reason"] == "查验房产证"
    text = json.dumps(data, ensure_ascii=False)
    for other in ("李强", "租赁合同", "P-8", "302", staff.username, "同意", "disagree"):
        assert other not in text, other
