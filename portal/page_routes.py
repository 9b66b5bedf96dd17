"""Wagtail's page serving, with each page's route remembered.

To find a page, Wagtail walks the tree from the site's root page, a query per level
and one for the specific page, then reads the view restrictions of the page and its
ancestors: two to six queries before the page does any work of its own, the same
for every visitor until an editor publishes, moves, unpublishes or deletes a page or
changes who may see it (each of which starts a new cache generation, see
``portal.page_cache``). So the route found for a site, language and path is
remembered (``portal.page_cache.remember``) with the page's view restrictions; the
restrictions are still *checked* against every request (logged in? password
given? in the group?), by Wagtail's own hook, which asks the served page
(``CachedPageMixin.get_view_restrictions``).

Each request gets its own shallow copy of the remembered page, so that what one
request sets on its page object (Wagtail and the routable pages cache things on it)
never reaches another; what the copy still shares (a StreamField's parsed blocks, the
cached parent, in-memory relations) is only read while serving. Paths that find no
page are not remembered. A routable page's sub-paths (``/mottos/12/``: any number
routes there) are remembered apart from the routes to pages (``remember``'s
``typed``), so that made-up ones cannot push the real ones out.
"""

import copy

from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Site

from portal.page_cache import remember


def serve(request, path):
    """Wagtail's ``serve`` view (on its URL pattern and name, in its place after
    Wagtail's ``_util/`` URLs), with the route looked up once per cache generation
    (see the module's docstring)."""
    site = Site.find_for_request(request)
    if site is not None:
        try:
            remembered = remember(
                f"route-{site.pk}-{get_language()}-{path}",
                lambda: _route(request, site, path),
                typed=_to_a_sub_path,
            )
        except Http404:
            request._wagtail_route_for_request = None
        else:
            request._wagtail_route_for_request = _served(request, *remembered)
    return wagtail_views.serve(request, path)


def _served(request, page, remaining, restrictions):
    """This request's own route to a remembered page: a copy of the page, routed on
    over what is left of the path (a routable page's own sub-path, which Wagtail
    resolves without a query and binds to the copy)."""
    page = copy.copy(page)
    page.served_view_restrictions = restrictions
    return page.route(request, remaining)


def _to_a_sub_path(remembered):
    """A route into a routable page's own sub-path (``/mottos/12/``, ``/events/2026/12/``)
    is kept with what visitors typed: any number routes there, made up or not."""
    _page, remaining, _restrictions = remembered
    return bool(remaining)


def _route(request, site, path):
    """The page Wagtail's ``Page.route_for_request`` finds (raising Http404 where it
    returns None), what is left of the path below it, and its view restrictions."""
    components = [component for component in path.split("/") if component]
    root = site.root_page.localized.specific
    page = root.route(request, components).page
    remaining = components[page.depth - root.depth :]
    return page, remaining, list(page.get_view_restrictions())
