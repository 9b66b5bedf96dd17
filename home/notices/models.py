"""Notices (通知公告): the index at /notices/ and the notices under it."""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Case, Q, When
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BodyBlock
from home.notices.choices import NoticeCategory, NoticeIssuer
from portal.page_cache import CachedPageMixin, remember
from portal.paging import page_or_404

LIST_THUMBNAIL = "fill-240x160"


class NoticeTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NoticePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NoticeQuerySet(PageQuerySet):
    def visible(self):
        """Live and not past their expiry, even before `publish_scheduled` has run."""
        return self.live().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))

    def in_display_order(self, today=None):
        """Urgent first, then notices pinned until today or later, then newest first."""
        today = today or timezone.localdate()
        return self.annotate(
            pinned_now=Case(
                When(pinned_until__gte=today, then=True),
                default=False,
                output_field=models.BooleanField(),
            )
        ).order_by("-urgent", "-pinned_now", "-first_published_at", "-pk")

    def with_list_relations(self):
        """Everything a notice list shows (not the tags: only the notice's own page
        shows those), fetched in a fixed number of queries; not the body, which no
        list shows (lists are remembered, so what they hold is kept in memory)."""
        images = get_image_model().objects.prefetch_renditions(LIST_THUMBNAIL)
        return self.defer_streamfields().prefetch_related(
            "target_buildings", models.Prefetch("image", queryset=images)
        )


NoticeManager = PageManager.from_queryset(NoticeQuerySet)


def short_slug_base(today=None):
    """Today's date: the first notice of the day is 2026-12-01, the next 2026-12-01-2."""
    return (today or timezone.localdate()).isoformat()


class NoticeIndexPage(CachedPageMixin, RoutablePageMixin, Page):
    """/notices/: filterable, paginated list of notices with an RSS feed."""

    cache_params = ("category", "tag", "building", "page")

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NoticePage"]
    max_count = 1

    class Meta:
        verbose_name = _("notice index")

    def notices(self):
        return NoticePage.objects.visible().child_of(self)

    def filtered_notices(self, params):
        """Apply ?category= ?tag= ?building= filters; unknown values raise Http404."""
        from participation.households.models import Building

        notices = self.notices()
        active = {}
        category = params.get("category")
        if category:
            if category not in NoticeCategory.values:
                raise Http404(_("There is no such notice category."))
            notices = notices.filter(category=category)
            active["category"] = NoticeCategory(category)
        tag = params.get("tag")
        if tag:
            active["tag"] = Tag.objects.filter(slug=tag[:100]).first()
            if active["tag"] is None:
                raise Http404(_("There is no such tag."))
            notices = notices.filter(tags=active["tag"])
        building = params.get("building")
        if building:
            active["building"] = (
                Building.objects.filter(pk=building).first()
                if building.isascii() and building.isdigit() and len(building) < 10
                else None
            )
            if active["building"] is None:
                raise Http404(_("There is no such building."))
            notices = notices.filter(
                Q(target_buildings=active["building"]) | Q(target_buildings__isnull=True)
            ).distinct()
        return notices, active

    @path("")
    def notice_list(self, request):
        query = request.GET.copy()
        query.pop("page", None)
        return self.render(
            request,
            context_overrides={
                **self.listing(request.GET),
                "filter_query": query.urlencode(),
                "categories": NoticeCategory.choices,
            },
        )

    def listing(self, params):
        """The page of notices that ``params`` ask for, with the filters and buildings
        it shows: the same for every visitor, so remembered per filter, page number
        and cache generation (for at most a minute: pins and expiries are the
        clock's). A wrong filter or page number raises Http404, never remembered."""
        key = "|".join(params.get(name, "") for name in self.cache_params)
        return remember(f"notice-list-{self.pk}-{key}", lambda: self._listing(params), typed=True)

    def _listing(self, params):
        from participation.households.models import Building

        notices, active = self.filtered_notices(params)
        page = page_or_404(
            notices.in_display_order().with_list_relations(),
            settings.NOTICES_PER_PAGE,
            params.get("page"),
            _("There is no such page of notices."),
        )
        page.object_list = list(page.object_list)
        page.paginator.count  # noqa: B018 - counted now, once, not by each reader
        return {"notices": page, "active": active, "buildings": list(Building.objects.all())}

    @path("feed/")
    def rss_feed(self, request):
        from home.notices.feeds import NoticeRssFeed

        return NoticeRssFeed()(request, index_page=self)

    @path("feed/atom/")
    def atom_feed(self, request):
        from home.notices.feeds import NoticeAtomFeed

        return NoticeAtomFeed()(request, index_page=self)


class NoticePage(CachedPageMixin, RoutablePageMixin, Page):
    """One notice. Go-live and expiry are Wagtail's own publishing schedule."""

    category = models.CharField(_("category"), max_length=20, choices=NoticeCategory.choices)
    issuer = models.CharField(
        _("issuer"), max_length=20, choices=NoticeIssuer.choices, default=NoticeIssuer.COMMITTEE
    )
    urgent = models.BooleanField(
        _("urgent"), default=False, help_text=_("Shown in the banner on the home page.")
    )
    pinned_until = models.DateField(
        _("pinned until"),
        null=True,
        blank=True,
        help_text=_("Keep at the top of the list until this day (inclusive)."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=200,
        blank=True,
        help_text=_("One or two sentences for lists, the feed and the poster."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    target_buildings = ParentalManyToManyField(
        "participation.Building",
        blank=True,
        verbose_name=_("buildings concerned"),
        help_text=_("Leave empty when the notice concerns the whole community."),
    )
    tags = ClusterTaggableManager(through=NoticeTag, blank=True, verbose_name=_("tags"))
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    objects = NoticeManager()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("issuer"),
                FieldPanel("urgent"),
                FieldPanel("pinned_until"),
                FieldPanel("target_buildings", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("category"),
        index.FilterField("urgent"),
        index.FilterField("expire_at"),
    ]
    parent_page_types = ["home.NoticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def full_clean(self, *args, **kwargs):
        self._shorten_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self._shorten_slug()
        super().minimal_clean()

    def _shorten_slug(self):
        """Give a never-published notice a short ASCII address (/notices/2026-12-01-2/).

        The admin fills the slug from the title as the editor types; a Chinese title
        would make a 200-character percent-encoded address that no one can read, type
        or fit in a QR code. A slug the editor typed in ASCII is kept, and so is the
        slug of any notice that was ever published: its address is out there.
        """
        if self.slug and self.slug.isascii():
            return
        if self.last_published_at is not None:
            return
        if not (self.path or getattr(self, "_cached_parent_obj", None)):
            return
        self.slug = self._get_autogenerated_slug(short_slug_base())

    @property
    def is_pinned(self):
        return bool(self.pinned_until and self.pinned_until >= timezone.localdate())

    @property
    def short_url(self):
        """/n/<id>/: the short link on posters, so the QR code stays sparse and scans."""
        return reverse("notice-short-link", args=[self.pk])

    @path("poster/")
    def poster(self, request):
        """A4 print view for the paper notice boards, with a QR code back to this page."""
        from home.notices.poster import is_long_title, poster_content
        from portal.qr import qr_svg

        target = request.build_absolute_uri(self.short_url)
        blocks, contacts, cut = poster_content(self.body, self.title, self.summary)
        return render(
            request,
            "home/notice_poster.html",
            {
                "page": self,
                "self": self,
                "qr_target": target,
                "qr_svg": qr_svg(target),
                "blocks": blocks,
                "contacts": contacts,
                "cut": cut,
                "long_title": is_long_title(self.title),
            },
        )
