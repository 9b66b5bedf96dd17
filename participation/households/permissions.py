"""Who may import the household register and issue letter codes (居委会)."""


def can_import_households(user):
    return getattr(user, "is_active", False) and user.has_perm("participation.import_households")
