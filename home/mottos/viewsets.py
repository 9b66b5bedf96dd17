"""Family mottos and their themes in the Wagtail admin (家风家训 menu)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.mottos.models import FamilyMotto, MottoTheme


class ToneHintColumn(Column):
    def get_value(self, instance):
        return instance.tone_hint


class FamilyMottoViewSet(SnippetViewSet):
    model = FamilyMotto
    icon = "openquote"
    menu_label = _("Family mottos")
    menu_order = 100
    list_display = [
        "__str__",
        "kind",
        "theme",
        Column("family_label", label=_("Family as shown")),
        ToneHintColumn("tone_hint", label=_("Tone hint")),
        UpdatedAtColumn(),
        LiveStatusTagColumn(),
    ]
    list_filter = ["kind", "theme", "live", "featured"]
    ordering = ["-created_at"]
    inspect_view_enabled = True


class MottoThemeViewSet(SnippetViewSet):
    model = MottoTheme
    icon = "tag"
    menu_label = _("Motto themes")
    menu_order = 200
    list_display = ["name", "slug", "sort_order"]


class MottoViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Family mottos")
    menu_icon = "openquote"
    menu_order = 250
    items = (FamilyMottoViewSet, MottoThemeViewSet)
