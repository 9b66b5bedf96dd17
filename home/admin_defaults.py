"""Wagtail's own starting data in the community's language.

Wagtail's migrations create a workflow and a task named "Moderators approval"; the
names are data, so no catalogue translates them and the Chinese admin would show
English. After each migrate, rename them if they still carry Wagtail's English name
(a name an administrator chose is left alone).
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

WAGTAIL_DEFAULT = "Moderators approval"


def rename_wagtail_defaults(**kwargs):
    from wagtail.models import Task, Workflow

    with translation.override(settings.LANGUAGE_CODE):
        name = gettext(WAGTAIL_DEFAULT)
    if name == WAGTAIL_DEFAULT:
        return
    Workflow.objects.filter(name=WAGTAIL_DEFAULT).update(name=name)
    Task.objects.filter(name=WAGTAIL_DEFAULT).update(name=name)
