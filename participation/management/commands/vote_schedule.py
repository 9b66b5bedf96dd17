"""Run every few minutes (cron or a systemd timer beside `db_worker`): opens votes whose
time has come (freezing their roll) and sends 24-hour reminders."""

from django.core.management.base import BaseCommand

from participation.votes.lifecycle import open_due_votes, send_due_reminders


class Command(BaseCommand):
    help = "Open due plan votes and send 24-hour reminders."

    def handle(self, *args, **options):
        opened = open_due_votes()
        reminded = send_due_reminders()
        self.stdout.write(f"opened {opened}, reminders queued {reminded}")
