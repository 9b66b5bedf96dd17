"""The demo's site, fixed pages and buildings.

Everything here is looked up before it is made (pages by slug under their parent,
buildings by name, settings per site), so a second run changes nothing, and pages an
editor has since changed are left alone.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Site

from home.demo import page_texts
from home.demo.body import stream
from home.demo.community import BUILDING_COUNT, COMMUNITY, building_name
from home.notices.models import NoticeIndexPage
from home.pages import HomePage, StandardPage
from home.site_settings import CommunitySettings
from participation.households.models import Building

# The fixed pages were "published" before the oldest demo notice.
SITE_AGE = datetime.timedelta(days=200)


def publish_child(parent, page, user, published_at):
    """Add ``page`` under ``parent``, publish it as ``user`` and date it ``published_at``.

    Wagtail stamps publication with the current time; the demo moves the page, its
    revisions and its history back so that ordering and the admin look lived-in.
    """
    page.owner = user
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    backdate(page, published_at)
    return page


def backdate(page, when):
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=when, last_published_at=when, latest_revision_created_at=when
    )
    page.revisions.update(created_at=when)
    PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=when)


def _wagtail_welcome_page():
    """The plain Page that Wagtail's migrations create under the root, if still there."""
    return (
        Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page))
        .order_by("pk")
        .first()
    )


def ensure_home_page(user, images):
    """The HomePage, made the default Site's root; Wagtail's welcome page goes away."""
    home = HomePage.objects.first()
    welcome = _wagtail_welcome_page()
    if home is None:
        if welcome is not None and welcome.slug == page_texts.HOME["slug"]:
            # Sibling slugs must be unique; the welcome page is deleted below.
            welcome.slug = "wagtail-welcome"
            welcome.save(update_fields=["slug", "url_path"])
        texts = page_texts.HOME
        home = HomePage(
            title=texts["title"],
            slug=texts["slug"],
            intro=texts["intro"],
            body=stream(texts["body"], timezone.localdate(), images),
        )
        publish_child(Page.get_first_root_node(), home, user, timezone.now() - SITE_AGE)

    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    if site.root_page_id != home.pk or site.site_name != COMMUNITY["name"]:
        site.root_page = home
        site.site_name = COMMUNITY["name"]
        site.save()

    if welcome is not None and welcome.numchild == 0 and not welcome.sites_rooted_here.exists():
        welcome.delete()
    return site, home


def ensure_notice_index(home, user):
    index = NoticeIndexPage.objects.first()
    if index is None:
        texts = page_texts.NOTICE_INDEX
        index = NoticeIndexPage(
            title=texts["title"],
            slug=texts["slug"],
            intro=texts["intro"],
            show_in_menus=texts["show_in_menus"],
        )
        publish_child(home, index, user, timezone.now() - SITE_AGE)
    return index


def ensure_standard_pages(home, user, images):
    """社区简介, 办事指南, 隐私说明; returns how many were made in this run."""
    existing = set(home.get_children().values_list("slug", flat=True))
    made = 0
    for texts in page_texts.STANDARD_PAGES:
        if texts["slug"] in existing:
            continue
        page = StandardPage(
            title=texts["title"],
            slug=texts["slug"],
            intro=texts["intro"],
            show_in_menus=texts["show_in_menus"],
            body=stream(texts["body"], timezone.localdate(), images),
        )
        publish_child(home, page, user, timezone.now() - SITE_AGE)
        made += 1
    return made


def ensure_community_settings(site):
    settings = CommunitySettings.for_site(site)
    changed = [field for field, value in COMMUNITY.items() if getattr(settings, field) != value]
    if changed:
        for field in changed:
            setattr(settings, field, COMMUNITY[field])
        settings.save()
    return settings


def ensure_buildings():
    """1号楼 … 12号楼, returned as {number: Building}."""
    buildings = {b.name: b for b in Building.objects.all()}
    result = {}
    for number in range(1, BUILDING_COUNT + 1):
        name = building_name(number)
        building = buildings.get(name)
        if building is None:
            building = Building.objects.create(name=name, sort_order=number)
        elif building.sort_order != number:
            building.sort_order = number
            building.save(update_fields=["sort_order"])
        result[number] = building
    return result
