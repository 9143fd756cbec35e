"""The brief's timeline: on-topic events with the day they happened, each quoted and cited.

An entry is a sentence of a document the brief's sections cite (so it is about the topic), naming one of the
topic's actors (``rag.writers.on_topic.topic_actors``) and not a photo caption, that reports an event
or a statement (by the role classifier, ``rag.roles``: its most probable role, or the two together more probable
than not), close in meaning to the topic, with the day the event happened: relative dates ("yesterday", "on
Monday", "July 4" without a year) are resolved against the article's publication date (``rag.text.dates``,
weekdays by ``rag.text.weekdays``) and dropped when it is unknown; targets, bounds and comparisons ("by 2025",
"since 2017", "compared with 2019"), publication stamps ("published 2026-06-30"), years inside names ("the 2023
Annual Report") and dates in a clause about the future or a possibility ("will be held on July 11", "is expected
to be charged Monday") are not event dates (cues in ``rag/text/data/timeline_cues.toml``); a date after the
article's publication is a plan, not an event (a day of grace: a story's local date in East Asia runs ahead of
the outlet's date stamp). So is a date whose first verb after it is a future or modal one when no past-tense verb
precedes it ("The summit on Friday will ..."), and a news outlet's report date ("Kim declared victory ..., state
media said on Thursday": the event came earlier). The role classifier types the clause that holds the date, not a
caveat after it ("claimed victory Saturday, though it was unclear ..."). The sentences read are the retrieved
passages of the cited documents and each cited story's lede (``lede_passages``: where news style states the main
event and its day).

Only a day makes an entry. A year or a month ("in 2017", "last month") in a news story is nearly always
background or a comparison, and a week ("last week") is no day at all: shown on a timeline they would read as
the story's events at a precision they lack, so they are left out (the sentence can still be quoted by a
section). One entry per day: the sentence most about the topic that reports it. The days shown are the one
the most cited documents report an on-topic event on (the story's main event) and every other day that at
least two of them report: a day one source gives once is often that source's own arithmetic gone wrong (a date
stamp a day behind the story's local date) or a side story of a round-up article, and a timeline an analyst can
rely on shows what its sources agree on. The latest day of a running story is told first by one report, though
(the drills of "Thursday" in Thursday's article): a day that one report gives in two of its sentences as its own
news (the day it was written, or the day before or after) is shown too, when it is within a week of the main
event's day (the same running story, not a cited report of another story weeks away).

When no sentence dates an event, a report's day dates the event it reports (``report_dates``); when none dates a
report either, a dated news source's headline or lede event is one entry at the source's date (``_lede_event``,
``SOURCE_DATE_BASIS``: the event came that day or before; the China restrictions of seed 003, dated 2026-02-25).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from typing import Callable, Mapping, Sequence

import numpy as np

from rag.brief import Citation, Claim
from rag.catalog import chunk_from_row
from rag.chunking import chunk_id_for
from rag.text.clause_tense import has_past_verb
from rag.text.dates import MONTH_PATTERN, DateMention, find_dates
from rag.text.datelines import dateline_end
from rag.text.lexicon import table
from rag.text.markdown import heading_marks
from rag.doc_kind import is_live_blog
from rag.text.entry_stamps import entry_stamp_end
from rag.text.sentences import split_sentences
from rag.verify import evidence_sentences
from rag.writers.role_typing import DOC_TYPE_OF, doc_type, position, sentence_roles, typable
from rag.writers.base import EvidencePassage
from rag.writers.actor_names import mentions, names_actor
from rag.writers.on_topic import topic_actors
from rag.writers.sentence_cues import is_boilerplate, junk_reason

__all__ = ["CAME_BY", "relative_spans", "EVENT_ROLES", "SOURCE_DATE_BASIS", "basis_shown", "TIMELINE_MAX", "UNPLACED_ANCHOR", "as_of_date", "anchored_dates", "dated_clause", "vague_times", "event_date", "dated_item", "is_caption", "is_event", "is_report_date", "lede_passages", "report_dates", "story_sources", "timeline", "article_texts", "written_on"]

TIMELINE_MAX = 8
MIN_RELEVANCE = 0.3  # cosine to the topic: dated but off-topic events stay out
RELEVANCE_GAP = 0.2  # ... and within this of the most on-topic dated event
MIN_SOURCES = 2  # a day besides the main event's needs this many documents reporting an event on it
NEWS_DAYS = 7  # a day at most this long before an article's date is that article's news, not its background
#: a day at most this far from the day a report was written is its own news: when MIN_SOURCES of its sentences
#: report events on it (the day's best one as relevant as any entry, the others at least MIN_RELEVANCE), the day
#: is shown though no other source gives it yet
OWN_NEWS_DAYS = 1
EVENT_ROLES = frozenset({"event", "statement"})
#: how many quotable sentences of a document's first passage are its headline and lede (``_lede_event``)
LEDE_SENTENCES = 3
#: the kinds of document whose date is their news's date: a report is written the day of its news or just after; an
#: analysis or opinion piece is not (its lede recalls events of any time)
DATED_BY_SOURCE = frozenset({"news report", "generated brief", "official statement"})
#: how a basis ends when the date is the day a report was written or published, standing for the event's day
CAME_BY = "the event came that day or before"
#: the basis of an entry dated by its source's date (``_lede_event``); the renderer says so beside the entry
SOURCE_DATE_BASIS = "the source's date: its headline or lede reports the event, which came that day or before"
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
GRACE_DAYS = 1  # see _latest_event_day
ARTICLE_CHUNKS = 16  # passages of a cited article read for the day it was written (a long news story has ~10)
STALE_DAYS = 7  # how far past its date stamp an updated article's own written dates may move the day it was written
_CLAUSE_CHARS = 90  # how far back a future cue may sit in the date's clause
_MONTH_RE = re.compile(rf"\b{MONTH_PATTERN}")
_TAIL_WORDS = 6  # how far after a date a future cue still governs it ("On Tuesday, the minister intends to ...")
_POSSESSIVE = re.compile(r"^['’]s\b")
_CLAUSE_END = re.compile(r"\b(?:that|which|who|whom|whose)\b|[;:—–()]")
#: what may open a chronology's item before its date: a list bullet, Markdown emphasis
_ITEM_OPEN = re.compile(r"^\s*(?:[-*•]\s+)?(?:\*\*|__)?")
#: what closes an item's date: Markdown emphasis, then a dash or colon before the event's words
_ITEM_CLOSE = re.compile(r"^(?:\*\*|__)?\s*(?:[—–-]+|:)\s+(?=[A-Z0-9\"“‘'])")


@cache
def _cues() -> dict[str, list[re.Pattern[str]] | re.Pattern[str]]:
    data = table("timeline_cues")
    return {"before": [re.compile(p, re.I) for p in data["before"]], "after": [re.compile(p, re.I) for p in data["after"]],
            "future": [re.compile(p) for p in data["future"]], "clause": re.compile(data["clause_boundaries"], re.I),
            "bounding": re.compile(data["bounding_openers"], re.I),
            "past": re.compile(data["past_tense"]), "contrast": re.compile(data["contrast_boundaries"], re.I),
            **_report_cues(data)}


def _report_cues(data: dict) -> dict[str, re.Pattern[str]]:
    """The report-date patterns built from the cue file's news sources and reporting verbs."""
    src, verb = "|".join(f"(?:{p})" for p in data["report_sources"]), data["report_verbs"]
    when = r"(?:(?:early|late|earlier|later)\s+)?(?:on\s+)?"
    return {
        # "..., state media said on Thursday", "KCNA reported Thursday that ..."
        "report_head": re.compile(rf"\b(?:{src})\s+(?:{verb})\s+{when}$", re.I),
        # "according to state media on Thursday", "according to a report by news agency KCNA on Thursday"
        "report_according": re.compile(rf"\baccording\s+to\b[^.;,]{{0,60}}?\b(?:{src})\s+{when}$", re.I),
        # "KCNA on Thursday reported ...": the source before the date, its verb after it
        "report_source_end": re.compile(rf"\b(?:{src})\s+{when}$", re.I),
        "report_verb_start": re.compile(rf"^(?:\s+(?:morning|afternoon|evening|night))?\s*,?\s*(?:{verb})\b", re.I),
        # "The decision, reported on 2026-06-30 by Nikkei Asia, …": the passive, whoever reports
        "report_passive_head": re.compile(data["report_passive_head"], re.I),
        "report_passive_tail": re.compile(rf"^\s*,?\s*by\s+(?:the\s+)?(?:{src})\b", re.I),
        "report_of_previous": re.compile(data["report_of_previous"], re.I),
    }


