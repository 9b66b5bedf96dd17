"""Household letter codes: made at random, read aloud in groups, stored only as a keyed hash.

A code is 12 characters from a 31-character alphabet without look-alikes (no 0/O,
1/I/L): about 59 random bits, printed as ``ABCD-EFGH-JKMN``. Residents may type it
in any case, with spaces or dashes (also full-width ones from a Chinese keyboard).

Hash: HMAC-SHA256 keyed with ``SECRET_KEY`` (Django's ``salted_hmac``). A keyed hash
rather than a password hasher because a claim must find the unit *by* its code with an
indexed lookup; a salted slow hash would mean hashing the code once per unit. Without
the key, a leaked database does not let anyone test codes offline. Rotating
``SECRET_KEY`` keeps old codes working while the old key is listed in
``SECRET_KEY_FALLBACKS``; drop it and unused codes must be regenerated.
"""

import secrets
import unicodedata

from django.conf import settings
from django.utils.crypto import salted_hmac

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


CODE_LENGTH = 12


GROUP = 4


KEY_SALT = "linli.participation.household-code"


_SEPARATORS = {"-", "‐", "‑", "–", "—", "－", "_", "·"}


def new_code():
    """A fresh random code, grouped for reading aloud: ``ABCD-EFGH-JKMN``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return format_code(raw)


def format_code(raw):
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def normalize_code(text):
    """The bare code from what a person typed, or ``None`` if it cannot be a code.

    NFKC folds full-width letters and digits to ASCII; case, spaces and dashes are
    ignored.
    """
    folded = unicodedata.normalize("NFKC", text or "").upper()
    bare = "".join(ch for ch in folded if not ch.isspace() and ch not in _SEPARATORS)
    if len(bare) != CODE_LENGTH or any(ch not in ALPHABET for ch in bare):
        return None
    return bare


def hash_code(bare, secret=None):
    return salted_hmac(KEY_SALT, bare, secret=secret, algorithm="sha256").hexdigest()


def candidate_hashes(bare):
    """Hashes of ``bare`` under the current key and every fallback key."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [hash_code(bare, secret=key) for key in keys]
