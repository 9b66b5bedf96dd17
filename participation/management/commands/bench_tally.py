"""Time the tally of an owners' vote with N owners and N ballots (`make bench`).

Builds the data in the current database (use a throwaway one: `make bench` points
LINLI_VAR_DIR at a temporary folder), then times ``vote_result`` — the GROUP BY over
the choices plus the exact-arithmetic rules — and prints the median and worst time.
"""

import datetime
import statistics
import time
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from participation.households.models import Building, Owner, Unit
from participation.votes.models import Ballot, BallotChoice, PlanVote, VoteOption
from participation.votes.results import vote_result
from participation.votes.roll import freeze_electorate

BENCH_TITLE = "bench: tally"


class Command(BaseCommand):
    help = "Build an owners' vote with N owners and ballots and time its tally."

    def add_arguments(self, parser):
        parser.add_argument("--owners", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, owners, runs, **options):
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
        PlanVote.objects.filter(title=BENCH_TITLE).delete()
        building, _ = Building.objects.get_or_create(name="bench楼", defaults={"sort_order": 999})
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
            electorate="owners",
            matter="special",
            opens_at=now - datetime.timedelta(hours=1),
            closes_at=now + datetime.timedelta(days=1),
            published=False,
        )
        options = VoteOption.objects.bulk_create(
            VoteOption(vote=vote, key=key, label=key, is_abstention=key == "abstain", sort_order=n)
            for n, key in enumerate(["agree", "disagree", "abstain"])
        )
        freeze_electorate(vote, now)
        entries = list(vote.roll.filter(owner__ref__startswith="bench-"))
        ballots = Ballot.objects.bulk_create(
            Ballot(
                vote=vote,
                roll_entry=entry,
                channel="online",
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
