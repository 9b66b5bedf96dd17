from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
