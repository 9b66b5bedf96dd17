"""A page cache for anonymous visitors, on Django's cache framework.

Most visitors are residents reading notices on a cheap phone, anonymous. Their pages
are the same for everyone who reads them in the same language and display mode, so
they are kept whole in the cache (Redis when ``REDIS_URL`` is set, shared by every
worker and server; otherwise the database cache, shared by every worker on the
machine) and served without routing, queries or templates.

The rules, in order of importance:

1. **Nothing personal is ever stored or served.** A request that carries a session
   cookie (a logged-in person) or a pending message is never served from the cache and
   its response is never stored. A response is stored only if it sets no cookie and
   is a plain 200 HTML or feed page. Anonymous pages therefore must not use
   ``{% csrf_token %}``, write the session, or add messages on GET: forms that post
   are shown to logged-in people only (anonymous visitors get a link to log in).
2. **Pages opt in.** A view says it may be cached with :func:`cache_anonymous` (a
   decorator for function views) or :class:`CachedPageMixin` (for Wagtail pages), and
   names the query parameters it reads; other parameters do not split the cache (and
   are ignored by the page anyway). Everything else is never cached.
3. **The key** holds the host, the path, the values of the page's own parameters, the
   language and the display mode (the two cookies that change how a page looks to an
   anonymous visitor), and the cache generation.
4. **Invalidation** is by generation: any change that a public page may show
   (publishing, unpublishing, moving or deleting a page, site settings, snippets,
   images, and the models features register with :func:`invalidate_on`) sets a new
   generation after the transaction commits, and every stored page is from then on a
   miss. Coarse, but always right, and a community's editors publish a few times a
   day. Because the generation lives in the shared cache, every worker and server
   sees it on its next request.
5. **Time limits**: each entry lives ``PAGE_CACHE_SECONDS`` (60 s) at most, so what
   changes with the clock alone (a notice's expiry, a vote's opening) shows within a
   minute; pages with live figures (participation bars) ask for less.

Responses served anonymously carry an ETag (see ``ConditionalGetMiddleware``) and
``Cache-Control: private, max-age=0, must-revalidate``: private because the language
and display mode are cookies but the response has no ``Vary: Cookie``, so no shared
proxy may keep it; a returning browser revalidates and gets a 304.
"""

import contextlib
import functools
import hashlib
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import urlencode

GENERATION_KEY = "page-cache:generation"
CACHEABLE_TYPES = (
    "text/html",
    "application/json",
    "application/rss+xml",
    "application/atom+xml",
    "text/calendar",
)
SKIPPED_HEADERS = {"set-cookie", "vary", "date", "x-page-cache"}
# How long a process trusts its copy of the generation, and how many pages it keeps.
GENERATION_SECONDS = 1.0
LOCAL_PAGES = 500
# How many rendered fragments (cards, the header, the footer: a few KB of HTML each)
# and remembered values a process keeps, least recently used dropped first: values
# keyed by the site's own pages (the site, its settings, the menu, a page's route),
# and, apart, values keyed by what a visitor typed (a search, a list's filters and
# page, a routable page's sub-path), so that made-up values cannot push out the
# others. Counts, not bytes: measured on the demo, at most some 25, 10 and 20 MB.
LOCAL_FRAGMENTS = 5000
LOCAL_VALUES = 1000
LOCAL_TYPED_VALUES = 300
# How stale a live figure (participation bars, seats left, supports) may be on a page
# or fragment kept for everyone: what changes by a vote or the clock, not an edit.
LIVE_SECONDS = 30


class Policy:
    """How one page may be cached: the query parameters it reads and its lifetime."""

    def __init__(self, params=(), seconds=None):
        self.params = tuple(sorted(params))
        self.seconds = seconds or settings.PAGE_CACHE_SECONDS


def mark_cacheable(request, params=(), seconds=None):
    """Say that this request's response may be stored for anonymous visitors."""
    request.page_cache_policy = Policy(params, seconds)


def cache_anonymous(params=(), seconds=None):
    """Decorator for a function view whose GET response is the same for every
    anonymous visitor (per language and display mode). ``params``: the query
    parameters the view reads; ``seconds``: a shorter lifetime for live figures."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            mark_cacheable(request, params, seconds)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


class CachedPageMixin:
    """For Wagtail page models: ``cache_params`` names the query parameters the page
    reads (``("category", "tag", "page")``), ``cache_seconds`` a shorter lifetime."""

    cache_params = ()
    cache_seconds = None

    def serve(self, request, *args, **kwargs):
        mark_cacheable(request, self.cache_params, self.cache_seconds)
        return super().serve(request, *args, **kwargs)

    def get_view_restrictions(self):
        """For the copy of a page being served: the restrictions remembered with its
        route (``portal.page_routes``); otherwise (the admin) Wagtail's query."""
        served = self.__dict__.get("served_view_restrictions")
        return served if served is not None else super().get_view_restrictions()


