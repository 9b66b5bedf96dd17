import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Site

from home.demo.events import build_page, demo_events
from home.events.models import EventException, EventPage
from home.events.recurrence import occurrences
from home.notices.choices import NoticeCategory, NoticeIssuer
from home.notices.models import NoticePage
from home.pages import HomePage, StandardPage
from home.site_settings import CommunitySettings
from participation.households.models import Building
from participation.volunteering import ledger
from participation.volunteering.blocks import volunteers_needed
from participation.volunteering.choices import EntryKind, SignUpStatus
from participation.volunteering.models import (
    LedgerEntry,
    Opportunity,
    Shift,
    SignUp,
    VolunteerTeam,
)

# Issue 13: the demo calendar has 20+ events "over the past month and the next three".
MIN_EVENTS_NEARBY = 20


@pytest.fixture(scope="module")
def _demo_loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo community loaded once for this module (it takes 20–40 s), inside a
    transaction that is rolled back when the module is done. Each test runs in a
    savepoint of its own (pytest-django's ``db``), so what one test writes is gone
    before the next; tests that need an empty database live in test_demo_guard.py."""
    work = tmp_path_factory.mktemp("demo")
    with (
        django_db_blocker.unblock(),
        override_settings(VAR_DIR=work, MEDIA_ROOT=work / "media"),
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setenv("LINLI_EDITOR_PASSWORD", "demo-pass-for-tests")
        with transaction.atomic():
            call_command("load_demo_community", quiet=True, no_credentials=True)
            yield work
            transaction.set_rollback(True)
        cache.clear()


@pytest.fixture
def demo(_demo_loaded, db, settings):
    settings.VAR_DIR = _demo_loaded
    settings.MEDIA_ROOT = _demo_loaded / "media"


def snapshot():
    return (
        NoticePage.objects.count(),
        StandardPage.objects.count(),
        Building.objects.count(),
        HomePage.objects.count(),
        get_user_model().objects.count(),
    )


def test_demo_community_is_believable(demo, client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert CommunitySettings.for_site(site).name == "青梧社区"
    notices = NoticePage.objects.all()
    live = notices.visible()
    assert live.count() >= 40
    assert set(live.values_list("category", flat=True)) == set(NoticeCategory.values)
    assert set(live.values_list("issuer", flat=True)) == set(NoticeIssuer.values)
    assert live.filter(urgent=True).exists()
    assert live.filter(pinned_until__isnull=False).exists()
    assert notices.filter(expired=True, live=False).exists()
    assert live.filter(target_buildings__isnull=False).exists()
    for path in ("/", "/notices/", "/notices/feed/", "/about/", "/guide/", "/privacy/"):
        assert client.get(path).status_code == 200, path
    notice = live.first()
    assert client.get(notice.url).status_code == 200
    assert client.get(notice.url + "poster/").status_code == 200


def _with_a_date_nearby(events, today):
    """The events with an occurrence between a month ago and three months ahead."""
    start, end = today - relativedelta(months=1), today + relativedelta(months=3)
    return [event for event in events if occurrences(event, start, end)]


def test_demo_calendar_has_its_events_and_their_changes(demo, client):
    events = EventPage.objects.live().prefetch_related("exceptions")
    assert events.count() >= MIN_EVENTS_NEARBY
    assert len(_with_a_date_nearby(events, timezone.localdate())) >= MIN_EVENTS_NEARBY
    slugs = set(events.values_list("slug", flat=True))
    named = {"lianqiri", "dushuhui", "chongyang-chahuahui", "shuotuoban", "zhineng-shouji"}
    assert named <= slugs
    lianqiri = events.get(slug="lianqiri")
    assert lianqiri.repeat == "monthly_day" and lianqiri.start_date.day == 15
    assert events.get(slug="chongyang-chahuahui").lunar_month == 9
    live = EventException.objects.filter(page__live=True)
    assert live.filter(cancelled=True).exists()
    assert live.filter(cancelled=False, new_date__isnull=False).exists()
    assert events.get(slug="shuotuoban").signup.title == "暑托班报名"
    response = client.get("/events/")
    assert response.status_code == 200
    assert lianqiri.title in response.content.decode()  # the 15th of this month


@pytest.mark.django_db
def test_demo_calendar_is_full_whenever_the_demo_is_loaded():
    """Some demo events fall once a year (重阳节, 暑托班, 元旦): whatever the load date,
    at least 20 have a date between a month ago and three months ahead."""
    day, short = datetime.date(2027, 1, 1), {}
    while day < datetime.date(2029, 1, 1):
        pages = [build_page(spec) for spec in demo_events(day)]
        nearby = len(_with_a_date_nearby(pages, day))
        if nearby < MIN_EVENTS_NEARBY:
            short[day] = nearby
        day += datetime.timedelta(days=6)
    assert short == {}


def test_demo_volunteering_has_teams_shifts_a_waiting_list_and_hours(demo, client):
    assert set(VolunteerTeam.objects.values_list("name", flat=True)) >= {
        "党员志愿服务队",
        "微网格员",
        "银龄互助队",
    }
    assert Opportunity.objects.published().count() >= 10
    now = timezone.now()
    assert Shift.objects.filter(starts_at__lt=now).exists()
    assert Shift.objects.filter(starts_at__gt=now).exists()
    waiting = SignUp.objects.filter(status=SignUpStatus.WAITLISTED)
    assert waiting.count() >= 1
    full = waiting.first().shift
    assert full.taken == full.capacity and full.opportunity.title == "楼道清洁"
    sheet = Shift.objects.get(opportunity__title="暑托班报名")
    assert sheet.capacity == 30 and sheet.hours == 0
    credited = LedgerEntry.objects.filter(kind=EntryKind.ATTENDANCE, hours__gt=0)
    assert credited.exists()
    volunteer = credited.first().account.user
    assert ledger.balance(volunteer) > 0
    no_show = get_user_model().objects.get(username="liqiang")
    assert not credited.filter(account__user=no_show).exists()
    assert client.get("/volunteer/").status_code == 200


def test_demo_home_page_shows_the_volunteers_needed_block(demo, client):
    needed = volunteers_needed()
    assert needed
    html = client.get("/").content.decode()
    block = html.split('<div class="block-volunteers-needed">')[1].split("</div>")[0]
    assert "这些志愿服务还缺人" in block
    assert f'href="/volunteer/{needed[0].opportunity_id}/#shift-{needed[0].pk}"' in block
    assert needed[0].opportunity.title in block


def test_loading_twice_changes_nothing(demo):
    before = snapshot()
    call_command("load_demo_community", quiet=True, no_credentials=True)
    assert snapshot() == before


def test_editor_can_log_in_with_the_given_password(demo, client):
    assert client.login(username="editor", password="demo-pass-for-tests")
    assert client.get("/admin/").status_code == 200


def test_the_demo_register_counts_as_the_demos_own(demo):
    from home.demo.community import BUILDING_COUNT, building_name
    from participation.demo.households import foreign_households

    names = {n: building_name(n) for n in range(1, BUILDING_COUNT + 1)}
    assert foreign_households(names) == 0
