"""The rules of the report loop as pure functions (no database, no clock of their own).

Each function cites the rule of issue 17 it encodes; views, the admin, the scheduler
and the tests all ask these, so a rule lives in one place.
"""

import datetime

from participation.reports.choices import (
    RUNNING_STATUSES,
    TRANSITIONS,
    Category,
    Rating,
    Status,
    Visibility,
)
from participation.trail import allowed_next

# Hours from acceptance to the due time, per category (issue 17: "a due time per
# category"). Lifts and hazards are same-day work; a dispute needs time to talk.
DUE_HOURS = {
    Category.LIFT: 24,
    Category.UTILITIES: 24,
    Category.SAFETY: 24,
    Category.SANITATION: 48,
    Category.NOISE: 48,
    Category.FACILITIES: 72,
    Category.DISPUTE: 120,
    Category.OTHER: 72,
}

# 邻里纠纷 is private by default (issue 17): a dispute names a neighbour.
PRIVATE_BY_DEFAULT = frozenset({Category.DISPUTE})


def due_at(category, accepted_at):
    """The due time: acceptance plus the category's hours (``DUE_HOURS``)."""
    return accepted_at + datetime.timedelta(hours=DUE_HOURS[category])


def may_follow(current, new):
    """``new`` may follow ``current`` in the loop (``choices.TRANSITIONS``)."""
    return new in allowed_next(current, TRANSITIONS)


def escalation_due(accepted_at, created_at, now, hours):
    """六小时督办: a report not accepted within ``hours`` (a site setting, 6 by default)
    of being made goes to the committee's 督办 queue. The bound is included: at exactly
    six hours it is due."""
    return accepted_at is None and now - created_at >= datetime.timedelta(hours=hours)


def is_overdue(status, due, now):
    """Past its due time while a handler still works on it → escalated again (issue 17,
    "past its due time → escalated again"). A report without a due time is not."""
    return status in RUNNING_STATUSES and due is not None and now >= due


def may_reopen(rating, reopened_before):
    """不满意 reopens a report once (issue 17, "reopens it once with a reason"); a second
    不满意 is recorded as the rating and the report is closed."""
    return rating == Rating.UNSATISFIED and not reopened_before


def rating_outcome(rating, reopened_before):
    """The status a rating leads to: reopened (once, for 不满意) or rated (final)."""
    return Status.REOPENED if may_reopen(rating, reopened_before) else Status.RATED


def closed_in_time(done_at, due):
    """Closed within its due time: 已办结 at or before the due time."""
    return done_at is not None and due is not None and done_at <= due


def scheduler_stale(last_run, now, minutes=15):
    """The scheduler should tick every minute; without a tick for ``minutes`` the admin
    says the 督办 escalation is not running (issue 17, "when the scheduler does not run,
    say so in the admin")."""
    return last_run is None or now - last_run > datetime.timedelta(minutes=minutes)


def default_visibility(category):
    """Public on the board, except 邻里纠纷, private by default (issue 17)."""
    return Visibility.PRIVATE if category in PRIVATE_BY_DEFAULT else Visibility.PUBLIC