def _clause_before(text: str, start: int) -> tuple[str, str]:
    """The boundary that opens the date's clause ("" if none within _CLAUSE_CHARS) and the clause's words before
    the date."""
    head = text[max(0, start - _CLAUSE_CHARS) : start]
    cuts = list(_cues()["clause"].finditer(head))
    return (cuts[-1].group(0).strip(), head[cuts[-1].end():]) if cuts else ("", head)


def _is_event_mention(text: str, m: DateMention, published: str | None) -> bool:
    cues = _cues()
    head, tail = text[max(0, m.start - 40) : m.start], text[m.end : m.end + 40]
    if any(p.search(head) for p in cues["before"]):
        return False
    if m.precision == "year" and any(p.search(tail) for p in cues["after"]):
        return False
    opener, clause = _clause_before(text, m.start)
    if cues["bounding"].match(opener):
        return False  # "Since Xi vowed on May 5 to ...": the start of a period, not the sentence's event
    if any(p.search(clause) for p in cues["future"]):
        return False  # "will be held on July 11": planned or possible, not (yet) an event
    if published and m.value > _latest_event_day(published)[: len(m.value)]:
        return False  # after the article was written: a plan or a forecast
    if is_report_date(text, m):
        return False  # the day a news outlet reported the event: the event came earlier, on a day not given
    if not _has_past_verb(text[: m.start]) and _future_comes_first(text[m.end :]):
        return False  # "The summit on Friday will ...", "On Tuesday, the minister intends to travel ..."
    return True


