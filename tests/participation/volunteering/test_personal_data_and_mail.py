"""/me/ export and account deletion cover sign-ups and hours (the ledger keeps its
entries, unlinked from the name); reminders 24 hours before, each sent once."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command

from participation.me import personal_data
from participation.volunteering import attendance, certificates, signups
from participation.volunteering.choices import Attendance, SignUpStatus
from participation.volunteering.models import Certificate, LedgerEntry, SignUp, TimeBankAccount
from participation.volunteering.tasks import enqueue_reminders
from tests.factories.volunteering import ShiftFactory, move_shift, volunteer

pytestmark = pytest.mark.django_db


def credited(user):
    shift = ShiftFactory(opportunity__title="敬老助餐")
    signup, _ = signups.sign_up(shift, user)
    move_shift(shift, -datetime.timedelta(hours=3))
    attendance.mark(signup, Attendance.ATTENDED, None)
    return signup


def test_the_export_has_sign_ups_hours_and_certificates():
    user = volunteer()
    credited(user)
    certificates.issue(user)
    data = personal_data.export(user)["volunteering"]
    assert data["signups"][0]["opportunity"] == "敬老助餐"
    assert Decimal(data["time_bank_balance"]) == 2
    assert Decimal(data["time_bank_entries"][0]["hours"]) == 2
    assert Decimal(data["certificates"][0]["hours"]) == 2


def test_deleting_an_account_frees_seats_keeps_the_ledger_and_drops_the_name(
    django_capture_on_commit_callbacks,
):
    user = volunteer()
    credited(user)
    certificates.issue(user)
    coming = ShiftFactory(capacity=1)
    signups.sign_up(coming, user)
    waiting, _ = signups.sign_up(coming, volunteer())
    with django_capture_on_commit_callbacks(execute=True):
        personal_data.delete_account(user)
    waiting.refresh_from_db()
    assert waiting.status == SignUpStatus.CONFIRMED
    promotions = [
        m for m in mail.outbox if m.subject.startswith(("您已递补成功", "有名额为您保留"))
    ]
    assert [(m.to, m.subject) for m in promotions] == [
        ([waiting.user.email], f"您已递补成功：{coming.opportunity.title}")
    ]
    assert not SignUp.objects.filter(pk__lt=waiting.pk, shift=coming).exists()
    assert LedgerEntry.objects.count() == 1
    account = TimeBankAccount.objects.get()
    assert account.user_id is None
    assert Certificate.objects.get().holder_name == ""


def test_reminders_go_to_confirmed_volunteers_a_day_before_once():
    soon = move_shift(ShiftFactory(capacity=1), datetime.timedelta(hours=20))
    later = ShiftFactory()
    confirmed, _ = signups.sign_up(soon, volunteer())
    signups.sign_up(soon, volunteer())  # waitlisted: no reminder
    signups.sign_up(later, volunteer())  # three days away: not yet
    assert enqueue_reminders() == 1
    assert enqueue_reminders() == 0
    assert [m.to for m in mail.outbox] == [[confirmed.user.email]]
    assert "提醒" in mail.outbox[0].subject


def test_the_schedule_command_passes_on_expired_offers_and_sends_reminders(capsys):
    call_command("volunteer_schedule")
    assert "Offers passed on: 0" in capsys.readouterr().out
