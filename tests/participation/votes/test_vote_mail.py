import datetime

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from participation.residents.models import ResidentProfile
from participation.votes.ballots import cast_online
from participation.votes.lifecycle import open_due_votes, open_now, send_due_reminders
from tests.factories.households import (
    OwnerFactory,
    ResidentFactory,
    UnitFactory,
    UserFactory,
    verified_resident,
)
from tests.factories.votes import VoteFactory, option, owner_voter


def _with_email(user, address, consent=True):
    """A person with an address who agreed to be contacted (or, ``consent=False``, not)."""
    user.email = address
    user.save(update_fields=["email"])
    ResidentProfile.objects.filter(user=user).update(
        consent_contact_at=timezone.now() if consent else None
    )
    return user


def _two_owners_with_voters():
    voters = []
    for n in range(2):
        owner = OwnerFactory()
        unit = UnitFactory(owner=owner, area="90.00")
        voters.append(_with_email(owner_voter(owner, unit), f"voter{n}@example.com"))
    UnitFactory(owner=OwnerFactory(), area="70.00")  # an owner with no named voter gets no mail
    return voters


def test_opening_a_vote_mails_each_owners_voter_once(db, django_capture_on_commit_callbacks):
    _two_owners_with_voters()
    vote = VoteFactory(electorate="owners", opens_in_hours=5, closes_in_hours=50, published=False)
    with django_capture_on_commit_callbacks(execute=True):
        open_now(vote, UserFactory(username="clerk"))
    assert sorted(m.to[0] for m in mail.outbox) == ["voter0@example.com", "voter1@example.com"]
    assert mail.outbox[0].subject.endswith("表决开始：" + vote.title)
    assert f"/votes/{vote.pk}/" in mail.outbox[0].body
    assert open_due_votes() == 0
    from participation.votes.tasks import send_vote_opened

    send_vote_opened.enqueue(vote.pk)
    assert len(mail.outbox) == 2


def test_households_vote_mails_the_verified_residents_of_each_unit(
    db, django_capture_on_commit_callbacks
):
    owner = OwnerFactory()
    unit = UnitFactory(owner=owner, area="90.00")
    _with_email(verified_resident(unit).user, "family@example.com")
    _with_email(ResidentFactory(user__username="unverified", unit=unit).user, "nobody@example.com")
    VoteFactory(electorate="households", opens_in_hours=-1)
    with django_capture_on_commit_callbacks(execute=True):
        assert open_due_votes() == 1
    assert [m.to for m in mail.outbox] == [["family@example.com"]]


def test_reminder_goes_only_to_those_who_have_not_voted(db):
    first, second = _two_owners_with_voters()
    vote = VoteFactory(electorate="owners", opens_in_hours=-30, closes_in_hours=20)
    open_due_votes()
    mail.outbox.clear()
    cast_online(vote, vote.roll.get(user=first), first, option(vote, "agree"))
    assert send_due_reminders() == 1
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert "提醒" in mail.outbox[0].subject
    assert send_due_reminders() == 0
    assert len(mail.outbox) == 1


def test_no_reminder_more_than_a_day_before_close(db):
    _two_owners_with_voters()
    VoteFactory(electorate="owners", opens_in_hours=-1, closes_in_hours=30)
    open_due_votes()
    mail.outbox.clear()
    assert send_due_reminders(timezone.now()) == 0
    assert send_due_reminders(timezone.now() + datetime.timedelta(hours=7)) == 1


def test_vote_schedule_command_opens_and_reminds(db, django_capture_on_commit_callbacks):
    _two_owners_with_voters()
    vote = VoteFactory(electorate="owners", opens_in_hours=-1, closes_in_hours=10)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("vote_schedule")
    vote.refresh_from_db()
    assert vote.frozen_at is not None
    assert vote.opening_mail_sent_at and vote.reminder_mail_sent_at
    assert len(mail.outbox) == 4
