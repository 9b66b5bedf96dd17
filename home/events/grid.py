"""The month grid: weeks from Monday, each day with its 农历 label and occurrences,
expanded from events fetched once (no query per event or per day)."""

import calendar
import datetime
from dataclasses import dataclass, field

from home.events import lunar
from home.events.recurrence import occurrences

YEAR_WINDOW = 10  # the calendar shows this many years either side of today


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    label: str
    occurrences: list = field(default_factory=list)

    @property
    def is_weekend(self):
        return self.date.weekday() >= 5


def in_window(year, today):
    """Whether ``year`` lies within YEAR_WINDOW years of today (crawlers stop there)."""
    return abs(year - today.year) <= YEAR_WINDOW


def shift_month(year, month, delta):
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_weeks(year, month, events, today):
    """The weeks (Monday first) that show ``month``, filled with the events'
    occurrences; a multi-day occurrence appears on each of its days."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    start, end = weeks[0][0], weeks[-1][-1]
    found = [o for event in events for o in occurrences(event, start, end)]
    found.sort(key=lambda o: o.sort_key)
    grid = []
    for week in weeks:
        row = []
        for date in week:
            day = Day(date, date.month == month, date == today, lunar.day_label(date))
            day.occurrences = [o for o in found if o.covers(date)]
            row.append(day)
        grid.append(row)
    return grid


def upcoming(events, today, limit=10, days=90):
    """The next ``limit`` occurrences from today within ``days`` days."""
    end = today + datetime.timedelta(days=days)
    found = [o for event in events for o in occurrences(event, today, end)]
    return sorted(found, key=lambda o: o.sort_key)[:limit]


def past(events, today, days=365):
    """Occurrences of the last ``days`` days before today, newest first."""
    start = today - datetime.timedelta(days=days)
    yesterday = today - datetime.timedelta(days=1)
    found = [
        o
        for event in events
        for o in occurrences(event, start, yesterday)
        if o.end_date <= yesterday
    ]
    return sorted(found, key=lambda o: o.sort_key, reverse=True)
