"""Ranking of fused search candidates: weighted reciprocal rank fusion, recency within the date bound, and
article-level aggregation of several passages. Pure functions over ids and scores (no index access)."""

from __future__ import annotations

import re
from functools import cache
from typing import Mapping, Sequence

from rag.text.dates import iso_day
from rag.text.lexicon import word_list
from rag.text.weekdays import weekday_mentions


def weighted_rrf(rankings: Sequence[tuple[Sequence[str], float]], *, k: int = 60) -> dict[str, float]:
    """Weighted reciprocal rank fusion: per item, the sum of ``weight / (k + rank)`` over the rankings it is in."""
    scores: dict[str, float] = {}
    for ranking, weight in rankings:
        if weight <= 0:
            continue
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


def convex_fusion(rankings: Sequence[tuple[Sequence[str], Mapping[str, float], float]]) -> dict[str, float]:
    """Score fusion (a convex combination of normalised scores, not of ranks): per item, the sum over the rankings
    of ``weight * (score - lowest) / (highest - lowest)``, the scores min-max normalised within each ranking's own
    list (its best item 1.0, its last 0.0; an item a ranking did not return gets 0 from it). Each ranking is
    (ids best first, score by id, weight); an id without a score counts as the list's lowest. A ranking whose
    scores are all equal gives each of its items its weight. Unlike RRF it keeps how far apart two candidates'
    scores are (Bruch et al. 2023, "An analysis of fusion functions for hybrid retrieval")."""
    fused: dict[str, float] = {}
    for ranking, score_of, weight in rankings:
        if weight <= 0 or not ranking:
            continue
        values = [score_of[i] for i in ranking if i in score_of]
        if not values:
            continue
        lo, hi = min(values), max(values)
        span = hi - lo
        for item in ranking:
            norm = (score_of.get(item, lo) - lo) / span if span > 0 else 1.0
            fused[item] = fused.get(item, 0.0) + weight * norm
    return fused


def recency_factor(published: str | None, reference: str | None, *, half_life_days: float, floor: float) -> float:
    """Share of a passage's score kept for its age (days before ``reference``, both ISO dates): 1.0 at age 0,
    decaying towards ``floor`` with the given half-life. 1.0 for everything when the half-life is 0 or there is
    no reference date; an undated passage gets ``floor`` (its age is unknown, so it is not counted as news);
    a passage dated after the reference counts as age 0."""
    if half_life_days <= 0:
        return 1.0
    ref = iso_day(reference)
    if ref is None:
        return 1.0
    pub = iso_day(published)
    if pub is None:
        return floor
    age = max(0, (ref - pub).days)
    return floor + (1.0 - floor) * 0.5 ** (age / half_life_days)


def article_order(scores: Mapping[str, float], doc_of: Mapping[str, str], *, weight: float, depth: int = 3) -> list[str]:
    """Chunk ids, best first: each article's best passage is keyed by its score plus ``weight`` times the sum of
    the article's next ``depth - 1`` passages' scores (an article several passages of which match outranks one
    lucky passage); its other passages keep their own score. Ties go to the smaller chunk id."""
    by_doc: dict[str, list[str]] = {}
    for cid in sorted(scores, key=lambda c: (-scores[c], c)):
        by_doc.setdefault(doc_of.get(cid, cid), []).append(cid)
    key = dict(scores)
    if weight > 0:
        for cids in by_doc.values():
            key[cids[0]] = scores[cids[0]] + weight * sum(scores[c] for c in cids[1:depth])
    return sorted(key, key=lambda c: (-key[c], c))


_NAME_OR_NUMBER = re.compile(r"(?<![\w'’])(?:[A-Z][\w'’.&-]*\w|[A-Z]|\d[\d,.:/%]*\d|\d)(?![\w])")
_QUOTED = re.compile(r"[\"“”‘’«»]([^\"“”‘’«»]{2,80})[\"“”‘’«»]")


