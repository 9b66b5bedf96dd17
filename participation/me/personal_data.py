"""A person's rights over their data (PIPL Art. 44–47): see it, take it away, withdraw
consent, delete the account.

Export: every section below, as JSON. Later issues (votes, proposals, sign-ups, time
bank) add their own section with ``@section("name")``.

Deletion deletes the user row (not an anonymised copy): the resident profile, e-mail
addresses and code attempts go with it (CASCADE); ``Owner.voter`` becomes empty
(SET_NULL), so the owner can name a new voter; the unit, its area and its owner — the
household register — stay as they were, and so does the fact that its letter code was
used. Ballots stay counted: ``Ballot.cast_by`` and the roll's ``RollEntry.user`` become
NULL, the choice and the receipt stay. Entries about the person in Wagtail's audit log keep
the staff member's action and reason but lose the person's name.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from participation.households.models import Owner
from participation.residents.models import CodeAttempt, ResidentProfile

SECTIONS = []


def section(name):
    """Register ``func(user) -> JSON-able`` as one section of the export."""

    def register(func):
        SECTIONS.append((name, func))
        return func

    return register


def _time(value):
    return value.isoformat() if value else None


def _address(unit):
    return {
        "building": unit.building.name,
        "unit": unit.unit_no,
        "room": unit.room,
        "area_m2": str(unit.area_m2),
    }


@section("account")
def _account(user):
    from allauth.account.models import EmailAddress

    return {
        "username": user.get_username(),
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": _time(user.date_joined),
        "last_login": _time(user.last_login),
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
    }


@section("resident")
def _resident(user):
    profile = (
        ResidentProfile.objects.select_related("unit__building", "captain_of")
        .filter(user=user)
        .first()
    )
    if profile is None:
        return None
    return {
        "display_name": profile.display_name,
        "phone": profile.phone,
        "unit": _address(profile.unit) if profile.unit else None,
        "relation": profile.relation,
        "verified_at": _time(profile.verified_at),
        "verified_through": profile.verification_method,
        "verification_note": profile.verification_note,
        "building_captain_of": profile.captain_of.name if profile.captain_of else None,
        "accepted_privacy_notice_at": _time(profile.consent_privacy_at),
        "agreed_to_be_contacted_at": _time(profile.consent_contact_at),
        "created_at": _time(profile.created_at),
    }


@section("named_voter_for")
def _voter(user):
    owner = Owner.objects.filter(voter=user).first()
    if owner is None:
        return None
    units = owner.units.select_related("building").order_by("building__name", "unit_no", "room")
    return {"owner": owner.ref, "units": [_address(unit) for unit in units]}


@section("plan_votes")
def _ballots(user):
    """That the person voted, when and how (channel, receipt); never what they chose."""
    from participation.votes.ballots import ballots_cast_by

    return [
        {
            "vote": ballot.vote.title,
            "channel": ballot.channel,
            "cast_at": _time(ballot.cast_at),
            "changed_at": _time(ballot.changed_at),
            "receipt": ballot.receipt,
        }
        for ballot in ballots_cast_by(user)
    ]


@section("volunteering")
def _volunteering(user):
    from participation.volunteering.me import export_data

    return export_data(user)


@section("letter_code_attempts")
def _attempts(user):
    return [
        {"time": _time(a.created_at), "succeeded": a.succeeded}
        for a in CodeAttempt.objects.filter(user=user).order_by("created_at")
    ]


def export(user):
    """Everything stored about ``user``, and nothing about anyone else."""
    data = {"exported_at": _time(timezone.now())}
    for name, func in SECTIONS:
        data[name] = func(user)
    return data


def withdraw_contact_consent(user):
    ResidentProfile.objects.filter(user=user).update(consent_contact_at=None)


def give_contact_consent(user):
    ResidentProfile.objects.filter(user=user, consent_contact_at__isnull=True).update(
        consent_contact_at=timezone.now()
    )


def withdraw_privacy_consent(user):
    """Stop processing the household data: no unit, no verification, no phone, no vote.

    The account stays so the person can still log in, read and agree again later.
    """
    with transaction.atomic():
        Owner.objects.filter(voter=user).update(voter=None)
        ResidentProfile.objects.filter(user=user).update(
            unit=None,
            relation="",
            verified_at=None,
            verified_by=None,
            verification_method="",
            verification_note="",
            phone="",
            captain_of=None,
            consent_privacy_at=None,
            consent_contact_at=None,
        )


def delete_account(user):
    """Delete the user; the household register stays (see the module docstring)."""
    with transaction.atomic():
        profile = ResidentProfile.objects.filter(user=user).first()
        if profile is not None:
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(ResidentProfile),
                object_id=str(profile.pk),
            ).update(label=f"#{profile.pk}")
        Owner.objects.filter(voter=user).update(voter=None)
        from participation.volunteering.me import forget as forget_volunteer

        forget_volunteer(user)
        user.delete()
