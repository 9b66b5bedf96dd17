"""The public pages: list with filters, sorting and board, a proposal, raising one."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from participation.consultations.choices import CommentState, Status
from participation.consultations.models import Comment, Proposal, ProposalImage, ProposalStep
from participation.consultations.views import COMMENTS_PER_PAGE
from tests.factories.consultations import CommentFactory, ProposalFactory, resident_user, step
from tests.factories.households import BuildingFactory, ResidentFactory, UserFactory


def test_the_list_shows_proposals_with_status_and_counts(client, home):
    proposal = ProposalFactory(title="北门增设充电桩")
    CommentFactory(proposal=proposal)
    CommentFactory(proposal=proposal, state=CommentState.PENDING)
    html = client.get("/consultations/").content.decode()
    assert "北门增设充电桩" in html
    assert "收集附议中" in html
    assert "1 条评论" in html


def test_filters_by_status_category_and_building(client, home):
    answered = ProposalFactory(title="已答复的建议", category="parking")
    step(answered, Status.ANSWERED)
    ProposalFactory(title="还在收集的建议", category="greenery")
    building = BuildingFactory(name="5号楼")
    other = BuildingFactory(name="6号楼")
    mine = ProposalFactory(title="5号楼楼道灯")
    mine.buildings.add(building)
    theirs = ProposalFactory(title="6号楼楼道灯")
    theirs.buildings.add(other)

    html = client.get("/consultations/?status=answered").content.decode()
    assert "已答复的建议" in html and "还在收集的建议" not in html
    html = client.get("/consultations/?category=greenery").content.decode()
    assert "还在收集的建议" in html and "已答复的建议" not in html
    html = client.get(f"/consultations/?building={building.pk}").content.decode()
    assert "5号楼楼道灯" in html and "6号楼楼道灯" not in html
    assert "已答复的建议" in html  # whole-community proposals concern every building


def test_sorting_by_most_supported(client, home):
    ProposalFactory(title="少人附议")
    Proposal.objects.filter(pk=ProposalFactory(title="多人附议").pk).update(support_count=9)
    html = client.get("/consultations/?sort=supported").content.decode()
    assert html.index("多人附议") < html.index("少人附议")


def test_the_board_has_a_column_per_status(client, home):
    ProposalFactory(title="看板上的建议")
    html = client.get("/consultations/?view=board").content.decode()
    for label in ("收集附议中", "议事中", "已答复", "采纳", "不采纳", "落实中", "已办结"):
        assert label in html
    assert "看板上的建议" in html


@pytest.mark.parametrize(
    "query",
    [
        "status=nonsense",
        "category=nonsense",
        "building=999999",
        "building=abc",
        "sort=random",
        "view=cards",
        "page=99",
        "page=x",
    ],
)
def test_bad_list_parameters_answer_404_with_a_message(client, home, query):
    response = client.get(f"/consultations/?{query}")
    assert response.status_code == 404


def test_a_missing_proposal_is_404(client, home):
    assert client.get("/consultations/999999/").status_code == 404


def _list_with(count):
    """``count`` proposals in several statuses and categories, some for a building, each
    with visible, hidden and waiting comments."""
    buildings = [BuildingFactory(name=f"{n}号楼") for n in (1, 2, 3)]
    statuses = [Status.SUBMITTED, Status.DISCUSSION, Status.ANSWERED]
    for n in range(count):
        proposal = ProposalFactory(title=f"建议{n}", category=("parking", "greenery")[n % 2])
        if n % 3:
            proposal.buildings.add(buildings[n % 3])
        for status in statuses[1 : n % 3 + 1]:
            step(proposal, status)
        CommentFactory(proposal=proposal)
        CommentFactory(proposal=proposal, state=CommentState.HIDDEN, hidden_reason="广告")
        CommentFactory(proposal=proposal, state=CommentState.PENDING)
    return buildings


# Before issue 15's bench the board read one query per status (12 in all).
LIST_QUERIES = [
    ("/consultations/", 7),
    ("/consultations/?sort=supported&page=1", 7),
    ("/consultations/?view=board", 6),
    ("/consultations/?status=submitted&category=parking", 7),
    ("/consultations/?status=discussion&category=greenery&building={building}", 8),
    ("/consultations/?view=board&category=parking&building={building}", 7),
]


@pytest.mark.parametrize("count", [2, 40])
@pytest.mark.parametrize("url, queries", LIST_QUERIES)
def test_the_list_query_count_does_not_grow(
    client, home, django_assert_num_queries, count, url, queries
):
    buildings = _list_with(count)
    url = url.format(building=buildings[1].pk)
    client.get(url)  # warm Wagtail's site and settings caches
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    assert 'class="proposal-item"' in response.content.decode()


def test_the_board_shows_the_newest_of_each_status_in_its_column(client, home, monkeypatch):
    monkeypatch.setattr("participation.consultations.queries.BOARD_COLUMN", 2)
    for n in range(4):
        ProposalFactory(title=f"收集中{n}")
        step(ProposalFactory(title=f"议事中{n}"), Status.DISCUSSION)
    html = client.get("/consultations/?view=board").content.decode()
    submitted = html[html.index('id="column-submitted"') : html.index('id="column-discussion"')]
    discussion = html[html.index('id="column-discussion"') : html.index('id="column-answered"')]
    assert "收集中3" in submitted and "收集中2" in submitted
    assert "收集中1" not in html and "议事中1" not in html
    assert "议事中3" in discussion and "议事中2" in discussion and "收集中3" not in discussion


def test_a_card_shows_its_buildings_supports_comments_and_date(client, home):
    proposal = ProposalFactory(title="5号楼门禁", category="safety")
    proposal.buildings.add(BuildingFactory(name="5号楼"), BuildingFactory(name="6号楼"))
    Proposal.objects.filter(pk=proposal.pk).update(support_count=3)
    CommentFactory(proposal=proposal)
    CommentFactory(proposal=proposal)
    for url in ("/consultations/", "/consultations/?view=board"):
        html = client.get(url).content.decode()
        assert f'href="/consultations/{proposal.pk}/"' in html
        assert "5号楼</span>" in html and "6号楼</span>" in html
        assert "3 人附议 · 2 条评论 · " in html
        assert "badge-status--submitted" in html and "安全" in html


def _busy(count):
    proposal = ProposalFactory(title="很多评论的建议")
    author = resident_user()
    start = timezone.now() - datetime.timedelta(days=1)
    Comment.objects.bulk_create(
        Comment(
            proposal=proposal,
            author=author,
            body=f"评论第{n}条",
            state=CommentState.VISIBLE,
            created_at=start + datetime.timedelta(minutes=n),
        )
        for n in range(count)
    )
    return proposal


def test_a_long_comment_list_is_paginated_oldest_first(client, home):
    proposal = _busy(COMMENTS_PER_PAGE + 5)
    first = client.get(f"/consultations/{proposal.pk}/").content.decode()
    assert "评论第0条" in first and f"评论第{COMMENTS_PER_PAGE - 1}条" in first
    assert f"评论第{COMMENTS_PER_PAGE}条" not in first
    assert "第 1 页，共 2 页" in first and "?page=2" in first
    second = client.get(f"/consultations/{proposal.pk}/?page=2").content.decode()
    assert f"评论第{COMMENTS_PER_PAGE}条" in second and "评论第0条" not in second
    assert "很多评论的建议" in second  # the proposal itself is shown on every page


@pytest.mark.parametrize("page", ["abc", "0", "-1", "3", "99999", "1.5"])
def test_a_page_of_comments_that_does_not_exist_is_404(client, home, page):
    proposal = _busy(COMMENTS_PER_PAGE + 5)
    response = client.get(f"/consultations/{proposal.pk}/?page={page}")
    assert response.status_code == 404


def test_pages_of_comments_are_cached_apart(client, home, settings):
    settings.PAGE_CACHE_ENABLED = True
    proposal = _busy(COMMENTS_PER_PAGE + 5)
    client.get(f"/consultations/{proposal.pk}/")
    second = client.get(f"/consultations/{proposal.pk}/?page=2").content.decode()
    assert f"评论第{COMMENTS_PER_PAGE}条" in second


DETAIL_QUERIES = 9


@pytest.mark.parametrize("count", [3, 120])
def test_the_proposal_page_query_count_does_not_grow(
    client, home, django_assert_num_queries, count
):
    proposal = _busy(count)
    url = f"/consultations/{proposal.pk}/?page=2" if count > COMMENTS_PER_PAGE else None
    url = url or f"/consultations/{proposal.pk}/"
    client.get(url)
    with django_assert_num_queries(DETAIL_QUERIES):
        assert client.get(url).status_code == 200


def test_a_new_comment_on_a_later_page_redirects_to_that_page(client, home):
    proposal = _busy(COMMENTS_PER_PAGE + 5)
    author = resident_user()
    CommentFactory(proposal=proposal, author=author)  # not a first comment: published
    client.force_login(author)
    response = client.post(f"/consultations/{proposal.pk}/comments/", {"body": "我也同意"})
    assert response.status_code == 302
    newest = Comment.objects.filter(proposal=proposal).latest("created_at", "pk")
    assert response["Location"] == f"/consultations/{proposal.pk}/?page=2#comment-{newest.pk}"
    assert "我也同意" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    "url", ["/consultations/", "/consultations/{pk}/", "/consultations/?view=board"]
)
def test_anonymous_pages_set_no_cookie_and_do_not_vary_on_cookies(client, home, url):
    proposal = ProposalFactory()
    CommentFactory(proposal=proposal)
    response = client.get(url.format(pk=proposal.pk))
    assert response.status_code == 200
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "/accounts/login/?next=" in html


def test_the_detail_shows_the_trail_answer_and_comments(client, home):
    proposal = ProposalFactory(title="长者食堂菜单")
    CommentFactory(proposal=proposal, body="希望少油少盐")
    CommentFactory(proposal=proposal, body="等待审核的话", state=CommentState.PENDING)
    Proposal.objects.filter(pk=proposal.pk).update(answer="下月起每周公布菜单。")
    step(proposal, Status.ANSWERED, "居委会已答复")
    html = client.get(f"/consultations/{proposal.pk}/").content.decode()
    assert "希望少油少盐" in html
    assert "等待审核的话" not in html
    assert "下月起每周公布菜单。" in html
    assert html.index("下月起每周公布菜单。") < html.index("希望少油少盐")
    assert "居委会已答复" in html and 'class="trail"' in html


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def test_a_verified_resident_raises_a_proposal_with_a_picture(resident_client, home):
    building = BuildingFactory(name="3号楼")
    response = resident_client.post(
        "/consultations/new/",
        {
            "title": "3号楼架空层改为老年活动室",
            "body": "下雨天老人没有地方活动，建议改造架空层。",
            "category": "elderly",
            "buildings": [building.pk],
            "image_1": _png(),
        },
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/consultations/{proposal.pk}/"
    assert proposal.status == Status.SUBMITTED
    assert list(proposal.buildings.all()) == [building]
    assert ProposalImage.objects.filter(proposal=proposal).count() == 1
    assert proposal.supports_close_at is not None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"title": "", "body": "很长的一段描述文字在这里", "category": "other"},
            "请给您的建议写一个简短的标题",
        ),
        ({"title": "标题可以", "body": "太短", "category": "other"}, "至少 10 个字"),
        (
            {"title": "标题可以", "body": "很长的一段描述文字在这里", "category": "bogus"},
            "请从类别中选择",
        ),
        ({"title": "x" * 200, "body": "很长的一段描述文字在这里", "category": "other"}, "标题最多"),
        ({"title": "标题可以", "body": "长" * 6000, "category": "other"}, "描述最多"),
        (
            {
                "title": "标题可以",
                "body": "很长的一段描述文字在这里",
                "category": "other",
                "buildings": ["9999"],
            },
            "请从列表中选择楼栋",
        ),
    ],
)
def test_bad_proposal_input_answers_400_and_stores_nothing(resident_client, home, data, message):
    response = resident_client.post("/consultations/new/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_file_that_is_not_an_image_is_refused(resident_client, home):
    fake = SimpleUploadedFile("x.png", b"not an image", content_type="image/png")
    response = resident_client.post(
        "/consultations/new/",
        {
            "title": "标题可以",
            "body": "很长的一段描述文字在这里",
            "category": "other",
            "image_1": fake,
        },
    )
    assert response.status_code == 400
    assert not Proposal.objects.exists() and not ProposalStep.objects.exists()


def test_only_verified_residents_propose(client, home):
    assert client.get("/consultations/new/").status_code == 302  # to the log-in
    unverified = ResidentFactory().user
    client.force_login(unverified)
    response = client.get("/consultations/new/")
    assert response.status_code == 403
    assert "只有已核验的居民才能参与" in response.content.decode()
    response = client.post(
        "/consultations/new/",
        {"title": "标题可以", "body": "很长的一段描述文字在这里", "category": "other"},
    )
    assert response.status_code == 403
    assert not Proposal.objects.exists()
    client.force_login(UserFactory())  # no resident profile at all
    assert client.get("/consultations/new/").status_code == 403


def test_proposals_per_day_are_limited(resident_client, resident, home):
    for _ in range(3):
        ProposalFactory(author=resident)
    response = resident_client.post(
        "/consultations/new/",
        {"title": "第四条建议", "body": "很长的一段描述文字在这里", "category": "other"},
    )
    assert response.status_code == 429
    assert "明天再试" in response.content.decode()
    assert Proposal.objects.count() == 3
