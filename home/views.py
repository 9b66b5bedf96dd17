from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from home.display import DISPLAY_MODES, STANDARD
from home.notices.choices import NoticeCategory
from portal.page_cache import cache_anonymous, remember
from portal.paging import page_or_404
from portal.search.results import RankedHits

MAX_QUERY_LENGTH = 100
RESULTS_PER_PAGE = 10


@cache_anonymous(params=("q", "page"))
def search(request):
    """/search/: one search over every registered kind (``portal.search.registry``).

    Chinese-aware (see ``portal.search``); over-long queries are cut, not refused.
    A page of results is the same for every visitor until something is published,
    so it is remembered per query, page and cache generation (``remember``; for at
    most a minute, expiries being the clock's): a word many residents look up at
    once (停水 on the day of a water cut) is searched once.
    """
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results, loose = None, False
    if query:
        number = request.GET.get("page")
        key = f"search-{request.get_host()}-{number}-{query}"
        results, loose = remember(key, lambda: _results(query, number, request), typed=True)
    return TemplateResponse(
        request,
        "home/search.html",
        {
            "query": query,
            "results": results,
            "loose": loose,
            "pagination_query": urlencode({"q": query}),
            "categories": NoticeCategory.choices,
        },
    )


def _results(query, number, request):
    """Page ``number`` of the hits for ``query``, and whether it was loosened."""
    hits = RankedHits(query, request)
    results = page_or_404(hits, RESULTS_PER_PAGE, number, _("There is no such page of results."))
    hits.settle()  # a remembered page of results keeps no request and no querysets
    return results, hits.loose


def _back(request):
    """A redirect to ``?next=``, only to a path on this site (never another host)."""
    target = request.GET.get("next", "/")
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    return HttpResponseRedirect(target)


def _remember(request, response, name, value):
    """A cookie that only changes how pages look, for a year: SameSite=Lax, and
    HttpOnly since no script reads it."""
    response.set_cookie(
        name,
        value,
        max_age=60 * 60 * 24 * 365,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )


def set_display_mode(request, mode):
    """Switch between the standard and the elderly (大字) display with a plain link.

    A GET is fine here: the choice only changes how pages look to this browser.
    """
    if mode not in DISPLAY_MODES:
        raise Http404(_("There is no such display mode."))
    response = _back(request)
    if mode == STANDARD:
        response.delete_cookie(settings.DISPLAY_MODE_COOKIE, samesite="Lax")
    else:
        _remember(request, response, settings.DISPLAY_MODE_COOKIE, mode)
    return response


def set_language(request, language):
    """Switch the language with a plain link (``/language/en/?next=/notices/``).

    A link, not a form: a form needs a CSRF token, and a token would put a cookie on
    every anonymous page and keep it out of the page cache. A GET is fine here for the
    same reason as the display mode: it only changes how pages look to this browser.
    """
    if language not in dict(settings.LANGUAGES):
        raise Http404(_("There is no such language."))
    response = _back(request)
    if language == settings.LANGUAGE_CODE:
        response.delete_cookie(settings.LANGUAGE_COOKIE_NAME, samesite="Lax")
    else:
        _remember(request, response, settings.LANGUAGE_COOKIE_NAME, language)
    return response
