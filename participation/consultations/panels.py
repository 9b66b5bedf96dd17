"""Admin dashboard panel: proposals on the agenda without an answer, oldest first."""

from wagtail.admin.ui.components import Component

from participation.consultations.models import Proposal
from participation.consultations.permissions import can_answer

SHOWN = 10


class AwaitingAnswerPanel(Component):
    name = "proposals_awaiting_answer"
    order = 120
    template_name = "participation/admin/awaiting_answer_panel.html"

    def get_context_data(self, parent_context):
        return {
            "proposals": list(
                Proposal.objects.filter(agenda_at__isnull=False, answer="").order_by(
                    "agenda_at", "pk"
                )[:SHOWN]
            )
        }


def add_panels(request, panels):
    """``construct_homepage_panels``: for the committee."""
    if can_answer(request.user):
        panels.append(AwaitingAnswerPanel())
