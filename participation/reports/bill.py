"""The month's 幸福账单 (happiness bill): figures from a month's reports, as a pure
function of plain rows so it can be checked against a hand-counted fixture.

Decisions (README, "Resident reports"):

- The bill is about the reports **received** in the month (by ``created_at`` in the
  community's time zone). "Closed" counts those of them that reached 已办结 at least
  once (``done_at`` set) and were not reopened since — a reopened report is open again.
- Median time to accept: over the month's accepted reports, ``accepted_at -
  created_at``; median time to close: over the closed ones, ``done_at - created_at``.
  An even count takes the mean of the two middle values (statistics.median).
- Within due time: closed reports with ``done_at <= due_at``, as a share of closed.
- Satisfaction: 满意 and 基本满意 over all rated reports (the final rating counts;
  a report not yet rated is not in the denominator).
- Shares are exact fractions; pages round them to whole per cent only for display.
"""

import datetime
import statistics
from dataclasses import dataclass, field
from fractions import Fraction

from participation.reports.choices import SATISFIED_RATINGS, Category, Status
from participation.reports.rules import closed_in_time


@dataclass(frozen=True)
class Row:
    """One report as the bill sees it."""

    category: str
    created_at: datetime.datetime
    accepted_at: datetime.datetime | None = None
    done_at: datetime.datetime | None = None
    due_at: datetime.datetime | None = None
    rating: str = ""
    status: str = Status.PENDING


@dataclass
class Figures:
    received: int = 0
    closed: int = 0
    median_accept: datetime.timedelta | None = None
    median_close: datetime.timedelta | None = None
    in_time: Fraction | None = None
    satisfaction: Fraction | None = None
    rated: int = 0
    by_category: list = field(default_factory=list)  # (category, received, closed)


def _median(values):
    if not values:
        return None
    seconds = statistics.median(v.total_seconds() for v in values)
    return datetime.timedelta(seconds=seconds)


def _share(part, whole):
    return Fraction(part, whole) if whole else None


def is_closed(row):
    return row.done_at is not None and row.status in (Status.DONE, Status.RATED)


def month_figures(rows):
    """The 幸福账单 figures of the month whose received reports are ``rows``."""
    rows = list(rows)
    closed = [r for r in rows if is_closed(r)]
    accepted = [r for r in rows if r.accepted_at is not None]
    rated = [r for r in rows if r.rating]
    by_category = []
    for category in Category:
        received = [r for r in rows if r.category == category]
        if received:
            by_category.append((category, len(received), sum(1 for r in received if is_closed(r))))
    return Figures(
        received=len(rows),
        closed=len(closed),
        median_accept=_median([r.accepted_at - r.created_at for r in accepted]),
        median_close=_median([r.done_at - r.created_at for r in closed]),
        in_time=_share(sum(1 for r in closed if closed_in_time(r.done_at, r.due_at)), len(closed)),
        satisfaction=_share(sum(1 for r in rated if r.rating in SATISFIED_RATINGS), len(rated)),
        rated=len(rated),
        by_category=by_category,
    )


def percent(share):
    """A share as whole per cent for display (half up), or ``None``."""
    if share is None:
        return None
    return int(share * 100 + Fraction(1, 2))


def month_bounds(year, month, tz):
    """The first instant of the month and of the next, in the community's time zone."""
    start = datetime.datetime(year, month, 1, tzinfo=tz)
    end = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
    return start, end


def duration_text(value):
    """A duration as a person reads it: 3 天 4 小时, 2 小时 15 分, 40 分钟."""
    from django.utils.translation import gettext as _

    if value is None:
        return "—"
    minutes = int(value.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return _("%(days)d d %(hours)d h") % {"days": days, "hours": hours}
    if hours:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    return _("%(minutes)d min") % {"minutes": minutes}
