"""Household ballots told truthfully: one vote per household, who may cast it, and
what every member of the household sees after one of them voted."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.votes.ballots import BallotRefused, cast_online, enter_paper_ballot
from participation.votes.household import (
    cast_marks,
    may_cast_household_ballot,
    may_change_ballot,
    may_see_household_ballot,
    votes_waiting,
)
from participation.votes.models import Ballot, BallotChoice
from participation.votes.roll import freeze_electorate
from tests.factories.households import (
    BuildingFactory,
    OwnerFactory,
    UnitFactory,
    UserFactory,
    verified_resident,
)
from tests.factories.pages import HomePageFactory
from tests.factories.votes import VoteFactory, option

UNIT = "3号楼1单元301室"


@pytest.fixture
def household(db):
    """A households' vote, and two verified members of 3号楼1单元301室: 李强 and 王芳."""
    HomePageFactory()
    unit = UnitFactory(
        owner=OwnerFactory(), area="90.00", building=BuildingFactory(name="3号楼"), room="301"
    )
    UnitFactory(owner=OwnerFactory(), area="80.00", building=unit.building, room="302")
    li = verified_resident(unit, user__username="liqiang").user
    li.resident.display_name = "李强"
    li.resident.save()
    wang = verified_resident(unit, user__username="wangfang").user
    wang.resident.display_name = "王芳"
    wang.resident.save()
    vote = freeze_electorate(VoteFactory(electorate="households", title="楼道加装扶手"))
    return vote, li, wang, vote.roll.get(unit=unit)


def test_any_verified_resident_of_the_unit_may_cast_its_ballot():
    assert may_cast_household_ballot(True, 7, 7)
    assert not may_cast_household_ballot(False, 7, 7)
    assert not may_cast_household_ballot(True, 8, 7)
    assert not may_cast_household_ballot(True, None, None)
    assert may_see_household_ballot(True, 7, 7) and not may_see_household_ballot(True, 8, 7)


def test_only_the_person_who_cast_a_ballot_may_change_it():
    assert may_change_ballot(True, "online", 1, 1)
    assert not may_change_ballot(True, "online", 1, 2)
    assert not may_change_ballot(False, "online", 1, 1)
    assert not may_change_ballot(True, "paper", None, None)


def test_before_voting_the_page_says_one_vote_per_household_and_who_may_cast_it(client, household):
    vote, li, *_ = household
    anonymous = client.get(f"/votes/{vote.pk}/").content.decode()
    assert "按户表决，每户一票" in anonymous and "本户任何一位已核验的居民" in anonymous
    client.force_login(li)
    html = client.get(f"/votes/{vote.pk}/").content.decode()
    assert f"{UNIT}任何一位已核验的居民都可以代表全家投出这一票" in html


def test_after_one_member_voted_the_other_reads_who_cast_the_households_ballot(client, household):
    vote, li, wang, entry = household
    cast_online(vote, entry, li, option(vote, "agree"))
    client.force_login(wang)
    html = client.get(f"/votes/{vote.pk}/").content.decode()
    assert f"您家（{UNIT}）的选票已于" in html and "由李强投出" in html
    assert "您的选票" not in html
    response = client.post(f"/votes/{vote.pk}/", {"option": option(vote, "disagree").pk})
    assert response.status_code == 409
    assert BallotChoice.objects.get().option.key == "agree"


def test_the_member_who_voted_reads_that_they_cast_the_households_ballot(client, household):
    vote, li, _, entry = household
    cast_online(vote, entry, li, option(vote, "agree"))
    client.force_login(li)
    html = client.get(f"/votes/{vote.pk}/").content.decode()
    assert "您已于" in html and f"投出您家（{UNIT}）的选票" in html


def test_a_paper_ballot_for_the_household_is_told_as_entered_by_the_committee(client, household):
    vote, _, wang, entry = household
    enter_paper_ballot(vote, entry, option(vote, "agree"), UserFactory(username="clerk"), "P-1")
    client.force_login(wang)
    html = client.get(f"/votes/{vote.pk}/").content.decode()
    assert f"您家（{UNIT}）的纸质选票已于" in html and "由居委会录入" in html


def test_when_changes_are_allowed_another_member_still_cannot_change_the_households_ballot(
    client, household
):
    vote, li, wang, entry = household
    vote.allow_change = True
    vote.save()
    cast_online(vote, entry, li, option(vote, "agree"))
    with pytest.raises(BallotRefused):
        cast_online(vote, entry, wang, option(vote, "disagree"))
    client.force_login(wang)
    response = client.post(
        f"/votes/{vote.pk}/", {"option": option(vote, "disagree").pk, "confirm": "1"}
    )
    assert response.status_code == 409
    assert BallotChoice.objects.get().option.key == "agree"
    assert Ballot.objects.get().cast_by == li
    _, code = cast_online(vote, entry, li, option(vote, "disagree"))
    assert BallotChoice.objects.get().option.key == "disagree"
    assert Ballot.objects.get().receipt == code


