"""Fixed vocabularies of the participation module, with translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OwnerKind(models.TextChoices):
    PERSON = "person", pgettext_lazy("household", "Owner")
    DEVELOPER = "developer", _("Developer (unsold or undelivered units)")
