"""Who may see and do what, as small named predicates.

Views, templates and the admin all ask these, so a rule lives in one place. Roles are
the groups in ``participation.roles``; a superuser passes every staff check.
"""

from django.core.exceptions import ObjectDoesNotExist

from participation import roles


def _groups(user):
    """The user's group names, read once per user object."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not hasattr(user, "_linli_groups"):
        user._linli_groups = frozenset(user.groups.values_list("name", flat=True))
    return user._linli_groups


def _profile(user):
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.resident
    except ObjectDoesNotExist:
        return None


def is_committee(user):
    """Committee staff (居委会): verify residents, keep the register."""
    return bool(getattr(user, "is_active", False)) and (
        user.is_superuser or roles.COMMITTEE in _groups(user)
    )


def is_verified_resident(user):
    profile = _profile(user)
    return profile is not None and profile.is_verified


def can_claim_unit(user):
    """A signed-in person who is not yet linked to a unit may enter a letter code."""
    return getattr(user, "is_authenticated", False) and not is_verified_resident(user)


def can_see_phone(viewer, profile):
    """Only the person themself and the committee see a phone number (never captains)."""
    if not getattr(viewer, "is_authenticated", False):
        return False
    return viewer.pk == profile.user_id or is_committee(viewer)


def is_building_captain(user, building):
    """In the 楼栋长 group and appointed to this building on their profile."""
    profile = _profile(user)
    return (
        profile is not None
        and profile.captain_of_id is not None
        and profile.captain_of_id == building.pk
        and roles.CAPTAIN in _groups(user)
    )


def can_view_building_residents(user, building):
    """The names and rooms of a building's residents: its captain and the committee."""
    return is_committee(user) or is_building_captain(user, building)


def captained_building(user):
    """The building this user may see as its captain, or ``None``."""
    profile = _profile(user)
    if profile is None or profile.captain_of_id is None:
        return None
    building = profile.captain_of
    return building if is_building_captain(user, building) else None


def can_verify_residents(user):
    return getattr(user, "is_active", False) and user.has_perm("participation.verify_resident")


def can_import_households(user):
    return getattr(user, "is_active", False) and user.has_perm("participation.import_households")


def can_view_ballot_choices(user):
    """Auditors (审计) may open individual ballots; editors never can. A superuser holds
    every permission implicitly, so for one the permission must be given explicitly
    (through the 审计 group or to the user): being the site's admin is not enough."""
    if not getattr(user, "is_active", False):
        return False
    if user.is_superuser:
        codename = "view_ballot_choices"
        return (
            user.groups.filter(permissions__codename=codename).exists()
            or user.user_permissions.filter(codename=codename).exists()
        )
    return user.has_perm("participation.view_ballot_choices")


def can_manage_votes(user):
    """The committee defines plan votes, opens and closes them and enters paper ballots."""
    return getattr(user, "is_active", False) and user.has_perm("participation.change_planvote")
