"""Fixed vocabularies of the participation module, with translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OwnerKind(models.TextChoices):
    PERSON = "person", _("Owner")
    DEVELOPER = "developer", _("Developer (unsold or undelivered units)")
