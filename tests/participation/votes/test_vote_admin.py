import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from participation import roles
from participation.votes.ballots import cast_online, enter_paper_ballot
from participation.votes.models import Ballot, BallotAccessLog, PlanVote
from participation.votes.roll import freeze_electorate
from tests.factories.households import OwnerFactory, UnitFactory, staff_in, verified_resident
from tests.factories.votes import VoteFactory, close, option, owner_voter


@pytest.fixture
def open_vote(db):
    owner = OwnerFactory()
    unit = UnitFactory(owner=owner, area="100.00")
    voter = owner_voter(owner, unit, username="owner1")
    other = OwnerFactory()
    UnitFactory(owner=other, area="80.00")
    vote = freeze_electorate(VoteFactory(electorate="owners"))
    return vote, voter, owner, other


def vote_form(**overrides):
    data = {
        "title": "地面停车位重新划线",
        "space": "地面停车场",
        "description": '{"blocks":[{"key":"a","text":"方案","type":"unstyled","depth":0,'
        '"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        "electorate": "owners",
        "art278_item": "9",
        "ballot_kind": "yes_no",
        "opens_at": "2026-12-01 09:00",
        "closes_at": "2026-12-10 18:00",
        "published": "on",
        "options-TOTAL_FORMS": "0",
        "options-INITIAL_FORMS": "0",
        "options-MIN_NUM_FORMS": "0",
        "options-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_committee_defines_a_yes_no_vote_and_gets_the_three_options(client, committee):
    client.force_login(committee)
    response = client.post("/admin/plan_votes/new/", vote_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    vote = PlanVote.objects.get()
    assert list(vote.options.values_list("key", "label")) == [
        ("agree", "同意"),
        ("disagree", "不同意"),
        ("abstain", "弃权"),
    ]


def test_a_vote_that_closes_before_it_opens_is_refused(client, committee):
    client.force_login(committee)
    response = client.post("/admin/plan_votes/new/", vote_form(closes_at="2026-11-30 09:00"))
    assert response.status_code == 200
    assert "截止时间必须晚于开始时间" in response.content.decode()
    assert not PlanVote.objects.exists()


def test_a_plan_vote_needs_two_plans(client, committee):
    client.force_login(committee)
    response = client.post("/admin/plan_votes/new/", vote_form(ballot_kind="options"))
    assert "至少需要两个方案" in response.content.decode()
    assert not PlanVote.objects.exists()


def test_special_matter_only_for_owners(client, committee):
    client.force_login(committee)
    response = client.post(
        "/admin/plan_votes/new/", vote_form(electorate="households", art278_item="6")
    )
    assert "只有业主表决" in response.content.decode()
    assert not PlanVote.objects.exists()


def test_electorate_cannot_change_after_the_vote_opened(client, committee, open_vote):
    vote, *_ = open_vote
    client.force_login(committee)
    response = client.post(
        f"/admin/plan_votes/edit/{vote.pk}/",
        vote_form(
            title=vote.title,
            electorate="residents",
            opens_at=vote.opens_at.strftime("%Y-%m-%d %H:%M"),
            **{"options-TOTAL_FORMS": "0"},
        ),
    )
    vote.refresh_from_db()
    assert vote.electorate == "owners"
    assert "开始后不能修改" in response.content.decode()


def test_open_now_freezes_the_roll(client, committee):
    UnitFactory(owner=OwnerFactory(), area="90.00")
    vote = VoteFactory(opens_in_hours=24, closes_in_hours=48, published=False)
    client.force_login(committee)
    response = client.post(f"/admin/plan_votes/manage/{vote.pk}/", {"action": "open"})
    assert response.status_code == 302
    vote.refresh_from_db()
    assert vote.is_open and vote.frozen_at and vote.roll_heads == 1


def test_close_now_ends_voting(client, committee, open_vote):
    vote, *_ = open_vote
    client.force_login(committee)
    asked = client.post(f"/admin/plan_votes/manage/{vote.pk}/", {"action": "close"})
    assert asked["Location"] == f"/admin/plan_votes/manage/{vote.pk}/close/"
    vote.refresh_from_db()
    assert vote.is_open  # only asked: closing is confirmed with a reason
    client.post(f"/admin/plan_votes/manage/{vote.pk}/close/", {"reason": "方案撤回"})
    vote.refresh_from_db()
    assert vote.is_closed


def test_committee_enters_a_paper_ballot(client, committee, open_vote):
    vote, _, _, other = open_vote
    entry = vote.roll.get(owner=other)
    client.force_login(committee)
    page = client.get(f"/admin/plan_votes/manage/{vote.pk}/paper/")
    assert entry.label in page.content.decode()
    data = {"entry": entry.pk, "option": option(vote, "agree").pk, "paper_number": "0012"}
    review = client.post(f"/admin/plan_votes/manage/{vote.pk}/paper/", data)
    assert review.status_code == 200 and not Ballot.objects.exists()
    response = client.post(f"/admin/plan_votes/manage/{vote.pk}/paper/", {**data, "confirm": "1"})
    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert (ballot.channel, ballot.entered_by, ballot.paper_number) == ("paper", committee, "0012")


def test_paper_ballot_for_someone_who_voted_online_is_refused(client, committee, open_vote):
    vote, voter, owner, _ = open_vote
    entry = vote.roll.get(owner=owner)
    cast_online(vote, entry, voter, option(vote, "agree"))
    client.force_login(committee)
    response = client.post(
        f"/admin/plan_votes/manage/{vote.pk}/paper/",
        {"entry": entry.pk, "option": option(vote, "disagree").pk, "paper_number": "9"},
    )
    assert response.status_code == 409
    assert "网上选票已于" in response.content.decode()  # names the first ballot's channel
    assert Ballot.objects.count() == 1


@pytest.mark.parametrize(
    "data",
    [{}, {"entry": "abc", "option": "1", "paper_number": "1"}, {"entry": "", "paper_number": ""}],
)
def test_bad_paper_ballot_input_is_400(client, committee, open_vote, data):
    vote, *_ = open_vote
    client.force_login(committee)
    response = client.post(f"/admin/plan_votes/manage/{vote.pk}/paper/", data)
    assert response.status_code == 400
    assert not Ballot.objects.exists()


def _pieces(html):
    """Table rows and list items: the places where a voter and a choice could meet."""
    return re.findall(r"<tr.*?</tr>|<li.*?</li>|<option.*?</option>", html, flags=re.S)


def test_no_admin_page_shows_a_choice_beside_a_voter(client, committee, open_vote):
    vote, voter, owner, other = open_vote
    voted = [vote.roll.get(owner=owner), vote.roll.get(owner=other)]
    cast_online(vote, voted[0], voter, option(vote, "disagree"))
    enter_paper_ballot(vote, voted[1], option(vote, "disagree"), committee, "7")
    client.force_login(committee)
    pages = [
        "/admin/",
        "/admin/plan_votes/",
        f"/admin/plan_votes/edit/{vote.pk}/",
        f"/admin/plan_votes/manage/{vote.pk}/",
        f"/admin/plan_votes/manage/{vote.pk}/roll/",
        f"/admin/plan_votes/manage/{vote.pk}/paper/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        for piece in _pieces(response.content.decode()):
            for entry in voted:
                assert not (entry.label in piece and "不同意" in piece), (url, piece)
    roll = client.get(f"/admin/plan_votes/manage/{vote.pk}/roll/").content.decode()
    assert voted[0].label in roll and "网上" in roll and "纸质" in roll
    assert "不同意" not in roll and "同意" not in roll
    ballot = Ballot.objects.first()
    forbidden = client.get(f"/admin/plan_votes/manage/{vote.pk}/ballots/{ballot.pk}/")
    assert (forbidden.status_code, forbidden["Location"]) == (302, "/admin/")
    assert not BallotAccessLog.objects.exists()


def test_an_auditor_opens_a_ballot_and_the_access_is_logged(client, auditor, open_vote):
    vote, voter, owner, _ = open_vote
    ballot, _ = cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "disagree"))
    client.force_login(auditor)
    roll = client.get(f"/admin/plan_votes/manage/{vote.pk}/roll/").content.decode()
    assert f"/ballots/{ballot.pk}/" in roll
    page = client.post(f"/admin/plan_votes/manage/{vote.pk}/ballots/{ballot.pk}/")
    assert page.status_code == 200
    assert "不同意" in page.content.decode()
    assert BallotAccessLog.objects.get().auditor == auditor


def test_results_export_after_close(client, committee, open_vote):
    vote, voter, owner, _ = open_vote
    cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "agree"))
    client.force_login(committee)
    too_early = client.get(f"/admin/plan_votes/manage/{vote.pk}/export.csv")
    assert (too_early.status_code, too_early["Location"]) == (302, "/admin/")
    close(vote)
    csv_text = client.get(f"/admin/plan_votes/manage/{vote.pk}/export.csv").content.decode()
    assert csv_text.startswith("\ufeff")
    assert "同意,1,100.0,100.00,100.0,否" in csv_text  # 1 of 2 owners: no quorum
    assert "参与人数,1" in csv_text
    xlsx = client.get(f"/admin/plan_votes/manage/{vote.pk}/export.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A1"].value == "表决" and sheet["B1"].value == vote.title
    assert client.get(f"/admin/plan_votes/manage/{vote.pk}/export.pdf").status_code == 404


