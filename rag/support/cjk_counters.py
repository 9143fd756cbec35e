"""A count an English claim gives of another kind of thing than the CJK text's counter says.

An English claim on a Korean, Japanese or Chinese text is judged on its numbers alone (``fact_checks.
cross_script_verdict``: the English embedder cannot compare the wording), so "Customs seized 34 pieces of chip
equipment" over "관세청은 … 업체 34곳을 적발했다" (34 companies caught) was supported: the figure is there. The CJK
text says what it counts by the counter after the figure (곳, 명, 社, 台, 件, 척, …); ``data/counters.toml`` groups
the counters that count one kind of thing (people, companies or sites, cases, machines or vehicles, ships,
countries) with the English nouns of that kind. ``counter_swaps`` gives a reason for each plain count of the claim
whose counted noun (``counted_nouns.claim_counts``) is of a kind, where every count of that figure in the passage has
a counter and none of the noun's kind. A figure written without a counter, a general counter (개, 個, つ) or a noun of
no kind (or a generic one: "people", "units") decides nothing.
"""

from __future__ import annotations

from functools import cache

from rag.support.counted_nouns import claim_counts
from rag.support.data_files import data_table
from rag.text.numbers import find_quantities
from rag.text.tokens import stem

__all__ = ["counter_swaps"]


@cache
def _classes() -> tuple[tuple[str, tuple[str, ...], frozenset[str]], ...]:
    """(name, counters longest first, noun stems) of each class of ``data/counters.toml``."""
    return tuple((c["name"], tuple(sorted(c["counters"], key=len, reverse=True)), frozenset(stem(n) for n in c["nouns"]))
                 for c in data_table("counters")["class"])


def _counter_at(text: str, end: int) -> tuple[str, frozenset[str]] | None:
    """(counter, names of its classes) of the counter written right after a figure ending at ``end`` (a space
    allowed), or None when no counter of the data file follows."""
    rest = text[end:end + 8].lstrip(" ")
    found = [(counter, name) for name, counters, _ in _classes() for counter in counters if rest.startswith(counter)]
    if not found:
        return None
    longest = max(len(c) for c, _ in found)
    kept = [(c, n) for c, n in found if len(c) == longest]
    return kept[0][0], frozenset(n for _, n in kept)


def _noun_classes(noun: str) -> frozenset[str]:
    key = stem(noun.lower())
    return frozenset(name for name, _, nouns in _classes() if key in nouns)


def counter_swaps(claim: str, passage: str) -> list[str]:
    """Reasons ("number: the passage counts 34 with '곳' (companies or sites), the claim '34 pieces'") for the claim's
    plain counts that the CJK ``passage`` counts only as another kind of thing (see the module); [] otherwise."""
    counts = claim_counts(claim)
    if not counts:
        return []
    held = [q for q in find_quantities(passage) if not (q.unit or q.currency)]
    reasons = []
    for shown, value, noun in counts:
        kinds = _noun_classes(noun)
        if not kinds:
            continue
        same = [q for q in held if abs(q.value - value) < 1e-9]
        counters = [_counter_at(passage, q.end) for q in same]
        if not same or any(c is None or c[1] & kinds for c in counters):
            continue
        counter, names = counters[0]  # type: ignore[misc]
        reasons.append(f"number: the passage counts {shown} with '{counter}' ({', '.join(sorted(names))}), "
                       f"the claim '{shown} {noun}'")
    return reasons

