"""Volunteering mail (django-tasks): a seat freed for you, and the 24-hour reminder.

Each is claimed by a conditional UPDATE of its ``…_sent_at`` before it is sent, so a
retried or duplicated task never mails twice.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from participation.volunteering.choices import SignUpStatus
from participation.volunteering.models import SignUp

REMINDER_BEFORE = datetime.timedelta(hours=24)


def _claim(signup_id, field, **conditions):
    claimed = SignUp.objects.filter(
        pk=signup_id, **{f"{field}__isnull": True}, **conditions
    ).update(**{field: timezone.now()})
    if not claimed:
        return None
    return SignUp.objects.select_related("shift__opportunity", "user").get(pk=signup_id)


def _words(signup):
    shift = signup.shift
    return {
        "title": shift.opportunity.title,
        "when": formats.date_format(timezone.localtime(shift.starts_at), "DATETIME_FORMAT"),
        "place": shift.place,
        "until": formats.date_format(timezone.localtime(signup.offered_until), "DATETIME_FORMAT")
        if signup.offered_until
        else "",
        "url": settings.WAGTAILADMIN_BASE_URL
        + reverse("participation:opportunity-detail", args=[shift.opportunity_id]),
    }


def _send(signup, subject, body):
    if not signup.user.email:
        return 0
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [signup.user.email])


@task()
def send_promotion_mail(signup_id):
    """A seat came free and is yours (confirmed), or offered until a time. Sent once."""
    signup = _claim(
        signup_id,
        "promotion_mail_sent_at",
        status__in=[SignUpStatus.CONFIRMED, SignUpStatus.OFFERED],
    )
    if signup is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        words = _words(signup)
        if signup.status == SignUpStatus.OFFERED:
            subject = _("A seat is free for you: %(title)s") % words
            body = (
                _(
                    "A seat came free on “%(title)s” at %(when)s (%(place)s).\n\n"
                    "It is kept for you until %(until)s. Claim it here: %(url)s"
                )
                % words
            )
        else:
            subject = _("You are in: %(title)s") % words
            body = (
                _(
                    "A seat came free on “%(title)s” at %(when)s (%(place)s) and it is "
                    "yours: you moved up from the waiting list.\n\nIf you cannot come, "
                    "please cancel here so the next person can: %(url)s"
                )
                % words
            )
    return _send(signup, subject, body)


@task()
def send_reminder(signup_id):
    """The reminder a day before the shift. Sent once."""
    signup = _claim(signup_id, "reminder_sent_at", status=SignUpStatus.CONFIRMED)
    if signup is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        words = _words(signup)
        subject = _("Reminder: %(title)s tomorrow") % words
        body = (
            _(
                "A reminder that you signed up for “%(title)s” at %(when)s (%(place)s).\n\n"
                "If you cannot come, please cancel so the next person can: %(url)s"
            )
            % words
        )
    return _send(signup, subject, body)


def due_reminders(now=None):
    """Confirmed sign-ups of shifts starting within 24 hours, not yet reminded."""
    now = now or timezone.now()
    return SignUp.objects.filter(
        status=SignUpStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        shift__starts_at__gt=now,
        shift__starts_at__lte=now + REMINDER_BEFORE,
    ).values_list("pk", flat=True)


def enqueue_reminders(now=None):
    count = 0
    for pk in list(due_reminders(now)):
        send_reminder.enqueue(pk)
        count += 1
    return count
