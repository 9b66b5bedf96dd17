"""What the Chinese-aware query compilers share: turning Wagtail queries into phrases."""

from modelsearch.query import Phrase, PlainText

from portal.search.analysis import query_phrases


def phrases_for(query):
    """Analysed phrases for a PlainText (one per run) or a Phrase (all runs as one).

    Returns None for other query classes, which the database backend handles itself.
    """
    if isinstance(query, PlainText):
        return query_phrases(query.query_string)
    if isinstance(query, Phrase):
        tokens = [token for phrase in query_phrases(query.query_string) for token in phrase]
        return [tuple(tokens)] if tokens else []
    return None


def is_empty(query):
    """True when a text query has nothing left to search for after analysis (only
    punctuation or emoji, say): the compilers then answer with no results."""
    phrases = phrases_for(query)
    return phrases is not None and not phrases
