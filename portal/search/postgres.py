"""Wagtail's PostgreSQL search backend, with Chinese text analysis.

Each indexed value is analysed (``analysis.index_text``) before ``to_tsvector`` sees
it, with the ``simple`` configuration: the tokens are already folded and must not be
stemmed. Queries become raw tsqueries whose phrases use ``<->`` (tokens next to each
other), so they mean the same as on SQLite.
"""

from django.contrib.postgres.search import SearchQuery
from django.db.models import Value
from modelsearch.backends.database.postgres import postgres as stock

from portal.search.analysis import index_text
from portal.search.indexing import AnalysingIndexMixin
from portal.search.queries import is_empty, phrases_for
from portal.search.syntax import tsquery


class AnalysingIndexer(stock.ObjectIndexer):
    """Builds the title, body and autocomplete vectors from analysed text."""

    def as_vector(self, texts, for_autocomplete=False):
        analysed = [(index_text(text), weight) for text, weight in texts]
        return super().as_vector(analysed, for_autocomplete=for_autocomplete)


class Index(AnalysingIndexMixin, stock.PostgresIndex):
    indexer_class = AnalysingIndexer

    def write_entries(self, content_type_pk, indexers):
        """One upsert per batch, as the stock ``add_items`` does."""
        compiler = stock.InsertQuery(stock.IndexEntry).get_compiler(
            connection=self.write_connection
        )
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                field = stock.IndexEntry._meta.get_field(name)
                value = compiler.prepare_value(field, getattr(indexer, name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        table = stock.IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, "  # noqa: S608 - table name from the model
                f"title_norm, title_text, body_text) (VALUES {', '.join(rows)}) "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                "title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, "
                "body = EXCLUDED.body, title_text = EXCLUDED.title_text, "
                "body_text = EXCLUDED.body_text",
                params,
            )


class AnalysingCompilerMixin:
    """Analyses PlainText and Phrase queries with the same analysis as indexed text."""

    def build_tsquery_content(self, query, config=None, invert=False):
        phrases = phrases_for(query)
        if phrases is None:
            return super().build_tsquery_content(query, config=config, invert=invert)
        operator = getattr(query, "operator", "and")
        raw = tsquery(phrases, operator, prefix=self.LAST_TERM_IS_PREFIX, invert=invert)
        return SearchQuery(Value(raw), search_type="raw", config=config)

    def get_search_vectors(self, search_query):
        """Search the index's analysed vectors, never the raw model fields: with
        ``fields=["title"]`` only the title vector, otherwise title and body."""
        vectors = self.get_index_vectors(search_query)
        if self.fields and all(field == "title" for field in self.fields):
            return vectors[:1]
        return vectors

    def search(self, config, start, stop, score_field=None, backend=None):
        if is_empty(self.query):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class SearchQueryCompiler(AnalysingCompilerMixin, stock.PostgresSearchQueryCompiler):
    pass


class AutocompleteQueryCompiler(AnalysingCompilerMixin, stock.PostgresAutocompleteQueryCompiler):
    def get_search_vectors(self, search_query):
        return self.get_index_vectors(search_query)


class SearchBackend(stock.PostgresSearchBackend):
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    index_class = Index

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG", "simple")
