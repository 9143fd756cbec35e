"""Analytic confidence of a brief, following ICD 203: derived from the evidence base, stated with its reason.

Confidence is kept apart from likelihood: the sources' own "likely" or "may" stay in the quoted sentences; the
level here says how well the brief's evidence supports it. It counts *independent* on-topic sources: the
sources the brief's claims cite, with republished copies of one story (``story_id`` from rag/dedup.py) and
several articles of one publisher collapsed into one. Then:

- no source, or one: Low;
- no news report or official statement among them (only analysis, opinion or generated briefs): Low;
- three or more news reports or official statements (analysis and generated briefs draw on reporting, so they
  corroborate nothing on their own): High;
- otherwise: Moderate.

Never High from a single source. The reason names the count, the types and the dates, and says that agreement
between the sources is not checked offline (a quote can only be checked against its own source).
"""

from __future__ import annotations

from typing import Iterable, Mapping

from rag.brief import Confidence, Source
from rag.text.keys import publisher_key
from rag.text.lexicon import table
from rag.writers.source_types import REPORTING

__all__ = ["assess_confidence", "independent_groups"]

_TYPE_RANK = {"official": 0, "news": 1, "analysis": 2, "generated": 3}
_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def independent_groups(sources: Iterable[Source], story_of: Mapping[str, str]) -> list[list[Source]]:
    """Sources grouped so that a group is one independent source: same story or same publisher → same group."""
    groups: list[list[Source]] = []
    keys: list[set[str]] = []
    for s in sources:
        mine = {"story:" + story_of.get(s.doc_id, s.doc_id)}
        if publisher_key(s.publisher):
            mine.add("pub:" + publisher_key(s.publisher))
        hit = [i for i, k in enumerate(keys) if k & mine]
        merged_sources, merged_keys = [s], set(mine)
        for i in reversed(hit):
            merged_sources = groups.pop(i) + merged_sources
            merged_keys |= keys.pop(i)
        groups.append(merged_sources)
        keys.append(merged_keys)
    return groups


def _count(n: int) -> str:
    return _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)


def _types_phrase(types: list[str]) -> str:
    counted = table("source_types")["counted"]
    parts = []
    for t in sorted(set(types), key=lambda t: _TYPE_RANK.get(t, 9)):
        n = types.count(t)
        one, many = counted.get(t, [t, t + "s"])
        parts.append(one if n == 1 else f"{_count(n)} {many}")
    return ", ".join(parts)


def assess_confidence(sources: Iterable[Source], story_of: Mapping[str, str] | None = None) -> Confidence:
    """Confidence from the on-topic sources a brief cites (``story_of``: doc id → story id, for collapsing
    republished copies); see the module docstring for the rules."""
    groups = independent_groups(list(sources), story_of or {})
    # a group is as strong as its best source: a news report republished by an aggregator is still a news report
    types = [min((s.source_type for s in g), key=lambda t: _TYPE_RANK.get(t, 9)) for g in groups]
    n, reporting = len(groups), sum(t in REPORTING for t in types)
    dates = sorted(s.published for g in groups for s in g if s.published)
    undated = sum(1 for g in groups if not any(s.published for s in g))
    if n == 0:
        return Confidence(level="low", reason="no on-topic source.", independent_sources=0, source_types=[])
    what = f"{_count(n)} independent on-topic source{'s' if n != 1 else ''}"
    if n == 1:
        what = f"one on-topic source, {_types_phrase(types)}"
    else:
        what += f" ({_types_phrase(types)})"
    articles = sum(len(g) for g in groups)
    if articles > n:  # say why several articles count as fewer sources
        what += f"; {articles} articles, copies or one outlet's reports counted once"
    when = ""
    if dates:
        when = f", dated {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "")
    if undated:  # "one on-topic source, a news report, undated"; "(two news reports), both undated"
        when = (", undated" if n == 1 else ", both undated" if n == 2 == undated else ", all undated" if undated == n
                else f"{when}, {_count(undated)} undated")
    if n == 1:
        level, why = "low", ""
    elif reporting == 0:
        level, why = "low", "; none is a news report or official statement"
    elif reporting >= 3:
        level, why = "high", "; whether they agree is not checked offline"
    else:
        level = "moderate"
        why = "; fewer than three independent sources" if n < 3 else "; fewer than three of them are news reports or official statements"
    return Confidence(level=level, reason=f"{what}{when}{why}.", independent_sources=n, source_types=types)
