"""Issue 8.4: `manage.py bench_tally` is guarded like `load_demo_community` and can run
again."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from participation.households.models import Owner, Unit
from participation.votes.models import PlanVote
from tests.factories.households import OwnerFactory, UnitFactory


def _bench(count=12):
    call_command("bench_tally", owners=count, runs=1, stdout=io.StringIO())


def test_bench_tally_refuses_where_demo_data_is_not_allowed(db, settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="DEMO_DATA_ALLOWED"):
        _bench()
    assert not Owner.objects.exists() and not PlanVote.objects.exists()


def test_bench_tally_refuses_a_database_with_a_household_register(db):
    UnitFactory(owner=OwnerFactory(), area="88.00")
    with pytest.raises(CommandError, match="household register"):
        _bench()
    assert Unit.objects.count() == 1 and not PlanVote.objects.exists()


def test_bench_tally_runs_twice(db):
    _bench()
    _bench()
    assert PlanVote.objects.count() == 1
    assert Owner.objects.count() == 12 and Unit.objects.count() == 12
    assert PlanVote.objects.get().ballots.count() == 12
