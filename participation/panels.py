"""Dashboard panels for the Wagtail admin home page."""

from wagtail.admin.ui.components import Component

from participation import permissions
from participation.models import ResidentProfile

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
    if permissions.can_verify_residents(request.user):
        panels.append(PendingVerificationsPanel())
