"""The site's own error pages: 404, 403 and a failed CSRF check, in the visitor's language.

A 404 or 403 may carry a message. Ours (``Http404(_("There is no such tag."))``) are
written for residents and worth showing; Django's and Wagtail's ("No PlanVote matches
the given query.", a bare ``Http404``) are written for developers and never shown.
A message counts as ours when it is a sentence of our own catalogue, in either
language.
"""

import functools
import gettext

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse

CATALOGUE = settings.BASE_DIR / "portal/locale/zh_Hans/LC_MESSAGES/django.mo"


@functools.cache
def _own_sentences():
    try:
        with CATALOGUE.open("rb") as mo:
            catalogue = gettext.GNUTranslations(mo)._catalog
    except OSError:
        return frozenset()
    sentences = set()
    for msgid, msgstr in catalogue.items():
        if isinstance(msgid, str) and msgid:
            sentences.add(msgid.split("\x04")[-1])
            sentences.add(msgstr)
    return frozenset(sentences)


def own_message(exception):
    """The exception's message when it is one of the site's own sentences, else ''."""
    if exception is None or not exception.args:
        return ""
    message = str(exception.args[0])
    return message if message in _own_sentences() else ""


def _render(request, template, status, message=""):
    response = TemplateResponse(request, template, {"message": message}, status=status)
    response.render()
    return response


def page_not_found(request, exception=None):
    return _render(request, "404.html", 404, own_message(exception))


def permission_denied(request, exception=None):
    return _render(request, "403.html", 403, own_message(exception))


def csrf_failure(request, reason=""):
    """A form sent from a page left open too long (or with cookies off): say what to do."""
    return _render(request, "403_csrf.html", 403)


class FriendlyNotFoundMiddleware:
    """Development only (DEBUG=True): answer 404s with the site's page, not Django's
    technical one, so `make run` shows what residents will see. 500s keep Django's
    debug page. Put first in MIDDLEWARE so it also sees 404s from URL resolution."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is None
            and not getattr(response, "linli_error_page", False)
            and response.get("Content-Type", "").startswith("text/html")
        ):
            response = page_not_found(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            response = page_not_found(request, exception)
            response.linli_error_page = True
            return response
        return None
