"""Add generated proposals and comments to the demo community, for `make bench`.

Refuses on a database that does not hold the demo community (its residents'
addresses end in ``@qingwu.example``): never fill a real site with invented proposals.
"""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from participation.consultations.choices import Category, CommentState, Status
from participation.consultations.models import Comment, Proposal, ProposalStep
from participation.demo.households import EMAIL_DOMAIN
from participation.trail import ActorRole

TOPICS = [
    "电梯维修",
    "充电桩",
    "楼道照明",
    "垃圾分类",
    "停车位",
    "绿化补种",
    "长者食堂",
    "儿童托管",
]
TRAILS = [
    [],
    [Status.DISCUSSION],
    [Status.DISCUSSION, Status.ANSWERED],
    [Status.DISCUSSION, Status.ANSWERED, Status.ACCEPTED, Status.IN_PROGRESS],
    [Status.DISCUSSION, Status.ANSWERED, Status.DECLINED],
    [Status.DISCUSSION, Status.ANSWERED, Status.ACCEPTED, Status.DONE],
]


class Command(BaseCommand):
    help = "Add N generated proposals and M comments (demo or bench databases only)."

    def add_arguments(self, parser):
        parser.add_argument("--proposals", type=int, default=1000)
        parser.add_argument("--comments", type=int, default=10000)

    def handle(self, proposals, comments, **options):
        users = list(
            get_user_model().objects.filter(
                email__endswith=f"@{EMAIL_DOMAIN}", resident__verified_at__isnull=False
            )
        )
        if not users:
            raise CommandError(
                "This database does not hold the demo community: refusing to add invented "
                "proposals. Run load_demo_community on a demo or bench database first."
            )
        if proposals < 1 or comments < 0:
            raise CommandError("Give at least one proposal and no negative number of comments.")
        now = timezone.now()
        start = Proposal.objects.count()
        categories = itertools.cycle(Category.values)
        with transaction.atomic():
            made = Proposal.objects.bulk_create(
                Proposal(
                    title=f"{TOPICS[n % len(TOPICS)]}建议（第{n}号）",
                    body=f"关于{TOPICS[n % len(TOPICS)]}的建议，请居委会协调。\n\n邻居们都关心。",
                    category=next(categories),
                    author=users[n % len(users)],
                    created_at=now - datetime.timedelta(hours=n),
                    supports_close_at=now
                    + datetime.timedelta(days=60)
                    - datetime.timedelta(hours=n),
                    support_count=n % 40,
                )
                for n in range(start, start + proposals)
            )
            steps = []
            for n, proposal in enumerate(made):
                steps.append(
                    ProposalStep(
                        proposal=proposal,
                        status=Status.SUBMITTED,
                        role=ActorRole.RESIDENT,
                        created_at=proposal.created_at,
                    )
                )
                for k, status in enumerate(TRAILS[n % len(TRAILS)], start=1):
                    steps.append(
                        ProposalStep(
                            proposal=proposal,
                            status=status,
                            role=ActorRole.COMMITTEE,
                            created_at=proposal.created_at + datetime.timedelta(minutes=k),
                        )
                    )
            ProposalStep.objects.bulk_create(steps, batch_size=2000)
            Comment.objects.bulk_create(
                (
                    Comment(
                        proposal=made[n % len(made)],
                        author=users[n % len(users)],
                        body=f"第{n}条评论：支持，希望尽快解决。",
                        created_at=now - datetime.timedelta(minutes=n),
                        state=CommentState.VISIBLE,
                    )
                    for n in range(comments)
                ),
                batch_size=2000,
            )
        self.stdout.write(f"Added {len(made)} proposals and {comments} comments.")
