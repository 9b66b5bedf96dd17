"""Per-site settings that editors change in the admin (设置 → 社区信息)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from portal.page_cache import remember


@register_setting(icon="home")
class CommunitySettings(BaseSiteSetting):
    """The community's name and how to reach its committee, shown in header and footer."""

    name = models.CharField(_("community name"), max_length=60, default="邻里社区")
    address = models.CharField(_("office address"), max_length=200, blank=True)
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    hotline = models.CharField(_("hotline"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("office_hours"),
        FieldPanel("hotline"),
        FieldPanel("email"),
    ]

    class Meta:
        verbose_name = _("community information")

    @classmethod
    def for_request(cls, request):
        """Header and footer show these on every page: read once per process and
        cache generation (saving them starts a new one), not once per request. The
        admin edits the row from ``for_site``, never this shared copy."""
        attr = cls.get_cache_attr_name()
        if not hasattr(request, attr):
            site = Site.find_for_request(request)
            if site is None:
                raise cls.DoesNotExist(f"{cls} does not exist for site None.")
            setattr(
                request, attr, remember(f"community-settings-{site.pk}", lambda: cls.for_site(site))
            )
        return getattr(request, attr)
