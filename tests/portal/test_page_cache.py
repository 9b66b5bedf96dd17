"""The anonymous page cache (portal/page_cache.py): what it stores, for whom, and when
it lets go. Every test here runs with the cache on (the suite's settings turn it off)."""

import threading

import pytest
from django.conf import settings
from django.core.cache import cache

from home.site_settings import CommunitySettings
from portal import page_cache as page_cache_module
from tests.factories.events import EventCalendarFactory, EventPageFactory
from tests.factories.households import UserFactory
from tests.factories.pages import NoticePageFactory, StandardPageFactory
from tests.factories.votes import VoteFactory

PUBLIC_PAGES = [
    "/",
    "/notices/",
    "/notices/?category=property",
    "/notices/notice-page/",
    "/notices/notice-page/poster/",
    "/notices/feed/",
    "/notices/feed/atom/",
    "/about/",
    "/search/?q=电梯",
    "/search/",
    "/votes/",
    "/votes/{vote}/",
    "/votes/{vote}/results/",
    "/no-such-page/",
]


@pytest.fixture
def site(notice_index, home):
    notice = NoticePageFactory(parent=notice_index, title="小区电梯维修通知")
    notice.slug = "notice-page"
    notice.save_revision().publish()
    StandardPageFactory(parent=home)
    return {"notice": notice, "vote": VoteFactory(title="架空层改造").pk}


@pytest.mark.parametrize("enabled", [False, True])
@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_an_anonymous_page_sets_no_cookie_and_does_not_vary_on_cookies(
    client, site, settings, url, enabled
):
    settings.PAGE_CACHE_ENABLED = enabled
    cache.clear()
    page_cache_module.local.clear()
    for _ in range(2):  # the miss and the hit
        response = client.get(url.format(**site))
        assert response.status_code in (200, 404), url
        assert not response.cookies, (url, response.cookies)
        assert "cookie" not in response.get("Vary", "").lower(), url
        assert "csrfmiddlewaretoken" not in response.content.decode()


