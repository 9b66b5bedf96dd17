"""Who may vote in which plan vote, with the reason in plain words when not. Used by
the vote pages and the ballot service; the staff predicates live in permissions.py."""

from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from participation.choices import Electorate
from participation.models import RollEntry, VoteStatus
from participation.roll import owner_key, resident_key, unit_key


def voter_key_for(user, electorate):
    """The key this person would vote under, or None if they have no standing."""
    if not user.is_authenticated:
        return None
    if electorate == Electorate.OWNERS:
        owner = getattr(user, "voter_for_owner", None)
        return owner_key(owner.pk) if owner else None
    profile = getattr(user, "resident", None)
    if profile is None or not profile.is_verified:
        return None
    if electorate == Electorate.HOUSEHOLDS:
        return unit_key(profile.unit_id)
    return resident_key(user.pk)


@dataclass(frozen=True)
class Standing:
    """Whether a person can vote now, why not if not, and their roll entry."""

    can_vote: bool
    reason: str
    entry: RollEntry | None = None
    ballot: object | None = None


def _when(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def _is_verified(user):
    profile = getattr(user, "resident", None)
    return profile is not None and profile.is_verified


def standing(user, vote, now=None):
    """Can ``user`` cast a ballot in ``vote`` now? Answers in words a resident reads."""
    status = vote.status(now)
    if status == VoteStatus.UPCOMING:
        return Standing(False, _("Voting opens on %(when)s.") % {"when": _when(vote.opens_at)})
    if status in (VoteStatus.CLOSED, VoteStatus.DRAFT):
        return Standing(False, _("Voting closed on %(when)s.") % {"when": _when(vote.closes_at)})
    if not user.is_authenticated:
        return Standing(False, _("Log in to vote."))
    if not _is_verified(user):
        return Standing(
            False, _("Claim your home with the code on the committee's letter before voting.")
        )
    key = voter_key_for(user, vote.electorate)
    if key is None:
        return Standing(
            False,
            _(
                "In an owners' vote only the owner's named voter can vote. "
                "Ask the residents' committee if that should be you."
            ),
        )
    entry = RollEntry.objects.filter(vote=vote, voter_key=key).select_related("ballot").first()
    if entry is None:
        return Standing(False, _("You were not on the electoral roll when this vote opened."))
    ballot = getattr(entry, "ballot", None)
    if ballot is not None:
        if vote.allow_change and ballot.channel == "online":
            return Standing(
                True,
                _("You have voted. You may change your ballot until the vote closes."),
                entry,
                ballot,
            )
        return Standing(
            False,
            _("Your ballot was recorded on %(when)s.") % {"when": _when(ballot.cast_at)},
            entry,
            ballot,
        )
    return Standing(True, _("You can vote."), entry)


def can_vote(user, vote, now=None):
    return standing(user, vote, now).can_vote
