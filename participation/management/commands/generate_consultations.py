"""Add generated proposals and comments to the demo community, for `make bench`.

Each proposal has its trail (every status but 采纳, which is never the last step),
``support_count`` support rows (the demo residents' own, then rows without a person
as in the demo) and, once answered, an answer. Comments are spread evenly, except that
the newest generated proposal gets ``--busy`` of them, for the page of a proposal with
many comments; one comment in 50 is hidden with a reason, one in 97 waits for approval.

Refuses on a database that does not hold the demo community (its residents'
addresses end in ``@qingwu.example``): never fill a real site with invented proposals.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from participation.consultations.choices import Category, CommentState, Status
from participation.consultations.models import Comment, Proposal, ProposalStep, Support
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
MAX_SUPPORTS = 40


def _comment_state(n):
    if n % 50 == 49:
        return CommentState.HIDDEN
    if n % 97 == 96:
        return CommentState.PENDING
    return CommentState.VISIBLE


class Command(BaseCommand):
    help = "Add N generated proposals and M comments (demo or bench databases only)."

    def add_arguments(self, parser):
        parser.add_argument("--proposals", type=int, default=1000)
        parser.add_argument("--comments", type=int, default=10000)
        parser.add_argument(
            "--busy",
            type=int,
            default=500,
            help="How many of the comments go to the newest generated proposal.",
        )

    def handle(self, proposals, comments, busy, **options):
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
        if proposals < 1 or comments < 0 or busy < 0:
            raise CommandError("Give at least one proposal and no negative number of comments.")
        busy = min(busy, comments)
        now = timezone.now()
        start = Proposal.objects.count()
        with transaction.atomic():
            made = Proposal.objects.bulk_create(
                Proposal(
                    title=f"{TOPICS[n % len(TOPICS)]}建议（第{n}号）",
                    body=f"关于{TOPICS[n % len(TOPICS)]}的建议，请居委会协调。\n\n邻居们都关心。",
                    category=Category.values[n % len(Category.values)],
                    author=users[n % len(users)],
                    created_at=now - datetime.timedelta(hours=n - start + 1),
                    supports_close_at=now
                    + datetime.timedelta(days=60)
                    - datetime.timedelta(hours=n - start + 1),
                    support_count=n % MAX_SUPPORTS,
                    answer=(
                        "居委会已收到，将与物业协商后答复。"
                        if Status.ANSWERED in TRAILS[n % len(TRAILS)]
                        else ""
                    ),
                    answered_at=(
                        now - datetime.timedelta(hours=n - start)
                        if Status.ANSWERED in TRAILS[n % len(TRAILS)]
                        else None
                    ),
                )
                for n in range(start, start + proposals)
            )
            steps = []
            for n, proposal in enumerate(made, start=start):
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
                            note="不采纳：不属于居委会职责范围。"
                            if status == Status.DECLINED
                            else "",
                        )
                    )
            ProposalStep.objects.bulk_create(steps, batch_size=2000)
            Support.objects.bulk_create(
                (
                    Support(
                        proposal=proposal,
                        user=users[k] if k < len(users) else None,
                        key=f"u{users[k].pk}" if k < len(users) else f"bench-{k}",
                        created_at=proposal.created_at + datetime.timedelta(seconds=k),
                    )
                    for proposal in made
                    for k in range(proposal.support_count)
                ),
                batch_size=2000,
            )
            Comment.objects.bulk_create(
                (
                    Comment(
                        proposal=made[0] if n < busy else made[n % len(made)],
                        author=users[n % len(users)],
                        body=f"第{n}条评论：支持，希望尽快解决。",
                        created_at=now - datetime.timedelta(minutes=comments - n),
                        state=_comment_state(n),
                        hidden_at=now if _comment_state(n) == CommentState.HIDDEN else None,
                        hidden_reason=(
                            "含有他人电话号码。" if _comment_state(n) == CommentState.HIDDEN else ""
                        ),
                    )
                    for n in range(comments)
                ),
                batch_size=2000,
            )
        self.stdout.write(
            f"Added {len(made)} proposals and {comments} comments "
            f"({busy} on “{made[0].title}”, /consultations/{made[0].pk}/)."
        )
