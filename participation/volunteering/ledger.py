"""The time bank (时间银行): an insert-only ledger of hours per resident.

A balance is the sum of a person's entries. Attendance credits a shift's hours once
per sign-up (the entry's ``idempotency_key`` is unique), so marking attendance twice
never credits twice. A correction is a reversing entry that points at the original
(one per original, a one-to-one key) with a reason; the committee records other
service (帮邻居买菜, 1 hour) with a reason and an approver. Nothing is ever updated or
deleted — the database refuses it (``ledger_sql.py``).
"""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.volunteering.choices import EntryKind
from participation.volunteering.models import LedgerEntry, TimeBankAccount

MAX_OTHER_HOURS = Decimal("24")


class LedgerRefused(Exception):
    """An entry that cannot be recorded; the message is for the person recording it."""


def balance_of(hours):
    """The balance of a list of entry hours (credits positive, reversals negative). Pure."""
    return sum((Decimal(h) for h in hours), Decimal(0))


def account_for(user):
    account, _created = TimeBankAccount.objects.get_or_create(user=user)
    return account


def balance(user):
    total = LedgerEntry.objects.filter(account__user=user).aggregate(total=Sum("hours"))["total"]
    return total or Decimal(0)


def entries_for(user):
    return (
        LedgerEntry.objects.filter(account__user=user)
        .select_related("shift__opportunity", "reverses")
        .order_by("-created_at", "-pk")
    )


def _insert(**fields):
    """Insert in a savepoint: a lost race on a unique key leaves the caller's
    transaction usable. Returns the entry, or ``None`` when the key already exists."""
    try:
        with transaction.atomic():
            return LedgerEntry.objects.create(**fields)
    except IntegrityError:
        return None


def credit_attendance(signup, by, now=None):
    """Credit the shift's hours for an attended sign-up, once. Returns the new entry,
    or ``None`` when it was already credited or the shift credits no hours."""
    shift = signup.shift
    if shift.hours <= 0:
        return None
    return _insert(
        account=account_for(signup.user),
        kind=EntryKind.ATTENDANCE,
        hours=shift.hours,
        description=shift.opportunity.title[:200],
        shift=shift,
        idempotency_key=f"attendance:{signup.pk}",
        recorded_by=_name(by),
        created_at=now or timezone.now(),
    )


def _name(user):
    return user.get_username() if user is not None else ""


def record_other(user, hours, description, reason, recorded_by, approved_by, now=None):
    """Other service the committee credits by hand, with a reason and an approver."""
    hours = Decimal(hours)
    if not Decimal("0") < hours <= MAX_OTHER_HOURS:
        raise LedgerRefused(_("Hours must be more than 0 and at most 24."))
    if not (reason or "").strip() or not (description or "").strip():
        raise LedgerRefused(_("Say what the service was and why it is credited."))
    if approved_by is None:
        raise LedgerRefused(_("Name who approved this credit."))
    return LedgerEntry.objects.create(
        account=account_for(user),
        kind=EntryKind.OTHER,
        hours=hours,
        description=description.strip()[:200],
        reason=reason.strip()[:200],
        recorded_by=_name(recorded_by),
        approved_by=_name(approved_by),
        created_at=now or timezone.now(),
    )


def reverse(entry, reason, by, now=None):
    """Correct ``entry`` with an entry of the opposite hours, once, with a reason."""
    if entry.kind == EntryKind.REVERSAL:
        raise LedgerRefused(_("A correction cannot itself be corrected; record a new entry."))
    if not (reason or "").strip():
        raise LedgerRefused(_("Give the reason for the correction."))
    reversal = _insert(
        account_id=entry.account_id,
        kind=EntryKind.REVERSAL,
        hours=-entry.hours,
        description=entry.description,
        reason=reason.strip()[:200],
        shift_id=entry.shift_id,
        reverses=entry,
        idempotency_key=f"reversal:{entry.pk}",
        recorded_by=_name(by),
        created_at=now or timezone.now(),
    )
    if reversal is None:
        raise LedgerRefused(_("This entry has already been corrected."))
    return reversal
