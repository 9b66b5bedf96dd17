"""The content app's pages in the site search (see ``portal.search.registry``)."""

from django.utils.translation import gettext_lazy as _

from home.events.models import EventPage
from home.mottos.models import FamilyMotto
from home.notices.models import NoticePage
from home.pages import StandardPage
from portal.search.registry import register

register(
    NoticePage,
    _("Notice"),
    queryset=lambda: NoticePage.objects.visible().public(),
    snippet_fields=("summary", "body"),
)
register(StandardPage, _("Page"), snippet_fields=("search_description", "intro", "body"))
register(
    FamilyMotto,
    _("Family motto"),
    queryset=lambda: FamilyMotto.objects.public(),
    snippet_fields=("text", "upper_line", "story"),
)
register(EventPage, _("Event"), snippet_fields=("summary", "location", "body"))
