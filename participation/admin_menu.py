"""The "居民参与 / Participation" menu of the Wagtail admin.

To add a viewset (votes, consultations, volunteering…), append it to ``items``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup

from participation.consultations.viewsets import CommentViewSet, ProposalViewSet
from participation.households.admin_views import HouseholdImportViewSet
from participation.households.viewsets import BuildingViewSet, OwnerViewSet, UnitViewSet
from participation.reports.viewsets import EscalatedViewSet, ReportViewSet
from participation.residents.viewsets import ResidentViewSet
from participation.volunteering.viewsets import VOLUNTEERING_VIEWSETS
from participation.votes.viewsets import PlanVoteViewSet


class ParticipationViewSetGroup(ViewSetGroup):
    menu_label = _("Participation")
    menu_icon = "group"
    menu_order = 250
    items = (
        ResidentViewSet,
        BuildingViewSet,
        UnitViewSet,
        OwnerViewSet,
        HouseholdImportViewSet,
        PlanVoteViewSet,
        ProposalViewSet,
        CommentViewSet,
        *VOLUNTEERING_VIEWSETS,
        ReportViewSet,
        EscalatedViewSet,
    )
