"""Each page's route and view restrictions are read once per process and cache
generation (portal/page_routes.py), as the uncached server and a logged-in resident's
pages are served (the memo on, the page cache off): every change to the tree or to
who may see a page shows on the next request, the restrictions are still checked on
every request, and no request shares its page object with another."""

import pytest
from wagtail.models import Page, PageViewRestriction

from portal import page_cache as page_cache_module
from tests.factories.households import UserFactory
from tests.factories.pages import NoticePageFactory, StandardPageFactory
from tests.queries import get_with_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(notice_index):
    return NoticePageFactory(parent=notice_index, title="小区电梯维修通知", slug="lift")


def test_a_route_and_its_restrictions_are_read_once_per_generation(client, notice, memo_on):
    first, first_queries = get_with_queries(client, "/notices/lift/")
    assert first.status_code == 200
    assert any("wagtailcore_pageviewrestriction" in sql for sql in first_queries)
    again, again_queries = get_with_queries(client, "/notices/lift/")
    assert again.status_code == 200
    assert not any("wagtailcore_pageviewrestriction" in sql for sql in again_queries)
    assert not any('"wagtailcore_page"."slug" = ' in sql for sql in again_queries)
    # Behind the signals' back, only the remembered page can still show the old title.
    Page.objects.filter(pk=notice.pk).update(title="停水通知")
    assert "小区电梯维修通知" in client.get("/notices/lift/").content.decode()
    page_cache_module._new_generation()
    assert "停水通知" in client.get("/notices/lift/").content.decode()


