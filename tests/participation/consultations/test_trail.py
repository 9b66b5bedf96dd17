"""The status trail is append-only and the status is derived from it (trail.py)."""

import pytest

from participation.consultations.choices import TRANSITIONS, Status
from participation.consultations.models import Proposal, ProposalStep
from participation.trail import (
    TrailIsAppendOnly,
    TransitionRefused,
    allowed_next,
    check_transition,
    current_status,
)
from tests.factories.consultations import ProposalFactory, step


def test_allowed_next_is_a_pure_lookup_and_final_statuses_allow_nothing():
    assert allowed_next(Status.SUBMITTED, TRANSITIONS) == {Status.DISCUSSION, Status.ANSWERED}
    assert allowed_next(Status.ANSWERED, TRANSITIONS) == {Status.ACCEPTED, Status.DECLINED}
    assert allowed_next(Status.DONE, TRANSITIONS) == frozenset()
    assert allowed_next(Status.DECLINED, TRANSITIONS) == frozenset()
    assert allowed_next("unknown", TRANSITIONS) == frozenset()
    with pytest.raises(TransitionRefused):
        check_transition(Status.SUBMITTED, Status.DONE, TRANSITIONS)


def test_every_status_can_be_reached_from_submitted():
    reached, frontier = {Status.SUBMITTED}, [Status.SUBMITTED]
    while frontier:
        for status in allowed_next(frontier.pop(), TRANSITIONS) - reached:
            reached.add(status)
            frontier.append(status)
    assert reached == set(Status)


def test_current_status_is_the_newest_step(db):
    proposal = ProposalFactory()
    assert proposal.status == Status.SUBMITTED
    step(proposal, Status.DISCUSSION)
    step(proposal, Status.ANSWERED)
    fresh = Proposal.objects.with_status().get(pk=proposal.pk)
    assert fresh.current_status == Status.ANSWERED == fresh.status
    assert current_status(proposal.steps.all()) == Status.ANSWERED
    assert current_status([]) is None


def test_a_step_cannot_be_changed_or_deleted(db):
    proposal = ProposalFactory()
    first = proposal.steps.get()
    first.note = "改写历史"
    with pytest.raises(TrailIsAppendOnly):
        first.save()
    with pytest.raises(TrailIsAppendOnly):
        first.delete()
    with pytest.raises(TrailIsAppendOnly):
        ProposalStep.objects.filter(proposal=proposal).update(note="改写历史")
    with pytest.raises(TrailIsAppendOnly):
        ProposalStep.objects.filter(proposal=proposal).delete()
    with pytest.raises(TrailIsAppendOnly):
        ProposalStep.objects.bulk_update([first], ["note"])
    assert ProposalStep.objects.get(pk=first.pk).note == ""


def test_deleting_a_proposal_takes_its_trail_with_it(db):
    proposal = ProposalFactory()
    step(proposal, Status.DISCUSSION)
    proposal.delete()
    assert not ProposalStep.objects.exists()
