"""六小时督办, run by the scheduler (``manage.py report_schedule``, every minute).

- A report not accepted within ``ReportSettings.accept_hours`` (6) goes to the
  committee's 督办 queue: a 督办 step on its trail and a mail to the committee.
- An accepted report past its due time is escalated again (超期督办).

Each escalation is *claimed* by a conditional UPDATE (``escalated_at IS NULL`` /
``overdue_at IS NULL``), so it fires once however often, or however concurrently, the
scheduler runs. The times come from ``django.utils.timezone.now`` (the real clock),
and the tick is recorded so the admin can say when the scheduler has stopped.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.reports import rules
from participation.reports.choices import RUNNING_STATUSES, Status
from participation.reports.models import Report, ReportSettings, ReportStep
from participation.trail import ActorRole


def _claim(pk, field, now):
    return Report.objects.filter(pk=pk, **{f"{field}__isnull": True}).update(**{field: now})


def escalate_unaccepted(now=None, settings=None):
    """Escalate every report not accepted in time; returns the ids escalated now."""
    now = now or timezone.now()
    settings = settings or ReportSettings.load()
    cutoff = now - datetime.timedelta(hours=settings.accept_hours)
    candidates = Report.objects.filter(
        accepted_at__isnull=True, escalated_at__isnull=True, created_at__lte=cutoff
    ).values_list("pk", "created_at", "accepted_at")
    escalated = []
    for pk, created_at, accepted_at in candidates:
        if not rules.escalation_due(accepted_at, created_at, now, settings.accept_hours):
            continue
        with transaction.atomic():
            if _claim(pk, "escalated_at", now):
                ReportStep.objects.create(
                    report_id=pk,
                    status=Status.ESCALATED,
                    role=ActorRole.SYSTEM,
                    created_at=now,
                    note=_("Not accepted within %(hours)d hours: the committee chases it (督办).")
                    % {"hours": settings.accept_hours},
                )
                escalated.append(pk)
    return escalated


def escalate_overdue(now=None):
    """Escalate again every report past its due time; returns the ids escalated now."""
    now = now or timezone.now()
    candidates = (
        Report.objects.with_status()
        .filter(overdue_at__isnull=True, due_at__lte=now, current_status__in=RUNNING_STATUSES)
        .values_list("pk", "current_status", "due_at")
    )
    escalated = []
    for pk, status, due in candidates:
        if not rules.is_overdue(status, due, now):
            continue
        with transaction.atomic():
            if _claim(pk, "overdue_at", now):
                ReportStep.objects.create(
                    report_id=pk,
                    status=Status.OVERDUE,
                    role=ActorRole.SYSTEM,
                    created_at=now,
                    note=_("Past its due time: escalated to the committee again."),
                )
                escalated.append(pk)
    return escalated


def tick(now=None):
    """One run of the scheduler: both escalations, the committee told, the tick noted."""
    from participation.reports.tasks import notify_escalation

    now = now or timezone.now()
    unaccepted = escalate_unaccepted(now)
    overdue = escalate_overdue(now)
    ReportSettings.objects.filter(pk=ReportSettings.load().pk).update(schedule_ran_at=now)
    if unaccepted or overdue:
        notify_escalation.enqueue(unaccepted + overdue)
    return unaccepted, overdue
