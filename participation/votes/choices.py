"""Fixed vocabularies of the participation module, with translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BallotKind(models.TextChoices):
    YES_NO = "yes_no", _("Agree / disagree / abstain")
    OPTIONS = "options", _("Choose one of several plans")


class Electorate(models.TextChoices):
    """Who may vote. Values match ``participation.votes.tally.Electorate``."""

    RESIDENTS = "residents", _("Verified residents, one vote each (advisory)")
    HOUSEHOLDS = "households", _("Households, one vote per unit")
    OWNERS = "owners", _("Owners, weighted by floor area (Civil Code Art. 278)")


class Matter(models.TextChoices):
    """Values match ``participation.votes.tally.Matter``."""

    ORDINARY = "ordinary", _("Ordinary matter (more than half)")
    SPECIAL = (
        "special",
        _("Special matter: maintenance fund, rebuilding, change of use (three quarters)"),
    )


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper")
