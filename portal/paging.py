"""One page of a list, the same way on every list page of the site."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def page_or_404(items, per_page, number, message):
    """Page ``number`` (the ``?page=`` value; empty or absent means the first) of
    ``items``, ``per_page`` to a page. A page that does not exist (``abc``, ``0``, one
    past the end) is a 404 saying ``message`` in the visitor's language, never
    Django's quiet fallback to the last page: a wrong address should look wrong."""
    try:
        return Paginator(items, per_page).page(number or 1)
    except InvalidPage as exc:
        raise Http404(message) from exc
