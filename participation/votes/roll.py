"""Freezing the electorate of a plan vote into its roll (``RollEntry`` rows).

Voter keys: ``owner:<id>`` (owners' votes: one head per owner, the exclusive area of
all their units summed — Civil Code Art. 278 and the Supreme People's Court's
interpretation on building co-ownership, Art. 8–9; the developer's unsold units are one
owner and so one head), ``unit:<id>`` (households: one vote per unit) and
``resident:<user id>`` (residents: one verified resident, one vote).
"""

from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from participation.households.heads import DEVELOPER, owner_heads_and_areas
from participation.households.models import Unit
from participation.residents.models import ResidentProfile
from participation.votes.choices import Electorate
from participation.votes.models import PlanVote, RollEntry

LABEL_UNITS = 3


def owner_key(owner_id):
    return f"owner:{owner_id}"


def unit_key(unit_id):
    return f"unit:{unit_id}"


def resident_key(user_id):
    return f"resident:{user_id}"


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


def _owner_entries(vote):
    units = list(
        Unit.objects.select_related("building", "owner").order_by("building__sort_order", "pk")
    )
    counted = owner_heads_and_areas((u.owner_id, u.owner.kind, u.area_m2) for u in units)
    units_by_head = defaultdict(list)
    for unit in units:
        units_by_head[DEVELOPER if unit.owner.kind == DEVELOPER else unit.owner_id].append(unit)
    for head, area in counted.areas.items():
        held = units_by_head[head]
        label = "、".join(str(u) for u in held[:LABEL_UNITS])
        if len(held) > LABEL_UNITS:
            label += f" (+{len(held) - LABEL_UNITS})"
        owner = held[0].owner
        yield RollEntry(
            vote=vote,
            voter_key=owner_key(owner.pk),
            heads=1,
            area=area,
            label=label[:300],
            building=held[0].building,
            owner=owner,
            user_id=owner.voter_id,
        )


def _household_entries(vote):
    for unit in Unit.objects.select_related("building"):
        yield RollEntry(
            vote=vote,
            voter_key=unit_key(unit.pk),
            heads=1,
            area=unit.area_m2,
            label=str(unit),
            building=unit.building,
            unit=unit,
            owner_id=unit.owner_id,
        )


def _resident_entries(vote):
    profiles = ResidentProfile.objects.filter(
        verified_at__isnull=False, unit__isnull=False
    ).select_related("unit__building", "user")
    for profile in profiles:
        yield RollEntry(
            vote=vote,
            voter_key=resident_key(profile.user_id),
            heads=1,
            area=Decimal(0),
            label=f"{profile} · {profile.unit}",
            building=profile.unit.building,
            unit=profile.unit,
            user_id=profile.user_id,
        )


ENTRY_BUILDERS = {
    Electorate.OWNERS: _owner_entries,
    Electorate.HOUSEHOLDS: _household_entries,
    Electorate.RESIDENTS: _resident_entries,
}


def freeze_electorate(vote, now=None):
    """Snapshot who may vote, with what weight, once; later calls change nothing.

    The vote row is locked so two requests that both see an unfrozen vote cannot
    both write a roll.
    """
    with transaction.atomic():
        locked = PlanVote.objects.select_for_update().get(pk=vote.pk)
        if locked.frozen_at is None:
            entries = list(RollEntry.objects.filter(vote=locked))
            if not entries:  # rows already there are the roll: never a second one
                entries = list(ENTRY_BUILDERS[locked.electorate](locked))
                RollEntry.objects.bulk_create(entries, batch_size=1000)
            locked.roll_heads = sum(e.heads for e in entries)
            locked.roll_area = sum((e.area for e in entries), Decimal(0))
            locked.frozen_at = now or timezone.now()
            locked.save(update_fields=["roll_heads", "roll_area", "frozen_at"])
    vote.refresh_from_db()
    return vote
