"""A resident on a phone finds next month's 联企日 in the grid, opens it and puts it
in their calendar with the .ics file."""

import datetime
from pathlib import Path

import icalendar
from django.utils import timezone
from playwright.sync_api import expect

from home.events.grid import shift_month
from tests.browser.events_site import build_calendar


def test_resident_finds_next_months_lianqiri_and_downloads_it(phone, transactional_db):
    build_calendar()
    today = timezone.localdate()
    year, month = shift_month(today.year, today.month, 1)

    phone.goto("/")
    phone.get_by_role("navigation", name="主导航").get_by_role("link", name="活动日历").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("活动日历")
    expect(phone.locator('td[aria-current="date"]')).to_have_count(1)
    phone.get_by_role("link", name=f"{year}年{month}月 ›").click()
    expect(phone.get_by_role("heading", name=f"{year}年{month}月", exact=True)).to_be_visible()

    fifteenth = phone.locator("table.month-grid td").filter(
        has=phone.locator(f'time[datetime="{year}-{month:02d}-15"]')
    )
    expect(fifteenth.locator(".day__lunar")).not_to_be_empty()
    fifteenth.get_by_role("link", name="联企日").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("联企日")
    expect(phone.get_by_text("每月15日").first).to_be_visible()

    with phone.expect_download() as download:
        phone.get_by_role("link", name="下载这个活动（.ics 文件）").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    (event, *_) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "联企日"
    assert event["RRULE"]["BYMONTHDAY"] == [15]
    assert event.decoded("DTSTART").date() < datetime.date(year, month, 15)
