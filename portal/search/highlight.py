"""Highlighting: escape a text and wrap what the query matched in <mark>.

Matching is done on the normalised text (Simplified, half-width, lower case), so a
Traditional query marks the Simplified words it found; the marks are put back on the
original characters.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.search.analysis import normalise_with_offsets

ELLIPSIS = "…"


def _is_word_char(char):
    return char.isascii() and char.isalnum()


def match_spans(text, needles):
    """Sorted, merged (start, end) spans of ``text`` where any needle occurs.

    Needles are normalised strings (``analysis.query_needles``). An ASCII needle only
    matches whole words: "a" does not mark the a in "parking".
    """
    folded, offsets = normalise_with_offsets(text)
    spans = []
    for needle in filter(None, needles):
        start = folded.find(needle)
        while start != -1:
            end = start + len(needle)
            before = folded[start - 1] if start else ""
            after = folded[end] if end < len(folded) else ""
            if not (
                (_is_word_char(needle[0]) and _is_word_char(before))
                or (_is_word_char(needle[-1]) and _is_word_char(after))
            ):
                spans.append((offsets[start], offsets[end - 1] + 1))
            start = folded.find(needle, start + 1)
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text, needles, spans=None):
    """``text`` escaped, with each match wrapped in <mark>; safe to put in a template."""
    spans = match_spans(text, needles) if spans is None else spans
    parts, position = [], 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def snippet(texts, needles, width=80):
    """A highlighted excerpt of about ``width`` characters from the first text with a match.

    Texts are tried in order (summary before body, say); when none matches, the start
    of the first non-empty text is shown unmarked. Returns "" when all are empty.
    """
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    for text in texts:
        spans = match_spans(text, needles)
        if spans:
            first = spans[0][0]
            start = max(0, min(first - width // 4, len(text) - width))
            end = start + width
            window = [(s - start, min(e, end) - start) for s, e in spans if s < end and s >= start]
            body = highlight(text[start:end], needles, spans=window)
            prefix = ELLIPSIS if start else ""
            suffix = ELLIPSIS if end < len(text) else ""
            return mark_safe(f"{prefix}{body}{suffix}")  # noqa: S308 - body is escaped
    if texts:
        text = texts[0]
        return escape(text[:width]) + (ELLIPSIS if len(text) > width else "")
    return ""
