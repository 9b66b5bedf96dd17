"""Choices of the family-motto gallery (家风家训)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MottoKind(models.TextChoices):
    """家训 is prose passed down in a family, 家风 a short phrase, 对联 a couplet."""

    PROSE = "prose", _("Family precept (家训)")
    PHRASE = "phrase", _("Family saying (家风)")
    COUPLET = "couplet", _("Couplet (对联)")


class FamilyDisplay(models.TextChoices):
    """How the family is shown beside its motto. A family name with a building reveals
    a household, so anything but "a resident household" needs recorded consent."""

    FAMILY_AND_BUILDING = "family_building", _("Family name and building (林家 · 3号楼)")
    FAMILY = "family", _("Family name only (林家)")
    ANONYMOUS = "anonymous", _("A resident household (一户居民)")
