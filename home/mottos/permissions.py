"""Who may submit family mottos and change their own submissions."""

from participation.permissions import is_verified_resident


def can_submit_motto(user):
    """Verified residents submit mottos; the household is known from their unit."""
    return is_verified_resident(user)


def can_change_submission(user, motto):
    """The resident who submitted a motto may change it while it is sent back to them."""
    return (
        getattr(user, "is_authenticated", False)
        and motto.submitted_by_id == user.pk
        and not motto.live
    )
