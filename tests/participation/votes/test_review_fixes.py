"""Issues 8.5–8.7 and 10.10–10.12: admin stylesheet, one percent formatter, pinned
openpyxl, consent to be contacted, formula-safe exports, the weighted-vote warning and
the 409 for an online ballot after a paper one."""

import csv
import io
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from openpyxl import load_workbook

from participation.residents.models import ResidentProfile
from participation.votes.ballots import cast_online, enter_paper_ballot
from participation.votes.exports import neutralise
from participation.votes.lifecycle import open_now
from participation.votes.results import participation_summary
from participation.votes.roll import freeze_electorate
from participation.votes.tally import Totals
from tests.factories.households import OwnerFactory, UnitFactory, verified_resident
from tests.factories.pages import HomePageFactory
from tests.factories.votes import VoteFactory, close, option, owner_voter


@pytest.fixture
def owners_vote(db):
    HomePageFactory()
    owner = OwnerFactory()
    voter = owner_voter(owner, UnitFactory(owner=owner, area="100.00"), username="owner1")
    UnitFactory(owner=OwnerFactory(), area="80.00")
    return freeze_electorate(VoteFactory(electorate="owners")), voter, owner


def test_every_admin_page_loads_the_vote_stylesheet(client, committee):
    client.force_login(committee)
    assert "css/admin-votes.css" in client.get("/admin/").content.decode()


def test_the_admin_stylesheet_draws_the_quorum_line_and_lays_out_the_vote_pages():
    css = (Path(settings.BASE_DIR) / "static/css/admin-votes.css").read_text()
    for selector in (".bar--quorum::after", ".linli-facts", ".linli-actions", ".linli-filter"):
        assert selector in css


def test_participation_rounds_half_up_like_every_other_share(db):
    vote = VoteFactory(electorate="residents")
    vote.roll_heads = 16
    summary = participation_summary(vote, Totals(1, Decimal(0)))
    assert summary["heads_percent"] == "6.3"  # 6.25 %: a float format gives "6.2"


def test_participation_is_capped_at_one_hundred_percent(db):
    vote = VoteFactory(electorate="residents")
    vote.roll_heads = 2
    assert participation_summary(vote, Totals(3, Decimal(0)))["heads_percent"] == "100.0"


def test_openpyxl_is_pinned_at_the_installed_version():
    pins = (Path(settings.BASE_DIR) / "requirements.txt").read_text().splitlines()
    assert f"openpyxl=={version('openpyxl')}" in pins


def test_vote_mail_is_never_sent_to_people_who_withdrew_consent(
    db, django_capture_on_commit_callbacks
):
    people = []
    for name in ("keeps", "withdrew"):
        owner = OwnerFactory()
        user = owner_voter(owner, UnitFactory(owner=owner, area="90.00"), username=name)
        user.email = f"{name}@example.com"
        user.save()
        people.append(user)
    ResidentProfile.objects.filter(user=people[0]).update(
        consent_contact_at=people[0].resident.verified_at
    )
    ResidentProfile.objects.filter(user=people[1]).update(consent_contact_at=None)
    vote = VoteFactory(electorate="owners", opens_in_hours=3, published=False)
    with django_capture_on_commit_callbacks(execute=True):
        open_now(vote)
    assert [m.to for m in mail.outbox] == [["keeps@example.com"]]


@pytest.mark.parametrize("text", ["=1+1", "+86 cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_text_that_starts_like_a_formula_is_neutralised(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["同意", "3号楼", 12, "", "a=b"])
def test_other_cells_are_left_alone(value):
    assert neutralise(value) == value


def test_exports_never_carry_a_formula(client, committee, owners_vote):
    vote, voter, owner = owners_vote
    vote.title = '=HYPERLINK("http://evil.example","点击")'
    vote.save()
    vote.options.filter(key="agree").update(label="@SUM(1+1)")
    cast_online(vote, vote.roll.get(owner=owner), voter, option(vote, "agree"))
    close(vote)
    client.force_login(committee)
    body = client.get(f"/admin/plan_votes/manage/{vote.pk}/export.csv").content.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=HYPERLINK" in body and "'@SUM(1+1)" in body
    xlsx = client.get(f"/admin/plan_votes/manage/{vote.pk}/export.xlsx").content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert all(not (isinstance(c, str) and c.startswith(("=", "@"))) for c in values)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_an_owners_vote_warns_that_area_totals_can_reveal_a_large_owner(client, owners_vote):
    vote, voter, _ = owners_vote
    client.force_login(voter)
    assert "开发商" in client.get(f"/votes/{vote.pk}/").content.decode()


def test_a_households_vote_has_no_area_warning(client, db):
    HomePageFactory()
    unit = UnitFactory(owner=OwnerFactory(), area="80.00")

    resident = verified_resident(unit, user__username="family1").user
    vote = freeze_electorate(VoteFactory(electorate="households"))
    client.force_login(resident)
    assert "开发商" not in client.get(f"/votes/{vote.pk}/").content.decode()


def test_an_online_ballot_after_a_paper_one_is_409_naming_the_paper_ballot(
    client, committee, owners_vote
):
    vote, voter, owner = owners_vote
    enter_paper_ballot(vote, vote.roll.get(owner=owner), option(vote, "agree"), committee, "P-7")
    client.force_login(voter)
    response = client.post(
        f"/votes/{vote.pk}/", {"option": option(vote, "disagree").pk, "confirm": "1"}
    )
    assert response.status_code == 409
    text = response.content.decode()
    assert "纸质选票已于" in text
    assert vote.ballots.get().channel == "paper"
