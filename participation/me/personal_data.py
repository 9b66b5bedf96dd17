"""A person's rights over their data (PIPL Art. 44–47): see it, take it away, withdraw
consent, delete the account.

Export: every section below, as JSON. Later issues (votes, proposals, sign-ups, time
bank) add their own section with ``@section("name")``.

Deletion deletes the user row (not an anonymised copy): the resident profile, e-mail
addresses and code attempts go with it (CASCADE); ``Owner.voter`` becomes empty
(SET_NULL), so the owner can name a new voter; the unit, its area and its owner — the
household register — stay as they were, and so does the fact that its letter code was
used. Ballots stay counted: ``Ballot.cast_by`` and the roll's ``RollEntry.user`` become
NULL, the choice and the receipt stay. A residents' vote's roll entry, which names the
person and their flat, loses the name, the flat and the voter key made from the user id
(it becomes ``deleted:<entry>``), so nothing ties the counted ballot back to them; owners'
and households' entries name addresses of the register and stay. Entries about the person
in Wagtail's audit log (their profile, their user account) keep the staff member's action
and reason but lose the person's name, flat and relation. Two kinds of entry sit on other
objects but name the person as text, and are rewritten too: a voided paper ballot's entry
(on the vote) names the voter as the roll did, so in a residents' vote its ``voter``
becomes the roll entry's new ``#<entry>``; a role change (on the 审计 or 居委会 group)
names the member by username, which becomes ``#<user id>`` — the id the entries on the
deleted account already carry, so an auditor can still pair "added" with "removed" and
see that the change happened and who made it. Account e-mails still in the task table
(waiting, or failed) are deleted.

Withdrawing consent to the privacy notice also strips the flat, relation and reason from
the audit log's verification entries about the person.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from participation.households.models import Owner
from participation.logs import BALLOT_VOIDED, ROLE_ADDED, ROLE_REMOVED
from participation.residents.models import CodeAttempt, ResidentProfile
from participation.votes.choices import Channel, Electorate
from participation.votes.models import Ballot, PlanVote, RollEntry

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
        "phone_verified_at": _time(profile.phone_verified_at),
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


@section("consultations")
def _consultations(user):
    """Proposals, supports and comments; deletion keeps them, shown as 已注销用户."""
    from participation.consultations.me import export as consultations_export

    return consultations_export(user)


@section("paper_ballots_entered_for_me")
def _paper_ballots(user):
    """Paper ballots the committee entered for a roll entry in the person's name: that
    they count, when, the paper's number and receipt; never the choice or the clerk."""
    ballots = (
        Ballot.objects.filter(roll_entry__user=user, channel=Channel.PAPER)
        .select_related("vote")
        .order_by("cast_at", "pk")
    )
    return [
        {
            "vote": ballot.vote.title,
            "cast_at": _time(ballot.cast_at),
            "paper_number": ballot.paper_number,
            "receipt": ballot.receipt,
        }
        for ballot in ballots
    ]


@section("electoral_rolls")
def _roll_entries(user):
    """The frozen rolls the person is on, as whom, with what weight, and whether a
    ballot was counted for the entry."""
    entries = RollEntry.objects.filter(user=user).select_related("vote", "building", "ballot")
    return [
        {
            "vote": entry.vote.title,
            "electorate": entry.vote.electorate,
            "as": entry.label,
            "building": entry.building.name if entry.building else None,
            "heads": entry.heads,
            "area_m2": str(entry.area),
            "ballot_counted": _has_ballot(entry),
        }
        for entry in entries.order_by("vote__pk", "pk")
    ]


def _has_ballot(entry):
    try:
        return entry.ballot is not None
    except Ballot.DoesNotExist:
        return False


def _entries_on_the_person(user):
    """Audit-log entries whose object is the person's profile or account."""
    about = Q(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_id=str(user.pk),
    )
    profile_pk = ResidentProfile.objects.filter(user=user).values_list("pk", flat=True).first()
    if profile_pk is not None:
        about |= Q(
            content_type=ContentType.objects.get_for_model(ResidentProfile),
            object_id=str(profile_pk),
        )
    return about


def _voided_ballots_of(entries):
    """Void-ballot entries (on the vote) for these roll entries: by the roll entry's id,
    or, for entries logged before the id was recorded, by the vote and the roll label.
    Never another voter's: both ways name one entry of one vote."""
    match = Q(pk__in=[])
    for entry in entries:
        match |= Q(object_id=str(entry.vote_id)) & (
            Q(data__roll_entry=entry.pk) | Q(data__roll_entry__isnull=True, data__voter=entry.label)
        )
    return match & Q(content_type=ContentType.objects.get_for_model(PlanVote), action=BALLOT_VOIDED)


