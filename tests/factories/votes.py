"""Helpers for plan-vote tests: a small register, votes with options, voters."""

import datetime
import itertools
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from participation.households.choices import OwnerKind
from participation.households.models import Building, Owner, Unit
from participation.residents.models import ResidentProfile
from participation.votes.choices import OptionRole
from participation.votes.models import PlanVote, VoteOption

_n = itertools.count(1)


def make_building(name=None):
    return Building.objects.create(name=name or f"{next(_n)}号楼")


def make_owner(ref=None, kind=OwnerKind.PERSON):
    return Owner.objects.create(ref=ref or f"owner-{next(_n)}", kind=kind)


def make_unit(owner, area="88.50", building=None, room=None):
    building = building or Building.objects.first() or make_building()
    return Unit.objects.create(
        building=building,
        unit_no="1",
        room=room or str(100 + next(_n)),
        area_m2=Decimal(area),
        owner=owner,
    )


def make_user(username=None, **profile):
    user = get_user_model().objects.create_user(
        username=username or f"user{next(_n)}", password="pw-for-tests-1"
    )
    if profile:
        ResidentProfile.objects.create(user=user, **profile)
    return user


def make_verified_resident(unit, username=None, relation="family"):
    return make_user(
        username,
        unit=unit,
        relation=relation,
        verified_at=timezone.now(),
        display_name="居民",
    )


def make_owner_voter(owner, unit, username=None):
    user = make_verified_resident(unit, username, relation="owner_voter")
    owner.voter = user
    owner.save(update_fields=["voter"])
    return user


# What a test's ``matter`` stands for: an ordinary and a special Art. 278 item.
ITEM_FOR_MATTER = {"ordinary": 9, "special": 8}


ROLE_FOR_KEY = {"disagree": OptionRole.AGAINST, "abstain": OptionRole.ABSTAIN}


def make_vote(
    electorate="owners",
    matter="ordinary",
    options=("agree", "disagree", "abstain"),
    opens_in_hours=-1,
    closes_in_hours=24,
    roles=None,
    **kwargs,
):
    """A vote; ``matter`` picks an Art. 278 item for owners' votes (``art278_item=``
    overrides it); each option's role follows its key unless ``roles`` maps it."""
    now = timezone.now()
    if electorate == "owners":
        kwargs.setdefault("art278_item", ITEM_FOR_MATTER[matter])
    kwargs.setdefault("title", "架空层改造为儿童游乐区")
    kwargs.setdefault("space", "架空层")
    kwargs.setdefault("description", "<p>方案说明</p>")
    vote = PlanVote.objects.create(
        electorate=electorate,
        opens_at=now + datetime.timedelta(hours=opens_in_hours),
        closes_at=now + datetime.timedelta(hours=closes_in_hours),
        published=kwargs.pop("published", True),
        **kwargs,
    )
    labels = {"agree": "同意", "disagree": "不同意", "abstain": "弃权"}
    for order, key in enumerate(options):
        VoteOption.objects.create(
            vote=vote,
            key=key,
            label=labels.get(key, f"方案{key.upper()}"),
            role=(roles or {}).get(key, ROLE_FOR_KEY.get(key, OptionRole.ADOPT)),
            sort_order=order,
        )
    return vote


def option(vote, key):
    return vote.options.get(key=key)


def close(vote):
    """Move the window into the past (the roll must already be frozen)."""
    now = timezone.now()
    PlanVote.objects.filter(pk=vote.pk).update(
        opens_at=now - datetime.timedelta(days=2), closes_at=now - datetime.timedelta(seconds=1)
    )
    vote.refresh_from_db()
    return vote
