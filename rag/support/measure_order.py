"""A measure told before its noun or after it: the same fact, no edit.

A compound modifier ("a 10% stake", "a $3 billion deal", "a 14-year sentence", "a five-year ban") and a phrase after
the noun ("a stake of 10%", "a deal worth $3 billion", "a combined sentence of 14 years", "a ban for five years")
give one noun one measure. A claim that copies its sentence but moves the measure to the other side of the noun
leaves the moved words unaligned, and the copy signals (``edits.edited_copy``, ``edits.copy_edits``) read them as
edited. ``moved_measure`` gives the claim positions of such a measure (its figure, its unit, the link word) and of
the noun it measures, when the window writes the same figure, the same unit and the same noun on the other side,
joined by a link of ``data/measure_order.toml``. A different figure or unit, or a figure the window gives to another
noun ("a 10% stake" over "a stake of 15% ... 10% of its shares"), moves nothing.

Tokens are the copy signals' keys (``edits.aligned_tokens``): an amount is one key ("#3e+09|USD|") and a claim amount
equal to the window's takes its key, so "$3bn" and "$3 billion" are one figure; a spelled number ("five") is a word.
"""

from __future__ import annotations

from functools import cache
from typing import Sequence

from rag.support.data_files import data_table
from rag.text.numbers import number_words
from rag.text.tokens import stem


@cache
def _links() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in data_table("measure_order")["links"])


def link_at_end(words: Sequence[str]) -> int:
    """How many of the last ``words`` are a link that joins a noun to the measure after it ("... sentence of",
    "... contract valued at"): 0 when they end in none."""
    return next((len(link) for link in _links() if tuple(words[len(words) - len(link):]) == link), 0)


def _head_words() -> int:
    return int(data_table("measure_order")["head_words"])


def _figure(key: str) -> bool:
    return key.startswith("#") or key in number_words()


def _same(a: Sequence[str], b: Sequence[str]) -> bool:
    return len(a) == len(b) and all(x == y or stem(x) == stem(y) for x, y in zip(a, b))


def _link_before(toks: Sequence[str], at: int) -> int | None:
    """The position where a link phrase ending right before ``toks[at]`` starts, or None."""
    for link in _links():
        start = at - len(link)
        if start >= 0 and tuple(toks[start:at]) == link:
            return start
    return None


def _before_noun(pre: Sequence[str], post: Sequence[str]) -> set[int] | None:
    """``pre`` positions of a measure written before its noun that ``post`` writes after the same noun, with a
    link between: figure, unit (a word after the figure in both) and noun words; None when there is none."""
    out: set[int] = set()
    for k, key in enumerate(pre):
        if not _figure(key):
            continue
        for n in (n for n, other in enumerate(post) if other == key):
            unit = 1 if k + 1 < len(pre) and n + 1 < len(post) and _same(pre[k + 1 : k + 2], post[n + 1 : n + 2]) else 0
            start = _link_before(post, n)
            if start is None:
                continue
            for size in range(_head_words(), 0, -1):
                noun = pre[k + 1 + unit : k + 1 + unit + size]
                # the noun right before the link, or up to ``head_words`` words before it ("a sentence [of] ...")
                if len(noun) == size and any(_same(noun, post[s : s + size])
                                             for s in range(max(0, start - _head_words()), start - size + 1)):
                    out |= set(range(k, k + 1 + unit + size))
                    break
    return out or None


def moved_measure(claim: Sequence[str], window: Sequence[str]) -> frozenset[int]:
    """Positions of ``claim`` tokens (the copy signals' keys) that belong to a measure the window writes on the
    other side of the same noun ("a 10% stake" / "a stake of 10%", either way round): the figure, its unit, the
    link words and the noun. Empty when there is none."""
    moved = set(_before_noun(claim, window) or ())
    for k, key in enumerate(claim):  # the claim's measure after its noun, the window's before it
        if not _figure(key) or (start := _link_before(claim, k)) is None:
            continue
        for n in (n for n, other in enumerate(window) if other == key):
            unit = 1 if k + 1 < len(claim) and n + 1 < len(window) and _same(claim[k + 1 : k + 2], window[n + 1 : n + 2]) else 0
            for size in range(_head_words(), 0, -1):
                noun = window[n + 1 + unit : n + 1 + unit + size]
                if len(noun) == size and start - size >= 0 and _same(claim[start - size : start], noun):
                    moved |= set(range(start - size, k + 1 + unit))
                    break
    return frozenset(moved)
