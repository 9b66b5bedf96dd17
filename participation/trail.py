"""A public status trail: append-only steps, shared by consultations and reports.

Why: residents must be able to see what happened to what they raised, when, and who
acted (中办发〔2015〕41号: report back to residents). A trail that could be edited
would prove nothing, so a step is written once and never changed or deleted, and the
current status is *derived* from the trail (the newest step), never stored beside it.

How a feature uses it (consultations and resident reports do):

1. Subclass :class:`TrailStep` with a foreign key to the tracked object and the
   feature's own status choices::

       class ReportStep(TrailStep):
           report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="steps")
           status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices)

           class Meta(TrailStep.Meta):
               indexes = [models.Index(fields=["report", "created_at"])]

2. Write the feature's transitions table, ``{status: {statuses that may follow}}``
   (consultations: ``choices.TRANSITIONS``), and ask :func:`allowed_next` or
   :func:`check_transition` before appending; append with ``Step.objects.create``.
3. Read the current status with :func:`current_status` (one object) or annotate a
   queryset with :func:`with_current_status` (lists: one subquery, no extra queries).
   Steps whose status is in ``events`` (reports: an escalation, a referral) are shown
   on the trail but do not change the current status.
4. Show the timeline with ``{% include "includes/trail.html" with steps=... %}``; each
   step needs ``get_status_display``, ``get_role_display``, ``created_at``, ``note``.

The model refuses ``save()`` on an existing row and ``delete()``; its default manager
refuses ``update()`` and ``delete()`` on querysets. Deleting the tracked object still
deletes its steps (Django's collector does not use the default manager), and deleting
a staff account only unlinks ``actor``.
"""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TrailIsAppendOnly(Exception):
    """Raised on any attempt to change or delete a step of a trail."""


class TransitionRefused(Exception):
    """A status change that the feature's transitions table does not allow."""


class ActorRole(models.TextChoices):
    """Who acted, as the public sees it (names of staff are not shown)."""

    RESIDENT = "resident", _("Resident")
    COMMITTEE = "committee", _("Residents' committee")
    PROPERTY = "property", _("Property company")
    SYSTEM = "system", _("System")


class TrailQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TrailIsAppendOnly("trail steps cannot be updated")

    def delete(self):
        raise TrailIsAppendOnly("trail steps cannot be deleted")

    def bulk_update(self, objs, fields, batch_size=None):
        raise TrailIsAppendOnly("trail steps cannot be updated")


class TrailStep(models.Model):
    """One step of a public trail: when, which status, who (role), and a public note."""

    created_at = models.DateTimeField(_("time"), default=timezone.now)
    status = models.CharField(_("status"), max_length=20)
    role = models.CharField(_("acting role"), max_length=16, choices=ActorRole.choices)
    note = models.TextField(_("public note"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("acted by"),
    )

    objects = TrailQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TrailIsAppendOnly("a trail step is written once")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TrailIsAppendOnly("a trail step cannot be deleted")


def allowed_next(current, transitions):
    """The statuses that may follow ``current`` in ``transitions`` (a pure lookup).

    ``transitions`` maps each status to the set of statuses allowed after it; a status
    missing from the table, or mapped to an empty set, is final.
    """
    return frozenset(transitions.get(current, ()))


def check_transition(current, new, transitions):
    """Raise :class:`TransitionRefused` unless ``new`` may follow ``current``."""
    if new not in allowed_next(current, transitions):
        raise TransitionRefused(f"{current} → {new} is not allowed")


def current_status(steps, events=()):
    """The status of the newest step of an ordered iterable of steps, or ``None``.

    ``events`` are statuses that mark something happening on the trail without
    changing where the object stands (reports: 督办, 吹哨, 转为议事): they are skipped.
    """
    steps = [step for step in steps if step.status not in events]
    return steps[-1].status if steps else None


def with_current_status(queryset, step_model, fk_name, name="current_status", events=()):
    """Annotate ``queryset`` with its objects' current status, derived from their trail
    in one correlated subquery (the newest step of each object that is not an event)."""
    newest = step_model._base_manager.filter(**{fk_name: OuterRef("pk")})
    if events:
        newest = newest.exclude(status__in=list(events))
    newest = newest.order_by("-created_at", "-pk")
    return queryset.annotate(**{name: Subquery(newest.values("status")[:1])})
