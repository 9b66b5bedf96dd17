"""Attendance: leaders and the committee mark a roster; volunteers check in by QR.

Attended credits the shift's hours to the time bank, once per sign-up. A no-show
marked before the start frees the seat through the promotion service. A check-in by
QR code is pending until a leader confirms it on the roster.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from participation.volunteering import ledger, signups
from participation.volunteering.choices import Attendance, SignUpStatus
from participation.volunteering.models import SignUp
from participation.volunteering.signups import SignUpRefused

CHECK_IN_OPENS_BEFORE = datetime.timedelta(minutes=30)


def check_in_open(starts_at, ends_at, now):
    """Volunteers can check in from half an hour before the start until the end. Pure."""
    return starts_at - CHECK_IN_OPENS_BEFORE <= now < ends_at


def check_in_token(shift):
    """The secret part of a shift's check-in address, shown only as the leader's QR."""
    return salted_hmac("volunteer-check-in", str(shift.pk)).hexdigest()[:20]


def valid_token(shift, token):
    return constant_time_compare(check_in_token(shift), token or "")


def mark(signup, outcome, by, now=None):
    """Mark one sign-up attended or no-show. Returns the sign-up as it now stands.

    Attended: only once the shift has started, for a confirmed sign-up; credits the
    hours once. No-show before the start: frees the seat (the next person moves up).
    Attended cannot become no-show here — that is a correction in the ledger.
    """
    now = now or timezone.now()
    with transaction.atomic():
        signup = SignUp.objects.select_related("shift__opportunity", "user").get(pk=signup.pk)
        shift = signup.shift
        if outcome == Attendance.NO_SHOW:
            if signup.attendance == Attendance.ATTENDED:
                raise SignUpRefused(
                    _(
                        "Hours were already credited for this attendance. To undo them, "
                        "add a correction to the time bank."
                    )
                )
            if now < shift.starts_at:
                signups.release_for_no_show(signup, by, now)
            elif signup.status == SignUpStatus.CONFIRMED:
                _set(signup, Attendance.NO_SHOW, by, now)
        elif outcome == Attendance.ATTENDED:
            if now < shift.starts_at:
                raise SignUpRefused(_("Attendance can be marked once the shift has started."))
            if signup.status != SignUpStatus.CONFIRMED:
                raise SignUpRefused(_("Only confirmed volunteers can be marked as attended."))
            _set(signup, Attendance.ATTENDED, by, now)
            ledger.credit_attendance(signup, by, now)
        else:
            raise SignUpRefused(_("Choose attended or did not come."), status=400)
        signup.refresh_from_db()
        return signup


def _set(signup, outcome, by, now):
    SignUp.objects.filter(pk=signup.pk).update(
        attendance=outcome, attendance_marked_at=now, attendance_marked_by=by
    )


def check_in(shift, user, now=None):
    """A volunteer who opens the shift's QR address logged in is checked in, pending
    the leader's confirmation. Returns the sign-up."""
    now = now or timezone.now()
    if not check_in_open(shift.starts_at, shift.ends_at, now):
        raise SignUpRefused(_("Check-in is open from 30 minutes before the start until the end."))
    signup = SignUp.objects.filter(shift=shift, user=user, status=SignUpStatus.CONFIRMED).first()
    if signup is None:
        raise SignUpRefused(_("You have no confirmed place on this shift."), status=403)
    SignUp.objects.filter(pk=signup.pk, attendance=Attendance.UNMARKED).update(
        attendance=Attendance.CHECKED_IN, checked_in_at=now
    )
    signup.refresh_from_db()
    return signup
