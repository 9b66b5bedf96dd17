"""Add N synthetic notices, for benchmarks and load tests (`make bench`).

Only for a demo database: refused, like ``load_demo_community``, where demo data is
not allowed or where the database holds a real household register. Re-runnable: each
run numbers its notices after the highest ``generated-N`` slug already there.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from home.management.commands.load_demo_community import refuse_unless_demo_database
from home.notices.choices import NoticeCategory, NoticeIssuer
from home.notices.models import NoticeIndexPage, NoticePage

TOPICS = ["电梯维修", "二次供水清洗", "燃气安全检查", "垃圾分类", "消防演练", "快递柜", "绿化养护"]


class Command(BaseCommand):
    help = "Add N generated notices under the notice index (live, not revisioned)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)

    def handle(self, count, **options):
        if count < 1:
            raise CommandError("Give a positive number of notices.")
        refuse_unless_demo_database("write thousands of generated live notices")
        index = NoticeIndexPage.objects.first()
        if index is None:
            raise CommandError("No notice index: run load_demo_community first.")
        categories, issuers = NoticeCategory.values, NoticeIssuer.values
        start = next_generated_number(
            NoticePage.objects.filter(slug__startswith="generated-").values_list("slug", flat=True)
        )
        now = timezone.now()
        with transaction.atomic():
            for n in range(start, start + count):
                topic = TOPICS[n % len(TOPICS)]
                published = now - datetime.timedelta(hours=n)
                index.add_child(
                    instance=NoticePage(
                        title=f"{n % 12 + 1}号楼{topic}通知（第{n}期）",
                        slug=f"generated-{n}",
                        category=categories[n % len(categories)],
                        issuer=issuers[n % len(issuers)],
                        summary=f"关于{topic}的安排，请{n % 12 + 1}号楼居民留意。",
                        body=[{"type": "paragraph", "value": f"<p>{topic}安排详见公告栏。</p>"}],
                        live=True,
                        first_published_at=published,
                        last_published_at=published,
                    )
                )
        self.stdout.write(f"Added {count} notices.")


def next_generated_number(slugs):
    """One more than the highest N among ``generated-N`` slugs (0 when there are none)."""
    tails = (slug.removeprefix("generated-") for slug in slugs if slug.startswith("generated-"))
    numbers = [int(tail) for tail in tails if tail.isascii() and tail.isdigit()]
    return max(numbers, default=-1) + 1
