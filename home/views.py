from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from home.display import DISPLAY_MODES, STANDARD
from home.notices.choices import NoticeCategory
from portal.search.results import RankedHits

MAX_QUERY_LENGTH = 100
RESULTS_PER_PAGE = 10


def search(request):
    """/search/: one search over every registered kind (``portal.search.registry``).

    Chinese-aware (see ``portal.search``); over-long queries are cut, not refused.
    """
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = hits = None
    if query:
        hits = RankedHits(query, request)
        paginator = Paginator(hits, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page") or 1)
        except (PageNotAnInteger, EmptyPage) as exc:
            raise Http404(_("There is no such page of results.")) from exc
    return TemplateResponse(
        request,
        "home/search.html",
        {
            "query": query,
            "results": results,
            "loose": bool(hits and hits.loose),
            "pagination_query": urlencode({"q": query}),
            "categories": NoticeCategory.choices,
        },
    )


def set_display_mode(request, mode):
    """Switch between the standard and the elderly (大字) display with a plain link.

    A GET is fine here: the choice only changes how pages look to this browser.
    """
    if mode not in DISPLAY_MODES:
        raise Http404(_("There is no such display mode."))
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if mode == STANDARD:
        response.delete_cookie(settings.DISPLAY_MODE_COOKIE)
    else:
        response.set_cookie(
            settings.DISPLAY_MODE_COOKIE,
            mode,
            max_age=60 * 60 * 24 * 365,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
    return response
