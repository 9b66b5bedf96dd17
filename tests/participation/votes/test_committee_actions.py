"""Committee actions that can be reviewed and undone: close now with a reason, paper
ballots reviewed before they are recorded, voided by a second member, re-entered."""

import pytest
from wagtail.models import ModelLogEntry

from participation import roles
from participation.votes.ballots import (
    BallotRefused,
    enter_paper_ballot,
    void_paper_ballot,
    void_refusal,
)
from participation.votes.models import Ballot, BallotChoice, VoidedBallot
from participation.votes.ordering import natural_key
from participation.votes.results import vote_result
from participation.votes.roll import freeze_electorate
from tests.factories.households import BuildingFactory, OwnerFactory, UnitFactory, staff_in
from tests.factories.votes import VoteFactory, close, option


@pytest.fixture
def households_vote(db):
    building = BuildingFactory(name="3号楼")
    for room in ("301", "302", "1001"):
        UnitFactory(owner=OwnerFactory(), area="90.00", building=building, room=room)
    return freeze_electorate(VoteFactory(electorate="households", title="楼道加装扶手"))


@pytest.fixture
def second_member(staff_roles):
    return staff_in(roles.COMMITTEE, username="committee2")


def paper_url(vote):
    return f"/admin/plan_votes/manage/{vote.pk}/paper/"


def test_natural_order_puts_building_1_before_10_and_room_201_before_1001():
    labels = ["10号楼1单元101室", "2号楼1单元1001室", "1号楼1单元101室", "2号楼1单元201室"]
    assert sorted(labels, key=natural_key) == [
        "1号楼1单元101室",
        "2号楼1单元201室",
        "2号楼1单元1001室",
        "10号楼1单元101室",
    ]


def test_a_paper_ballot_is_voided_only_by_a_second_member():
    assert void_refusal("paper", 1, 2) == ""
    assert "另一位居委会成员" in void_refusal("paper", 1, 1)
    assert void_refusal("online", None, 2)
    assert void_refusal("paper", None, 2) == ""  # the one who entered it has left


def test_close_now_asks_for_confirmation_and_a_reason_and_logs_it(
    client, committee, households_vote
):
    vote = households_vote
    client.force_login(committee)
    page = client.get(f"/admin/plan_votes/manage/{vote.pk}/close/")
    assert page.status_code == 200 and "无法撤销" in page.content.decode()
    refused = client.post(f"/admin/plan_votes/manage/{vote.pk}/close/", {"reason": "  "})
    assert refused.status_code == 400 and "请填写原因" in refused.content.decode()
    vote.refresh_from_db()
    assert vote.is_open
    too_long = client.post(f"/admin/plan_votes/manage/{vote.pk}/close/", {"reason": "长" * 201})
    assert too_long.status_code == 400
    done = client.post(f"/admin/plan_votes/manage/{vote.pk}/close/", {"reason": "方案撤回"})
    assert done.status_code == 302
    vote.refresh_from_db()
    assert vote.is_closed
    entry = ModelLogEntry.objects.get(action="linli.vote.close")
    assert entry.data == {"reason": "方案撤回"} and entry.user == committee
    assert "方案撤回" in entry.message


def test_closing_a_closed_vote_is_refused_without_a_500(client, committee, households_vote):
    vote = close(households_vote)
    client.force_login(committee)
    response = client.post(f"/admin/plan_votes/manage/{vote.pk}/close/", {"reason": "再关一次"})
    assert response.status_code == 302
    assert not ModelLogEntry.objects.filter(action="linli.vote.close").exists()


def test_paper_entry_is_reviewed_before_it_is_recorded(client, committee, households_vote):
    vote = households_vote
    entry = vote.roll.get(unit__room="301")
    client.force_login(committee)
    form = client.get(paper_url(vote)).content.decode()
    assert "选票上的选择" in form and "您的选择" not in form
    data = {"entry": entry.pk, "option": option(vote, "disagree").pk, "paper_number": "P-1"}
    review = client.post(paper_url(vote), data)
    html = review.content.decode()
    assert review.status_code == 200
    assert "请对照纸质选票核对" in html and entry.label in html and "不同意" in html
    assert not Ballot.objects.exists()
    recorded = client.post(paper_url(vote), {**data, "confirm": "1"})
    ballot = Ballot.objects.get()
    assert recorded["Location"] == f"{paper_url(vote)}{ballot.pk}/receipt/"
    receipt = client.get(recorded["Location"]).content.decode()
    assert ballot.receipt in receipt and "打印回执" in receipt and "不同意" not in receipt