def _is_anonymous(request):
    cookies = request.COOKIES
    return not cookies.get(settings.SESSION_COOKIE_NAME) and not cookies.get("messages")


def _variant(request):
    """The language and display mode, the only cookies an anonymous page depends on."""
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    display = request.COOKIES.get(settings.DISPLAY_MODE_COOKIE, "")
    return f"{language}|{display}"


def _page_key(request, generation, params):
    query = urlencode(
        [(name, value) for name in params for value in request.GET.getlist(name)], doseq=True
    )
    raw = f"{request.get_host()}|{request.path}|{query}|{_variant(request)}|{generation}"
    return "page-cache:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _params_key(request):
    raw = f"{request.get_host()}|{request.path}"
    return "page-cache:params:" + hashlib.sha256(raw.encode()).hexdigest()


def invalidate():
    """Make every stored page a miss, once the current transaction has committed."""
    transaction.on_commit(_new_generation)


def _new_generation():
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, None)
    local.new_generation(generation)


def _on_change(sender, **kwargs):
    invalidate()


def invalidate_on(*models):
    """Invalidate the page cache whenever one of these models is saved or deleted."""
    from django.db.models.signals import post_delete, post_save

    for model in models:
        post_save.connect(_on_change, sender=model, dispatch_uid=f"page-cache-save-{model}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"page-cache-del-{model}")


def connect_signals():
    """Invalidate on what every public page may show: pages (publish, unpublish, move,
    delete), sites, who may see a page, site settings, images, documents and
    published snippets. Features add
    their own public models with :func:`invalidate_on`. Called from HomeConfig.ready.

    Receivers are connected per model, never for every model: a ``post_delete``
    receiver without a sender would stop Django's fast deletes everywhere."""
    from django.apps import apps
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site, get_page_models
    from wagtail.signals import page_unpublished, post_page_move, published, unpublished

    settings_models = [
        model
        for model in apps.get_models()
        if issubclass(model, (BaseSiteSetting, BaseGenericSetting))
    ]
    invalidate_on(
        *get_page_models(),
        Site,
        PageViewRestriction,
        get_image_model(),
        get_document_model(),
        *settings_models,
    )
    for signal in (page_unpublished, post_page_move, published, unpublished):
        signal.connect(_on_change, dispatch_uid=f"page-cache-{id(signal)}")


def _anonymous_headers(response):
    """A response to a visitor without a session, that sets no cookie, is the same for
    every such visitor with the same language and display cookies: no ``Vary: Cookie``
    (which would keep it out of every cache), but private, so that no shared cache
    serves it to someone with other cookies; and an ETag, so a browser revalidates."""
    if response.has_header("Vary"):
        kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]
    patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
    if not response.has_header("ETag") and not response.streaming:
        digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        response["ETag"] = f'"{digest}"'


def _storable(request, response):
    return (
        getattr(request, "page_cache_policy", None) is not None
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").split(";")[0] in CACHEABLE_TYPES
    )


class _Local:
    """This process's copies, in front of the shared cache: the generation, read again
    from the shared cache at most once a second (so every worker and server sees an
    invalidation within a second; this process at once), and the most recently used
    pages, so that a hit needs no network or database round trip at all."""

    def __init__(self, size=LOCAL_PAGES):
        self.size = size
        self.lock = threading.Lock()
        self.clear()

    def clear(self):
        self.pages = OrderedDict()
        self.params = {}
        self.memo = OrderedDict()
        self.typed = OrderedDict()
        self.fragments = OrderedDict()
        self.generation, self.generation_read_at = None, -1.0

    def current_generation(self):
        now = time.monotonic()
        if self.generation is None or now - self.generation_read_at >= GENERATION_SECONDS:
            self.generation = cache.get(GENERATION_KEY, "0")
            self.generation_read_at = now
        return self.generation

    def new_generation(self, value):
        with self.lock:
            self.pages.clear()
            self.memo.clear()
            self.typed.clear()
            self.fragments.clear()
            self.generation, self.generation_read_at = value, time.monotonic()

    def get(self, key):
        entry = self.pages.get(key)
        if entry is None:
            return None
        if entry[0] <= time.time():
            self.pages.pop(key, None)
            return None
        self.pages.move_to_end(key)
        return entry

    def put(self, key, entry):
        with self.lock:
            self.pages[key] = entry
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)

    def fragment(self, key, render, seconds=None):
        """The HTML ``render()`` made for ``key`` in this cache generation, made at
        most once per ``seconds`` (``PAGE_CACHE_SECONDS`` unless given, so what
        changes with the clock alone, a pin that ends today, shows within a minute, as
        on cached pages)."""
        return self.recall(self.fragments, LOCAL_FRAGMENTS, key, render, seconds)

    def recall(self, store, size, key, compute, seconds=None):
        """``store``'s value for ``key`` in this generation while it is fresh, else
        ``compute()``'s, kept for ``seconds`` (``PAGE_CACHE_SECONDS`` unless given).
        What ``compute()`` raises is not kept. Least recently used entries go first
        once the store holds ``size``.

        ``compute()`` runs outside the lock: what it reads may write (Wagtail creates
        a site's settings row on first read), and that write's invalidation takes the
        lock to start a new generation. Holding it here hung a fresh site's first
        request until gunicorn killed the worker (30 s, then a 500)."""
        key = (self.current_generation(), key)
        value = self.peek(store, key)
        if value is MISSING:
            value = compute()
            self.keep(store, size, key, value, seconds)
        return value

    def peek(self, store, key):
        """``store``'s fresh value for ``key`` (generation included), else MISSING."""
        entry = store.get(key)
        if entry is None or entry[0] <= time.monotonic():
            return MISSING
        with contextlib.suppress(KeyError):  # another thread may just have dropped it
            store.move_to_end(key)
        return entry[1]

    def keep(self, store, size, key, value, seconds=None):
        lifetime = settings.PAGE_CACHE_SECONDS if seconds is None else seconds
        with self.lock:
            store[key] = (time.monotonic() + lifetime, value)
            store.move_to_end(key)
            while len(store) > size:
                store.popitem(last=False)


