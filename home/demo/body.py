"""Turn the demo's plain data into BodyBlock stream data.

The texts are written as short Python strings so they stay readable and reviewable;
this module is the one place that knows the StreamField's raw JSON shape.

Conventions in the texts:
- a string starting with "## " is a section heading, "### " a subsection;
- a string starting with "<" is already HTML (lists), anything else becomes a <p>;
- "{d+N}" is replaced by the date N days after the notice's publication, written the
  way notices in China write it ("6月3日（周二）"), so "tomorrow" stays tomorrow
  whenever the demo is loaded. "{md+N}" gives the same without the weekday.
"""

import datetime
import re
from html import escape

from home.blocks import LIVE_SECTIONS  # blocks with live content: only a heading
from home.demo.community import CONTACTS

WEEKDAYS = "一二三四五六日"
_DATE_TOKEN = re.compile(r"\{(d|md)([+-]\d+)\}")


def chinese_date(day, weekday=True):
    text = f"{day.month}月{day.day}日"
    return f"{text}（周{WEEKDAYS[day.weekday()]}）" if weekday else text


def fill_dates(text, base):
    """Replace {d+N} / {md+N} tokens with dates relative to ``base`` (a date)."""

    def replace(match):
        day = base + datetime.timedelta(days=int(match.group(2)))
        return chinese_date(day, weekday=match.group(1) == "d")

    return _DATE_TOKEN.sub(replace, text)


def text_blocks(lines, base):
    """Headings and paragraphs from a sequence of strings (see the module docstring)."""
    blocks = []
    for line in lines:
        line = fill_dates(line, base)
        if line.startswith("## ") or line.startswith("### "):
            level, text = line.split(" ", 1)
            blocks.append({"type": "heading", "value": {"text": text, "level": f"h{len(level)}"}})
        elif line.startswith("<"):
            blocks.append({"type": "paragraph", "value": line})
        else:
            blocks.append({"type": "paragraph", "value": f"<p>{escape(line)}</p>"})
    return blocks


def stream(items, base, images):
    """Raw BodyBlock data from a demo body list.

    Items are strings (headings and paragraphs, see the module docstring) or tuples:
    ("contact", key in CONTACTS), ("table", table dict), ("image", image title, caption,
    alt text), and on the home page a live section that takes only a heading, such as
    ("open_votes", heading) or ("volunteers_needed", heading) (``LIVE_SECTIONS``).
    ``images`` maps image titles to wagtail Images.
    """
    blocks = []
    for item in items:
        if isinstance(item, str):
            blocks.extend(text_blocks([item], base))
        elif item[0] == "contact":
            blocks.append(contact_block(item[1]))
        elif item[0] == "table":
            blocks.append(table_block(item[1], base))
        elif item[0] in LIVE_SECTIONS:
            blocks.append({"type": item[0], "value": {"heading": item[1]}})
        elif item[0] == "image":
            blocks.append(image_block(images[item[1]], item[2], item[3]))
        else:
            raise ValueError(f"Unknown demo body item: {item!r}")
    return blocks


def contact_block(key):
    return {"type": "contact", "value": dict(CONTACTS[key])}


def table_block(table, base):
    """A TableBlock value from {"caption": str, "rows": [[...], ...]}; row 0 is the header."""
    return {
        "type": "table",
        "value": {
            "data": [[fill_dates(cell, base) for cell in row] for row in table["rows"]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": fill_dates(table["caption"], base),
        },
    }


def image_block(image, caption, alt_text):
    return {
        "type": "image",
        "value": {"image": image.pk, "caption": caption, "alt_text": alt_text},
    }
