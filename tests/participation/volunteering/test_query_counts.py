"""The volunteering lists answer in a pinned number of queries with 2 items or 50, as
tests/portal/test_query_counts.py pins the public pages: /me/ with a volunteer's
sign-ups (waiting-list positions included), the shift rows of /volunteer/<id>/, and the
admin's sign-up and time-bank lists. A change that adds a query per sign-up, shift or
entry fails here at 50 (and one more per page fails at 2)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation.volunteering import attendance, certificates, ledger, signups
from participation.volunteering.choices import Attendance, EntryKind, SignUpStatus
from participation.volunteering.models import LedgerEntry
from tests.factories.volunteering import (
    OpportunityFactory,
    ShiftFactory,
    move_shift,
    volunteer,
)

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)
COUNTS = [2, 50]
# url kind → queries, the same for 2 items and for 50
PINNED = {"me": 22, "opportunity": 13, "admin_signups": 15, "admin_ledger": 12}


def queries(client, url):
    client.get(url)  # warm Wagtail's site and settings caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def waitlisted_behind(shift, user, ahead):
    """``user`` on ``shift`` behind ``ahead``, who holds its one seat."""
    signups.sign_up(shift, ahead)
    signup, _ = signups.sign_up(shift, user)
    assert signup.status == SignUpStatus.WAITLISTED
    return signup


@pytest.mark.parametrize("count", COUNTS)
def test_me_with_volunteer_sign_ups_needs_the_same_queries_for_2_and_50(client, home, count):
    user, ahead = volunteer(), volunteer()
    for n in range(count):
        coming = ShiftFactory(capacity=1, opportunity__title=f"楼道清洁{n}")
        if n % 2:
            waitlisted_behind(coming, user, ahead)
        else:
            signups.sign_up(coming, user)
        past = ShiftFactory(opportunity__title=f"敬老助餐{n}")
        signup, _ = signups.sign_up(past, user)
        move_shift(past, -3 * HOUR - n * HOUR)
        attendance.mark(signup, Attendance.ATTENDED, None)
    certificates.issue(user)
    client.force_login(user)
    found, html = queries(client, "/me/")
    assert found == PINNED["me"]
    assert html.count('class="me-shift ') == count
    assert html.count("候补第 1 位") == count // 2
    assert f"累计：<strong>{2 * count}</strong> 小时" in html


@pytest.mark.parametrize("count", COUNTS)
def test_the_shift_rows_of_an_opportunity_need_the_same_queries_for_2_and_50(client, home, count):
    """A volunteer who also leads the team: every row has their sign-up (every other
    one waitlisted, with its position) and the roster link; each confirmed row warns
    of the long shift elsewhere that overlaps it."""
    opportunity = OpportunityFactory(title="垃圾分类督导")
    user, ahead = volunteer(), volunteer()
    opportunity.team.leaders.add(user)
    first = timezone.now() + datetime.timedelta(days=3)
    elsewhere = ShiftFactory(
        opportunity__title="暑托班", starts_at=first - HOUR, ends_at=first + 2 * count * HOUR
    )
    signups.sign_up(elsewhere, user)
    for n in range(count):
        start = first + 2 * n * HOUR
        shift = ShiftFactory(
            opportunity=opportunity, capacity=1, starts_at=start, ends_at=start + HOUR
        )
        if n % 2:
            waitlisted_behind(shift, user, ahead)
        else:
            signups.sign_up(shift, user)
    client.force_login(user)
    found, html = queries(client, f"/volunteer/{opportunity.pk}/")
    assert found == PINNED["opportunity"]
    assert html.count('class="shift"') == count
    assert html.count("您是候补第 1 位") == count // 2
    assert html.count("时间重叠") == (count + 1) // 2
    assert html.count("/roster/") == count


@pytest.mark.parametrize("count", COUNTS)
def test_the_admin_sign_up_list_needs_the_same_queries_for_2_and_50(client, committee, home, count):
    """One sign-up per shift, each shift in the list's shift filter."""
    for n in range(count):
        signups.sign_up(ShiftFactory(opportunity__title=f"敬老助餐{n}"), volunteer())
    client.force_login(committee)
    found, html = queries(client, "/admin/volunteer_signups/")
    assert found == PINNED["admin_signups"]
    assert html.count("/admin/volunteer_signups/cancel/") == min(count, 20)  # one page


@pytest.mark.parametrize("count", COUNTS)
def test_the_admin_ledger_list_needs_the_same_queries_for_2_and_50(client, committee, home, count):
    """Attendance credits of different people, every other one corrected."""
    for n in range(count):
        shift = ShiftFactory(opportunity__title=f"敬老助餐{n}")
        signup, _ = signups.sign_up(shift, volunteer())
        move_shift(shift, -3 * HOUR)
        attendance.mark(signup, Attendance.ATTENDED, None)
        if n % 2:
            entry = ledger.entries_for(signup.user).get()
            ledger.reverse(entry, "记错了人", committee)
    client.force_login(committee)
    found, html = queries(client, "/admin/volunteer_ledger/")
    assert found == PINNED["admin_ledger"]
    total = count + count // 2
    assert LedgerEntry.objects.count() == total
    shown = list(LedgerEntry.objects.order_by("-created_at", "-pk")[:20])  # one page
    corrections = [e for e in shown if e.kind == EntryKind.REVERSAL]
    assert html.count("/admin/volunteer_ledger/reverse/") == len(shown) - len(corrections)
    assert html.count("记错了人") == len(corrections) > 0
