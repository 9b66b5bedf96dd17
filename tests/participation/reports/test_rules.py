"""The pure rules of the report loop (no database)."""

import datetime

from participation.reports import rules
from participation.reports.choices import Category, Rating, Status, Visibility

T0 = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC)
H = datetime.timedelta(hours=1)


def test_the_loop_allows_only_its_steps():
    assert rules.may_follow(Status.PENDING, Status.ACCEPTED)
    assert not rules.may_follow(Status.PENDING, Status.DONE)
    assert rules.may_follow(Status.ACCEPTED, Status.DONE)
    assert rules.may_follow(Status.IN_PROGRESS, Status.DONE)
    assert rules.may_follow(Status.DONE, Status.REOPENED)
    assert rules.may_follow(Status.REOPENED, Status.IN_PROGRESS)
    assert not rules.may_follow(Status.RATED, Status.REOPENED)
    assert not rules.may_follow(Status.ACCEPTED, Status.ACCEPTED)


def test_due_time_depends_on_the_category():
    assert rules.due_at(Category.LIFT, T0) == T0 + 24 * H
    assert rules.due_at(Category.FACILITIES, T0) == T0 + 72 * H
    assert all(category in rules.DUE_HOURS for category in Category)


def test_escalation_is_due_at_six_hours_and_not_before():
    assert not rules.escalation_due(None, T0, T0 + 6 * H - datetime.timedelta(seconds=1), 6)
    assert rules.escalation_due(None, T0, T0 + 6 * H, 6)
    assert not rules.escalation_due(T0 + H, T0, T0 + 7 * H, 6)


def test_overdue_only_while_a_handler_works_on_it():
    due = T0 + 24 * H
    assert rules.is_overdue(Status.ACCEPTED, due, due)
    assert not rules.is_overdue(Status.ACCEPTED, due, due - datetime.timedelta(seconds=1))
    assert not rules.is_overdue(Status.DONE, due, due + H)
    assert not rules.is_overdue(Status.ACCEPTED, None, due)


def test_unsatisfied_reopens_once():
    assert rules.rating_outcome(Rating.UNSATISFIED, reopened_before=False) == Status.REOPENED
    assert rules.rating_outcome(Rating.UNSATISFIED, reopened_before=True) == Status.RATED
    assert rules.rating_outcome(Rating.SATISFIED, reopened_before=False) == Status.RATED


def test_disputes_are_private_by_default():
    assert rules.default_visibility(Category.DISPUTE) == Visibility.PRIVATE
    assert rules.default_visibility(Category.LIFT) == Visibility.PUBLIC


def test_scheduler_is_stale_without_a_recent_tick():
    assert rules.scheduler_stale(None, T0)
    assert not rules.scheduler_stale(T0 - 14 * datetime.timedelta(minutes=1), T0)
    assert rules.scheduler_stale(T0 - 16 * datetime.timedelta(minutes=1), T0)
