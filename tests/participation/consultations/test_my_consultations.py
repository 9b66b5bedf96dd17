"""/me/ lists my proposals, supports and comments; export and deletion cover them;
proposals and answers are found by the site search."""

import json

from participation.consultations.answers import publish_answer
from participation.consultations.models import Comment, Proposal, Support
from participation.consultations.supports import add_support
from participation.me.personal_data import delete_account
from tests.factories.consultations import CommentFactory, ProposalFactory


def test_my_page_lists_my_proposals_supports_and_comments(resident_client, resident, home):
    ProposalFactory(author=resident, title="我提的建议")
    add_support(ProposalFactory(title="我附议的建议"), resident)
    CommentFactory(author=resident, proposal=ProposalFactory(title="我评论的建议"))
    html = resident_client.get("/me/").content.decode()
    for title in ("我提的建议", "我附议的建议", "我评论的建议"):
        assert title in html


def test_the_export_holds_my_consultations(resident_client, resident, home):
    ProposalFactory(author=resident, title="我提的建议")
    CommentFactory(author=resident, body="我的评论")
    data = json.loads(resident_client.get("/me/data.json").content)
    assert data["consultations"]["proposals"][0]["title"] == "我提的建议"
    assert data["consultations"]["comments"][0]["body"] == "我的评论"


def test_deleting_the_account_keeps_proposals_and_comments_as_deleted_user(client, resident, home):
    proposal = ProposalFactory(author=resident, title="留下的建议")
    CommentFactory(author=resident, proposal=proposal, body="留下的评论")
    add_support(ProposalFactory(), resident)
    delete_account(resident)
    assert Proposal.objects.get(pk=proposal.pk).author is None
    assert Comment.objects.get(body="留下的评论").author is None
    assert Support.objects.get().user is None
    html = client.get(f"/consultations/{proposal.pk}/").content.decode()
    assert "留下的评论" in html and "已注销用户" in html


def test_proposals_and_answers_are_found_by_the_search(
    client, home, committee, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(title="北门电动车充电桩", body="建议在北门增设充电桩。")
    answered = ProposalFactory(title="长者食堂")
    with django_capture_on_commit_callbacks(execute=True):
        publish_answer(answered, committee, "每周公布菜单并标注少油少盐菜品。")
    html = client.get("/search/?q=充电桩").content.decode()
    assert "北门电动车<mark>充电桩</mark>" in html and f"/consultations/{proposal.pk}/" in html
    html = client.get("/search/?q=少油少盐").content.decode()
    assert f"/consultations/{answered.pk}/" in html
