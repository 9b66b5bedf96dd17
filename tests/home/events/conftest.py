import datetime

import pytest

from tests.factories.events import EventCalendarFactory, EventPageFactory


@pytest.fixture
def calendar(home):
    return EventCalendarFactory(parent=home)


@pytest.fixture
def fixture_events(calendar):
    """One event of every kind the editor can make, with changes."""
    d = datetime.date.fromisoformat
    return [
        EventPageFactory(
            parent=calendar,
            title="联企日",
            start_date=d("2026-11-15"),
            repeat="monthly_day",
            changes=[
                {"date": d("2027-01-15"), "cancelled": True},
                {
                    "date": d("2027-02-15"),
                    "new_date": d("2027-02-16"),
                    "new_start_time": datetime.time(14, 0),
                    "new_end_time": datetime.time(15, 30),
                    "new_location": "一楼大厅",
                    "note": "春节后调整",
                },
            ],
        ),
        EventPageFactory(
            parent=calendar,
            title="读书会",
            start_date=d("2026-11-02"),
            repeat="weekly",
            weekdays="13",
            repeat_until=d("2027-03-31"),
            start_time=datetime.time(19, 0),
            end_time=datetime.time(20, 30),
        ),
        EventPageFactory(
            parent=calendar,
            title="重阳节敬老茶话会",
            start_date=d("2026-01-01"),
            repeat="yearly_lunar",
            lunar_month=9,
            lunar_day=9,
            all_day=True,
        ),
        EventPageFactory(
            parent=calendar,
            title="月末大扫除",
            start_date=d("2026-10-31"),
            repeat="monthly_last",
            repeat_count=6,
        ),
        EventPageFactory(
            parent=calendar,
            title="智能手机课堂",
            start_date=d("2026-11-01"),
            repeat="monthly_weekday",
            ordinal=1,
            ordinal_weekday=5,
            interval=2,
        ),
        EventPageFactory(
            parent=calendar,
            title="趣味运动会",
            start_date=d("2027-01-09"),
            end_date=d("2027-01-10"),
            all_day=True,
        ),
        EventPageFactory(
            parent=calendar,
            title="社区生日会",
            start_date=d("2024-02-29"),
            repeat="yearly",
            changes=[{"date": d("2028-02-29"), "new_start_time": datetime.time(15, 0)}],
        ),
        EventPageFactory(
            parent=calendar,
            title="露天电影",
            start_date=d("2026-12-06"),
            changes=[{"date": d("2026-12-06"), "cancelled": True, "note": "大风"}],
        ),
        EventPageFactory(
            parent=calendar,
            title="律师咨询",
            start_date=d("2026-12-10"),
            changes=[{"date": d("2026-12-10"), "new_date": d("2026-12-11")}],
        ),
    ]


@pytest.fixture
def freeze_today(monkeypatch):
    """The feed holds events with an occurrence near "today": make that 1 December 2026."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 12, 1))
