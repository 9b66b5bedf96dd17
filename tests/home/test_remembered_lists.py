"""What the home page, the notice list and the search remember for the pages the
page cache cannot serve (the memo on, the page cache off, as a logged-in resident's
pages and ``LINLI_PAGE_CACHE=off`` are served): their notices and hits, read once per
process and cache generation, per filter, page and query. A wrong filter or page is
never remembered, and a published notice shows on the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from portal import page_cache as page_cache_module
from tests.factories.households import UserFactory
from tests.factories.pages import NoticePageFactory
from tests.queries import queries_reading

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(notice_index):
    return NoticePageFactory(parent=notice_index, title="小区电梯维修通知", category="property")


def _notice_queries(client, url):
    """The queries of one request that read notices, and the page."""
    queries, response = queries_reading(client, url, "home_noticepage")
    assert response.status_code == 200, url
    return queries, response.content.decode()


@pytest.mark.parametrize("url", ["/", "/notices/", "/notices/?category=property&page=1"])
def test_a_list_of_notices_is_read_once_per_generation(client, notice, memo_on, url):
    first, page = _notice_queries(client, url)
    assert first
    assert "小区电梯维修通知" in page
    # Behind the signals' back: only the remembered list can still show the old title.
    Page.objects.filter(pk=notice.pk).update(title="停水通知")
    again, page = _notice_queries(client, url)
    assert again == []
    page_cache_module._new_generation()
    assert "停水通知" in client.get(url).content.decode()


@pytest.mark.parametrize("url", ["/", "/notices/", "/search/?q=停水"])
def test_a_published_notice_shows_on_the_next_request(
    client, notice, notice_index, memo_on, url, django_capture_on_commit_callbacks
):
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        NoticePageFactory(parent=notice_index, title="3号楼停水通知")
    page = client.get(url).content.decode()
    assert "3号楼停水通知" in page.replace("<mark>", "").replace("</mark>", "")


def test_the_notice_list_is_remembered_per_filter_and_page(
    client, notice, notice_index, memo_on, settings
):
    settings.NOTICES_PER_PAGE = 1
    NoticePageFactory(parent=notice_index, title="燃气安全检查", category="safety")
    assert "燃气安全检查" in client.get("/notices/?category=safety").content.decode()
    property_list = client.get("/notices/?category=property").content.decode()
    assert "小区电梯维修通知" in property_list
    assert "燃气安全检查" not in property_list
    first, second = (client.get(f"/notices/?page={n}").content.decode() for n in (1, 2))
    assert ("燃气安全检查" in first) != ("燃气安全检查" in second)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/notices/?category=weather", "没有这个通知分类"),
        ("/notices/?page=9", "通知列表没有这一页"),
        ("/search/?q=电梯&page=9", "搜索结果没有这一页"),
    ],
)
def test_a_wrong_filter_or_page_is_a_404_every_time_and_never_remembered(
    client, notice, memo_on, url, message
):
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 404
        assert message in response.content.decode()
    local = page_cache_module.local
    names = [name for _generation, name in [*local.memo, *local.typed]]
    wrong = [name for name in names if "weather" in name or name.endswith(("|9", "-9-电梯"))]
    assert wrong == []
    assert any(name.startswith("site-") for name in names)  # what was right is kept


def test_a_search_is_run_once_per_query_page_and_generation(client, notice, memo_on):
    with CaptureQueriesContext(connection) as first:
        assert "小区<mark>电梯</mark>维修通知" in client.get("/search/?q=电梯").content.decode()
    assert len(first) > 0
    with CaptureQueriesContext(connection) as again:
        assert "小区<mark>电梯</mark>维修通知" in client.get("/search/?q=电梯").content.decode()
    assert len(again) == 0
    with CaptureQueriesContext(connection) as other:
        assert "没有找到" in client.get("/search/?q=燃气").content.decode()
    assert len(other) > 0
    remembered = [
        value
        for (_generation, name), (_expires, value) in page_cache_module.local.typed.items()
        if name.startswith("search-testserver-")
    ]
    assert remembered
    for results, _loose in remembered:  # what it shows, not what finding it took
        assert results.paginator.object_list.request is None
        assert results.paginator.object_list._matching == {}


def test_a_page_for_logged_in_people_is_found_by_nobody_and_hits_are_the_same_for_all(
    client, notice, notice_index, memo_on
):
    """A remembered page of hits is shared by everyone, so it holds only what anyone
    may find: a notice for logged-in people is left out for the resident too."""
    from wagtail.models import PageViewRestriction

    private = NoticePageFactory(parent=notice_index, title="业委会电梯维修账目")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(UserFactory(username="wangfang"))
    personal = client.get("/search/?q=电梯").content.decode()
    client.logout()
    anonymous = client.get("/search/?q=电梯").content.decode()

    def hits(page):
        return page.partition('<ol class="search-results')[2].partition("</ol>")[0]

    assert "小区<mark>电梯</mark>维修通知" in hits(anonymous)
    assert hits(personal) == hits(anonymous)
    assert "账目" not in hits(personal)
