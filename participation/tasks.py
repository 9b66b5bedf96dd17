"""Background work of the participation module (django-tasks: at once in development
and tests, ``manage.py db_worker`` in production): account e-mails, plan-vote
announcements and reminders."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, send_mass_mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from participation.models import PlanVote, ResidentProfile, RollEntry


@task()
def send_email(subject, body, from_email, to, html=None, headers=None):
    """Send one e-mail; a slow or unreachable mail server then never holds up a page."""
    message = EmailMultiAlternatives(subject, body, from_email, to, headers=headers or {})
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


def electorate_emails(vote, only_without_ballot=False):
    """Email addresses of the people who can cast each roll entry's ballot.

    Owners' votes: the owner's named voter. Households: the verified residents of the
    unit. Residents: the resident. With ``only_without_ballot``, keys that voted are
    skipped (for the reminder).
    """
    entries = RollEntry.objects.filter(vote=vote)
    if only_without_ballot:
        entries = entries.filter(ballot__isnull=True)
    if vote.electorate == "households":
        unit_ids = entries.values("unit_id")
        users = ResidentProfile.objects.filter(
            unit_id__in=unit_ids, verified_at__isnull=False
        ).values_list("user__email", flat=True)
        return sorted({email for email in users if email})
    return sorted({email for email in entries.values_list("user__email", flat=True) if email})


def _send(vote, subject, body, recipients):
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [to]) for to in recipients]
    return send_mass_mail(messages, fail_silently=False) if messages else 0


def _vote_url(vote):
    return settings.WAGTAILADMIN_BASE_URL + reverse("participation:vote-detail", args=[vote.pk])


@task()
def send_vote_opened(vote_id):
    """Tell the electorate a vote has opened. Sent once (``opening_mail_sent_at``)."""
    claimed = PlanVote.objects.filter(pk=vote_id, opening_mail_sent_at__isnull=True).update(
        opening_mail_sent_at=timezone.now()
    )
    if not claimed:
        return 0
    vote = PlanVote.objects.get(pk=vote_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Vote open: %(title)s") % {"title": vote.title}
        body = _(
            "A vote on %(space)s is open until %(when)s.\n\n%(title)s\n\nRead the plan and "
            "vote here: %(url)s\n\nIf you cannot vote online, ask the residents' committee "
            "for a paper ballot."
        ) % {
            "space": vote.space,
            "when": formats.date_format(timezone.localtime(vote.closes_at), "DATETIME_FORMAT"),
            "title": vote.title,
            "url": _vote_url(vote),
        }
    return _send(vote, subject, body, electorate_emails(vote))


@task()
def send_vote_reminder(vote_id):
    """Remind those who have not voted, 24 hours before close. Sent once."""
    claimed = PlanVote.objects.filter(pk=vote_id, reminder_mail_sent_at__isnull=True).update(
        reminder_mail_sent_at=timezone.now()
    )
    if not claimed:
        return 0
    vote = PlanVote.objects.get(pk=vote_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reminder: vote closes soon — %(title)s") % {"title": vote.title}
        body = _(
            "The vote “%(title)s” closes at %(when)s and we have no ballot from "
            "you yet.\n\nVote here: %(url)s"
        ) % {
            "title": vote.title,
            "when": formats.date_format(timezone.localtime(vote.closes_at), "DATETIME_FORMAT"),
            "url": _vote_url(vote),
        }
    return _send(vote, subject, body, electorate_emails(vote, only_without_ballot=True))
