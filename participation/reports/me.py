"""A resident's reports on /me/, in their personal-data export, and on deletion.

Deleting the account keeps the report (the board and the bill need it) unlinked from
the person: ``reporter`` is set to NULL (``on_delete=SET_NULL``); the building stays,
which is all the board ever showed of them.
"""

from participation.reports.models import Report

SHOWN = 20


def context(user):
    """/me/: my reports, newest first (one query)."""
    return {"my_reports": list(Report.objects.with_status().filter(reporter=user)[:SHOWN])}


def _time(value):
    return value.isoformat() if value else None


def export(user):
    """Everything of the person's in reports (PIPL Art. 45)."""
    return [
        {
            "id": r.pk,
            "category": r.category,
            "place": r.place,
            "description": r.description,
            "visibility": r.visibility,
            "reported_at": _time(r.created_at),
            "status": r.status,
            "rating": r.rating,
            "photos": r.photos.count(),
        }
        for r in Report.objects.with_status().filter(reporter=user).order_by("created_at")
    ]
