"""Audit-log actions of the participation module (shown in Wagtail's history):
verifying residents by hand, opening and closing votes, paper ballots, audits."""

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


VOTE_ACTIONS = [
    ("linli.vote.open", _("Open vote"), _("Opened the vote")),
    ("linli.vote.close", _("Close vote"), _("Closed the vote")),
    ("linli.vote.paper_ballot", _("Enter paper ballot"), _("Entered a paper ballot")),
    ("linli.vote.ballot_opened", _("Open ballot"), _("An auditor opened a ballot")),
]


def register_vote_log_actions(actions):
    for action, label, message in VOTE_ACTIONS:
        actions.register_action(action, label, message)
