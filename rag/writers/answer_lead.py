"""Which report an answer's first sentence comes from: the article retrieval ranked first (the hit's own story) and,
when the question is asked as of a date, the report dated nearest that date (not an older report of the story, nor
another story's background line); when it is asked with no date, the most recent report of an event (not an older
essay's background or opinion, which may follow, dated and attributed)."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from rag.text.dates import iso_day
from rag.writers.candidates import Candidate
from rag.writers.role_typing import DOC_TYPE_OF, doc_type

__all__ = ["EVENT_ROLES", "NEAREST_SPAN_DAYS", "REPORTING_TYPES", "latest_event", "lead_date", "nearest_report",
           "older_views", "top_ranked_article", "without_older_views"]

#: the sentence roles (``rag.roles.ROLES``) that tell what happened: an act reported, or an actor's own statement
EVENT_ROLES = frozenset({"event", "statement"})
#: the source types (``role_typing.DOC_TYPE_OF`` values) that report events: news, an official statement, and a
#: generated brief (whose report is credited to it, ``answer_credit``); an analysis or opinion piece argues instead
REPORTING_TYPES = frozenset({DOC_TYPE_OF["news"], DOC_TYPE_OF["official"], DOC_TYPE_OF["generated"]})

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


def _event_days(cands: Sequence[Candidate]) -> list:
    """Per sentence, its source's publication day when it is an event report (a sentence of an ``EVENT_ROLES`` role
    in a dated source of a ``REPORTING_TYPES`` type, or a quote joined with the sentence after it that opens with one:
    "Japan has reportedly denied … The decision signals …" tells the event as its first sentence does; a judgement
    joined with the headline after it does not), else None."""
    types: dict[str, str] = {}
    for c in cands:
        if c.chunk_id not in types:
            types[c.chunk_id] = doc_type(c.passage.chunk)
    events = {(c.chunk_id, c.local_start, c.local_end) for c in cands
              if c.role in EVENT_ROLES and types[c.chunk_id] in REPORTING_TYPES}
    days = []
    for c in cands:
        event = (c.chunk_id, c.local_start, c.local_end) in events or (c.with_context and any(
            k == c.chunk_id and a == c.local_start and b <= c.local_end for k, a, b in events))
        days.append(iso_day(c.passage.chunk.published) if event else None)
    return days


def latest_event(cands: Sequence[Candidate], among: Sequence[bool] | None = None) -> np.ndarray:
    """Per sentence, in [0, 1], for a question asked with no date of its own: 1.0 for the event reports (a sentence of
    an ``EVENT_ROLES`` role in a source of a ``REPORTING_TYPES`` type) published most recently among the candidates
    (those ``among`` marks, when given: the sentences on the question's topic), falling linearly to 0.0 for event
    reports ``NEAREST_SPAN_DAYS`` days older; 0.0 for any other sentence (an essay's background or argument, a
    judgement or forecast, an undated report). All 0.0 when no event report is dated."""
    if not cands:
        return np.zeros(0)
    days = _event_days(cands)
    if among is not None:
        days = [d if keep else None for d, keep in zip(days, among)]
    known = [d for d in days if d is not None]
    if not known:
        return np.zeros(len(cands))
    newest = max(known)
    return np.array([0.0 if d is None else max(0.0, 1.0 - (newest - d).days / NEAREST_SPAN_DAYS) for d in days])


def older_views(cands: Sequence[Candidate], pool: Sequence[int]) -> set[int]:
    """The sentences of ``pool`` (indices into ``cands``) that an undated question's lead passes over: those of an
    analysis or opinion piece (its background, argument or expectation) published before the most recent event report
    in ``pool``, or undated when one is; empty when ``pool`` holds no dated event report. They may follow the lead,
    dated and attributed ("Hosokawa Masahiko (2020 essay) writes: …")."""
    days = _event_days(cands)
    known = [days[i] for i in pool if days[i] is not None]
    if not known:
        return set()
    newest = max(known)
    views = DOC_TYPE_OF["analysis"]
    out = set()
    for i in pool:
        chunk = cands[i].passage.chunk
        day = iso_day(chunk.published)
        if doc_type(chunk) == views and (day is None or day < newest):
            out.add(i)
    return out


def without_older_views(cands: Sequence[Candidate], pool: Sequence[int], value: Sequence[float]) -> list[int]:
    """An undated question's lead pool (indices into ``cands``) without its ``older_views``, when the sentence that
    then leads (the best ``value``) is an event report: the essay gives way to the latest report of the event, not to
    another source's judgement ("How do the sources describe US pressure on Japan …?" keeps the 2020 essay's account
    over a 2026 brief's judgement on another move). ``pool`` unchanged (as a list) otherwise."""
    views = older_views(cands, pool)
    rest = [i for i in pool if i not in views]
    if not views or not rest:
        return list(pool)
    best = max(rest, key=lambda i: value[i])
    return rest if _event_days([cands[best]])[0] is not None else list(pool)


def lead_date(cands: Sequence[Candidate], as_of: str | None, among: Sequence[bool] | None = None) -> np.ndarray:
    """The date preference of an answer's first sentence, in [0, 1] per sentence: ``nearest_report`` for a question
    asked as of a date (RealTime QA's every question), ``latest_event`` (over ``among``) for one asked with none."""
    return nearest_report(cands, as_of) if iso_day(as_of) is not None else latest_event(cands, among)
