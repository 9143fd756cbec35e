"""Pure metrics of a brief against a hand-labelled news topic (``topics_news.jsonl``); each can fail.

A brief is read through a small view (:class:`BriefView`), so the functions are tested on hand-made briefs:
claims (section, text, cited doc ids), timeline entries (date, text, cited doc ids), the confidence
statement (the ``confidence`` stat section, else a "<level> confidence" phrase in the rendered text),
``as_of`` and the template's claims sections. Doc ids are compared after mapping to the topic's gold set
by the caller (``on_topic`` = the claim cites at least one gold article). Rates are in [0, 1]; None =
undefined (skipped by the means, see ``evals.metrics``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from evals import metrics

# ICD 203 confidence levels as the brief states them ("High: rests on ...", "moderate confidence").
_LEVEL = re.compile(r"\b(high|moderate|medium|low)\b(?:\s+confidence\b)?", re.I)
_REASON_WORDS = 3  # a stated reason has at least this many words after the level


@dataclass
class Entry:
    """A shown claim or timeline entry: its text, cited doc ids, section name and (timeline) event date."""

    text: str
    docs: tuple[str, ...] = ()
    section: str = ""
    date: str | None = None


@dataclass
class BriefView:
    """What the metrics read from a brief (built from ``rag.brief.Brief`` by ``topics_news.view``)."""

    claims: list[Entry] = field(default_factory=list)
    timeline: list[Entry] = field(default_factory=list)
    confidence: str | None = None  # the stated confidence with its reason, None when the brief states none
    as_of: str | None = None
    sections: dict[str, int] = field(default_factory=dict)  # claims section name -> number of claims shown
    publisher: dict[str, str] = field(default_factory=dict)  # cited doc id -> publisher (independence of sources)
    published: dict[str, str] = field(default_factory=dict)  # cited doc id -> publication date (YYYY-MM-DD)


def is_on_topic(entry: Entry, gold: set[str]) -> bool:
    """The entry cites at least one gold article of the topic."""
    return any(d in gold for d in entry.docs)


def on_topic_rate(view: BriefView, gold: set[str]) -> float | None:
    """Share of the brief's claims (not the timeline) that cite a gold article; None without claims."""
    if not view.claims:
        return None
    return sum(is_on_topic(c, gold) for c in view.claims) / len(view.claims)


def brief_text(view: BriefView) -> str:
    """Claims and timeline text joined (what a reader reads as the brief's statements; not titles or terms)."""
    return " ".join([c.text for c in view.claims] + [t.text for t in view.timeline])


def fact_found(text: str, forms: Sequence[str]) -> bool:
    """One of the fact's surface forms occurs in the text (``metrics.fact_coverage`` matching)."""
    return any((metrics.fact_coverage(text, [f]) or 0.0) > 0 for f in forms if f)


def key_fact_coverage(view: BriefView, key_facts: Sequence[dict]) -> float | None:
    """Share of key facts (``{"fact", "any": [forms]}``) with a form in the brief's statements; None without facts."""
    if not key_facts:
        return None
    text = brief_text(view)
    return sum(fact_found(text, kf.get("any") or [kf["fact"]]) for kf in key_facts) / len(key_facts)


def timeline_scores(view: BriefView, gold: set[str], events: Sequence[dict]) -> dict[str, float | None]:
    """Timeline accuracy (entries on-topic AND dated on an event date / all entries), event recall, missing.

    ``timeline_accuracy`` is None when the brief has no timeline, and also when the topic has no labelled
    event: an entry there cannot be checked against a date, so it is counted as unverifiable
    (``timeline_unverified``: the number of such entries), not as wrong. ``timeline_missing`` is 1.0 when the
    topic has events and the brief shows no timeline (None when the topic has none); ``event_recall`` is the
    share of the topic's events with a correct entry (on-topic, same date).
    """
    dates = {e["date"] for e in events}
    good = [t for t in view.timeline if is_on_topic(t, gold) and t.date in dates]
    return {
        "timeline_accuracy": (len(good) / len(view.timeline)) if view.timeline and events else None,
        "timeline_missing": (0.0 if view.timeline else 1.0) if events else None,
        "event_recall": (len(dates & {t.date for t in good}) / len(dates)) if events else None,
    }


def timeline_unverified(view: BriefView, events: Sequence[dict]) -> int:
    """Timeline entries of a topic with no labelled event (their dates cannot be checked; 0 when it has events)."""
    return 0 if events else len(view.timeline)


def independent_sources(view: BriefView, gold: set[str]) -> int:
    """Distinct publishers among the cited gold articles (a publisher's several articles count once)."""
    cited = {d for c in view.claims + view.timeline for d in c.docs if d in gold}
    return len({view.publisher.get(d) or d for d in cited})


def confidence_level(statement: str | None) -> str | None:
    """'high' | 'moderate' | 'low' from a confidence statement ("medium" reads as moderate); None if absent."""
    m = _LEVEL.search(statement or "")
    if not m:
        return None
    level = m.group(1).lower()
    return "moderate" if level == "medium" else level


def has_reason(statement: str | None) -> bool:
    """The statement gives a reason after its level (at least a few words, e.g. 'Low: one on-topic source')."""
    m = _LEVEL.search(statement or "")
    if not m:
        return False
    rest = re.findall(r"[^\W_]+", statement[m.end():])
    return len(rest) >= _REASON_WORDS


def overconfident(view: BriefView, gold: set[str]) -> bool | None:
    """True if the brief states High confidence on fewer than 2 independent on-topic sources, or states a
    confidence with no reason; None when the brief states no confidence at all."""
    level = confidence_level(view.confidence)
    if level is None:
        return None
    if not has_reason(view.confidence):
        return True
    return level == "high" and independent_sources(view, gold) < 2


def as_of_correct(view: BriefView, gold: set[str], fallback: str | None = None) -> float | None:
    """1.0 iff ``as_of`` equals the latest publication date of the cited gold articles (``fallback``, the
    topic's own as-of, when no gold article is cited); None when there is no reference date."""
    dates = [view.published[d] for c in view.claims + view.timeline for d in c.docs if d in gold and view.published.get(d)]
    ref = max(dates) if dates else fallback
    if not ref:
        return None
    return 1.0 if (view.as_of or "")[:10] == ref[:10] else 0.0


def empty_section_rate(view: BriefView, names: Iterable[str]) -> float | None:
    """Share of the named claims sections with no claim shown; None when there are no such sections."""
    names = list(names)
    if not names:
        return None
    return sum(1 for n in names if not view.sections.get(n)) / len(names)