def test_a_vote_with_ballots_cannot_be_deleted(client, committee, open_vote):
    vote, *_ = open_vote
    client.force_login(committee)
    response = client.post(f"/admin/plan_votes/delete/{vote.pk}/")
    assert response["Location"] == f"/admin/plan_votes/manage/{vote.pk}/"
    assert PlanVote.objects.filter(pk=vote.pk).exists()


def test_a_vote_that_never_opened_can_be_deleted(client, committee):
    vote = VoteFactory(opens_in_hours=24, closes_in_hours=48, published=False)
    client.force_login(committee)
    client.post(f"/admin/plan_votes/delete/{vote.pk}/")
    assert not PlanVote.objects.filter(pk=vote.pk).exists()


def test_dashboard_shows_open_votes_with_participation(client, committee, open_vote):
    vote, voter, owner, _ = open_vote
    cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "agree"))
    client.force_login(committee)
    html = client.get("/admin/").content.decode()
    assert vote.title in html
    assert 'value="50.0"' in html


def test_people_without_vote_permissions_cannot_manage(client, staff_roles, open_vote):
    vote, voter, *_ = open_vote
    client.force_login(staff_in(roles.EDITOR, username="reader"))
    assert client.get(f"/admin/plan_votes/manage/{vote.pk}/")["Location"] == "/admin/"
    client.force_login(voter)
    assert client.get(f"/admin/plan_votes/manage/{vote.pk}/")["Location"].startswith(
        "/accounts/login/"
    )


