"""The gallery's rules as pure functions: couplet checks, the tone hint, and how a
family is shown (a family name, with or without its building, needs consent)."""

import pytest

from home.mottos.choices import FamilyDisplay
from home.mottos.models import FamilyMotto
from home.mottos.rules import (
    couplet_errors,
    han_characters,
    horizontal_errors,
    needs_consent,
    shown_family,
    tone_hint,
)
from tests.factories.mottos import couplet_fields


def test_punctuation_and_spaces_do_not_count():
    assert han_characters("忠厚传家久， ") == "忠厚传家久"


def test_a_classic_couplet_passes():
    assert couplet_errors("忠厚传家久", "诗书继世长") == []


def test_lines_of_unequal_length_are_refused_saying_why():
    (error,) = couplet_errors("忠厚传家久", "诗书继世长远")
    assert "字数必须相同" in error
    assert "上联5个字" in error and "下联6个字" in error


def test_punctuation_does_not_make_lines_unequal():
    assert couplet_errors("一粥一饭，当思来处不易", "半丝半缕，恒念物力维艰") == []


@pytest.mark.parametrize("line", ["天地人", "一二三四五六七八九十一二三四五六"])
def test_lines_shorter_than_4_or_longer_than_15_are_refused(line):
    (error,) = couplet_errors(line, "春满乾坤福满门")
    assert "4到15个字" in error


@pytest.mark.parametrize("line", ["Happy New Year", "福<b>满</b>门来到", "福满门2024年"])
def test_couplet_lines_are_plain_chinese_text(line):
    assert any("只能包含汉字和标点" in error for error in couplet_errors(line, "春满乾坤福满门"))


def test_the_horizontal_scroll_is_two_to_eight_characters():
    assert horizontal_errors("家和万事兴") == []
    assert horizontal_errors("家") and horizontal_errors("ABC")


def test_the_tone_pattern_is_only_a_hint():
    assert tone_hint("天增岁月人增寿", "春满乾坤福满门") == ""
    assert "颠倒" in tone_hint("百善孝为先", "万事和为贵")
    assert couplet_errors("百善孝为先", "万事和为贵") == []


def test_a_couplet_with_the_tones_the_wrong_way_round_is_saved(theme):
    """The model's validation (the form's, the admin's and the import's) lets it through."""
    motto = FamilyMotto(
        theme=theme,
        family_display=FamilyDisplay.ANONYMOUS,
        **couplet_fields("百善孝为先", "万事和为贵", "孝悌传家"),
    )
    assert tone_hint(motto.upper_line, motto.lower_line)
    motto.clean()
    motto.save()
    assert FamilyMotto.objects.filter(upper_line="百善孝为先").exists()


def test_a_character_with_several_readings_may_take_the_fitting_one():
    assert tone_hint("忠厚传家久", "诗书继世长") == ""  # 长 cháng, not zhǎng


def test_anything_but_an_anonymous_household_needs_consent():
    assert needs_consent(FamilyDisplay.FAMILY_AND_BUILDING)
    assert needs_consent(FamilyDisplay.FAMILY)
    assert not needs_consent(FamilyDisplay.ANONYMOUS)


def test_with_consent_the_family_is_shown_as_chosen():
    assert shown_family(FamilyDisplay.FAMILY_AND_BUILDING, "林家", "3号楼", True) == "林家 · 3号楼"
    assert shown_family(FamilyDisplay.FAMILY, "林家", "3号楼", True) == "林家"


@pytest.mark.parametrize("display", list(FamilyDisplay))
def test_without_consent_neither_name_nor_building_is_ever_shown(display):
    assert shown_family(display, "林家", "3号楼", False) == "一户居民"


def test_an_anonymous_household_is_anonymous_even_with_consent():
    assert shown_family(FamilyDisplay.ANONYMOUS, "林家", "3号楼", True) == "一户居民"
