"""Audit-log actions of the participation module (shown in Wagtail's history):
verifying residents by hand, opening and closing votes, paper ballots, audits, and who
joined or left the auditor (审计) and committee (居委会) groups."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

from participation import roles


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
    ("linli.vote.paper_ballot", _("Enter paper ballot"), _("Entered a paper ballot")),
    ("linli.vote.ballot_opened", _("Open ballot"), _("An auditor opened a ballot")),
]


class CloseVoteFormatter(_WithReason):
    label = _("Close vote")
    message = _("Closed the vote")


# A voided paper ballot's entry is on the vote; its data names the voter as the roll
# shows them (``voter``, in a residents' vote "name · flat") and, since issue 10, the
# roll entry's id (``roll_entry``), so deleting the account can find and rewrite it.
BALLOT_VOIDED = "linli.vote.paper_ballot_voided"


class VoidBallotFormatter(LogFormatter):
    label = _("Void paper ballot")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Voided paper ballot %(number)s for %(voter)s: %(reason)s") % {
            "number": data.get("paper_number", ""),
            "voter": data.get("voter", ""),
            "reason": data.get("reason", ""),
        }


def register_vote_log_actions(actions):
    for action, label, message in VOTE_ACTIONS:
        actions.register_action(action, label, message)
    actions.register_action("linli.vote.close")(CloseVoteFormatter)
    actions.register_action(BALLOT_VOIDED)(VoidBallotFormatter)


# Joining or leaving these groups changes who may open secret ballots (审计) or run votes
# and the register (居委会): each change is an explicit entry naming who made it.
WATCHED_ROLES = (roles.AUDITOR, roles.COMMITTEE)


ROLE_ADDED = "linli.role.member_added"


ROLE_REMOVED = "linli.role.member_removed"


class RoleChangeFormatter(LogFormatter):
    def format_message(self, log_entry):
        data = log_entry.data or {}
        return str(self.message) % {
            "member": data.get("member", "?"),
            "group": data.get("group", "?"),
        }


class RoleAddedFormatter(RoleChangeFormatter):
    label = _("Add to role")
    message = _("%(member)s was added to the group %(group)s")


class RoleRemovedFormatter(RoleChangeFormatter):
    label = _("Remove from role")
    message = _("%(member)s was removed from the group %(group)s")


def register_role_log_actions(actions):
    actions.register_action(ROLE_ADDED)(RoleAddedFormatter)
    actions.register_action(ROLE_REMOVED)(RoleRemovedFormatter)


def _log_membership(group, member, action):
    """One entry on the group; Wagtail's ``log()`` takes the acting user from the admin
    request's log context (None outside a request: a shell or a migration)."""
    log(
        instance=group,
        action=action,
        data={"group": group.name, "member": member.get_username(), "member_id": member.pk},
    )


def log_role_membership(sender, instance, action, reverse, model, pk_set, **kwargs):
    """``m2m_changed`` on ``User.groups`` (and so on ``Group.user_set``, the same table):
    log every member added to or removed from the 审计 and 居委会 groups."""
    if action == "pre_clear":
        # Who is about to go: pk_set is None for clear(), so read the rows first.
        related = instance.user_set.all() if reverse else instance.groups.all()
        instance._linli_cleared = list(related)
        return
    if action == "post_clear":
        changed, what = getattr(instance, "_linli_cleared", []), ROLE_REMOVED
    elif action in ("post_add", "post_remove"):
        changed = list(model.objects.filter(pk__in=pk_set or ()))
        what = ROLE_ADDED if action == "post_add" else ROLE_REMOVED
    else:
        return
    for other in changed:
        group, member = (instance, other) if reverse else (other, instance)
        if group.name in WATCHED_ROLES:
            _log_membership(group, member, what)


def connect_role_signals():
    """Called from ``ParticipationConfig.ready`` so it holds in shells and commands too."""
    User = get_user_model()
    m2m_changed.connect(
        log_role_membership, sender=User.groups.through, dispatch_uid="linli-role-membership"
    )
