"""Fixed vocabularies of the participation module, with translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Relation(models.TextChoices):
    """How a resident is connected to the unit they claimed."""

    OWNER_VOTER = "owner_voter", _("Owner's named voter")
    CO_OWNER = "co_owner", _("Co-owner")
    FAMILY = "family", _("Family member")
    TENANT = "tenant", _("Tenant")


class VerificationMethod(models.TextChoices):
    CODE = "code", _("Letter code")
    STAFF = "staff", _("Verified by staff")
