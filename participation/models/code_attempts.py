"""Attempts to claim a unit with a letter code, kept to throttle guessing.

The throttle counts rows in the database (not the cache), so it holds across
processes and hosts. Rows older than a day are deleted as new attempts arrive.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
