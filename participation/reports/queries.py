"""What the public pages read, each in a fixed number of queries."""

import datetime

from django.db.models import Count, Q

from participation.reports.bill import Row
from participation.reports.choices import OPEN_STATUSES, PhotoRole
from participation.reports.models import Report

RECENT_DAYS = 30


def board(now, status="", category="", building=None):
    """The public board: open reports and those closed in the last ``RECENT_DAYS``
    (one query with the status subquery and the photo count; buildings joined)."""
    reports = (
        Report.objects.public()
        .with_status()
        .select_related("building", "reporter_building")
        .annotate(photo_total=Count("photos", filter=Q(photos__role=PhotoRole.REPORT)))
    )
    if status:
        reports = reports.filter(current_status=status)
    else:
        recent = now - datetime.timedelta(days=RECENT_DAYS)
        reports = reports.filter(
            Q(current_status__in=OPEN_STATUSES) | Q(done_at__gte=recent) | Q(rated_at__gte=recent)
        )
    if category:
        reports = reports.filter(category=category)
    if building is not None:
        reports = reports.filter(building=building)
    return reports.order_by("-created_at", "-pk")


def bill_rows(start, end):
    """Every report received in [start, end) as a ``bill.Row`` (one query): public and
    private alike, since the bill shows counts, never a report."""
    reports = Report.objects.with_status().filter(created_at__gte=start, created_at__lt=end)
    return [
        Row(
            category=r["category"],
            created_at=r["created_at"],
            accepted_at=r["accepted_at"],
            done_at=r["done_at"],
            due_at=r["due_at"],
            rating=r["rating"],
            status=r["current_status"],
        )
        for r in reports.values(
            "category", "created_at", "accepted_at", "done_at", "due_at", "rating", "current_status"
        )
    ]
