"""Who may propose, support, comment, report, answer and moderate (named predicates
used by views, templates and the admin alike).

Each ``*_refusal`` returns ``None`` when the person may act, otherwise the sentence
that tells them why not; the ``can_*`` forms are the same rule as a boolean.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from participation.consultations.choices import CommentState
from participation.consultations.models import Comment, Proposal
from participation.permissions import is_verified_resident

PROPOSALS_PER_DAY = 3
COMMENTS_PER_WINDOW = 5
COMMENT_WINDOW = datetime.timedelta(minutes=10)
EDIT_MINUTES = 15


def _verified_refusal(user):
    if not getattr(user, "is_authenticated", False):
        return _("Log in first.")
    if not is_verified_resident(user):
        return _("Only verified residents can take part. Verify with your household letter code.")
    return None


def propose_refusal(user):
    """Only verified residents raise proposals (the committee opens 征求意见 in the admin)."""
    return _verified_refusal(user)


def propose_rate_refusal(user, now=None):
    """At most ``PROPOSALS_PER_DAY`` proposals per person in 24 hours (database rows)."""
    since = (now or timezone.now()) - datetime.timedelta(days=1)
    if Proposal.objects.filter(author=user, created_at__gte=since).count() >= PROPOSALS_PER_DAY:
        return _("You have raised %(count)d proposals today. Please try again tomorrow.") % {
            "count": PROPOSALS_PER_DAY
        }
    return None


def can_propose(user):
    return propose_refusal(user) is None


def support_refusal(user, proposal, now=None):
    if refusal := _verified_refusal(user):
        return refusal
    if not proposal.supports_open(now):
        return _("Supports for this proposal are closed.")
    if proposal.author_id == user.pk:
        return _("You raised this proposal; your support is counted already.")
    return None


def can_support(user, proposal):
    return support_refusal(user, proposal) is None


def comment_refusal(user, proposal, now=None):
    """Verified residents, while comments are open."""
    if refusal := _verified_refusal(user):
        return refusal
    if not proposal.comments_open(now):
        return _("Comments on this proposal are closed.")
    return None


def comment_rate_refusal(user, now=None):
    """At most ``COMMENTS_PER_WINDOW`` per ``COMMENT_WINDOW`` (counted in the database,
    so every worker and server sees the same)."""
    now = now or timezone.now()
    recent = Comment.objects.filter(author=user, created_at__gte=now - COMMENT_WINDOW).count()
    if recent >= COMMENTS_PER_WINDOW:
        return _("You have commented a lot in the last few minutes. Please wait a little.")
    return None


def can_comment(user, proposal):
    return comment_refusal(user, proposal) is None


def can_edit_comment(user, comment, now=None):
    """Its author, within ``EDIT_MINUTES`` of posting, unless it was hidden."""
    now = now or timezone.now()
    return (
        getattr(user, "is_authenticated", False)
        and comment.author_id == user.pk
        and comment.state != CommentState.HIDDEN
        and now - comment.created_at <= datetime.timedelta(minutes=EDIT_MINUTES)
    )


def can_report_comment(user, comment):
    """Anyone logged in, except the comment's author."""
    return (
        getattr(user, "is_authenticated", False)
        and comment.author_id != user.pk
        and comment.state == CommentState.VISIBLE
    )


def can_answer(user):
    """The committee (居委会): publish the official answer, change the status, escalate."""
    return getattr(user, "is_active", False) and user.has_perm("participation.answer_proposal")


def can_moderate(user):
    """The committee: approve first comments, hide and restore comments."""
    return getattr(user, "is_active", False) and user.has_perm("participation.moderate_comment")
