"""Hits across every registered kind, in one ranking, fetched a page at a time.

The rule residents see: results whose *title* matches come first, and among equals the
most recent first (a notice about this week's water cut before last year's). Each
kind is searched through Wagtail's backend; only the hits of the page shown are
loaded in full.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import BooleanField, Case, F, Value, When
from django.utils import timezone
from wagtail import blocks
from wagtail.rich_text import get_text_for_indexing
from wagtail.search.backends import get_search_backend

from portal.page_cache import remember
from portal.search.analysis import loosen, query_needles, query_terms
from portal.search.backend import matching
from portal.search.highlight import highlight, snippet
from portal.search.queries import LooseText
from portal.search.registry import kinds

OLDEST = datetime.datetime.min.replace(tzinfo=datetime.UTC)


@dataclass
class Hit:
    """One result: its kind, and once its page is shown, the object and marked-up texts."""

    kind: Any
    pk: Any
    title_match: bool
    date: datetime.datetime
    obj: Any = None
    url: str = ""
    title_html: str = ""
    snippet_html: str = ""

    def rank_key(self):
        return (not self.title_match, -self.date.timestamp())


def as_datetime(value):
    """Dates (events) and datetimes (publication) on one scale; None sorts last."""
    if value is None:
        return OLDEST
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time.min)
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def block_text(block, value):
    """Readable text of a block value for excerpts: choice labels (heading levels) left out."""
    if isinstance(block, blocks.ChoiceBlock):
        return []
    if isinstance(block, blocks.StructBlock):
        return [
            t for name, child in block.child_blocks.items() for t in block_text(child, value[name])
        ]
    if isinstance(block, blocks.StreamBlock):
        return [t for child in value for t in block_text(child.block, child.value)]
    if isinstance(block, blocks.ListBlock):
        return [t for item in value for t in block_text(block.child_block, item)]
    return [str(text) for text in block.get_searchable_content(value)]


def plain_text(value):
    """Plain text of a field value for excerpts: StreamField, rich text or plain string."""
    if not value:
        return ""
    stream_block = getattr(value, "stream_block", None)
    if stream_block is not None:
        return " ".join(block_text(stream_block, value))
    return get_text_for_indexing(str(value))


class RankedHits:
    """A sliceable, countable sequence of Hits for a query, for Django's Paginator.

    ``loose`` is True when the query as typed found nothing and was loosened: long
    words broken into the words inside them, names and other substrings into their
    bigrams, every part still required (``analysis.loosen``).
    """

    def __init__(self, query, request=None):
        self.request = request
        self._matching = {}
        self.backend = get_search_backend()
        # What each kind shows residents: the same querysets (never evaluated here,
        # only built on) for every search until something is published.
        self.visible = remember(
            "search-visible-" + ",".join(kind.key for kind in kinds()),
            lambda: {kind.key: kind.visible() for kind in kinds()},
        )
        self.query = query
        self.loose = False
        terms = query_terms(query)
        self.needles = query_needles(terms)
        self._counts = self._count_all(query)
        if not sum(self._counts.values()):
            loose = loosen(terms)
            if loose and loose != terms:
                self.query, self.loose = LooseText(query), True
                self.needles = query_needles(loose)
                self._counts = self._count_all(self.query)

    def _matches(self, kind, query, fields=None):
        """Built once per kind, query and fields: the count and the ranking of a kind
        filter the same matches (querysets are immutable, so sharing one is safe)."""
        key = (kind.key, query, tuple(fields or ()))
        if key not in self._matching:
            self._matching[key] = matching(
                self.backend, self.visible[kind.key], query, fields=fields
            )
        return self._matching[key]

    def _count_all(self, query):
        return {kind.key: self._matches(kind, query).count() for kind in kinds()}

    def count(self):
        return sum(self._counts.values())

    def __len__(self):
        return self.count()

    def _ranked(self, kind, limit):
        """The first ``limit`` hits of one kind, in the ranking's order."""
        title_hits = self._matches(kind, self.query, fields=["title"])
        rows = (
            self._matches(kind, self.query)
            .annotate(
                title_match=Case(
                    When(pk__in=title_hits.values("pk"), then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                ),
                sort_date=F(kind.date_field),
            )
            .order_by("-title_match", F("sort_date").desc(nulls_last=True), "-pk")
            .values_list("pk", "title_match", "sort_date")[:limit]
        )
        return [Hit(kind, pk, bool(title), as_datetime(date)) for pk, title, date in rows]

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        hits = []
        for kind in kinds():
            if self._counts.get(kind.key) and stop > start:
                hits.extend(self._ranked(kind, stop))
        hits.sort(key=Hit.rank_key)
        hits = hits[start:stop]
        self._load(hits)
        return hits

    def settle(self):
        """Let go of what finding the hits took (the querysets, the backend, the
        request) once the page shown is loaded, so that a remembered page of results
        keeps only what it shows (about 60 KB rather than 220). Counting still works;
        taking another slice does not."""
        self._matching, self.backend, self.request = {}, None, None

    def _load(self, hits):
        """Fetch the objects of the hits shown and mark up their titles and excerpts."""
        for kind in {hit.kind.key: hit.kind for hit in hits}.values():
            wanted = [hit for hit in hits if hit.kind is kind]
            objects = self.visible[kind.key].in_bulk([hit.pk for hit in wanted])
            for hit in wanted:
                hit.obj = objects[hit.pk]
                hit.url = kind.url(hit.obj, self.request)
                hit.title_html = highlight(str(hit.obj), self.needles)
                texts = [plain_text(getattr(hit.obj, name, "")) for name in kind.snippet_fields]
                hit.snippet_html = snippet(texts, self.needles)
