"""The search backend named in settings: Wagtail's database search, analysed for Chinese.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.backend"}}``. Like
Wagtail's own ``database`` backend it picks the implementation for the database in
use: SQLite with FTS5 or PostgreSQL get the Chinese-aware subclasses; anything else
falls back to Wagtail's plain backend, without CJK analysis.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The backend instance for the default database."""
    if connection.vendor == "postgresql":
        from portal.search.postgres import SearchBackend as PostgresSearchBackend

        return PostgresSearchBackend(params)
    stock = database.SearchBackend(params)
    if type(stock).__name__ == "SQLiteSearchBackend":  # SQLite with FTS5
        from portal.search.sqlite import SearchBackend as SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    return stock


def matching(backend, queryset, query, fields=None):
    """The objects of ``queryset`` that match ``query``, as a plain, unordered QuerySet.

    Unlike ``backend.search()`` the result can be annotated, ordered and sliced like any
    queryset, so several kinds of content can be ranked by the same rule.
    """
    results = backend.search(query, queryset, fields=fields, order_by_relevance=False)
    if not hasattr(results, "get_queryset"):
        return queryset.none()
    return results.get_queryset().order_by()
