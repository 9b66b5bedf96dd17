"""Dashboard panels for the Wagtail admin home page."""

from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone
from wagtail.admin.ui.components import Component

from participation import permissions
from participation.models import PlanVote, ResidentProfile
from participation.results import participation_summary
from participation.tally import Totals

SHOWN = 5


class PendingVerificationsPanel(Component):
    """Residents who signed up but are not verified yet, for whoever can verify them."""

    name = "pending_verifications"
    template_name = "participation/admin/pending_verifications_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        pending = ResidentProfile.objects.filter(verified_at__isnull=True)
        context.update(
            count=pending.count(),
            residents=list(pending.select_related("user").order_by("-created_at")[:SHOWN]),
        )
        return context


class OpenVotesPanel(Component):
    """Open votes with their participation against the quorum, for the committee."""

    name = "open_votes"
    order = 110
    template_name = "participation/admin/open_votes_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        if not permissions.can_manage_votes(self.user):
            return {"votes": []}
        votes = PlanVote.objects.open_at(timezone.now()).annotate(
            taking_part_heads=Sum("ballots__heads"), taking_part_area=Sum("ballots__area")
        )
        return {
            "votes": [
                {
                    "vote": vote,
                    **participation_summary(
                        vote,
                        Totals(
                            heads=vote.taking_part_heads or 0,
                            area=vote.taking_part_area or Decimal(0),
                        ),
                    ),
                }
                for vote in votes
            ]
        }


def add_panels(request, panels):
    if permissions.can_verify_residents(request.user):
        panels.append(PendingVerificationsPanel())
    if permissions.can_manage_votes(request.user):
        panels.append(OpenVotesPanel(request.user))
