"""Which report an answer's first sentence comes from: the article retrieval ranked first (the hit's own story) and,
when the question is asked as of a date, the report dated nearest that date (not an older report of the story, nor
another story's background line)."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from rag.text.dates import iso_day
from rag.writers.candidates import Candidate

__all__ = ["NEAREST_SPAN_DAYS", "nearest_report", "top_ranked_article"]

#: A report this many days older than the report nearest the question's date gets no preference (linear in between):
#: a weekly news quiz asks about the week's report, and a report a month older is of an earlier turn of the story.
NEAREST_SPAN_DAYS = 30


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