def test_me_lists_the_households_ballot_for_the_member_who_did_not_cast_it(client, household):
    vote, li, wang, entry = household
    cast_online(vote, entry, li, option(vote, "agree"))
    client.force_login(wang)
    html = client.get("/me/").content.decode()
    assert "我家的选票" in html and vote.title in html
    assert f"您家（{UNIT}）的选票已于" in html and "由李强投出" in html
    assert Ballot.objects.get().receipt not in html


def test_me_does_not_list_another_households_ballot(client, household):
    vote, li, _, entry = household
    cast_online(vote, entry, li, option(vote, "agree"))
    neighbour = verified_resident(
        vote.roll.exclude(pk=entry.pk).get().unit, user__username="neighbour"
    ).user
    client.force_login(neighbour)
    html = client.get("/me/").content.decode()
    assert "我家的选票" not in html and "由李强投出" not in html


def test_me_says_how_many_open_votes_wait_for_me(client, household):
    vote, li, wang, entry = household
    second = freeze_electorate(VoteFactory(electorate="residents", title="绿地意见征集"))
    assert votes_waiting(wang) == 2
    client.force_login(wang)
    assert "有 2 项表决正在进行，等待您投票" in client.get("/me/").content.decode()
    cast_online(vote, entry, li, option(vote, "agree"))
    assert votes_waiting(wang) == 1
    cast_online(second, second.roll.get(user=wang), wang, option(second, "agree"))
    assert votes_waiting(wang) == 0
    assert "目前没有等待您投票的表决" in client.get("/me/").content.decode()


def test_an_unverified_person_has_no_votes_waiting(household):
    assert votes_waiting(UserFactory(username="newcomer")) == 0


def test_vote_list_marks_the_votes_i_or_my_household_cast(client, household):
    vote, li, wang, entry = household
    second = freeze_electorate(VoteFactory(electorate="residents", title="绿地意见征集"))
    cast_online(vote, entry, li, option(vote, "agree"))
    cast_online(second, second.roll.get(user=wang), wang, option(second, "agree"))
    assert cast_marks(wang) == {vote.pk: "household", second.pk: "me"}
    assert cast_marks(li) == {vote.pk: "me"}
    client.force_login(wang)
    html = client.get("/votes/").content.decode()
    assert html.count("您家已投票") == 1 and html.count("您已投票") == 1


def test_anonymous_vote_list_carries_no_marks(client, household):
    vote, li, _, entry = household
    cast_online(vote, entry, li, option(vote, "agree"))
    html = client.get("/votes/").content.decode()
    assert "您已投票" not in html and "您家已投票" not in html


def _count(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/votes/").status_code == 200
    return len(ctx.captured_queries)


def test_vote_list_for_a_logged_in_person_uses_a_fixed_number_of_queries(client, household):
    vote, li, wang, entry = household
    cast_online(vote, entry, li, option(vote, "agree"))
    client.force_login(wang)
    client.get("/votes/")
    two = _count(client)
    for n in range(48):
        other = freeze_electorate(VoteFactory(electorate="residents", title=f"表决{n}"))
        if n % 3 == 0:
            cast_online(other, other.roll.get(user=wang), wang, option(other, "agree"))
    assert _count(client) == two


def test_after_casting_the_page_is_titled_vote_cast_and_shows_the_receipt_once(client, household):
    vote, li, *_ = household
    client.force_login(li)
    confirm = client.post(f"/votes/{vote.pk}/", {"option": option(vote, "agree").pk})
    assert "选票一经投出，不能修改" in confirm.content.decode()
    assert "投票截止后公布" in confirm.content.decode()
    cast = client.post(f"/votes/{vote.pk}/", {"option": option(vote, "agree").pk, "confirm": "1"})
    assert cast["Location"] == f"/votes/{vote.pk}/cast/"
    code = Ballot.objects.get().receipt
    first = client.get(cast["Location"]).content.decode()
    assert '<h1 class="page-title">投票成功</h1>' in first and code in first
    assert f'href="/votes/{vote.pk}/"' in first and 'href="/me/"' in first
    again = client.get(cast["Location"]).content.decode()
    assert "投票成功" in again and code not in again and "我的页面" in again


def test_the_cast_page_of_someone_who_did_not_vote_goes_back_to_the_vote(client, household):
    vote, _, wang, _ = household
    client.force_login(wang)
    assert client.get(f"/votes/{vote.pk}/cast/")["Location"] == f"/votes/{vote.pk}/"
    client.logout()
    assert client.get(f"/votes/{vote.pk}/cast/").status_code == 302
