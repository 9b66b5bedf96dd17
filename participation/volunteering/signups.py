"""Signing up, cancelling and the waiting list: the one promotion service.

Every change of seats happens inside ``transaction.atomic`` with the shift's row
locked (``select_for_update``; on SQLite the IMMEDIATE transaction is the lock), and
the counter moves only by conditional UPDATEs (``taken < capacity`` to take a seat,
``status = <what was read>`` to give one back), with a check constraint behind them.
So 500 simultaneous sign-ups for 50 seats confirm exactly 50, and two simultaneous
cancellations of one sign-up free one seat and promote one person.

Every path that frees a seat — the volunteer cancels, a leader or the committee
cancels them, an offer expires, capacity is raised, a no-show is marked before the
start — ends in :func:`_promote`, in the same transaction: the first on the waiting
list (by order of arrival) gets the seat, once, and an e-mail after commit. Within
``VOLUNTEER_OFFER_BEFORE_HOURS`` (24 h) of the start the seat is offered for
``VOLUNTEER_CLAIM_HOURS`` instead of confirmed: someone who joined the list days ago
may not be free any more.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, F, IntegerField, OuterRef, Subquery, When
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.permissions import is_verified_resident
from participation.volunteering.choices import SignUpStatus
from participation.volunteering.models import HOLDING, Shift, SignUp
from portal.page_cache import invalidate


class SignUpRefused(Exception):
    """A refused sign-up, cancellation or claim; the message is for the person."""

    def __init__(self, message, status=409):
        super().__init__(message)
        self.status = status


def offer_before():
    return datetime.timedelta(hours=getattr(settings, "VOLUNTEER_OFFER_BEFORE_HOURS", 24))


def claim_window():
    return datetime.timedelta(hours=getattr(settings, "VOLUNTEER_CLAIM_HOURS", 3))


def promotion_terms(starts_at, now, before=None, window=None):
    """How a freed seat goes to the first on the waiting list: ``(status, offered_until)``.

    Confirmed at once when the shift is more than ``before`` away; otherwise offered
    until ``now + window`` or the start, whichever comes first. Pure.
    """
    before = offer_before() if before is None else before
    window = claim_window() if window is None else window
    if starts_at - now > before:
        return SignUpStatus.CONFIRMED, None
    return SignUpStatus.OFFERED, min(now + window, starts_at)


def overlaps(start_a, end_a, start_b, end_b):
    """Two time ranges share some time (touching ends do not count). Pure."""
    return start_a < end_b and start_b < end_a


def signup_refusal(user, shift, now):
    """Why ``user`` cannot sign up for ``shift`` now, or ``None``."""
    if not getattr(user, "is_authenticated", False):
        return _("Log in to sign up.")
    if not is_verified_resident(user):
        return _("Only verified residents can sign up. Verify your household on your page first.")
    if not shift.opportunity.published:
        return _("This opportunity is not open for sign-ups.")
    if now >= shift.starts_at:
        return _("This shift has already started.")
    if now >= shift.signup_closes_at():
        return _("Sign-ups for this shift closed on %(when)s.") % {
            "when": _when(shift.signup_closes_at())
        }
    return None


def _when(value):
    from django.utils import formats

    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def _locked(shift_pk):
    return (
        Shift.objects.select_for_update(of=("self",)).select_related("opportunity").get(pk=shift_pk)
    )


def _take_seat(shift):
    return Shift.objects.filter(pk=shift.pk, taken__lt=F("capacity")).update(taken=F("taken") + 1)


def _give_back_seat(shift):
    Shift.objects.filter(pk=shift.pk, taken__gt=0).update(taken=F("taken") - 1)


def sign_up(shift, user, now=None):
    """Sign ``user`` up: confirmed while seats remain, waitlisted after.

    Returns ``(signup, created)``; a second submission returns the first sign-up
    (idempotent). Raises :class:`SignUpRefused` when the person or the time is wrong.
    """
    now = now or timezone.now()
    if refusal := signup_refusal(user, shift, now):  # also reads the profile before the lock
        raise SignUpRefused(refusal, status=403)
    with transaction.atomic():
        shift = _locked(shift.pk)
        refusal = signup_refusal(user, shift, now)
        if refusal:
            raise SignUpRefused(refusal, status=403)
        _expire_offers_locked(shift, now)
        existing = SignUp.objects.filter(shift=shift, user=user).exclude(
            status=SignUpStatus.CANCELLED
        )
        if first := existing.first():
            return first, False
        try:
            with transaction.atomic():
                signup = SignUp.objects.create(
                    shift=shift, user=user, status=SignUpStatus.WAITLISTED, created_at=now
                )
        except IntegrityError:
            return existing.get(), False
        invalidate()  # seats left changed through UPDATEs, which send no signals
        queue_empty = not SignUp.objects.filter(
            shift=shift, status=SignUpStatus.WAITLISTED, pk__lt=signup.pk
        ).exists()
        if queue_empty and _take_seat(shift):
            SignUp.objects.filter(pk=signup.pk).update(
                status=SignUpStatus.CONFIRMED, confirmed_at=now
            )
            signup.status, signup.confirmed_at = SignUpStatus.CONFIRMED, now
        return signup, True


def _promote(shift, now):
    """Give free seats of ``shift`` (locked) to the waiting list, first come first
    served, each person once. Returns the promoted sign-ups' keys."""
    from participation.volunteering.tasks import send_promotion_mail

    promoted = []
    if now >= shift.starts_at:
        return promoted
    while True:
        first = (
            SignUp.objects.filter(shift=shift, status=SignUpStatus.WAITLISTED)
            .order_by("pk")
            .first()
        )
        if first is None or not _take_seat(shift):
            break
        status, until = promotion_terms(shift.starts_at, now)
        moved = SignUp.objects.filter(pk=first.pk, status=SignUpStatus.WAITLISTED).update(
            status=status,
            offered_until=until,
            promoted_at=now,
            confirmed_at=now if status == SignUpStatus.CONFIRMED else None,
        )
        if not moved:
            _give_back_seat(shift)
            continue
        promoted.append(first.pk)
    for pk in promoted:
        transaction.on_commit(lambda pk=pk: send_promotion_mail.enqueue(pk))
    return promoted


