"""Factories for the calendar and its events, on PageFactory (pages.py)."""

import datetime

import factory

from home.events.models import EventCalendarPage, EventException, EventPage
from tests.factories.pages import PageFactory


class EventCalendarFactory(PageFactory):
    """活动日历 at /events/, in the menu, published."""

    class Meta:
        model = EventCalendarPage

    _publish = True

    title = "活动日历"
    slug = "events"
    show_in_menus = True


class EventPageFactory(PageFactory):
    """A published community event on 15 December 2026, 9:30–11:00 at 党群服务中心
    (``all_day=True``: no times). ``changes`` are dicts of EventException fields."""

    class Meta:
        model = EventPage

    class Params:
        changes = ()

    _publish = True

    title = factory.Sequence(lambda n: f"活动{n + 1}")
    slug = factory.Sequence(lambda n: f"event-{n + 1}")
    category = "community"
    start_date = datetime.date(2026, 12, 15)
    all_day = False
    start_time = factory.LazyAttribute(lambda e: None if e.all_day else datetime.time(9, 30))
    end_time = factory.LazyAttribute(lambda e: None if e.all_day else datetime.time(11, 0))
    location = "党群服务中心"
    exceptions = factory.LazyAttribute(lambda e: [EventException(**c) for c in e.changes])

    @classmethod
    def create(cls, **kwargs):
        """The event as read back from the database."""
        return EventPage.objects.get(pk=super().create(**kwargs).pk)
