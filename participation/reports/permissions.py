"""Who may report, see, handle, chase and rate resident reports (named predicates used
by views, templates and the admin alike).

Private reports and their photos are seen by the reporter and by report staff (物业 and
居委会) only — not by other residents, nor by a building captain (楼栋长) as such.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from participation.permissions import is_verified_resident


def is_handler(user):
    """物业 (property company) and 居委会: accept, handle and close reports."""
    return getattr(user, "is_active", False) and user.has_perm("participation.handle_report")


def is_supervisor(user):
    """居委会: the 督办 queue, referring upward (吹哨), turning a report into a proposal."""
    return getattr(user, "is_active", False) and user.has_perm("participation.supervise_report")


def is_reporter(user, report):
    return getattr(user, "is_authenticated", False) and report.reporter_id == user.pk


def can_view(user, report):
    """A public report: anyone. A private one: its reporter and report staff."""
    return report.is_public or is_reporter(user, report) or is_handler(user)


def report_refusal(user):
    """Verified residents report (issue 17); ``None`` when they may."""
    if not getattr(user, "is_authenticated", False):
        return _("Log in first.")
    if not is_verified_resident(user):
        return _("Only verified residents can report. Verify with your household letter code.")
    return None


def report_rate_refusal(user, per_day, now=None):
    """At most ``per_day`` reports per person in 24 hours (counted in the database)."""
    from participation.reports.models import Report

    since = (now or timezone.now()) - datetime.timedelta(days=1)
    if Report.objects.filter(reporter=user, created_at__gte=since).count() >= per_day:
        return _("You have made %(count)d reports today. Please try again tomorrow.") % {
            "count": per_day
        }
    return None


def can_rate(user, report):
    """The reporter, once the report is 已办结."""
    from participation.reports.choices import Status

    return is_reporter(user, report) and report.status == Status.DONE
