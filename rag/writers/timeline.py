"""The brief's timeline: on-topic events with the day they happened, each quoted and cited.

An entry is a sentence of a document the brief's sections cite (so it is about the topic) that reports an event
or a statement (the role classifier, ``rag.roles``, finds those two roles together more probable than not),
close in meaning to the topic, with the day the event happened:
relative dates ("yesterday", "on Monday", "July 4" without a year) are resolved against the article's
publication date (``rag.text.dates``, weekdays by ``rag.text.weekdays``) and dropped when it is unknown; targets,
bounds and comparisons ("by 2025", "since 2017", "compared with 2019"), publication stamps ("published
2026-06-30"), years inside names ("the 2023 Annual Report") and dates in a clause about the future or a
possibility ("will be held on July 11", "is expected to be charged Monday") are not event dates (cues in
``rag/text/data/timeline_cues.toml``); a date after the article's publication is a plan, not an event.

Only a day makes an entry. A year or a month ("in 2017", "last month") in a news story is nearly always
background or a comparison, and a week ("last week") is no day at all: shown on a timeline they would read as
the story's events at a precision they lack, so they are left out (the sentence can still be quoted by a
section). One entry per day: the sentence most about the topic that reports it.
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

__all__ = ["EVENT_ROLES", "TIMELINE_MAX", "as_of_date", "event_date", "is_event", "timeline"]

TIMELINE_MAX = 8
MIN_RELEVANCE = 0.3  # cosine to the topic: dated but off-topic events stay out
RELEVANCE_GAP = 0.2  # ... and within this of the most on-topic dated event
EVENT_ROLES = frozenset({"event", "statement"})
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_CLAUSE_CHARS = 90  # how far back a future cue may sit in the date's clause


@cache
def _cues() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]], list[re.Pattern[str]], re.Pattern[str]]:
    data = table("timeline_cues")
    return ([re.compile(p, re.I) for p in data["before"]], [re.compile(p, re.I) for p in data["after"]],
            [re.compile(p) for p in data["future"]], re.compile(data["clause_boundaries"], re.I))


def _clause_before(text: str, start: int) -> str:
    """The words of the date's own clause before it: from the last clause boundary (at most _CLAUSE_CHARS back)."""
    head = text[max(0, start - _CLAUSE_CHARS) : start]
    cuts = [m.end() for m in _cues()[3].finditer(head)]
    return head[cuts[-1]:] if cuts else head


def _is_event_mention(text: str, m: DateMention, published: str | None) -> bool:
    before, after, future, _ = _cues()
    head, tail = text[max(0, m.start - 40) : m.start], text[m.end : m.end + 40]
    if any(p.search(head) for p in before):
        return False
    if m.precision == "year" and any(p.search(tail) for p in after):
        return False
    if any(p.search(_clause_before(text, m.start)) for p in future):
        return False  # "will be held on July 11": planned or possible, not (yet) an event
    if published and m.value > published[: len(m.value)]:
        return False  # after the article was written: a plan or a forecast
    return True


def is_event(probs: dict[str, float] | None) -> bool:
    """Whether a role prediction (role -> probability; None when the text could not be typed) allows a timeline
    entry: event and statement together more probable than not, as a section takes its roles."""
    return probs is None or sum(probs.get(r, 0.0) for r in EVENT_ROLES) > 0.5


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
    """Dated on-topic events from the documents in ``cited_docs``: one entry per day, the most on-topic days
    kept, ordered by date.

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
        if mention is not None and mention.precision == "day":
            dated.append((s, mention, basis))
            where.append(position(chunks[s.chunk_id], k, per_chunk[s.chunk_id]))
    if not dated:
        return []
    # the role classifier decides what is an event (or a statement); it reads English only: another language's
    # sentence stays untyped and is not filtered by role
    preds = sentence_roles([s.text for s, _, _ in dated], positions=where,
                           doc_types=[doc_type(chunks[s.chunk_id]) for s, _, _ in dated])
    preds = [p if typable(chunks[s.chunk_id]) else None for p, (s, _, _) in zip(preds, dated)]
    keep = [i for i, p in enumerate(preds) if is_event(p.probs if p is not None else None)]
    dated, preds = [dated[i] for i in keep], [preds[i] for i in keep]
    if not dated:
        return []
    vecs = embed([topic] + [s.text for s, _, _ in dated])
    sims = vecs[1:] @ vecs[0]
    floor = max(MIN_RELEVANCE, float(sims.max()) - RELEVANCE_GAP)
    order = sorted(range(len(dated)), key=lambda i: (-sims[i], dated[i][0].chunk_id, dated[i][0].start))
    chosen, days = [], set()
    for i in order:
        s, mention, _ = dated[i]
        if mention.value in days or sims[i] < floor:
            continue  # one entry per day: its most on-topic report
        days.add(mention.value)
        chosen.append(i)
        if len(chosen) >= limit:
            break
    results = check([(dated[i][0].text, [dated[i][0].text]) for i in chosen])
    events = []
    for i, r in zip(chosen, results):
        (s, mention, basis), pred = dated[i], preds[i]
        if not r.supported:
            continue
        events.append(Claim(
            text=s.text, date=mention.value, date_basis=basis, verified=True, support=round(r.score, 4),
            role=pred.role if pred is not None else None,
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
