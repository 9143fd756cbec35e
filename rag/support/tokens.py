"""Stemming and tokenising for the support checker."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rag.support.lexicon import _SYNONYM_GROUPS

# --------------------------------------------------------------------------------------------
# Stemming and tokenising
# --------------------------------------------------------------------------------------------

try:  # nltk ships with llama-index-core; its Porter stemmer needs no data files.
    from nltk.stem.porter import PorterStemmer as _Porter

    _PORTER: Any = _Porter()
except Exception:  # pragma: no cover - fallback when nltk is absent
    _PORTER = None

_IRREGULAR = {
    "withdrew": "withdraw", "withdrawn": "withdraw", "rose": "rise", "risen": "rise", "fell": "fall",
    "fallen": "fall", "grew": "grow", "grown": "grow", "sold": "sell", "bought": "buy", "took": "take",
    "taken": "take", "made": "make", "said": "say", "told": "tell", "held": "hold", "won": "win",
    "lost": "lose", "began": "begin", "begun": "begin", "kept": "keep", "led": "lead", "left": "leave",
    "met": "meet", "sent": "send", "spent": "spend", "brought": "bring", "caught": "catch",
    "sought": "seek", "thought": "think", "shrank": "shrink", "shrunk": "shrink", "froze": "freez",
    "frozen": "freez", "forbade": "forbid", "forbidden": "forbid", "upheld": "uphold", "stole": "steal",
    "stolen": "steal", "chose": "choos", "chosen": "choos", "hit": "hit", "cut": "cut", "put": "put",
    "set": "set", "spread": "spread", "men": "man", "women": "woman", "countries": "countri",
}


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    w = word.lower().strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if _PORTER is not None:
        return _PORTER.stem(w)
    for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


_SYN_INDEX: dict[str, frozenset[int]] = {}
for _gi, _group in enumerate(_SYNONYM_GROUPS):
    for _w in _group.split():
        _SYN_INDEX[_w] = _SYN_INDEX.get(_w, frozenset()) | {_gi}


@lru_cache(maxsize=65536)
def _syn_groups(stem: str) -> frozenset[int]:
    groups = _SYN_INDEX.get(stem)
    if groups is not None:
        return groups
    for key, g in _SYN_INDEX.items():  # prefix forms in the lexicon ("manufactur" covers "manufacturer")
        if len(key) >= 5 and stem.startswith(key):
            return g
    return frozenset()


_WORD_RE = re.compile(r"[^\W\d_](?:[\w'&\-]*[^\W_])?")


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD_RE.finditer(text))


def _strip_possessive(word: str) -> str:
    if word.endswith("'s") or word.endswith("'S"):
        return word[:-2]
    if word.endswith("s'"):
        return word[:-1]
    return word.rstrip("'")
