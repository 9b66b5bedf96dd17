"""Sign-up, cancel and the waiting list: every path that frees a seat promotes the
first on the list, once, and mails them; deadlines; no double sign-up."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from participation.volunteering import attendance, signups
from participation.volunteering.choices import Attendance, SignUpStatus
from participation.volunteering.models import Shift, SignUp
from participation.volunteering.signups import SignUpRefused
from tests.factories.households import ResidentFactory, UserFactory
from tests.factories.volunteering import ShiftFactory, move_shift, volunteer

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def fill(shift, count):
    return [signups.sign_up(shift, volunteer())[0] for _ in range(count)]


def statuses(shift):
    return list(SignUp.objects.filter(shift=shift).order_by("pk").values_list("status", flat=True))


def assert_promotion_mails(shift, promoted, subject):
    """Exactly one promotion mail to each promoted person and to nobody else, saying
    ``subject`` (您已递补成功 confirmed, 有名额为您保留 offered) about ``shift``."""
    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.user.email for s in promoted)
    for message in mail.outbox:
        assert subject in message.subject and shift.opportunity.title in message.subject


def test_confirmed_while_seats_remain_then_waitlisted_in_order_of_arrival():
    shift = ShiftFactory(capacity=2)
    people = fill(shift, 4)
    assert statuses(shift) == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert [signups.waitlist_position(s) for s in people] == [None, None, 1, 2]
    shift.refresh_from_db()
    assert shift.taken == 2


def test_signing_up_twice_returns_the_first_sign_up():
    shift = ShiftFactory()
    user = volunteer()
    first, created = signups.sign_up(shift, user)
    again, created_again = signups.sign_up(shift, user)
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert SignUp.objects.count() == 1
    assert Shift.objects.get(pk=shift.pk).taken == 1


def test_the_database_refuses_a_second_active_sign_up_for_one_shift():
    shift = ShiftFactory()
    user = volunteer()
    signups.sign_up(shift, user)
    with pytest.raises(IntegrityError), transaction.atomic():
        SignUp.objects.create(shift=shift, user=user, status=SignUpStatus.WAITLISTED)


def test_after_cancelling_one_may_sign_up_again_at_the_back():
    shift = ShiftFactory(capacity=1)
    user = volunteer()
    first, _ = signups.sign_up(shift, user)
    signups.cancel(first, by=user)
    other, _ = signups.sign_up(shift, volunteer())
    again, created = signups.sign_up(shift, user)
    assert created and again.pk != first.pk
    assert (other.status, again.status) == ("confirmed", "waitlisted")


def test_unverified_people_and_anonymous_visitors_cannot_sign_up():
    shift = ShiftFactory()
    unverified = ResidentFactory().user
    with pytest.raises(SignUpRefused) as refused:
        signups.sign_up(shift, unverified)
    assert refused.value.status == 403
    assert "只有已核验的居民可以报名" in str(refused.value)
    assert not SignUp.objects.exists()


def test_no_sign_up_after_the_deadline_or_the_start():
    shift = ShiftFactory(signup_deadline=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(SignUpRefused, match="截止"):
        signups.sign_up(shift, volunteer())
    started = move_shift(ShiftFactory(), -datetime.timedelta(minutes=5))
    with pytest.raises(SignUpRefused):
        signups.sign_up(started, volunteer())
    assert not SignUp.objects.exists()


def test_an_unpublished_opportunity_takes_no_sign_ups():
    shift = ShiftFactory(opportunity__published=False)
    with pytest.raises(SignUpRefused):
        signups.sign_up(shift, volunteer())


def test_the_volunteer_cancels_and_the_first_waitlisted_is_promoted_once_and_mailed(
    django_capture_on_commit_callbacks,
):
    shift = ShiftFactory(capacity=1)
    first, second, third = fill(shift, 3)
    with django_capture_on_commit_callbacks(execute=True):
        signups.cancel(first, by=first.user)
        signups.cancel(first, by=first.user)  # twice: harmless
    assert statuses(shift) == ["cancelled", "confirmed", "waitlisted"]
    second.refresh_from_db()
    assert second.promoted_at is not None and second.confirmed_at is not None
    assert Shift.objects.get(pk=shift.pk).taken == 1
    assert [m.to for m in mail.outbox] == [[second.user.email]]
    assert "候补" in mail.outbox[0].body


def test_the_promotion_mail_is_sent_once_even_if_the_task_runs_again():
    from participation.volunteering.tasks import send_promotion_mail

    shift = ShiftFactory(capacity=1)
    first, second = fill(shift, 2)
    signups.cancel(first, by=first.user)
    send_promotion_mail.call(second.pk)
    send_promotion_mail.call(second.pk)
    assert len(mail.outbox) == 1


def test_the_volunteer_cannot_cancel_after_the_cancel_deadline_but_a_leader_can():
    shift = ShiftFactory(capacity=1, cancel_deadline=timezone.now() - datetime.timedelta(hours=1))
    first, second = fill(shift, 2)
    with pytest.raises(SignUpRefused, match="队长"):
        signups.cancel(first, by=first.user)
    leader = volunteer()
    signups.cancel(first, by=leader, staff=True)
    assert statuses(shift) == ["cancelled", "confirmed"]


def test_a_waitlisted_person_may_leave_the_list_after_the_cancel_deadline():
    shift = ShiftFactory(capacity=1, cancel_deadline=timezone.now() - datetime.timedelta(hours=1))
    _, second = fill(shift, 2)
    signups.cancel(second, by=second.user)
    assert statuses(shift) == ["confirmed", "cancelled"]
    assert Shift.objects.get(pk=shift.pk).taken == 1


def test_nobody_cancels_someone_elses_sign_up_as_a_volunteer():
    shift = ShiftFactory()
    (first,) = fill(shift, 1)
    with pytest.raises(SignUpRefused):
        signups.cancel(first, by=volunteer())
    assert statuses(shift) == ["confirmed"]


def test_raising_the_capacity_promotes_as_many_as_the_new_seats(
    django_capture_on_commit_callbacks,
):
    shift = ShiftFactory(capacity=1)
    people = fill(shift, 4)
    with django_capture_on_commit_callbacks(execute=True):
        promoted = signups.set_capacity(shift, 3)
    assert len(promoted) == 2
    assert statuses(shift) == ["confirmed", "confirmed", "confirmed", "waitlisted"]
    assert Shift.objects.get(pk=shift.pk).taken == 3
    assert_promotion_mails(shift, people[1:3], "您已递补成功")


def test_capacity_cannot_drop_below_the_seats_taken():
    shift = ShiftFactory(capacity=3)
    fill(shift, 3)
    with pytest.raises(SignUpRefused):
        signups.set_capacity(shift, 2)
    assert Shift.objects.get(pk=shift.pk).capacity == 3


def test_the_database_refuses_more_taken_seats_than_capacity():
    shift = ShiftFactory(capacity=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Shift.objects.filter(pk=shift.pk).update(taken=2)


def test_a_stale_admin_copy_never_writes_the_seat_counter():
    shift = ShiftFactory(capacity=3)
    stale = Shift.objects.get(pk=shift.pk)
    fill(shift, 2)
    stale.location = "南门"
    stale.save()
    assert Shift.objects.get(pk=shift.pk).taken == 2


def test_a_no_show_marked_before_the_start_frees_the_seat_for_the_next(
    django_capture_on_commit_callbacks,
):
    shift = ShiftFactory(capacity=1)
    first, second = fill(shift, 2)
    with django_capture_on_commit_callbacks(execute=True):
        attendance.mark(first, Attendance.NO_SHOW, volunteer())
    assert_promotion_mails(shift, [second], "您已递补成功")
    first.refresh_from_db()
    assert (first.status, first.attendance) == ("cancelled", "no_show")
    assert statuses(shift) == ["cancelled", "confirmed"]


def test_close_to_the_start_a_freed_seat_is_offered_and_can_be_claimed():
    shift = move_shift(ShiftFactory(capacity=1), datetime.timedelta(hours=10))
    first, second = fill(shift, 2)
    signups.cancel(first, by=first.user)
    second.refresh_from_db()
    assert second.status == SignUpStatus.OFFERED
    assert second.offered_until <= shift.starts_at
    assert Shift.objects.get(pk=shift.pk).taken == 1
    signups.claim_offer(second, second.user)
    signups.claim_offer(second, second.user)  # twice: harmless
    second.refresh_from_db()
    assert second.status == SignUpStatus.CONFIRMED


def test_an_expired_offer_goes_to_the_next_person(django_capture_on_commit_callbacks):
    shift = move_shift(ShiftFactory(capacity=1), datetime.timedelta(hours=10))
    first, second, third = fill(shift, 3)
    with django_capture_on_commit_callbacks(execute=True):
        signups.cancel(first, by=first.user)
    assert_promotion_mails(shift, [second], "有名额为您保留")
    mail.outbox.clear()
    later = timezone.now() + datetime.timedelta(hours=4)
    with django_capture_on_commit_callbacks(execute=True):
        assert signups.expire_offers(later) == 1
    assert statuses(shift) == ["cancelled", "cancelled", "offered"]
    assert_promotion_mails(shift, [third], "有名额为您保留")
    with pytest.raises(SignUpRefused):
        signups.claim_offer(second, second.user, now=later)


def test_claiming_an_offer_after_its_window_hands_it_on(django_capture_on_commit_callbacks):
    shift = move_shift(ShiftFactory(capacity=1), datetime.timedelta(hours=10))
    first, second, third = fill(shift, 3)
    signups.cancel(first, by=first.user)
    later = timezone.now() + datetime.timedelta(hours=4)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(SignUpRefused, match="过期"),
    ):
        signups.claim_offer(second, second.user, now=later)
    assert statuses(shift) == ["cancelled", "cancelled", "offered"]
    assert_promotion_mails(shift, [third], "有名额为您保留")


def test_a_new_sign_up_never_jumps_an_expired_offer_queue():
    shift = move_shift(ShiftFactory(capacity=1), datetime.timedelta(hours=10))
    first, second, third = fill(shift, 3)
    signups.cancel(first, by=first.user)
    late, _ = signups.sign_up(shift, volunteer(), now=timezone.now() + datetime.timedelta(hours=4))
    assert statuses(shift) == ["cancelled", "cancelled", "offered", "waitlisted"]
    assert late.status == SignUpStatus.WAITLISTED


def test_overlapping_shifts_of_one_person_are_found():
    user = volunteer()
    a = ShiftFactory()
    b = ShiftFactory(starts_at=a.starts_at + datetime.timedelta(hours=1))
    c = ShiftFactory(starts_at=a.ends_at)
    for shift in (a, b, c):
        signups.sign_up(shift, user)
    assert [s.shift_id for s in signups.overlapping_signups(user, a)] == [b.pk]


def test_no_promotion_once_the_shift_has_started():
    shift = ShiftFactory(capacity=1)
    first, second = fill(shift, 2)
    move_shift(shift, -datetime.timedelta(minutes=10))
    signups.cancel(first, by=volunteer(), staff=True)
    assert statuses(shift) == ["cancelled", "waitlisted"]


def test_anonymous_user_object_is_refused():
    from django.contrib.auth.models import AnonymousUser

    assert signups.signup_refusal(AnonymousUser(), ShiftFactory(), timezone.now())
    assert UserFactory  # factories import cleanly
