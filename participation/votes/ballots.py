"""Casting ballots, online and on paper.

One ballot per voter key is enforced by the database (``Ballot.roll_entry`` is
one-to-one): two submissions for the same key race to the insert and the loser gets an
IntegrityError, never a second ballot. No check-then-insert.
"""

import secrets

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from participation.votes.choices import Channel
from participation.votes.models import Ballot, BallotChoice, PlanVote, VoidedBallot, VoteStatus

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


RECEIPT_GROUPS = 3


RECEIPT_GROUP_LENGTH = 4


class BallotRefused(Exception):
    """A ballot that cannot be recorded; the message is for the person casting it."""


def new_receipt_code():
    """12 characters from a 32-letter alphabet (60 bits), grouped for reading: ABCD-EFGH-JKLM."""
    chars = "".join(
        secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_GROUPS * RECEIPT_GROUP_LENGTH)
    )
    return "-".join(
        chars[i : i + RECEIPT_GROUP_LENGTH] for i in range(0, len(chars), RECEIPT_GROUP_LENGTH)
    )


def normalise_receipt(code):
    """Accept what a person types: any case, spaces or dashes; return ABCD-EFGH-JKLM."""
    chars = "".join(ch for ch in (code or "").upper() if ch.isalnum())[:40]
    return "-".join(
        chars[i : i + RECEIPT_GROUP_LENGTH] for i in range(0, len(chars), RECEIPT_GROUP_LENGTH)
    )


def describe_recorded(ballot):
    """Why a second ballot is refused: the first one's channel and time."""
    return _("A %(channel)s ballot for %(voter)s was already recorded on %(when)s.") % {
        "channel": ballot.get_channel_display().lower(),
        "voter": ballot.roll_entry.label,
        "when": formats.date_format(timezone.localtime(ballot.cast_at), "DATETIME_FORMAT"),
    }


def _check_option(vote, option):
    if option is None or option.vote_id != vote.pk:
        raise BallotRefused(_("Choose one of the options on the ballot."))


def _check_open(vote, now):
    """Re-read the vote (it may have been closed since the form was shown)."""
    current = PlanVote.objects.get(pk=vote.pk)
    if current.status(now) != VoteStatus.OPEN or current.frozen_at is None:
        raise BallotRefused(_("This vote is not open."))
    return current


def _record(vote, entry, option, now, **ballot_fields):
    code = new_receipt_code()
    with transaction.atomic():  # savepoint: a lost race leaves the outer transaction usable
        ballot = Ballot.objects.create(
            vote=vote,
            roll_entry=entry,
            heads=entry.heads,
            area=entry.area,
            receipt=code,
            cast_at=now,
            **ballot_fields,
        )
        BallotChoice.objects.create(
            ballot=ballot, vote=vote, option=option, heads=entry.heads, area=entry.area
        )
    return ballot, code


def cast_online(vote, entry, user, option, now=None):
    """Record ``user``'s online ballot for ``entry``; returns (ballot, receipt code).

    When the vote allows changes, a second online ballot from the same voter replaces
    the choice and issues a new receipt; otherwise it is refused.
    """
    now = now or timezone.now()
    _check_option(vote, option)
    with transaction.atomic():
        vote = _check_open(vote, now)
        try:
            return _record(vote, entry, option, now, channel=Channel.ONLINE, cast_by=user)
        except IntegrityError:
            existing = Ballot.objects.select_related("roll_entry").get(roll_entry=entry)
        if not (vote.allow_change and existing.channel == Channel.ONLINE):
            raise BallotRefused(describe_recorded(existing))
        code = new_receipt_code()
        # Only the person who cast it may change it (``household.may_change_ballot``):
        # a conditional UPDATE, so a family member racing the change cannot slip in.
        changed = Ballot.objects.filter(
            pk=existing.pk, channel=Channel.ONLINE, cast_by=user
        ).update(receipt=code, changed_at=now)
        if not changed:
            raise BallotRefused(describe_recorded(existing))
        BallotChoice.objects.filter(ballot=existing).update(option=option)
        existing.refresh_from_db()
        return existing, code


