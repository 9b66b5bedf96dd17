"""Fixed vocabularies of the content app, as TextChoices with translated labels.

Values are ASCII slugs so they can stand in URLs (``/notices/?category=utilities``);
labels are what residents read.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeCategory(models.TextChoices):
    UTILITIES = "utilities", _("Water and power cuts")
    SAFETY = "safety", _("Safety alerts")
    POLICY = "policy", _("Policy explained")
    ACTIVITY = "activity", _("Community activities")
    PROPERTY = "property", _("Property management")
    JOBS = "jobs", _("Jobs and odd jobs")
    SERVICES = "services", _("Services and errands")


class NoticeIssuer(models.TextChoices):
    COMMITTEE = "committee", _("Residents' committee")
    PROPERTY = "property", _("Property management company")
    SUBDISTRICT = "subdistrict", _("Subdistrict office")
    OWNERS = "owners", _("Owners' committee")
