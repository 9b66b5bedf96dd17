"""Every public page kind answers in a pinned number of queries, with 2 items or 50
(notices, events, votes): a change that adds a query per item, or one more per page,
fails here. Measured as the uncached server runs (page cache off; the site, its
settings, the menu, each page's route, the home page's and the notice list's
notices, the calendar's events and a search's hits read once per process and
generation, so pages made only of those need no query at all) and as the test suite
runs (nothing remembered: every query a page's own work needs, pinned)."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from portal import page_cache
from tests.factories.events import EventCalendarFactory, EventPageFactory
from tests.factories.households import BuildingFactory
from tests.factories.pages import NoticePageFactory
from tests.factories.votes import VoteFactory

URLS = ["/", "/notices/", "{notice}", "/votes/", "{vote}", "/events/", "/search/?q=电梯"]
# (remembered, nothing remembered)
PINNED = {
    "/": (0, 20),
    "/notices/": (0, 14),
    "{notice}": (3, 13),
    "/votes/": (1, 4),
    "{vote}": (4, 7),
    "/events/": (0, 11),
    "/search/?q=电梯": (0, 15),
}
HOME_SECTIONS = [
    {"type": "open_votes", "value": {"heading": ""}},
    {"type": "open_consultations", "value": {"heading": ""}},
    {"type": "upcoming_events", "value": {"heading": "", "count": 5}},
    {"type": "volunteers_needed", "value": {"heading": ""}},
]


@pytest.fixture
def site(home, notice_index):
    home.body = HOME_SECTIONS
    home.save_revision().publish()
    calendar = EventCalendarFactory(parent=home)
    image = Image.objects.create(title="图", file=get_test_image_file())
    building = BuildingFactory(name="3号楼")
    return {"calendar": calendar, "index": notice_index, "image": image, "building": building}


def add(site, count):
    today = datetime.date.today()
    for n in range(count):
        NoticePageFactory(
            parent=site["index"],
            title=f"{n}号楼电梯维修通知",
            image=site["image"],
            buildings=[site["building"]],
            tags=["电梯"],
        )
        EventPageFactory(
            parent=site["calendar"],
            title=f"电梯安全讲座{n}",
            start_date=today + datetime.timedelta(days=n % 20),
            repeat="weekly" if n % 2 else "",
            changes=[{"date": today + datetime.timedelta(days=n % 20), "cancelled": True}]
            if n % 3
            else [],
        )
        VoteFactory(title=f"电梯加装方案{n}")


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def counts(client, settings, urls):
    """{(url, remembered): queries} for each URL, as the uncached server (memo on,
    warmed by a first request) and as the test suite (nothing remembered) runs it."""
    found = {}
    for remembered in (True, False):
        settings.PAGE_CACHE_MEMO = remembered
        for name, url in urls.items():
            client.get(url)  # warm what is remembered, and Wagtail's rendition cache
            found[(name, remembered)] = queries(client, url)
    return found


def test_each_page_answers_in_a_pinned_number_of_queries_with_2_items_or_50(
    client, site, settings, django_capture_on_commit_callbacks
):
    from home.notices.models import NoticePage
    from participation.votes.models import PlanVote

    cache.clear()
    page_cache.local.clear()
    with django_capture_on_commit_callbacks(execute=True):
        add(site, 2)
    urls = {
        url: url.format(
            notice=NoticePage.objects.order_by("pk").first().url,
            vote=f"/votes/{PlanVote.objects.order_by('pk').first().pk}/",
        )
        for url in URLS
    }
    with_two = counts(client, settings, urls)
    with django_capture_on_commit_callbacks(execute=True):
        add(site, 48)  # publishing starts a new generation: nothing stale is remembered
    with_fifty = counts(client, settings, urls)
    pinned = {
        (url, remembered): PINNED[url][0 if remembered else 1] for url, remembered in with_two
    }
    assert with_two == pinned
    assert with_fifty == pinned