def _edit(client, vote, unpublish=False, **changes):
    """Post the vote's edit form as the admin shows it, with ``changes`` applied."""
    current = {
        "title": vote.title,
        "space": vote.space,
        "electorate": vote.electorate,
        "art278_item": str(vote.art278_item or ""),
        "ballot_kind": vote.ballot_kind,
        "opens_at": timezone.localtime(vote.opens_at).strftime("%Y-%m-%d %H:%M"),
        "closes_at": timezone.localtime(vote.closes_at).strftime("%Y-%m-%d %H:%M"),
    }
    data = vote_form(**{**current, **changes})
    if unpublish:
        data.pop("published")
    options = list(vote.options.all())
    data["options-TOTAL_FORMS"] = data["options-INITIAL_FORMS"] = str(len(options))
    for n, opt in enumerate(options):
        data.update(
            {
                f"options-{n}-id": str(opt.pk),
                f"options-{n}-key": opt.key,
                f"options-{n}-label": opt.label,
                f"options-{n}-ORDER": str(n + 1),
                f"options-{n}-role": opt.role,
            }
        )
    return client.post(f"/admin/plan_votes/edit/{vote.pk}/", data)


def test_an_open_vote_title_can_still_be_corrected(client, committee, open_vote):
    vote, *_ = open_vote
    client.force_login(committee)
    response = _edit(client, vote, title="3号楼架空层改造（修正错别字）")
    assert response.status_code == 302, response.content.decode()[-3000:]
    vote.refresh_from_db()
    assert vote.title == "3号楼架空层改造（修正错别字）"
    assert vote.frozen_at is not None and vote.roll_heads == 2


