"""Answer 400 to request parameters that no page or form of the site can mean.

A zero byte (NUL) in a parameter reaches PostgreSQL as a DataError (a 500), bytes that
are not UTF-8 turn into replacement characters that no lookup will ever match, and a
form body declared in another charset makes Django raise its own 400 again inside the
error handler (a 500). The site's pages and forms only ever send UTF-8, so such a
request is refused here, before any view or middleware reads it, with a page saying
so in the visitor's language (DESIGN.md, "What bad input gets").

Checked: the path (NUL), the raw query string and an urlencoded body (NUL, invalid
UTF-8 after percent-decoding), a multipart body's field names and values (NUL and the
replacement character Django puts where bytes were not UTF-8), and the charset of the
body's Content-Type (only UTF-8). Methods other than GET, HEAD, POST and OPTIONS get
a 405.
"""

from urllib.parse import unquote_to_bytes

from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.http import parse_header_parameters
from django.utils.translation import gettext as _

UTF8 = {"utf-8", "utf8"}
# The site's pages and forms use GET and POST only; Django's generic form views would
# treat a PUT as a POST with no fields (and save an edit form emptied).
METHODS = {"GET", "HEAD", "POST", "OPTIONS"}


def unreadable(raw):
    """True if percent-decoded ``raw`` (bytes of a query string or urlencoded body)
    holds a NUL or is not UTF-8."""
    decoded = unquote_to_bytes(raw.replace(b"+", b" "))
    if b"\x00" in decoded:
        return True
    try:
        decoded.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _bad_text(value):
    return isinstance(value, str) and ("\x00" in value or "\ufffd" in value)


def _charset(request):
    _content_type, params = parse_header_parameters(request.META.get("CONTENT_TYPE", ""))
    return params.get("charset")


def refusal(request):
    """Why this request cannot be honest input from the site's pages, or ``None``."""
    if "\x00" in request.path:
        return "unreadable"
    if unreadable(get_bytes_from_wsgi(request.META, "QUERY_STRING", "")):
        return "unreadable"
    if request.method not in METHODS:
        return "method"
    if request.method != "POST":
        return None
    charset = _charset(request)
    if charset is not None and charset.strip().lower() not in UTF8:
        return "charset"
    if request.content_type == "application/x-www-form-urlencoded":
        return "unreadable" if unreadable(request.body) else None
    if request.content_type == "multipart/form-data":
        try:
            fields = request.POST
        except MultiPartParserError:
            return "unreadable"
        for name, values in fields.lists():
            if _bad_text(name) or any(_bad_text(value) for value in values):
                return "unreadable"
        for name in request.FILES:
            if _bad_text(name):
                return "unreadable"
    return None


MESSAGES = {
    "unreadable": lambda: _(
        "This address or form contains characters that cannot be read (a zero byte, or "
        "text that is not UTF-8). Please check it, or go back and try again."
    ),
    "method": lambda: _("This address does not accept this kind of request."),
    "charset": lambda: _(
        "This form was sent in a character encoding other than UTF-8. Please reload the "
        "page and send the form again."
    ),
}


class HostileInputMiddleware:
    """Refuse, with a 400 page, what ``refusal`` finds (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reason = refusal(request)
        if reason is None:
            return self.get_response(request)
        status = 405 if reason == "method" else 400
        response = render(request, "bad_input.html", {"message": MESSAGES[reason]()}, status=status)
        if status == 405:
            response["Allow"] = ", ".join(sorted(METHODS))
        return response
