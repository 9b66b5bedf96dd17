"""附议: one support per resident (or household), counted by the database.

A support takes the proposal's row lock (``select_for_update``; SQLite's IMMEDIATE
transactions serialise writers anyway), inserts under the unique constraint
(proposal, key), adds one with ``F() + 1`` and then *claims* the agenda with a
conditional UPDATE (``agenda_at IS NULL AND support_count >= threshold``): only the
support that reaches the threshold gets the row, so the 议事中 step is appended once
however many supports race. Reaching it closes supports (the status leaves 已提交).
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.consultations.choices import Status
from participation.consultations.models import ConsultationSettings, Proposal, ProposalStep, Support
from participation.consultations.permissions import support_refusal
from participation.permissions import resident_profile
from participation.trail import ActorRole


class SupportRefused(Exception):
    """A support that cannot be recorded; the message is for the resident."""


def support_key(user, per_household):
    """The voter key: the household (unit) when the setting says so, else the person."""
    if per_household:
        profile = resident_profile(user)
        if profile is not None and profile.unit_id:
            return f"h{profile.unit_id}"
    return f"u{user.pk}"


def threshold_reached(count, threshold):
    """A proposal goes on the agenda when its supports reach the threshold (以上: ≥)."""
    return threshold > 0 and count >= threshold


def add_support(proposal, user, now=None, rules=None):
    """Record ``user``'s support; returns the new count. Raises ``SupportRefused``."""
    now = now or timezone.now()
    rules = rules or ConsultationSettings.load()
    key = support_key(user, rules.one_support_per_household)
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if refusal := support_refusal(user, locked, now):
            raise SupportRefused(refusal)
        try:
            with transaction.atomic():
                Support.objects.create(proposal=locked, user=user, key=key, created_at=now)
        except IntegrityError:
            if key.startswith("h"):
                raise SupportRefused(_("Your household has already supported this.")) from None
            raise SupportRefused(_("You have already supported this proposal.")) from None
        Proposal.objects.filter(pk=locked.pk).update(support_count=F("support_count") + 1)
        claimed = Proposal.objects.filter(
            pk=locked.pk,
            agenda_at__isnull=True,
            support_count__gte=max(rules.support_threshold, 1),
        ).update(agenda_at=now)
        if claimed:
            ProposalStep.objects.create(
                proposal=locked,
                status=Status.DISCUSSION,
                role=ActorRole.SYSTEM,
                created_at=now,
                note=_("%(count)d residents supported it: it is on the committee's agenda.")
                % {"count": rules.support_threshold},
            )
            from participation.consultations.tasks import notify_agenda

            transaction.on_commit(lambda: notify_agenda.enqueue(locked.pk))
        return Proposal.objects.values_list("support_count", flat=True).get(pk=locked.pk)
