"""The time bank: attendance credits once, the table refuses UPDATE and DELETE at the
database, corrections are reversing entries, other credits need an approver."""

import datetime
from decimal import Decimal

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from participation.volunteering import attendance, ledger, signups
from participation.volunteering.choices import Attendance, EntryKind
from participation.volunteering.ledger import LedgerRefused
from participation.volunteering.models import LedgerEntry
from participation.volunteering.signups import SignUpRefused
from tests.factories.households import UserFactory
from tests.factories.volunteering import ShiftFactory, move_shift, volunteer

pytestmark = pytest.mark.django_db


@pytest.fixture
def attended():
    shift = ShiftFactory(hours=Decimal("2.5"))
    signup, _ = signups.sign_up(shift, volunteer())
    move_shift(shift, -datetime.timedelta(hours=3))
    return signup


def test_marking_attendance_twice_credits_the_hours_once(attended):
    leader = volunteer()
    attendance.mark(attended, Attendance.ATTENDED, leader)
    attendance.mark(attended, Attendance.ATTENDED, leader)
    assert LedgerEntry.objects.count() == 1
    entry = LedgerEntry.objects.get()
    assert (entry.kind, entry.hours, entry.recorded_by) == (
        EntryKind.ATTENDANCE,
        Decimal("2.5"),
        leader.username,
    )
    assert ledger.balance(attended.user) == Decimal("2.5")


def test_the_same_idempotency_key_cannot_be_inserted_twice(attended):
    attendance.mark(attended, Attendance.ATTENDED, None)
    entry = LedgerEntry.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(
            account=entry.account,
            kind=EntryKind.ATTENDANCE,
            hours=1,
            description="x",
            idempotency_key=entry.idempotency_key,
        )


def test_attendance_cannot_be_marked_before_the_start():
    shift = ShiftFactory()
    signup, _ = signups.sign_up(shift, volunteer())
    with pytest.raises(SignUpRefused):
        attendance.mark(signup, Attendance.ATTENDED, None)
    assert not LedgerEntry.objects.exists()


def test_attended_cannot_become_no_show_on_the_roster(attended):
    attendance.mark(attended, Attendance.ATTENDED, None)
    with pytest.raises(SignUpRefused, match="更正"):
        attendance.mark(attended, Attendance.NO_SHOW, None)
    attended.refresh_from_db()
    assert attended.attendance == Attendance.ATTENDED


def test_a_no_show_after_the_start_credits_nothing(attended):
    attendance.mark(attended, Attendance.NO_SHOW, None)
    attended.refresh_from_db()
    assert attended.attendance == Attendance.NO_SHOW
    assert not LedgerEntry.objects.exists()


def test_a_sign_up_sheet_with_no_hours_credits_nothing():
    shift = ShiftFactory(hours=0, capacity=30)
    signup, _ = signups.sign_up(shift, volunteer())
    move_shift(shift, -datetime.timedelta(hours=3))
    attendance.mark(signup, Attendance.ATTENDED, None)
    assert not LedgerEntry.objects.exists()


def test_update_on_the_ledger_table_fails_at_the_database(attended):
    attendance.mark(attended, Attendance.ATTENDED, None)
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerEntry.objects.update(hours=100)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE participation_ledgerentry SET hours = 100")
    assert LedgerEntry.objects.get().hours == Decimal("2.5")


def test_delete_on_the_ledger_table_fails_at_the_database(attended):
    attendance.mark(attended, Attendance.ATTENDED, None)
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerEntry.objects.all().delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM participation_ledgerentry")
    assert LedgerEntry.objects.count() == 1


def test_a_correction_is_a_reversing_entry_pointing_at_the_original(attended):
    attendance.mark(attended, Attendance.ATTENDED, None)
    original = LedgerEntry.objects.get()
    staff = UserFactory(is_staff=True)
    reversal = ledger.reverse(original, "记错了人", staff)
    assert (reversal.kind, reversal.hours, reversal.reverses_id, reversal.reason) == (
        EntryKind.REVERSAL,
        Decimal("-2.5"),
        original.pk,
        "记错了人",
    )
    assert ledger.balance(attended.user) == 0
    assert LedgerEntry.objects.count() == 2
    with pytest.raises(LedgerRefused):
        ledger.reverse(original, "again", staff)
    with pytest.raises(LedgerRefused):
        ledger.reverse(reversal, "undo the undo", staff)
    with pytest.raises(LedgerRefused):
        ledger.reverse(original, "  ", staff)
    assert LedgerEntry.objects.count() == 2


def test_other_credits_need_a_reason_an_approver_and_sensible_hours():
    resident, clerk, approver = volunteer(), UserFactory(), UserFactory(is_staff=True)
    entry = ledger.record_other(resident, "1", "帮邻居买菜", "王奶奶腿脚不便", clerk, approver)
    assert (entry.kind, entry.approved_by) == (EntryKind.OTHER, approver.username)
    for hours, reason, who in [("0", "r", approver), ("25", "r", approver), ("1", "", approver)]:
        with pytest.raises(LedgerRefused):
            ledger.record_other(resident, hours, "帮邻居买菜", reason, clerk, who)
    with pytest.raises(LedgerRefused):
        ledger.record_other(resident, "1", "帮邻居买菜", "r", clerk, None)
    assert ledger.balance(resident) == 1


def test_the_database_refuses_an_other_credit_without_approver():
    account = ledger.account_for(volunteer())
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(account=account, kind=EntryKind.OTHER, hours=1, description="x")
