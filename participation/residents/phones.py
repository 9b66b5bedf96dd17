"""Chinese mobile numbers: +86 and eleven digits starting with 1.

Typed loosely (spaces, dashes, with or without +86 or 0086); ASCII digits only, so a
full-width ``１３８`` is refused rather than silently read.
"""

import re

_MOBILE = re.compile(r"1[3-9][0-9]{9}")


def normalize_mobile(raw):
    """``+8613812345678`` for a valid mobile number, else ``None``."""
    text = re.sub(r"[\s\-()]", "", raw or "")
    for prefix in ("+86", "0086", "86"):
        if text.startswith(prefix) and len(text) == len(prefix) + 11:
            text = text[len(prefix) :]
            break
    if not (text.isascii() and _MOBILE.fullmatch(text)):
        return None
    return "+86" + text


def has_wide_characters(raw):
    """Full-width digits, plus or brackets (``１３８``, ``＋８６``): typed by a Chinese
    input method in full-width mode, refused with their own message."""
    return any(0xFF01 <= ord(char) <= 0xFF5E or char == "\u3000" for char in raw or "")
