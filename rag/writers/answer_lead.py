"""Which report an answer's first sentence comes from: the article retrieval ranked first (the hit's own story) and,
when the question is asked as of a date, the report dated nearest that date (not an older report of the story, nor
another story's background line); and, for a count, the number the relevant sentences agree on (``agreed_lead``)."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from rag.text.dates import iso_day
from rag.writers.candidates import Candidate

__all__ = ["AGREEMENT_RATIO", "NEAREST_SPAN_DAYS", "agreed_lead", "value_support", "nearest_report", "top_ranked_article"]

#: A report this many days older than the report nearest the question's date gets no preference (linear in between):
#: a weekly news quiz asks about the week's report, and a report a month older is of an earlier turn of the story.
NEAREST_SPAN_DAYS = 30
#: A value the relevant sentences give leads over the chosen sentence's own values when its support is at least this
#: many times theirs (chosen on the RealTime QA fit half's number questions: 1.5 and 2.0 lead the same sentences)
AGREEMENT_RATIO = 1.5


def top_ranked_article(cands: Sequence[Candidate]) -> np.ndarray:
    """1.0 for the sentences of the article of the best-ranked evidence passage (the hit's own story), else 0.0."""
    if not cands:
        return np.zeros(0)
    top = min(cands, key=lambda c: c.rank).doc_id
    return np.array([1.0 if c.doc_id == top else 0.0 for c in cands])


def nearest_report(cands: Sequence[Candidate], as_of: str | None) -> np.ndarray:
    """Per sentence, in [0, 1]: 1.0 for the reports published nearest before ``as_of`` (ISO date), falling linearly to
    0.0 for reports ``NEAREST_SPAN_DAYS`` days older than the nearest one; 0.0 for an undated report, and all 0.0 when
    ``as_of`` is None (a question not asked as of a date prefers no report for its date)."""
    ref = iso_day(as_of)
    if ref is None or not cands:
        return np.zeros(len(cands))
    days = [None if (d := iso_day(c.passage.chunk.published)) is None else max(0, (ref - d).days) for c in cands]
    known = [d for d in days if d is not None]
    if not known:
        return np.zeros(len(cands))
    nearest = min(known)
    return np.array([0.0 if d is None else max(0.0, 1.0 - (d - nearest) / NEAREST_SPAN_DAYS) for d in days])


def value_support(values: Sequence[set[str]], weight: np.ndarray, cands: Sequence[Candidate],
                  eligible: np.ndarray) -> tuple[dict[str, float], dict[str, int]]:
    """How strongly the ``eligible`` sentences give each value: value key → the sum of ``weight`` (the sentences'
    cosine to the question) over the sentences giving it, and value key → how many sentences give it. ``values``:
    per sentence, the keys of the asked values it gives (``answer_agree.asked_values``). A sentence quoted alone and
    with its context (overlapping candidates) counts once, at its higher weight."""
    support: dict[str, float] = {}
    count: dict[str, int] = {}
    counted: list[int] = []
    for i in sorted(np.flatnonzero(eligible), key=lambda i: -float(weight[i])):
        if not values[i] or any(cands[i].overlaps(cands[j]) for j in counted):
            continue
        counted.append(int(i))
        for v in values[i]:
            support[v] = support.get(v, 0.0) + float(weight[i])
            count[v] = count.get(v, 0) + 1
    return support, count


def agreed_lead(values: Sequence[set[str]], weight: np.ndarray, cands: Sequence[Candidate], eligible: np.ndarray,
                pick: int) -> list[int]:
    """The sentences that should lead instead of ``pick`` because they give the value the relevant sentences agree
    on, or [] when ``pick`` may stay. A number one sentence gives ("Two people familiar with the planning …" for
    "What is his age?") yields to the number that several reports of the story repeat ("turns 80 years old on
    Sunday", "He turned 80"): the most supported value (``value_support``) is given by at least two sentences, ``pick`` does not
    give it, and its support is at least ``AGREEMENT_RATIO`` times that of the best value ``pick`` gives. Returns the
    eligible sentences giving it, in candidate order (the caller ranks them); a sentence quoted with the sentence
    before it (``Candidate.with_context``) only when no sentence gives it alone, since the quote would not open with
    the value."""
    support, count = value_support(values, weight, cands, eligible)
    if not support:
        return []
    top = max(sorted(support), key=lambda v: support[v])
    if count[top] < 2 or top in values[pick]:
        return []
    held = max((support.get(v, 0.0) for v in values[pick]), default=0.0)
    if support[top] < AGREEMENT_RATIO * held:
        return []
    holders = [int(i) for i in np.flatnonzero(eligible) if top in values[i]]
    return [i for i in holders if not cands[i].with_context] or holders
