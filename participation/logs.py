"""Audit-log actions for verifying residents by hand (shown in Wagtail's history)."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter


class _WithReason(LogFormatter):
    def format_message(self, log_entry):
        reason = (log_entry.data or {}).get("reason", "")
        return f"{self.message}: {reason}" if reason else str(self.message)


class VerifyFormatter(_WithReason):
    label = _("Verify resident")
    message = _("Verified")


class UnverifyFormatter(_WithReason):
    label = _("Unverify resident")
    message = _("Verification withdrawn")


def register_log_actions(actions):
    actions.register_action("participation.verify")(VerifyFormatter)
    actions.register_action("participation.unverify")(UnverifyFormatter)
