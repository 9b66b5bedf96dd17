"""Who may see and do what, as small named predicates.

Views, templates and the admin all ask these, so a rule lives in one place. Roles are
the groups in ``participation.roles``; a superuser passes every staff check.
"""

from django.core.exceptions import ObjectDoesNotExist

from participation import roles


def group_names(user):
    """The user's group names, read once per user object."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not hasattr(user, "_linli_groups"):
        user._linli_groups = frozenset(user.groups.values_list("name", flat=True))
    return user._linli_groups


def resident_profile(user):
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.resident
    except ObjectDoesNotExist:
        return None


def is_committee(user):
    """Committee staff (居委会): verify residents, keep the register."""
    return bool(getattr(user, "is_active", False)) and (
        user.is_superuser or roles.COMMITTEE in group_names(user)
    )


def is_verified_resident(user):
    profile = resident_profile(user)
    return profile is not None and profile.is_verified
