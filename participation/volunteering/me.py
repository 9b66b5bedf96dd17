"""What /me/ shows of volunteering: my shifts, my hours and entries, my certificates."""

from django.utils import timezone

from participation.volunteering import ledger, signups
from participation.volunteering.choices import SignUpStatus
from participation.volunteering.models import Certificate, SignUp

PAST_SHOWN = 20


def context(user):
    """The template context of ``includes/volunteer_me.html``."""
    now = timezone.now()
    mine = (
        SignUp.objects.filter(user=user)
        .exclude(status=SignUpStatus.CANCELLED)
        .select_related("shift__opportunity")
    )
    upcoming = list(
        signups.with_waitlist_positions(mine.filter(shift__ends_at__gt=now)).order_by(
            "shift__starts_at"
        )
    )
    return {
        "volunteer_upcoming": upcoming,
        "volunteer_past": list(
            mine.filter(shift__ends_at__lte=now).order_by("-shift__starts_at")[:PAST_SHOWN]
        ),
        "volunteer_balance": ledger.balance(user),
        "volunteer_entries": list(ledger.entries_for(user)[:50]),
        "volunteer_certificates": list(
            Certificate.objects.filter(account__user=user).order_by("-issued_on", "-pk")
        ),
    }


def _time(value):
    return value.isoformat() if value else None


def export_data(user):
    """The person's sign-ups, time-bank entries and certificates, for the data export."""
    return {
        "signups": [
            {
                "opportunity": s.shift.opportunity.title,
                "shift_starts_at": _time(s.shift.starts_at),
                "status": s.status,
                "signed_up_at": _time(s.created_at),
                "cancelled_at": _time(s.cancelled_at),
                "attendance": s.attendance,
                "checked_in_at": _time(s.checked_in_at),
            }
            for s in SignUp.objects.filter(user=user)
            .select_related("shift__opportunity")
            .order_by("pk")
        ],
        "time_bank_balance": str(ledger.balance(user)),
        "time_bank_entries": [
            {
                "time": _time(e.created_at),
                "kind": e.kind,
                "hours": str(e.hours),
                "service": e.description,
                "reason": e.reason,
            }
            for e in ledger.entries_for(user).order_by("created_at", "pk")
        ],
        "certificates": [
            {"number": c.number, "issued_on": c.issued_on.isoformat(), "hours": str(c.hours)}
            for c in Certificate.objects.filter(account__user=user).order_by("pk")
        ],
    }


def forget(user):
    """Before an account is deleted: give up its seats on coming shifts (the waiting
    list moves up), and take the name off its certificates. The sign-ups go with the
    user row; the ledger keeps its entries, on an account no longer linked to anyone."""
    now = timezone.now()
    coming = SignUp.objects.filter(
        user=user, shift__starts_at__gt=now, status__in=signups.HOLDING
    ).select_related("shift")
    for signup in coming:
        signups.cancel(signup, by=None, now=now, staff=True)
    Certificate.objects.filter(account__user=user).update(holder_name="")
