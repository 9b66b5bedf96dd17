import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation.households.models import Building
from tests.factories.pages import NoticePageFactory, days_ago


def titles(response):
    return [notice.title for notice in response.context["notices"]]


def test_urgent_then_pinned_then_newest(client, notice_index):
    today = timezone.localdate()
    NoticePageFactory(parent=notice_index, title="旧的", published=days_ago(30))
    NoticePageFactory(parent=notice_index, title="新的", published=days_ago(1))
    NoticePageFactory(
        parent=notice_index,
        title="置顶",
        published=days_ago(20),
        pinned_until=today + datetime.timedelta(days=3),
    )
    NoticePageFactory(
        parent=notice_index,
        title="置顶已过期",
        published=days_ago(10),
        pinned_until=today - datetime.timedelta(days=1),
    )
    NoticePageFactory(parent=notice_index, title="紧急", urgent=True, published=days_ago(40))
    assert titles(client.get("/notices/")) == ["紧急", "置顶", "新的", "置顶已过期", "旧的"]


def test_pinned_until_today_still_counts_as_pinned(client, notice_index):
    NoticePageFactory(parent=notice_index, title="新的", published=days_ago(1))
    NoticePageFactory(
        parent=notice_index,
        title="今天到期的置顶",
        published=days_ago(9),
        pinned_until=timezone.localdate(),
    )
    assert titles(client.get("/notices/"))[0] == "今天到期的置顶"


def test_expired_and_unpublished_notices_are_hidden(client, notice_index):
    NoticePageFactory(parent=notice_index, title="有效")
    NoticePageFactory(
        parent=notice_index, title="已过期", expire_at=timezone.now() - datetime.timedelta(hours=1)
    )
    draft = NoticePageFactory(parent=notice_index, title="草稿")
    draft.unpublish()
    assert titles(client.get("/notices/")) == ["有效"]


def test_filter_by_category(client, notice_index):
    NoticePageFactory(parent=notice_index, title="停水", category="utilities")
    NoticePageFactory(parent=notice_index, title="招聘", category="jobs")
    response = client.get("/notices/?category=utilities")
    assert titles(response) == ["停水"]
    assert "停水停电" in response.content.decode()


def test_filter_by_tag(client, notice_index):
    NoticePageFactory(parent=notice_index, title="电梯维修", tags=["电梯"])
    NoticePageFactory(parent=notice_index, title="垃圾分类", tags=["环保"])
    tag_slug = client.get("/notices/").context["notices"][0].tags.first().slug
    response = client.get(f"/notices/?tag={tag_slug}")
    assert len(titles(response)) == 1


def test_filter_by_building_keeps_notices_for_everyone(client, notice_index):
    b3 = Building.objects.create(name="3号楼")
    b5 = Building.objects.create(name="5号楼")
    NoticePageFactory(parent=notice_index, title="3号楼停电", buildings=[b3])
    NoticePageFactory(parent=notice_index, title="5号楼停电", buildings=[b5])
    NoticePageFactory(parent=notice_index, title="全体居民", published=days_ago(5))
    response = client.get(f"/notices/?building={b3.pk}")
    assert titles(response) == ["3号楼停电", "全体居民"]


@pytest.mark.parametrize(
    "query",
    [
        "?category=nonsense",
        "?tag=no-such-tag",
        "?building=abc",
        "?building=999999",
        "?page=abc",
        "?page=99999",
        "?page=0",
    ],
)
def test_bad_filters_and_pages_are_404_not_500(client, notice_index, query):
    NoticePageFactory(parent=notice_index)
    response = client.get("/notices/" + query)
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_pagination(client, notice_index, settings):
    settings.NOTICES_PER_PAGE = 3
    for n in range(7):
        NoticePageFactory(parent=notice_index, title=f"通知{n}", published=days_ago(n))
    page1 = client.get("/notices/")
    page3 = client.get("/notices/?page=3")
    assert titles(page1) == ["通知0", "通知1", "通知2"]
    assert titles(page3) == ["通知6"]
    assert 'rel="next"' in page1.content.decode()


def test_pagination_keeps_the_filter(client, notice_index, settings):
    settings.NOTICES_PER_PAGE = 1
    NoticePageFactory(parent=notice_index, category="utilities")
    NoticePageFactory(parent=notice_index, category="utilities")
    html = client.get("/notices/?category=utilities").content.decode()
    assert "?category=utilities&amp;page=2" in html


def _count_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/notices/")
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_notice_list_uses_a_fixed_number_of_queries(client, notice_index, settings):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    settings.NOTICES_PER_PAGE = 50
    image = Image.objects.create(title="图", file=get_test_image_file())
    building = Building.objects.create(name="1号楼")

    def add(count):
        for _ in range(count):
            NoticePageFactory(
                parent=notice_index, image=image, buildings=[building], tags=["电梯", "安全"]
            )

    add(2)
    client.get("/notices/")  # warm Wagtail's site and rendition caches
    with_two = _count_queries(client)
    add(48)
    with_fifty = _count_queries(client)
    assert with_two == with_fifty


def test_rss_feed_parses_and_lists_live_notices(client, notice_index):
    NoticePageFactory(
        parent=notice_index, title="电梯维修通知", summary="3号楼电梯周三维修", tags=["电梯"]
    )
    NoticePageFactory(
        parent=notice_index, title="已过期", expire_at=timezone.now() - datetime.timedelta(days=1)
    )
    response = client.get("/notices/feed/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["电梯维修通知"]
    entry = feed.entries[0]
    assert entry.summary == "3号楼电梯周三维修"
    assert entry.link.startswith("http://testserver/notices/")
    assert {"物业通知", "电梯"} <= {tag.term for tag in entry.tags}


def test_atom_feed_parses(client, notice_index):
    NoticePageFactory(parent=notice_index, title="垃圾分类新规")
    feed = feedparser.parse(client.get("/notices/feed/atom/").content)
    assert feed.version == "atom10"
    assert feed.entries[0].title == "垃圾分类新规"
