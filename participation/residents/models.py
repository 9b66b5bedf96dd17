"""Residents: a person's link to a unit, how it was verified, and their consents.

Personal data is kept to the minimum the participation features need (PIPL Art. 6):
a display name, an optional phone number, the unit and relation, and timestamps.
A verified mobile number (``+86`` and eleven digits) logs its owner in, so it belongs
to one profile only, enforced by a conditional unique constraint.
Attempts to claim a unit with a letter code are kept to throttle guessing.

The throttle counts rows in the database (not the cache), so it holds across
processes and hosts. Rows older than a day are deleted as new attempts arrive.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from participation.residents.choices import Relation, VerificationMethod


class ResidentProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="resident",
        verbose_name=_("user"),
    )
    display_name = models.CharField(_("display name"), max_length=40, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    phone_verified_at = models.DateTimeField(_("phone confirmed at"), null=True, blank=True)
    unit = models.ForeignKey(
        "participation.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="residents",
        verbose_name=_("unit"),
    )
    relation = models.CharField(_("relation"), max_length=16, choices=Relation.choices, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verification_method = models.CharField(
        _("verified through"), max_length=16, choices=VerificationMethod.choices, blank=True
    )
    verification_note = models.CharField(_("reason"), max_length=200, blank=True)
    consent_privacy_at = models.DateTimeField(_("accepted the privacy notice at"), null=True)
    consent_contact_at = models.DateTimeField(_("agreed to be contacted at"), null=True, blank=True)
    captain_of = models.ForeignKey(
        "participation.Building",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="captains",
        verbose_name=_("building captain of"),
        help_text=_(
            "A building captain (楼栋长) sees the names and rooms of this building's residents."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("resident")
        verbose_name_plural = _("residents")
        constraints = [
            # A verified mobile number is a way to log in: it opens one account only.
            models.UniqueConstraint(
                fields=["phone"],
                condition=models.Q(phone_verified_at__isnull=False),
                name="resident_verified_phone_unique",
                violation_error_message=_("This mobile number already belongs to another account."),
            ),
        ]
        permissions = [
            ("verify_resident", _("Can verify and unverify residents")),
            ("view_ballot_choices", _("Can open individual ballots (auditor)")),
        ]

    def __str__(self):
        return self.display_name or self.user.get_username()

    @property
    def is_verified(self):
        return self.verified_at is not None and self.unit_id is not None


class CodeAttempt(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="code_attempts",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("time"), db_index=True)
    succeeded = models.BooleanField(_("succeeded"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("code attempt")
        verbose_name_plural = _("code attempts")
        indexes = [models.Index(fields=["user", "created_at"], name="code_attempt_user_time")]

    def __str__(self):
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M} {self.succeeded}"
