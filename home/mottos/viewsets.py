"""Family mottos and their themes in the Wagtail admin (家风家训 menu)."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, UpdatedAtColumn
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from home.mottos.admin_views import MottoImportView
from home.mottos.models import FamilyMotto, MottoTheme


class ToneHintColumn(Column):
    def get_value(self, instance):
        return instance.tone_hint


class FamilyMottoIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("home.add_familymotto"):
            buttons.append(
                HeaderButton(
                    _("Import a file"),
                    url=reverse("wagtailsnippets_home_familymotto:import"),
                    icon_name="upload",
                )
            )
        return buttons


class FamilyMottoViewSet(SnippetViewSet):
    """Mottos in the admin: list with filters and the tone hint, the moderation
    workflow on each edit page, bulk approval, and the import of a file."""

    model = FamilyMotto
    index_view_class = FamilyMottoIndexView
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

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", MottoImportView.as_view(), name="import"),
        ]


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
