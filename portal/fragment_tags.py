"""``{% memo %}``: a rendered fragment made once per process and cache generation.

Pages that the page cache cannot serve (a logged-in resident's, every page with
``LINLI_PAGE_CACHE=off``) render the same cards, header and footer again and again:
a notice's card is the same on every request until an editor changes something. A
fragment between ``{% memo "name" a b %}`` and ``{% endmemo %}`` is rendered once and
then reused, in this process, while the cache generation stays the same (every
change a public page may show starts a new one, see ``portal.page_cache``) and for
at most ``PAGE_CACHE_SECONDS``. Its key holds the name, the values listed after it,
the host, the language and the display mode. ``seconds=`` after the values makes it
live shorter (``{% memo "votes" block.id seconds=live_seconds %}``, for live figures
that change without an edit: see ``portal.page_cache.LIVE_SECONDS``).

The rule that keeps it right: **list after the name everything the fragment shows
that is not the same for every visitor** (``user.is_authenticated`` in the header,
the path where the fragment's links point back to it). A fragment must never show
anything personal beyond what its key names, and never a form (a CSRF token is
personal). Off where ``portal.page_cache.remember`` is off (the test suite, unless
a test turns it on) and in Wagtail's previews, which show drafts.

Registered as the ``memo`` library in the template settings (``{% load memo %}``).
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from portal.page_cache import local

register = template.Library()


class MemoNode(template.Node):
    def __init__(self, nodelist, name, vary, seconds=None):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary
        self.seconds = seconds

    def render(self, context):
        request = context.get("request")
        if (
            not (settings.PAGE_CACHE_ENABLED or settings.PAGE_CACHE_MEMO)
            or request is None
            or getattr(request, "is_preview", False)
        ):
            return self.nodelist.render(context)
        key = (
            self.name,
            tuple(value.resolve(context) for value in self.vary),
            request.get_host(),
            get_language(),
            bool(context.get("elderly_mode")),
        )
        seconds = self.seconds.resolve(context) if self.seconds is not None else None
        return local.fragment(key, lambda: self.nodelist.render(context), seconds)


@register.tag
def memo(parser, token):
    """``{% memo "name" value … %}…{% endmemo %}`` (see the module's docstring)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("memo needs a name")
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    name, vary, seconds = bits[1].strip("\"'"), bits[2:], None
    if vary and vary[-1].startswith("seconds="):
        seconds = parser.compile_filter(vary.pop().removeprefix("seconds="))
    return MemoNode(nodelist, name, [parser.compile_filter(bit) for bit in vary], seconds)