@pytest.mark.parametrize(
    "change",
    [{"closes_at": "2031-01-01 10:00"}, {"allow_change": "on"}, {"unpublish": True}],
)
def test_the_window_and_rules_are_locked_once_a_vote_opened(client, committee, open_vote, change):
    vote, *_ = open_vote
    before = (vote.closes_at, vote.allow_change, vote.published)
    client.force_login(committee)
    response = _edit(client, vote, **change)
    assert response.status_code == 200
    assert "表决开始后不能修改此项" in response.content.decode()
    vote.refresh_from_db()
    assert (vote.closes_at, vote.allow_change, vote.published) == before


def test_a_vote_past_its_opening_time_is_locked_even_before_anyone_froze_it(client, committee):
    UnitFactory(owner=OwnerFactory(), area="90.00")
    vote = VoteFactory(electorate="owners")  # published, opened an hour ago, never visited
    assert vote.frozen_at is None
    client.force_login(committee)
    _edit(client, vote, electorate="residents")
    vote.refresh_from_db()
    assert vote.electorate == "owners"


def test_saving_the_form_never_wipes_a_roll_frozen_meanwhile(client, committee):

    UnitFactory(owner=OwnerFactory(), area="90.00")
    vote = VoteFactory(electorate="owners", opens_in_hours=2, closes_in_hours=50)
    client.force_login(committee)
    stale = PlanVote.objects.get(pk=vote.pk)  # what the edit view loaded
    PlanVote.objects.filter(pk=vote.pk).update(opens_at=timezone.now())
    freeze_electorate(PlanVote.objects.get(pk=vote.pk))
    response = _edit(client, stale, title="改个标题")
    assert response.status_code in (200, 302)
    vote.refresh_from_db()
    assert vote.frozen_at is not None and vote.roll_heads == 1
    assert client.get(f"/votes/{vote.pk}/").status_code == 200


def test_open_now_refuses_a_vote_whose_closing_time_has_passed(client, committee):
    UnitFactory(owner=OwnerFactory(), area="90.00")
    vote = VoteFactory(opens_in_hours=-48, closes_in_hours=-24, published=False)
    client.force_login(committee)
    client.post(f"/admin/plan_votes/manage/{vote.pk}/", {"action": "open"})
    vote.refresh_from_db()
    assert not vote.published and vote.frozen_at is None


@pytest.mark.parametrize("building", ["²", "99999999999999999999", "abc", "-1"])
def test_odd_building_filters_on_the_paper_page_are_not_500(client, committee, open_vote, building):
    vote, *_ = open_vote
    client.force_login(committee)
    assert (
        client.get(f"/admin/plan_votes/manage/{vote.pk}/paper/", {"building": building}).status_code
        == 200
    )
    response = client.post(
        f"/admin/plan_votes/manage/{vote.pk}/paper/", {"building": building, "entry": "x"}
    )
    assert response.status_code == 400


def test_closed_advisory_results_are_labelled_in_chinese(client, committee):

    unit = UnitFactory(owner=OwnerFactory(), area="90.00")
    resident = verified_resident(unit).user
    vote = freeze_electorate(VoteFactory(electorate="residents"))
    cast_online(vote, vote.roll.get(), resident, option(vote, "agree"))
    close(vote)
    client.force_login(committee)
    html = client.get(f"/admin/plan_votes/manage/{vote.pk}/").content.decode()
    assert "咨询性表决" in html and "advisory" not in html
    assert "参与门槛" not in html
    csv_text = client.get(f"/admin/plan_votes/manage/{vote.pk}/export.csv").content.decode()
    assert "结论,咨询性表决" in csv_text


def test_an_auditor_reaches_the_roll_from_the_vote_list(client, auditor, open_vote):
    vote, *_ = open_vote
    client.force_login(auditor)
    html = client.get("/admin/plan_votes/").content.decode()
    assert f"/admin/plan_votes/manage/{vote.pk}/roll/" in html
    assert client.get(f"/admin/plan_votes/manage/{vote.pk}/roll/").status_code == 200


def test_a_superuser_cannot_open_ballots_without_the_auditor_role(client, open_vote):
    from django.contrib.auth import get_user_model

    vote, voter, owner, _ = open_vote
    ballot, _code = cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "agree"))
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(admin)
    response = client.get(f"/admin/plan_votes/manage/{vote.pk}/ballots/{ballot.pk}/")
    assert response.status_code == 302
    assert not BallotAccessLog.objects.exists()
