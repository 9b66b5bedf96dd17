from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Wagtail content: home page, notices, standard pages, site settings."""

    name = "home"
    verbose_name = _("Site content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.admin_defaults import rename_wagtail_defaults
        from portal.features import load_feature_signals
        from portal.page_cache import connect_signals

        connect_signals()
        load_feature_signals(self)
        post_migrate.connect(rename_wagtail_defaults, sender=self)
