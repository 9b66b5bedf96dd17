"""Approve several mottos at once from the admin list: each selected motto whose
current moderation task this editor may approve is approved, as on its own page."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from home.mottos.models import FamilyMotto


def approvable_task_state(motto, user):
    """The motto's current task state, if ``user`` may approve it now."""
    state = motto.current_workflow_state
    if state is None or state.status != state.STATUS_IN_PROGRESS:
        return None
    task_state = state.current_task_state
    if task_state is None:
        return None
    actions = [name for name, *_rest in task_state.task.specific.get_actions(motto, user)]
    return task_state if "approve" in actions else None


class ApproveMottosBulkAction(SnippetBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected family mottos")
    template_name = "home/admin/confirm_bulk_approve.html"
    action_priority = 10
    models = [FamilyMotto]

    def check_perm(self, snippet):
        return approvable_task_state(snippet, self.request.user) is not None

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        user = user or kwargs["self"].request.user
        approved = 0
        for motto in objects:
            task_state = approvable_task_state(motto, user)
            if task_state is not None:
                task_state.task.specific.on_action(task_state, user, "approve")
                approved += 1
        return approved, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d family motto approved and published.",
            "%(count)d family mottos approved and published.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
