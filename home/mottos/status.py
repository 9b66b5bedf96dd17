"""Where a resident's submission stands, in words for /me/ and the submission page."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Standing:
    code: str  # "published", "in_review", "sent_back", "draft"
    label: str
    comment: str = ""


def standing(motto):
    """Published, in review, sent back (with the moderator's comment, not their name)
    or a draft no one has looked at yet."""
    if motto.live:
        return Standing("published", _("Published in the gallery"))
    state = motto.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        comment = task_state.get_comment() if task_state is not None else ""
        return Standing("sent_back", _("Sent back for changes"), comment)
    if state is not None:
        return Standing("in_review", _("Waiting for the committee's approval"))
    return Standing("draft", _("Not yet submitted"))
