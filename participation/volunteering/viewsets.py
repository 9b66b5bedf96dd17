"""Volunteering in the Wagtail admin: teams, opportunities, shifts, sign-up lists with
exports, the time-bank ledger (other credits and corrections) and certificates.

Sign-ups, ledger entries and certificates are never added, edited or deleted through
generic forms: sign-ups change through the promotion service, the ledger is
insert-only (corrections are new entries), certificates are issued on request.
"""

import django_filters
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton, MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from participation.spreadsheets import FormulaSafeExportMixin
from participation.volunteering import admin_views, signups
from participation.volunteering.choices import Attendance, EntryKind, SignUpStatus
from participation.volunteering.forms import ShiftAdminForm
from participation.volunteering.models import (
    Certificate,
    LedgerEntry,
    Opportunity,
    Shift,
    SignUp,
    VolunteerTeam,
)
from participation.volunteering.permissions import (
    can_manage_volunteering,
    can_record_credits,
    can_see_phones,
    is_leader,
)


class ListOnlyPolicy(ModelPermissionPolicy):
    """Nobody adds, edits or deletes these rows through the generic admin forms."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


for _model in (SignUp, LedgerEntry, Certificate):
    register_permission_policy(_model, ListOnlyPolicy(_model))


class VolunteeringViewSet(ModelViewSet):
    """What every volunteering viewset shares: it is reached through the Participation
    menu group (admin_menu.py), not the top of the admin menu, and rows are not copied."""

    add_to_admin_menu = False
    copy_view_enabled = False


class RowActionsFirst:
    """An index view whose rows offer volunteering's own actions (roster, cancel,
    correct) ahead of Wagtail's generic ones; subclasses say which in ``row_actions``."""

    def row_actions(self, instance):
        return []

    def get_list_more_buttons(self, instance):
        return [*self.row_actions(instance), *super().get_list_more_buttons(instance)]


class VolunteerTeamViewSet(VolunteeringViewSet):
    model = VolunteerTeam
    name = "volunteer_teams"
    icon = "group"
    menu_label = _("Volunteer teams")
    list_display = ["name", "sort_order"]
    form_fields = ["name", "description", "leaders", "sort_order"]
    search_fields = ["name"]


class OpportunityViewSet(VolunteeringViewSet):
    model = Opportunity
    name = "volunteer_opportunities"
    icon = "list-ul"
    menu_label = _("Opportunities")
    list_display = ["title", "team", "location", "published", "created_at"]
    list_filter = ["team", "published"]
    search_fields = ["title", "location"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("team"),
            FieldPanel("description"),
            FieldPanel("location"),
            FieldPanel("skills"),
            FieldPanel("image"),
            FieldPanel("published"),
        ]
    )


class ShiftFilterSet(WagtailFilterSet):
    team = django_filters.ModelChoiceFilter(
        label=_("Team"), queryset=VolunteerTeam.objects.all(), field_name="opportunity__team"
    )

    class Meta:
        model = Shift
        fields = ["opportunity"]


class ShiftIndexView(RowActionsFirst, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("opportunity")

    def row_actions(self, instance):
        return [
            MenuItem(
                _("Roster and attendance"),
                url=reverse("participation:shift-roster", args=[instance.pk]),
                icon_name="tick",
                priority=1,
            ),
            MenuItem(
                _("Sign-up list"),
                url=reverse("volunteer_signups:index") + f"?shift={instance.pk}",
                icon_name="list-ul",
                priority=2,
            ),
        ]


class ShiftEditView(EditView):
    """Raising the capacity promotes from the waiting list at once."""

    def save_instance(self):
        instance = super().save_instance()
        signups.fill_free_seats(instance)
        return instance


class ShiftViewSet(VolunteeringViewSet):
    model = Shift
    name = "volunteer_shifts"
    icon = "date"
    menu_label = _("Shifts")
    index_view_class = ShiftIndexView
    edit_view_class = ShiftEditView
    list_display = [
        "opportunity",
        "starts_at",
        "capacity",
        Column("taken", label=_("Seats taken")),
        "hours",
    ]
    filterset_class = ShiftFilterSet
    ordering = ["-starts_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("opportunity"),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            FieldPanel("location"),
            FieldRowPanel([FieldPanel("capacity"), FieldPanel("hours")]),
            FieldRowPanel([FieldPanel("signup_deadline"), FieldPanel("cancel_deadline")]),
        ],
        base_form_class=ShiftAdminForm,
    )


