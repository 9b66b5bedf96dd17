"""Text analysis for Chinese search: normalise, then cut into CJK bigrams.

The same functions turn indexed text and query text into tokens, so what a resident
types matches what an editor wrote:

- ``normalise`` folds full-width forms to ASCII (NFKC), Traditional characters to
  Simplified (OpenCC's character table) and letters to lower case, one character at a
  time so that positions can be mapped back for highlighting.
- A *run* is a stretch of letters and digits with nothing between them. Inside a run,
  every CJK character is a unit of its own and every stretch of other letters/digits
  (``5g``, ``a``, ``2024``) is one unit.
- A run of one unit is one token; a longer run gives the overlapping bigrams of its
  units (小区电梯 -> 小区 区电 电梯; A座 -> a座; 3号楼 -> 3号 号楼), as Lucene's
  CJKAnalyzer does for CJK text. Indexed text also gets each unit of a longer run on
  its own, after all the bigrams, so that one-character and ASCII-only queries
  (楼, 5G) still find text where they stand inside a run.

A query run becomes a phrase of its tokens; the database matches that phrase only
where the tokens stand next to each other, which is the same as finding the run as a
substring of the (normalised) text.
"""

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

# Han (with extensions and compatibility ideographs), kana, Hangul: written without
# spaces, so each character is a unit of its own.
CJK_CHARS = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0002fa1f\U00030000-\U0003134f"
)
_RUN = re.compile(r"[^\W_]+")
_UNIT = re.compile(f"[{CJK_CHARS}]|[^{CJK_CHARS}]+")
_CJK = re.compile(f"[{CJK_CHARS}]")


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


def index_tokens(text):
    """All tokens to index for ``text``: bigrams first, then the units of longer runs."""
    bigrams, singles = [], []
    for units in runs(normalise(text)):
        bigrams.extend(run_tokens(units))
        if len(units) > 1:
            singles.extend(units)
    return bigrams + singles


def index_text(text):
    """``text`` as the database should index it: its tokens, separated by spaces."""
    return " ".join(index_tokens(text))


def query_phrases(query):
    """The phrases a query asks for, one per run, each a tuple of tokens; no repeats.

    Punctuation, emoji and search-syntax characters (" * : ( ) ^) separate runs and
    are never part of a token, so nothing a resident types can reach the database's
    query syntax.
    """
    phrases = []
    for units in runs(normalise(query)):
        phrase = tuple(run_tokens(units))
        if phrase not in phrases:
            phrases.append(phrase)
    return phrases


def query_needles(query):
    """The normalised strings a query's phrases stand for (used to highlight matches)."""
    return ["".join(units) for units in runs(normalise(query))]


def loosen(query):
    """The query with each phrase broken into separate tokens, all still required.

    Used when the exact phrase finds nothing: 3号楼停水 then finds "3号楼、4号楼、5号楼
    停水", which holds every bigram but not the whole phrase.
    """
    tokens = []
    for phrase in query_phrases(query):
        tokens.extend(token for token in phrase if token not in tokens)
    return " ".join(tokens)


def has_cjk(text):
    """Whether ``text`` holds any CJK character."""
    return bool(_CJK.search(text))
