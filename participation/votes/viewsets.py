"""Plan votes in the Wagtail admin: define, open and close, paper ballots, the frozen
roll, results and exports. Choices are never listed; auditors open single ballots."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import MenuItem

from participation.votes import admin_views
from participation.votes.forms import PlanVoteAdminForm
from participation.votes.models import PlanVote
from participation.votes.permissions import can_manage_votes


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.status().label


class ManageColumn(Column):
    """One obvious click from the vote's row to its Manage page (auditors: the roll)."""

    cell_template_name = "participation/admin/vote_manage_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        user = parent_context["request"].user if parent_context.get("request") else None
        if can_manage_votes(user):
            context.update(url=reverse("plan_votes:manage", args=[instance.pk]), label=_("Manage"))
        else:
            context.update(url=reverse("plan_votes:roll", args=[instance.pk]), label=_("Roll"))
        return context


class PlanVoteIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        if can_manage_votes(self.request.user):
            label, name = _("Manage: open, paper ballots, results"), "manage"
        else:  # auditors: the roll, from which they open single ballots
            label, name = _("Electoral roll"), "roll"
        return [
            MenuItem(
                label,
                url=reverse(f"plan_votes:{name}", args=[instance.pk]),
                icon_name="tasks",
                priority=1,
            ),
            *super().get_list_more_buttons(instance),
        ]


class PlanVoteDeleteView(DeleteView):
    """A vote that has opened keeps its record: ballots are evidence."""

    def dispatch(self, request, *args, **kwargs):
        if self.object.frozen_at is not None:
            messages.error(
                request,
                _("A vote that has opened cannot be deleted: its roll and ballots are the record."),
            )
            return redirect("plan_votes:manage", pk=self.object.pk)
        return super().dispatch(request, *args, **kwargs)


class PlanVoteViewSet(ModelViewSet):
    model = PlanVote
    name = "plan_votes"
    icon = "tasks"
    menu_label = _("Plan votes")
    add_to_admin_menu = False
    index_view_class = PlanVoteIndexView
    delete_view_class = PlanVoteDeleteView
    copy_view_enabled = False
    list_display = [
        "title",
        "space",
        "electorate",
        StatusColumn("status", label=_("Status")),
        "opens_at",
        "closes_at",
        ManageColumn("manage", accessor="pk", label=_("Manage")),
    ]
    list_filter = ["electorate", "published"]
    search_fields = ["title", "space"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("space"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("image"), FieldPanel("attachment")]),
            MultiFieldPanel(
                [
                    FieldPanel("electorate"),
                    FieldPanel("art278_item"),
                    FieldPanel("ballot_kind"),
                    FieldPanel("allow_change"),
                ],
                heading=_("Who votes and how it is decided"),
            ),
            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("When")),
            InlinePanel(
                "options",
                label=_("Options"),
                help_text=_(
                    "For agree / disagree / abstain leave this empty: the three options "
                    "are added when you save."
                ),
            ),
            FieldPanel("published"),
        ],
        base_form_class=PlanVoteAdminForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("manage/<int:pk>/", admin_views.ManageView.as_view(), name="manage"),
            path("manage/<int:pk>/close/", admin_views.CloseView.as_view(), name="close"),
            path("manage/<int:pk>/paper/", admin_views.PaperBallotView.as_view(), name="paper"),
            path(
                "manage/<int:pk>/paper/<int:ballot_pk>/receipt/",
                admin_views.PaperReceiptView.as_view(),
                name="paper-receipt",
            ),
            path(
                "manage/<int:pk>/paper/<int:ballot_pk>/void/",
                admin_views.VoidPaperBallotView.as_view(),
                name="paper-void",
            ),
            path("manage/<int:pk>/roll/", admin_views.RollView.as_view(), name="roll"),
            path("manage/<int:pk>/export.<str:fmt>", admin_views.export_results, name="export"),
            path(
                "manage/<int:pk>/ballots/<int:ballot_pk>/",
                admin_views.AuditBallotView.as_view(),
                name="audit",
            ),
        ]