def is_report_date(text: str, mention: DateMention) -> bool:
    """Whether a date mention dates a news outlet's report of the event rather than the event: "Kim declared
    victory ..., state media said on Thursday", "KCNA reported Thursday that ...", "according to Yonhap on
    Monday", "The decision, reported on 2026-06-30 by Nikkei Asia, …". A statement by an official or a ministry on
    a day is an event of its own and is not one."""
    cues = _cues()
    head, tail = text[max(0, mention.start - _CLAUSE_CHARS) : mention.start], text[mention.end : mention.end + 40]
    if cues["report_head"].search(head) or cues["report_according"].search(head):
        return True
    if cues["report_passive_head"].search(head) and cues["report_passive_tail"].match(tail):
        return True
    return bool(cues["report_source_end"].search(head) and cues["report_verb_start"].match(tail))


def _has_past_verb(words_text: str) -> bool:
    """A past-tense verb among the words: a date after it is that verb's ("Pelosi said Thursday she will ...")."""
    return has_past_verb(words_text)


def _future_comes_first(tail: str) -> bool:
    """Whether the next few words after a date that no past-tense verb precedes put it in the future: a future or
    modal cue before any past-tense verb ("The summit on Friday will ...", "On Tuesday, the minister intends to
    travel ..."). A possessive date names an event whose consequences the modal is about ("Tuesday's launch
    could herald ..."), and a relative or complement clause ("a tweet Thursday that users may ...") is another
    verb's."""
    if _POSSESSIVE.match(tail):
        return False
    tail = " ".join(_CLAUSE_END.split(tail, maxsplit=1)[0].split()[:_TAIL_WORDS])
    futures = [m.start() for p in _cues()["future"] for m in [p.search(tail)] if m]
    if not futures:
        return False
    first_future = min(futures)
    return not _has_past_verb(tail[:first_future])


def _latest_event_day(published: str) -> str:
    """The latest day an article stamped ``published`` can report as past: the day after, because a story's
    local date (East Asia) runs up to a day ahead of the outlet's date stamp."""
    try:
        return (date.fromisoformat(published[:10]) + timedelta(days=GRACE_DAYS)).isoformat()
    except ValueError:
        return published


def is_caption(text: str, mention: DateMention | None = None) -> bool:
    """Whether a sentence is a photo caption: it dates the picture, not the story's event. A credit line before
    it, "Photos:" or "Hide Caption 3 of 16"; or, given the sentence's date ``mention``, a scene in the present
    tense on a written date ("Protesters march in Beijing on November 27."): news prose tells a dated event in
    the past tense, captions in the present."""
    if is_boilerplate(text):  # the shared furniture patterns (boilerplate_patterns.txt) hold the captions' credit lines
        return True
    if mention is None or not _MONTH_RE.search(mention.text):
        return False
    return not has_past_verb(text)


def dated_item(text: str) -> DateMention | None:
    """The date of a chronology's item ("- **May 22, 2025** — Police raid the homes of four suspects …", "12 June
    2025 – Customs officers seize …", "Oct. 2, 2025: Prosecutors indict …"), or None when ``text`` (one sentence) is
    no such item: it opens (after a bullet or emphasis) with a full date, day, month and year, closed by a dash or a
    colon before the event's words. A timeline explainer states each item as an event of its story on that day, in
    the present tense of a chronology. A month ("April 2024 — …") gives no day, a date without its year is read
    against the article's date as any sentence's, and a date inside a clause ("On March 4, 2024, …", "By June 30,
    2027 — …") or after a dateline is not an item's."""
    at = _ITEM_OPEN.match(text).end()
    first = next(iter(find_dates(text[at:])), None)
    if first is None or first.start != 0 or first.precision != "day" or first.relative:
        return None
    return replace(first, start=at, end=at + first.end) if _ITEM_CLOSE.match(text[at + first.end:]) else None


def _item_words(text: str) -> int:
    """Offset in ``text`` where a chronology item's own words start, after its date and dash (``dated_item``); 0
    when it is no item. The entry shows the day; its quote need not repeat it."""
    item = dated_item(text)
    return item.end + _ITEM_CLOSE.match(text[item.end:]).end() if item is not None else 0


def dated_clause(text: str, mention: DateMention) -> str:
    """The part of a sentence that holds its date, up to a contrast or concession after it ("..., though it was
    unclear ..."): what the role classifier must call an event for a timeline entry; the whole sentence when
    nothing follows the date's clause."""
    cut = _cues()["contrast"].search(text, mention.end)
    return text[: cut.start()].rstrip() + "." if cut else text


def is_event(probs: dict[str, float] | None) -> bool:
    """Whether a role prediction (role -> probability; None when the text could not be typed) allows a timeline
    entry: its most probable role is event or statement, or the two together are more probable than not."""
    if probs is None:
        return True
    return max(probs, key=probs.get) in EVENT_ROLES or sum(probs.get(r, 0.0) for r in EVENT_ROLES) > 0.5