class SignUpFilterSet(WagtailFilterSet):
    # Each choice is named after its opportunity: read them with the shifts.
    shift = django_filters.ModelChoiceFilter(queryset=Shift.objects.select_related("opportunity"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SignUpStatus.choices)
    attendance = django_filters.ChoiceFilter(label=_("Attendance"), choices=Attendance.choices)
    team = django_filters.ModelChoiceFilter(
        label=_("Team"),
        queryset=VolunteerTeam.objects.all(),
        field_name="shift__opportunity__team",
    )

    class Meta:
        model = SignUp
        fields = ["shift"]


SIGNUP_EXPORT = [
    "volunteer_name",
    "volunteer_unit",
    "shift.opportunity.title",
    "shift.starts_at",
    "get_status_display",
    "get_attendance_display",
    "created_at",
]


class SignUpIndexView(FormulaSafeExportMixin, RowActionsFirst, IndexView):
    """Exports carry names and units; phone numbers only for the team's leaders."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.list_export = SIGNUP_EXPORT + (["volunteer_phone"] if is_leader(request.user) else [])

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("shift__opportunity__team", "user__resident__unit__building")
        )

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        if "volunteer_phone" in row and not can_see_phones(
            self.request.user, item.shift.opportunity.team
        ):
            row["volunteer_phone"] = ""
        return row

    def row_actions(self, instance):
        if instance.status == SignUpStatus.CANCELLED or not can_manage_volunteering(
            self.request.user
        ):
            return []
        return [
            MenuItem(
                _("Cancel the sign-up"),
                url=reverse("volunteer_signups:cancel", args=[instance.pk]),
                icon_name="cross",
                priority=1,
            )
        ]


class SignUpViewSet(VolunteeringViewSet):
    model = SignUp
    name = "volunteer_signups"
    icon = "user"
    menu_label = _("Sign-ups")
    inspect_view_enabled = True
    index_view_class = SignUpIndexView
    list_display = [
        "volunteer_name",
        "volunteer_unit",
        "shift",
        "status",
        "attendance",
        "created_at",
    ]
    filterset_class = SignUpFilterSet
    ordering = ["shift", "pk"]
    list_export = SIGNUP_EXPORT
    export_headings = {
        "volunteer_name": _("Volunteer"),
        "volunteer_unit": _("Unit"),
        "volunteer_phone": _("Phone"),
        "shift.opportunity.title": _("Opportunity"),
        "shift.starts_at": _("Starts at"),
        "get_status_display": _("Status"),
        "get_attendance_display": _("Attendance"),
        "created_at": _("Signed up at"),
    }
    export_filename = "sign-ups"
    inspect_view_fields = [
        "shift",
        "status",
        "created_at",
        "confirmed_at",
        "offered_until",
        "cancelled_at",
        "attendance",
        "checked_in_at",
        "attendance_marked_at",
    ]
    form_fields = ["status"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("cancel/<int:pk>/", admin_views.CancelSignUpView.as_view(), name="cancel"),
        ]


class LedgerIndexView(FormulaSafeExportMixin, RowActionsFirst, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("account__user__resident")

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_record_credits(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Credit other service"),
                    url=reverse("volunteer_ledger:credit"),
                    icon_name="plus",
                )
            )
        return buttons

    def row_actions(self, instance):
        if instance.kind == EntryKind.REVERSAL:
            return []
        return [
            MenuItem(
                _("Correct"),
                url=reverse("volunteer_ledger:reverse", args=[instance.pk]),
                icon_name="undo",
                priority=1,
            )
        ]


class LedgerEntryViewSet(VolunteeringViewSet):
    model = LedgerEntry
    name = "volunteer_ledger"
    icon = "time"
    menu_label = _("Time bank")
    inspect_view_enabled = True
    index_view_class = LedgerIndexView
    list_display = ["account", "kind", "hours", "description", "reason", "created_at"]
    list_filter = ["kind"]
    search_fields = ["description", "reason"]
    list_export = [
        "account",
        "get_kind_display",
        "hours",
        "description",
        "reason",
        "recorded_by",
        "approved_by",
        "created_at",
    ]
    export_headings = {
        "account": _("Resident"),
        "get_kind_display": _("Kind"),
        "hours": _("Hours"),
        "description": _("Service"),
        "reason": _("Reason"),
        "recorded_by": _("Recorded by"),
        "approved_by": _("Approved by"),
        "created_at": _("Time"),
    }
    export_filename = "time-bank"
    form_fields = ["description"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("credit/", admin_views.OtherCreditView.as_view(), name="credit"),
            path("reverse/<int:pk>/", admin_views.ReversalView.as_view(), name="reverse"),
        ]


class CertificateIndexView(FormulaSafeExportMixin, IndexView):
    pass


class CertificateViewSet(VolunteeringViewSet):
    model = Certificate
    index_view_class = CertificateIndexView
    name = "volunteer_certificates"
    icon = "doc-full"
    menu_label = _("Certificates")
    inspect_view_enabled = True
    list_display = ["number", "holder_name", "hours", "issued_on"]
    search_fields = ["number", "holder_name"]
    list_export = ["number", "holder_name", "hours", "issued_on", "issuer"]
    export_filename = "certificates"
    form_fields = ["number"]


VOLUNTEERING_VIEWSETS = (
    VolunteerTeamViewSet,
    OpportunityViewSet,
    ShiftViewSet,
    SignUpViewSet,
    LedgerEntryViewSet,
    CertificateViewSet,
)
