"""Owners counted by head and by exclusive area, from the household register.

The rule (PRC Civil Code Art. 278; Supreme People's Court interpretation on building
co-ownership disputes, 法释〔2009〕7号, Art. 8–9): an owner's share of the area is the
exclusive floor area of their units; owners are counted one per unit, except that
all the units one buyer holds count as one head, and all the units the developer has
not sold or not delivered count together as one head. Co-owners of a unit are one
head and name one voter.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

DEVELOPER = "developer"


@dataclass(frozen=True)
class HeadsAndAreas:
    """``areas`` maps each head (an owner key, or ``DEVELOPER``) to its summed area."""

    areas: dict
    heads: int
    total_area: Decimal


def owner_heads_and_areas(rows):
    """Heads and areas from ``(owner_key, owner_kind, area_m2)`` rows, one per unit.

    Units with the same owner key are one head with their areas summed; every unit
    whose owner kind is ``developer`` belongs to the single developer head, whatever
    its key. Areas are Decimals and are added exactly.
    """
    areas = defaultdict(Decimal)
    for owner_key, owner_kind, area in rows:
        key = DEVELOPER if owner_kind == DEVELOPER else owner_key
        areas[key] += Decimal(area)
    return HeadsAndAreas(
        areas=dict(areas), heads=len(areas), total_area=sum(areas.values(), Decimal(0))
    )


def register_heads_and_areas(units=None):
    """The register's heads and areas, in one query (``units``: a Unit queryset)."""
    from participation.households.models import Unit

    units = Unit.objects.all() if units is None else units
    return owner_heads_and_areas(units.values_list("owner_id", "owner__kind", "area_m2"))
