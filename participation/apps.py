from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Residents and households, consultations, plan votes and volunteering."""

    name = "participation"
    verbose_name = _("Participation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from participation.logs import connect_role_signals
        from portal.features import load_feature_signals

        connect_role_signals()
        load_feature_signals(self)
