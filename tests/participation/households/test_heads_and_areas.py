"""Owners by head and by area (Civil Code Art. 278; SPC interpretation Art. 8–9)."""

from decimal import Decimal

from participation.households.heads import (
    DEVELOPER,
    owner_heads_and_areas,
    register_heads_and_areas,
)
from tests.factories.households import OwnerFactory, UnitFactory, developer


def test_an_owner_of_two_units_is_one_head_with_the_areas_summed():
    result = owner_heads_and_areas(
        [("A", "person", Decimal("89.50")), ("A", "person", Decimal("60.25")), ("B", "person", 75)]
    )
    assert result.heads == 2
    assert result.areas == {"A": Decimal("149.75"), "B": Decimal("75")}
    assert result.total_area == Decimal("224.75")


def test_all_developer_units_are_one_head_whatever_their_key():
    result = owner_heads_and_areas(
        [
            ("dev-1", "developer", Decimal("100.00")),
            ("dev-2", "developer", Decimal("120.00")),
            ("C", "person", Decimal("80.00")),
        ]
    )
    assert result.heads == 2
    assert result.areas[DEVELOPER] == Decimal("220.00")


def test_areas_add_up_exactly_without_floats():
    rows = [(n, "person", Decimal("0.10")) for n in range(10)]
    assert owner_heads_and_areas(rows).total_area == Decimal("1.00")


def test_an_empty_register_has_no_heads():
    result = owner_heads_and_areas([])
    assert (result.heads, result.total_area) == (0, Decimal(0))


def test_the_register_is_counted_in_one_query(db, django_assert_num_queries):
    owner = OwnerFactory()
    UnitFactory(owner=owner, area_m2=Decimal("89.50"))
    UnitFactory(owner=owner, area_m2=Decimal("60.00"))
    UnitFactory(owner=developer(), area_m2=Decimal("120.00"))
    UnitFactory(owner=developer(), area_m2=Decimal("130.00"))
    UnitFactory(area_m2=Decimal("70.00"))
    with django_assert_num_queries(1):
        result = register_heads_and_areas()
    assert result.heads == 3
    assert result.areas[owner.pk] == Decimal("149.50")
    assert result.areas[DEVELOPER] == Decimal("250.00")
    assert result.total_area == Decimal("469.50")
