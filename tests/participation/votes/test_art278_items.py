"""Issue 8.2: staff name the Art. 278 para. 1 item a vote decides; the majority follows."""

import pytest

from participation.demo.votes import PLAYGROUND_TEXT
from participation.votes.ballots import cast_online
from participation.votes.models import PlanVote
from participation.votes.results import vote_result
from participation.votes.roll import freeze_electorate
from participation.votes.tally import Matter, Verdict, matter_for_item
from tests.factories.households import OwnerFactory, UnitFactory
from tests.factories.pages import HomePageFactory
from tests.factories.votes import VoteFactory, close, owner_voter
from tests.participation.votes.test_vote_admin import vote_form


@pytest.mark.parametrize("item", [1, 2, 3, 4, 5, 9])
def test_items_one_to_five_and_nine_need_more_than_half(item):
    assert matter_for_item(item) is Matter.ORDINARY


@pytest.mark.parametrize("item", [6, 7, 8])
def test_raising_the_fund_rebuilding_and_change_of_use_need_three_quarters(item):
    assert matter_for_item(item) is Matter.SPECIAL


def test_using_the_maintenance_fund_is_an_ordinary_matter():
    assert matter_for_item(5) is Matter.ORDINARY and matter_for_item(6) is Matter.SPECIAL


@pytest.mark.parametrize("item", [0, 10, -1, "6", 6.0, True])
def test_a_number_that_is_no_item_is_refused(item):
    with pytest.raises(ValueError):
        matter_for_item(item)


def test_an_advisory_vote_without_an_item_is_ordinary():
    assert matter_for_item(None) is Matter.ORDINARY


def _two_thirds_agree(item):
    voters = []
    for _ in range(3):
        owner = OwnerFactory()
        voters.append((owner, owner_voter(owner, UnitFactory(owner=owner, area="100.00"))))
    vote = freeze_electorate(VoteFactory(electorate="owners", art278_item=item))
    for n, (owner, user) in enumerate(voters):
        key = "agree" if n < 2 else "disagree"
        cast_online(vote, vote.roll.get(owner=owner), user, vote.options.get(key=key))
    return vote_result(close(vote))


def test_two_thirds_for_using_the_fund_passes(db):
    assert _two_thirds_agree(5).verdict == Verdict.PASSED


def test_two_thirds_for_raising_the_fund_does_not_pass(db):
    assert _two_thirds_agree(6).verdict == Verdict.REJECTED


def test_the_vote_page_and_the_results_name_the_item(client, db):
    HomePageFactory()
    UnitFactory(owner=OwnerFactory(), area="90.00")
    vote = freeze_electorate(VoteFactory(electorate="owners", art278_item=5))
    page = client.get(f"/votes/{vote.pk}/").content.decode()
    assert "第二百七十八条第一款" in page and "使用建筑物及其附属设施的维修资金" in page
    assert "过半数" in page
    close(vote)
    results = client.get(f"/votes/{vote.pk}/results/").content.decode()
    assert "使用建筑物及其附属设施的维修资金" in results
    assert client.get(f"/votes/{vote.pk}/results.json").json()["article_278_item"] == 5


def test_an_owners_vote_must_name_its_item(client, committee):
    client.force_login(committee)
    response = client.post("/admin/plan_votes/new/", vote_form(art278_item=""))
    assert "九项" in response.content.decode()
    assert not PlanVote.objects.exists()


def test_the_committee_chooses_an_item_and_it_is_stored(client, committee):
    client.force_login(committee)
    response = client.post("/admin/plan_votes/new/", vote_form(art278_item="6"))
    assert response.status_code == 302
    vote = PlanVote.objects.get()
    assert (vote.art278_item, vote.matter) == (6, Matter.SPECIAL)


def test_the_demo_calls_a_change_of_use_item_eight():
    assert "第（八）项" in PLAYGROUND_TEXT and "第（七）项" not in PLAYGROUND_TEXT
