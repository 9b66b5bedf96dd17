"""Family mottos (家风家训): themes, the mottos themselves (a moderated snippet) and the
gallery page at /mottos/ that shows them, a page per motto and a print view."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from home.mottos import rules
from home.mottos.choices import FamilyDisplay, MottoKind
from home.mottos.page import GalleryRoutesMixin
from home.mottos.panels import ToneHintPanel
from portal.page_cache import CachedPageMixin

CARD_IMAGE = "fill-480x320"
PAGE_IMAGE = "max-960x960"


class MottoTheme(models.Model):
    """A theme of the gallery (红色经典, 传统文化, 勤俭持家…), kept by editors."""

    name = models.CharField(_("name"), max_length=30, unique=True)
    slug = models.SlugField(_("slug"), max_length=40, unique=True, allow_unicode=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("motto theme")
        verbose_name_plural = _("motto themes")

    def __str__(self):
        return self.name


class FamilyMottoQuerySet(models.QuerySet):
    def public(self):
        """What visitors may see: approved (live) mottos only."""
        return self.filter(live=True)

    def in_gallery_order(self):
        return self.order_by(
            "-featured", models.F("first_published_at").desc(nulls_last=True), "-pk"
        )

    def with_card_relations(self):
        """Everything a gallery card shows, in a fixed number of queries."""
        images = get_image_model().objects.prefetch_renditions(CARD_IMAGE)
        return self.select_related("theme", "building").prefetch_related(
            models.Prefetch("image", queryset=images)
        )


class FamilyMotto(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """One family's motto: prose (家训), a phrase (家风) or a couplet (对联).

    Residents submit mottos from /mottos/submit/; a submission is a draft (never live)
    with a revision in the moderation workflow, and it is public only once approved.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=MottoKind.choices)
    title = models.CharField(
        _("title"),
        max_length=60,
        blank=True,
        help_text=_("Left empty: the horizontal scroll of a couplet, or the motto's start."),
    )
    text = models.TextField(_("motto"), max_length=600, blank=True)
    upper_line = models.CharField(_("first line (上联)"), max_length=40, blank=True)
    lower_line = models.CharField(_("second line (下联)"), max_length=40, blank=True)
    horizontal = models.CharField(_("horizontal scroll (横批)"), max_length=16, blank=True)
    theme = models.ForeignKey(
        MottoTheme,
        on_delete=models.PROTECT,
        related_name="mottos",
        verbose_name=_("theme"),
    )
    story = models.TextField(_("the story behind it"), max_length=2000, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
        help_text=_("For example the motto in the family's calligraphy."),
    )
    family_name = models.CharField(
        _("family name"), max_length=20, blank=True, help_text=_("For example 林家.")
    )
    family_display = models.CharField(
        _("how the family is shown"),
        max_length=16,
        choices=FamilyDisplay.choices,
        default=FamilyDisplay.ANONYMOUS,
    )
    household = models.ForeignKey(
        "participation.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitting household"),
    )
    building = models.ForeignKey(
        "participation.Building",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("building"),
    )
    consent_at = models.DateTimeField(
        _("consent to show the family recorded at"),
        null=True,
        blank=True,
        help_text=_("Set when the family agreed, on the form or on paper, to be named."),
    )
    consent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("consent given by"),
    )
    featured = models.BooleanField(_("featured"), default=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="family_mottos",
        verbose_name=_("submitted by"),
    )
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="familymotto")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="familymotto",
        for_concrete_model=False,
    )

    objects = FamilyMottoQuerySet.as_manager()

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("text"),
        MultiFieldPanel(
            [
                FieldPanel("horizontal"),
                FieldRowPanel([FieldPanel("upper_line"), FieldPanel("lower_line")]),
            ],
            heading=_("Couplet"),
        ),
        ToneHintPanel(),
        FieldPanel("theme"),
        FieldPanel("story"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("family_name"),
                FieldPanel("family_display"),
                FieldPanel("building"),
                FieldPanel("consent_at"),
                FieldPanel("household", read_only=True),
                FieldPanel("submitted_by", read_only=True),
            ],
            heading=_("Family"),
        ),
        FieldPanel("featured"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("text"),
        index.SearchField("upper_line"),
        index.SearchField("lower_line"),
        index.SearchField("horizontal"),
        index.SearchField("story"),
        index.FilterField("live"),
        # The admin list's ordering (newest first): a search with an unknown ?ordering=
        # falls back to it, and a search can only sort by a FilterField.
        index.FilterField("created_at"),
    ]

    class Meta:
        verbose_name = _("family motto")
        verbose_name_plural = _("family mottos")

    def __str__(self):
        return self.title or self.default_title()

    def save(self, *args, **kwargs):
        if self.household_id and not self.building_id:
            self.building_id = self.household.building_id
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    def default_title(self):
        if self.kind == MottoKind.COUPLET and self.horizontal:
            return self.horizontal
        text = " ".join((self.text or self.upper_line).split())
        return text[:20] + ("…" if len(text) > 20 else "")

    @property
    def is_couplet(self):
        return self.kind == MottoKind.COUPLET

    @property
    def consented(self):
        return self.consent_at is not None

    @property
    def family_label(self):
        """The family as visitors see it; see ``rules.shown_family``."""
        return rules.shown_family(
            self.family_display,
            self.family_name,
            self.building.name if self.building_id else "",
            self.consented,
        )

    @property
    def tone_hint(self):
        return rules.tone_hint(self.upper_line, self.lower_line) if self.is_couplet else ""

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == MottoKind.COUPLET:
            for field in ("upper_line", "lower_line", "horizontal"):
                if not getattr(self, field).strip():
                    errors[field] = _("A couplet needs this line.")
            if not errors:
                if problems := rules.couplet_errors(self.upper_line, self.lower_line):
                    errors["lower_line"] = problems
                if problems := rules.horizontal_errors(self.horizontal):
                    errors["horizontal"] = problems
        elif not self.text.strip():
            errors["text"] = _("Please write the motto.")
        if rules.needs_consent(self.family_display):
            if not self.family_name.strip():
                errors["family_name"] = _("Please give the family name to show.")
            elif self.consent_at is None:
                errors["family_display"] = _(
                    "Showing the family name needs the family's recorded consent; "
                    "otherwise choose 'A resident household'."
                )
        if errors:
            raise ValidationError(errors)

    def gallery(self):
        return MottoGalleryPage.objects.live().first()

    def get_url(self, request=None, gallery=None):
        gallery = gallery or self.gallery()
        if gallery is None:
            return None
        return gallery.get_url(request) + gallery.reverse_subpage("motto", args=[self.pk])

    def get_preview_template(self, request, mode_name):
        return "home/family_motto.html"

    def get_preview_context(self, request, mode_name):
        return {"motto": self, "page": self.gallery(), "preview": True}


class MottoGalleryPage(CachedPageMixin, GalleryRoutesMixin, Page):
    """/mottos/: approved family mottos, featured first, filterable by theme and kind,
    a page and a print view per motto, and the residents' submission form."""

    cache_params = ("theme", "kind", "page")

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("family motto gallery")
