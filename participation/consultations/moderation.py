"""Comments and their moderation: first comments wait, reports hide, the committee decides.

- A person's first comment waits for approval; once one was approved, theirs appear
  at once.
- Anyone logged in may report a comment (once). Reports from
  ``ConsultationSettings.report_households`` *distinct verified households* hide it
  pending review (several people of one flat count once); a moderator's report hides
  it at once. Hiding is a conditional UPDATE (``state = visible``), so racing reports
  hide it, and tell its author, once.
- The committee hides or restores with a reason; a hidden comment keeps a visible
  已隐藏 line with date and reason, and its author can ask for a review.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.consultations.choices import CommentState
from participation.consultations.models import Comment, CommentReport, ConsultationSettings
from participation.consultations.permissions import (
    can_edit_comment,
    can_moderate,
    can_report_comment,
    comment_rate_refusal,
    comment_refusal,
)
from participation.permissions import resident_profile
from portal.page_cache import invalidate


class CommentRefused(Exception):
    """A comment action that is not allowed; the message is for the person."""

    status = 403


class CommentRateLimited(CommentRefused):
    status = 429


def hides_comment(household_count, threshold):
    """Reports from ``threshold`` or more distinct households hide a comment."""
    return threshold > 0 and household_count >= threshold


def post_comment(proposal, user, body, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        if refusal := comment_refusal(user, proposal, now):
            raise CommentRefused(refusal)
        if refusal := comment_rate_refusal(user, now):
            raise CommentRateLimited(refusal)
        trusted = Comment.objects.filter(author=user, state=CommentState.VISIBLE).exists()
        return Comment.objects.create(
            proposal=proposal,
            author=user,
            body=body,
            created_at=now,
            state=CommentState.VISIBLE if trusted else CommentState.PENDING,
        )


def edit_comment(comment, user, body, now=None):
    if not can_edit_comment(user, comment, now):
        raise CommentRefused(_("A comment can be changed by its author for 15 minutes."))
    comment.body = body
    comment.edited_at = now or timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment


def report_comment(comment, user, reason="", now=None):
    """Record a report; returns True if the comment is now hidden by it."""
    now = now or timezone.now()
    if not can_report_comment(user, comment):
        raise CommentRefused(_("You cannot report this comment."))
    profile = resident_profile(user)
    unit_id = profile.unit_id if profile is not None and profile.is_verified else None
    with transaction.atomic():
        try:
            with transaction.atomic():
                CommentReport.objects.create(
                    comment=comment,
                    reporter=user,
                    household_id=unit_id,
                    reason=reason[:200],
                    created_at=now,
                )
        except IntegrityError:
            return False  # reported before: nothing changes
        if can_moderate(user):
            return _hide(comment, user, reason or _("Hidden by a moderator."), now)
        households = (
            CommentReport.objects.filter(comment=comment, household__isnull=False)
            .values("household")
            .distinct()
            .count()
        )
        if hides_comment(households, ConsultationSettings.load().report_households):
            return _hide(
                comment, None, _("Reported by several households; waiting for review."), now
            )
    return False


def _hide(comment, moderator, reason, now):
    hidden = Comment.objects.filter(pk=comment.pk, state=CommentState.VISIBLE).update(
        state=CommentState.HIDDEN, hidden_at=now, hidden_reason=reason[:200], moderated_by=moderator
    )
    if hidden:
        invalidate()
        from participation.consultations.tasks import notify_comment_hidden

        transaction.on_commit(lambda: notify_comment_hidden.enqueue(comment.pk))
    return bool(hidden)


def hide_comment(comment, moderator, reason, now=None):
    """The committee hides a comment; the reason is shown on the 已隐藏 line."""
    reason = (reason or "").strip()
    if not reason:
        raise CommentRefused(_("Give a reason: it is shown in place of the comment."))
    now = now or timezone.now()
    with transaction.atomic():
        updated = Comment.objects.filter(
            pk=comment.pk, state__in=[CommentState.VISIBLE, CommentState.PENDING]
        ).update(
            state=CommentState.HIDDEN,
            hidden_at=now,
            hidden_reason=reason[:200],
            moderated_by=moderator,
        )
        if updated:
            invalidate()
            from participation.consultations.tasks import notify_comment_hidden

            transaction.on_commit(lambda: notify_comment_hidden.enqueue(comment.pk))
    return bool(updated)


def restore_comment(comment, moderator, reason=""):
    """Show a hidden (or waiting) comment again and clear its reports' effect."""
    invalidate()
    return bool(
        Comment.objects.filter(pk=comment.pk)
        .exclude(state=CommentState.VISIBLE)
        .update(
            state=CommentState.VISIBLE,
            hidden_at=None,
            hidden_reason="",
            review_requested_at=None,
            moderated_by=moderator,
        )
    )


def approve_comment(comment, moderator):
    invalidate()
    return bool(
        Comment.objects.filter(pk=comment.pk, state=CommentState.PENDING).update(
            state=CommentState.VISIBLE, moderated_by=moderator
        )
    )


def request_review(comment, user, now=None):
    """The author of a hidden comment asks the committee to look again (once)."""
    if comment.author_id != getattr(user, "pk", None) or comment.state != CommentState.HIDDEN:
        raise CommentRefused(_("Only the author of a hidden comment can ask for a review."))
    Comment.objects.filter(pk=comment.pk, review_requested_at__isnull=True).update(
        review_requested_at=now or timezone.now()
    )