def _release(shift, signup, now, by=None, **fields):
    """Cancel ``signup`` (as read under the lock) and, if it held a seat, promote."""
    moved = SignUp.objects.filter(pk=signup.pk, status=signup.status).update(
        status=SignUpStatus.CANCELLED,
        cancelled_at=now,
        cancelled_by=by,
        offered_until=None,
        **fields,
    )
    if moved and signup.status in HOLDING:
        invalidate()
        _give_back_seat(shift)
        return _promote(shift, now)
    return []


def cancel(signup, by, now=None, staff=False):
    """Cancel a sign-up. The volunteer may until the cancel deadline (a waitlisted
    place until the start); a leader or the committee (``staff``) at any time.
    Cancelling twice is harmless. Returns the sign-up as it now stands."""
    now = now or timezone.now()
    with transaction.atomic():
        shift = _locked(signup.shift_id)
        signup = SignUp.objects.get(pk=signup.pk)
        if signup.status == SignUpStatus.CANCELLED:
            return signup
        if not staff:
            if by is None or by.pk != signup.user_id:
                raise SignUpRefused(_("You can only cancel your own sign-up."), status=403)
            if now >= shift.starts_at:
                raise SignUpRefused(_("This shift has already started."))
            if signup.status in HOLDING and now >= shift.cancel_closes_at():
                raise SignUpRefused(
                    _(
                        "The cancel deadline (%(when)s) has passed. Please call the team "
                        "leader if you cannot come."
                    )
                    % {"when": _when(shift.cancel_closes_at())}
                )
        _release(shift, signup, now, by=by)
        signup.refresh_from_db()
        return signup


def claim_offer(signup, user, now=None):
    """Take up an offered seat within its claim window. Claiming twice is harmless."""
    now = now or timezone.now()
    with transaction.atomic():
        shift = _locked(signup.shift_id)
        signup = SignUp.objects.get(pk=signup.pk)
        if signup.user_id != user.pk:
            raise SignUpRefused(_("This offer is for someone else."), status=403)
        if signup.status == SignUpStatus.CONFIRMED:
            return signup
        if signup.status != SignUpStatus.OFFERED:
            raise SignUpRefused(_("There is no seat on offer for you on this shift."))
        expired = signup.offered_until <= now
        if expired:  # hand it on, and commit that, before refusing
            _release(shift, signup, now)
        else:
            SignUp.objects.filter(pk=signup.pk, status=SignUpStatus.OFFERED).update(
                status=SignUpStatus.CONFIRMED, confirmed_at=now, offered_until=None
            )
    if expired:
        raise SignUpRefused(_("Sorry, the offer has expired and the seat went to the next person."))
    signup.refresh_from_db()
    return signup


