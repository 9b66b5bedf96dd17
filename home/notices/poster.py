"""Printed notice-board posters (公告栏): one A4 sheet with the QR code on it.

A poster must never spill onto a second sheet, whatever the notice's length: the
body is cut here by an estimate of how much text the sheet holds beside the header
and the QR code, ending in 扫码阅读全文; the print stylesheet clips what the estimate
missed (``static/css/poster.css``). Contact blocks are kept after the cut — who to
call is what a reader at the board needs most.
"""

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

# Characters of body text that fit on the sheet at the poster's type size (about
# 34 characters a line, 14 lines) beside the header, the contacts and the QR code.
BODY_BUDGET = 520
LINE = 34
LONG_TITLE = 30  # characters; longer titles are set smaller
LEFT_OUT = {"image", "attachment"}


def _cost(block, html):
    """Roughly how many characters' room a block takes, counting part-filled lines."""
    if block.block_type == "table":
        rows = (block.value.get("data") if hasattr(block.value, "get") else None) or []
        return sum(max(LINE, len("".join(str(c or "") for c in row)) * 2) for row in rows) + LINE
    if block.block_type == "heading":
        return 2 * LINE
    text = strip_tags(html)
    breaks = html.count("<p") + html.count("<li") + html.count("<br")
    return len(text) + breaks * LINE // 2


def is_long_title(title):
    return len(title) > LONG_TITLE


def _header_cost(title, summary):
    """Room that a title beyond two lines, or a summary beyond two, takes from the body."""
    per_line = 21 if is_long_title(title) else 17
    title_lines = -(-len(title) // per_line)
    summary_lines = -(-len(summary) // (LINE - 2))
    return max(0, title_lines - 2) * LINE * 3 // 2 + max(0, summary_lines - 2) * LINE


def poster_content(body, title="", summary="", budget=BODY_BUDGET):
    """(blocks, contacts, cut): the body's rendered HTML that fits the sheet, the
    contact blocks, and whether text was left out."""
    shown, contacts, used, cut = [], [], _header_cost(title, summary), False
    for block in body:
        if block.block_type in LEFT_OUT:
            continue
        html = str(block.render())
        if block.block_type == "contact":
            contacts.append(mark_safe(html))  # noqa: S308 - rendered by our own block template
            continue
        if cut:
            continue
        cost = _cost(block, html)
        if used + cost <= budget:
            shown.append(mark_safe(html))  # noqa: S308 - as above
            used += cost
            continue
        cut = True
        room = budget - used
        if block.block_type == "paragraph" and room > LINE * 2:
            shortened = Truncator(html).chars(room, truncate="……", html=True)
            shown.append(mark_safe(shortened))  # noqa: S308 - as above, cut between tags
    return shown, contacts[:2], cut
