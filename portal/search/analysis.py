"""Text analysis for Chinese search: normalise, then cut into words and CJK bigrams.

The same functions turn indexed text and query text into tokens, so what a resident
types matches what an editor wrote:

- ``normalise`` folds full-width forms to ASCII (NFKC), Traditional characters to
  Simplified (OpenCC's character table) and letters to lower case, one character at a
  time so that positions can be mapped back for highlighting.
- A *run* is a stretch of letters and digits with nothing between them. Inside a run,
  every CJK character is a unit of its own and every stretch of other letters/digits
  (``5g``, ``a``, ``2024``) is one unit.
- *Bigrams*: a run of one unit is one token; a longer run gives the overlapping bigrams
  of its units (小区电梯 -> 小区 区电 电梯; A座 -> a座; 3号楼 -> 3号 号楼), as Lucene's
  CJKAnalyzer does. Indexed text also gets each unit of a longer run on its own, so
  that one-character and ASCII-only queries (楼, 5G) find text where they stand inside
  a run. A phrase of bigrams matches where the string stands in the text.
- *Words*: each stretch of CJK characters inside a run is cut into dictionary words
  (``segment.words``: 北门电动车集中充电棚 -> 北门 电动车 集中 充电 棚). Words of two
  or more characters are indexed as well, marked with ``WORD_MARK`` (w北门) so that a
  word never meets a bigram made of the same two characters: 下水 the word is not the
  bigram 下水 inside 地下水箱 (地下水 箱).

A query becomes *terms*, all required, in any order and position (rule: "all of a
query's words must occur, anywhere on the page"):

- each dictionary word of the query is a word term (电梯检修 -> w电梯 AND w检修, which
  finds "电梯同时停运 … 年度检修");
- characters the dictionary does not join (names, places, lone characters) are matched
  as they stand, as a phrase of bigrams (王丽娟 -> "王丽 丽娟"; 楼 -> "楼");
- letters and digits stay tied to their CJK neighbours by the bigram that joins them
  (3号楼停水 -> "3号" AND "号楼" AND w停水), so 3号楼 does not find 13号楼.
"""

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from portal.search import segment

# Han (with extensions and compatibility ideographs), kana, Hangul: written without
# spaces, so each character is a unit of its own.
CJK_CHARS = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0002fa1f\U00030000-\U0003134f"
)
_RUN = re.compile(r"[^\W_]+")
_UNIT = re.compile(f"[{CJK_CHARS}]|[^{CJK_CHARS}]+")
_CJK = re.compile(f"[{CJK_CHARS}]")

# Marks a dictionary word in the index (w电梯); bigrams and units are never marked, and a
# marked word has at least three units (w + two CJK characters), so no bigram equals one.
WORD_MARK = "w"


@cache
def _traditional_to_simplified():
    """OpenCC's Traditional -> Simplified character table, as a str.translate map.

    Only the first (most common) simplified form of each character is used: the
    mapping must be the same for indexed text and queries, not perfect Chinese.
    """
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        if len(traditional) == 1 and simplified:
            table[ord(traditional)] = simplified.split()[0]
    return table


@lru_cache(maxsize=8192)
def normalise_char(char):
    """One character as search sees it: NFKC, Simplified, lower case (may be "" or longer)."""
    return unicodedata.normalize("NFKC", char).translate(_traditional_to_simplified()).lower()


def normalise_with_offsets(text):
    """(normalised text, offsets): offsets[i] is the index in ``text`` of normalised char i."""
    if text.isascii():
        return text.lower(), range(len(text))
    chars, offsets = [], []
    for index, char in enumerate(text):
        folded = normalise_char(char)
        chars.append(folded)
        offsets.extend([index] * len(folded))
    return "".join(chars), offsets


def normalise(text):
    """Text folded to Simplified script, half-width forms and lower case."""
    return normalise_with_offsets(text)[0]


def runs(text):
    """The runs of a normalised text, each a list of units (see the module docstring)."""
    return [_UNIT.findall(run) for run in _RUN.findall(text)]


def run_tokens(units):
    """Tokens of one run: the run itself if it is one unit, else the bigrams of its units."""
    if len(units) == 1:
        return list(units)
    return [a + b for a, b in zip(units, units[1:], strict=False)]


def is_cjk(unit):
    """Whether a unit is one CJK character (the other units are letters and digits)."""
    return bool(_CJK.fullmatch(unit))


def stretches(units):
    """The stretches of consecutive CJK units of a run, each joined into a string."""
    found, current = [], []
    for unit in units:
        if is_cjk(unit):
            current.append(unit)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


