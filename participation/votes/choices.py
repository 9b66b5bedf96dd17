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


class Art278Item(models.IntegerChoices):
    """The nine matters the owners decide together (Civil Code Art. 278 para. 1).

    Values are the item numbers; ``participation.votes.tally.matter_for_item`` derives
    the majority each needs (items 6–8: three quarters, the others: more than half).
    """

    RULES_OF_PROCEDURE = 1, _("(1) Make or amend the rules of procedure of the owners' assembly")
    MANAGEMENT_STATUTE = 2, _("(2) Make or amend the management statute")
    COMMITTEE = 3, _("(3) Elect the owners' committee or replace its members")
    MANAGER = 4, _("(4) Engage or dismiss the property service company or other manager")
    USE_FUND = 5, _("(5) Use the maintenance fund of the building and its facilities")
    RAISE_FUND = 6, _("(6) Raise the maintenance fund of the building and its facilities")
    REBUILD = 7, _("(7) Rebuild or reconstruct the building and its facilities")
    COMMON_PARTS = 8, _("(8) Change the use of common parts, or use common parts to run a business")
    OTHER = 9, _("(9) Other major matters of common ownership and joint management")


class OptionRole(models.TextChoices):
    """What choosing an option means to the tally, whatever its key or label."""

    ADOPT = "adopt", _("Adopt (agree, or a plan)")
    AGAINST = "against", _("Against (disagree)")
    ABSTAIN = "abstain", _("Abstain")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper")
