"""Helpers that build a small page tree: home → notices → notice, and standard pages."""

import datetime
import itertools

from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from home.notices.models import NoticeIndexPage, NoticePage
from home.pages import HomePage, StandardPage

_counter = itertools.count(1)


def make_home():
    """A HomePage that replaces Wagtail's welcome page as the default site's root."""
    root = Page.get_first_root_node() or _make_root()
    home = root.add_child(instance=HomePage(title="首页", slug=f"home-{next(_counter)}"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "青梧"},
    )
    for page in root.get_children().exclude(pk=home.pk):
        page.delete()
    return home


def _make_root():
    """Transactional tests flush the tree that Wagtail's migrations create; rebuild it."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant("zh-hans"))
    return Page.add_root(instance=Page(title="Root", slug="root"))


def make_notice_index(home, **kwargs):
    kwargs.setdefault("title", "通知公告")
    kwargs.setdefault("slug", "notices")
    kwargs.setdefault("show_in_menus", True)
    return home.add_child(instance=NoticeIndexPage(**kwargs))


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def make_notice(index, title=None, published=None, buildings=(), tags=(), **kwargs):
    """Add and publish a notice; ``published`` backdates first_published_at."""
    n = next(_counter)
    kwargs.setdefault("category", "property")
    kwargs.setdefault("summary", f"摘要{n}")
    kwargs.setdefault("body", paragraph(f"正文{n}"))
    notice = NoticePage(title=title or f"通知{n}", slug=f"notice-{n}", **kwargs)
    index.add_child(instance=notice)
    if buildings:
        notice.target_buildings.set(buildings)
    if tags:
        notice.tags.add(*tags)
    notice.save_revision().publish()
    if published is not None:
        NoticePage.objects.filter(pk=notice.pk).update(
            first_published_at=published, last_published_at=published
        )
        notice.refresh_from_db()
    return notice


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def make_standard_page(parent, title="社区简介", slug="about", **kwargs):
    kwargs.setdefault("body", paragraph("青梧社区位于临江市。"))
    page = parent.add_child(instance=StandardPage(title=title, slug=slug, **kwargs))
    page.save_revision().publish()
    return page