def names_and_numbers(query: str) -> list[str]:
    """The words of ``query`` that name something: capitalized words other than the first word, numbers, and
    quoted phrases ("Which show did Netflix renew for a 2nd season of “Squid Game”?" → Netflix, 2, Squid Game)."""
    found = [m.group(1).strip() for m in _QUOTED.finditer(query)]
    first = re.match(r"\W*[\w'’-]+", query)
    skip = first.end() if first else 0
    found += [m.group(0) for m in _NAME_OR_NUMBER.finditer(query) if m.start() >= skip]
    return found


def keyword_query(query: str, *, name_copies: int) -> str:
    """The BM25 query: ``query`` plus ``name_copies`` more copies of its names and numbers, so a rare name weighs
    more than the question's other words (BM25 sums a term's score once per occurrence in the query)."""
    if name_copies <= 0:
        return query
    names = names_and_numbers(query)
    return " ".join([query, *(names * name_copies)]) if names else query


_SLUG_WORD = re.compile(r"[A-Za-z]+|\d+")


def url_slug(url: str | None) -> str:
    """The words of a URL's slug, the path segment a news site writes the headline into ("…/2022/09/18/sport/
    wnba-final-las-vegas-aces/index.html" → "wnba final las vegas aces"): the path segment of the most hyphen- or
    underscore-joined words that hold a letter (the page name "index.html", a file extension and a numeric story id
    are no words of it); "" when no segment has two such words (a homepage, "/story/12345/")."""
    if not url:
        return ""
    path = re.sub(r"[?#].*", "", re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url.strip(), flags=re.I))
    best: list[str] = []
    for segment in path.split("/"):
        segment = re.sub(r"\.(?:s?html?|php|aspx?)$", "", segment, flags=re.I)
        if not re.search(r"[-_]", segment):
            continue
        found = [w for w in re.split(r"[-_]+", segment) if _SLUG_WORD.fullmatch(w)]
        if sum(1 for w in found if re.search(r"[A-Za-z]", w)) >= 2 and len(found) > len(best):
            best = found
    return " ".join(best)


def title_match(query_weights: Mapping[str, float], title_terms: frozenset[str]) -> float:
    """Share (0..1) of the query's keyword weight found in a headline: the summed weights (IDF) of the query terms
    that occur among ``title_terms``, over the summed weights of all query terms; 0.0 for an empty query."""
    total = sum(query_weights.values())
    if total <= 0:
        return 0.0
    return sum(w for t, w in query_weights.items() if t in title_terms) / total


_MENDS = [(re.compile(r"\s{2,}"), " "), (re.compile(r"\s+([,;:])"), r"\1"), (re.compile(r"([,;:])(?:\s*[,;:])+"), r"\1"),
          (re.compile(r"[\s,;:]+([?.!])"), r"\1")]


@cache
def _scaffolding() -> re.Pattern[str] | None:
    phrases = word_list("query_scaffolding")
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in phrases) + r")(?!\w)", re.I) if phrases else None


def question_core(query: str) -> str:
    """``query`` without the phrases that only say how it asks (``data/query_scaffolding.txt``: "which of the
    following", "this week", "recently"), spaces collapsed; the query itself when nothing else would remain."""
    rx = _scaffolding()
    if rx is None:
        return query
    core = rx.sub(" ", query)
    for gap, mend in _MENDS:  # the punctuation a dropped phrase leaves doubled or dangling
        core = gap.sub(mend, core)
    core = core.strip(" ,;:")
    return core if re.search(r"\w", core) else query


def event_day(query: str, reference: str | None) -> str | None:
    """The ISO day a question's weekday denotes in a search as of ``reference`` (``rag.text.weekdays``: "… died
    Thursday" asked on Friday 2022-09-09 → 2022-09-08; "Black Friday" is no weekday); None when the query names
    no weekday, or weekdays of two different days, or there is no reference date."""
    ref = iso_day(reference)
    if ref is None:
        return None
    days = {m.day for m in weekday_mentions(query, ref)}
    return days.pop() if len(days) == 1 else None
