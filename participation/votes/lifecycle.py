"""Opening and closing plan votes: freeze the roll, tell the electorate, log it."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from participation.votes.models import PlanVote, VoteStatus
from participation.votes.roll import freeze_electorate
from participation.votes.tasks import send_vote_opened, send_vote_reminder

REMINDER_BEFORE_CLOSE = datetime.timedelta(hours=24)


def open_now(vote, user=None, now=None):
    """Publish and open ``vote`` at once (if it is not open yet) and freeze its roll."""
    now = now or timezone.now()
    if vote.closes_at <= now:
        raise ValueError("a vote whose closing time has passed cannot be opened")
    if vote.status(now) == VoteStatus.OPEN and vote.frozen_at is not None:
        return vote
    with transaction.atomic():
        fields = {"published": True}
        if vote.opens_at > now:
            fields["opens_at"] = now
        PlanVote.objects.filter(pk=vote.pk).update(**fields)
        vote.refresh_from_db()
        freeze_electorate(vote, now)
        log(instance=vote, action="linli.vote.open", user=user)
        transaction.on_commit(lambda: send_vote_opened.enqueue(vote.pk))
    return vote


def close_now(vote, user=None, now=None):
    """End voting at once; results become visible."""
    now = now or timezone.now()
    if vote.status(now) != VoteStatus.OPEN:
        raise ValueError("only open votes can be closed")
    with transaction.atomic():
        PlanVote.objects.filter(pk=vote.pk).update(closes_at=now)
        vote.refresh_from_db()
        log(instance=vote, action="linli.vote.close", user=user)
    return vote


def open_due_votes(now=None):
    """Freeze and announce published votes whose opening time has come and that were
    not announced yet (cron / worker); a page view may have frozen them already."""
    now = now or timezone.now()
    opened = 0
    for vote in PlanVote.objects.open_at(now).filter(opening_mail_sent_at__isnull=True):
        freeze_electorate(vote, now)
        send_vote_opened.enqueue(vote.pk)
        opened += 1
    return opened


def send_due_reminders(now=None):
    """Enqueue the 24-hour reminder for open votes closing within a day."""
    now = now or timezone.now()
    due = PlanVote.objects.open_at(now).filter(
        closes_at__lte=now + REMINDER_BEFORE_CLOSE, reminder_mail_sent_at__isnull=True
    )
    count = 0
    for vote in due:
        send_vote_reminder.enqueue(vote.pk)
        count += 1
    return count
