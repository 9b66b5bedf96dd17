import pytest

from participation.votes.ballots import (
    BallotRefused,
    cast_online,
    enter_paper_ballot,
    find_by_receipt,
)
from participation.votes.models import Ballot, BallotChoice
from participation.votes.roll import freeze_electorate
from tests.factories.households import OwnerFactory, UnitFactory, UserFactory
from tests.factories.votes import VoteFactory, close, option, owner_voter


@pytest.fixture
def owners_vote(db):
    owner = OwnerFactory()
    unit = UnitFactory(owner=owner, area="95.00")
    voter = owner_voter(owner, unit)
    other = OwnerFactory()
    UnitFactory(owner=other, area="120.00")
    vote = freeze_electorate(VoteFactory(electorate="owners"))
    return vote, voter, vote.roll.get(owner=owner), vote.roll.get(owner=other)


def test_an_online_ballot_gets_a_receipt_and_is_stored_apart_from_the_choice(owners_vote):
    vote, voter, entry, _ = owners_vote
    ballot, code = cast_online(vote, entry, voter, option(vote, "agree"))
    assert len(code) == 14 and code[4] == "-"
    assert ballot.channel == "online" and ballot.area == entry.area
    assert not hasattr(ballot, "option")
    assert BallotChoice.objects.get(ballot=ballot).option.key == "agree"
    assert find_by_receipt(vote, code.lower().replace("-", " ")) == ballot


def test_second_ballot_from_same_owner_is_refused(owners_vote):
    vote, voter, entry, _ = owners_vote
    cast_online(vote, entry, voter, option(vote, "agree"))
    with pytest.raises(BallotRefused, match="已于"):
        cast_online(vote, entry, voter, option(vote, "disagree"))
    assert Ballot.objects.count() == 1
    assert BallotChoice.objects.get().option.key == "agree"


def test_a_ballot_may_be_changed_before_close_when_the_vote_allows_it(owners_vote):
    vote, voter, entry, _ = owners_vote
    vote.allow_change = True
    vote.save()
    _, first_code = cast_online(vote, entry, voter, option(vote, "agree"))
    ballot, second_code = cast_online(vote, entry, voter, option(vote, "disagree"))
    assert Ballot.objects.count() == 1
    assert BallotChoice.objects.get().option.key == "disagree"
    assert first_code != second_code
    assert find_by_receipt(vote, first_code) is None
    assert ballot.changed_at is not None


def test_paper_ballot_after_online_is_refused_naming_the_online_one(owners_vote):
    vote, voter, entry, _ = owners_vote
    cast_online(vote, entry, voter, option(vote, "agree"))
    clerk = UserFactory(username="clerk")
    with pytest.raises(BallotRefused) as refused:
        enter_paper_ballot(vote, entry, option(vote, "disagree"), clerk, "P-001")
    assert "网上" in str(refused.value)
    assert Ballot.objects.count() == 1


def test_online_ballot_after_paper_is_refused_naming_the_paper_one(owners_vote):
    vote, voter, entry, _ = owners_vote
    vote.allow_change = True
    vote.save()
    enter_paper_ballot(
        vote, entry, option(vote, "disagree"), UserFactory(username="clerk"), "P-001"
    )
    with pytest.raises(BallotRefused) as refused:
        cast_online(vote, entry, voter, option(vote, "agree"))
    assert "纸质" in str(refused.value)
    assert BallotChoice.objects.get().option.key == "disagree"


def test_paper_ballot_records_who_entered_it_and_its_number(owners_vote):
    vote, _, _, other_entry = owners_vote
    clerk = UserFactory(username="clerk")
    ballot, code = enter_paper_ballot(vote, other_entry, option(vote, "agree"), clerk, " P-7 ")
    assert (ballot.channel, ballot.entered_by, ballot.paper_number) == ("paper", clerk, "P-7")
    assert ballot.cast_by is None and code


def test_the_same_paper_number_cannot_be_entered_twice(owners_vote):
    vote, _, entry, other_entry = owners_vote
    clerk = UserFactory(username="clerk")
    enter_paper_ballot(vote, entry, option(vote, "agree"), clerk, "P-1")
    with pytest.raises(BallotRefused, match="P-1"):
        enter_paper_ballot(vote, other_entry, option(vote, "agree"), clerk, "P-1")


def test_paper_ballot_needs_a_number(owners_vote):
    vote, _, entry, _ = owners_vote
    with pytest.raises(BallotRefused):
        enter_paper_ballot(vote, entry, option(vote, "agree"), UserFactory(username="clerk"), "  ")
    assert not Ballot.objects.exists()


def test_no_ballot_after_close(owners_vote):
    vote, voter, entry, _ = owners_vote
    close(vote)
    with pytest.raises(BallotRefused):
        cast_online(vote, entry, voter, option(vote, "agree"))
    assert not Ballot.objects.exists()


def test_an_option_from_another_vote_is_refused(owners_vote):
    vote, voter, entry, _ = owners_vote
    other_vote = VoteFactory(electorate="owners", title="另一个表决")
    with pytest.raises(BallotRefused):
        cast_online(vote, entry, voter, option(other_vote, "agree"))
    assert not Ballot.objects.exists()
