"""Expanding an event into dated occurrences: one pure function, ``occurrences``,
feeds the month grid, the event page and the iCal feed, so they cannot disagree.

Repetition follows RFC 5545 as calendar apps apply it (python-dateutil's ``rrule``
implements the same rules): monthly on day 31 skips the months that have no 31st,
yearly on 29 February only falls in leap years, and a count counts the dates the rule
produces. Yearly lunar (农历) dates have no FREQ in RFC 5545; the feed lists them as
RDATEs, :data:`LUNAR_YEARS` years from the first.
"""

import datetime
from dataclasses import dataclass, field

from dateutil import rrule

from home.events import lunar
from home.events.choices import Repeat

MAX_WINDOW_DAYS = 400  # the longest stretch one call expands
LUNAR_YEARS = 30  # how far ahead a yearly lunar event is listed
MAX_MOVE_DAYS = 60  # a moved occurrence stays this close to its original date
SEARCH_YEARS = 40  # how far ``next_occurrences`` looks


@dataclass(frozen=True)
class Rule:
    """How an event repeats, as the structured form in the admin records it."""

    repeat: str = Repeat.NONE
    interval: int = 1
    weekdays: tuple = ()
    ordinal: int | None = None
    ordinal_weekday: int | None = None
    lunar_month: int | None = None
    lunar_day: int | None = None
    until: datetime.date | None = None
    count: int | None = None


@dataclass(frozen=True)
class Change:
    """One occurrence cancelled, or moved/changed (new date, times, place, note)."""

    date: datetime.date
    cancelled: bool = False
    new_date: datetime.date | None = None
    new_start_time: datetime.time | None = None
    new_end_time: datetime.time | None = None
    location: str = ""
    note: str = ""


@dataclass(frozen=True)
class Occurrence:
    """One dated occurrence of an event, with any change applied."""

    event: object = field(compare=False, repr=False)
    original_date: datetime.date
    start_date: datetime.date
    end_date: datetime.date
    start_time: datetime.time | None
    end_time: datetime.time | None
    location: str
    cancelled: bool = False
    moved: bool = False
    note: str = ""

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def multi_day(self):
        return self.end_date > self.start_date

    def covers(self, date):
        return self.start_date <= date <= self.end_date

    @property
    def sort_key(self):
        return (self.start_date, self.start_time or datetime.time.min)


def _rrule(first, rule):
    """The dateutil rule for a Gregorian repetition, starting on ``first``."""
    kwargs = {
        "dtstart": datetime.datetime.combine(first, datetime.time()),
        "interval": max(rule.interval or 1, 1),
        "wkst": rrule.MO,
    }
    if rule.until:
        kwargs["until"] = datetime.datetime.combine(rule.until, datetime.time())
    elif rule.count:
        kwargs["count"] = rule.count
    if rule.repeat == Repeat.WEEKLY:
        return rrule.rrule(rrule.WEEKLY, byweekday=rule.weekdays or (first.weekday(),), **kwargs)
    if rule.repeat == Repeat.MONTHLY_DAY:
        return rrule.rrule(rrule.MONTHLY, bymonthday=first.day, **kwargs)
    if rule.repeat == Repeat.MONTHLY_LAST:
        return rrule.rrule(rrule.MONTHLY, bymonthday=-1, **kwargs)
    if rule.repeat == Repeat.MONTHLY_WEEKDAY:
        if rule.ordinal is None or rule.ordinal_weekday is None:
            # dateutil would search every month to the year 9999 for a weekday that
            # is not there (0.4 s a call; the admin preview of a form with this error
            # made 37 calls): an incomplete rule produces nothing and says so.
            raise ValueError("a monthly weekday rule needs its ordinal and its weekday")
        day = rrule.weekday(rule.ordinal_weekday)(rule.ordinal)
        return rrule.rrule(rrule.MONTHLY, byweekday=day, **kwargs)
    if rule.repeat == Repeat.YEARLY:
        return rrule.rrule(rrule.YEARLY, bymonth=first.month, bymonthday=first.day, **kwargs)
    raise ValueError(f"not a Gregorian repetition: {rule.repeat!r}")


def lunar_dates(first, rule):
    """Every date of a yearly lunar event from ``first`` on: the lunar date in each
    lunar year, for :data:`LUNAR_YEARS` years, within the rule's end."""
    dates = []
    for year in range(first.year - 1, first.year + LUNAR_YEARS):
        date = lunar.to_solar(year, rule.lunar_month, rule.lunar_day)
        if date is None or date < first:
            continue
        if rule.until and date > rule.until:
            break
        dates.append(date)
        if rule.count and len(dates) >= rule.count:
            break
    return dates


