"""200 simultaneous submissions for one voter key store exactly one ballot.

Runs on whatever database the suite runs on: SQLite (a file, IMMEDIATE transactions,
busy timeout) under `make test`, PostgreSQL in the second half of CI.
"""

import pytest
from django.db import connection

from participation.votes.ballots import BallotRefused, cast_online, enter_paper_ballot
from participation.votes.models import Ballot, BallotChoice
from participation.votes.roll import freeze_electorate
from tests import concurrency
from tests.factories.households import OwnerFactory, UnitFactory, UserFactory
from tests.factories.votes import VoteFactory, owner_voter

SUBMISSIONS = 200
THREADS = 20 if connection.vendor == "sqlite" else 50


def run_concurrently(attempt, count):
    """Each outcome is "stored" when the attempt returns, or "refused"."""

    def store(n):
        attempt(n)
        return "stored"

    return concurrency.run_concurrently(
        store, count, threads=THREADS, refused=BallotRefused, last_first=True, timeout=120
    )


@pytest.fixture
def vote_and_voter(transactional_db):
    owner = OwnerFactory()
    unit = UnitFactory(owner=owner, area="88.00")
    voter = owner_voter(owner, unit)
    vote = freeze_electorate(VoteFactory(electorate="owners"))
    return vote, voter, vote.roll.get()


def test_200_concurrent_online_ballots_for_one_key_store_exactly_one(vote_and_voter):
    vote, voter, entry = vote_and_voter
    agree = vote.options.get(key="agree")
    outcomes = run_concurrently(lambda n: cast_online(vote, entry, voter, agree), SUBMISSIONS)
    assert sorted(set(outcomes)) == ["refused", "stored"]
    assert outcomes.count("stored") == 1
    assert outcomes.count("refused") == SUBMISSIONS - 1
    assert Ballot.objects.count() == 1
    assert BallotChoice.objects.count() == 1


def test_concurrent_paper_and_online_ballots_for_one_key_store_exactly_one(vote_and_voter):
    vote, voter, entry = vote_and_voter
    clerk = UserFactory(username="clerk")
    agree, disagree = vote.options.get(key="agree"), vote.options.get(key="disagree")

    def attempt(n):
        if n % 2:
            cast_online(vote, entry, voter, agree)
        else:
            enter_paper_ballot(vote, entry, disagree, clerk, f"P-{n}")

    outcomes = run_concurrently(attempt, 40)
    assert outcomes.count("stored") == 1, outcomes
    assert Ballot.objects.count() == 1
    assert BallotChoice.objects.count() == 1