def test_the_second_anonymous_visit_is_served_from_the_cache(client, site, page_cache):
    first = client.get("/notices/")
    second = client.get("/notices/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert second["ETag"] == first["ETag"]
    assert "private" in second["Cache-Control"] and "must-revalidate" in second["Cache-Control"]


def test_a_logged_in_resident_never_gets_a_cached_page_and_none_is_stored(client, site, page_cache):
    client.get("/notices/")  # an anonymous copy is stored
    client.force_login(UserFactory(username="wangfang"))
    response = client.get("/notices/")
    assert "X-Page-Cache" not in response
    assert "我的页面" in response.content.decode()  # the header's "My page", for her only
    assert "cookie" in response["Vary"].lower()
    client.logout()
    anonymous = client.get("/notices/")
    assert anonymous["X-Page-Cache"] == "hit"
    assert "我的页面" not in anonymous.content.decode()


def test_a_page_made_for_a_logged_in_person_is_never_served_to_anyone_else(
    client, site, page_cache
):
    client.force_login(UserFactory(username="wangfang"))
    client.get("/")
    client.get("/votes/")
    client.logout()
    for url in ("/", "/votes/"):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "我的页面" not in response.content.decode()


def test_a_visitor_with_a_pending_message_gets_a_fresh_page(client, site, page_cache):
    client.get("/notices/")
    client.force_login(UserFactory(username="wangfang"))
    logout = client.post("/accounts/logout/")
    assert "messages" in logout.cookies  # "您已退出" waits in a cookie
    response = client.get("/notices/")
    assert "X-Page-Cache" not in response
    assert 'class="messages"' in response.content.decode()
    assert client.get("/notices/")["X-Page-Cache"] == "hit"  # the message was read


def test_language_and_display_mode_are_part_of_the_key(client, site, page_cache):
    chinese = client.get("/notices/")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/notices/")
    client.cookies[settings.DISPLAY_MODE_COOKIE] = "elderly"
    elderly = client.get("/notices/")
    assert [r["X-Page-Cache"] for r in (chinese, english, elderly)] == ["miss"] * 3
    assert '<html lang="en">' in english.content.decode()
    assert '<body class="elderly' in elderly.content.decode()
    assert client.get("/notices/")["X-Page-Cache"] == "hit"


def test_the_page_parameters_split_the_cache_and_others_do_not(client, site, page_cache):
    assert client.get("/notices/")["X-Page-Cache"] == "miss"
    assert client.get("/notices/?category=property")["X-Page-Cache"] == "miss"
    assert client.get("/notices/?utm_source=wechat")["X-Page-Cache"] == "hit"
    assert client.get("/notices/?category=property&utm=1")["X-Page-Cache"] == "hit"
    assert client.get("/search/?q=电梯")["X-Page-Cache"] == "miss"
    other = client.get("/search/?q=停水")
    assert other["X-Page-Cache"] == "miss"
    assert "电梯维修" not in other.content.decode()


def test_a_published_change_is_visible_on_the_next_request(
    client, site, page_cache, django_capture_on_commit_callbacks
):
    notice = site["notice"]
    assert "小区电梯维修通知" in client.get("/notices/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        notice.title = "小区电梯改期维修"
        notice.save_revision().publish()
    html = client.get("/notices/").content.decode()
    assert "小区电梯改期维修" in html
    with django_capture_on_commit_callbacks(execute=True):
        notice.unpublish()
    assert "小区电梯改期维修" not in client.get("/notices/").content.decode()
    assert client.get(notice.url).status_code == 404


def test_nothing_is_invalidated_before_the_transaction_commits(client, site, page_cache):
    client.get("/notices/")
    notice = site["notice"]
    notice.title = "尚未提交的标题"
    notice.save_revision().publish()  # inside the test's transaction, never committed
    assert client.get("/notices/")["X-Page-Cache"] == "hit"


def test_changing_site_settings_invalidates_every_page(
    client, site, home, page_cache, django_capture_on_commit_callbacks
):
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        community = CommunitySettings.for_site(home.get_site())
        community.hotline = "0591-12345678"
        community.save()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "0591-12345678" in response.content.decode()


def test_a_returning_browser_gets_a_304(client, site, page_cache):
    etag = client.get("/notices/")["ETag"]
    cached = client.get("/notices/", HTTP_IF_NONE_MATCH=etag)
    assert cached.status_code == 304 and cached["ETag"] == etag
    assert client.get("/notices/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


@pytest.mark.parametrize("url", ["/notices/", "/notices/feed/", "/notices/notice-page/"])
def test_pages_and_feeds_answer_conditional_requests_without_the_cache(client, site, url):
    response = client.get(url)
    assert response.status_code == 200 and response.has_header("ETag")
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_vote_pages_with_live_figures_are_kept_briefly(client, site, page_cache, monkeypatch):
    stored = {}
    real_set_many = cache.set_many

    def spy(data, timeout=None):
        stored.update(dict.fromkeys(data, timeout))
        return real_set_many(data, timeout)

    monkeypatch.setattr(cache, "set_many", spy)
    client.get("/votes/")
    client.get("/notices/")
    assert sorted(set(stored.values())) == [30, settings.PAGE_CACHE_SECONDS]


def test_pages_that_did_not_opt_in_are_never_stored(client, site, page_cache):
    for url in ("/accounts/login/", "/accounts/signup/", "/me/"):
        client.get(url)
        assert "X-Page-Cache" not in client.get(url), url


def test_a_post_is_never_answered_from_the_cache(client, site, page_cache):
    client.get("/search/?q=电梯")
    response = client.post("/search/?q=电梯")
    assert "X-Page-Cache" not in response


def test_another_workers_invalidation_is_seen_within_a_second(client, site, page_cache, clock):
    """The generation lives in the shared cache; this process re-reads it at most once
    a second, so an invalidation made by another worker or server shows within 1 s."""
    client.get("/notices/")
    assert client.get("/notices/")["X-Page-Cache"] == "hit"
    cache.set(page_cache_module.GENERATION_KEY, "set-by-another-worker", None)
    clock.advance(0.5)
    assert client.get("/notices/")["X-Page-Cache"] == "hit"
    clock.advance(0.6)
    assert client.get("/notices/")["X-Page-Cache"] == "miss"


def test_a_page_is_kept_no_longer_than_its_lifetime(client, site, page_cache, monkeypatch):
    clock = [2_000_000_000.0]
    monkeypatch.setattr(page_cache_module.time, "time", lambda: clock[0])
    client.get("/votes/")
    clock[0] += 29
    assert client.get("/votes/")["X-Page-Cache"] == "hit"
    clock[0] += 2
    cache.clear()  # the shared copy expires by the timeout given to the cache
    assert client.get("/votes/")["X-Page-Cache"] == "miss"  # this process's copy too


def test_the_main_menu_is_read_once_per_generation(
    client,
    site,
    home,
    page_cache,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,  # noqa: E501
):
    client.force_login(UserFactory(username="wangfang"))  # never served from the cache
    client.get("/notices/")
    with django_assert_max_num_queries(40) as first:
        client.get("/notices/")
    menu_queries = [
        q for q in first.captured_queries if "show_in_menus" in q["sql"].partition("WHERE")[2]
    ]
    assert menu_queries == []
    with django_capture_on_commit_callbacks(execute=True):
        StandardPageFactory(parent=home, title="办事指南", slug="guide", show_in_menus=True)
    assert "办事指南" in client.get("/notices/").content.decode()


def test_with_the_page_cache_off_what_is_remembered_follows_every_change(
    client, site, home, settings, django_capture_on_commit_callbacks
):
    """The uncached server still reads the site, its settings, the menu and the
    calendar's events once per generation: each change shows on the next request."""
    import datetime

    from django.utils import timezone
    from wagtail.models import PageViewRestriction

    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_CACHE_MEMO = True
    cache.clear()
    page_cache_module.local.clear()
    with django_capture_on_commit_callbacks(execute=True):
        calendar = EventCalendarFactory(parent=home)
    assert "X-Page-Cache" not in client.get("/votes/")
    with django_capture_on_commit_callbacks(execute=True):
        community = CommunitySettings.for_site(home.get_site())
        community.name = "青梧社区"
        community.save()
    assert "青梧社区" in client.get("/votes/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        StandardPageFactory(parent=home, title="办事指南", slug="guide", show_in_menus=True)
    assert "办事指南" in client.get("/votes/").content.decode()
    assert "重阳节敬老活动" not in client.get("/events/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        event = EventPageFactory(
            parent=calendar,
            title="重阳节敬老活动",
            start_date=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert "重阳节敬老活动" in client.get("/events/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    assert "重阳节敬老活动" not in client.get("/events/").content.decode()


def test_what_is_remembered_is_never_per_person(client, site, home, settings):
    """A logged-in resident's page and an anonymous one show the same remembered parts
    (site name, menu), and the resident's own links never reach the anonymous page."""
    settings.PAGE_CACHE_MEMO = True
    page_cache_module.local.clear()
    client.force_login(UserFactory(username="wangfang"))
    personal = client.get("/notices/").content.decode()
    assert "/me/" in personal
    client.logout()
    anonymous = client.get("/notices/").content.decode()
    assert "/me/" not in anonymous
    assert "wangfang" not in anonymous


def test_what_is_remembered_may_itself_start_a_new_generation(page_cache):
    """A site's settings row is created on its first read, and that save invalidates the
    cache (after the commit, which outside a transaction is at once). Remembering it
    held the process's lock through the read, and the invalidation waited for that lock:
    a fresh site's first request hung until gunicorn killed the worker (30 s, a 500)."""

    def compute():
        page_cache_module._new_generation()  # as the settings row's on-commit hook does
        return "settings"

    answers = []
    worker = threading.Thread(
        target=lambda: answers.append(page_cache_module.remember("fresh-settings", compute)),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive(), "remember() waited for its own lock"
    assert answers == ["settings"]