def _role_changes_of(user):
    """Entries (on the group) adding the person to, or removing them from, 审计 or 居委会."""
    return Q(action__in=(ROLE_ADDED, ROLE_REMOVED), data__member_id=user.pk)


def _log_entries_about(user):
    """Wagtail audit-log entries about the person: on their profile or account, on a
    vote where a paper ballot entered for them was voided, on a group they joined or
    left. Entries that only name someone else are not among them."""
    about = (
        _entries_on_the_person(user)
        | _voided_ballots_of(RollEntry.objects.filter(user=user))
        | _role_changes_of(user)
    )
    return ModelLogEntry.objects.filter(about)


@section("audit_log")
def _audit_log(user):
    """What staff recorded about the person: action, time, message and details; not
    which staff member (that is about someone else)."""
    return [
        {
            "action": entry.action,
            "time": _time(entry.timestamp),
            "message": str(entry.message),
            "details": entry.data or {},
        }
        for entry in _log_entries_about(user).order_by("timestamp", "pk")
    ]


@section("reports")
def _reports(user):
    from participation.reports.me import export as reports_export

    return reports_export(user)


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
        _strip_log_details(user, VERIFICATION_DETAILS)
        Owner.objects.filter(voter=user).update(voter=None)
        ResidentProfile.objects.filter(user=user).update(
            unit=None,
            relation="",
            verified_at=None,
            verified_by=None,
            verification_method="",
            verification_note="",
            phone="",
            phone_verified_at=None,
            captain_of=None,
            consent_privacy_at=None,
            consent_contact_at=None,
        )


# Keys of a verification's audit-log data that describe the person, not the staff act.
VERIFICATION_DETAILS = ("unit", "relation", "reason")


ADDRESS_DETAILS = ("unit", "relation")


def _strip_log_details(user, keys, label=None):
    """Remove ``keys`` from the data of log entries on ``user``'s profile or account
    (and set ``label``)."""
    for entry in ModelLogEntry.objects.filter(_entries_on_the_person(user)):
        data = {k: v for k, v in (entry.data or {}).items() if k not in keys}
        if data != (entry.data or {}) or (label and entry.label != label(entry)):
            entry.data = data
            if label:
                entry.label = label(entry)
            entry.save(update_fields=["data", "label"])


def _forget_roll_entries(user):
    """A residents' vote's roll entry names the person and their flat: drop both, and
    the voter key made from the user id, keeping heads and the counted ballot. A voided
    paper ballot's log entry repeats the label; it gets the new one."""
    entries = RollEntry.objects.filter(user=user, vote__electorate=Electorate.RESIDENTS)
    for entry in entries:
        forgotten = f"#{entry.pk}"
        for logged in ModelLogEntry.objects.filter(_voided_ballots_of([entry])):
            logged.data = {**logged.data, "voter": forgotten, "roll_entry": entry.pk}
            logged.save(update_fields=["data"])
        entry.label = forgotten
        entry.voter_key = f"deleted:{entry.pk}"
        entry.unit = None
        entry.user = None
        entry.save(update_fields=["label", "voter_key", "unit", "user"])


def _forget_role_changes(user):
    """A role change names the member by username: ``#<user id>`` instead (see the
    module docstring); who made the change and when stay."""
    for logged in ModelLogEntry.objects.filter(_role_changes_of(user)):
        logged.data = {**logged.data, "member": f"#{user.pk}"}
        logged.save(update_fields=["data"])


def _forget_mail_tasks(user):
    """Account e-mails to the person still in the task table (waiting, or failed)."""
    if user.email:
        DBTaskResult.objects.filter(
            task_path="participation.residents.tasks.send_email",
            args_kwargs__kwargs__to__icontains=user.email,
        ).delete()


def delete_account(user):
    """Delete the user; the household register stays (see the module docstring)."""
    with transaction.atomic():
        _strip_log_details(
            user,
            ADDRESS_DETAILS,
            label=lambda entry: f"#{entry.object_id}",
        )
        _forget_roll_entries(user)
        _forget_role_changes(user)
        _forget_mail_tasks(user)
        Owner.objects.filter(voter=user).update(voter=None)
        from participation.volunteering.me import forget as forget_volunteer

        forget_volunteer(user)
        user.delete()
