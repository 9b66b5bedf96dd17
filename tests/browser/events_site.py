"""A small calendar for the browser tests, dated from the real today (the live server
runs on the clock)."""

import datetime

from django.utils import timezone

from home.events.grid import shift_month
from tests.factories.events import EventCalendarFactory, EventPageFactory
from tests.factories.pages import HomePageFactory


def build_calendar(home=None):
    """The calendar under ``home`` (a new home page when none is given), and two of
    its events: the monthly 联企日 and the weekly reading club."""
    today = timezone.localdate()
    year, month = shift_month(today.year, today.month, -1)
    calendar = EventCalendarFactory(parent=home or HomePageFactory())
    lianqiri = EventPageFactory(
        parent=calendar,
        title="联企日",
        category="service",
        start_date=datetime.date(year, month, 15),
        repeat="monthly_day",
        changes=[
            {"date": datetime.date(*shift_month(year, month, 3), 15), "cancelled": True},
        ],
    )
    reading = EventPageFactory(
        parent=calendar,
        title="青梧读书会",
        category="culture",
        start_date=today - datetime.timedelta(days=20),
        repeat="weekly",
        weekdays="5",
        location="党群服务中心一楼社区图书室",
    )
    EventPageFactory(
        parent=calendar,
        title="重阳节敬老茶话会",
        category="elderly",
        start_date=today - datetime.timedelta(days=400),
        repeat="yearly_lunar",
        lunar_month=9,
        lunar_day=9,
    )
    EventPageFactory(
        parent=calendar,
        title="关于开展冬季消防安全演练暨高层住宅疏散逃生培训的活动",
        start_date=today + datetime.timedelta(days=3),
        end_date=today + datetime.timedelta(days=4),
        all_day=True,
    )
    return calendar, lianqiri, reading
