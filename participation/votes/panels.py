"""Admin dashboard panel: open votes with participation against the quorum."""

from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone
from wagtail.admin.ui.components import Component

from participation.votes import permissions
from participation.votes.models import PlanVote
from participation.votes.results import participation_summary
from participation.votes.tally import Totals


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
    """``construct_homepage_panels``: open votes for the committee."""
    if permissions.can_manage_votes(request.user):
        panels.append(OpenVotesPanel(request.user))
