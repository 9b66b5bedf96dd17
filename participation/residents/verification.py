"""Staff verifying a resident by hand (for someone who lost the letter or cannot use
the code), and withdrawing a verification — always with the reason recorded.

The reason is kept on the profile (``verification_note``) and, with who did it and
when, in Wagtail's audit log (actions ``participation.verify`` and
``participation.unverify``), which the resident's history in the admin shows.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from participation.households.choices import OwnerKind
from participation.households.models import Owner
from participation.residents.choices import Relation, VerificationMethod
from participation.residents.models import ResidentProfile


class VerificationError(Exception):
    pass


def verify_resident(profile, *, unit, relation, reason, by, now=None):
    """Link ``profile`` to ``unit`` as verified by staff member ``by``.

    As the owner's named voter only while the owner has none (a conditional UPDATE,
    as for letter codes); a unit the developer holds has no owner to vote for.
    """
    now = now or timezone.now()
    relation = Relation(relation)
    with transaction.atomic():
        profile = ResidentProfile.objects.select_for_update().get(pk=profile.pk)
        if relation in (Relation.OWNER_VOTER, Relation.CO_OWNER) and (
            unit.owner.kind == OwnerKind.DEVELOPER
        ):
            raise VerificationError(
                _("%(unit)s is held by the developer; choose family member or tenant.")
                % {"unit": unit}
            )
        no_longer_voter = Owner.objects.filter(voter_id=profile.user_id)
        if relation == Relation.OWNER_VOTER:
            no_longer_voter = no_longer_voter.exclude(pk=unit.owner_id)
        no_longer_voter.update(voter=None)
        if relation == Relation.OWNER_VOTER:
            named = (
                Owner.objects.filter(pk=unit.owner_id)
                .filter(Q(voter__isnull=True) | Q(voter_id=profile.user_id))
                .update(voter=profile.user_id)
            )
            if not named:
                raise VerificationError(
                    _("The owner of %(unit)s already has a named voter.") % {"unit": unit}
                )
        profile.unit = unit
        profile.relation = relation
        profile.verified_at = now
        profile.verified_by = by
        profile.verification_method = VerificationMethod.STAFF
        profile.verification_note = reason
        profile.save()
        log(
            profile,
            "participation.verify",
            user=by,
            data={"reason": reason, "unit": str(unit), "relation": relation.value},
        )
    return profile


def unverify_resident(profile, *, reason, by):
    """Withdraw a verification: no longer counted, and no longer an owner's voter."""
    with transaction.atomic():
        profile = ResidentProfile.objects.select_for_update().get(pk=profile.pk)
        Owner.objects.filter(voter_id=profile.user_id).update(voter=None)
        profile.verified_at = None
        profile.verified_by = by
        profile.verification_method = ""
        profile.verification_note = reason
        profile.save()
        log(profile, "participation.unverify", user=by, data={"reason": reason})
    return profile
