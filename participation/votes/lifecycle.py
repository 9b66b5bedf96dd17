"""Opening and closing plan votes: freeze the roll, tell the electorate, log it.

Opening is :func:`open_vote` and nothing else: it freezes the roll and queues the
opening mail, once. It has two callers, one per trigger — the committee's "open now"
(:func:`open_now`) and the scheduler (:func:`open_due_votes`, ``manage.py
vote_schedule``: every minute from cron or a systemd timer in production, once at
start in ``make run``). Pages only read: a vote whose opening time has passed but that
the scheduler has not opened yet says "voting opens in a moment".
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from participation.votes.models import PlanVote, VoteStatus
from participation.votes.roll import freeze_electorate
from participation.votes.tasks import send_vote_opened, send_vote_reminder

REMINDER_BEFORE_CLOSE = datetime.timedelta(hours=24)


def open_vote(vote, now=None):
    """Freeze ``vote``'s roll and queue the opening mail (sent once, whoever calls)."""
    with transaction.atomic():
        freeze_electorate(vote, now)
        transaction.on_commit(lambda: send_vote_opened.enqueue(vote.pk))
    return vote


def open_now(vote, user=None, now=None):
    """The committee's "open now": publish, move the opening time to now, open, log."""
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
        open_vote(vote, now)
        log(instance=vote, action="linli.vote.open", user=user)
    return vote


def due_votes(now=None):
    """Published votes in their window that are not frozen yet, or whose opening mail
    was never queued (a crash between the two): what the scheduler opens."""
    now = now or timezone.now()
    return PlanVote.objects.open_at(now).filter(frozen_at__isnull=True) | PlanVote.objects.open_at(
        now
    ).filter(opening_mail_sent_at__isnull=True)


def open_due_votes(now=None):
    """Open every due vote (``manage.py vote_schedule``); returns how many."""
    now = now or timezone.now()
    opened = 0
    for vote in due_votes(now):
        open_vote(vote, now)
        opened += 1
    return opened


def close_now(vote, user=None, now=None, reason=""):
    """End voting at once; results become visible. The reason goes into the log."""
    now = now or timezone.now()
    if vote.status(now) != VoteStatus.OPEN:
        raise ValueError("only open votes can be closed")
    with transaction.atomic():
        PlanVote.objects.filter(pk=vote.pk).update(closes_at=now)
        vote.refresh_from_db()
        log(
            instance=vote,
            action="linli.vote.close",
            user=user,
            data={"reason": reason} if reason else None,
        )
    return vote


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
