"""Synonym groups of stems for the support checker (words and stems come from ``rag.text.tokens``)."""

from __future__ import annotations

from functools import lru_cache

from rag.support.lexicon import _SYNONYM_GROUPS

_SYN_INDEX: dict[str, frozenset[int]] = {}
for _gi, _group in enumerate(_SYNONYM_GROUPS):
    for _w in _group.split():
        _SYN_INDEX[_w] = _SYN_INDEX.get(_w, frozenset()) | {_gi}


@lru_cache(maxsize=65536)
def _syn_groups(word_stem: str) -> frozenset[int]:
    groups = _SYN_INDEX.get(word_stem)
    if groups is not None:
        return groups
    for key, g in _SYN_INDEX.items():  # prefix forms in the lexicon ("manufactur" covers "manufacturer")
        if len(key) >= 5 and word_stem.startswith(key):
            return g
    return frozenset()
