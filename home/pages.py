"""The site's general pages: the home page and standard pages (about, privacy…)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock, HomeBodyBlock
from portal.page_cache import CachedPageMixin


class HomePage(CachedPageMixin, Page):
    """The community's front page: urgent banner, latest notices, editor-arranged sections."""

    intro = RichTextField(_("welcome text"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(HomeBodyBlock(), blank=True, verbose_name=_("sections"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from home.notices.models import NoticeIndexPage, NoticePage

        context = super().get_context(request, *args, **kwargs)
        notices = NoticePage.objects.visible().descendant_of(self)
        context["urgent_notices"] = notices.filter(urgent=True).order_by("-first_published_at")[:3]
        context["latest_notices"] = notices.in_display_order().with_list_relations()[:6]
        context["notice_index"] = NoticeIndexPage.objects.live().child_of(self).first()
        return context


class StandardPage(CachedPageMixin, Page):
    """A plain content page: 社区简介, 办事指南, privacy and the like."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
