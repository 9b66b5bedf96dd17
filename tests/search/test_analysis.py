"""The pure text functions behind search: analysis, query syntax and highlighting."""

from portal.search import segment
from portal.search.analysis import (
    WORD_MARK,
    index_tokens,
    loosen,
    normalise,
    normalise_with_offsets,
    query_needles,
    query_terms,
    run_tokens,
    runs,
)
from portal.search.highlight import highlight, snippet
from portal.search.syntax import fts5_match, tsquery


def tokens(query):
    return [term.tokens for term in query_terms(query)]


def test_chinese_runs_become_overlapping_bigrams_in_the_index():
    assert {"小区", "区电", "电梯", "梯维", "维修"} <= set(index_tokens("小区电梯维修"))
    assert run_tokens(runs("小区电梯")[0]) == ["小区", "区电", "电梯"]


def test_dictionary_words_are_indexed_marked():
    assert {"w北门", "w电动车", "w集中", "w充电棚"} <= set(index_tokens("北门电动车集中充电棚"))


def test_a_query_asks_for_each_of_its_words_wherever_it_stands():
    assert tokens("电梯检修") == [("w电梯",), ("w检修",)]
    assert tokens("北门充电棚") == [("w北门",), ("w充电棚",)]


def test_a_word_never_matches_across_the_words_of_a_page():
    assert tokens("下水") == [("w下水",)]
    assert "w下水" not in index_tokens("10号楼地下水箱")
    assert "下水" in index_tokens("10号楼地下水箱")  # the bigram, which words never ask for


def test_a_marked_word_is_never_a_bigram():
    # Bigrams and units hold at most two units; a marked word holds w and two characters.
    text = "w电梯 w下水 地下水箱"
    words = {WORD_MARK + word for word in ("电梯", "下水", "地下水", "地下")}
    for token in index_tokens(text):
        units = runs(token)[0]
        assert (len(units) >= 3) == (token in words), token


def test_names_the_dictionary_does_not_know_match_as_they_stand():
    assert tokens("王丽娟") == [("王丽", "丽娟")]
    assert tokens("网格员王丽娟") == [("w网格员",), ("王丽", "丽娟")]


def test_a_lone_character_leans_on_its_word():
    assert tokens("小花盆") == [("小花",), ("w花盆",)]
    assert tokens("邻里节志愿者") == [("w邻里",), ("里节",), ("w志愿者",)]
    assert tokens("楼") == [("楼",)]
    assert "楼" in index_tokens("3号楼")


def test_digits_stay_tied_to_the_characters_they_stand_with():
    assert tokens("3号楼停水") == [("3号", "号楼"), ("w停水",)]
    assert tokens("5G基站") == [("5g",), ("w基站",)]


def test_ascii_is_kept_whole_and_lower_cased():
    assert tokens("5G") == [("5g",)]
    assert tokens("A座") == [("a座",)]
    assert tokens("WiFi密码") == [("wifi",), ("w密码",)]
    assert {"5g", "5g基", "基站"} <= set(index_tokens("5G基站"))


def test_full_width_and_traditional_forms_fold():
    assert normalise("５Ｇ電梯維修ＡＢＣ") == "5g电梯维修abc"
    assert query_terms("電梯檢修") == query_terms("电梯检修")


def test_offsets_point_back_at_the_original_characters():
    folded, offsets = normalise_with_offsets("面积㎡電梯")
    assert folded == "面积m2电梯"
    assert list(offsets) == [0, 1, 2, 2, 3, 4]


def test_punctuation_emoji_and_query_syntax_never_reach_the_database():
    assert query_terms('"*:()^🏠，。') == []
    assert tokens("电梯 AND 维修") == [("w电梯",), ("and",), ("w维修",)]
    assert fts5_match(tokens('电梯" OR "1')) == '"w电梯" AND "or" AND "1"'


def test_repeated_words_are_asked_for_once():
    assert tokens("电梯 电梯") == [("w电梯",)]


def test_loosening_breaks_words_and_substrings_into_parts():
    assert [t.tokens for t in loosen(query_terms("空气污染"))] == [("空气",), ("污染",)]
    assert [t.tokens for t in loosen(query_terms("3号楼"))] == [("3号",), ("号楼",)]
    assert query_needles(loosen(query_terms("车库"))) == ["车库"]


def test_community_words_are_one_word():
    assert segment.words("时间银行") == ("时间银行",)
    assert segment.words("楼栋长名单") == ("楼栋长", "名单")


def test_the_dictionary_is_loaded_once_per_process():
    assert segment._jieba() is segment._jieba()


def test_database_syntax():
    phrases = [("电梯", "梯维"), ("5g",)]
    assert fts5_match(phrases) == '"电梯 梯维" AND "5g"'
    assert fts5_match(phrases, prefix=True) == '"电梯 梯维" AND "5g"*'
    assert tsquery(phrases) == "('电梯' <-> '梯维') & ('5g')"
    assert tsquery(phrases, operator="or", invert=True) == "!(('电梯' <-> '梯维') | ('5g'))"


def test_highlight_escapes_and_marks_folded_matches():
    html = highlight("<b>小区電梯</b>", ["电梯"])
    assert html == "&lt;b&gt;小区<mark>電梯</mark>&lt;/b&gt;"


def test_ascii_needles_mark_whole_words_only():
    assert highlight("A座 parking", ["a"]) == "<mark>A</mark>座 parking"


def test_snippet_shows_the_first_match_with_ellipses():
    text = "前" * 100 + "电梯维修" + "后" * 100
    html = snippet(["没有匹配的摘要", text], ["电梯"], width=40)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>电梯</mark>维修" in html


def test_snippet_without_match_shows_the_start():
    assert snippet(["", "一段很长的文字" * 20], ["x"], width=10) == "一段很长的文字一段很…"
