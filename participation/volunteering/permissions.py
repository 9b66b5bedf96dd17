"""Who may do what in volunteering, as named predicates for views, templates and admin."""

from django.utils import timezone

from participation.permissions import is_committee, is_verified_resident
from participation.volunteering.choices import SignUpStatus
from participation.volunteering.models import HOLDING


def leads_team(user, team):
    """A leader of this team (``VolunteerTeam.leaders``)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if not hasattr(user, "_linli_led_teams"):
        user._linli_led_teams = frozenset(user.led_volunteer_teams.values_list("pk", flat=True))
    return team.pk in user._linli_led_teams


def is_leader(user):
    """Leads at least one team."""
    return getattr(user, "is_authenticated", False) and user.led_volunteer_teams.exists()


def can_manage_volunteering(user):
    """The committee (居委会) runs the volunteering admin."""
    return getattr(user, "is_active", False) and user.has_perm("participation.change_shift")


def can_manage_shift(user, shift):
    """Mark attendance, see the roster and cancel volunteers: the team's leaders and
    the committee."""
    return (
        is_committee(user)
        or can_manage_volunteering(user)
        or leads_team(user, shift.opportunity.team)
    )


def can_see_phones(user, team):
    """Volunteers' phone numbers: only the team's own leaders, who call them."""
    return leads_team(user, team)


def can_sign_up(user, shift, now=None):
    """A verified resident, before the sign-up deadline of a published opportunity."""
    from participation.volunteering.signups import signup_refusal

    return signup_refusal(user, shift, now or timezone.now()) is None


def can_cancel(user, signup, now=None):
    """The volunteer, until the cancel deadline (a waitlisted place until the start)."""
    now = now or timezone.now()
    shift = signup.shift
    if not getattr(user, "is_authenticated", False) or signup.user_id != user.pk:
        return False
    if signup.status == SignUpStatus.CANCELLED or now >= shift.starts_at:
        return False
    return signup.status not in HOLDING or now < shift.cancel_closes_at()


def can_record_credits(user):
    """Other credits and corrections in the time bank: the committee."""
    return getattr(user, "is_active", False) and user.has_perm("participation.add_ledgerentry")


def can_view_certificate(user, certificate):
    if not getattr(user, "is_authenticated", False):
        return False
    return certificate.account.user_id == user.pk or can_manage_volunteering(user)


def can_request_certificate(user):
    return is_verified_resident(user)
