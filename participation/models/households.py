"""The household register. For now only buildings, which notices can target;
units, owners and residents arrive with the residents issue."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Building(models.Model):
    """A residential building (楼栋), e.g. 3号楼."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("building")
        verbose_name_plural = _("buildings")

    def __str__(self):
        return self.name
