"""Comments: who comments, first ones wait, rate limit, 15-minute edits, reports from
distinct households hide, the committee hides and restores, the author asks for review."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from participation import roles
from participation.consultations.choices import CommentState
from participation.consultations.models import Comment, CommentReport
from participation.consultations.moderation import (
    CommentRefused,
    hide_comment,
    hides_comment,
    report_comment,
    restore_comment,
)
from tests.factories.consultations import CommentFactory, ProposalFactory, resident_user, rules
from tests.factories.households import (
    ResidentFactory,
    UnitFactory,
    UserFactory,
    staff_in,
    verified_resident,
)


def test_a_first_comment_waits_and_later_ones_appear_at_once(resident_client, resident, home):
    proposal = ProposalFactory()
    url = f"/consultations/{proposal.pk}/comments/"
    assert resident_client.post(url, {"body": "第一条评论"}).status_code == 302
    first = Comment.objects.get()
    assert first.state == CommentState.PENDING
    html = resident_client.get(f"/consultations/{proposal.pk}/").content.decode()
    assert "第一条评论" in html and "等待审核" in html  # she sees her own
    Comment.objects.filter(pk=first.pk).update(state=CommentState.VISIBLE)
    resident_client.post(url, {"body": "第二条评论"})
    assert Comment.objects.get(body="第二条评论").state == CommentState.VISIBLE


def test_others_do_not_see_a_waiting_comment(client, home):
    comment = CommentFactory(state=CommentState.PENDING, body="还在等审核")
    client.force_login(resident_user())
    assert "还在等审核" not in client.get(f"/consultations/{comment.proposal_id}/").content.decode()


def test_only_verified_residents_comment(client, home):
    proposal = ProposalFactory()
    url = f"/consultations/{proposal.pk}/comments/"
    assert client.post(url, {"body": "匿名"}).status_code == 302
    client.force_login(ResidentFactory().user)
    response = client.post(url, {"body": "没核实"})
    assert response.status_code == 403
    assert "只有已核验的居民才能参与" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [("", "请先填写评论内容"), ("   ", "请先填写评论内容"), ("长" * 2001, "评论最多")],
)
def test_bad_comments_answer_400(resident_client, home, body, message):
    proposal = ProposalFactory()
    response = resident_client.post(f"/consultations/{proposal.pk}/comments/", {"body": body})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Comment.objects.exists()


def test_comments_per_person_are_rate_limited(resident_client, resident, home):
    proposal = ProposalFactory()
    for n in range(5):
        CommentFactory(proposal=proposal, author=resident, body=f"评论{n}")
    response = resident_client.post(f"/consultations/{proposal.pk}/comments/", {"body": "再来一条"})
    assert response.status_code == 429
    assert "请稍后再试" in response.content.decode()
    assert Comment.objects.count() == 5


def test_the_author_edits_within_15_minutes_and_not_after(resident_client, resident, home):
    comment = CommentFactory(author=resident, body="原文")
    url = f"/consultations/comments/{comment.pk}/edit/"
    assert resident_client.get(url).status_code == 200
    assert resident_client.post(url, {"body": "改过的"}).status_code == 302
    comment.refresh_from_db()
    assert comment.body == "改过的" and comment.edited_at
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=16)
    )
    response = resident_client.post(url, {"body": "再改"})
    assert response.status_code == 403
    assert "15 分钟内" in response.content.decode()
    assert Comment.objects.get(pk=comment.pk).body == "改过的"


def test_someone_else_cannot_edit(resident_client, home):
    comment = CommentFactory(body="别人的")
    assert (
        resident_client.post(
            f"/consultations/comments/{comment.pk}/edit/", {"body": "x"}
        ).status_code
        == 403
    )
    assert Comment.objects.get(pk=comment.pk).body == "别人的"


def test_hiding_needs_reports_from_distinct_households():
    assert not hides_comment(2, 3)
    assert hides_comment(3, 3)


def test_reports_from_one_household_do_not_hide_but_three_households_do(
    db, django_capture_on_commit_callbacks
):
    rules(report_households=3)
    author = verified_resident(user=UserFactory(email="author@example.com")).user
    comment = CommentFactory(author=author)
    flat = UnitFactory()
    for _ in range(3):
        report_comment(comment, verified_resident(unit=flat).user)
    report_comment(comment, ResidentFactory().user)  # unverified: counted as no household
    assert Comment.objects.get(pk=comment.pk).state == CommentState.VISIBLE
    report_comment(comment, resident_user())
    with django_capture_on_commit_callbacks(execute=True):
        hidden = report_comment(comment, resident_user())
    assert hidden
    comment.refresh_from_db()
    assert comment.state == CommentState.HIDDEN and comment.hidden_reason
    assert [m.to for m in mail.outbox] == [["author@example.com"]]


def test_a_person_reports_a_comment_once(db):
    comment = CommentFactory()
    reporter = resident_user()
    report_comment(comment, reporter)
    report_comment(comment, reporter)
    assert CommentReport.objects.count() == 1


def test_one_moderators_report_hides_at_once(db, committee):
    comment = CommentFactory()
    assert report_comment(comment, committee, "人身攻击")
    assert Comment.objects.get(pk=comment.pk).hidden_reason == "人身攻击"


def test_reporting_through_the_page(resident_client, home):
    comment = CommentFactory()
    response = resident_client.post(
        f"/consultations/comments/{comment.pk}/report/", {"reason": "广告"}
    )
    assert response.status_code == 302
    assert CommentReport.objects.get().reason == "广告"
    response = resident_client.post(
        f"/consultations/comments/{comment.pk}/report/", {"reason": "x" * 300}
    )
    assert response.status_code == 400


def test_the_author_cannot_report_their_own(resident_client, resident, home):
    comment = CommentFactory(author=resident)
    assert resident_client.post(f"/consultations/comments/{comment.pk}/report/").status_code == 403


def test_hiding_needs_a_reason_and_leaves_a_dated_line(client, home, committee):
    comment = CommentFactory(body="不当言论")
    with pytest.raises(CommentRefused):
        hide_comment(comment, committee, "  ")
    hide_comment(comment, committee, "含有人身攻击")
    html = client.get(f"/consultations/{comment.proposal_id}/").content.decode()
    assert "不当言论" not in html
    assert "已隐藏" in html and "含有人身攻击" in html
    restore_comment(comment, committee)
    assert "不当言论" in client.get(f"/consultations/{comment.proposal_id}/").content.decode()


def test_the_author_of_a_hidden_comment_asks_for_review(resident_client, resident, home, committee):
    comment = CommentFactory(author=resident)
    hide_comment(comment, committee, "跑题")
    response = resident_client.post(f"/consultations/comments/{comment.pk}/review/")
    assert response.status_code == 302
    assert Comment.objects.get(pk=comment.pk).review_requested_at is not None
    other = CommentFactory()
    hide_comment(other, committee, "跑题")
    assert resident_client.post(f"/consultations/comments/{other.pk}/review/").status_code == 403


def test_comments_close_with_a_consultation_window(resident_client, home):
    proposal = ProposalFactory(comments_close_at=timezone.now() - datetime.timedelta(hours=1))
    response = resident_client.post(f"/consultations/{proposal.pk}/comments/", {"body": "晚了"})
    assert response.status_code == 403
    assert "评论已关闭" in response.content.decode()


def test_roles_give_the_committee_moderation(committee):
    assert committee.has_perm("participation.moderate_comment")
    assert committee.has_perm("participation.answer_proposal")
    assert not staff_in(roles.EDITOR, username="ed").has_perm("participation.answer_proposal")
