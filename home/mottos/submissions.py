"""How a resident's motto enters moderation: saved not live, as a revision, in the
workflow; at most ``PER_DAY`` submissions a day per person, counted in the database."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from home.mottos.models import FamilyMotto

PER_DAY = 5


class TooManySubmissions(Exception):
    """The person has reached the day's limit of submissions."""


def recent_count(user, now=None):
    now = now or timezone.now()
    return FamilyMotto.objects.filter(
        submitted_by=user, created_at__gte=now - datetime.timedelta(days=1)
    ).count()


def _quiet_wagtail_mail(user):
    """Residents get our own Chinese message (``home.mottos.tasks``), not Wagtail's
    moderator e-mails, which name the moderator and link into the admin."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.approved_notifications = profile.rejected_notifications = False
    profile.save(update_fields=["approved_notifications", "rejected_notifications"])


def start_moderation(motto, user):
    """Save a revision of ``motto`` and start (or resume) its moderation workflow."""
    motto.save_revision(user=user)
    state = motto.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return
    workflow = motto.get_workflow()
    if workflow is not None and state is None:
        workflow.start(motto, user)


def submit(form, user, profile):
    """Create the resident's motto from a valid form and put it into moderation.

    Idempotent: the form's hidden key makes a second POST of the same form return the
    first submission. The user's row is locked for the count, so two simultaneous
    posts cannot both pass the limit. Raises ``TooManySubmissions``.
    """
    key = form.cleaned_data["key"]
    with transaction.atomic():
        get_user_model().objects.select_for_update().get(pk=user.pk)
        existing = FamilyMotto.objects.filter(submission_key=key, submitted_by=user).first()
        if existing is not None:
            return existing, False
        if recent_count(user) >= PER_DAY:
            raise TooManySubmissions
        motto = form.save(commit=False)
        motto.live = False
        motto.has_unpublished_changes = True
        motto.submitted_by = user
        motto.submission_key = key
        motto.household = profile.unit
        motto.building = profile.unit.building if profile.unit else None
        motto.save()
        _quiet_wagtail_mail(user)
        start_moderation(motto, user)
    return motto, True


def resubmit(form, user):
    """Save the resident's changes to a sent-back motto and resume its workflow."""
    with transaction.atomic():
        motto = form.save(commit=False)
        motto.live = False
        motto.has_unpublished_changes = True
        motto.save()
        start_moderation(motto, user)
    return motto
