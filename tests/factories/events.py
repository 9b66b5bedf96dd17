"""Helpers that build the calendar and its events, in the style of pages.py."""

import datetime
import itertools

from home.events.models import EventCalendarPage, EventException, EventPage

_counter = itertools.count(1)


def make_calendar(home, **kwargs):
    kwargs.setdefault("title", "活动日历")
    kwargs.setdefault("slug", "events")
    kwargs.setdefault("show_in_menus", True)
    calendar = home.add_child(instance=EventCalendarPage(**kwargs))
    calendar.save_revision().publish()
    return calendar


def make_event(calendar, title=None, changes=(), publish=True, **kwargs):
    """Add (and publish) an event; ``changes`` are dicts of EventException fields."""
    n = next(_counter)
    kwargs.setdefault("category", "community")
    kwargs.setdefault("start_date", datetime.date(2026, 12, 15))
    kwargs.setdefault("start_time", datetime.time(9, 30))
    kwargs.setdefault("end_time", datetime.time(11, 0))
    kwargs.setdefault("location", "党群服务中心")
    kwargs.setdefault("slug", f"event-{n}")
    if kwargs.get("all_day"):
        kwargs["start_time"] = kwargs["end_time"] = None
    event = EventPage(title=title or f"活动{n}", **kwargs)
    event.exceptions = [EventException(**change) for change in changes]
    calendar.add_child(instance=event)
    if publish:
        event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)
