"""Fixed vocabularies of the participation module, with translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OwnerKind(models.TextChoices):
    PERSON = "person", _("Owner")
    DEVELOPER = "developer", _("Developer (unsold or undelivered units)")


class Relation(models.TextChoices):
    """How a resident is connected to the unit they claimed."""

    OWNER_VOTER = "owner_voter", _("Owner's named voter")
    CO_OWNER = "co_owner", _("Co-owner")
    FAMILY = "family", _("Family member")
    TENANT = "tenant", _("Tenant")


class VerificationMethod(models.TextChoices):
    CODE = "code", _("Letter code")
    STAFF = "staff", _("Verified by staff")


class BallotKind(models.TextChoices):
    YES_NO = "yes_no", _("Agree / disagree / abstain")
    OPTIONS = "options", _("Choose one of several plans")


class Electorate(models.TextChoices):
    """Who may vote. Values match ``participation.tally.Electorate``."""

    RESIDENTS = "residents", _("Verified residents, one vote each (advisory)")
    HOUSEHOLDS = "households", _("Households, one vote per unit")
    OWNERS = "owners", _("Owners, weighted by floor area (Civil Code Art. 278)")


class Matter(models.TextChoices):
    """Values match ``participation.tally.Matter``."""

    ORDINARY = "ordinary", _("Ordinary matter (more than half)")
    SPECIAL = (
        "special",
        _("Special matter: maintenance fund, rebuilding, change of use (three quarters)"),
    )


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper")
