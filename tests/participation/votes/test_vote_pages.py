import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.pages import HomePage
from participation.votes.ballots import cast_online, enter_paper_ballot
from participation.votes.models import Ballot
from participation.votes.roll import freeze_electorate
from tests.factories.households import OwnerFactory, UnitFactory, UserFactory, verified_resident
from tests.factories.pages import HomePageFactory
from tests.factories.votes import VoteFactory, close, option, owner_voter


@pytest.fixture
def setup(db):
    HomePageFactory()
    owner = OwnerFactory()
    unit = UnitFactory(owner=owner, area="100.00")
    voter = owner_voter(owner, unit, username="owner1")
    others = []
    for area in ("50.00", "50.00"):
        o = OwnerFactory()
        UnitFactory(owner=o, area=area)
        others.append(o)
    vote = freeze_electorate(VoteFactory(electorate="owners", matter="special"))
    return vote, voter, owner, others


def test_vote_list_shows_open_upcoming_and_closed(client, setup):
    vote, *_ = setup
    VoteFactory(title="下月停车方案", opens_in_hours=48, closes_in_hours=96)
    closed = VoteFactory(title="绿地改造意见征集", electorate="residents")
    close(closed)
    response = client.get("/votes/")
    assert response.status_code == 200
    assert [v.title for v in response.context["open_votes"]] == [vote.title]
    assert [v.title for v in response.context["upcoming_votes"]] == ["下月停车方案"]
    assert [v.title for v in response.context["closed_votes"]] == ["绿地改造意见征集"]


def test_unpublished_votes_are_not_shown(client, setup):
    draft = VoteFactory(title="草稿表决", published=False)
    assert client.get("/votes/").content.decode().count("草稿表决") == 0
    assert client.get(f"/votes/{draft.pk}/").status_code == 404


def _count(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/votes/").status_code == 200
    return len(ctx.captured_queries)


def test_vote_list_uses_a_fixed_number_of_queries(client, setup):
    vote, voter, owner, others = setup
    cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "agree"))
    VoteFactory(title="一")
    client.get("/votes/")
    two = _count(client)
    for n in range(48):
        VoteFactory(title=f"表决{n}", opens_in_hours=(-1 if n % 2 else 5), closes_in_hours=10)
    assert _count(client) == two


def test_anonymous_visitor_is_told_to_log_in(client, setup):
    vote, *_ = setup
    html = client.get(f"/votes/{vote.pk}/").content.decode()
    assert "登录后投票" in html
    response = client.post(f"/votes/{vote.pk}/", {"option": option(vote, "agree").pk})
    assert response.status_code == 403
    assert not Ballot.objects.exists()


def test_a_verified_resident_who_is_not_the_owners_voter_cannot_vote(client, setup):

    vote, voter, owner, _ = setup
    family = verified_resident(owner.units.first(), user__username="family1").user
    client.force_login(family)
    response = client.post(
        f"/votes/{vote.pk}/", {"option": option(vote, "agree").pk, "confirm": "1"}
    )
    assert response.status_code == 403
    assert "指定的投票人" in response.content.decode()
    assert not Ballot.objects.exists()


def test_voter_confirms_then_gets_a_receipt(client, setup):
    vote, voter, *_ = setup
    client.force_login(voter)
    agree = option(vote, "agree")
    step1 = client.post(f"/votes/{vote.pk}/", {"option": agree.pk})
    assert step1.status_code == 200
    assert step1.context["confirm_option"] == agree
    assert not Ballot.objects.exists()
    step2 = client.post(f"/votes/{vote.pk}/", {"option": agree.pk, "confirm": "1"})
    assert step2.status_code == 302
    ballot = Ballot.objects.get()
    receipt_page = client.get(step2["Location"])
    assert receipt_page.status_code == 200
    assert ballot.receipt in receipt_page.content.decode()


def test_double_submission_is_refused_with_409(client, setup):
    vote, voter, *_ = setup
    client.force_login(voter)
    data = {"option": option(vote, "agree").pk, "confirm": "1"}
    client.post(f"/votes/{vote.pk}/", data)
    again = client.post(f"/votes/{vote.pk}/", data)
    assert again.status_code in (403, 409)
    assert "已于" in again.content.decode()
    assert Ballot.objects.count() == 1


@pytest.mark.parametrize("bad", [{}, {"option": "abc"}, {"option": "999999"}])
def test_bad_ballot_input_is_400(client, setup, bad):
    vote, voter, *_ = setup
    client.force_login(voter)
    response = client.post(f"/votes/{vote.pk}/", {**bad, "confirm": "1"})
    assert response.status_code == 400
    assert "请选择" in response.content.decode()
    assert not Ballot.objects.exists()


