"""The demo community's proposals: every status, an escalated one, idempotent."""

import pytest

from home.demo.editor import ensure_editor
from home.demo.pages import ensure_buildings
from participation.consultations.choices import CommentState, Kind, Status
from participation.consultations.models import Comment, Proposal, Support
from participation.demo import households as demo
from participation.demo.consultations import ensure_demo_consultations

PASSWORD = "demo-pass-for-tests"


@pytest.fixture
def demo_site(db):
    ensure_editor(PASSWORD)
    demo.load(ensure_buildings(), PASSWORD, "editor")


def test_fifteen_or_more_proposals_across_every_status(demo_site, client):
    proposals = list(Proposal.objects.with_status())
    assert len(proposals) >= 15
    assert {p.status for p in proposals} == set(Status)
    assert Proposal.objects.filter(kind=Kind.COMMITTEE, comments_close_at__isnull=False).exists()
    assert Proposal.objects.filter(escalated_to__isnull=False).count() == 1
    assert Comment.objects.filter(state=CommentState.HIDDEN).exists()
    for proposal in proposals:
        assert proposal.support_count == Support.objects.filter(proposal=proposal).count()
        if proposal.status in (Status.ANSWERED, Status.ACCEPTED, Status.DONE, Status.DECLINED):
            assert proposal.answer
    assert client.get("/consultations/").status_code == 200


def test_loading_again_changes_nothing(demo_site, django_user_model):
    counts = (Proposal.objects.count(), Comment.objects.count(), Support.objects.count())
    committee = django_user_model.objects.get(username="zhouxiaowen")
    assert ensure_demo_consultations(committee) == 0
    assert counts == (Proposal.objects.count(), Comment.objects.count(), Support.objects.count())
