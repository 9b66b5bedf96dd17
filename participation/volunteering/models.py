"""Volunteering (志愿服务) and the time bank (时间银行).

A team (党员志愿服务队, 微网格员, 银龄互助队) offers opportunities; each opportunity has
one or more shifts with a capacity. An opportunity is also a general sign-up sheet
(暑托班 enrolment: 30 seats, no hours credited) that a calendar event can link to.

Seats: ``Shift.taken`` counts confirmed and offered sign-ups. It changes only through
``participation.volunteering.signups`` with conditional UPDATEs inside a transaction
that holds the shift's row lock, and a check constraint keeps it within capacity.
``Shift.save`` never writes the counter, so an admin form with a stale copy cannot
undo a concurrent sign-up.

The ledger (``LedgerEntry``) is insert-only, enforced by database triggers (see the
migration and ``ledger_sql.py``). Entries belong to a ``TimeBankAccount``, not to the
user directly, so deleting a person unlinks the account and keeps the entries.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from participation.volunteering.choices import Attendance, EntryKind, SignUpStatus

ACTIVE = (SignUpStatus.CONFIRMED, SignUpStatus.OFFERED, SignUpStatus.WAITLISTED)
HOLDING = (SignUpStatus.CONFIRMED, SignUpStatus.OFFERED)


class VolunteerTeam(models.Model):
    """A volunteer team; its leaders (residents) keep the roster of its shifts."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    leaders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="led_volunteer_teams",
        verbose_name=_("leaders"),
        limit_choices_to={"resident__isnull": False},
        help_text=_("Residents who mark attendance and see volunteers' phone numbers."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("volunteer team")
        verbose_name_plural = _("volunteer teams")

    def __str__(self):
        return self.name


class OpportunitySkill(TaggedItemBase):
    content_object = models.ForeignKey(
        "participation.Opportunity", on_delete=models.CASCADE, related_name="skill_items"
    )


class OpportunityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Opportunity(models.Model):
    """Something to sign up for: a volunteering task or any sign-up sheet."""

    title = models.CharField(_("title"), max_length=120)
    team = models.ForeignKey(
        VolunteerTeam,
        on_delete=models.PROTECT,
        related_name="opportunities",
        verbose_name=_("team"),
    )
    description = models.TextField(_("description"), blank=True)
    location = models.CharField(_("place"), max_length=120)
    skills = TaggableManager(
        through=OpportunitySkill,
        blank=True,
        verbose_name=_("skills"),
        help_text=_("e.g. 耐心, 会用智能手机, 会说方言"),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("volunteer opportunity")
        verbose_name_plural = _("volunteer opportunities")

    def __str__(self):
        return self.title


class ShiftQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(ends_at__gt=now or timezone.now())

    def published(self):
        return self.filter(opportunity__published=True)


class Shift(models.Model):
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="shifts", verbose_name=_("opportunity")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(
        _("place"), max_length=120, blank=True, help_text=_("Leave empty for the opportunity's.")
    )
    capacity = models.PositiveIntegerField(_("seats"))
    taken = models.PositiveIntegerField(_("seats taken"), default=0, editable=False)
    signup_deadline = models.DateTimeField(
        _("sign-up deadline"), null=True, blank=True, help_text=_("Empty: until the start.")
    )
    cancel_deadline = models.DateTimeField(
        _("cancel deadline"), null=True, blank=True, help_text=_("Empty: until the start.")
    )
    hours = models.DecimalField(
        _("hours credited"),
        max_digits=5,
        decimal_places=2,
        default=0,
        help_text=_("Time-bank hours for attending; 0 for a plain sign-up sheet."),
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ShiftQuerySet.as_manager()

    COUNTERS = ("taken", "reminder_sent_at")

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")
        constraints = [
            models.CheckConstraint(
                condition=Q(taken__lte=F("capacity")), name="volunteer_shift_taken_within_capacity"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="volunteer_shift_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(hours__gte=0), name="volunteer_shift_hours_positive"
            ),
        ]

    def __str__(self):
        start = timezone.localtime(self.starts_at)
        return f"{self.opportunity.title} {start:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        """Never write the counters from a (possibly stale) instance; the sign-up
        service changes them with conditional UPDATEs."""
        if self.pk and not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in self.COUNTERS
            ]
        super().save(*args, **kwargs)

    @property
    def place(self):
        return self.location or self.opportunity.location

    @property
    def seats_left(self):
        return max(self.capacity - self.taken, 0)

    @property
    def percent_taken(self):
        return min(100, round(100 * self.taken / self.capacity)) if self.capacity else 100

    def signup_closes_at(self):
        return self.signup_deadline or self.starts_at

    def cancel_closes_at(self):
        return self.cancel_deadline or self.starts_at


class SignUp(models.Model):
    """One person's place on one shift: confirmed, offered, waitlisted or cancelled.

    First come, first served is the order of the primary key: rows are inserted while
    the shift's lock is held, so the key's order is the order of arrival.
    """

    shift = models.ForeignKey(
        Shift, on_delete=models.CASCADE, related_name="signups", verbose_name=_("shift")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="volunteer_signups",
        verbose_name=_("volunteer"),
    )
    status = models.CharField(_("status"), max_length=12, choices=SignUpStatus.choices)
    created_at = models.DateTimeField(_("signed up at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    offered_until = models.DateTimeField(_("offer open until"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cancelled by"),
    )
    attendance = models.CharField(
        _("attendance"), max_length=12, choices=Attendance.choices, blank=True, default=""
    )
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    attendance_marked_at = models.DateTimeField(_("attendance marked at"), null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("attendance marked by"),
    )
    promoted_at = models.DateTimeField(_("moved up at"), null=True, blank=True)
    promotion_mail_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["shift", "pk"]
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["shift", "user"],
                condition=~Q(status="cancelled"),
                name="volunteer_one_active_signup_per_shift",
            )
        ]
        indexes = [models.Index(fields=["shift", "status"], name="volunteer_signup_shift_status")]

    def __str__(self):
        return f"{self.user} · {self.shift}"

    @property
    def is_active(self):
        return self.status in ACTIVE

    def volunteer_name(self):
        return _display_name(self.user)

    def volunteer_unit(self):
        profile = getattr(self.user, "resident", None)
        unit = getattr(profile, "unit", None)
        return str(unit) if unit else ""

    def volunteer_phone(self):
        return getattr(getattr(self.user, "resident", None), "phone", "")

    volunteer_name.short_description = _("Volunteer")
    volunteer_unit.short_description = _("Unit")
    volunteer_phone.short_description = _("Phone")


class TimeBankAccount(models.Model):
    """Whose hours these are. Deleting the person sets ``user`` to NULL: the ledger,
    which cannot be updated, keeps its entries, unlinked from the name."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="time_bank",
        verbose_name=_("resident"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("time-bank account")
        verbose_name_plural = _("time-bank accounts")

    def __str__(self):
        if self.user_id is None:
            return _("Deleted account #%(pk)s") % {"pk": self.pk}
        return _display_name(self.user)


def _display_name(user):
    try:
        return user.resident.display_name or user.get_username()
    except models.ObjectDoesNotExist:
        return user.get_full_name() or user.get_username()


class LedgerEntry(models.Model):
    """One insert-only line of the time bank. A correction is a new entry with the
    opposite hours that points at the original (``reverses``) and gives a reason."""

    account = models.ForeignKey(
        TimeBankAccount, on_delete=models.PROTECT, related_name="entries", verbose_name=_("account")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=EntryKind.choices)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2)
    description = models.CharField(_("service"), max_length=200)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    shift = models.ForeignKey(
        Shift,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ledger_entries",
        verbose_name=_("shift"),
    )
    reverses = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversed_by",
        verbose_name=_("corrects entry"),
    )
    idempotency_key = models.CharField(max_length=60, unique=True, null=True, editable=False)
    # Names, not keys: the ledger cannot be updated, so it must not point at rows
    # that may be deleted (a leader who deletes their account).
    recorded_by = models.CharField(_("recorded by"), max_length=150, blank=True)
    approved_by = models.CharField(_("approved by"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("time-bank entry")
        verbose_name_plural = _("time-bank entries")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="reversal") | Q(reverses__isnull=False),
                name="volunteer_reversal_points_at_entry",
            ),
            models.CheckConstraint(
                condition=~Q(kind="other") | ~Q(approved_by=""),
                name="volunteer_other_credit_is_approved",
            ),
        ]

    def __str__(self):
        return f"{self.account} {self.hours:+} {self.description}"


class Certificate(models.Model):
    """志愿服务记录证明 (MCA order No. 67, 2021): free, issued by the residents'
    committee, naming the volunteer, the service and hours, the issuer and contact,
    with a number, a date and a seal area. The public check shows number, date and
    hours only."""

    number = models.CharField(_("certificate number"), max_length=24, unique=True)
    account = models.ForeignKey(
        TimeBankAccount,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("account"),
    )
    holder_name = models.CharField(_("volunteer"), max_length=60)
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2)
    service = models.TextField(_("service content"))
    service_from = models.DateField(_("service from"), null=True)
    service_to = models.DateField(_("service to"), null=True)
    issuer = models.CharField(_("issued by"), max_length=100)
    contact = models.CharField(_("contact"), max_length=100, blank=True)
    issued_on = models.DateField(_("date of issue"), default=timezone.localdate)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("volunteer service certificate")
        verbose_name_plural = _("volunteer service certificates")

    def __str__(self):
        return self.number


__all__ = [
    "Attendance",
    "Certificate",
    "EntryKind",
    "LedgerEntry",
    "Opportunity",
    "OpportunitySkill",
    "Shift",
    "SignUp",
    "SignUpStatus",
    "TimeBankAccount",
    "VolunteerTeam",
]
