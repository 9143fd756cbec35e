"""The project's one word tokenizer and one stemmer (Snowball English via PyStemmer, plus irregular forms).

``words``/``word_spans`` find words (letters, with inner apostrophes, hyphens and ampersands: "Japan's",
"state-owned", "AT&T"); digits are not words. ``stem`` lower-cases, drops a possessive, maps irregular forms
("rose", "men") to their base word (``data/irregular_forms.toml``) and stems with Snowball English, so
"rises", "rising" and "rose" share one stem. The checker, the writers and the BM25 analyzer all use these.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from rag.text.lexicon import table

_WORD_RE = re.compile(r"[^\W\d_](?:[\w'&\-]*[^\W_])?")
_local = threading.local()  # PyStemmer stemmers are not thread-safe: one per thread


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import Stemmer

        stemmer = _local.stemmer = Stemmer.Stemmer("english")
    return stemmer


def word_spans(text: str) -> list[re.Match[str]]:
    """Word matches of ``text`` in order (``m.group(0)``, ``m.start()``, ``m.end()`` index into ``text``)."""
    return list(_WORD_RE.finditer(text))


def words(text: str) -> list[str]:
    """The words of ``text`` in order, as written."""
    return _WORD_RE.findall(text)


def strip_possessive(word: str) -> str:
    """``word`` without a trailing possessive ("Japan's" -> "Japan", "makers'" -> "makers")."""
    if word.endswith("'s") or word.endswith("'S"):
        return word[:-2]
    if word.endswith("s'"):
        return word[:-1]
    return word.rstrip("'")


def irregular_forms() -> dict[str, str]:
    """Irregular form -> base word ("rose" -> "rise"), from ``data/irregular_forms.toml``."""
    return table("irregular_forms")["forms"]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one word: lower-cased, possessive and outer apostrophes dropped, irregular forms mapped
    to their base word, then Snowball English ("Rising" -> "rise", "rose" -> "rise", "countries" -> "countri")."""
    w = word.lower().replace("\u2019", "'").strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    w = irregular_forms().get(w, w)
    return _stemmer().stemWord(w)
