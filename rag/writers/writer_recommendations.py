"""What a named writer recommends, answered with the writer's recommendations in the writer's own order.

s57's kind: "What does Mori Haruka recommend?" over a column that says "Three steps would close most of the gap.
First, the trade ministry should require …. Second, Tokyo should share …. Third, customs should be given …" was
answered with "Second, …" and "Third, …" and never the first step: the question repeats none of the column's words,
so the writer's recommending sentences were ranked by noise (cosine to a name) and cut where the ranking fell.
"The government should extend the ban … It should also publish the list of vendors …" was answered with the first
sentence alone: the quote that carries the writer's second recommendation ("It should also …", quoted with the
sentence it continues) shares text with it and was set aside as the same quote.

``writer_recommendations`` picks, among the asked writer's recommending sentences (the caller's ``own``: candidates
of a piece whose byline is the asked writer, typed "recommendation" and quotable):

- one quote per stretch of text: a sentence quoted alone is left out when a quote holding it adds a recommendation
  of its own ("It should also …"); a quote that only adds context before it ("Three steps would close the gap.
  First, …") is left out for the sentence alone;
- the best one's piece (a writer with two columns is answered from the one the question fits best);
- at most ``limit`` of them, the most relevant first;
- the writer's order: a question about one thing the writer recommends ("What does Mori recommend customs do?",
  the quote holding more of the question's key terms than the others) is answered by that recommendation first,
  the others after it in the writer's order; a question asking only for the writer's recommendations (each holding
  as much of it as the others) by the first of them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rag.writers.answer_kind import recommends
from rag.writers.candidates import Candidate

__all__ = ["writer_recommendations"]


def _adds_recommendation(outer: Candidate, inner: Candidate) -> bool:
    """Whether ``outer`` (a quote holding ``inner``'s span) recommends in the text it adds to ``inner``'s."""
    return recommends(outer.text.replace(inner.text, " "))


def _one_quote_each(cands: Sequence[Candidate], own: Sequence[int]) -> list[int]:
    """``own`` without the quotes another one of them holds and betters (see the module's first rule)."""
    dropped: set[int] = set()
    for i in own:
        for j in own:
            if i == j or cands[i].doc_id != cands[j].doc_id:
                continue
            a, b = cands[i], cands[j]
            if b.start <= a.start and a.end <= b.end and (b.end - b.start) > (a.end - a.start):
                # b holds a: keep b when it adds a recommendation, else keep a alone
                dropped.add(i if _adds_recommendation(b, a) else j)
    return [i for i in own if i not in dropped]


def writer_recommendations(cands: Sequence[Candidate], own: Sequence[int], value: np.ndarray, cov: np.ndarray,
                           limit: int) -> list[int]:
    """The asked writer's recommendations to quote, in answer order (the first leads): indexes into ``cands``.

    ``own``: indexes of the writer's recommending, quotable sentences; ``value``: per candidate, how well it answers
    (higher first); ``cov``: per candidate, how much of what the question is about it holds (key-term weight, >= 0;
    equal for all when the question asks only for the writer's recommendations); ``limit``: how many to quote at most
    (>= 1). [] when ``own`` is empty."""
    kept = _one_quote_each(cands, own)
    if not kept:
        return []
    best = max(kept, key=lambda i: (float(value[i]), -cands[i].start))
    same_piece = [i for i in kept if cands[i].doc_id == cands[best].doc_id]
    top = sorted(same_piece, key=lambda i: (-float(value[i]), cands[i].start))[:limit]
    in_order = sorted(top, key=lambda i: cands[i].start)
    covers = [round(float(cov[i]), 6) for i in top]
    if max(covers) > min(covers):  # the question is about one of them: it leads
        lead = max(top, key=lambda i: (round(float(cov[i]), 6), float(value[i])))
        return [lead] + [i for i in in_order if i != lead]
    return in_order
