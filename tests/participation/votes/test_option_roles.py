"""Issue 8.1: what an option means to the tally is its role, never its key."""

from decimal import Decimal

import pytest

from participation.votes.choices import OptionRole
from participation.votes.models import PlanVote
from participation.votes.results import vote_result
from participation.votes.roll import freeze_electorate
from participation.votes.tally import Verdict
from tests.factories.households import OwnerFactory, UnitFactory
from tests.factories.votes import VoteFactory, close, owner_voter
from tests.participation.votes.test_vote_admin import vote_form


def _owners(count):
    voters = []
    for _ in range(count):
        owner = OwnerFactory()
        voters.append((owner, owner_voter(owner, UnitFactory(owner=owner, area="100.00"))))
    return voters


def _cast_all(vote, voters, keys):
    from participation.votes.ballots import cast_online

    for (owner, user), key in zip(voters, keys, strict=True):
        cast_online(vote, vote.roll.get(owner=owner), user, vote.options.get(key=key))


def test_a_majority_for_no_is_rejected_whatever_staff_called_the_options(db):
    voters = _owners(4)
    vote = freeze_electorate(
        VoteFactory(
            electorate="owners", options=("yes", "no"), options__roles={"no": OptionRole.AGAINST}
        )
    )
    _cast_all(vote, voters, ["no", "no", "no", "yes"])
    result = vote_result(close(vote))
    assert result.verdict == Verdict.REJECTED
    assert result.winning_option is None
    assert result.option("no").against and not result.option("no").approved


def test_an_option_keyed_disagree_but_meaning_adopt_can_pass(db):
    voters = _owners(3)
    vote = freeze_electorate(
        VoteFactory(
            electorate="owners",
            options=("disagree", "keep"),
            options__roles={"disagree": OptionRole.ADOPT, "keep": OptionRole.AGAINST},
        )
    )
    _cast_all(vote, voters, ["disagree", "disagree", "keep"])
    result = vote_result(close(vote))
    assert (result.verdict, result.winning_option) == (Verdict.PASSED, "disagree")
    assert result.participating.area == Decimal("300.00")


def _with_options(*options):
    data = vote_form()
    data["options-TOTAL_FORMS"] = str(len(options))
    for n, (key, role) in enumerate(options):
        data.update(
            {
                f"options-{n}-key": key,
                f"options-{n}-label": key,
                f"options-{n}-role": role,
                f"options-{n}-ORDER": str(n + 1),
            }
        )
    return data


@pytest.mark.parametrize(
    "options, message",
    [
        ([("yes", "adopt"), ("no", "adopt")], "恰好一个"),
        ([("yes", "adopt"), ("no", "against"), ("no2", "against")], "恰好一个"),
        ([("yes", "adopt"), ("no", "against"), ("a1", "abstain"), ("a2", "abstain")], "最多"),
        ([("no", "against"), ("skip", "abstain")], "同意"),
    ],
)
def test_a_yes_no_vote_with_own_options_needs_one_against_and_something_to_adopt(
    client, committee, options, message
):
    client.force_login(committee)
    response = client.post("/admin/plan_votes/new/", _with_options(*options))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PlanVote.objects.exists()


def test_a_yes_no_vote_with_own_yes_and_no_is_saved_with_their_roles(client, committee):
    client.force_login(committee)
    response = client.post(
        "/admin/plan_votes/new/", _with_options(("yes", "adopt"), ("no", "against"))
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    vote = PlanVote.objects.get()
    assert dict(vote.options.values_list("key", "role")) == {"yes": "adopt", "no": "against"}


def test_the_default_yes_no_options_carry_their_roles(client, committee):
    client.force_login(committee)
    client.post("/admin/plan_votes/new/", vote_form())
    vote = PlanVote.objects.get()
    assert list(vote.options.values_list("key", "role")) == [
        ("agree", "adopt"),
        ("disagree", "against"),
        ("abstain", "abstain"),
    ]
