"""Plan votes on shared spaces (共有部分表决).

Secrecy: who voted (``Ballot``, the roll) and how (``BallotChoice``) live in separate
tables. Editors and the committee see ballots but never choices; only holders of
``participation.view_ballot_choices`` (the 审计 auditor group) can open an individual
ballot, and each such opening is written to ``BallotAccessLog``.

The electorate is frozen into ``RollEntry`` rows when the vote opens, so later
changes to the household register do not move the denominator. One ballot per roll
entry is a database constraint (``Ballot.roll_entry`` is one-to-one).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from participation.votes.choices import Art278Item, BallotKind, Channel, Electorate, OptionRole
from participation.votes.tally import Matter, matter_for_item


class VoteStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class PlanVoteQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def open_at(self, now=None):
        now = now or timezone.now()
        return self.published().filter(opens_at__lte=now, closes_at__gt=now)


class PlanVote(ClusterableModel):
    """A vote on a plan for a shared space, with its electorate and decision rule."""

    title = models.CharField(_("title"), max_length=200)
    space = models.CharField(
        _("shared space"), max_length=100, help_text=_("e.g. 架空层, 地面停车场, 中心绿地")
    )
    description = RichTextField(_("description"), features=["bold", "italic", "link", "ol", "ul"])
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    attachment = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("attachment"),
    )
    ballot_kind = models.CharField(
        _("ballot"), max_length=16, choices=BallotKind.choices, default=BallotKind.YES_NO
    )
    electorate = models.CharField(
        _("electorate"), max_length=16, choices=Electorate.choices, default=Electorate.OWNERS
    )
    art278_item = models.PositiveSmallIntegerField(
        _("matter (Civil Code Art. 278)"),
        choices=Art278Item.choices,
        null=True,
        blank=True,
        help_text=_(
            "Owners' votes only: which of the nine matters of Art. 278 this vote decides. "
            "Items 6–8 need three quarters, the others more than half."
        ),
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    allow_change = models.BooleanField(_("ballots may be changed before close"), default=False)
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on /votes/ once published.")
    )
    frozen_at = models.DateTimeField(_("electorate frozen at"), null=True, editable=False)
    roll_heads = models.PositiveIntegerField(_("electorate (heads)"), default=0, editable=False)
    roll_area = models.DecimalField(
        _("electorate (area m²)"), max_digits=14, decimal_places=2, default=0, editable=False
    )
    opening_mail_sent_at = models.DateTimeField(null=True, editable=False)
    reminder_mail_sent_at = models.DateTimeField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PlanVoteQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("plan vote")
        verbose_name_plural = _("plan votes")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="vote_closes_after_it_opens"
            ),
            models.CheckConstraint(
                condition=Q(art278_item__isnull=True) | Q(art278_item__gte=1, art278_item__lte=9),
                name="vote_art278_item_is_one_of_nine",
            ),
        ]

    def __str__(self):
        return self.title

    def status(self, now=None):
        now = now or timezone.now()
        if not self.published:
            return VoteStatus.DRAFT
        if now < self.opens_at:
            return VoteStatus.UPCOMING
        if now < self.closes_at:
            return VoteStatus.OPEN
        return VoteStatus.CLOSED

    def has_opened(self, now=None):
        """Frozen, or published with its opening time passed (frozen lazily or not)."""
        return self.frozen_at is not None or (
            self.published and self.opens_at <= (now or timezone.now())
        )

    @property
    def matter(self):
        """The majority the vote needs, derived from its Art. 278 item (tally.Matter)."""
        return matter_for_item(self.art278_item)

    @property
    def is_owners_vote(self):
        """An owners' decision under Art. 278 (the others are advisory)."""
        return self.electorate == Electorate.OWNERS

    @property
    def majority_needed(self):
        """The rule in words, for the vote and results pages."""
        if self.matter == Matter.SPECIAL:
            return _(
                "This special matter needs at least three quarters of the participating "
                "area and of the participating owners."
            )
        return _(
            "This matter needs more than half of the participating area and of the "
            "participating owners."
        )

    @property
    def is_open(self):
        return self.status() == VoteStatus.OPEN

    @property
    def is_closed(self):
        return self.status() == VoteStatus.CLOSED


