"""Who may see residents and verify them: building captains and the committee."""

from participation import roles
from participation.permissions import group_names, is_committee, resident_profile


def is_building_captain(user, building):
    """In the 楼栋长 group and appointed to this building on their profile."""
    profile = resident_profile(user)
    return (
        profile is not None
        and profile.captain_of_id is not None
        and profile.captain_of_id == building.pk
        and roles.CAPTAIN in group_names(user)
    )


def can_view_building_residents(user, building):
    """The names and rooms of a building's residents: its captain and the committee."""
    return is_committee(user) or is_building_captain(user, building)


def captained_building(user):
    """The building this user may see as its captain, or ``None``."""
    profile = resident_profile(user)
    if profile is None or profile.captain_of_id is None:
        return None
    building = profile.captain_of
    return building if is_building_captain(user, building) else None


def can_verify_residents(user):
    return getattr(user, "is_active", False) and user.has_perm("participation.verify_resident")