def test_receipt_check(client, setup):
    vote, voter, owner, _ = setup
    _, code = cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "agree"))
    ok = client.get(f"/votes/{vote.pk}/receipt/", {"code": code.lower().replace("-", " ")})
    assert ok.status_code == 200 and ok.context["ballot"] is not None
    assert "关闭时计入" in ok.content.decode()
    close(vote)
    after = client.get(f"/votes/{vote.pk}/receipt/", {"code": code})
    assert "已计入" in after.content.decode()
    assert client.get(f"/votes/{vote.pk}/receipt/", {"code": "ABCD-EFGH-JKLM"}).status_code == 404
    assert client.get(f"/votes/{vote.pk}/receipt/", {"code": "x" * 500}).status_code == 400


def test_results_stay_hidden_until_close(client, setup):
    vote, voter, owner, _ = setup
    cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "agree"))
    page = client.get(f"/votes/{vote.pk}/results/")
    assert page.status_code == 200 and page.context["result"] is None
    assert "同意" not in page.content.decode().split("<main", 1)[1]
    data = json.loads(client.get(f"/votes/{vote.pk}/results.json").content)
    assert data["results"] is None
    assert data["participating"] == {"heads": 1, "area_m2": "100.00"}


def test_results_after_close_show_the_verdict(client, setup):
    vote, voter, owner, others = setup
    cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "agree"))
    clerk = UserFactory(username="clerk")
    enter_paper_ballot(vote, vote.roll.get(owner=others[0]), option(vote, "agree"), clerk, "1")
    close(vote)
    page = client.get(f"/votes/{vote.pk}/results/")
    assert page.context["result"].verdict == "passed"
    assert "通过" in page.content.decode()
    data = json.loads(client.get(f"/votes/{vote.pk}/results.json").content)
    assert data["results"]["verdict"] == "passed"
    agree = next(o for o in data["results"]["options"] if o["key"] == "agree")
    assert (agree["heads"], agree["area_m2"], agree["approved"]) == (2, "150.00", True)


def test_special_matter_without_three_quarters_is_rejected(client, setup):
    vote, voter, owner, others = setup
    clerk = UserFactory(username="clerk")
    cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "agree"))
    enter_paper_ballot(vote, vote.roll.get(owner=others[0]), option(vote, "agree"), clerk, "1")
    enter_paper_ballot(vote, vote.roll.get(owner=others[1]), option(vote, "disagree"), clerk, "2")
    close(vote)
    result = client.get(f"/votes/{vote.pk}/results/").context["result"]
    assert result.quorum_met
    assert result.verdict == "rejected"  # 2 of 3 heads is less than 3/4


def test_my_page_lists_my_receipts_but_not_my_choice(client, setup):
    vote, voter, owner, _ = setup
    ballot, code = cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "disagree"))
    client.force_login(voter)
    html = client.get("/me/").content.decode()
    assert code in html and vote.title in html
    assert "不同意" not in html
    data = json.loads(client.get("/me/data.json").content)
    assert data["plan_votes"] == [
        {
            "vote": vote.title,
            "channel": "online",
            "cast_at": ballot.cast_at.isoformat(),
            "changed_at": None,
            "receipt": code,
        }
    ]


def test_deleting_my_account_keeps_my_ballot_counted(client, setup):
    vote, voter, owner, _ = setup
    cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "agree"))
    voter.delete()
    ballot = Ballot.objects.get()
    assert ballot.cast_by is None and ballot.choice.option.key == "agree"
    assert vote.roll.get(owner=owner).user is None
    close(vote)
    result = client.get(f"/votes/{vote.pk}/results/").context["result"]
    assert result.participating.heads == 1


def test_someone_elses_page_shows_none_of_my_receipts(client, setup):
    vote, voter, owner, _ = setup
    _, code = cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "agree"))
    client.force_login(UserFactory(username="neighbour"))
    assert code not in client.get("/me/").content.decode()
    assert json.loads(client.get("/me/data.json").content)["plan_votes"] == []


def test_home_page_can_show_the_open_votes(client, setup):
    vote, *_ = setup
    home = HomePage.objects.get()
    home.body = [{"type": "open_votes", "value": {"heading": "正在进行的表决"}}]
    home.save_revision().publish()
    VoteFactory(title="尚未开始的表决", opens_in_hours=5, closes_in_hours=50)
    html = client.get("/").content.decode()
    assert "正在进行的表决" in html
    assert f'href="/votes/{vote.pk}/"' in html
    assert "尚未开始的表决" not in html


def test_the_standing_line_shows_local_time(client, setup):
    vote, voter, owner, _ = setup
    ballot, _ = cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "agree"))
    client.force_login(voter)
    local = timezone.localtime(ballot.cast_at)
    assert f"{local:%H:%M}" in str(client.get(f"/votes/{vote.pk}/").context["standing"].reason)


def test_a_vote_that_closed_without_a_roll_is_not_tallied_against_todays_register(client, setup):
    stale = VoteFactory(electorate="owners", title="无人开启的表决")
    close(stale)
    response = client.get(f"/votes/{stale.pk}/results/")
    stale.refresh_from_db()
    assert response.status_code == 200 and response.context["result"] is None
    assert stale.frozen_at is None
