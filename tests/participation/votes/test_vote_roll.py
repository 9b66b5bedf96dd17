from decimal import Decimal

from participation.households.choices import OwnerKind
from participation.votes.lifecycle import open_due_votes
from participation.votes.roll import freeze_electorate
from tests.factories.votes import (
    make_owner,
    make_unit,
    make_verified_resident,
    make_vote,
)


def roll(vote):
    return {e.voter_key: (e.heads, e.area) for e in vote.roll.all()}


def test_an_owner_of_two_units_is_one_head_with_the_areas_summed(db):
    owner = make_owner()
    make_unit(owner, "80.25")
    make_unit(owner, "60.50")
    vote = freeze_electorate(make_vote("owners"))
    assert roll(vote) == {f"owner:{owner.pk}": (1, Decimal("140.75"))}
    assert (vote.roll_heads, vote.roll_area) == (1, Decimal("140.75"))


def test_the_developers_unsold_units_count_as_one_head(db):
    developer = make_owner("developer", kind=OwnerKind.DEVELOPER)
    for _ in range(5):
        make_unit(developer, "100")
    buyer = make_owner()
    make_unit(buyer, "90")
    vote = freeze_electorate(make_vote("owners"))
    assert vote.roll_heads == 2
    assert roll(vote)[f"owner:{developer.pk}"] == (1, Decimal("500"))


def test_households_vote_one_per_unit(db):
    owner = make_owner()
    first, second = make_unit(owner, "70"), make_unit(owner, "75")
    vote = freeze_electorate(make_vote("households"))
    assert set(roll(vote)) == {f"unit:{first.pk}", f"unit:{second.pk}"}
    assert vote.roll_heads == 2


def test_residents_vote_one_per_verified_person(db):
    unit = make_unit(make_owner())
    alice = make_verified_resident(unit)
    bob = make_verified_resident(unit)
    vote = freeze_electorate(make_vote("residents"))
    assert set(roll(vote)) == {f"resident:{alice.pk}", f"resident:{bob.pk}"}
    assert vote.roll_area == 0


def test_the_roll_does_not_move_when_the_register_changes(db):
    owner = make_owner()
    unit = make_unit(owner, "100")
    vote = freeze_electorate(make_vote("owners"))
    make_unit(make_owner(), "300")
    unit.area_m2 = Decimal("999")
    unit.save()
    freeze_electorate(vote)
    vote.refresh_from_db()
    assert (vote.roll_heads, vote.roll_area) == (1, Decimal("100"))
    assert vote.roll.count() == 1


def test_an_upcoming_vote_is_not_frozen_early(db):
    make_unit(make_owner())
    vote = make_vote(opens_in_hours=2, closes_in_hours=5)
    assert open_due_votes() == 0
    vote.refresh_from_db()
    assert vote.frozen_at is None
    assert vote.roll.count() == 0
