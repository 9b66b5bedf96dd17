"""What the site search at /search/ covers: one registered *kind* per model.

An app adds its model in one line, in a ``search_kinds.py`` module of its own (found
automatically, as Django's admin finds ``admin.py``)::

    register(EventPage, _("Event"), date_field="start", snippet_fields=("summary", "body"))

The model must be ``index.Indexed`` (pages are) with ``search_fields``; Wagtail's
signal handlers then keep its index entries current as objects are saved and deleted.
``portal.search.apps`` imports every ``search_kinds`` module when Django starts.
"""

from dataclasses import dataclass
from typing import Any

_kinds = {}


@dataclass(frozen=True)
class SearchKind:
    """One kind of result: where to look, how to label, date and excerpt a hit."""

    model: Any
    label: Any
    queryset: Any = None  # callable returning what residents may see; default below
    date_field: str = "first_published_at"  # "recent first" among equal matches
    snippet_fields: tuple = ()  # attributes to excerpt, in order of preference
    link: Any = None  # callable(obj, request) -> URL; default: page URL or absolute URL

    @property
    def key(self):
        return self.model._meta.label_lower

    def visible(self):
        """What a resident may find: the given queryset, or live public pages, or all."""
        if self.queryset is not None:
            return self.queryset()
        objects = self.model._default_manager.all()
        if hasattr(objects, "live"):
            objects = objects.live().public()
        return objects

    def url(self, obj, request):
        """Where a hit links to: ``link``, else the page URL or the object's absolute URL."""
        if self.link is not None:
            return self.link(obj, request)
        if hasattr(obj, "get_url"):
            return obj.get_url(request)
        return obj.get_absolute_url()


def register(model, label, **options):
    """Add ``model`` to the site search under ``label`` (see ``SearchKind``)."""
    kind = SearchKind(model, label, **options)
    _kinds[kind.key] = kind
    return kind


def unregister(model):
    """Take ``model`` out of the site search (tests, or an app that is switched off)."""
    _kinds.pop(model._meta.label_lower, None)


def kinds():
    """Every registered kind, in registration order."""
    return list(_kinds.values())
