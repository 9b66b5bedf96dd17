"""iCalendar (RFC 5545) for one event and for the subscribable feed, built with the
icalendar library.

One VEVENT per event carries the rule as RRULE (or, for 农历 dates, which have no
FREQ, the dates as RDATEs) and its cancelled occurrences as EXDATEs; each moved or
changed occurrence is a VEVENT of its own with the same UID and a RECURRENCE-ID. Times
are wall time with TZID Asia/Shanghai and a VTIMEZONE, so every calendar app places
them where the notice board does.
"""

import datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vDuration

from home.events.choices import Repeat
from home.events.recurrence import changed_times, first_date, is_scheduled, lunar_dates

TZID = "Asia/Shanghai"
TZ = ZoneInfo(TZID)
REFRESH = datetime.timedelta(hours=12)
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def new_calendar(name):
    calendar = Calendar()
    calendar.add("prodid", "-//Linli//Events//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar["X-PUBLISHED-TTL"] = vDuration(REFRESH)
    calendar.add_component(
        Timezone.from_tzid(
            TZID, first_date=datetime.date(1992, 1, 1), last_date=datetime.date(2100, 1, 1)
        )
    )
    return calendar


def moment(event, date, time=None):
    """A DATE for all-day events, else the wall time in Asia/Shanghai."""
    if event.all_day:
        return date
    return datetime.datetime.combine(date, time or event.start_time, tzinfo=TZ)


def end_moment(event, start_date, end_time=None):
    """DTEND: the day after the last for all-day events (DTEND is exclusive); None
    for timed events without an end time."""
    last = start_date + ((event.end_date or event.start_date) - event.start_date)
    if event.all_day:
        return last + datetime.timedelta(days=1)
    end_time = end_time or event.end_time
    return datetime.datetime.combine(last, end_time, tzinfo=TZ) if end_time else None


def recur(event):
    """The RRULE for a Gregorian repetition, in the same terms as recurrence._rrule."""
    rule, first = event.rule, event.start_date
    value = {"FREQ": "WEEKLY", "WKST": "MO"}
    if rule.repeat == Repeat.WEEKLY:
        value["BYDAY"] = [BYDAY[day] for day in rule.weekdays or (first.weekday(),)]
    elif rule.repeat == Repeat.MONTHLY_DAY:
        value.update(FREQ="MONTHLY", BYMONTHDAY=first.day)
    elif rule.repeat == Repeat.MONTHLY_LAST:
        value.update(FREQ="MONTHLY", BYMONTHDAY=-1)
    elif rule.repeat == Repeat.MONTHLY_WEEKDAY:
        value.update(FREQ="MONTHLY", BYDAY=f"{rule.ordinal}{BYDAY[rule.ordinal_weekday]}")
    elif rule.repeat == Repeat.YEARLY:
        value.update(FREQ="YEARLY", BYMONTH=first.month, BYMONTHDAY=first.day)
    if rule.interval and rule.interval > 1:
        value["INTERVAL"] = rule.interval
    if rule.count and not rule.until:
        value["COUNT"] = rule.count
    if rule.until:
        if event.all_day:
            value["UNTIL"] = rule.until
        else:
            last = datetime.datetime.combine(rule.until, datetime.time(23, 59, 59), tzinfo=TZ)
            value["UNTIL"] = last.astimezone(datetime.UTC)
    return value


def _component(event, url, stamp):
    component = Event()
    component.add("uid", uid(event))
    component.add("dtstamp", stamp)
    component.add("sequence", event.sequence)
    component.add("summary", event.title)
    component.add("location", event.location)
    description = "\n".join(part for part in (event.summary, url) if part)
    if description:
        component.add("description", description)
    if url:
        component.add("url", url)
    if event.organiser:
        component.add("x-linli-organiser", event.organiser)
    return component


def uid(event):
    """Stable across edits, moves in the tree and host names."""
    return f"event-{event.translation_key}@linli"


def event_components(event, url=""):
    """The VEVENTs of one event: the series, then one per changed occurrence."""
    rule = event.rule
    first = first_date(event.start_date, rule)
    if first is None:
        return []
    stamp = (event.last_published_at or datetime.datetime.now(datetime.UTC)).astimezone(
        datetime.UTC
    )
    changes = [c for c in event.changes if is_scheduled(event.start_date, rule, c.date)]
    master = _component(event, url, stamp)
    components = [master]
    if not rule.repeat:
        change = changes[0] if changes else None
        if change and change.cancelled:
            master.add("status", "CANCELLED")
        elif change:
            return [_moved(event, master, change, first)]
        master.add("dtstart", moment(event, first))
        _add_end(master, end_moment(event, first))
        return components
    master.add("dtstart", moment(event, first))
    _add_end(master, end_moment(event, first))
    if rule.repeat == Repeat.YEARLY_LUNAR:
        later = lunar_dates(event.start_date, rule)[1:]
        if later:
            master.add("rdate", [moment(event, date) for date in later])
    else:
        master.add("rrule", recur(event))
    cancelled = [moment(event, c.date) for c in changes if c.cancelled]
    if cancelled:
        master.add("exdate", cancelled)
    for change in changes:
        if not change.cancelled:
            override = _component(event, url, stamp)
            override.add("recurrence-id", moment(event, change.date))
            components.append(_moved(event, override, change, change.date))
    return components


def _moved(event, component, change, date):
    new_date = change.new_date or date
    start_time, end_time = (None, None) if event.all_day else changed_times(event, change)
    component.add("dtstart", moment(event, new_date, start_time))
    _add_end(component, end_moment(event, new_date, end_time))
    if change.location:
        component["location"] = change.location
    if change.note:
        component["description"] = "\n".join(
            part for part in (change.note, str(component.get("description", ""))) if part
        )
    return component


def _add_end(component, end):
    if end is not None:
        component.add("dtend", end)


def calendar_bytes(name, events_with_urls):
    """The whole VCALENDAR for ``(event, absolute_url)`` pairs."""
    calendar = new_calendar(name)
    for event, url in events_with_urls:
        for component in event_components(event, url):
            calendar.add_component(component)
    return calendar.to_ical()
