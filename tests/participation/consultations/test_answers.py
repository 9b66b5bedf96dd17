"""The committee's answer and status changes: the trail records each, mail goes out,
declining needs a reason; escalation makes a linked plan vote."""

import pytest
from django.core import mail

from participation.consultations.answers import (
    StepRefused,
    change_status,
    escalate_to_vote,
    note_missing,
    publish_answer,
)
from participation.consultations.choices import Status
from participation.consultations.models import Proposal, ProposalStep
from participation.consultations.supports import add_support
from tests.factories.consultations import ProposalFactory, resident_user
from tests.factories.households import OwnerFactory, UnitFactory, UserFactory, verified_resident
from tests.factories.votes import VoteFactory


def test_declining_and_closing_need_a_note():
    assert note_missing(Status.DECLINED, " ")
    assert note_missing(Status.DONE, "")
    assert not note_missing(Status.DECLINED, "预算不足")
    assert not note_missing(Status.ACCEPTED, "")


def test_declining_without_a_reason_is_refused_and_writes_nothing(db, committee):
    proposal = ProposalFactory()
    publish_answer(proposal, committee, "经研究，暂不具备条件。")
    with pytest.raises(StepRefused, match="不采纳须写明理由"):
        change_status(proposal, committee, Status.DECLINED, "")
    assert Proposal.objects.with_status().get(pk=proposal.pk).status == Status.ANSWERED
    change_status(proposal, committee, Status.DECLINED, "消防通道不能占用")
    assert ProposalStep.objects.filter(status=Status.DECLINED).get().note == "消防通道不能占用"


def test_a_transition_outside_the_table_is_refused(db, committee):
    proposal = ProposalFactory()
    with pytest.raises(StepRefused):
        change_status(proposal, committee, Status.DONE, "办完了")
    assert ProposalStep.objects.count() == 1


def test_publishing_the_answer_adds_a_step_and_mails_author_and_supporters(
    db, committee, django_capture_on_commit_callbacks
):
    author = verified_resident(user=UserFactory(email="author@example.com")).user
    proposal = ProposalFactory(author=author)
    supporter = verified_resident(user=UserFactory(email="fan@example.com")).user
    add_support(proposal, supporter)
    with django_capture_on_commit_callbacks(execute=True):
        publish_answer(proposal, committee, "同意增设，下月施工。")
    proposal = Proposal.objects.with_status().get(pk=proposal.pk)
    assert proposal.status == Status.ANSWERED and proposal.answer == "同意增设，下月施工。"
    assert sorted(m.to[0] for m in mail.outbox) == ["author@example.com", "fan@example.com"]
    assert "居委会已答复" in mail.outbox[0].subject
    mail.outbox.clear()
    change_status(proposal, committee, Status.ACCEPTED)
    with django_capture_on_commit_callbacks(execute=True):
        publish_answer(proposal, committee, "同意增设，本月施工。")
    steps = list(ProposalStep.objects.filter(proposal=proposal).values_list("status", "note"))
    assert steps[-1] == (Status.ACCEPTED, "居委会修改了答复。")
    assert "答复已更新" in mail.outbox[0].subject


def test_an_empty_answer_is_refused(db, committee):
    with pytest.raises(StepRefused):
        publish_answer(ProposalFactory(), committee, "  ")


def test_escalation_creates_a_linked_draft_vote_shown_on_both_pages(client, home, committee):
    proposal = ProposalFactory(title="架空层改造为儿童游乐区", body="第一段\n<script>x</script>")
    vote = escalate_to_vote(proposal, committee)
    assert Proposal.objects.get(pk=proposal.pk).escalated_to == vote
    assert "&lt;script&gt;" in vote.description
    assert "提交居民表决" in ProposalStep.objects.last().note
    with pytest.raises(StepRefused):
        escalate_to_vote(proposal, committee)
    vote.published = True
    vote.save()
    html = client.get(f"/votes/{vote.pk}/").content.decode()
    assert f"/consultations/{proposal.pk}/" in html
    assert f"/votes/{vote.pk}/" in client.get(f"/consultations/{proposal.pk}/").content.decode()


def test_a_resident_cannot_change_the_status(db):
    proposal = ProposalFactory()
    # The rule lives in the admin views' permission; the domain function is not public.
    from participation.consultations.permissions import can_answer

    assert not can_answer(resident_user())
    assert proposal.status == Status.SUBMITTED


def test_after_the_vote_closes_the_proposal_shows_its_result(client, home, committee):
    from participation.votes.ballots import enter_paper_ballot
    from participation.votes.roll import freeze_electorate
    from tests.factories.votes import close, option

    owner = OwnerFactory()
    UnitFactory(owner=owner, area="90.00")
    vote = freeze_electorate(VoteFactory(electorate="owners", title="架空层改造"))
    enter_paper_ballot(vote, vote.roll.get(owner=owner), option(vote, "agree"), committee, "1")
    close(vote)
    proposal = ProposalFactory()
    Proposal.objects.filter(pk=proposal.pk).update(escalated_to=vote)
    html = client.get(f"/consultations/{proposal.pk}/").content.decode()
    assert "表决结果：" in html and "通过" in html and "同意" in html