def event_date(text: str, published: str | None) -> tuple[DateMention | None, str | None]:
    """The date of the event a sentence reports and how it was read, or (None, None) when it states none.

    The most precise event mention wins (day, then week, month, year; earliest first); the basis says which
    phrase gave it and, for a relative one, the publication date it was resolved against. A date inside the
    sentence's opening dateline ("WASHINGTON, Feb 12 - …", ``rag.text.datelines``) is the day the report was filed,
    not its event's: "WASHINGTON, Feb 12 - BIS added 27 companies to its entity list on Wednesday" is dated by
    "on Wednesday" (Feb 11), and a sentence with no other date is dated as its report is (``report_dates``)."""
    opening = dateline_end(text)
    mentions = [m for m in find_dates(text, published=published) if m.precision in _PRECISION_RANK
                and m.start >= opening]
    mentions = [m for m in mentions if _is_event_mention(text, m, published)]
    if not mentions:
        return None, None
    best = min(mentions, key=lambda m: (_PRECISION_RANK[m.precision], m.start))
    phrase = " ".join(best.text.split())
    basis = f"“{phrase}” in an article of {published}" if best.relative else f"“{phrase}”"
    return best, basis


#: any day: relative phrases are found against it and their values discarded (``relative_spans``, ``anchored_dates``)
UNPLACED_ANCHOR = "2000-01-05"


