"""Per-site settings that editors change in the admin (设置 → 社区信息)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


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
