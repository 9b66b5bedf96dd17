"""The committee's side: the official answer, status changes, escalation to a vote.

Every change appends a step to the public trail (``trail.py``); the transitions come
from ``choices.TRANSITIONS``, and declining or closing needs a public note.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.search import index

from participation.consultations.choices import NOTE_REQUIRED, TRANSITIONS, Status
from participation.consultations.models import Proposal, ProposalStep
from participation.trail import ActorRole, TransitionRefused, allowed_next
from participation.votes.models import PlanVote


class StepRefused(Exception):
    """A status change or answer the committee cannot make; the message says why."""


def note_missing(status, note):
    """Declining needs a reason and closing a note (DESIGN: declined with reason)."""
    return status in NOTE_REQUIRED and not (note or "").strip()


def change_status(proposal, actor, status, note="", now=None):
    """Append a committee step moving ``proposal`` to ``status``."""
    now = now or timezone.now()
    note = (note or "").strip()
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        current = proposal.status
        if status not in allowed_next(current, TRANSITIONS):
            raise StepRefused(
                _("A proposal that is “%(current)s” cannot become “%(new)s”.")
                % {"current": Status(current).label, "new": Status(status).label}
            )
        if note_missing(status, note):
            if status == Status.DECLINED:
                raise StepRefused(_("Declining needs a reason, shown to everyone."))
            raise StepRefused(_("Closing needs a note on what was done."))
        if status == Status.DISCUSSION:
            Proposal.objects.filter(pk=proposal.pk, agenda_at__isnull=True).update(agenda_at=now)
        return ProposalStep.objects.create(
            proposal=proposal,
            status=status,
            role=ActorRole.COMMITTEE,
            note=note,
            actor=actor,
            created_at=now,
        )


def publish_answer(proposal, actor, text, now=None):
    """Publish (or change) the official answer; the trail records it; mail goes out."""
    text = (text or "").strip()
    if not text:
        raise StepRefused(_("Write the answer before publishing it."))
    now = now or timezone.now()
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        current = proposal.status
        changed = bool(proposal.answer)
        if Status.ANSWERED in allowed_next(current, TRANSITIONS):
            status, note = Status.ANSWERED, _("The committee published its answer.")
        elif changed:
            status, note = current, _("The committee changed its answer.")
        else:
            raise TransitionRefused(current)
        Proposal.objects.filter(pk=proposal.pk).update(
            answer=text, answer_draft=text, answered_at=now
        )
        ProposalStep.objects.create(
            proposal=proposal,
            status=status,
            role=ActorRole.COMMITTEE,
            note=note,
            actor=actor,
            created_at=now,
        )
        from participation.consultations.tasks import notify_answer

        transaction.on_commit(lambda: _reindex(proposal.pk))
        transaction.on_commit(lambda: notify_answer.enqueue(proposal.pk, changed))
    return proposal


def _reindex(pk):
    """The answer was written with an UPDATE, which Wagtail's signals do not see."""
    index.insert_or_update_object(Proposal.objects.get(pk=pk))


def escalate_to_vote(proposal, actor, now=None):
    """Create a draft plan vote from the proposal, linked both ways; trail notes it."""
    now = now or timezone.now()
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.escalated_to_id:
            raise StepRefused(_("This proposal already has a plan vote."))
        vote = PlanVote.objects.create(
            title=proposal.title,
            space=proposal.get_category_display(),
            description="".join(
                f"<p>{paragraph}</p>"
                for paragraph in _escape(proposal.body).split("\n")
                if paragraph.strip()
            ),
            opens_at=now + datetime.timedelta(days=7),
            closes_at=now + datetime.timedelta(days=21),
            published=False,
        )
        Proposal.objects.filter(pk=proposal.pk).update(escalated_to=vote)
        ProposalStep.objects.create(
            proposal=proposal,
            status=proposal.status,
            role=ActorRole.COMMITTEE,
            actor=actor,
            created_at=now,
            note=_("The committee put it to a plan vote: %(title)s") % {"title": vote.title},
        )
    return vote


def _escape(text):
    from django.utils.html import escape

    return escape(text)
