from django.conf import settings
from django.http.request import split_domain_port
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import Site

from portal.page_cache import remember


class ChosenLanguageMiddleware:
    """Serve Simplified Chinese unless the visitor chose another language.

    Django's LocaleMiddleware would follow the browser's Accept-Language header, so a
    phone set to English would never see the Chinese the community writes in. Here the
    only inputs are the language cookie written by the switcher (Django's
    ``set_language`` view) and ``LANGUAGE_CODE``. URLs carry no language prefix: the
    public URL contract fixes the paths.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class RememberedSiteMiddleware:
    """Find the request's Wagtail site once per process and cache generation.

    Wagtail looks the site up for every request (routing, settings, page URLs) with a
    query of its own; the sites change only when an editor changes them, and saving
    one starts a new generation. The same for the sites' root paths, which every page
    URL needs (Wagtail reads them from the shared cache once per request). Sits after
    CommonMiddleware, which has checked the host against ALLOWED_HOSTS; Wagtail keeps
    both on the request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        request._wagtail_site = remember(
            f"site-{host}-{port}", lambda: Site._find_for_request(request)
        )
        request._wagtail_cached_site_root_paths = remember(
            "site-root-paths", Site.get_site_root_paths
        )
        return self.get_response(request)
