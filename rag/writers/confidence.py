"""Analytic confidence of a brief, following ICD 203: derived from the evidence base, stated with its reason.

Confidence is kept apart from likelihood: the sources' own "likely" or "may" stay in the quoted sentences; the
level here says how well the brief's evidence supports it.

**On-topic sources** (``on_topic_sources``): a cited news report or official statement is on-topic evidence (its
document passed the writer's on-topic test); an analysis, essay or generated brief is when one of the brief's claims
that cite it names the topic's actors (``actor_names``: places, names, the story's subject) as fully as the best
claim of the brief does (one fewer when the topic names three or more), the relative cut ``on_topic`` makes between
documents, applied to what the brief quotes of each. A generated brief of several stories quoted for another of
its stories ("South Korea's chip-hub pitch ..." in a brief on Japan's curbs on Korea) is cited, not on-topic.

**Independent reporting**: the on-topic sources are grouped so that republished copies of one story (``story_id``
from rag/dedup.py) and several articles of one publisher count once. Only news reports and official statements
are independent reporting: an analysis, an opinion essay or an AI-generated brief draws on reporting and
corroborates nothing on its own (ICD 203: sources are weighed by their access and independence). With R the
number of independent on-topic reports:

- R = 0 or 1: Low;
- R = 2: Moderate;
- R >= 3: High (whether they agree is not checked offline: a quote can only be checked against its own source).

Never High from a single source. The reason names what it counted (the reports, their types and dates) and what it
did not (the analyses and generated briefs also cited, with their dates): "Low: one independent on-topic report (a
news report), undated; also cited, not independent reporting: an analysis or opinion piece (2020-03-31), an
AI-generated brief (2026-02-25)."
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from rag.brief import Claim, Confidence, Source
from rag.text.keys import publisher_key
from rag.text.lexicon import table
from rag.writers.actor_names import mentions, names_actor, read_topic
from rag.writers.key_terms import stems
from rag.writers.on_topic import common_noun_terms, topic_stems
from rag.writers.attribution import unnamed
from rag.writers.source_types import REPORTING

__all__ = ["assess_confidence", "independent_groups", "on_topic_sources"]

_TYPE_RANK = {"official": 0, "news": 1, "analysis": 2, "generated": 3}
_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def on_topic_sources(topic: str, sources: Sequence[Source], claims: Sequence[Claim]) -> list[Source]:
    """The cited ``sources`` (in order) that are on-topic evidence. A news report or official statement is: the
    writer quotes a report only when its document passed the on-topic test (``on_topic.topical_documents``: the
    topic's actors and the story's run of reports), and a later report of the story quotes its new facts, which need
    not repeat the topic's names (measured: requiring it lost the latest gold report of 4 of 37 topics-news briefs).
    An analysis, essay or generated brief is not judged by a story's run, and a generated brief covers several
    stories: it is on-topic only when one of ``claims`` citing it names the topic's actors as fully as the
    best-covered claim does (one fewer when the topic names three or more; for a topic of common nouns, its
    distinctive words, ``on_topic.common_noun_terms``, and then a report too counts only through such a claim: the
    writer had no actors to judge its document by).
    Every cited source when the topic names nothing a claim names (nothing to tell them apart by)."""
    cited = [s for s in sources if any(c.doc_id == s.doc_id for cl in claims for c in cl.citations)]
    reading = read_topic(topic, [c.text for c in claims], [s.title for s in cited if s.title])
    actors = reading.all
    if actors:
        share = [sum(1 for a in actors if names_actor(a, found)) / len(actors)
                 for found in (mentions(c.text) for c in claims)]
        units, many = len(actors), len(reading.names) >= 3
    else:  # a topic of common nouns ("battery cybersecurity approval"): its words are what a claim must name, its
        # distinctive ones when it has them (a generic word, "approval", is named by any story)
        words = set(common_noun_terms(topic, reading.names)) or set(topic_stems(topic))
        if not words:
            return cited
        share = [len(words & set(stems(c.text))) / len(words) for c in claims]
        units, many = len(words), len(words) >= 3
    best = max(share, default=0.0)
    if best <= 0:
        return cited
    need = best - (1.0 / units if many else 0.0) - 1e-9
    shown = {c.doc_id for cl, s in zip(claims, share) if s >= need for c in cl.citations}
    # a topic of common nouns has no actors by which the writer judged a report's document: a report, too, is
    # on-topic only through a claim naming the topic's distinctive words
    judged = bool(actors) or not common_noun_terms(topic, reading.names)
    return [s for s in cited if (judged and s.source_type in REPORTING) or s.doc_id in shown]


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


def _reports_phrase(reports: list[list[Source]]) -> str:
    """What the counted reports are: their types ("two news reports"), an unnamed one by what it is ("an unnamed
    roundup citing Kyodo News, Taiwan International Radio, Financial Times": ``Source.attributed_as``), which "a news
    report" would pass off as an outlet's own reporting."""
    named = [_best_type(g) for g in reports if not _unnamed_as(g)]
    unnamed = list(dict.fromkeys(a for g in reports if (a := _unnamed_as(g))))
    return ", ".join(([_types_phrase(named)] if named else []) + unnamed)


def _unnamed_as(group: list[Source]) -> str:
    """How an unnamed group is attributed ("an unnamed roundup citing Kyodo News"), or "" when one of its sources
    names its outlet."""
    if any(not unnamed(s) for s in group):
        return ""
    return next((s.attributed_as for s in group if s.attributed_as), "")


def _dating(groups: list[list[Source]]) -> str:
    """", dated 2022-08-02 to 2022-08-05, one undated" for the groups (a group is dated when one of its articles is)."""
    dates = sorted(s.published for g in groups for s in g if s.published)
    undated = sum(1 for g in groups if not any(s.published for s in g))
    n = len(groups)
    when = f", dated {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "") if dates else ""
    if undated:  # "one independent on-topic report (a news report), undated"; "(two news reports), both undated"
        when = (", undated" if n == 1 else ", both undated" if n == 2 == undated else ", all undated" if undated == n
                else f"{when}, {_count(undated)} undated")
    return when


def _best_type(group: list[Source]) -> str:
    # a group is as strong as its best source: a news report republished by an aggregator is still a news report
    return min((s.source_type for s in group), key=lambda t: _TYPE_RANK.get(t, 9))


def _not_counted(groups: list[list[Source]]) -> str:
    """"an analysis or opinion piece (2020-03-31), two AI-generated briefs (2026-02-25, 2026-06-30)" for the groups
    (each by its best type, dated by its newest article), or ""."""
    counted = table("source_types")["counted"]
    by_type: dict[str, list[str]] = {}
    for g in groups:
        by_type.setdefault(_best_type(g), []).append(max((s.published for s in g if s.published), default="undated"))
    parts = []
    for t in sorted(by_type, key=lambda t: _TYPE_RANK.get(t, 9)):
        days = sorted(by_type[t])
        one, many = counted.get(t, [t, t + "s"])
        parts.append(f"{one if len(days) == 1 else _count(len(days)) + ' ' + many} ({', '.join(days)})")
    return ", ".join(parts)


def assess_confidence(sources: Iterable[Source], story_of: Mapping[str, str] | None = None,
                      off_story: Sequence[Source] = (), cited: Sequence[Source] = (), told: Sequence[Source] = ()) -> Confidence:
    """Confidence from the on-topic sources a brief cites (``story_of``: doc id → story id, for collapsing
    republished copies); see the module docstring for the rules. ``independent_sources`` counts the independent
    on-topic reports (news reports and official statements after collapse), ``source_types`` gives their types,
    ``cited_not_counted`` the types of the on-topic commentary cited beside them (analysis, generated). ``off_story``:
    the undated reports the brief set aside, before writing, as another story's (``on_topic.off_story_undated``, the
    brief's one off-story judgement): never cited, so never counted, and named in the reason ("; set aside, undated
    and its lede reports another story: an unnamed roundup citing Kyodo News …"). ``cited``: every source the brief
    cites (its numbered sources); those not among ``sources`` are named too ("; also cited, not on the topic's story:
    an analysis or opinion piece (2020-03-31)"), so that the reason accounts for every source a section quotes, not
    only the counted ones. ``told``: the cited sources the brief tells the story from (its lead section, its
    timeline): commentary among them is on the story, as the sections that quote it read it, and is named with the
    on-topic commentary ("also cited, not independent reporting: … an AI-generated brief (2026-02-25)"), never "not
    on the topic's story" beside a What happened, timeline and "as of" that rest on it; it never counts toward the
    level, which only independent reports set."""
    sources = list(sources)
    have = {s.doc_id for s in sources}
    sources += [s for s in dict((s.doc_id, s) for s in told).values() if s.doc_id not in have and s.source_type not in REPORTING]
    conf = _assess(sources, story_of or {})
    counted = {s.doc_id for s in sources}
    aside = [s for s in cited if s.doc_id not in counted]
    if aside:
        groups = independent_groups(aside, story_of or {})
        conf.reason = f"{conf.reason.rstrip('.')}; also cited, not on the topic's story: {_not_counted(groups)}."
    if off_story:
        names = list(dict.fromkeys(s.attributed_as or f"an undated {s.source_type} report" for s in off_story))
        conf.reason = f"{conf.reason.rstrip('.')}; set aside, undated and its lede reports another story: {', '.join(names)}."
    return conf


def _assess(sources: list[Source], story_of: Mapping[str, str]) -> Confidence:
    groups = independent_groups(sources, story_of)
    if not groups:
        return Confidence(level="low", reason="no on-topic source.", independent_sources=0, source_types=[])
    reports = [g for g in groups if _best_type(g) in REPORTING]
    commentary = [g for g in groups if _best_type(g) not in REPORTING]
    types = [_best_type(g) for g in reports]
    # what was cited and not counted, by type, as the reason names it (the JSON reader's "source_types: []" beside a
    # cited generated brief said nothing of it)
    uncounted = sorted((_best_type(g) for g in commentary), key=lambda t: _TYPE_RANK.get(t, 9))
    r = len(reports)
    others = _not_counted(commentary)
    if r == 0:  # "no independent on-topic report; cited: an AI-generated brief (2026-06-30), not independent reporting"
        return Confidence(level="low", reason=f"no independent on-topic report; cited: {others}, not independent reporting.",
                          independent_sources=0, source_types=[], cited_not_counted=uncounted)
    others = f"; also cited, not independent reporting: {others}" if others else ""
    what = f"{_count(r)} independent on-topic report{'s' if r != 1 else ''} ({_reports_phrase(reports)})"
    articles = sum(len(g) for g in reports)
    if articles > r:  # say why several articles count as fewer sources
        what += f"; {articles} articles, copies or one outlet's reports counted once"
    what += _dating(reports)
    if r == 1:
        level, why = "low", ""
    elif r == 2:
        level, why = "moderate", "; fewer than three independent reports"
    else:
        level, why = "high", "; whether they agree is not checked offline"
    return Confidence(level=level, reason=f"{what}{why}{others}.", independent_sources=r, source_types=types,
                      cited_not_counted=uncounted)
