"""Event pages pass axe (no serious or critical violations) in both display modes and
fit a 320 px screen in the elderly mode, where the month is a list."""

import pytest

from tests.browser.conftest import axe_problems, sideways_overflow
from tests.browser.events_site import build_calendar


@pytest.fixture
def event_pages(transactional_db):
    calendar, lianqiri, reading = build_calendar()
    return {
        "calendar": "/events/",
        "next month": "/events/{}/{:02d}/".format(*_next_month()),
        "past": "/events/past/",
        "event": lianqiri.url,
        "weekly event": reading.url,
        "bad month": "/events/2026/13/",
    }


def _next_month():
    from django.utils import timezone

    from home.events.grid import shift_month

    today = timezone.localdate()
    return shift_month(today.year, today.month, 1)


@pytest.mark.parametrize("mode", ["standard", "elderly"])
def test_event_pages_have_no_serious_axe_violations(axe_page, event_pages, mode):
    axe_page.goto(f"/display/{mode}/")
    assert axe_problems(axe_page, event_pages.items()) == {}


def test_event_pages_fit_320px_in_elderly_mode_with_the_month_as_a_list(phone, event_pages):
    phone.set_viewport_size({"width": 320, "height": 640})
    phone.goto("/display/elderly/")
    for name, path in event_pages.items():
        phone.goto(path)
        overflow = sideways_overflow(phone)
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at 320px"
    phone.goto("/events/")
    assert not phone.locator("table.month-grid").is_visible()
    assert phone.locator(".month-agenda").is_visible()
