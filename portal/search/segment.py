"""Chinese word segmentation: jieba's dictionary, through rjieba (the Rust jieba-rs).

The dictionary is compiled into rjieba's wheel, so nothing is downloaded at run time.
It is loaded on first use, once per process (about 0.1 s and 35 MB): a gunicorn worker
pays for it at its first search or index update, never on every request, and
processes that never search never load it.
"""

from functools import cache, lru_cache

# Words of community life that jieba's general dictionary cuts apart (时间 银行, 楼 栋 长).
# Changing this list changes how pages are indexed: run ``manage.py update_index`` after.
COMMUNITY_WORDS = (
    "居委会",
    "业委会",
    "楼栋长",
    "网格员",
    "微网格员",
    "时间银行",
    "充电棚",
    "充电桩",
    "架空层",
    "协商议事",
    "幸福账单",
    "报事报修",
    "家风家训",
    "二次供水",
    "适老化",
    "卫生服务站",
    "核验码",
)


@cache
def _jieba():
    import rjieba  # builds jieba's prefix dictionary on import

    for word in COMMUNITY_WORDS:
        rjieba.add_word(word, None, None)
    return rjieba


@lru_cache(maxsize=4096)
def words(text):
    """``text`` (Simplified, without spaces or punctuation) cut into dictionary words.

    Jieba's exact mode without its HMM: only words of the dictionary are joined, and
    whatever the dictionary does not know (names such as 王丽娟, places such as 青梧)
    comes out one character at a time, the same way in a query and in a page.
    """
    return tuple(_jieba().cut(text, hmm=False))


def is_word(text):
    """Whether ``text`` is a word of the dictionary."""
    return bool(_jieba().has_word(text))
