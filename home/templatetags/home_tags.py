from django import template
from django.utils.translation import get_language
from wagtail.models import Site

from portal.page_cache import remember

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Header navigation: live children of the site's root page marked "show in menus"."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return []
    return remember(
        f"main-menu-{site.pk}",
        lambda: list(site.root_page.get_children().live().in_menu()),
    )


@register.simple_tag
def html_lang():
    """BCP 47 tag for <html lang>: Django's zh-hans becomes zh-Hans."""
    code = get_language() or "zh-hans"
    return "zh-Hans" if code.lower() == "zh-hans" else code
