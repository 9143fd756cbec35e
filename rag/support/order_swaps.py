"""An act put before where the passage puts it after, or the reverse: "must notify the Minister after selling" against
"must obtain the approval of the Minister before selling" (new user s65 F7). Order words: ``data/order_words.toml``;
an act is a gerund read as its predicate lemma (``polarity.predicate_lemma``: "selling" and "sells" are one act)."""

from __future__ import annotations

import re

from rag.support.data_files import data_table
from rag.text.lexicon import alternation
from rag.support.polarity import predicate_lemma

__all__ = ["ordered_acts", "order_swap"]

_T = data_table("order_words")
_REACH = int(_T["reach"])


_ORDER_RE = re.compile(rf"\b(?:(?P<before>{alternation(_T['before'])})|(?P<after>{alternation(_T['after'])}))"
                       rf"((?:\s+[a-z]+ly){{0,{_REACH - 1}}})\s+(?P<act>[a-z]+ing)\b", re.I)


def ordered_acts(text: str) -> dict[str, tuple[str, str]]:
    """Each act ``text`` orders -> ("before" or "after", the order words as written): "before selling it" ->
    {"sell": ("before", "before selling")}; an act ordered both ways is left out."""
    out: dict[str, tuple[str, str]] = {}
    for m in _ORDER_RE.finditer(text):
        side = "before" if m.group("before") else "after"
        act = predicate_lemma(m.group("act").lower())
        out[act] = (side, " ".join(m.group(0).split())) if out.get(act, (side,))[0] == side else ("", "")
    return {a: s for a, s in out.items() if s[0]}


def order_swap(claim: str, window: str) -> str | None:
    """A "time: ..." reason when the claim orders an act the other way from ``window``; None otherwise."""
    theirs = ordered_acts(window)
    for act, (side, said) in ordered_acts(claim).items():
        if act in theirs and theirs[act][0] != side:
            return f"time: the claim says '{said}', the passage '{theirs[act][1]}' (the act ordered the other way)"
    return None
