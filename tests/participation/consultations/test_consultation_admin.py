"""The committee in the Wagtail admin: answer, change status, escalate, moderate,
export, open a 征求意见, the dashboard panel; residents and editors are kept out."""

from django.core import mail

from participation import roles
from participation.consultations.choices import CommentState, Kind, Status
from participation.consultations.models import Comment, Proposal, ProposalStep
from tests.factories.consultations import CommentFactory, ProposalFactory
from tests.factories.households import staff_in


def test_the_committee_publishes_an_answer_and_the_trail_records_it(
    client, committee, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory()
    client.force_login(committee)
    url = f"/admin/participation/proposals/manage/{proposal.pk}/"
    assert client.get(url).status_code == 200
    client.post(url, {"action": "draft", "answer": "草稿内容"})
    proposal.refresh_from_db()
    assert proposal.answer_draft == "草稿内容" and proposal.answer == ""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "publish", "answer": "同意，下月实施。"})
    assert response.status_code == 302
    proposal = Proposal.objects.with_status().get(pk=proposal.pk)
    assert proposal.status == Status.ANSWERED and proposal.answer == "同意，下月实施。"
    assert len(mail.outbox) == 1  # the author


def test_declining_in_the_admin_without_a_reason_answers_400(client, committee):
    proposal = ProposalFactory()
    ProposalStep.objects.create(proposal=proposal, status=Status.ANSWERED, role="committee")
    client.force_login(committee)
    url = f"/admin/participation/proposals/manage/{proposal.pk}/"
    response = client.post(url, {"action": "status", "status": "declined", "note": ""})
    assert response.status_code == 400
    assert "不采纳须写明理由" in response.content.decode()
    response = client.post(url, {"action": "status", "status": "done", "note": "x"})
    assert response.status_code == 400  # not a next status
    response = client.post(url, {"action": "status", "status": "declined", "note": "预算不足"})
    assert response.status_code == 302
    assert Proposal.objects.with_status().get(pk=proposal.pk).status == Status.DECLINED


def test_escalation_from_the_admin_opens_the_new_vote(client, committee):
    proposal = ProposalFactory()
    client.force_login(committee)
    response = client.post(
        f"/admin/participation/proposals/manage/{proposal.pk}/", {"action": "escalate"}
    )
    proposal.refresh_from_db()
    assert proposal.escalated_to is not None
    assert response["Location"].endswith(f"/{proposal.escalated_to.pk}/")


def test_residents_and_editors_cannot_answer(client, resident):
    proposal = ProposalFactory()
    for user in (resident, staff_in(roles.EDITOR, username="ed")):
        client.force_login(user)
        response = client.get(f"/admin/participation/proposals/manage/{proposal.pk}/")
        assert response.status_code in (302, 403)


def test_the_proposal_list_and_export(client, committee):
    ProposalFactory(title="导出的议题")
    client.force_login(committee)
    assert "导出的议题" in client.get("/admin/participation/proposals/").content.decode()
    response = client.get("/admin/participation/proposals/?export=csv")
    assert response.status_code == 200
    assert "导出的议题" in b"".join(response.streaming_content).decode("utf-8-sig")
    assert client.get("/admin/participation/proposals/?export=xlsx").status_code == 200


def test_the_committee_opens_a_consultation_in_the_admin(client, committee):
    client.force_login(committee)
    response = client.post(
        "/admin/participation/proposals/new/",
        {
            "title": "地面停车位调整征求意见",
            "body": "请提出您的意见。",
            "category": "parking",
            "comments_close_at": "2030-01-01 10:00",
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
            "images-MIN_NUM_FORMS": "0",
            "images-MAX_NUM_FORMS": "6",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    proposal = Proposal.objects.with_status().get()
    assert proposal.kind == Kind.COMMITTEE and proposal.status == Status.DISCUSSION


def test_the_moderation_queue_approves_hides_and_restores(client, committee):
    waiting = CommentFactory(state=CommentState.PENDING, body="第一次评论")
    client.force_login(committee)
    assert "第一次评论" in client.get("/admin/participation/comments/").content.decode()
    url = f"/admin/participation/comments/moderate/{waiting.pk}/"
    assert client.get(url).status_code == 200
    client.post(url, {"action": "approve"})
    assert Comment.objects.get(pk=waiting.pk).state == CommentState.VISIBLE
    response = client.post(url, {"action": "hide", "reason": ""})
    assert response.status_code == 400
    client.post(url, {"action": "hide", "reason": "跑题"})
    assert Comment.objects.get(pk=waiting.pk).hidden_reason == "跑题"
    client.post(url, {"action": "restore"})
    assert Comment.objects.get(pk=waiting.pk).state == CommentState.VISIBLE


def test_the_dashboard_lists_proposals_on_the_agenda_without_an_answer(client, committee):
    from django.utils import timezone

    old = ProposalFactory(title="最早列入议程")
    new = ProposalFactory(title="后来列入议程")
    Proposal.objects.filter(pk=old.pk).update(agenda_at=timezone.now() - timezone.timedelta(days=5))
    Proposal.objects.filter(pk=new.pk).update(agenda_at=timezone.now())
    ProposalFactory(title="还没到门槛")
    client.force_login(committee)
    html = client.get("/admin/").content.decode()
    assert "已列入议程但尚未答复的议题" in html
    assert html.index("最早列入议程") < html.index("后来列入议程")
    assert "还没到门槛" not in html
