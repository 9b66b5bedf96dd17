"""Letter codes: random enough, typed any way, stored only as a keyed hash."""

import math

import pytest

from participation.households.codes import (
    ALPHABET,
    CODE_LENGTH,
    candidate_hashes,
    hash_code,
    new_code,
    normalize_code,
)


def test_a_code_carries_at_least_40_random_bits():
    assert CODE_LENGTH * math.log2(len(ALPHABET)) >= 40
    assert len({new_code() for _ in range(2000)}) == 2000


@pytest.mark.parametrize(
    "typed",
    [
        "ABCD-EFGH-JKMN",
        "abcd-efgh-jkmn",
        " abcd efgh jkmn ",
        "ABCDEFGHJKMN",
        "ＡＢＣＤ－ＥＦＧＨ－ＪＫＭＮ",  # full-width, as a Chinese keyboard types it
        "abcd—efgh—jkmn",
        "ABCD\u3000EFGH\u3000JKMN",
    ],
)
def test_case_spaces_and_dashes_do_not_matter(typed):
    assert normalize_code(typed) == "ABCDEFGHJKMN"


@pytest.mark.parametrize(
    "typed", ["", "ABCD-EFGH", "ABCD-EFGH-JKMN-P", "ABCD-EFGH-JKM0", "周周周周"]
)
def test_anything_not_shaped_like_a_code_is_refused(typed):
    assert normalize_code(typed) is None


def test_the_hash_is_keyed_by_the_secret_key(settings):
    settings.SECRET_KEY = "one key"
    first = hash_code("ABCDEFGHJKMN")
    settings.SECRET_KEY = "another key"
    assert hash_code("ABCDEFGHJKMN") != first
    assert len(first) == 64


def test_codes_hashed_under_an_old_key_still_match_while_it_is_a_fallback(settings):
    settings.SECRET_KEY = "old key"
    old_hash = hash_code("ABCDEFGHJKMN")
    settings.SECRET_KEY = "new key"
    settings.SECRET_KEY_FALLBACKS = ["old key"]
    assert old_hash in candidate_hashes("ABCDEFGHJKMN")
    settings.SECRET_KEY_FALLBACKS = []
    assert old_hash not in candidate_hashes("ABCDEFGHJKMN")