def dates_between(first, rule, start, end):
    """The dates the rule produces from ``first`` within [start, end], in order,
    before any change is applied."""
    if start > end:
        return []
    if not rule.repeat:
        return [first] if start <= first <= end else []
    if rule.repeat == Repeat.YEARLY_LUNAR:
        return [d for d in lunar_dates(first, rule) if start <= d <= end]
    found = _rrule(first, rule).between(
        datetime.datetime.combine(start, datetime.time()),
        datetime.datetime.combine(end, datetime.time()),
        inc=True,
    )
    return [moment.date() for moment in found]


def is_scheduled(first, rule, date):
    """Whether the rule itself produces ``date`` (a change must name such a date)."""
    return bool(dates_between(first, rule, date, date))


def first_date(first, rule):
    """The series' first date (where the rule starts producing), or None if none."""
    if not rule.repeat:
        return first
    if rule.repeat == Repeat.YEARLY_LUNAR:
        dates = lunar_dates(first, rule)
        return dates[0] if dates else None
    moment = _rrule(first, rule).after(datetime.datetime.combine(first, datetime.time()), inc=True)
    return moment.date() if moment else None


def _span(event):
    return ((event.end_date or event.start_date) - event.start_date).days


def changed_times(event, change):
    """The start and end time of a changed occurrence. A new start without a new end
    keeps the event's duration (to 23:59 at the latest)."""
    start, end = event.start_time, event.end_time
    if change.new_start_time:
        if end and not change.new_end_time:
            length = datetime.datetime.combine(datetime.date.min, end) - datetime.datetime.combine(
                datetime.date.min, start
            )
            shifted = datetime.datetime.combine(datetime.date.min, change.new_start_time) + length
            end = min(shifted, datetime.datetime.combine(datetime.date.min, datetime.time(23, 59)))
            end = end.time()
        start = change.new_start_time
    return start, change.new_end_time or end


def _apply(event, date, change):
    span = datetime.timedelta(days=_span(event))
    start_time = None if event.all_day else event.start_time
    end_time = None if event.all_day else event.end_time
    if change is None:
        return Occurrence(event, date, date, date + span, start_time, end_time, event.location)
    if change.cancelled:
        return Occurrence(
            event,
            date,
            date,
            date + span,
            start_time,
            end_time,
            event.location,
            cancelled=True,
            note=change.note,
        )
    new_date = change.new_date or date
    if not event.all_day:
        start_time, end_time = changed_times(event, change)
    return Occurrence(
        event,
        date,
        new_date,
        new_date + span,
        start_time,
        end_time,
        change.location or event.location,
        moved=True,
        note=change.note,
    )


def occurrences(event, start, end):
    """Every occurrence of ``event`` that overlaps the days [start, end], in order.

    ``event`` needs ``start_date``, ``end_date`` (None for one day), ``start_time``,
    ``end_time``, ``all_day``, ``location``, ``rule`` (a :class:`Rule`) and
    ``changes`` (:class:`Change` objects). Cancelled occurrences are kept, marked;
    a moved one appears on its new date. The window is capped at
    :data:`MAX_WINDOW_DAYS` days."""
    end = min(end, start + datetime.timedelta(days=MAX_WINDOW_DAYS))
    span = datetime.timedelta(days=_span(event))
    rule = event.rule
    changes = {change.date: change for change in event.changes}
    dates = set(dates_between(event.start_date, rule, start - span, end))
    for change in changes.values():
        moved_in = change.new_date and start - span <= change.new_date <= end
        if moved_in and is_scheduled(event.start_date, rule, change.date):
            dates.add(change.date)
    found = []
    for date in dates:
        occurrence = _apply(event, date, changes.get(date))
        if occurrence.end_date >= start and occurrence.start_date <= end:
            found.append(occurrence)
    return sorted(found, key=lambda o: o.sort_key)


def next_occurrences(event, after, limit=12):
    """The next ``limit`` occurrences that end on or after ``after`` (the admin's
    preview and the event page), looking up to :data:`SEARCH_YEARS` years ahead."""
    found = []
    start = after
    horizon = after + datetime.timedelta(days=365 * SEARCH_YEARS)
    if not event.rule.repeat:
        horizon = after + datetime.timedelta(
            days=MAX_MOVE_DAYS + max(0, (event.start_date - after).days)
        )
    elif event.rule.until:
        horizon = min(horizon, event.rule.until + datetime.timedelta(days=MAX_MOVE_DAYS))
    while len(found) < limit and start <= horizon:
        end = start + datetime.timedelta(days=MAX_WINDOW_DAYS - 1)
        found.extend(
            o for o in occurrences(event, start, end) if start == after or o.start_date >= start
        )
        start = end + datetime.timedelta(days=1)
    return found[:limit]
