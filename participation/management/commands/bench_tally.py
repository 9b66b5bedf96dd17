"""Time the tally of an owners' vote with N owners and N ballots (`make bench`).

Builds the data in the current database, then times ``vote_result`` — the GROUP BY
over the choices plus the exact-arithmetic rules — and prints the median and worst time.

It writes thousands of fake owners and units, so it is guarded as
``load_demo_community`` is: it refuses where ``DEMO_DATA_ALLOWED`` is off (production
settings, unless a local trial), and it refuses a database that holds a household
register of its own (any unit outside its "bench楼"): `make bench` runs it on an empty
database in a temporary folder. Run again, it replaces its own vote and reuses its
owners and units.
"""

import datetime
import statistics
import time
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from participation.households.models import Building, Owner, Unit
from participation.votes.choices import Art278Item, Channel, Electorate, OptionRole
from participation.votes.models import Ballot, BallotChoice, PlanVote, VoteOption
from participation.votes.results import vote_result
from participation.votes.roll import freeze_electorate

BENCH_TITLE = "bench: tally"


BENCH_BUILDING = "bench楼"


def refuse_unless_throwaway():
    """Raise CommandError unless this database may receive generated owners."""
    if not settings.DEMO_DATA_ALLOWED:
        raise CommandError(
            "Refusing to write generated owners and units here: "
            "DEMO_DATA_ALLOWED is off in these settings."
        )
    real = Unit.objects.exclude(building__name=BENCH_BUILDING).count()
    if real:
        raise CommandError(
            f"Refusing to write generated owners and units into a database that holds a "
            f"household register ({real} units): run it on an empty database, as "
            f"`make bench` does."
        )


def delete_bench_votes():
    """Ballots and choices protect their vote (evidence), so remove them first."""
    votes = PlanVote.objects.filter(title=BENCH_TITLE)
    BallotChoice.objects.filter(vote__in=votes).delete()
    Ballot.objects.filter(vote__in=votes).delete()
    votes.delete()


class Command(BaseCommand):
    help = "Build an owners' vote with N owners and ballots and time its tally."

    def add_arguments(self, parser):
        parser.add_argument("--owners", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, owners, runs, **options):
        refuse_unless_throwaway()
        vote = self.build(owners)
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            result = vote_result(vote)
            timings.append((time.perf_counter() - start) * 1000)
        self.stdout.write(
            f"tally of {result.participating.heads} ballots from {owners} owners: "
            f"median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms "
            f"over {runs} runs; verdict {result.verdict}"
        )

    @transaction.atomic
    def build(self, count):
        now = timezone.now()
        delete_bench_votes()
        building, _ = Building.objects.get_or_create(
            name=BENCH_BUILDING, defaults={"sort_order": 999}
        )
        existing = Owner.objects.filter(ref__startswith="bench-").count()
        Owner.objects.bulk_create(Owner(ref=f"bench-{n}") for n in range(existing, count))
        owners = list(Owner.objects.filter(ref__startswith="bench-").order_by("pk")[:count])
        have_units = set(Unit.objects.filter(building=building).values_list("owner_id", flat=True))
        Unit.objects.bulk_create(
            Unit(
                building=building,
                unit_no=str(n % 6 + 1),
                room=str(n),
                area_m2=Decimal(60 + n % 80) + Decimal("0.25"),
                owner=owner,
            )
            for n, owner in enumerate(owners)
            if owner.pk not in have_units
        )
        vote = PlanVote.objects.create(
            title=BENCH_TITLE,
            space="bench",
            description="",
            electorate=Electorate.OWNERS,
            art278_item=Art278Item.COMMON_PARTS,
            opens_at=now - datetime.timedelta(hours=1),
            closes_at=now + datetime.timedelta(days=1),
            published=False,
        )
        roles = [OptionRole.ADOPT, OptionRole.AGAINST, OptionRole.ABSTAIN]
        options = VoteOption.objects.bulk_create(
            VoteOption(vote=vote, key=role, label=role, role=role, sort_order=n)
            for n, role in enumerate(roles)
        )
        freeze_electorate(vote, now)
        entries = list(vote.roll.filter(owner__ref__startswith="bench-"))
        ballots = Ballot.objects.bulk_create(
            Ballot(
                vote=vote,
                roll_entry=entry,
                channel=Channel.ONLINE,
                heads=entry.heads,
                area=entry.area,
                receipt=f"BNCH-{entry.pk:08d}",
                cast_at=now,
            )
            for entry in entries
        )
        BallotChoice.objects.bulk_create(
            BallotChoice(
                ballot=ballot,
                vote=vote,
                option=options[0 if n % 5 else 1 + n % 2],
                heads=ballot.heads,
                area=ballot.area,
            )
            for n, ballot in enumerate(ballots)
        )
        return vote
