"""The household register (住户): buildings, units with their exclusive floor area, and
the owners (业主) who hold them.

Counting rule (Civil Code Art. 278; Supreme People's Court interpretation on building
co-ownership disputes, Art. 8–9): an owner's share is the exclusive area of the units
they hold; owners are counted by head, one unit one head, except that all units held
by one buyer count as one head, and the units the developer has not sold or not
delivered count together as one head. So ``Owner`` is the head: the developer is one
``Owner`` of kind ``developer``; co-owners of a unit are one ``Owner`` who names one
voter.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from participation.households.choices import OwnerKind


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


class Owner(models.Model):
    """One head in an owners' vote: a buyer (with all their units) or the developer."""

    ref = models.CharField(
        _("owner reference"),
        max_length=64,
        unique=True,
        help_text=_("The owner_ref column of the household CSV; units with one ref share it."),
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=OwnerKind.choices, default=OwnerKind.PERSON
    )
    voter = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="voter_for_owner",
        verbose_name=_("named voter"),
        help_text=_("The one person who votes for this owner (co-owners name one)."),
    )

    class Meta:
        ordering = ["ref"]
        verbose_name = pgettext_lazy("household", "owner")
        verbose_name_plural = _("owners")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind=OwnerKind.DEVELOPER),
                name="one_developer_owner",
            )
        ]

    def __str__(self):
        if self.kind == OwnerKind.DEVELOPER:
            return str(_("Developer"))
        return self.ref


class Unit(models.Model):
    """A dwelling (户): building, unit (单元) and room, with its exclusive floor area.

    The verification letter's code is stored only as a hash (``code_hash``).
    """

    building = models.ForeignKey(
        Building, on_delete=models.PROTECT, related_name="units", verbose_name=_("building")
    )
    unit_no = models.CharField(_("unit"), max_length=20)
    room = models.CharField(_("room"), max_length=20)
    area_m2 = models.DecimalField(_("exclusive floor area (m²)"), max_digits=9, decimal_places=2)
    owner = models.ForeignKey(
        Owner,
        on_delete=models.PROTECT,
        related_name="units",
        verbose_name=pgettext_lazy("household", "owner"),
    )
    code_hash = models.CharField(_("code hash"), max_length=128, blank=True, editable=False)
    code_issued_at = models.DateTimeField(_("code issued at"), null=True, blank=True)
    code_used_at = models.DateTimeField(_("code used at"), null=True, blank=True)

    class Meta:
        ordering = ["building__sort_order", "building__name", "unit_no", "room"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.UniqueConstraint(
                fields=["building", "unit_no", "room"], name="unique_unit_address"
            ),
            models.CheckConstraint(condition=Q(area_m2__gt=0), name="unit_area_positive"),
        ]
        indexes = [models.Index(fields=["code_hash"], name="unit_code_hash_idx")]
        permissions = [("import_households", _("Can import households and issue letter codes"))]

    def __str__(self):
        return _("%(building)s, unit %(unit)s, room %(room)s") % {
            "building": self.building.name,
            "unit": self.unit_no,
            "room": self.room,
        }
