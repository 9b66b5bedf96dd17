"""The site's own error pages: 404, 403 and a failed CSRF check, in the visitor's language.

A 404 or 403 may carry a message. Ours (``Http404(_("There is no such tag."))``) are
written for residents and worth showing; Django's and Wagtail's ("No PlanVote matches
the given query.", a bare ``Http404``) are written for developers and never shown.
A message counts as ours when it is a sentence of our own catalogue, in either
language.
"""

import functools
import gettext
import re

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
    sentences, patterns = set(), []
    for msgid, msgstr in catalogue.items():
        if not isinstance(msgid, str) or not msgid:
            continue
        for text in (msgid.split("\x04")[-1], msgstr):
            if PLACEHOLDER.search(text):
                parts = PLACEHOLDER.split(text)
                if len("".join(parts).strip()) < 4:  # "%(title)s" alone says nothing
                    continue
                patterns.append(re.compile(".+?".join(re.escape(part) for part in parts)))
            else:
                sentences.add(text)
    return frozenset(sentences), tuple(patterns)


# %(month)s, %s, %d: a sentence of ours with the blanks filled in is still ours.
PLACEHOLDER = re.compile(r"%(?:\([a-z_]+\))?[sd]")


def own_message(exception):
    """The exception's message when it is one of the site's own sentences (its blanks
    filled in or not), else ''."""
    if exception is None or not exception.args:
        return ""
    message = str(exception.args[0])
    sentences, patterns = _own_sentences()
    if message in sentences or any(p.fullmatch(message) for p in patterns):
        return message
    return ""


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
