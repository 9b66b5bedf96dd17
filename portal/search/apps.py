from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class SearchConfig(AppConfig):
    """Finds each app's ``search_kinds`` module and keeps published pages' entries whole.

    Wagtail indexes a page on ``post_save``, which modelcluster sends before it saves
    the page's child relations (tags), so with tasks run at once the entry would miss
    the tags just added. Indexing again on ``page_published`` catches them.
    """

    name = "portal.search"
    label = "portal_search"
    verbose_name = "Search"

    def ready(self):
        from wagtail.signals import page_published

        from portal.search.signals import reindex_published_page

        autodiscover_modules("search_kinds")
        page_published.connect(reindex_published_page, dispatch_uid="portal-search-reindex")
