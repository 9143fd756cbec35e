"""Synonym groups of stems for the support checker (words and stems come from ``rag.text.tokens``)."""

from __future__ import annotations

from functools import lru_cache

from rag.support.lexicon import _SYNONYM_GROUPS

_SYN_INDEX: dict[str, frozenset[int]] = {}
for _gi, _group in enumerate(_SYNONYM_GROUPS):
    for _w in _group.split():
        _SYN_INDEX[_w] = _SYN_INDEX.get(_w, frozenset()) | {_gi}


_KEY_ORDER = {k: i for i, k in enumerate(_SYN_INDEX)}


@lru_cache(maxsize=65536)
def _syn_groups(word_stem: str) -> frozenset[int]:
    groups = _SYN_INDEX.get(word_stem)
    if groups is not None:
        return groups
    # prefix forms in the lexicon ("manufactur" covers "manufacturer"): the first such key in lexicon order,
    # found by looking up the stem's own prefixes instead of scanning every key
    keys = [word_stem[:n] for n in range(5, len(word_stem)) if word_stem[:n] in _SYN_INDEX]
    return _SYN_INDEX[min(keys, key=_KEY_ORDER.__getitem__)] if keys else frozenset()
