"""Capacity under concurrency, with real threads and connections: 500 simultaneous
sign-ups for 50 seats confirm exactly 50 and waitlist 450 in order of arrival, and
simultaneous cancellations promote each waitlisted person at most once.

Runs on whatever database the suite runs on: SQLite (a file, IMMEDIATE transactions,
busy timeout) under `make test`, PostgreSQL in the second half of CI.
"""

import time

from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.utils import timezone

from participation.residents.models import ResidentProfile
from participation.volunteering import signups
from participation.volunteering.choices import SignUpStatus
from participation.volunteering.models import Shift, SignUp
from participation.volunteering.signups import SignUpRefused
from tests import concurrency
from tests.factories.households import UnitFactory
from tests.factories.volunteering import ShiftFactory

SIGN_UPS = 500
SEATS = 50
# SQLite queues writers on a busy timeout that is not first-come-first-served: more
# threads than this can starve one past the timeout on a loaded machine.
THREADS = 10 if connection.vendor == "sqlite" else 50


def run_concurrently(attempt, count, threads=THREADS):
    """Each outcome is the sign-up's status, or "refused"."""
    return concurrency.run_concurrently(attempt, count, threads=threads, refused=SignUpRefused)


def make_volunteers(count):
    """Verified residents in bulk (one flat will do: the rule asks only for verified)."""
    unit = UnitFactory()
    users = get_user_model().objects.bulk_create(
        [
            get_user_model()(username=f"v{n:04d}", email=f"v{n:04d}@example.com")
            for n in range(count)
        ]
    )
    now = timezone.now()
    ResidentProfile.objects.bulk_create(
        [ResidentProfile(user=u, unit=unit, verified_at=now, relation="family") for u in users]
    )
    return list(get_user_model().objects.filter(username__startswith="v").order_by("username"))


def test_500_concurrent_sign_ups_for_50_seats_confirm_exactly_50(transactional_db):
    shift = ShiftFactory(capacity=SEATS)
    people = make_volunteers(SIGN_UPS)
    started = time.monotonic()
    outcomes = run_concurrently(lambda n: signups.sign_up(shift, people[n])[0].status, SIGN_UPS)
    elapsed = time.monotonic() - started
    print(f"\n{SIGN_UPS} sign-ups, {THREADS} threads, {connection.vendor}: {elapsed:.1f}s")
    assert sorted(set(outcomes)) == ["confirmed", "waitlisted"], set(outcomes)
    assert outcomes.count("confirmed") == SEATS
    assert outcomes.count("waitlisted") == SIGN_UPS - SEATS
    assert Shift.objects.get(pk=shift.pk).taken == SEATS
    rows = list(SignUp.objects.filter(shift=shift).order_by("pk").values_list("status", flat=True))
    assert rows == ["confirmed"] * SEATS + ["waitlisted"] * (SIGN_UPS - SEATS)  # FIFO


def test_concurrent_cancellations_promote_each_waitlisted_person_at_most_once(transactional_db):
    shift = ShiftFactory(capacity=10)
    people = make_volunteers(30)
    for person in people:
        signups.sign_up(shift, person)
    cancelled = list(SignUp.objects.filter(shift=shift).order_by("pk")[:5])
    mail.outbox.clear()

    def attempt(n):  # each of five sign-ups cancelled by four threads at once
        target = cancelled[n % 5]
        return signups.cancel(target, by=target.user).status

    outcomes = run_concurrently(attempt, 20, threads=20)
    assert outcomes == ["cancelled"] * 20, outcomes
    rows = list(SignUp.objects.filter(shift=shift).order_by("pk"))
    assert [r.status for r in rows] == (
        ["cancelled"] * 5 + ["confirmed"] * 10 + ["waitlisted"] * 15
    )
    promoted = [r for r in rows if r.promoted_at is not None]
    assert [r.pk for r in promoted] == [r.pk for r in rows[10:15]]
    assert Shift.objects.get(pk=shift.pk).taken == 10
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.user.email for r in promoted)
    assert SignUp.objects.filter(status=SignUpStatus.WAITLISTED).count() == 15