MISSING = object()
local = _Local()


def remember(name, compute, typed=False):
    """``compute()`` once per process and cache generation, for at most
    ``PAGE_CACHE_SECONDS``: for what every visitor sees alike and only an editor
    changes (the site, its settings, a page's route, the notices of a list page), so
    that pages the cache cannot serve (a logged-in resident's, or every page with the
    page cache off) do not repeat the same queries on every request. Forgotten with
    every invalidation, like the pages, so an edit shows on this process's next
    request and on every other worker's within a second; what changes with the clock
    alone (a notice's expiry) within the lifetime. Never for anything personal.

    ``typed``: True for a name made from what a visitor typed (a query, a page
    number), or a function of the value saying so (a route to a routable page's
    sub-path): such values are kept apart, in a smaller store, so that many made-up
    ones cannot push out the site, the menu and the routes to real pages.

    Off in the test suite (whose transactions never commit, so never invalidate)
    unless a test turns the page cache on."""
    if not (settings.PAGE_CACHE_ENABLED or settings.PAGE_CACHE_MEMO):
        return compute()
    key = (local.current_generation(), name)
    for store in (local.memo, local.typed):
        value = local.peek(store, key)
        if value is not MISSING:
            return value
    value = compute()
    if typed is True or (callable(typed) and typed(value)):
        local.keep(local.typed, LOCAL_TYPED_VALUES, key, value)
    else:
        local.keep(local.memo, LOCAL_VALUES, key, value)
    return value


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous GETs of pages that opted in (see the module's rules).

    Sits after SecurityMiddleware and WhiteNoise and before the session. A hit is
    served from this process's copy when it has one (no I/O), else from the shared
    cache (two reads), never touching the page's own queries or templates.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not _is_anonymous(request):
            return self.get_response(request)
        if not settings.PAGE_CACHE_ENABLED:
            return self._anonymous(self.get_response(request))
        generation = local.current_generation()
        params_key = _params_key(request)
        params = local.params.get(params_key)
        if params is None:
            params = cache.get(params_key)
        if params is not None:
            local.params[params_key] = params
            page_key = _page_key(request, generation, params)
            entry = local.get(page_key)
            if entry is None:
                entry = cache.get(page_key)
                if entry is not None:
                    local.put(page_key, entry)
            if entry is not None:
                return self._replay(request, entry)
        response = self._anonymous(self.get_response(request))
        if _storable(request, response):
            policy = request.page_cache_policy
            entry = (
                time.time() + policy.seconds,
                response.status_code,
                [(k, v) for k, v in response.items() if k.lower() not in SKIPPED_HEADERS],
                response.content,
            )
            page_key = _page_key(request, generation, policy.params)
            cache.set_many({params_key: policy.params, page_key: entry}, policy.seconds)
            local.params[params_key] = policy.params
            local.put(page_key, entry)
            response["X-Page-Cache"] = "miss"
        return response

    def _anonymous(self, response):
        if not response.cookies:
            _anonymous_headers(response)
        return response

    def _replay(self, request, entry):
        _expires, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        conditional = get_conditional_response(
            request, etag=response.get("ETag"), response=response
        )
        if conditional is not response:
            return conditional
        if request.method == "HEAD":
            response.content = b""
        return response
