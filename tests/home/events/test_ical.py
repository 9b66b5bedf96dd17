"""iCal (home/events/ical.py): what calendar apps read must give exactly the dates the
grid shows. The feed is parsed back with icalendar and expanded with the independent
recurring-ical-events package."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from home.events.ical import TZ, uid
from home.events.models import EventPage
from home.events.recurrence import occurrences

SHANGHAI = ZoneInfo("Asia/Shanghai")
WINDOWS = [
    (datetime.date(2026, 11, 1), datetime.date(2027, 3, 31)),
    (datetime.date(2027, 9, 1), datetime.date(2028, 3, 31)),
]


def _feed(client):
    response = client.get("/events/ical/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def _ours(event, start, end):
    found = set()
    for o in occurrences(event, start, end):
        if o.cancelled:
            continue
        if o.all_day:
            found.add((o.start_date, o.end_date + datetime.timedelta(days=1)))
        else:
            begin = datetime.datetime.combine(o.start_date, o.start_time, tzinfo=TZ)
            close = datetime.datetime.combine(o.end_date, o.end_time or o.start_time, tzinfo=TZ)
            found.add((begin, close))
    return found


def _theirs(calendar, event_uid, start, end):
    found = set()
    expanded = recurring_ical_events.of(calendar).between(start, end + datetime.timedelta(days=1))
    for component in expanded:
        if str(component["UID"]) != event_uid or component.get("STATUS") == "CANCELLED":
            continue
        begin = component.decoded("DTSTART")
        close = component.decoded("DTEND") if "DTEND" in component else begin
        found.add((begin, close))
    return found


@pytest.mark.parametrize("window", WINDOWS)
def test_each_event_file_expanded_by_another_library_gives_exactly_our_occurrences(
    client, fixture_events, window
):
    start, end = window
    compared = 0
    for event in EventPage.objects.prefetch_related("exceptions"):
        calendar = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content)
        ours, theirs = _ours(event, start, end), _theirs(calendar, uid(event), start, end)
        assert theirs == ours, event.title
        compared += len(ours)
    assert compared > 10


def test_the_feed_holds_the_events_of_recent_and_coming_months_and_agrees_too(
    client, fixture_events, freeze_today
):
    calendar = _feed(client)
    start, end = WINDOWS[0]
    uids = {str(component["UID"]) for component in calendar.walk("VEVENT")}
    for event in EventPage.objects.prefetch_related("exceptions"):
        near = occurrences(event, datetime.date(2026, 10, 31), datetime.date(2027, 12, 2))
        assert (uid(event) in uids) == bool(near), event.title
        assert _theirs(calendar, uid(event), start, end) == _ours(event, start, end)
    assert len(uids) == len(fixture_events) - 1  # the leap-day birthday is next in 2028


def test_one_event_has_its_rule_exceptions_and_moved_occurrence(client, fixture_events):
    event = fixture_events[0]
    response = client.get(event.url + "ical/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    (timezone,) = calendar.walk("VTIMEZONE")
    assert timezone["TZID"] == "Asia/Shanghai"
    master, moved = calendar.walk("VEVENT")
    assert master["RRULE"]["FREQ"] == ["MONTHLY"] and master["RRULE"]["BYMONTHDAY"] == [15]
    assert master["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert master.decoded("DTSTART") == datetime.datetime(2026, 11, 15, 9, 30, tzinfo=SHANGHAI)
    assert [e.dt for e in master["EXDATE"].dts] == [
        datetime.datetime(2027, 1, 15, 9, 30, tzinfo=SHANGHAI)
    ]
    assert moved["UID"] == master["UID"]
    assert moved.decoded("RECURRENCE-ID") == datetime.datetime(2027, 2, 15, 9, 30, tzinfo=SHANGHAI)
    assert moved.decoded("DTSTART") == datetime.datetime(2027, 2, 16, 14, 0, tzinfo=SHANGHAI)
    assert moved["LOCATION"] == "一楼大厅"
    assert calendar.decoded("REFRESH-INTERVAL") == datetime.timedelta(hours=12)


def test_lunar_dates_are_rdates_and_never_a_non_standard_freq(client, fixture_events):
    event = fixture_events[2]
    calendar = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content)
    (master,) = calendar.walk("VEVENT")
    assert "RRULE" not in master
    assert master.decoded("DTSTART") == datetime.date(2026, 10, 18)
    rdates = [value.dt for value in master["RDATE"].dts]
    assert rdates[:3] == [
        datetime.date(2027, 10, 8),
        datetime.date(2028, 10, 26),
        datetime.date(2029, 10, 16),
    ]
    for component in _feed(client).walk("VEVENT"):
        if "RRULE" in component:
            assert component["RRULE"]["FREQ"][0] in {"WEEKLY", "MONTHLY", "YEARLY"}


def test_uids_are_stable_and_the_sequence_grows_with_each_publication(client, fixture_events):
    event = fixture_events[1]
    before = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content)
    EventPage.objects.filter(pk=event.pk).update(
        first_published_at=event.first_published_at - datetime.timedelta(hours=1)
    )
    event.refresh_from_db()
    event.location = "图书室"
    event.save_revision().publish()
    after = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content)
    (old,), (new,) = before.walk("VEVENT"), after.walk("VEVENT")
    assert old["UID"] == new["UID"]
    assert new.decoded("SEQUENCE") > old.decoded("SEQUENCE")
    assert new["LOCATION"] == "图书室"


def test_a_cancelled_one_off_event_is_marked_cancelled(client, fixture_events):
    calendar = icalendar.Calendar.from_ical(client.get(fixture_events[7].url + "ical/").content)
    (master,) = calendar.walk("VEVENT")
    assert master["STATUS"] == "CANCELLED"
