"""The home page: urgent and pinned notices in the banner, the newest ones below."""

import datetime

from django.utils import timezone

from tests.factories.pages import NoticePageFactory, days_ago


def latest(response):
    return [notice.title for notice in response.context["latest_notices"]]


def banner(response):
    return [notice.title for notice in response.context["urgent_notices"]]


def test_a_notice_just_published_heads_the_latest_list(client, notice_index):
    NoticePageFactory(
        parent=notice_index,
        title="置顶",
        published=days_ago(3),
        pinned_until=timezone.localdate() + datetime.timedelta(days=5),
    )
    NoticePageFactory(parent=notice_index, title="紧急", urgent=True, published=days_ago(2))
    for n in range(6):
        NoticePageFactory(parent=notice_index, title=f"旧通知{n}", published=days_ago(10 + n))
    NoticePageFactory(parent=notice_index, title="刚发布")
    response = client.get("/")
    assert latest(response)[0] == "刚发布"
    assert len(latest(response)) == 6


def test_urgent_and_pinned_notices_are_in_the_banner_and_not_repeated(client, notice_index):
    NoticePageFactory(
        parent=notice_index,
        title="置顶",
        published=days_ago(3),
        pinned_until=timezone.localdate() + datetime.timedelta(days=5),
    )
    NoticePageFactory(parent=notice_index, title="紧急", urgent=True, published=days_ago(2))
    NoticePageFactory(parent=notice_index, title="普通")
    response = client.get("/")
    assert banner(response) == ["紧急", "置顶"]
    assert latest(response) == ["普通"]
    html = response.content.decode()
    assert html.count("置顶</a>") + html.count(">置顶<") >= 1
    assert html.count('href="/notices/notice-') == 3


def test_home_page_queries_do_not_grow_with_notices(
    client, notice_index, django_assert_max_num_queries
):
    for n in range(12):
        NoticePageFactory(parent=notice_index, title=f"通知{n}", urgent=n < 2)
    client.get("/")
    with django_assert_max_num_queries(25) as captured:
        client.get("/")
    baseline = len(captured)
    for n in range(12):
        NoticePageFactory(parent=notice_index, title=f"更多{n}", urgent=n < 2)
    with django_assert_max_num_queries(baseline):
        client.get("/")
