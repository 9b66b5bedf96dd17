import datetime

import pytest
from django.utils import timezone

from tests.factories.pages import NoticePageFactory, StandardPageFactory, days_ago, paragraph


def test_empty_search_suggests_categories(client, home):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "/notices/?category=utilities" in response.content.decode()


def test_search_finds_a_notice_by_title(client, notice_index):
    NoticePageFactory(parent=notice_index, title="Elevator repair 电梯维修")
    response = client.get("/search/", {"q": "Elevator"})
    assert [hit.obj.title for hit in response.context["results"]] == ["Elevator repair 电梯维修"]


def test_a_word_inside_a_chinese_title_is_found_labelled_and_marked(client, notice_index):
    NoticePageFactory(parent=notice_index, title="小区电梯维修通知", summary="7号楼电梯周二停运。")
    response = client.get("/search/", {"q": "電梯"})
    html = response.content.decode()
    assert [hit.obj.title for hit in response.context["results"]] == ["小区电梯维修通知"]
    assert "小区<mark>电梯</mark>维修通知" in html
    assert "7号楼<mark>电梯</mark>周二停运。" in html
    assert '<span class="badge text-bg-secondary search-result__kind">通知</span>' in html
    assert 'role="status"' in html


def test_notices_and_pages_are_searched_together(client, notice_index, home):
    NoticePageFactory(parent=notice_index, title="居委会办公时间调整")
    StandardPageFactory(
        parent=home, title="办事指南", slug="guide", body=paragraph("居委会在党群服务中心。")
    )
    response = client.get("/search/", {"q": "居委会"})
    labels = {str(hit.kind.label) for hit in response.context["results"]}
    assert labels == {"通知", "页面"}


def test_title_matches_come_first_then_newest(client, notice_index):
    body_old = NoticePageFactory(
        parent=notice_index, body=paragraph("停水期间请储水"), published=days_ago(1)
    )
    title_old = NoticePageFactory(
        parent=notice_index, title="去年停水通知", published=days_ago(300)
    )
    title_new = NoticePageFactory(parent=notice_index, title="本周停水通知", published=days_ago(2))
    response = client.get("/search/", {"q": "停水"})
    assert [hit.obj for hit in response.context["results"]] == [title_new, title_old, body_old]


def test_expired_notices_are_not_found(client, notice_index):
    NoticePageFactory(
        parent=notice_index,
        title="过期的停水通知",
        expire_at=timezone.now() + datetime.timedelta(hours=1),
    )
    from home.notices.models import NoticePage

    NoticePage.objects.update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client.get("/search/", {"q": "停水"})
    assert list(response.context["results"]) == []


def test_results_are_paginated(client, notice_index):
    for day in range(12):
        NoticePageFactory(
            parent=notice_index, title=f"燃气安全提醒第{day}期", published=days_ago(day)
        )
    first = client.get("/search/", {"q": "燃气"})
    second = client.get("/search/", {"q": "燃气", "page": 2})
    assert len(first.context["results"]) == 10
    assert [hit.obj.title for hit in second.context["results"]] == [
        "燃气安全提醒第10期",
        "燃气安全提醒第11期",
    ]
    assert "q=%E7%87%83%E6%B0%94&amp;page=2" in first.content.decode()


def test_no_result_suggests_categories(client, notice_index):
    NoticePageFactory(parent=notice_index, title="燃气安全提醒")
    response = client.get("/search/", {"q": "台风"})
    html = response.content.decode()
    assert response.context["results"].paginator.count == 0
    assert "“台风”共有 0 条结果" in html
    assert "/notices/?category=safety" in html


def test_words_that_stand_apart_are_found_as_typed(client, notice_index):
    notice = NoticePageFactory(parent=notice_index, title="3号楼、4号楼、5号楼停水")
    response = client.get("/search/", {"q": "3号楼停水"})
    assert [hit.obj for hit in response.context["results"]] == [notice]
    assert not response.context["loose"]


def test_a_word_the_page_does_not_hold_falls_back_to_its_parts(client, notice_index):
    notice = NoticePageFactory(parent=notice_index, title="空气重污染橙色预警")
    response = client.get("/search/", {"q": "空气污染"})
    assert [hit.obj for hit in response.context["results"]] == [notice]
    assert response.context["loose"]


def test_user_text_is_escaped(client, notice_index):
    NoticePageFactory(parent=notice_index, title="<b>电梯</b> & 维修")
    response = client.get("/search/", {"q": "<b>电梯"})
    html = response.content.decode()
    assert "<b>电梯" not in html
    assert "“&lt;b&gt;电梯”" in html
    assert "&lt;<mark>b</mark>&gt;<mark>电梯</mark>&lt;/<mark>b</mark>&gt; &amp; 维修" in html


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "电梯" * 5_000,
        "!!!???",
        "。，、；：？！……",
        "'; DROP TABLE wagtailcore_page; --",
        "🏠🔥",
        "电梯 OR 1=1",
        "%_\\",
        '"',
        '"电梯',
        "电梯*",
        "title:电梯",
        "(电梯",
        "电梯)",
        "电梯 AND",
        "OR",
        "NOT 电梯",
        "NEAR(电梯 维修)",
        "^电梯",
        "电梯 -维修",
        "'",
        "\\",
        "电梯:*",
        "a & b | !c <-> d",
    ],
)
def test_odd_queries_answer_200(client, notice_index, query):
    NoticePageFactory(parent=notice_index, title="电梯")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert len(response.context["query"]) <= 100


@pytest.mark.parametrize("query", ["\x00", "电梯\x00维修"])
def test_a_query_with_a_nul_byte_is_a_400(client, notice_index, query):
    """portal/hostile_input.py refuses it before the search runs."""
    assert client.get("/search/", {"q": query}).status_code == 400


def test_bad_result_page_is_404(client, notice_index):
    NoticePageFactory(parent=notice_index, title="Elevator")
    assert client.get("/search/", {"q": "Elevator", "page": "abc"}).status_code == 404