def relative_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the times ``text`` states relative to its source's date ("last week", "on Monday",
    "yesterday", "March 3" without its year: ``rag.text.dates.find_dates``), which an undated source cannot place."""
    return [(m.start, m.end) for m in find_dates(text, published=UNPLACED_ANCHOR) if m.relative]


def anchored_dates(text: str, published: str | None, *, context: str = "") -> list[tuple[str, str | None, str]]:
    """Each relative date a quoted sentence states ("yesterday", "last week", "on Monday"), anchored to its
    source's publication date: (phrase, value, precision), value an ISO day ("day"; for "week", a day inside that
    week) resolved by ``rag.text.dates.find_dates``, or None when the source is undated (the phrase cannot be placed:
    an analyst must not read "last week" as the week the brief was written). Explicit dates ("July 4, 2019",
    "2019") are not listed: they need no anchor. ``context``: the rest of the same source (``find_dates``)."""
    found = find_dates(text, published=published or UNPLACED_ANCHOR, context=context if published else "")
    return [(" ".join(m.text.split()), m.value if published else None, m.precision) for m in found if m.relative]


@cache
def _vague_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((relation, re.compile(rf"\b(?:{p})\b", re.IGNORECASE))
                 for relation, pats in table("vague_times").items() for p in pats)


def vague_times(text: str) -> list[tuple[str, str]]:
    """The relative time words of a quoted sentence that name no calendar day ("recently", "currently", "in the
    coming weeks": ``vague_times.toml``), in text order, each once: (phrase as written, how the time stands to the
    source's date: "before", "at" or "after"). A phrase ``rag.text.dates`` resolves ("earlier this year") is not
    listed (``anchored_dates`` places it)."""
    resolved = relative_spans(text)
    found: dict[str, tuple[int, str, str]] = {}
    for relation, pattern in _vague_patterns():
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in resolved):
                continue
            phrase = " ".join(m.group(0).split())
            found.setdefault(phrase.lower(), (m.start(), phrase, relation))
    return [(phrase, relation) for _, phrase, relation in sorted(found.values())]


def written_on(texts: Sequence[str], published: str | None) -> str | None:
    """The day an article was last written, from its sentences and its date stamp (ISO): the stamp, or a later
    written calendar day the article reports as past ("The army celebrated its anniversary on August 1." in an
    article stamped July 29), at most STALE_DAYS later. An updated story keeps the date stamp of its first
    version (its URL), so its "on Tuesday" resolved against the stamp comes out a week early; a written day is
    read without that stamp, and a past event on it dates the version."""
    try:
        stamp = date.fromisoformat((published or "")[:10])
    except ValueError:
        return published
    latest = stamp
    for text in texts:
        if not _MONTH_RE.search(text) or not _has_past_verb(text):
            continue
        for m in find_dates(text, published=published):
            if m.precision != "day" or not _MONTH_RE.search(m.text) or not _is_event_mention(text, m, None):
                continue
            day = date.fromisoformat(m.value)
            if latest < day <= stamp + timedelta(days=STALE_DAYS) and not is_caption(text, m):
                latest = day
    return latest.isoformat()


def timeline(
    topic: str,
    evidence: Sequence[EvidencePassage],
    cited_docs: set[str],
    embed: Callable[[Sequence[str]], np.ndarray],
    check: Callable[[list[tuple[str, list[str]]]], list],
    *,
    limit: int = TIMELINE_MAX,
    articles: dict[str, list[str]] | None = None,
) -> list[Claim]:
    """Dated on-topic events from the documents in ``cited_docs``: one entry per day (the main event's day and
    the days at least MIN_SOURCES documents report), ordered by date.

    ``embed`` maps texts to unit vectors; ``check`` is ``SupportChecker.check_many`` (each entry is verified
    against its own sentence, as every quote is); ``articles`` (doc id -> its passages' texts, ``article_texts``)
    gives the whole article for the day it was written (``written_on``; the evidence's sentences otherwise)."""
    chunks = {p.chunk.chunk_id: p.chunk for p in evidence}
    sentences = evidence_sentences(evidence)
    # the topic's actors, read against the evidence's sentences and its titles and ledes (a lower-case head)
    openings = [c.title for c in chunks.values() if c.title]
    firsts: dict[str, str] = {}
    lede: dict[str, str] = {}  # a document's first sentence after its headline
    for s in sentences:
        if chunks[s.chunk_id].index == 0:
            firsts.setdefault(s.chunk_id, s.text)
            if junk_reason(s.text) != "heading" and s.text.strip() != (chunks[s.chunk_id].title or "").strip():
                lede.setdefault(s.chunk_id, s.text)
    openings += list(firsts.values())

    def news_lede(s) -> bool:  # a news report's lede: it states the report's main event and its day
        return lede.get(s.chunk_id) == s.text and doc_type(chunks[s.chunk_id]) == DOC_TYPE_OF["news"]

    actors = topic_actors(topic, [s.text for s in sentences], openings)
    # the role classifier and the actor names read English: another language's sentence is not filtered by them
    readable = {cid: typable(c) for cid, c in chunks.items()}
    places = _positions(sentences, chunks)
    # relative days are read against the day each article was last written, not a stale first-version stamp
    doc_texts: dict[str, list[str]] = {}
    for s in sentences:
        doc_texts.setdefault(s.doc_id, []).append(s.text)
    for d, passages in (articles or {}).items():
        doc_texts.setdefault(d, []).extend(x.text for p in passages for x in split_sentences(p))
    stamps = {c.doc_id: c.published for c in chunks.values()}
    written = {d: written_on(doc_texts.get(d, []), stamps[d]) for d in cited_docs if d in stamps}
    dated, where, items = [], [], set()
    for k, s in enumerate(sentences):
        if s.doc_id not in cited_docs or junk_reason(s.text) is not None:
            continue
        published = written.get(s.doc_id, chunks[s.chunk_id].published)
        # a chronology's item names the story as its explainer's title does ("Timeline: the … leak case" over "Police
        # raid the homes of four suspects"), in a chronology's present tense, not a caption's
        item = dated_item(s.text)
        if item is not None and published and item.value > _latest_event_day(published):
            item = None  # a planned step ("- December 3, 2026 — The appeal hearing opens") is no event yet
        said = f"{chunks[s.chunk_id].title or ''}\n{s.text}" if item is not None else s.text
        if actors and readable[s.chunk_id] and not any(names_actor(a, mentions(said)) for a in actors):
            continue  # an event of the topic names one of its actors (Mariupol's theatre is not the Fukushima quake)
        if item is not None:
            items.add(len(dated))
            dated.append((s, item, f"“{' '.join(item.text.split())}”"))
            where.append(places[k])
            continue
        mention, basis = event_date(s.text, published)
        if mention is not None and mention.precision == "day" and not is_caption(s.text, mention):
            dated.append((s, mention, basis))
            where.append(places[k])
    if not dated:
        return _reported_event(topic, sentences, chunks, places, cited_docs, actors, readable, written, embed, check)
    # the role classifier decides what is an event (or a statement)
    preds = sentence_roles([dated_clause(s.text, m) for s, m, _ in dated], positions=where,
                           doc_types=[doc_type(chunks[s.chunk_id]) for s, _, _ in dated])
    preds = [p if readable[s.chunk_id] else None for p, (s, _, _) in zip(preds, dated)]
    # a chronology's item is an event its source states on its day, whatever the classifier reads in its present tense
    keep = [i for i, p in enumerate(preds) if i in items or is_event(p.probs if p is not None else None)]
    if not keep:
        # no dated sentence reads as an event: a news report's lede states its main event and its day whatever the
        # classifier reads in its "will" ("METI said on Monday that it will require licences … from November 1": a
        # statement of Monday, typed a signal), as ``section_picks`` reads a lede for "What happened". Only then: a
        # lede beside other dated events is often a later turn's or another story's (measured on topics-news, s60:
        # as a rule for every brief it set a competing report's lede as the main event, as-of accuracy 0.892 -> 0.838)
        keep = [i for i, (s, _, _) in enumerate(dated) if news_lede(s)]
    listed = frozenset(n for n, i in enumerate(keep) if i in items)
    dated = [(*dated[i], preds[i], written.get(dated[i][0].doc_id)) for i in keep]
    if not dated:
        return _reported_event(topic, sentences, chunks, places, cited_docs, actors, readable, written, embed, check)
    # an item is read under its chronology's title, as its reader reads it
    vecs = embed([topic] + [f"{chunks[d[0].chunk_id].title or ''}: {d[0].text}" if n in listed else d[0].text
                            for n, d in enumerate(dated)])
    sims = vecs[1:] @ vecs[0]
    floor = max(MIN_RELEVANCE, float(sims.max()) - RELEVANCE_GAP)
    ledes = frozenset(i for i, d in enumerate(dated) if news_lede(d[0]))
    chosen = [dated[i] for i in _days(dated, sims, floor, limit, ledes, listed)]
    results = check([(d[0].text, [d[0].text]) for d in chosen])
    events = [_entry(s, mention.value, basis, r.score, pred.role if pred is not None else None)
              for (s, mention, basis, pred, _), r in zip(chosen, results) if r.supported]
    return sorted(events, key=lambda c: (c.date or "", c.citations[0].chunk_id, c.citations[0].start))


def report_dates(sentences: Sequence, published: Mapping[str, str | None]) -> list[tuple[int, int, DateMention]]:
    """(index of the event's sentence, index of the sentence dating its report, the report's day) for each day a
    news report of an event is dated by (``is_report_date``): the sentence itself ("KCNA reported Thursday that
    …"), or, when its subject is the event the sentence before told ("The decision, reported on 2026-06-30 by
    Nikkei Asia, …": ``report_of_previous``), that sentence. ``sentences`` in passage order (``.text``,
    ``.chunk_id``, ``.doc_id``); ``published``: doc id -> the day the article was written, for relative days and
    for dropping days after it."""
    out = []
    for k, s in enumerate(sentences):
        day = published.get(s.doc_id)
        for m in find_dates(s.text, published=day):
            if m.precision != "day" or not is_report_date(s.text, m):
                continue
            if day and m.value > _latest_event_day(day)[: len(m.value)]:
                continue
            previous = k > 0 and sentences[k - 1].chunk_id == s.chunk_id and _cues()["report_of_previous"].match(s.text)
            out.append((k - 1 if previous else k, k, m))
            break
    return out


def _positions(sentences: Sequence, chunks: Mapping) -> list:
    """Each sentence's position among its chunk's sentences, as the role classifier reads it (``role_typing.position``);
    ``sentences`` in passage order."""
    per_chunk = Counter(s.chunk_id for s in sentences)
    seen: Counter = Counter()
    out = []
    for s in sentences:
        out.append(position(chunks[s.chunk_id], seen[s.chunk_id], per_chunk[s.chunk_id]))
        seen[s.chunk_id] += 1
    return out


def _entry(s, day: str, basis: str, score: float, role: str | None) -> Claim:
    """A timeline entry: sentence ``s`` (``.text``, ``.chunk_id``, ``.doc_id``, ``.start``, ``.end``) dated ``day``
    for ``basis``, verified against itself at ``score``."""
    support = round(score, 4)
    marks = heading_marks(s.text)  # a Markdown headline's "# " is not quoted
    marks += entry_stamp_end(s.text[marks:])  # nor a live blog's entry stamp ("09:40 - ", ``entry_stamps``)
    marks += _item_words(s.text[marks:])  # nor a chronology item's date, which the entry shows
    text, start = s.text[marks:], s.start + marks
    return Claim(text=text, date=day, date_basis=basis, verified=True, support=support, role=role,
                 citations=[Citation(chunk_id=s.chunk_id, doc_id=s.doc_id, start=start, end=s.end, quote=text,
                                     support=support)])


def _reported_event(topic: str, sentences: Sequence, chunks: Mapping, places: Sequence, cited_docs: set[str], actors,
                    readable: Mapping[str, bool], written: Mapping[str, str | None], embed: Callable,
                    check: Callable) -> list[Claim]:
    """The timeline of a story none of whose sentences gives its event's day but a report's day: one entry, the
    on-topic event (or statement) a news report is dated by (``report_dates``), dated the day of the report, its
    basis saying so (the event came that day or before). A report's day is not an event's day (``is_report_date``),
    so it dates an entry only when no event has a day of its own; and the event names every one of the topic's
    actors (one is not enough: a 2026 report of Japan's battery approvals, cited in a brief on Japan's 2019 curbs
    on South Korea for another reason, is another story). Empty when there is none."""
    stamps = {d: written.get(d) or c.published for c in chunks.values() for d in [c.doc_id]}
    found = [(e, r, m) for e, r, m in report_dates(sentences, stamps)
             if sentences[e].doc_id in cited_docs and junk_reason(sentences[e].text) is None
             and not (readable[sentences[e].chunk_id]
                      and not all(names_actor(a, mentions(sentences[e].text)) for a in actors))]
    if not found:
        return _lede_event(topic, sentences, chunks, places, cited_docs, actors, readable, written, embed, check)
    events = [sentences[e] for e, _, _ in found]
    preds = sentence_roles([s.text for s in events], positions=[places[e] for e, _, _ in found],
                           doc_types=[doc_type(chunks[s.chunk_id]) for s in events])
    found = [f for f, p, s in zip(found, preds, events) if not readable[s.chunk_id] or is_event(p.probs)]
    if not found:
        return []
    vecs = embed([topic] + [sentences[e].text for e, _, _ in found])
    sims = vecs[1:] @ vecs[0]
    best = int(np.argmax(sims))
    if float(sims[best]) < MIN_RELEVANCE:
        return []
    e, r, m = found[best]
    s = sentences[e]
    result = check([(s.text, [s.text])])[0]
    if not result.supported:
        return []
    phrase = " ".join(sentences[r].text[m.start:m.end].split())
    where = "" if r == e else " in the next sentence"
    basis = (f"“{phrase}”{where}: the day it was reported"
             f"{'' if not m.relative else f' (in an article of {stamps.get(s.doc_id)})'}; {CAME_BY}")
    return [_entry(s, m.value, basis, result.score, "event")]


def _lede_event(topic: str, sentences: Sequence, chunks: Mapping, places: Sequence, cited_docs: set[str], actors,
                readable: Mapping[str, bool], written: Mapping[str, str | None], embed: Callable,
                check: Callable) -> list[Claim]:
    """The timeline of a story none of whose sentences gives a day, neither the event's nor a report's: one entry,
    the event a dated source's headline or lede states (one of the first LEDE_SENTENCES quotable sentences of its
    first passage, ``position`` at the start of the document), dated the day the source was written (``written``,
    else its date stamp), its basis saying so (``SOURCE_DATE_BASIS``: the event came that day or before). News style
    states the main event first, and a report is written the day of its news or just after; a sentence that dates
    itself (any date mention) is not dated by its source. As in ``_reported_event``, the sentence is an event or a
    statement by the role classifier, names every one of the topic's actors and is at least MIN_RELEVANCE close to
    the topic; the most on-topic one is the entry. Empty when no cited source is dated or none leads with such an
    event (an undated source's lede is never placed)."""
    count: Counter = Counter()
    found = []
    for k, s in enumerate(sentences):
        c = chunks[s.chunk_id]
        if s.doc_id not in cited_docs or places[k] is None or doc_type(c) not in DATED_BY_SOURCE:
            continue
        head = places[k][0] == 0 and junk_reason(s.text) == "heading"  # the document's own headline
        if (junk_reason(s.text) is not None and not head) or is_boilerplate(s.text):
            continue
        count[s.chunk_id] += 1
        day = written.get(s.doc_id) or c.published
        if count[s.chunk_id] > LEDE_SENTENCES or not day or find_dates(s.text, published=day):
            continue
        if readable[s.chunk_id] and not all(names_actor(a, mentions(s.text)) for a in actors):
            continue
        found.append((k, day, head))
    if not found:
        return []
    events = [sentences[k] for k, _, _ in found]
    # a headline is typed as a news headline read out of place (one form whatever the document: a generated brief's
    # headline reads as its judgements otherwise), by its roles besides page furniture (which a headline's form
    # always suggests): "China Imposes Export Restrictions on 20 Japanese Firms …" reports an event
    preds = sentence_roles([s.text for s in events], positions=[None if h else places[k] for k, _, h in found],
                           doc_types=["news report" if h else doc_type(chunks[s.chunk_id]) for (_, _, h), s in zip(found, events)])
    keep = [i for i, (p, s, f) in enumerate(zip(preds, events, found))
            if not readable[s.chunk_id] or is_event(_without_furniture(p.probs) if f[2] else p.probs)]
    if not keep:
        return []
    vecs = embed([topic] + [events[i].text for i in keep])
    sims = vecs[1:] @ vecs[0]
    best = int(np.argmax(sims))
    if float(sims[best]) < MIN_RELEVANCE:
        return []
    s, day = events[keep[best]], found[keep[best]][1]
    result = check([(s.text, [s.text])])[0]
    if not result.supported:
        return []
    return [_entry(s, day[:10], SOURCE_DATE_BASIS, result.score, "event")]


def _without_furniture(probs: dict[str, float]) -> dict[str, float]:
    """A role prediction with page furniture left out and the other roles' probabilities renormalised."""
    rest = {r: p for r, p in probs.items() if r != "furniture"}
    total = sum(rest.values()) or 1.0
    return {r: p / total for r, p in rest.items()}


def _days(dated: list[tuple], sims: np.ndarray, floor: float, limit: int,
          ledes: frozenset[int] = frozenset(), listed: frozenset[int] = frozenset()) -> list[int]:
    """Indexes of the entries to show: per day its most on-topic sentence; the story's main event first (the day
    the most documents report as news, i.e. at most NEWS_DAYS before their own date, then the day the most
    report at all, then the most on-topic), then every other day at least MIN_SOURCES documents report, or one
    document reports as its own news in MIN_SOURCES sentences (within OWN_NEWS_DAYS of the day it was written) within
    NEWS_DAYS of the main event's day, or a news report's lede (``ledes``: indexes into ``dated``) gives as its own
    news before the main event's day: an earlier turn of the story told by its own report (the sentencing before
    the appeal, s61). Not a later one: a report leading with a later, other story (a visit after a phone call)
    moved two topics-news briefs' as-of day (0.892 -> 0.838 with later ledes shown too). A day a chronology's item
    gives (``listed``: indexes into ``dated``, ``dated_item``) is shown too: its source states it as an event of the
    story, one a report gives once (s67's new user, F18: a timeline explainer's nine dated items gave one entry), when
    it is MIN_RELEVANCE to the topic, read under its chronology's title (which names the story), not within the gap
    of the most relevant sentence: the explainer's early steps (a resignation, a raid) share few of the topic's words."""
    best: dict[str, int] = {}
    docs: dict[str, set[str]] = {}
    news: dict[str, set[str]] = {}
    own: Counter = Counter()  # (day, doc) -> sentences of that document reporting the day as its own latest news
    led: set[str] = set()  # days a news report's lede gives as its own news
    items: set[str] = set()  # days a chronology's item gives
    for i in sorted(range(len(dated)), key=lambda i: (-sims[i], dated[i][0].chunk_id, dated[i][0].start)):
        s, mention, _, _, published = dated[i]
        day = mention.value
        if published and sims[i] >= MIN_RELEVANCE and abs(_days_between(day, published)) <= OWN_NEWS_DAYS:
            own[day, s.doc_id] += 1  # a sentence of the story below the day's best still tells of that day
        if sims[i] < (MIN_RELEVANCE if i in listed else floor):
            continue  # (a chronology's items are read under its title, which names the story: the absolute floor)
        best.setdefault(day, i)
        docs.setdefault(day, set()).add(s.doc_id)
        if published and _days_between(day, published) <= NEWS_DAYS:
            news.setdefault(day, set()).add(s.doc_id)
        if i in ledes and published and abs(_days_between(day, published)) <= OWN_NEWS_DAYS:
            led.add(day)
        if i in listed:
            items.add(day)
    ranked = sorted(best, key=lambda d: (-len(news.get(d, ())), -len(docs[d]), -sims[best[d]], d))
    main = ranked[:1]
    # one report's own news is a later (or earlier) day of the same running story: near the main event's day, not
    # weeks away in a report of another story that a section cited; an earlier report's lede is that report's news
    keep = main + [d for d in ranked[1:] if len(docs[d]) >= MIN_SOURCES or d in led and d < main[0] or d in items
                   or any(own[d, doc] >= MIN_SOURCES for doc in docs[d]) and abs(_days_between(d, main[0])) <= NEWS_DAYS]
    return [best[d] for d in keep[:limit]]


def _days_between(day: str, published: str) -> int:
    """Days from ``day`` to ``published`` (both ISO; negative when the day is later)."""
    try:
        return (date.fromisoformat(published[:10]) - date.fromisoformat(day)).days
    except ValueError:
        return 1 << 20


def article_texts(get_chunks: Callable[[list[str]], dict], doc_ids: set[str], max_chunks: int = ARTICLE_CHUNKS) -> dict[str, list[str]]:
    """doc id -> the texts of its first ``max_chunks`` passages in order, read through ``get_chunks``
    (``Catalog.get_chunks``: chunk id -> row; ids it lacks are left out): the whole article, for ``written_on``."""
    wanted = [chunk_id_for(d, i) for d in sorted(doc_ids) for i in range(max_chunks)]
    rows = get_chunks(wanted) if wanted else {}
    out: dict[str, list[str]] = {}
    for cid in wanted:
        if cid in rows:
            out.setdefault(rows[cid]["doc_id"], []).append(rows[cid]["text"])
    return out


def lede_passages(get_chunks: Callable[[list[str]], dict], doc_ids: set[str], evidence: Sequence[EvidencePassage]) -> list[EvidencePassage]:
    """The first passage of each document in ``doc_ids`` that ``evidence`` lacks, read through ``get_chunks``
    (``Catalog.get_chunks``: chunk id -> row): a news story states its main event and the day in its lede,
    which a search for the topic often ranks below the passages that repeat the topic's words."""
    have = {p.chunk.chunk_id for p in evidence}
    wanted = sorted(cid for cid in (chunk_id_for(d, 0) for d in doc_ids) if cid not in have)
    rows = get_chunks(wanted) if wanted else {}
    return [EvidencePassage(f"L{i + 1}", chunk_from_row(rows[cid]), 0.0) for i, cid in enumerate(c for c in wanted if c in rows)]


def story_sources(evidence: Sequence, days: Sequence[str | None]) -> set[str]:
    """The doc ids whose evidence (passages or search hits: anything with a ``.chunk``) states one of the
    timeline's ``days`` (ISO dates) as a day: the sources that report the
    story's events. A cited source that states none of them is a background or side story (a later article on
    the same actors that recalls the story), and its date is not the story's latest evidence. A live blog's entries
    (``doc_kind.is_live_blog`` of its text) are its own day's news of the story, dated by their stamps, not by a day the
    timeline gives: a cited live blog reports the story however few of its entries state a day (s65's new user F16:
    "as of" stayed at the report of 2026-10-22 under a cited live blog of 2026-11-05)."""
    wanted = {d for d in days if d}
    if not wanted:
        return set()
    found = set()
    for p in evidence:
        if p.chunk.doc_id in found:
            continue
        # a search hit's window (the passage with its neighbours) when it has one: a later report often restates
        # the event's day a paragraph away from the passage the brief quotes
        window = getattr(p, "context", None)
        text = window[0] if window else p.chunk.text
        if is_live_blog(text=text) or any(m.precision == "day" and m.value in wanted
                                     for m in find_dates(text, published=p.chunk.published)):
            found.add(p.chunk.doc_id)
    return found


def as_of_date(published: Sequence[str | None], event_dates: Sequence[str | None], until: str | None) -> str | None:
    """The latest on-topic evidence date: the newest publication date of the sources the brief cites (the caller
    passes those that report the timeline's days, ``story_sources``, when there is a timeline), else (all
    undated) its latest event date; never past ``until``; ``until`` (or None) when nothing is dated. Never today."""
    dates = [d for d in published if d] or [d for d in event_dates if d]
    if not dates:
        return until
    latest = max(dates)
    return min(latest, until) if until else latest


def basis_shown(basis: str | None) -> bool:
    """Whether a timeline entry shows its date's basis: the reader cannot see it in the quote. A relative day read
    against an article's date ("“yesterday” in an article of 2019-07-10"), the source's own date standing for the
    event's (``SOURCE_DATE_BASIS``), or the day a report was made, stated in the quote or the sentence after it,
    standing for the event's (``CAME_BY``: "“2026-06-30” in the next sentence: the day it was reported; the event came
    that day or before"). A date the quoted sentence itself states as the event's needs no note."""
    b = basis or ""
    return " in an article of " in b or b == SOURCE_DATE_BASIS or b.endswith(CAME_BY)
