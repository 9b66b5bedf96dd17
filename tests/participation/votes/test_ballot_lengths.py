"""Issue 10.8: the choice must not leak through response sizes (the access log records
them). Every response of the ballot flow has the same length whichever option is
chosen; the receipt pages are identical apart from the fixed-length receipt code."""

import datetime
import re
import types

import pytest
from django.utils import timezone

from participation.votes import ballots
from participation.votes.roll import freeze_electorate
from tests.factories.households import OwnerFactory, UnitFactory, verified_resident
from tests.factories.pages import HomePageFactory
from tests.factories.votes import VoteFactory


def _same_person(html, voter):
    """What differs between two people's pages whatever they chose: their name in the
    header and the CSRF token of its forms (a fresh mask on every response)."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", html)
    return html.replace(voter.get_username(), "NAME")


@pytest.fixture
def fixed_time(monkeypatch):
    """Ballots are cast at one instant, so receipt times print alike."""
    now = timezone.now().replace(second=0, microsecond=0)
    clock = types.SimpleNamespace(now=lambda: now, localtime=timezone.localtime)
    monkeypatch.setattr(ballots, "timezone", clock)
    return now


def _residents_vote(options, labels):
    HomePageFactory()
    unit = UnitFactory(owner=OwnerFactory(), area="90.00")
    voters = [verified_resident(unit, user__username=f"voter{n}").user for n in range(len(options))]
    vote = VoteFactory(
        electorate="residents", options=options, opens_in_hours=-1, closes_in_hours=24
    )
    for key, label in labels.items():
        vote.options.filter(key=key).update(label=label)
    return freeze_electorate(vote), voters


PLAN_LABELS = {
    "a": "方案A：重新划线，增加12个车位",
    "b": "方案B：改造东侧绿地为生态停车位并补种乔木",
    "c": "方案C：维持现状",
}


@pytest.mark.parametrize(
    "options, labels",
    [
        (("a", "b", "c", "abstain"), PLAN_LABELS),
        (("agree", "disagree", "abstain"), {}),
    ],
    ids=["plan vote", "yes/no vote"],
)
def test_every_ballot_response_has_the_same_length_whatever_the_choice(
    client, db, fixed_time, options, labels
):
    vote, voters = _residents_vote(options, labels)
    url = f"/votes/{vote.pk}/"
    picks = list(zip(voters, vote.options.order_by("sort_order"), strict=True))
    lengths = {"bad choice": set(), "confirm": set(), "cast": set(), "receipt": set()}
    receipts = []

    for voter, chosen in picks:  # before anyone has voted: the same participation shown
        client.force_login(voter)
        bad = client.post(url, {"option": "999999"})
        assert bad.status_code == 400
        lengths["bad choice"].add(len(bad.content))
        confirm = client.post(url, {"option": chosen.pk})
        assert confirm.status_code == 200 and confirm.context["confirm_option"] == chosen
        lengths["confirm"].add(len(confirm.content))

    for voter, chosen in picks:
        client.force_login(voter)
        cast = client.post(url, {"option": chosen.pk, "confirm": "1"})
        assert cast.status_code == 302
        lengths["cast"].add((len(cast.content), len(cast["Location"])))
        receipt = client.get(cast["Location"])
        assert receipt.status_code == 200
        code = receipt.context["ballot"].receipt
        lengths["receipt"].add(len(receipt.content))
        receipts.append(_same_person(receipt.content.decode(), voter).replace(code, "CODE"))

    refused = set()
    for voter, chosen in picks:  # everyone has voted now: a second ballot is refused
        client.force_login(voter)
        again = client.post(url, {"option": chosen.pk, "confirm": "1"})
        assert again.status_code == 409
        refused.add(len(again.content.decode().replace(voter.resident.unit.__str__(), "")))

    for step, seen in lengths.items():
        assert len(seen) == 1, f"{step}: lengths differ by option: {sorted(seen)}"
    assert len(set(receipts)) == 1
    assert len(refused) == 1


def test_the_confirmation_lists_every_option_and_checks_only_the_chosen_one(client, db):
    vote, voters = _residents_vote(("a", "b", "c"), PLAN_LABELS)
    client.force_login(voters[0])
    chosen = vote.options.get(key="b")
    page = client.post(f"/votes/{vote.pk}/", {"option": chosen.pk}).content.decode()
    for label in PLAN_LABELS.values():
        assert label in page
    assert page.count(" checked") == 1
    assert f'value="{chosen.pk}" checked' in page


def test_confirming_still_casts_the_chosen_option(client, db):
    vote, voters = _residents_vote(("a", "b", "c"), PLAN_LABELS)
    client.force_login(voters[0])
    chosen = vote.options.get(key="c")
    client.post(f"/votes/{vote.pk}/", {"option": chosen.pk, "confirm": "1"})
    assert vote.choices.get().option == chosen
    assert vote.closes_at > timezone.now() + datetime.timedelta(hours=1)
