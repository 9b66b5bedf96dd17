"""The public pages: list with filters, sorting and board, a proposal, raising one."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from participation.consultations.choices import CommentState, Status
from participation.consultations.models import Proposal, ProposalImage, ProposalStep
from tests.factories.consultations import CommentFactory, ProposalFactory, step
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
    for n in range(count):
        proposal = ProposalFactory(title=f"建议{n}")
        proposal.buildings.add(BuildingFactory(name=f"{n % 3 + 1}号楼"))
        CommentFactory(proposal=proposal)
        CommentFactory(proposal=proposal)


@pytest.mark.parametrize("count", [2, 50])
def test_the_list_query_count_does_not_grow(client, home, django_assert_num_queries, count):
    _list_with(count)
    client.get("/consultations/")  # warm Wagtail's site and settings caches
    with django_assert_num_queries(7):
        assert client.get("/consultations/").status_code == 200


@pytest.mark.parametrize("count", [2, 50])
def test_the_board_query_count_does_not_grow(client, home, django_assert_num_queries, count):
    _list_with(count)
    client.get("/consultations/?view=board")
    with django_assert_num_queries(12):
        assert client.get("/consultations/?view=board").status_code == 200


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
