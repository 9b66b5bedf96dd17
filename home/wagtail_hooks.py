"""Wagtail hooks of the content app: registration only; what is registered lives in
the features."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home.mottos.bulk_actions import ApproveMottosBulkAction
from home.mottos.viewsets import MottoViewSetGroup

register_snippet(MottoViewSetGroup)
hooks.register("register_bulk_action", ApproveMottosBulkAction)