def test_review_of_a_voter_who_already_has_a_ballot_is_refused_at_once(
    client, committee, households_vote
):
    vote = households_vote
    entry = vote.roll.get(unit__room="301")
    enter_paper_ballot(vote, entry, option(vote, "agree"), committee, "P-1")
    client.force_login(committee)
    data = {"entry": entry.pk, "option": option(vote, "agree").pk, "paper_number": "P-2"}
    response = client.post(paper_url(vote), data)
    assert response.status_code == 409 and "已于" in response.content.decode()


def test_paper_list_and_roll_sort_rooms_naturally(client, committee, households_vote):
    vote = households_vote
    client.force_login(committee)
    for url in (paper_url(vote), f"/admin/plan_votes/manage/{vote.pk}/roll/"):
        html = client.get(url).content.decode()
        assert html.index("301室") < html.index("302室") < html.index("1001室"), url


def test_a_second_member_voids_a_mis_keyed_paper_ballot_and_the_unit_is_entered_again(
    client, committee, second_member, households_vote
):
    vote = households_vote
    entry = vote.roll.get(unit__room="301")
    ballot, _ = enter_paper_ballot(vote, entry, option(vote, "disagree"), committee, "P-1")
    void_url = f"{paper_url(vote)}{ballot.pk}/void/"

    client.force_login(committee)
    own = client.get(void_url).content.decode()
    assert "另一位居委会成员" in own
    refused = client.post(void_url, {"reason": "录错了"})
    assert refused.status_code == 409 and Ballot.objects.filter(pk=ballot.pk).exists()

    client.force_login(second_member)
    assert client.post(void_url, {"reason": ""}).status_code == 400
    assert Ballot.objects.filter(pk=ballot.pk).exists()
    done = client.post(void_url, {"reason": "选择录错，应为同意"})
    assert done.status_code == 302
    assert not Ballot.objects.exists() and not BallotChoice.objects.exists()
    voided = VoidedBallot.objects.get()
    assert (voided.roll_entry, voided.paper_number, voided.entered_by, voided.voided_by) == (
        entry,
        "P-1",
        committee,
        second_member,
    )
    log = ModelLogEntry.objects.get(action="linli.vote.paper_ballot_voided")
    assert log.user == second_member and log.data["reason"] == "选择录错，应为同意"

    again = {"entry": entry.pk, "option": option(vote, "agree").pk, "paper_number": "P-1"}
    client.post(paper_url(vote), {**again, "confirm": "1"})
    assert BallotChoice.objects.get().option.key == "agree"
    assert Ballot.objects.get().roll_entry == entry
    page = client.get(paper_url(vote)).content.decode()
    assert "已作废的纸质选票" in page and "选择录错，应为同意" in page


def test_the_tally_ignores_a_voided_ballot(committee, second_member, households_vote):
    vote = households_vote
    entries = list(vote.roll.order_by("pk"))
    ballot, _ = enter_paper_ballot(vote, entries[0], option(vote, "agree"), committee, "1")
    enter_paper_ballot(vote, entries[1], option(vote, "disagree"), committee, "2")
    void_paper_ballot(vote, ballot.pk, second_member, "录错")
    result = vote_result(close(vote))
    counted = {o.key: o.heads for o in result.options}
    assert counted["agree"] == 0 and counted["disagree"] == 1


def test_the_one_ballot_rule_still_holds_after_a_void(committee, second_member, households_vote):
    vote = households_vote
    entry = vote.roll.first()
    ballot, _ = enter_paper_ballot(vote, entry, option(vote, "agree"), committee, "1")
    void_paper_ballot(vote, ballot.pk, second_member, "录错")
    enter_paper_ballot(vote, entry, option(vote, "disagree"), committee, "1")
    with pytest.raises(BallotRefused):
        enter_paper_ballot(vote, entry, option(vote, "agree"), committee, "3")
    assert Ballot.objects.filter(roll_entry=entry).count() == 1


def test_a_ballot_cannot_be_voided_after_close_or_twice(committee, second_member, households_vote):
    vote = households_vote
    ballot, _ = enter_paper_ballot(vote, vote.roll.first(), option(vote, "agree"), committee, "1")
    void_paper_ballot(vote, ballot.pk, second_member, "录错")
    with pytest.raises(BallotRefused):
        void_paper_ballot(vote, ballot.pk, second_member, "录错")
    other, _ = enter_paper_ballot(vote, vote.roll.last(), option(vote, "agree"), committee, "2")
    close(vote)
    with pytest.raises(BallotRefused):
        void_paper_ballot(vote, other.pk, second_member, "太晚了")
    assert Ballot.objects.filter(pk=other.pk).exists()


def test_the_vote_list_links_each_row_to_its_manage_page(client, committee, households_vote):
    client.force_login(committee)
    html = client.get("/admin/plan_votes/").content.decode()
    assert f'href="/admin/plan_votes/manage/{households_vote.pk}/"' in html
