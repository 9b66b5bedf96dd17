"""Mottos and themes invalidate the anonymous page cache; approval and sending back
tell the resident who submitted the motto, in our own words."""

from django.db import transaction
from wagtail.signals import workflow_approved, workflow_rejected

from home.mottos.models import FamilyMotto, MottoTheme
from portal.page_cache import invalidate_on

invalidate_on(FamilyMotto, MottoTheme)


def _motto(workflow_state):
    obj = workflow_state.content_object
    return obj if isinstance(obj, FamilyMotto) and obj.submitted_by_id else None


def _approved(sender, instance, user=None, **kwargs):
    if motto := _motto(instance):
        from home.mottos.tasks import tell_submitter

        transaction.on_commit(lambda: tell_submitter.enqueue(motto.pk, "approved"))


def _rejected(sender, instance, user=None, **kwargs):
    if motto := _motto(instance):
        from home.mottos.tasks import tell_submitter

        task_state = instance.current_task_state
        comment = task_state.get_comment() if task_state is not None else ""
        transaction.on_commit(lambda: tell_submitter.enqueue(motto.pk, "sent_back", comment))


workflow_approved.connect(_approved, dispatch_uid="mottos-approved")
workflow_rejected.connect(_rejected, dispatch_uid="mottos-rejected")
