"""What the consultation pages remember for pages the page cache cannot serve (the
memo on, the page cache off, as a logged-in resident's pages and ``LINLI_PAGE_CACHE=off``
are served): the board, per filter and language, and each comment's text; never a
comment's controls. Every change the pages show starts a new cache generation."""

import pytest

from participation.consultations.models import Comment, Proposal
from portal import page_cache as page_cache_module
from tests.factories.consultations import CommentFactory, ProposalFactory
from tests.queries import queries_reading

BOARD = "/consultations/?view=board"


pytestmark = pytest.mark.django_db


def _proposal_queries(client, url):
    """The queries of one request that read proposals, and the page."""
    queries, response = queries_reading(client, url, "participation_proposal")
    return queries, response.content.decode()


def test_the_board_is_read_once_per_generation(client, memo_on):
    proposal = ProposalFactory(title="架空层改成老人活动室")
    first, page = _proposal_queries(client, BOARD)
    assert first
    assert "架空层改成老人活动室" in page
    # Behind the signals' back: only the remembered board can still show the old title.
    Proposal.objects.filter(pk=proposal.pk).update(title="增设电动车充电桩")
    again, page = _proposal_queries(client, BOARD)
    assert again == []
    assert "架空层改成老人活动室" in page
    page_cache_module._new_generation()
    page = client.get(BOARD).content.decode()
    assert "增设电动车充电桩" in page
    assert "架空层改成老人活动室" not in page


def test_a_new_proposal_shows_on_the_board_at_once(
    client, memo_on, django_capture_on_commit_callbacks
):
    ProposalFactory(title="架空层改成老人活动室")
    client.get(BOARD)
    with django_capture_on_commit_callbacks(execute=True):
        ProposalFactory(title="增设电动车充电桩")
    assert "增设电动车充电桩" in client.get(BOARD).content.decode()


def test_the_board_is_remembered_per_filter_and_language(client, memo_on):
    ProposalFactory(title="架空层改成老人活动室", category="elderly")
    assert "架空层改成老人活动室" not in client.get(BOARD + "&category=parking").content.decode()
    assert "架空层改成老人活动室" in client.get(BOARD + "&category=elderly").content.decode()
    assert "收集附议中" in client.get(BOARD).content.decode()
    client.get("/language/en/?next=/consultations/")
    english = client.get(BOARD).content.decode()
    assert "Collecting supports" in english
    assert "收集附议中" not in english


def test_a_comments_text_is_remembered_and_its_controls_are_not(
    client, memo_on, resident_client, resident
):
    comment = CommentFactory(body="楼下确实需要。")
    url = comment.proposal.get_absolute_url()
    page = resident_client.get(url).content.decode()
    assert "楼下确实需要。" in page
    assert f'action="/consultations/comments/{comment.pk}/report/"' in page
    Comment.objects.filter(pk=comment.pk).update(body="改成充电桩更好。")
    page = resident_client.get(url).content.decode()
    assert "楼下确实需要。" in page  # the text, remembered
    # The report form is made for this person on every request: its CSRF token differs.
    tokens = {
        resident_client.get(url)
        .content.decode()
        .split('name="csrfmiddlewaretoken" value="')[1][:20]
        for _ in range(2)
    }
    assert len(tokens) == 2
    page_cache_module._new_generation()
    assert "改成充电桩更好。" in resident_client.get(url).content.decode()
