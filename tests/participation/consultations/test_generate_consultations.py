"""``manage.py generate_consultations`` (the bench's data): demo databases only; every
count matches its rows and one proposal gets the busy share of the comments."""

import pytest
from django.core.management import CommandError, call_command

from participation.consultations.choices import CommentState, Status
from participation.consultations.models import Comment, Proposal, Support
from participation.demo.households import EMAIL_DOMAIN
from tests.factories.households import UserFactory, verified_resident


@pytest.fixture
def demo_residents(db):
    return [
        verified_resident(user=UserFactory(email=f"bench{n}@{EMAIL_DOMAIN}")).user for n in range(3)
    ]


def test_refuses_without_the_demo_community(db):
    verified_resident()
    with pytest.raises(CommandError):
        call_command("generate_consultations", "--proposals", "3", "--comments", "3")
    assert not Proposal.objects.exists()


def test_proposals_comments_supports_and_trails(demo_residents):
    call_command(
        "generate_consultations", "--proposals", "48", "--comments", "300", "--busy", "100"
    )
    proposals = list(Proposal.objects.with_status())
    assert len(proposals) == 48
    assert {p.status for p in proposals} == set(Status) - {Status.ACCEPTED}
    for proposal in proposals:
        assert proposal.support_count == Support.objects.filter(proposal=proposal).count()
        assert bool(proposal.answer) == (
            proposal.status not in (Status.SUBMITTED, Status.DISCUSSION)
        )
    assert Comment.objects.count() == 300
    newest = Proposal.objects.order_by("-created_at").first()
    assert newest.comments.count() == 104  # the busy 100, and its share of the other 200
    assert Comment.objects.filter(state=CommentState.HIDDEN).exclude(hidden_reason="").exists()
    assert Comment.objects.filter(state=CommentState.PENDING).exists()
