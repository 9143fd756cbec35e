"""The brief's timeline: on-topic events with the date they happened, each quoted and cited.

An entry is a sentence of a document the brief's sections cite (so it is about the topic) that reports an event
(the role classifier, ``rag.roles``, does not type it as a judgement, forecast, signal, gap or furniture), close in meaning to the topic, with a date that is the event's:
relative dates ("yesterday", "last week", "on Monday") are resolved against the article's publication date and
dropped when it is unknown; targets and comparisons ("by 2025", "compared with 2019"), publication stamps
("published 2026-06-30") and years inside names ("the 2023 Annual Report") are not event dates (cues in
``rag/text/data/timeline_cues.toml``); a date after the article's publication is a plan, not an event.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Callable, Sequence

import numpy as np

from rag.brief import Citation, Claim
from rag.text.dates import DateMention, find_dates
from rag.text.lexicon import table
from rag.verify import evidence_sentences
from rag.writers.role_typing import doc_type, position, sentence_roles, typable
from rag.writers.base import EvidencePassage
from rag.writers.sentence_cues import junk_reason

__all__ = ["TIMELINE_MAX", "as_of_date", "event_date", "timeline"]

TIMELINE_MAX = 8
MIN_RELEVANCE = 0.3  # cosine to the topic: dated but off-topic events stay out
RELEVANCE_GAP = 0.2  # ... and within this of the most on-topic dated event
_NOT_EVENT_ROLES = frozenset({"judgement", "forecast", "signal", "gap", "furniture"})
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@cache
def _cues() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    data = table("timeline_cues")
    return [re.compile(p, re.I) for p in data["before"]], [re.compile(p, re.I) for p in data["after"]]


def _is_event_mention(text: str, m: DateMention, published: str | None) -> bool:
    before, after = _cues()
    head, tail = text[max(0, m.start - 40) : m.start], text[m.end : m.end + 40]
    if any(p.search(head) for p in before):
        return False
    if m.precision == "year" and any(p.search(tail) for p in after):
        return False
    if published and m.value > published[: len(m.value)]:
        return False  # after the article was written: a plan or a forecast
    return True


def event_date(text: str, published: str | None) -> tuple[DateMention | None, str | None]:
    """The date of the event a sentence reports and how it was read, or (None, None) when it states none.

    The most precise event mention wins (day, then week, month, year; earliest first); the basis says which
    phrase gave it and, for a relative one, the publication date it was resolved against."""
    mentions = [m for m in find_dates(text, published=published) if m.precision in _PRECISION_RANK]
    mentions = [m for m in mentions if _is_event_mention(text, m, published)]
    if not mentions:
        return None, None
    best = min(mentions, key=lambda m: (_PRECISION_RANK[m.precision], m.start))
    phrase = " ".join(best.text.split())
    basis = f"“{phrase}” in an article of {published}" if best.relative else f"“{phrase}”"
    return best, basis


def timeline(
    topic: str,
    evidence: Sequence[EvidencePassage],
    cited_docs: set[str],
    embed: Callable[[Sequence[str]], np.ndarray],
    check: Callable[[list[tuple[str, list[str]]]], list],
    *,
    limit: int = TIMELINE_MAX,
) -> list[Claim]:
    """Dated on-topic events from the documents in ``cited_docs``, most on-topic first, then ordered by date.

    ``embed`` maps texts to unit vectors; ``check`` is ``SupportChecker.check_many`` (each entry is verified
    against its own sentence, as every quote is)."""
    chunks = {p.chunk.chunk_id: p.chunk for p in evidence}
    sentences = evidence_sentences(evidence)
    per_chunk = Counter(s.chunk_id for s in sentences)
    seen_in_chunk: Counter = Counter()
    dated, where = [], []
    for s in sentences:
        k = seen_in_chunk[s.chunk_id]
        seen_in_chunk[s.chunk_id] += 1
        if s.doc_id not in cited_docs or junk_reason(s.text) is not None:
            continue
        mention, basis = event_date(s.text, chunks[s.chunk_id].published)
        if mention is not None:
            dated.append((s, mention, basis))
            where.append(position(chunks[s.chunk_id], k, per_chunk[s.chunk_id]))
    if not dated:
        return []
    # the role classifier decides what is an event: judgements, forecasts, signals, gaps and furniture are not
    roles = [p.role for p in sentence_roles([s.text for s, _, _ in dated], positions=where,
                                            doc_types=[doc_type(chunks[s.chunk_id]) for s, _, _ in dated])]
    readable = {cid: typable(c) for cid, c in chunks.items()}
    # the classifier reads English only: another language's sentence stays untyped and is not filtered by role
    roles = [r if readable[s.chunk_id] else None for r, (s, _, _) in zip(roles, dated)]
    keep = [i for i, r in enumerate(roles) if r not in _NOT_EVENT_ROLES]
    dated, roles = [dated[i] for i in keep], [roles[i] for i in keep]
    if not dated:
        return []
    vecs = embed([topic] + [s.text for s, _, _ in dated])
    sims = vecs[1:] @ vecs[0]
    role_of = {id(d[0]): r for d, r in zip(dated, roles)}
    floor = max(MIN_RELEVANCE, float(sims.max()) - RELEVANCE_GAP)
    order = sorted(range(len(dated)), key=lambda i: (-sims[i], dated[i][0].chunk_id, dated[i][0].start))
    chosen, seen = [], set()
    for i in order:
        s = dated[i][0]
        if s.text in seen or sims[i] < floor:
            continue
        seen.add(s.text)
        chosen.append(dated[i])
        if len(chosen) >= limit:
            break
    results = check([(s.text, [s.text]) for s, _, _ in chosen])
    events = []
    for (s, mention, basis), r in zip(chosen, results):
        if not r.supported:
            continue
        events.append(Claim(
            text=s.text, date=mention.value, date_basis=basis, verified=True, support=round(r.score, 4), role=role_of[id(s)],
            citations=[Citation(chunk_id=s.chunk_id, doc_id=s.doc_id, start=s.start, end=s.end, quote=s.text, support=round(r.score, 4))],
        ))
    return sorted(events, key=lambda c: (c.date or "", c.citations[0].chunk_id, c.citations[0].start))


def as_of_date(published: Sequence[str | None], event_dates: Sequence[str | None], until: str | None) -> str | None:
    """The latest on-topic evidence date: the newest publication date of the sources the brief cites, else (all
    undated) its latest event date; never past ``until``; ``until`` (or None) when nothing is dated. Never today."""
    dates = [d for d in published if d] or [d for d in event_dates if d]
    if not dates:
        return until
    latest = max(dates)
    return min(latest, until) if until else latest
