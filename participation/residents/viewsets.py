"""Residents in the Wagtail admin: list, filter the pending ones, verify or unverify
by hand with the reason recorded, appoint a building captain."""

import django_filters
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from participation import roles
from participation.formtools import autofocus_first_error
from participation.households.models import Building
from participation.residents import permissions
from participation.residents.admin_views import AssistedAccountView, assisted_sheet
from participation.residents.choices import Relation
from participation.residents.forms import UnverifyResidentForm, VerifyResidentForm
from participation.residents.models import ResidentProfile
from participation.residents.verification import (
    VerificationError,
    unverify_resident,
    verify_resident,
)
from participation.spreadsheets import FormulaSafeExportMixin


class ResidentPermissionPolicy(ModelPermissionPolicy):
    """Residents sign up themselves: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class ResidentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        method="filter_status",
        choices=[
            ("pending", gettext_lazy("Waiting for verification")),
            ("verified", gettext_lazy("Verified")),
        ],
    )
    building = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Building"), field_name="unit__building", queryset=Building.objects.all()
    )
    relation = django_filters.ChoiceFilter(label=gettext_lazy("Relation"), choices=Relation.choices)

    class Meta:
        model = ResidentProfile
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(verified_at__isnull=(value == "pending"))


def status_label(profile):
    return _("Verified") if profile.verified_at else _("Waiting for verification")


class ResidentIndexView(FormulaSafeExportMixin, IndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if permissions.can_verify_residents(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Make an account at the office"),
                    url=reverse("residents:assisted"),
                    icon_name="plus",
                )
            )
        return buttons

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "unit__building")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if permissions.can_verify_residents(self.request.user):
            if instance.verified_at:
                buttons.append(
                    MenuItem(
                        _("Unverify"),
                        url=reverse("residents:unverify", args=[instance.pk]),
                        icon_name="cross",
                        priority=15,
                    )
                )
            else:
                buttons.append(
                    MenuItem(
                        _("Verify"),
                        url=reverse("residents:verify", args=[instance.pk]),
                        icon_name="check",
                        priority=5,
                    )
                )
        return buttons


def sync_captain_group(profile):
    """Appointing a building captain on the profile also grants the 楼栋长 role."""
    group, _created = Group.objects.get_or_create(name=roles.CAPTAIN)
    if profile.captain_of_id:
        profile.user.groups.add(group)
    else:
        profile.user.groups.remove(group)


class ResidentEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        sync_captain_group(instance)
        return instance


class _VerificationView(WagtailAdminTemplateMixin, FormView):
    template_name = "participation/admin/verify_resident.html"
    header_icon = "user"

    def dispatch(self, request, pk):
        if not permissions.can_verify_residents(request.user):
            raise PermissionDenied
        self.profile = get_object_or_404(
            ResidentProfile.objects.select_related("user", "unit__building"), pk=pk
        )
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.profile)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(profile=self.profile, index_url=reverse("residents:index"))
        return context

    def form_invalid(self, form):
        autofocus_first_error(form)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class VerifyResidentView(_VerificationView):
    form_class = VerifyResidentForm
    page_title = gettext_lazy("Verify resident")
    submit_label = gettext_lazy("Verify")

    def get_initial(self):
        unit = self.profile.unit
        return {
            "unit": f"{unit.building.name}-{unit.unit_no}-{unit.room}" if unit else "",
            "relation": self.profile.relation,
        }

    def form_valid(self, form):
        try:
            verify_resident(
                self.profile,
                unit=form.cleaned_data["unit"],
                relation=form.cleaned_data["relation"],
                reason=form.cleaned_data["reason"],
                by=self.request.user,
            )
        except VerificationError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s is verified.") % {"name": self.profile})
        return redirect("residents:index")


class UnverifyResidentView(_VerificationView):
    form_class = UnverifyResidentForm
    page_title = gettext_lazy("Unverify resident")
    submit_label = gettext_lazy("Unverify")

    def form_valid(self, form):
        unverify_resident(self.profile, reason=form.cleaned_data["reason"], by=self.request.user)
        messages.success(
            self.request, _("%(name)s is no longer verified.") % {"name": self.profile}
        )
        return redirect("residents:index")


class ResidentViewSet(ModelViewSet):
    model = ResidentProfile
    name = "residents"
    url_prefix = "participation/residents"
    icon = "group"
    index_view_class = ResidentIndexView
    edit_view_class = ResidentEditView
    copy_view_enabled = False
    list_per_page = 50
    list_display = [
        "__str__",
        Column("email", label=gettext_lazy("E-mail"), accessor="user.email"),
        Column("unit", label=gettext_lazy("Unit"), accessor="unit"),
        Column("relation", label=gettext_lazy("Relation"), accessor="get_relation_display"),
        Column("status", label=gettext_lazy("Status"), accessor=status_label),
        DateColumn("created_at", label=gettext_lazy("Signed up")),
    ]
    filterset_class = ResidentFilterSet
    ordering = ["-created_at"]
    search_fields = ["display_name", "user__username", "user__email", "unit__room"]
    form_fields = ["display_name", "phone", "captain_of"]
    list_export = [
        "display_name",
        "user.username",
        "unit",
        "get_relation_display",
        "verified_at",
        "get_verification_method_display",
        "verification_note",
        "created_at",
    ]
    export_headings = {
        "display_name": gettext_lazy("Name shown"),
        "user.username": gettext_lazy("Username"),
        "unit": gettext_lazy("Unit"),
        "get_relation_display": gettext_lazy("Relation"),
        "verified_at": gettext_lazy("Verified at"),
        "get_verification_method_display": gettext_lazy("Verified through"),
        "verification_note": gettext_lazy("Reason"),
        "created_at": gettext_lazy("Signed up"),
    }
    export_filename = "residents"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("verify/<int:pk>/", VerifyResidentView.as_view(), name="verify"),
            path("unverify/<int:pk>/", UnverifyResidentView.as_view(), name="unverify"),
            path("assisted/", AssistedAccountView.as_view(), name="assisted"),
            path("sheet/<int:pk>/", assisted_sheet, name="sheet"),
        ]
