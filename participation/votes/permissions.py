"""Who may vote in which plan vote, with the reason in plain words when not (used by
the vote pages and the ballot service), and who may manage votes and open ballots."""

from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from participation.permissions import is_verified_resident
from participation.votes.ballots import describe_recorded
from participation.votes.choices import Electorate
from participation.votes.household import household_ballot_sentence, may_change_ballot
from participation.votes.models import RollEntry, VoteStatus
from participation.votes.roll import voter_key_for


@dataclass(frozen=True)
class Standing:
    """Whether a person can vote now, why not if not, and their roll entry."""

    can_vote: bool
    reason: str
    entry: RollEntry | None = None
    ballot: object | None = None

    @property
    def already_recorded(self):
        """Refused because this voter's ballot is in (answered 409, not 403)."""
        return not self.can_vote and self.ballot is not None


def _when(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def standing(user, vote, now=None):
    """Can ``user`` cast a ballot in ``vote`` now? Answers in words a resident reads."""
    status = vote.status(now)
    if status == VoteStatus.UPCOMING:
        return Standing(False, _("Voting opens on %(when)s.") % {"when": _when(vote.opens_at)})
    if status in (VoteStatus.CLOSED, VoteStatus.DRAFT):
        return Standing(False, _("Voting closed on %(when)s.") % {"when": _when(vote.closes_at)})
    if vote.frozen_at is None:
        # Its time has come but the scheduler has not opened it yet (``lifecycle``).
        return Standing(False, _("Voting opens in a moment: the electoral roll is being prepared."))
    if not user.is_authenticated:
        return Standing(False, _("Log in to vote."))
    if not is_verified_resident(user):
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
    entry = (
        RollEntry.objects.filter(vote=vote, voter_key=key)
        .select_related("ballot__cast_by__resident")
        .first()
    )
    if entry is None:
        return Standing(False, _("You were not on the electoral roll when this vote opened."))
    ballot = getattr(entry, "ballot", None)
    if ballot is not None:
        changeable = may_change_ballot(
            vote.allow_change, ballot.channel, ballot.cast_by_id, user.pk
        )
        if vote.electorate == Electorate.HOUSEHOLDS:
            reason = household_ballot_sentence(ballot, entry.label, user.pk)
            if changeable:
                reason += " " + _("You may change it until the vote closes.")
            return Standing(changeable, reason, entry, ballot)
        if changeable:
            return Standing(
                True,
                _("You have voted. You may change your ballot until the vote closes."),
                entry,
                ballot,
            )
        return Standing(False, describe_recorded(ballot), entry, ballot)
    return Standing(True, _("You can vote."), entry)


def can_vote(user, vote, now=None):
    return standing(user, vote, now).can_vote


def can_view_ballot_choices(user):
    """Auditors (审计) may open individual ballots; editors never can. A superuser holds
    every permission implicitly, so for one the permission must be given explicitly
    (through the 审计 group or to the user): being the site's admin is not enough."""
    if not getattr(user, "is_active", False):
        return False
    if user.is_superuser:
        codename = "view_ballot_choices"
        return (
            user.groups.filter(permissions__codename=codename).exists()
            or user.user_permissions.filter(codename=codename).exists()
        )
    return user.has_perm("participation.view_ballot_choices")


def can_manage_votes(user):
    """The committee defines plan votes, opens and closes them and enters paper ballots."""
    return getattr(user, "is_active", False) and user.has_perm("participation.change_planvote")
