"""The pure text functions behind search: analysis, query syntax and highlighting."""

from portal.search.analysis import (
    index_tokens,
    loosen,
    normalise,
    normalise_with_offsets,
    query_needles,
    query_phrases,
)
from portal.search.highlight import highlight, snippet
from portal.search.syntax import fts5_match, tsquery


def test_chinese_runs_become_overlapping_bigrams():
    assert query_phrases("小区电梯维修") == [("小区", "区电", "电梯", "梯维", "维修")]


def test_a_lone_character_is_its_own_token():
    assert query_phrases("楼") == [("楼",)]
    assert "楼" in index_tokens("3号楼")


def test_ascii_and_digits_are_kept_whole_and_lower_cased():
    assert query_phrases("5G") == [("5g",)]
    assert query_phrases("A座") == [("a座",)]
    assert query_phrases("WiFi密码") == [("wifi密", "密码")]
    assert {"5g", "5g基", "基站"} <= set(index_tokens("5G基站"))


def test_full_width_and_traditional_forms_fold():
    assert normalise("５Ｇ電梯維修ＡＢＣ") == "5g电梯维修abc"
    assert query_phrases("電梯") == query_phrases("电梯")


def test_offsets_point_back_at_the_original_characters():
    folded, offsets = normalise_with_offsets("面积㎡電梯")
    assert folded == "面积m2电梯"
    assert list(offsets) == [0, 1, 2, 2, 3, 4]


def test_punctuation_emoji_and_query_syntax_never_reach_the_database():
    assert query_phrases('"*:()^🏠，。') == []
    assert query_phrases("电梯 AND 维修") == [("电梯",), ("and",), ("维修",)]
    assert fts5_match(query_phrases('电梯" OR "1')) == '"电梯" AND "or" AND "1"'


def test_repeated_words_are_asked_for_once():
    assert query_phrases("电梯 电梯") == [("电梯",)]


def test_loosening_breaks_phrases_into_required_tokens():
    assert loosen("3号楼停水") == "3号 号楼 楼停 停水"


def test_database_syntax():
    phrases = [("电梯", "梯维"), ("5g",)]
    assert fts5_match(phrases) == '"电梯 梯维" AND "5g"'
    assert fts5_match(phrases, prefix=True) == '"电梯 梯维" AND "5g"*'
    assert tsquery(phrases) == "('电梯' <-> '梯维') & ('5g')"
    assert tsquery(phrases, operator="or", invert=True) == "!(('电梯' <-> '梯维') | ('5g'))"


def test_highlight_escapes_and_marks_folded_matches():
    html = highlight("<b>小区電梯</b>", query_needles("电梯"))
    assert html == "&lt;b&gt;小区<mark>電梯</mark>&lt;/b&gt;"


def test_ascii_needles_mark_whole_words_only():
    assert highlight("A座 parking", query_needles("a")) == "<mark>A</mark>座 parking"


def test_snippet_shows_the_first_match_with_ellipses():
    text = "前" * 100 + "电梯维修" + "后" * 100
    html = snippet(["没有匹配的摘要", text], query_needles("电梯"), width=40)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>电梯</mark>维修" in html


def test_snippet_without_match_shows_the_start():
    assert snippet(["", "一段很长的文字" * 20], ["x"], width=10) == "一段很长的文字一段很…"
