"""Query strings in the databases' own full-text syntax, built from analysed phrases.

Tokens come from ``analysis`` and hold only letters and digits, so quoting them is
enough: nothing a resident types can become an operator.
"""


def fts5_match(phrases, operator="and", prefix=False):
    """An SQLite FTS5 query: each phrase quoted, phrases joined by AND (or OR).

    ``prefix`` lets the last phrase's last token match as a prefix (autocomplete).
    """
    parts = [f'"{" ".join(phrase)}"' for phrase in phrases]
    if prefix and parts:
        parts[-1] += "*"
    return f" {operator.upper()} ".join(parts)


def tsquery(phrases, operator="and", prefix=False, invert=False):
    """A PostgreSQL raw tsquery: tokens of a phrase joined by <-> (next to each other)."""
    parts = []
    for number, phrase in enumerate(phrases, start=1):
        lexemes = [f"'{token}'" for token in phrase]
        if prefix and number == len(phrases):
            lexemes[-1] += ":*"
        parts.append("(" + " <-> ".join(lexemes) + ")")
    query = (" & " if operator == "and" else " | ").join(parts)
    return f"!({query})" if invert and query else query
