"""Search quality on the demo community: recall and first-page precision.

Two sets: ``pairs.PAIRS`` (one word or name per query) and ``pairs_apart.APART_PAIRS``
(several words that stand apart on the page). Run with ``-s`` to see the figures; CI
runs it on SQLite and again on PostgreSQL.
"""

from collections import Counter

from django.db import connection

from home.notices.models import NoticePage
from home.pages import StandardPage
from tests.search.pairs import NO_ANSWER, PAIRS
from tests.search.pairs_apart import APART_PAIRS

RECALL_TARGET = 0.99
CLEAN_FIRST_PAGE_TARGET = 0.92
APART_RECALL_TARGET = 0.98
APART_CLEAN_FIRST_PAGE_TARGET = 0.95


def first_page(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200, query
    # The pairs were judged over notices and standard pages; the kinds that came later
    # (events, mottos, proposals) have no judgements yet and are left out of the measure.
    return [
        hit.obj.slug
        for hit in response.context["results"]
        if isinstance(hit.obj, (NoticePage, StandardPage))
    ]


def measure(client, name, pairs, no_answer=()):
    """(recall, share of queries without an unrelated result on page 1), printed."""
    found, clean, misses, noise = 0, 0, [], []
    recall_by_kind, total_by_kind = Counter(), Counter()
    for query, expected, related, kind in pairs:
        slugs = first_page(client, query)
        total_by_kind[kind] += 1
        if expected in slugs:
            found += 1
            recall_by_kind[kind] += 1
        else:
            misses.append((query, expected, slugs))
        unrelated = [slug for slug in slugs if slug != expected and slug not in related]
        if unrelated:
            noise.append((query, unrelated))
        else:
            clean += 1
    for query in no_answer:
        slugs = first_page(client, query)
        if slugs:
            noise.append((query, slugs))
        else:
            clean += 1

    recall = found / len(pairs)
    clean_share = clean / (len(pairs) + len(no_answer))
    print(f"\n{name} on {connection.vendor}: {len(pairs)} pairs, {len(no_answer)} no-answer")
    print(f"  recall (expected page on the first page): {recall:.3f}")
    print(f"  queries with no unrelated result on the first page: {clean_share:.3f}")
    for kind in total_by_kind:
        print(f"  recall, {kind}: {recall_by_kind[kind]}/{total_by_kind[kind]}")
    for query, expected, slugs in misses:
        print(f"  missed {query!r}: wanted {expected}, got {slugs}")
    for query, unrelated in noise:
        print(f"  unrelated for {query!r}: {unrelated}")
    return recall, clean_share


def test_search_finds_single_words_names_and_words_that_stand_apart(community, client, subtests):
    """Both sets on one load of the demo community (loading it is most of the test's
    time); each set is a subtest of its own, so one falling short does not hide the
    other."""
    with subtests.test(msg="single words and names"):
        recall, clean_share = measure(client, "single words", PAIRS, NO_ANSWER)
        assert recall >= RECALL_TARGET
        assert clean_share >= CLEAN_FIRST_PAGE_TARGET
    with subtests.test(msg="words that stand apart"):
        recall, clean_share = measure(client, "words apart", APART_PAIRS)
        assert recall >= APART_RECALL_TARGET
        assert clean_share >= APART_CLEAN_FIRST_PAGE_TARGET
