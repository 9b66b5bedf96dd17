"""Consultation mail (django-tasks: at once in development and tests, ``manage.py
db_worker`` in production): the agenda to the committee, the answer to the author and
supporters, a hidden comment to its author. Mail goes out in the community's language."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from participation.consultations.models import Comment, ConsultationSettings, Proposal
from participation.mail import committee_emails, send_each


def _url(proposal):
    return settings.WAGTAILADMIN_BASE_URL + proposal.get_absolute_url()


@task()
def notify_agenda(proposal_id):
    """Tell the committee a proposal reached the threshold and is on its agenda."""
    proposal = Proposal.objects.get(pk=proposal_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("On the agenda: %(title)s") % {"title": proposal.title}
        body = _(
            "The proposal “%(title)s” has %(count)d supports and is now on the committee's "
            "agenda. Set a meeting date and answer it in the admin.\n\n%(url)s"
        ) % {
            "title": proposal.title,
            "count": ConsultationSettings.load().support_threshold,
            "url": _url(proposal),
        }
    return send_each(committee_emails(), subject, body)


@task()
def notify_answer(proposal_id, changed=False):
    """Tell the author and every supporter that the committee answered (or changed it)."""
    proposal = Proposal.objects.get(pk=proposal_id)
    users = get_user_model().objects.filter(
        Q(pk=proposal.author_id) | Q(proposal_supports__proposal=proposal), is_active=True
    )
    addresses = {email for email in users.values_list("email", flat=True) if email}
    with translation.override(settings.LANGUAGE_CODE):
        if changed:
            subject = _("Answer changed: %(title)s") % {"title": proposal.title}
        else:
            subject = _("The committee answered: %(title)s") % {"title": proposal.title}
        body = _("%(answer)s\n\nRead the answer and the proposal's trail: %(url)s") % {
            "answer": proposal.answer,
            "url": _url(proposal),
        }
    return send_each(addresses, subject, body)


@task()
def notify_comment_hidden(comment_id):
    """Tell a comment's author it was hidden, why, and that they can ask for a review."""
    comment = Comment.objects.select_related("author", "proposal").get(pk=comment_id)
    if comment.author is None or not comment.author.email:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your comment was hidden")
        body = _(
            "Your comment on “%(title)s” was hidden: %(reason)s\n\nIf you think this is a "
            "mistake, open the proposal and ask for a review: %(url)s"
        ) % {
            "title": comment.proposal.title,
            "reason": comment.hidden_reason,
            "url": _url(comment.proposal),
        }
    return send_each({comment.author.email}, subject, body)
