"""Admin dashboard panel: residents waiting to be verified."""

from wagtail.admin.ui.components import Component

from participation.residents import permissions
from participation.residents.models import ResidentProfile

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


def add_panels(request, panels):
    """``construct_homepage_panels``: pending verifications for whoever can verify."""
    if permissions.can_verify_residents(request.user):
        panels.append(PendingVerificationsPanel())
