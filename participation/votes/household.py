"""Household ballots told truthfully (按户表决).

In a households' vote the unit, not the person, holds the ballot (DESIGN.md: "one
vote per unit", ``roll.unit_key``). The rules, as pure functions:

* any verified resident of the unit — owner, co-owner, family member or tenant — may
  cast the household's one ballot; the first one recorded is the household's;
* once it is in, everyone verified in that unit may see that it was cast, when and by
  whom (never how: the choice stays in ``BallotChoice``);
* where the vote lets ballots change before close, only the person who cast the
  household's ballot may change it, so one family member cannot silently undo
  another's vote.

The queries below feed /votes/ and /me/ in a fixed number of queries.
"""

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from participation.permissions import resident_profile
from participation.votes.choices import Channel, Electorate
from participation.votes.models import Ballot, PlanVote, RollEntry
from participation.votes.roll import voter_key_for


def may_cast_household_ballot(is_verified, unit_id, entry_unit_id):
    """Any verified resident of the unit may cast its one ballot, whatever the relation."""
    return bool(is_verified) and unit_id is not None and unit_id == entry_unit_id


def may_see_household_ballot(is_verified, unit_id, entry_unit_id):
    """Who may see that the household's ballot was cast (and by whom): the same people
    who could have cast it — the unit's verified residents."""
    return may_cast_household_ballot(is_verified, unit_id, entry_unit_id)


def may_change_ballot(allow_change, channel, cast_by_id, user_id):
    """A ballot may be changed before close only if the vote allows it, it was cast
    online, and the person changing it is the one who cast it."""
    return bool(allow_change) and channel == Channel.ONLINE and cast_by_id == user_id


def caster_name(user):
    """The name a household sees for the member who cast its ballot."""
    if user is None:
        return _("a former member of your household")
    profile = resident_profile(user)
    return (profile.display_name if profile else "") or user.get_username()


def _when(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def household_ballot_sentence(ballot, unit_label, viewer_id):
    """What a member of the household reads about the household's ballot."""
    values = {"unit": unit_label, "when": _when(ballot.cast_at)}
    if ballot.channel == Channel.PAPER:
        return (
            _("Your household's paper ballot (%(unit)s) was entered by the committee on %(when)s.")
            % values
        )
    if ballot.cast_by_id == viewer_id:
        return _("You cast your household's ballot (%(unit)s) on %(when)s.") % values
    values["name"] = caster_name(ballot.cast_by)
    return _("Your household's ballot (%(unit)s) was cast on %(when)s by %(name)s.") % values


def household_rule(unit_label=None):
    """Said before voting on a households' vote: one vote, and who may cast it."""
    if unit_label:
        return _(
            "One vote per household: any verified resident of %(unit)s may cast it, once "
            "for the whole household. Everyone in your household will see who cast it and "
            "when (never the choice)."
        ) % {"unit": unit_label}
    return _(
        "One vote per household: any verified resident of the unit may cast it, once for "
        "the whole household. Everyone in the household will see who cast it and when "
        "(never the choice)."
    )


def voter_keys(user):
    """Every roll key under which ``user`` (or their household) may vote: their key in
    each electorate they have standing in (``roll.voter_key_for``)."""
    keys = (voter_key_for(user, electorate) for electorate in Electorate)
    return [key for key in keys if key is not None]


def cast_marks(user, vote_ids=None):
    """{vote id: "me" | "household"} for the votes whose ballot ``user`` or their
    household has cast. One query (after the profile and owner, read once)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    keys = voter_keys(user)
    ballots = Ballot.objects.filter(Q(cast_by=user) | Q(roll_entry__voter_key__in=keys))
    if vote_ids is not None:
        ballots = ballots.filter(vote_id__in=vote_ids)
    marks = {}
    for vote_id, cast_by_id in ballots.values_list("vote_id", "cast_by_id"):
        if cast_by_id == user.pk or marks.get(vote_id) != "me":
            marks[vote_id] = "me" if cast_by_id == user.pk else "household"
    return marks


def votes_waiting(user, now=None):
    """How many open votes still wait for a ballot from ``user`` or their household."""
    keys = voter_keys(user)
    if not keys:
        return 0
    open_votes = PlanVote.objects.open_at(now).filter(frozen_at__isnull=False)
    return RollEntry.objects.filter(
        vote__in=open_votes, voter_key__in=keys, ballot__isnull=True
    ).count()


def household_ballots_for(user):
    """The ballots of ``user``'s household that someone else cast (households' votes),
    newest first, for /me/. Empty unless ``user`` is verified in the unit."""
    profile = resident_profile(user)
    if profile is None or not profile.is_verified:
        return Ballot.objects.none()
    return (
        Ballot.objects.filter(
            vote__electorate=Electorate.HOUSEHOLDS, roll_entry__unit_id=profile.unit_id
        )
        .exclude(cast_by=user)
        .select_related("vote", "roll_entry", "cast_by__resident")
        .order_by("-cast_at")
    )
