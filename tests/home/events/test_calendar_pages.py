"""The calendar pages: month grid with 农历, list, upcoming, archive, filters, bad
input, the page cache's rules and a query count that does not grow with events."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.events import EventPageFactory


@pytest.fixture(autouse=True)
def today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 12, 1))


def test_the_month_grid_is_a_table_from_monday_with_lunar_days_and_today_marked(
    client, fixture_events
):
    html = client.get("/events/").content.decode()
    assert '<table class="month-grid">' in html
    assert html.count('<th scope="col"') == 7
    assert html.index('title="周一"') < html.index('title="周日"')
    assert 'aria-current="date"' in html
    assert "2026年12月" in html
    assert "冬至" in html and "初五" in html and "冬月" in html
    assert 'href="/events/2026/11/" rel="prev"' in html
    assert 'href="/events/2027/01/" rel="next"' in html


def test_a_cancelled_occurrence_shows_as_cancelled_and_a_moved_one_on_its_new_date(
    client, fixture_events
):
    january = client.get("/events/2027/01/").content.decode()
    assert "已取消" in january and "联企日" in january
    february = client.get("/events/2027/02/")
    agenda = february.context["agenda"]
    moved = [o for day in agenda for o in day.occurrences if o.event.title == "联企日"]
    assert [(o.start_date, o.moved, o.location) for o in moved] == [
        (datetime.date(2027, 2, 16), True, "一楼大厅")
    ]
    assert "已调整" in february.content.decode()


def test_the_month_is_also_a_list_and_upcoming_and_the_feed_are_linked(client, fixture_events):
    response = client.get("/events/2027/01/")
    html = response.content.decode()
    assert "2027年1月的活动" in html
    assert [day.date.day for day in response.context["agenda"]][:3] == [2, 5, 7]
    assert "webcal://testserver/events/ical/" in html
    assert response.context["upcoming"][0].start_date >= datetime.date(2026, 12, 1)


def test_the_category_filter_narrows_the_grid(client, fixture_events, calendar):
    EventPageFactory(
        parent=calendar,
        title="家庭医生义诊",
        category="service",
        start_date=datetime.date(2026, 12, 9),
    )
    html = client.get("/events/2026/12/?category=service").content.decode()
    assert "家庭医生义诊" in html and "读书会" not in html


def test_the_past_archive_lists_what_took_place_newest_first(client, fixture_events):
    response = client.get("/events/past/")
    dates = [o.start_date for o in response.context["occurrences"]]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] < datetime.date(2026, 12, 1)


@pytest.mark.parametrize(
    "url, message",
    [
        ("/events/2026/13/", "没有13月"),
        ("/events/2026/0/", "没有0月"),
        ("/events/1900/01/", "日历只显示"),
        ("/events/99999999999999999999/01/", "日历只显示"),
        ("/events/abc/", ""),
        ("/events/2026/abc/", ""),
        ("/events/?category=nope", "没有这个活动类别"),
        ("/events/past/?page=99", "没有这一页"),
        ("/events/past/?page=x", "没有这一页"),
    ],
)
def test_bad_addresses_are_404_with_a_clear_message(client, fixture_events, url, message):
    response = client.get(url)
    assert response.status_code == 404
    assert message in response.content.decode()


PUBLIC = [
    "/events/",
    "/events/2027/01/",
    "/events/past/",
    "/events/ical/",
    "{event}",
    "{event}ical/",
]


@pytest.mark.parametrize("enabled", [False, True])
@pytest.mark.parametrize("url", PUBLIC)
def test_anonymous_event_pages_set_no_cookie_and_do_not_vary_on_cookies(
    client, fixture_events, settings, url, enabled
):
    from django.core.cache import cache

    from portal import page_cache

    settings.PAGE_CACHE_ENABLED = enabled
    cache.clear()
    page_cache.local.clear()
    for _ in range(2):
        response = client.get(url.format(event=fixture_events[0].url))
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "cookie" not in response.get("Vary", "").lower(), url
        assert "csrfmiddlewaretoken" not in response.content.decode()
    if enabled:
        assert response["X-Page-Cache"] == "hit"


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _many(calendar, n):
    for i in range(n):
        EventPageFactory(
            parent=calendar,
            title=f"活动{i}",
            start_date=datetime.date(2026, 12, 1 + i % 28),
            repeat="weekly" if i % 2 else "",
            changes=[{"date": datetime.date(2026, 12, 1 + i % 28), "cancelled": True}]
            if i % 3
            else [],
        )


@pytest.mark.parametrize("url", ["/events/", "/events/past/", "/events/ical/"])
def test_the_query_count_does_not_grow_with_the_number_of_events(
    client, calendar, url, django_assert_num_queries
):
    _many(calendar, 2)
    client.get(url)  # warm Wagtail's per-process caches (site root paths)
    few = _count(client, url)
    _many(calendar, 48)
    with django_assert_num_queries(few):
        client.get(url)
