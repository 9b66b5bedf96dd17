"""Signal handlers that keep the search index current (connected in ``apps``)."""

from wagtail.search import index


def reindex_published_page(sender, instance, **kwargs):
    """Index a page again once publishing has saved its child relations (tags)."""
    index.insert_or_update_object(instance)