def enter_paper_ballot(vote, entry, option, entered_by, paper_number, now=None):
    """Committee staff enter a paper ballot against the frozen roll.

    Refused if the key already has a ballot of either channel, with a message naming
    the first one's channel and time; paper ballots are entered while the vote is open.
    """
    now = now or timezone.now()
    _check_option(vote, option)
    if entry.vote_id != vote.pk:
        raise BallotRefused(_("That voter is not on this vote's roll."))
    paper_number = (paper_number or "").strip()
    if not paper_number:
        raise BallotRefused(_("Enter the number printed on the paper ballot."))
    with transaction.atomic():
        vote = _check_open(vote, now)
        if Ballot.objects.filter(vote=vote, paper_number=paper_number).exists():
            raise BallotRefused(
                _("Paper ballot number %(number)s has already been entered.")
                % {"number": paper_number}
            )
        try:
            return _record(
                vote,
                entry,
                option,
                now,
                channel=Channel.PAPER,
                entered_by=entered_by,
                paper_number=paper_number,
            )
        except IntegrityError:
            existing = Ballot.objects.filter(roll_entry=entry).select_related("roll_entry").first()
            if existing is None:  # the paper number raced another entry
                raise BallotRefused(
                    _("Paper ballot number %(number)s has already been entered.")
                    % {"number": paper_number}
                ) from None
            raise BallotRefused(describe_recorded(existing)) from None


REASON_MAX_LENGTH = 200


def void_refusal(channel, entered_by_id, user_id):
    """Why ``user_id`` may not void this ballot, or "" if they may.

    Only paper ballots are voided (a resident's own online ballot is theirs to change
    where the vote allows it, never the committee's), and never by the person who
    entered it: a second committee member checks the sheet (four eyes), so one
    person cannot quietly re-key a household's ballot.
    """
    if channel != Channel.PAPER:
        return _("Only paper ballots can be voided.")
    if entered_by_id is not None and entered_by_id == user_id:
        return _(
            "You entered this paper ballot: a second committee member must check the "
            "sheet and void it."
        )
    return ""


def clean_reason(reason):
    """A reason for the log: required, one line, at most 200 characters."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise BallotRefused(_("Give the reason, for the log."))
    if len(reason) > REASON_MAX_LENGTH:
        raise BallotRefused(
            _("Keep the reason under %(limit)s characters.") % {"limit": REASON_MAX_LENGTH}
        )
    return reason


def void_paper_ballot(vote, ballot_pk, voided_by, reason, now=None):
    """Take a mis-keyed paper ballot out of the count before close; returns the
    ``VoidedBallot``. The ballot and its choice are deleted and a record of them kept,
    in one transaction; the delete is conditional, so two committee members voiding at
    once void it once. The voter can then be entered again."""
    now = now or timezone.now()
    reason = clean_reason(reason)
    with transaction.atomic():
        vote = _check_open(vote, now)
        ballot = (
            Ballot.objects.select_for_update()
            .select_related("roll_entry")
            .filter(vote=vote, pk=ballot_pk)
            .first()
        )
        if ballot is None:
            raise BallotRefused(_("That ballot is not counted in this vote (voided already?)."))
        refusal = void_refusal(ballot.channel, ballot.entered_by_id, voided_by.pk)
        if refusal:
            raise BallotRefused(refusal)
        deleted, _rows = Ballot.objects.filter(pk=ballot.pk).delete()
        if not deleted:
            raise BallotRefused(_("That ballot is not counted in this vote (voided already?)."))
        return VoidedBallot.objects.create(
            vote=vote,
            roll_entry=ballot.roll_entry,
            channel=ballot.channel,
            paper_number=ballot.paper_number,
            receipt=ballot.receipt,
            cast_at=ballot.cast_at,
            entered_by_id=ballot.entered_by_id,
            voided_by=voided_by,
            voided_at=now,
            reason=reason,
        )


def find_by_receipt(vote, code):
    return (
        Ballot.objects.filter(vote=vote, receipt=normalise_receipt(code))
        .select_related("roll_entry")
        .first()
    )


def ballots_cast_by(user):
    """The ballots a person cast online (their receipts), newest first. Never the choice."""
    return Ballot.objects.filter(cast_by=user).select_related("vote").order_by("-cast_at")
