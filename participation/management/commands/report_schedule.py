"""``manage.py report_schedule``: run every minute by the scheduler (beside
``vote_schedule``): 六小时督办 for reports not accepted in time, a second escalation
for reports past their due time; the tick is recorded so the admin can warn when the
scheduler stops."""

from django.core.management.base import BaseCommand

from participation.reports.escalation import tick


class Command(BaseCommand):
    help = "Escalate (督办) reports not accepted in time or past their due time."

    def handle(self, *args, **options):
        unaccepted, overdue = tick()
        self.stdout.write(f"Escalated: {len(unaccepted)} not accepted, {len(overdue)} overdue.")
