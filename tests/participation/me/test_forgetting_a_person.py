"""Issue 10: deletion leaves no name behind; the export holds everything about me."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from participation import roles
from participation.households.models import Owner
from participation.logs import BALLOT_VOIDED, ROLE_ADDED, ROLE_REMOVED
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
from tests.factories.votes import VoteFactory, option


@pytest.fixture
def household(db, staff_roles):
    """王芳 (owner's voter of 3号楼-1-301, verified by staff) and 李强 of 3号楼-1-302.

    Usernames are given, not the factory's ``resident<n>``: a sequence number that grew
    in earlier tests of the same worker (``resident302``, and the owner ref ``O-0302``
    that the export shows) would contain the very room number the tests look for; the
    export test checks rooms field by field for the same reason."""
    unit = UnitFactory(building__name="3号楼", unit_no="1", room="301")
    wang = verified_resident(
        unit, relation=Relation.OWNER_VOTER, display_name="王芳", user__username="wang-fang"
    )
    Owner.objects.filter(pk=unit.owner_id).update(voter=wang.user)
    staff = staff_in(roles.COMMITTEE, username="clerk-zhou")
    verify_resident(wang, unit=unit, relation="owner_voter", reason="查验房产证", by=staff)
    neighbour = UnitFactory(building=unit.building, unit_no="1", room="302")
    li = verified_resident(
        neighbour, relation=Relation.FAMILY, display_name="李强", user__username="li-qiang"
    )
    verify_resident(li, unit=neighbour, relation="family", reason="租赁合同", by=staff)
    return unit, wang, li, staff


def residents_vote_with_both(wang, li):
    vote = freeze_electorate(VoteFactory(electorate="residents", title="小区健身器材选址"))
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


@pytest.fixture
def second_clerk(staff_roles):
    """A second committee member: a paper ballot is voided by someone other than the
    clerk who entered it."""
    return staff_in(roles.COMMITTEE, username="clerk-sun")


def void_in_the_admin(client, vote, ballot, by, reason):
    client.force_login(by)
    url = f"/admin/plan_votes/manage/{vote.pk}/paper/{ballot.pk}/void/"
    assert client.post(url, {"reason": reason}).status_code == 302


def paper_ballots_voided_for_both(client, wang, li, staff, second_clerk):
    """A residents' vote where a paper ballot was entered and voided for each of them."""
    vote = freeze_electorate(VoteFactory(electorate="residents", title="楼道灯更换"))
    for profile, number in ((wang, "作废甲-1"), (li, "作废乙-2")):
        entry = vote.roll.get(user=profile.user)
        ballot, _code = enter_paper_ballot(vote, entry, option(vote, "agree"), staff, number)
        void_in_the_admin(client, vote, ballot, second_clerk, reason=f"录错 {number}")
    return vote


def test_deletion_renames_the_voter_in_the_log_of_a_voided_paper_ballot(
    client, household, second_clerk
):
    unit, wang, li, staff = household
    vote = paper_ballots_voided_for_both(client, wang, li, staff, second_clerk)
    earlier = freeze_electorate(VoteFactory(electorate="residents", title="垃圾分类点位"))
    # Logged before the roll entry's id was recorded: only the label says whose it was.
    log(
        instance=earlier,
        action=BALLOT_VOIDED,
        user=second_clerk,
        data={
            "reason": "录错",
            "voter": earlier.roll.get(user=wang.user).label,
            "paper_number": "3",
        },
    )
    voided = ModelLogEntry.objects.filter(action=BALLOT_VOIDED)
    assert sum("王芳" in e.data["voter"] for e in voided) == 2  # the roll label names her
    delete(client, wang)
    voters = sorted(e.data["voter"] for e in voided.all())
    for trace in ("王芳", str(unit)):
        assert not any(trace in voter for voter in voters), (trace, voters)
    forgotten = sorted(
        RollEntry.objects.filter(
            vote__in=(vote, earlier), voter_key__startswith="deleted:"
        ).values_list("label", flat=True)
    )
    assert len(forgotten) == 2 and set(forgotten) <= set(voters)  # as the roll now reads
    assert f"李强 · {li.unit}" in voters  # others keep theirs
    assert sorted(e.data["reason"] for e in voided.all()) == [
        "录错",
        "录错 作废乙-2",
        "录错 作废甲-1",
    ]


def test_deletion_renames_the_member_in_role_changes_and_keeps_who_made_them(client, household):
    _unit, wang, li, staff = household
    auditors = Group.objects.get(name=roles.AUDITOR)
    wang.user.groups.add(auditors)
    wang.user.groups.remove(auditors)
    auditors.user_set.add(wang.user, li.user)  # she is still an auditor when she leaves
    changes = ModelLogEntry.objects.filter(action__in=(ROLE_ADDED, ROLE_REMOVED))
    user_id = wang.user.pk
    mine = changes.filter(data__member_id=user_id)
    assert [e.data["member"] for e in mine] == ["wang-fang"] * 3
    delete(client, wang)
    assert sorted(e.action for e in mine.all()) == [ROLE_ADDED, ROLE_ADDED, ROLE_REMOVED]
    assert {e.data["member"] for e in mine.all()} == {f"#{user_id}"}
    text = json.dumps(list(changes.values("label", "data")), ensure_ascii=False)
    assert "wang-fang" not in text
    assert changes.get(data__member_id=li.user.pk).data["member"] == "li-qiang"


def _fields(value, key=None):
    """Every (field name, value) leaf of the export, so that a number such as a room is
    checked in the field it belongs to and not found by chance inside a timestamp, a
    primary key or a sequence-numbered name."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _fields(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _fields(item, key)
    else:
        yield key, value


def test_the_export_holds_my_rolls_paper_ballots_and_log_entries_and_no_one_elses(
    client, household, second_clerk
):
    unit, wang, li, staff = household
    residents_vote = residents_vote_with_both(wang, li)
    li_online = Ballot.objects.get(vote=residents_vote, roll_entry__user=li.user)
    owners_vote = freeze_electorate(VoteFactory(electorate="owners", title="地面停车位重新划线"))
    enter_paper_ballot(
        owners_vote,
        owners_vote.roll.get(owner=unit.owner),
        option(owners_vote, "agree"),
        staff,
        "P-7",
    )
    li_paper, _code = enter_paper_ballot(
        owners_vote,
        owners_vote.roll.get(owner=li.unit.owner),
        option(owners_vote, "disagree"),
        staff,
        "纸票乙-8",
    )
    paper_ballots_voided_for_both(client, wang, li, staff, second_clerk)
    auditors = Group.objects.get(name=roles.AUDITOR)
    auditors.user_set.add(wang.user, li.user)
    client.force_login(wang.user)
    data = json.loads(client.get("/me/data.json").content)
    assert [p["paper_number"] for p in data["paper_ballots_entered_for_me"]] == ["P-7"]
    rolls = {r["vote"]: r for r in data["electoral_rolls"]}
    assert set(rolls) == {"小区健身器材选址", "地面停车位重新划线", "楼道灯更换"}
    assert rolls["地面停车位重新划线"]["ballot_counted"] is True
    assert "301" in rolls["小区健身器材选址"]["as"]
    [verified] = [e for e in data["audit_log"] if e["action"] == "participation.verify"]
    assert verified["details"]["reason"] == "查验房产证"
    [voided] = [e for e in data["audit_log"] if e["action"] == BALLOT_VOIDED]
    assert voided["details"]["paper_number"] == "作废甲-1"
    assert voided["details"]["voter"] == rolls["楼道灯更换"]["as"]
    [joined] = [e for e in data["audit_log"] if e["action"] == ROLE_ADDED]
    assert joined["details"]["member"] == wang.user.username
    rooms = [value for name, value in _fields(data) if name == "room"]
    assert rooms and li.unit.room not in rooms and unit.room in rooms
    text = json.dumps(data, ensure_ascii=False)
    others = (
        "李强",
        li.user.username,
        "租赁合同",
        str(li.unit),
        "纸票乙-8",
        "作废乙-2",
        li_online.receipt,
        li_paper.receipt,
        staff.username,
        second_clerk.username,
        "同意",
        "disagree",
    )
    for other in others:
        assert other not in text, other
