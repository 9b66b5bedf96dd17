"""The site's general pages: the home page and standard pages (about, privacy…)."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import LIVE_SECTIONS, BodyBlock, HomeBodyBlock
from portal.page_cache import LIVE_SECONDS, CachedPageMixin, remember

BANNER_LENGTH = 4
LATEST_LENGTH = 6


class HomePage(CachedPageMixin, Page):
    """The community's front page: urgent banner, latest notices, editor-arranged sections.

    The banner holds the urgent and the pinned notices; the list below it is the newest
    notices whatever their flags, without those already in the banner, so a notice just
    published is always the first thing under 最新通知.
    """

    intro = RichTextField(_("welcome text"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(HomeBodyBlock(), blank=True, verbose_name=_("sections"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        banner, latest, notice_index = remember(f"home-notices-{self.pk}", self.front_notices)
        context["urgent_notices"] = banner
        context["latest_notices"] = latest
        context["notice_index"] = notice_index
        context["live_sections"] = LIVE_SECTIONS
        context["live_seconds"] = LIVE_SECONDS
        return context

    def front_notices(self):
        """The banner, the latest notices and the notice index: the same for every
        visitor, so remembered per cache generation (for at most a minute, the
        pins and expiries being the clock's)."""
        from home.notices.models import NoticeIndexPage, NoticePage

        notices = NoticePage.objects.visible().descendant_of(self)
        banner = list(
            notices.in_display_order().filter(
                Q(urgent=True) | Q(pinned_until__gte=timezone.localdate())
            )[:BANNER_LENGTH]
        )
        latest = list(
            notices.exclude(pk__in=[notice.pk for notice in banner])
            .order_by("-first_published_at", "-pk")
            .with_list_relations()[:LATEST_LENGTH]
        )
        return banner, latest, NoticeIndexPage.objects.live().child_of(self).first()


class StandardPage(CachedPageMixin, Page):
    """A plain content page: 社区简介, 办事指南, privacy and the like."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