def _expire_offers_locked(shift, now):
    promoted = []
    for signup in SignUp.objects.filter(
        shift=shift, status=SignUpStatus.OFFERED, offered_until__lte=now
    ):
        promoted += _release(shift, signup, now)
    return promoted


def expire_offers(now=None):
    """Offers whose claim window has passed go to the next person (``volunteer_schedule``)."""
    now = now or timezone.now()
    shift_ids = set(
        SignUp.objects.filter(status=SignUpStatus.OFFERED, offered_until__lte=now).values_list(
            "shift_id", flat=True
        )
    )
    count = 0
    for pk in shift_ids:
        with transaction.atomic():
            count += len(_expire_offers_locked(_locked(pk), now))
    return count


def fill_free_seats(shift, now=None):
    """After capacity was raised (admin form): promote into the new seats."""
    now = now or timezone.now()
    with transaction.atomic():
        return _promote(_locked(shift.pk), now)


def set_capacity(shift, capacity, now=None):
    """Change the number of seats; never below the seats taken. Raising it promotes."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked(shift.pk)
        changed = Shift.objects.filter(pk=locked.pk, taken__lte=capacity).update(capacity=capacity)
        if not changed:
            raise SignUpRefused(
                _("%(taken)s seats are taken: the shift cannot have fewer seats than that.")
                % {"taken": locked.taken}
            )
        invalidate()
        locked.capacity = capacity
        return _promote(locked, now)


def release_for_no_show(signup, by, now):
    """A no-show marked before the start frees the seat (used by attendance)."""
    shift = _locked(signup.shift_id)
    signup = SignUp.objects.get(pk=signup.pk)
    if signup.status not in HOLDING:
        return []
    from participation.volunteering.choices import Attendance

    return _release(
        shift,
        signup,
        now,
        by=by,
        attendance=Attendance.NO_SHOW,
        attendance_marked_at=now,
        attendance_marked_by=by,
    )


def waitlist_position(signup):
    """1 for the first on the waiting list; ``None`` when not waitlisted."""
    if signup.status != SignUpStatus.WAITLISTED:
        return None
    return SignUp.objects.filter(
        shift_id=signup.shift_id, status=SignUpStatus.WAITLISTED, pk__lte=signup.pk
    ).count()


def with_waitlist_positions(queryset):
    """The sign-ups of ``queryset``, each with ``position`` as :func:`waitlist_position`
    gives it (1 for the first waiting, ``None`` unless waitlisted), in the same query.

    First come first served is the order of the primary key (see ``SignUp``), so the
    position is the count of waitlisted sign-ups of the same shift up to and including
    this one: a correlated count per row inside one SELECT, not a query per sign-up.
    """
    up_to_here = (
        SignUp.objects.filter(
            shift_id=OuterRef("shift_id"), status=SignUpStatus.WAITLISTED, pk__lte=OuterRef("pk")
        )
        .order_by()
        .values("shift_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return queryset.annotate(
        position=Case(
            When(status=SignUpStatus.WAITLISTED, then=Subquery(up_to_here)),
            default=None,
            output_field=IntegerField(),
        )
    )


def overlapping_signups(user, shift):
    """The person's other active sign-ups that overlap this shift (a warning, not a rule)."""
    return (
        SignUp.objects.filter(
            user=user,
            status__in=HOLDING,
            shift__starts_at__lt=shift.ends_at,
            shift__ends_at__gt=shift.starts_at,
        )
        .exclude(shift=shift)
        .select_related("shift__opportunity")
    )


def overlaps_by_shift(user, shifts):
    """``{shift pk: [sign-ups]}``: for each of ``shifts``, the person's other active
    sign-ups that overlap it, as :func:`overlapping_signups` finds them, but read in one
    query for all the shifts (those within the shifts' overall time span), then
    matched with :func:`overlaps`."""
    shifts = list(shifts)
    if not shifts:
        return {}
    holding = list(
        SignUp.objects.filter(
            user=user,
            status__in=HOLDING,
            shift__starts_at__lt=max(s.ends_at for s in shifts),
            shift__ends_at__gt=min(s.starts_at for s in shifts),
        )
        .select_related("shift__opportunity")
        .order_by("shift__starts_at", "pk")
    )
    return {
        shift.pk: [
            other
            for other in holding
            if other.shift_id != shift.pk
            and overlaps(other.shift.starts_at, other.shift.ends_at, shift.starts_at, shift.ends_at)
        ]
        for shift in shifts
    }
