"""Admin dashboard panel: shifts in the next 7 days that are under half full."""

import datetime

from django.db.models import F
from django.utils import timezone
from wagtail.admin.ui.components import Component

from participation.volunteering.models import Shift
from participation.volunteering.permissions import can_manage_volunteering

WINDOW = datetime.timedelta(days=7)


def under_filled(now=None):
    """Shifts starting within 7 days with fewer than half their seats taken."""
    now = now or timezone.now()
    return (
        Shift.objects.published()
        .filter(starts_at__gt=now, starts_at__lte=now + WINDOW, capacity__gt=F("taken") * 2)
        .select_related("opportunity__team")
        .order_by("starts_at")
    )


class UnderFilledShiftsPanel(Component):
    name = "under_filled_shifts"
    order = 120
    template_name = "participation/admin/under_filled_shifts_panel.html"

    def get_context_data(self, parent_context):
        return {"shifts": list(under_filled()[:20])}


def add_panels(request, panels):
    """``construct_homepage_panels``: under-filled shifts for the committee."""
    if can_manage_volunteering(request.user):
        panels.append(UnderFilledShiftsPanel())
