"""Plan-vote mail (django-tasks: at once in development and tests, ``manage.py
db_worker`` in production): the opening announcement and the 24-hour reminder."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy
from django_tasks import task

from participation.residents.models import ResidentProfile
from participation.votes.choices import Electorate
from participation.votes.models import PlanVote, RollEntry


def electorate_emails(vote, only_without_ballot=False):
    """Email addresses of the people who can cast each roll entry's ballot.

    Owners' votes: the owner's named voter. Households: the verified residents of the
    unit. Residents: the resident. Only people who agreed to be contacted
    (``ResidentProfile.consent_contact_at``) and have not withdrawn it: withdrawing
    clears the field. With ``only_without_ballot``, keys that voted are skipped (for
    the reminder).
    """
    entries = RollEntry.objects.filter(vote=vote)
    if only_without_ballot:
        entries = entries.filter(ballot__isnull=True)
    if vote.electorate == Electorate.HOUSEHOLDS:
        users = ResidentProfile.objects.filter(
            unit_id__in=entries.values("unit_id"),
            verified_at__isnull=False,
            consent_contact_at__isnull=False,
        ).values_list("user__email", flat=True)
    else:
        users = entries.filter(user__resident__consent_contact_at__isnull=False).values_list(
            "user__email", flat=True
        )
    return sorted({email for email in users if email})


def _claim(vote_id, sent_field):
    """Mark a mailing as sent before sending, so a retried task never mails twice."""
    claimed = PlanVote.objects.filter(pk=vote_id, **{f"{sent_field}__isnull": True}).update(
        **{sent_field: timezone.now()}
    )
    return PlanVote.objects.get(pk=vote_id) if claimed else None


def _mail_electorate(vote, subject, body, only_without_ballot=False):
    """Send one message per address, in the community's language (Chinese)."""
    words = {
        "space": vote.space,
        "title": vote.title,
        "when": formats.date_format(timezone.localtime(vote.closes_at), "DATETIME_FORMAT"),
        "url": settings.WAGTAILADMIN_BASE_URL
        + reverse("participation:vote-detail", args=[vote.pk]),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = str(subject) % words, str(body) % words
    messages = [
        (subject, body, settings.DEFAULT_FROM_EMAIL, [to])
        for to in electorate_emails(vote, only_without_ballot)
    ]
    return send_mass_mail(messages, fail_silently=False) if messages else 0


@task()
def send_vote_opened(vote_id):
    """Tell the electorate a vote has opened. Sent once (``opening_mail_sent_at``)."""
    vote = _claim(vote_id, "opening_mail_sent_at")
    if vote is None:
        return 0
    return _mail_electorate(
        vote,
        gettext_lazy("Vote open: %(title)s"),
        gettext_lazy(
            "A vote on %(space)s is open until %(when)s.\n\n%(title)s\n\nRead the plan and "
            "vote here: %(url)s\n\nIf you cannot vote online, ask the residents' committee "
            "for a paper ballot."
        ),
    )


@task()
def send_vote_reminder(vote_id):
    """Remind those who have not voted, 24 hours before close. Sent once."""
    vote = _claim(vote_id, "reminder_mail_sent_at")
    if vote is None:
        return 0
    return _mail_electorate(
        vote,
        gettext_lazy("Reminder: vote closes soon — %(title)s"),
        gettext_lazy(
            "The vote “%(title)s” closes at %(when)s and we have no ballot from "
            "you yet.\n\nVote here: %(url)s"
        ),
        only_without_ballot=True,
    )
