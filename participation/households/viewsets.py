"""The household register in the Wagtail admin: buildings, units and owners.

Each listing fetches what it shows in a fixed number of queries (annotations and
select_related in ``get_base_queryset``) and exports to CSV/XLSX through the viewset's
own ``list_export``.
"""

from decimal import Decimal

import django_filters
from django.db.models import Count, DecimalField, F, Sum
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from participation.households.choices import OwnerKind
from participation.households.models import Building, Owner, Unit
from participation.spreadsheets import FormulaSafeExportMixin

# Natural order in the database, so that pagination keeps it: a shorter run of digits
# is a smaller number (2 before 10, room 201 before 1001), and equal lengths compare
# as text. Buildings come in their import order first (``register._sort_order``).
NATURAL_BUILDING_ORDER = ["sort_order", Length("name"), "name"]
NATURAL_UNIT_ORDER = [
    "building__sort_order",
    Length("building__name"),
    "building__name",
    Length("unit_no"),
    "unit_no",
    Length("room"),
    "room",
]


class BuildingIndexView(FormulaSafeExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(unit_count=Count("units"))


class BuildingViewSet(ModelViewSet):
    model = Building
    name = "buildings"
    url_prefix = "participation/buildings"
    icon = "home"
    index_view_class = BuildingIndexView
    copy_view_enabled = False
    list_per_page = 100
    list_display = [
        "name",
        "sort_order",
        Column("unit_count", label=_("Units"), sort_key="unit_count"),
    ]
    search_fields = ["name"]
    form_fields = ["name", "sort_order"]
    ordering = NATURAL_BUILDING_ORDER
    list_export = ["name", "sort_order", "unit_count"]
    export_headings = {"name": _("Building"), "sort_order": _("Order"), "unit_count": _("Units")}
    export_filename = "buildings"


def code_status(unit):
    if unit.code_used_at:
        return _("used")
    if unit.code_hash:
        return _("issued, not used")
    return _("no code")


code_status.short_description = _("Letter code")


class UnitFilterSet(WagtailFilterSet):
    building = django_filters.ModelChoiceFilter(
        label=_("Building"), queryset=Building.objects.all()
    )
    owner_kind = django_filters.ChoiceFilter(
        label=_("Owner kind"), field_name="owner__kind", choices=OwnerKind.choices
    )
    code = django_filters.ChoiceFilter(
        label=_("Letter code"),
        method="filter_code",
        choices=[("unused", _("issued, not used")), ("used", _("used")), ("none", _("no code"))],
    )

    class Meta:
        model = Unit
        fields = []

    def filter_code(self, queryset, name, value):
        if value == "used":
            return queryset.filter(code_used_at__isnull=False)
        if value == "unused":
            return queryset.filter(code_used_at__isnull=True).exclude(code_hash="")
        return queryset.filter(code_hash="", code_used_at__isnull=True)


class UnitIndexView(FormulaSafeExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("building", "owner")


class UnitViewSet(ModelViewSet):
    model = Unit
    name = "units"
    url_prefix = "participation/units"
    icon = "key"
    index_view_class = UnitIndexView
    copy_view_enabled = False
    list_per_page = 50
    list_display = [
        "__str__",
        "area_m2",
        Column("owner", label=pgettext_lazy("household", "Owner"), sort_key="owner__ref"),
        Column("code_status", label=_("Letter code"), accessor=code_status),
    ]
    filterset_class = UnitFilterSet
    ordering = NATURAL_UNIT_ORDER
    search_fields = ["room", "unit_no", "building__name", "owner__ref"]
    form_fields = ["building", "unit_no", "room", "area_m2", "owner"]
    list_export = [
        "building.name",
        "unit_no",
        "room",
        "area_m2",
        "owner.ref",
        "owner.get_kind_display",
    ]
    export_headings = {
        "building.name": _("Building"),
        "unit_no": _("Unit"),
        "room": _("Room"),
        "area_m2": _("Exclusive floor area (m²)"),
        "owner.ref": pgettext_lazy("household", "Owner"),
        "owner.get_kind_display": _("Owner kind"),
    }
    export_filename = "units"


class OwnerFilterSet(WagtailFilterSet):
    building = django_filters.ModelChoiceFilter(
        label=_("Building"), queryset=Building.objects.all(), method="filter_building"
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OwnerKind.choices)

    class Meta:
        model = Owner
        fields = []

    def filter_building(self, queryset, name, value):
        # A subquery, not a join: a join would multiply the annotated sums.
        return queryset.filter(pk__in=Unit.objects.filter(building=value).values("owner_id"))


def area(value):
    """SQLite sums decimals as floats: areas are shown and exported to the centimetre."""
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))


def two_places(value):
    return "" if value is None else str(area(value))


class OwnerIndexView(FormulaSafeExportMixin, IndexView):
    custom_field_preprocess = {"total_area": {"csv": two_places, "xlsx": area}}

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                unit_count=Count("units"),
                total_area=Sum(
                    "units__area_m2", output_field=DecimalField(max_digits=12, decimal_places=2)
                ),
                voter_name=F("voter__username"),
            )
        )


class OwnerViewSet(ModelViewSet):
    model = Owner
    name = "owners"
    url_prefix = "participation/owners"
    icon = "user"
    index_view_class = OwnerIndexView
    copy_view_enabled = False
    list_per_page = 50
    list_display = [
        "ref",
        Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
        Column("unit_count", label=_("Units"), sort_key="unit_count"),
        Column(
            "total_area",
            label=_("Area (m²)"),
            sort_key="total_area",
            accessor=lambda owner: two_places(owner.total_area),
        ),
        Column("voter_name", label=_("Named voter"), sort_key="voter_name"),
    ]
    filterset_class = OwnerFilterSet
    ordering = ["ref"]
    search_fields = ["ref"]
    form_fields = ["ref", "kind"]
    list_export = ["ref", "get_kind_display", "unit_count", "total_area", "voter_name"]
    export_headings = {
        "ref": pgettext_lazy("household", "Owner"),
        "get_kind_display": _("Kind"),
        "unit_count": _("Units"),
        "total_area": _("Area (m²)"),
        "voter_name": _("Named voter"),
    }
    export_filename = "owners"
