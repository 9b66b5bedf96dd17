"""Vote wording: the electorate label, full-width punctuation on results pages, no JSON
link for residents, and exports that say what an advisory vote means."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from participation.votes.ballots import cast_online
from participation.votes.roll import freeze_electorate
from tests.factories.households import OwnerFactory, UnitFactory, verified_resident
from tests.factories.pages import HomePageFactory
from tests.factories.votes import VoteFactory, close, option, owner_voter


@pytest.fixture
def special_vote(db):
    HomePageFactory()
    owner = OwnerFactory()
    unit = UnitFactory(owner=owner, area="100.00")
    voter = owner_voter(owner, unit, username="owner1")
    vote = freeze_electorate(VoteFactory(electorate="owners", matter="special"))
    cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "agree"))
    return close(vote)


@pytest.fixture
def advisory_vote(db):
    HomePageFactory()
    residents = [
        verified_resident(UnitFactory(owner=OwnerFactory(), area="90.50")).user for _ in range(2)
    ]
    vote = freeze_electorate(VoteFactory(electorate="residents"))
    for resident in residents:
        cast_online(vote, vote.roll.get(user=resident), resident, option(vote, "agree"))
    return close(vote)


def test_a_three_quarters_vote_is_not_labelled_double_majority(client, special_vote):
    for url in (f"/votes/{special_vote.pk}/", f"/votes/{special_vote.pk}/results/", "/votes/"):
        html = client.get(url).content.decode()
        assert "双过半" not in html, url
    assert "四分之三" in client.get(f"/votes/{special_vote.pk}/").content.decode()


def test_results_page_uses_full_width_punctuation(client, special_vote):
    html = client.get(f"/votes/{special_vote.pk}/results/").content.decode()
    assert f"表决结果：{special_vote.title}" in html
    assert "100.0%（1）" in html and "100.0%（100.00 平方米）" in html
    assert "%(" not in html and ": " + special_vote.title not in html


def test_residents_are_not_shown_the_json_link(client, special_vote, committee):
    assert "JSON" not in client.get(f"/votes/{special_vote.pk}/results/").content.decode()
    client.force_login(committee)
    assert "结果（JSON）" in client.get(f"/votes/{special_vote.pk}/results/").content.decode()


def test_an_advisory_export_marks_the_leading_option_not_approved_no(
    client, committee, advisory_vote
):
    client.force_login(committee)
    csv_text = client.get(f"/admin/plan_votes/manage/{advisory_vote.pk}/export.csv").content
    text = csv_text.decode()
    assert "支持最多" in text and "同意,2,100.0,0.00,0.0,是" in text
    assert ",否" not in text


def test_the_xlsx_export_has_numeric_areas_and_says_its_window_and_when_it_was_made(
    client, committee, special_vote
):
    client.force_login(committee)
    response = client.get(f"/admin/plan_votes/manage/{special_vote.pk}/export.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    by_label = {row[0]: row[1:] for row in rows if row and row[0]}
    assert by_label["投票时间"][0] and by_label["投票时间"][1]
    assert by_label["导出时间"][0]
    assert isinstance(by_label["参与面积（平方米）"][0], int | float | Decimal)
    agree = by_label["同意"]
    assert isinstance(agree[2], int | float) and agree[2] == 100
    assert isinstance(agree[1], int | float) and agree[1] == 100
