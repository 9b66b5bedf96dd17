"""Factories for a small page tree: home → notices → notice, and standard pages.

Wagtail pages live in a tree, so every page factory takes ``parent=`` (the home page
finds its own: the tree's root) and adds the page with ``parent.add_child``.
"""

import datetime

import factory
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from home.notices.models import NoticeIndexPage, NoticePage
from home.pages import HomePage, StandardPage


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


class PageFactory(factory.django.DjangoModelFactory):
    """A page added under ``parent``. The kinds an editor publishes (``_publish = True``)
    then save a revision and publish it, once every post-generation step (tags, …) has
    run; ``publish=False`` leaves such a page as added, ``publish=True`` publishes any."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    _publish = False

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        return extracted  # read by _after_postgeneration, after the other steps

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        return parent.add_child(instance=model_class(*args, **kwargs))

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        publish = (results or {}).get("publish")
        if create and (cls._publish if publish is None else publish):
            instance.save_revision().publish()


class HomePageFactory(PageFactory):
    """A HomePage that replaces Wagtail's welcome page as the default site's root."""

    class Meta:
        model = HomePage

    title = "首页"
    slug = factory.Sequence(lambda n: f"home-{n + 1}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        root = Page.get_first_root_node() or _make_root()
        home = super()._create(model_class, *args, parent=root, **kwargs)
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


class NoticeIndexPageFactory(PageFactory):
    """通知公告 at /notices/, in the menu (not published: added live)."""

    class Meta:
        model = NoticeIndexPage

    title = "通知公告"
    slug = "notices"
    show_in_menus = True


class NoticePageFactory(PageFactory):
    """A published property notice; ``buildings=[…]`` targets buildings, ``tags=[…]``
    tags it, ``published=<datetime>`` backdates its first and last publication."""

    class Meta:
        model = NoticePage

    _publish = True

    title = factory.Sequence(lambda n: f"通知{n + 1}")
    slug = factory.Sequence(lambda n: f"notice-{n + 1}")
    category = "property"
    summary = factory.Sequence(lambda n: f"摘要{n + 1}")
    body = factory.Sequence(lambda n: paragraph(f"正文{n + 1}"))

    @factory.post_generation
    def buildings(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_buildings.set(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    @factory.post_generation
    def published(self, create, extracted, **kwargs):
        return extracted  # read by _after_postgeneration, after publishing

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        super()._after_postgeneration(instance, create, results)
        published = (results or {}).get("published")
        if create and published is not None:
            NoticePage.objects.filter(pk=instance.pk).update(
                first_published_at=published, last_published_at=published
            )
            instance.refresh_from_db()


class StandardPageFactory(PageFactory):
    """社区简介 at /about/, published."""

    class Meta:
        model = StandardPage

    _publish = True

    title = "社区简介"
    slug = "about"
    body = factory.LazyFunction(lambda: paragraph("青梧社区位于临江市。"))
