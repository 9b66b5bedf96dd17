"""What the Chinese-aware query compilers share: turning Wagtail queries into phrases."""

from modelsearch.query import Phrase, PlainText

from portal.search.analysis import loosen, normalise, query_terms, run_tokens, runs


class LooseText(PlainText):
    """A plain-text query with every term loosened (``analysis.loosen``): what the
    results ask for when the query as typed finds nothing."""


def terms_for(query):
    """The analysed terms of a PlainText (or LooseText) query; None for other classes."""
    if isinstance(query, LooseText):
        return loosen(query_terms(query.query_string))
    if isinstance(query, PlainText):
        return query_terms(query.query_string)
    return None


def phrases_for(query):
    """The phrases (tuples of index tokens, all required) a query asks for.

    A PlainText asks for its terms, a Phrase for all its runs' bigrams side by side.
    Returns None for other query classes, which the database backend handles itself.
    """
    if isinstance(query, Phrase):
        tokens = [
            token for units in runs(normalise(query.query_string)) for token in run_tokens(units)
        ]
        return [tuple(tokens)] if tokens else []
    terms = terms_for(query)
    return None if terms is None else [term.tokens for term in terms]


def is_empty(query):
    """True when a text query has nothing left to search for after analysis (only
    punctuation or emoji, say): the compilers then answer with no results."""
    phrases = phrases_for(query)
    return phrases is not None and not phrases