def marked(word):
    """The index token of a dictionary word: w电梯."""
    return WORD_MARK + word


def index_tokens(text):
    """All tokens to index for ``text``: bigrams, then the units of longer runs, then
    the marked dictionary words of two or more characters."""
    bigrams, singles, words = [], [], []
    for units in runs(normalise(text)):
        bigrams.extend(run_tokens(units))
        if len(units) > 1:
            singles.extend(units)
        for stretch in stretches(units):
            for word in segment.words(stretch):
                words.extend(marked(part) for part in word_parts(word))
    return bigrams + singles + words


def word_parts(word):
    """The words to index for one word of a page: itself, and the dictionary words it is
    made of where Chinese compounds put them.

    A longer word also stands for its first two characters when they are a word
    (停水通知 -> 停水, 热水器 -> 热水: the head comes last, what comes first qualifies it),
    and a four-character word for its second half too (停水通知 -> 通知, 空气污染 -> 污染).
    The last two characters of a three-character word are not indexed: 地下水 holds 下水
    only by accident.
    """
    if len(word) < 2:
        return []
    parts = [word]
    if len(word) >= 3 and segment.is_word(word[:2]):
        parts.append(word[:2])
    if len(word) == 4 and segment.is_word(word[2:]):
        parts.append(word[2:])
    return parts


def index_text(text):
    """``text`` as the database should index it: its tokens, separated by spaces."""
    return " ".join(index_tokens(text))


class Term(NamedTuple):
    """One required part of a query: tokens that must stand side by side in the index
    (one token for a word), and the normalised text it stands for (for highlighting)."""

    tokens: tuple
    text: str

    @property
    def is_word(self):
        """Whether the term is one dictionary word (made by ``word_term``)."""
        return self.tokens == (marked(self.text),)


def substring_term(units):
    """A term matching ``units`` where they stand together: a phrase of their bigrams."""
    return Term(tuple(run_tokens(units)), "".join(units))


def word_term(word):
    return Term((marked(word),), word)


def pieces(units):
    """A query run cut into dictionary words (str) and single units ([unit]), in order."""
    found, stretch = [], []
    for unit in [*units, None]:
        if unit is not None and is_cjk(unit):
            stretch.append(unit)
            continue
        if stretch:
            for word in segment.words("".join(stretch)):
                found.append(word if len(word) > 1 else [word])
            stretch = []
        if unit is not None:
            found.append([unit])
    return found


def tied(group, before, after):
    """The substring term of a group of units, a lone CJK character tied to the word
    it leans on: the one before it (邻里节 -> "里节"), else the one after (小花盆 -> "小花")."""
    if len(group) == 1 and is_cjk(group[0]):
        if before:
            return substring_term([before[-1], group[0]])
        if after:
            return substring_term([group[0], after[0]])
    return substring_term(group)


def run_terms(units):
    """Terms of one query run: each dictionary word a word term, and each group of
    consecutive units outside words (characters the dictionary leaves single, letters
    and digits: 王丽娟, 3号楼) one substring term (see ``tied``)."""
    terms, group, before = [], [], None
    for part in pieces(units):
        if isinstance(part, list):
            group.extend(part)
            continue
        if group:
            terms.append(tied(group, before, part))
            group = []
        terms.append(word_term(part))
        before = part
    if group:
        terms.append(tied(group, before, None))
    return terms


def unique(terms):
    found = []
    for term in terms:
        if term not in found:
            found.append(term)
    return found


def query_terms(query):
    """The terms a query asks for, all required; no repeats.

    Punctuation, emoji and search-syntax characters (" * : ( ) ^) separate runs and
    are never part of a token, so nothing a resident types can reach the database's
    query syntax.
    """
    return unique(term for units in runs(normalise(query)) for term in run_terms(units))


def loosen_term(term):
    """A term broken into smaller required parts that need not stand together.

    A word becomes its characters two by two, each found anywhere as it stands
    (空气污染 -> 空气 污染, for a page that says 空气重污染; 下水 -> 下水, which finds
    下水管道); a substring becomes its bigrams (3号楼 -> 3号 号楼). Only used when the
    query as typed finds nothing: it is also what lets 下水 match inside 地下水箱 then.
    """
    if term.is_word:
        word = term.text
        return [substring_term(list(word[i : i + 2])) for i in range(0, len(word), 2)]
    return [Term((token,), token) for token in term.tokens]


def loosen(terms):
    """The terms with each one loosened (see ``loosen_term``), all still required."""
    return unique(part for term in terms for part in loosen_term(term))


def query_needles(terms):
    """The normalised strings the terms stand for (used to highlight matches)."""
    return [term.text for term in terms]