def test_unpublishing_moving_and_restricting_show_on_the_next_request(
    client, home, notice, memo_on, django_capture_on_commit_callbacks
):
    guide = StandardPageFactory(parent=home, title="办事指南", slug="guide")
    assert client.get("/guide/").status_code == 200
    assert client.get("/notices/lift/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        guide.slug = "services"
        guide.save_revision().publish()
    moved = client.get("/guide/")  # not the remembered route: Wagtail's redirect
    assert (moved.status_code, moved["Location"]) == (301, "/services/")
    assert client.get("/services/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/services/").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        notice.unpublish()
    assert client.get("/notices/lift/").status_code == 404


def test_a_remembered_restriction_is_checked_on_every_request(client, home, memo_on):
    members = StandardPageFactory(parent=home, title="业委会内部资料", slug="members")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    refused = client.get("/members/")
    assert refused.status_code == 302
    assert refused["Location"] == "/accounts/login/?next=/members/"
    client.force_login(UserFactory(username="wangfang"))
    assert "业委会内部资料" in client.get("/members/").content.decode()
    client.logout()
    assert client.get("/members/").status_code == 302


def test_each_request_serves_its_own_copy_of_the_page(client, notice, memo_on):
    first = client.get("/notices/lift/").context_data["page"]
    first.left_by_the_first_request = "甲"
    second = client.get("/notices/lift/").context_data["page"]
    assert second.pk == first.pk
    assert second is not first
    assert not hasattr(second, "left_by_the_first_request")


def test_a_path_that_finds_no_page_is_not_remembered(client, notice, memo_on):
    client.get("/notices/lift/")
    before = set(page_cache_module.local.memo)
    for n in range(3):
        assert client.get(f"/notices/no-such-notice-{n}/").status_code == 404
    added = {name for _generation, name in set(page_cache_module.local.memo) - before}
    assert not any(name.startswith("route-") for name in added)


def test_what_is_remembered_is_kept_no_longer_than_its_lifetime(
    client, notice, memo_on, clock, settings
):
    client.get("/notices/lift/")
    Page.objects.filter(pk=notice.pk).update(title="停水通知")
    clock.advance(settings.PAGE_CACHE_SECONDS - 1)
    assert "小区电梯维修通知" in client.get("/notices/lift/").content.decode()
    clock.advance(2)
    assert "停水通知" in client.get("/notices/lift/").content.decode()


def test_a_process_remembers_a_bounded_number_of_values(memo_on, monkeypatch):
    monkeypatch.setattr(page_cache_module, "LOCAL_VALUES", 3)
    for n in range(10):
        page_cache_module.remember(f"bound-check-{n}", lambda n=n: n)
    assert page_cache_module.remember("bound-check-0", lambda: "again") == "again"
    assert len(page_cache_module.local.memo) == 3
    # The most recently used stay: reading 8 again keeps it past the next two.
    page_cache_module.remember("bound-check-8", lambda: "made again")
    page_cache_module.remember("bound-check-11", lambda: 11)
    page_cache_module.remember("bound-check-12", lambda: 12)
    assert page_cache_module.remember("bound-check-8", lambda: "made again") == 8


def test_a_password_protected_page_is_unlocked_with_its_password(client, home, memo_on):
    """Wagtail's own ``_util/`` URLs (the password form's target) come before the
    remembered serving, whose pattern matches them too."""
    minutes = StandardPageFactory(parent=home, title="业主大会会议纪要", slug="minutes")
    restriction = PageViewRestriction.objects.create(
        page=minutes, restriction_type=PageViewRestriction.PASSWORD, password="青梧2026"
    )
    for _ in range(2):  # the second time from the remembered route
        locked = client.get("/minutes/").content.decode()
        assert "业主大会会议纪要</h1>" not in locked
        assert f"/_util/authenticate_with_password/{restriction.pk}/{minutes.pk}/" in locked
    target = f"/_util/authenticate_with_password/{restriction.pk}/{minutes.pk}/"
    wrong = client.post(target, {"password": "1234", "return_url": "/minutes/"})
    assert wrong.status_code == 200
    unlocked = client.post(target, {"password": "青梧2026", "return_url": "/minutes/"})
    assert (unlocked.status_code, unlocked["Location"]) == (302, "/minutes/")
    assert "业主大会会议纪要" in client.get("/minutes/").content.decode()


def test_a_page_for_one_group_is_shown_to_its_members_only(client, home, memo_on):
    from django.contrib.auth.models import Group

    committee = Group.objects.create(name="业委会")
    board = StandardPageFactory(parent=home, title="业委会工作台", slug="board")
    restriction = PageViewRestriction.objects.create(
        page=board, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(committee)
    member, other = UserFactory(username="wangfang"), UserFactory(username="lisi")
    member.groups.add(committee)
    client.force_login(member)
    assert "业委会工作台" in client.get("/board/").content.decode()
    client.force_login(other)
    assert "业委会工作台" not in client.get("/board/").content.decode()


def test_a_routable_sub_path_is_served_by_the_copy(client, notice, memo_on):
    for _ in range(2):
        response = client.get("/notices/feed/")
        assert response.status_code == 200
        assert "小区电梯维修通知" in response.content.decode()
        assert response.wsgi_request.routable_resolver_match.url_name == "rss_feed"
        served = response.wsgi_request._wagtail_route_for_request.page
        assert served.pk == notice.get_parent().pk
    remembered = {name for _generation, name in page_cache_module.local.memo}
    typed = {name for _generation, name in page_cache_module.local.typed}
    assert any(name.endswith("-notices/feed/") for name in typed)
    assert not any(name.endswith("-notices/feed/") for name in remembered)


def test_many_searches_do_not_push_out_the_routes_to_pages(client, notice, memo_on, monkeypatch):
    monkeypatch.setattr(page_cache_module, "LOCAL_TYPED_VALUES", 3)
    client.get("/notices/lift/")
    for n in range(10):
        assert client.get(f"/search/?q=电梯{n}").status_code == 200
    assert len(page_cache_module.local.typed) == 3
    _response, queries = get_with_queries(client, "/notices/lift/")
    assert not any("wagtailcore_pageviewrestriction" in sql for sql in queries)