class VoteOption(Orderable):
    """A plan (A/B/C, with image and cost) or agree / disagree / abstain."""

    vote = ParentalKey(PlanVote, on_delete=models.CASCADE, related_name="options")
    key = models.SlugField(_("key"), max_length=20, help_text=_("Short code, e.g. a, b, agree."))
    label = models.CharField(_("label"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    estimated_cost = models.DecimalField(
        _("estimated cost (yuan)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    role = models.CharField(
        _("meaning"),
        max_length=10,
        choices=OptionRole.choices,
        default=OptionRole.ADOPT,
        help_text=_(
            "What the tally reads: adopt (agree, or a plan), against (disagree), or abstain "
            "(counts as taking part, supports nothing)."
        ),
    )

    panels = [
        FieldPanel("key"),
        FieldPanel("label"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("estimated_cost"),
        FieldPanel("role"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.UniqueConstraint(fields=["vote", "key"], name="unique_option_key_per_vote")
        ]

    def __str__(self):
        return self.label

    @property
    def is_abstention(self):
        return self.role == OptionRole.ABSTAIN

    @property
    def is_against(self):
        return self.role == OptionRole.AGAINST


class RollEntry(models.Model):
    """One voter key of the frozen electorate, with its heads and area."""

    vote = models.ForeignKey(PlanVote, on_delete=models.CASCADE, related_name="roll")
    voter_key = models.CharField(_("voter key"), max_length=40)
    heads = models.PositiveSmallIntegerField(_("heads"), default=1)
    area = models.DecimalField(_("area (m²)"), max_digits=12, decimal_places=2, default=0)
    label = models.CharField(_("voter"), max_length=300)
    building = models.ForeignKey(
        "participation.Building", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner = models.ForeignKey(
        "participation.Owner", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    unit = models.ForeignKey(
        "participation.Unit", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["label"]
        verbose_name = _("roll entry")
        verbose_name_plural = _("electoral roll")
        constraints = [
            models.UniqueConstraint(fields=["vote", "voter_key"], name="unique_roll_key")
        ]

    def __str__(self):
        return self.label


class Ballot(models.Model):
    """That a voter key took part: channel, time, receipt. Never the choice."""

    vote = models.ForeignKey(PlanVote, on_delete=models.PROTECT, related_name="ballots")
    roll_entry = models.OneToOneField(
        RollEntry, on_delete=models.PROTECT, related_name="ballot", verbose_name=_("voter")
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ballots_cast",
        verbose_name=_("cast by"),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="paper_ballots_entered",
        verbose_name=_("entered by"),
    )
    paper_number = models.CharField(_("paper ballot number"), max_length=40, blank=True)
    heads = models.PositiveSmallIntegerField(default=1)
    area = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    receipt = models.CharField(_("receipt code"), max_length=20, unique=True, editable=False)
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)
    changed_at = models.DateTimeField(_("changed at"), null=True, blank=True)

    class Meta:
        ordering = ["-cast_at"]
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "paper_number"],
                condition=~Q(paper_number=""),
                name="unique_paper_number_per_vote",
            )
        ]

    def __str__(self):
        return str(self.roll_entry)


class BallotChoice(models.Model):
    """How a ballot was cast, kept apart from who cast it (see module docstring)."""

    ballot = models.OneToOneField(Ballot, on_delete=models.CASCADE, related_name="choice")
    vote = models.ForeignKey(PlanVote, on_delete=models.PROTECT, related_name="choices")
    option = models.ForeignKey(VoteOption, on_delete=models.PROTECT, related_name="choices")
    heads = models.PositiveSmallIntegerField(default=1)
    area = models.DecimalField(max_digits=12, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("ballot choice")
        verbose_name_plural = _("ballot choices")
        # No add/change/view permissions: nobody edits or lists choices in the admin.
        # Auditors open single ballots with participation.view_ballot_choices (roles.py).
        default_permissions = ()

    def __str__(self):
        return str(self.ballot)


class BallotAccessLog(models.Model):
    """Every time an auditor opened an individual ballot.

    The row names the vote and the voter as well as the ballot, so that voiding a
    paper ballot (which deletes the ``Ballot``) leaves the record of who opened it:
    ``ballot`` becomes empty, the opening stays on the roll page."""

    ballot = models.ForeignKey(
        Ballot, null=True, on_delete=models.SET_NULL, related_name="access_log"
    )
    vote = models.ForeignKey(
        PlanVote, null=True, on_delete=models.CASCADE, related_name="ballot_openings"
    )
    roll_entry = models.ForeignKey(RollEntry, null=True, on_delete=models.CASCADE, related_name="+")
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    accessed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-accessed_at"]
        verbose_name = _("ballot access")
        verbose_name_plural = _("ballot access log")

    def __str__(self):
        return f"{self.auditor} · {self.accessed_at:%Y-%m-%d %H:%M}"


class VoidedBallot(models.Model):
    """A paper ballot taken out of the count before close, with who and why.

    Voiding moves the ballot here and deletes it (and its choice) from ``Ballot``, in
    one transaction: the one-ballot-per-voter constraint (``Ballot.roll_entry`` is
    one-to-one) keeps meaning "one counted ballot per voter key", the tally reads only
    ``Ballot``/``BallotChoice`` and so never sees a voided ballot, and the voter can be
    entered again. The choice is not kept: only the paper sheet says how it was cast.
    """

    vote = models.ForeignKey(PlanVote, on_delete=models.PROTECT, related_name="voided_ballots")
    roll_entry = models.ForeignKey(
        RollEntry, on_delete=models.PROTECT, related_name="voided_ballots", verbose_name=_("voter")
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    paper_number = models.CharField(_("paper ballot number"), max_length=40, blank=True)
    receipt = models.CharField(_("receipt code"), max_length=20)
    cast_at = models.DateTimeField(_("cast at"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by"),
    )
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("voided by"),
    )
    voided_at = models.DateTimeField(_("voided at"), default=timezone.now)
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        ordering = ["-voided_at"]
        verbose_name = _("voided ballot")
        verbose_name_plural = _("voided ballots")

    def __str__(self):
        return str(self.roll_entry)
