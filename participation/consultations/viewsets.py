"""Consultations in the Wagtail admin: proposals (edit, open a 征求意见, answer, change
status, escalate, export) and the comment moderation queue."""

from django.db.models import Case, Count, When
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import MenuItem

from participation.consultations import admin_views
from participation.consultations.choices import CommentState, Kind, Status
from participation.consultations.models import Comment, Proposal, ProposalStep
from participation.spreadsheets import FormulaSafeExportMixin
from participation.trail import ActorRole


def status_label(proposal):
    return proposal.get_status_display()


status_label.short_description = _("Status")


class ProposalIndexView(FormulaSafeExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().with_status().select_related("author__resident")

    def get_list_more_buttons(self, instance):
        return [
            MenuItem(
                _("Answer and change status"),
                url=reverse("proposals:manage", args=[instance.pk]),
                icon_name="comment",
                priority=1,
            ),
            *super().get_list_more_buttons(instance),
        ]


class ProposalCreateView(CreateView):
    """The committee opens a consultation (征求意见): it starts in discussion."""

    def save_instance(self):
        proposal = self.form.instance
        proposal.kind = Kind.COMMITTEE
        proposal.author = self.request.user
        instance = super().save_instance()
        ProposalStep.objects.create(
            proposal=instance,
            status=Status.DISCUSSION,
            role=ActorRole.COMMITTEE,
            actor=self.request.user,
            note=_("The committee opened a consultation and asks for your views."),
        )
        return instance


class ProposalViewSet(ModelViewSet):
    model = Proposal
    name = "proposals"
    url_prefix = "participation/proposals"
    icon = "comment"
    menu_label = _("Proposals")
    add_to_admin_menu = False
    index_view_class = ProposalIndexView
    add_view_class = ProposalCreateView
    copy_view_enabled = False
    list_per_page = 50
    list_display = [
        "title",
        "category",
        Column("status", label=_("Status"), accessor=status_label),
        Column("support_count", label=_("Supports"), sort_key="support_count"),
        "created_at",
        "answered_at",
    ]
    list_filter = ["category", "kind"]
    search_fields = ["title", "body"]
    list_export = [
        "pk",
        "title",
        "get_category_display",
        "get_kind_display",
        "get_status_display",
        "author_label",
        "support_count",
        "created_at",
        "agenda_at",
        "meeting_on",
        "answered_at",
        "answer",
    ]
    export_headings = {
        "pk": "ID",
        "title": _("Title"),
        "get_category_display": _("Category"),
        "get_kind_display": _("Kind"),
        "get_status_display": _("Status"),
        "author_label": _("Raised by"),
        "support_count": _("Supports"),
        "created_at": _("Submitted at"),
        "agenda_at": _("On the agenda since"),
        "meeting_on": _("Meeting date"),
        "answered_at": _("Answered at"),
        "answer": _("Official answer"),
    }
    export_filename = "proposals"
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("body"),
            FieldRowPanel([FieldPanel("category"), FieldPanel("meeting_on")]),
            FieldPanel("buildings"),
            FieldRowPanel([FieldPanel("supports_close_at"), FieldPanel("comments_close_at")]),
            MultiFieldPanel(
                [
                    InlinePanel("images", label=_("Pictures"), max_num=6),
                ],
                heading=_("Pictures (with the proposal; photos of the finished work)"),
            ),
        ]
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("manage/<int:pk>/", admin_views.ManageProposalView.as_view(), name="manage"),
        ]


def comment_state(comment):
    return comment.get_state_display()


comment_state.short_description = _("State")


class CommentIndexView(FormulaSafeExportMixin, IndexView):
    """The moderation queue: waiting, reported and asked-for-review comments first."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("proposal", "author__resident")
            .annotate(report_total=Count("reports"))
            .annotate(
                priority=Case(
                    When(state=CommentState.PENDING, then=0),
                    When(review_requested_at__isnull=False, then=1),
                    When(state=CommentState.HIDDEN, then=3),
                    When(report_total__gt=0, then=2),
                    default=4,
                ),
            )
        )

    def get_list_more_buttons(self, instance):
        return [
            MenuItem(
                _("Moderate"),
                url=reverse("proposal_comments:moderate", args=[instance.pk]),
                icon_name="warning",
                priority=1,
            )
        ]


class CommentViewSet(ModelViewSet):
    model = Comment
    name = "proposal_comments"
    url_prefix = "participation/comments"
    icon = "warning"
    menu_label = _("Comment moderation")
    add_to_admin_menu = False
    index_view_class = CommentIndexView
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    list_display = [
        Column("body", label=_("Comment"), accessor="__str__"),
        Column("proposal", label=_("Proposal")),
        Column("author", label=_("Author"), accessor="author_label"),
        Column("state", label=_("State"), accessor=comment_state),
        Column(
            "report_total",
            label=pgettext_lazy("comment reports", "Reports"),
            sort_key="report_total",
        ),
        "review_requested_at",
        "created_at",
    ]
    list_filter = ["state"]
    search_fields = ["body"]
    ordering = ["priority", "-created_at"]
    list_export = [
        "pk",
        "proposal.title",
        "author_label",
        "get_state_display",
        "body",
        "created_at",
    ]
    export_filename = "proposal-comments"
    form_fields = ["body"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("moderate/<int:pk>/", admin_views.ModerateCommentView.as_view(), name="moderate"),
        ]
