"""``manage.py volunteer_schedule``: run every few minutes by cron, beside ``db_worker``.

Expired seat offers go to the next on the waiting list; reminders go out 24 hours
before each shift (each sent once)."""

from django.core.management.base import BaseCommand

from participation.volunteering.signups import expire_offers
from participation.volunteering.tasks import enqueue_reminders


class Command(BaseCommand):
    help = "Pass on expired seat offers and send shift reminders due in the next 24 hours."

    def handle(self, *args, **options):
        promoted = expire_offers()
        reminders = enqueue_reminders()
        self.stdout.write(f"Offers passed on: {promoted}. Reminders queued: {reminders}.")
