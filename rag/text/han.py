"""One Han script for keyword matching: Traditional Chinese, Japanese and Taiwan's wording folded to Simplified.

The same word is written "經濟" in Taipei, "经济" in Beijing and "経済" in Tokyo, and Taiwan calls a chip "晶片"
where the mainland writes "芯片". Keyword search compares characters, so a question typed in one script found
nothing written in another (an article from Taiwan's CNA was not found by, and did not answer, a question typed in
Simplified Chinese). ``fold_han`` writes every Han character in Simplified Chinese, in two steps of OpenCC
(https://github.com/BYVoid/OpenCC, the conversion library of Chinese input methods and Wikipedia's converter):

1. ``jp2t``: Japanese shinjitai to the traditional forms ("経済産業省" → "經濟產業省");
2. ``tw2sp``: Traditional characters, Taiwan's variants and Taiwan's phrasing of common terms to Simplified Chinese
   and mainland phrasing ("經濟產業省" → "经济产业省", "晶片" → "芯片", "軟體" → "软件").

It is a matching form, applied alike to indexed text and queries (``rag.text.analyzer``): stored text, citations and
what a reader sees keep their own script. Variants that merge (Japanese "機" and "机" both read "机") cost a little
precision in keyword search only. The result can differ in length from the input.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.scripts import HAN_CHARS

_HAN = re.compile(f"[{HAN_CHARS}]")


@cache
def _converters():
    import opencc

    return opencc.OpenCC("jp2t"), opencc.OpenCC("tw2sp")


@cache
def _to_traditional():
    import opencc

    return tuple(opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2hk"))


def traditional_forms(word: str) -> frozenset[str]:
    """``word`` (Simplified Chinese) and its Traditional spellings (OpenCC's ``s2t``, ``s2tw``, ``s2hk``): "何时" →
    {"何时", "何時"}. For word lists written in Simplified that must also find Traditional text as written."""
    if not _HAN.search(word):
        return frozenset({word})
    return frozenset({word, *(c.convert(word) for c in _to_traditional())})


def fold_han(text: str) -> str:
    """``text`` with its Han characters in Simplified Chinese (see the module docstring); text without Han
    characters is returned as it is, without loading the converter."""
    if not _HAN.search(text):
        return text
    to_traditional, to_simplified = _converters()
    return to_simplified.convert(to_traditional.convert(text))
