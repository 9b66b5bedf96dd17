"""``manage.py prune_tasks``: delete finished background tasks older than N minutes.

The database task backend keeps every task's arguments; an account e-mail's are its
text, with a one-time link in it. A sent mail forgets them itself
(``participation.residents.tasks``); this removes the rest — failed mails included —
once they are ``--minutes`` old (default 60). Run it every few minutes beside
``db_worker`` (cron or a systemd timer, like ``vote_schedule``).
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


def prune_finished_tasks(older_than, now=None):
    """Delete tasks that finished (successfully or not) before ``now - older_than``;
    returns how many. Tasks waiting or running are never touched."""
    now = now or timezone.now()
    finished = DBTaskResult.objects.finished().filter(finished_at__lte=now - older_than)
    deleted, _by_model = finished.delete()
    return deleted


class Command(BaseCommand):
    help = "Delete finished background tasks (and the e-mail text they hold) older than N minutes."

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=60)

    def handle(self, *args, minutes, **options):
        if minutes < 0:
            raise CommandError("--minutes cannot be negative.")
        deleted = prune_finished_tasks(datetime.timedelta(minutes=minutes))
        if options["verbosity"] > 0:
            self.stdout.write(f"Deleted {deleted} finished tasks.")
