from decimal import Decimal

from participation.households.choices import OwnerKind
from participation.votes.lifecycle import open_due_votes
from participation.votes.roll import freeze_electorate
from tests.factories.households import OwnerFactory, UnitFactory, verified_resident
from tests.factories.votes import VoteFactory


def roll(vote):
    return {e.voter_key: (e.heads, e.area) for e in vote.roll.all()}


def test_an_owner_of_two_units_is_one_head_with_the_areas_summed(db):
    owner = OwnerFactory()
    UnitFactory(owner=owner, area="80.25")
    UnitFactory(owner=owner, area="60.50")
    vote = freeze_electorate(VoteFactory(electorate="owners"))
    assert roll(vote) == {f"owner:{owner.pk}": (1, Decimal("140.75"))}
    assert (vote.roll_heads, vote.roll_area) == (1, Decimal("140.75"))


def test_the_developers_unsold_units_count_as_one_head(db):
    developer = OwnerFactory(ref="developer", kind=OwnerKind.DEVELOPER)
    for _ in range(5):
        UnitFactory(owner=developer, area="100")
    buyer = OwnerFactory()
    UnitFactory(owner=buyer, area="90")
    vote = freeze_electorate(VoteFactory(electorate="owners"))
    assert vote.roll_heads == 2
    assert roll(vote)[f"owner:{developer.pk}"] == (1, Decimal("500"))


def test_households_vote_one_per_unit(db):
    owner = OwnerFactory()
    first, second = UnitFactory(owner=owner, area="70"), UnitFactory(owner=owner, area="75")
    vote = freeze_electorate(VoteFactory(electorate="households"))
    assert set(roll(vote)) == {f"unit:{first.pk}", f"unit:{second.pk}"}
    assert vote.roll_heads == 2


def test_residents_vote_one_per_verified_person(db):
    unit = UnitFactory(owner=OwnerFactory(), area="88.50")
    alice = verified_resident(unit).user
    bob = verified_resident(unit).user
    vote = freeze_electorate(VoteFactory(electorate="residents"))
    assert set(roll(vote)) == {f"resident:{alice.pk}", f"resident:{bob.pk}"}
    assert vote.roll_area == 0


def test_the_roll_does_not_move_when_the_register_changes(db):
    owner = OwnerFactory()
    unit = UnitFactory(owner=owner, area="100")
    vote = freeze_electorate(VoteFactory(electorate="owners"))
    UnitFactory(owner=OwnerFactory(), area="300")
    unit.area_m2 = Decimal("999")
    unit.save()
    freeze_electorate(vote)
    vote.refresh_from_db()
    assert (vote.roll_heads, vote.roll_area) == (1, Decimal("100"))
    assert vote.roll.count() == 1


def test_an_upcoming_vote_is_not_frozen_early(db):
    UnitFactory(owner=OwnerFactory(), area="88.50")
    vote = VoteFactory(opens_in_hours=2, closes_in_hours=5)
    assert open_due_votes() == 0
    vote.refresh_from_db()
    assert vote.frozen_at is None
    assert vote.roll.count() == 0
