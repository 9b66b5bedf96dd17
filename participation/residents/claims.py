"""Claiming a unit with the one-time code from the committee's letter.

Rules: a code works once — the unit is taken with a conditional
``UPDATE … WHERE code_used_at IS NULL`` inside the transaction, so two people typing
the same code at the same moment cannot both succeed. After ``MAX_WRONG`` wrong (or
already used) codes within ``WINDOW`` the form refuses for the rest of that hour; the
attempts are rows in the database, counted under a lock on the person's profile. A
code that is not even shaped like one (wrong length, letters outside the alphabet) is
refused with a hint and does not count: it cannot be a guess. Whoever claims as the
owner's named voter becomes ``Owner.voter`` only if the owner has none yet (again a
conditional UPDATE); units the developer holds have no owner to vote for.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.utils import timezone

from participation.households.choices import OwnerKind
from participation.households.codes import candidate_hashes, normalize_code
from participation.households.models import Owner, Unit
from participation.residents.choices import Relation, VerificationMethod
from participation.residents.models import CodeAttempt, ResidentProfile

MAX_WRONG = 5


WINDOW = datetime.timedelta(hours=1)


KEEP_ATTEMPTS = datetime.timedelta(days=1)


class Outcome(StrEnum):
    CLAIMED = "claimed"
    MALFORMED = "malformed"
    WRONG = "wrong"
    USED = "used"
    THROTTLED = "throttled"
    ALREADY_VERIFIED = "already_verified"
    OWNER_HAS_VOTER = "owner_has_voter"
    ALREADY_VOTER = "already_voter"
    DEVELOPER_UNIT = "developer_unit"


# Outcomes that count towards the throttle: a code shaped right that opened nothing.
COUNTED = {Outcome.WRONG, Outcome.USED}


@dataclass
class ClaimResult:
    outcome: Outcome
    unit: Unit | None = None
    retry_at: datetime.datetime | None = None
    attempts_left: int | None = None

    @property
    def ok(self):
        return self.outcome == Outcome.CLAIMED


class _Refused(Exception):
    def __init__(self, outcome):
        self.outcome = outcome


def throttled_until(failures, now, limit=MAX_WRONG, window=WINDOW):
    """When a person may try again, or ``None`` if they may now.

    ``failures`` are the times of their counted failures. Once ``limit`` of them fall
    within ``window`` before ``now``, the form is closed until the oldest of the last
    ``limit`` failures is ``window`` old.
    """
    recent = sorted((t for t in failures if t > now - window), reverse=True)
    if len(recent) < limit:
        return None
    return recent[limit - 1] + window


def _recent_failures(user, now):
    return list(
        CodeAttempt.objects.filter(
            user=user, succeeded=False, created_at__gt=now - WINDOW
        ).values_list("created_at", flat=True)
    )


def locked_until(user, now=None):
    """When ``user`` may type a code again, or ``None`` if they may now (for the form
    shown before a try; after a try, ``ClaimResult.retry_at`` says it)."""
    now = now or timezone.now()
    return throttled_until(_recent_failures(user, now), now)


def claim_unit(user, raw_code, relation, *, accept_privacy=False, now=None):
    """Link ``user`` to the unit whose letter code they typed; returns a ``ClaimResult``."""
    now = now or timezone.now()
    relation = Relation(relation)
    bare = normalize_code(raw_code)
    with transaction.atomic():
        ResidentProfile.objects.get_or_create(user=user)
        profile = ResidentProfile.objects.select_for_update().get(user=user)
        failures = _recent_failures(user, now)
        retry_at = throttled_until(failures, now)
        if retry_at is not None:
            return ClaimResult(Outcome.THROTTLED, retry_at=retry_at)
        if profile.is_verified:
            return ClaimResult(Outcome.ALREADY_VERIFIED, unit=profile.unit)
        if bare is None:
            return ClaimResult(Outcome.MALFORMED, attempts_left=MAX_WRONG - len(failures))
        try:
            with transaction.atomic():
                unit = _take(user, profile, bare, relation, accept_privacy, now)
            result = ClaimResult(Outcome.CLAIMED, unit=unit)
        except _Refused as refused:
            result = ClaimResult(refused.outcome)
        if result.ok or result.outcome in COUNTED:
            CodeAttempt.objects.create(user=user, created_at=now, succeeded=result.ok)
        if result.outcome in COUNTED:
            result.attempts_left = max(MAX_WRONG - len(failures) - 1, 0)
            if result.attempts_left == 0:
                result.retry_at = throttled_until([*failures, now], now)
        CodeAttempt.objects.filter(created_at__lt=now - KEEP_ATTEMPTS).delete()
    return result


def _take(user, profile, bare, relation, accept_privacy, now):
    unit = (
        Unit.objects.select_related("owner", "building")
        .filter(code_hash__in=candidate_hashes(bare))
        .first()
    )
    if unit is None:
        raise _Refused(Outcome.WRONG)
    owner_side = relation in (Relation.OWNER_VOTER, Relation.CO_OWNER)
    if owner_side and unit.owner.kind == OwnerKind.DEVELOPER:
        raise _Refused(Outcome.DEVELOPER_UNIT)
    if not Unit.objects.filter(pk=unit.pk, code_used_at__isnull=True).update(code_used_at=now):
        raise _Refused(Outcome.USED)
    if relation == Relation.OWNER_VOTER:
        try:
            named = Owner.objects.filter(pk=unit.owner_id, voter__isnull=True).update(voter=user)
        except IntegrityError:
            raise _Refused(Outcome.ALREADY_VOTER) from None
        if not named:
            raise _Refused(Outcome.OWNER_HAS_VOTER)
    profile.unit = unit
    profile.relation = relation
    profile.verified_at = now
    profile.verified_by = None
    profile.verification_method = VerificationMethod.CODE
    profile.verification_note = ""
    if accept_privacy and profile.consent_privacy_at is None:
        profile.consent_privacy_at = now
    profile.save()
    return unit
