"""What the two Chinese-aware indexes (SQLite, PostgreSQL) share when they add items:
which objects are indexed, through the backend's analysing indexer, and the title
norms refreshed afterwards. How the entries are written stays with each backend."""

from modelsearch.utils import get_content_type_pk


class AnalysingIndexMixin:
    """The stock ``add_items`` with ``indexer_class`` (the backend's analysing indexer)
    in place of the stock indexer; ``write_entries`` stores the batch."""

    indexer_class = None

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        self.write_entries(get_content_type_pk(model), indexers)
        self._refresh_title_norms()

    def write_entries(self, content_type_pk, indexers):
        raise NotImplementedError
