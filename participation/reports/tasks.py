"""Report mail (django-tasks: at once in development and tests, ``manage.py db_worker``
in production): each step to the reporter, escalations to the committee. Mail goes out
in the community's language and never names the resident to anyone else."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from participation.mail import committee_emails, send_each
from participation.reports.choices import Status
from participation.reports.models import Report


def _url(path):
    return settings.WAGTAILADMIN_BASE_URL + path


@task()
def notify_reporter(report_id, status):
    """Tell the reporter their report moved (accepted, being fixed, fixed, …)."""
    report = Report.objects.select_related("reporter").filter(pk=report_id).first()
    if report is None or report.reporter is None or not report.reporter.email:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your report #%(id)d: %(status)s") % {
            "id": report.pk,
            "status": Status(status).label,
        }
        body = _("%(category)s · %(place)s\n\nNow: %(status)s.\n\nSee its trail: %(url)s") % {
            "category": report.get_category_display(),
            "place": report.place,
            "status": Status(status).label,
            "url": _url(report.get_absolute_url()),
        }
        if status == Status.DONE:
            body += "\n\n" + _("Please tell us whether you are satisfied with the fix.")
    return send_each({report.reporter.email}, subject, body)


@task()
def notify_escalation(report_ids):
    """Tell the committee which reports need chasing (督办)."""
    reports = list(Report.objects.filter(pk__in=report_ids).order_by("created_at"))
    if not reports:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("督办: %(count)d reports need chasing") % {"count": len(reports)}
        lines = [f"#{r.pk} {r.get_category_display()} · {r.place}" for r in reports]
        body = (
            "\n".join(lines)
            + "\n\n"
            + _("The 督办 queue: %(url)s")
            % {"url": _url("/admin/participation/reports/escalated/")}
        )
    return send_each(committee_emails(), subject, body)
