"""50 residents supporting at once: the count is exact and the agenda step is written
once; 50 requests from one resident store one support. Real threads, on whatever
database the suite runs on (SQLite here, PostgreSQL in CI), as the ballot test does."""

import pytest

from participation.consultations.choices import Status
from participation.consultations.models import Proposal, ProposalStep, Support
from participation.consultations.supports import SupportRefused, add_support
from tests.factories.consultations import ProposalFactory, resident_user, rules
from tests.participation.votes.test_ballot_concurrency import run_concurrently

REQUESTS = 50


def _attempt(proposal, users, settings_):
    def attempt(n):
        try:
            add_support(proposal, users[n], rules=settings_)
        except SupportRefused as refused:
            from participation.votes.ballots import BallotRefused

            raise BallotRefused(str(refused)) from None

    return attempt


@pytest.fixture
def proposal(transactional_db):
    return ProposalFactory()


def test_50_concurrent_supports_count_exactly_and_reach_the_threshold_once(proposal):
    settings_ = rules(support_threshold=30)
    users = [resident_user() for _ in range(REQUESTS)]
    outcomes = run_concurrently(_attempt(proposal, users, settings_), REQUESTS)
    assert outcomes.count("stored") == 30, outcomes
    assert outcomes.count("refused") == REQUESTS - 30, outcomes
    proposal = Proposal.objects.with_status().get(pk=proposal.pk)
    assert proposal.support_count == Support.objects.count() == 30
    assert ProposalStep.objects.filter(proposal=proposal, status=Status.DISCUSSION).count() == 1
    assert proposal.status == Status.DISCUSSION


def test_50_concurrent_supports_below_the_threshold_are_all_counted(proposal):
    settings_ = rules(support_threshold=100)
    users = [resident_user() for _ in range(REQUESTS)]
    outcomes = run_concurrently(_attempt(proposal, users, settings_), REQUESTS)
    assert outcomes.count("stored") == REQUESTS, outcomes
    assert Proposal.objects.get(pk=proposal.pk).support_count == REQUESTS
    assert not ProposalStep.objects.filter(status=Status.DISCUSSION).exists()


def test_50_concurrent_supports_from_one_resident_store_one(proposal):
    settings_ = rules(support_threshold=30)
    user = resident_user()
    outcomes = run_concurrently(_attempt(proposal, [user] * REQUESTS, settings_), REQUESTS)
    assert outcomes.count("stored") == 1, outcomes
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1
    assert Support.objects.count() == 1
