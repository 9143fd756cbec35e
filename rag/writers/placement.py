"""Where a brief places a quote its reader cannot date or check: undated sources after the dated story, marked as
such; a sentence whose point is who someone is, from a source no one can be named for, as background.

Both run at brief assembly (``rag.pipeline``), after attribution (``attribution.attribute_claims``), and change
only the order of a section's claims, their attribution and, for an identity sentence, its section: what the
writer quoted is unchanged.

- **Undated material in a dated story.** A brief whose cited sources include dated ones is a story of those dates
  (its header says "as of <date>"); a quote from an undated source (a page with no date stamp, an unnamed roundup)
  could be from any year: a roundup naming "Yasutoshi Nishimura, Japan's Minister of Economy, Trade and Industry"
  is of 2022–2023, not of a 2026 story. Unless the undated document belongs to the story of a dated one (the same
  ``story_id``: a copy or follow-up of a dated report), its quotes come after the dated sources' quotes in each
  section and are marked: "Taipei Times (undated source) reports: …", "According to an unnamed roundup citing
  Kyodo News (undated source): …". The hypotheses section keeps its order (each explanation is weighed with its
  own evidence).
- **Identity from an unnamed source.** "The request was reportedly conveyed through channels involving Gene
  Raymond, the US Secretary of Commerce, to Yasutoshi Nishimura, Japan's Minister of Economy, Trade and Industry."
  mostly says who people are (names with their offices make up most of it); from a source the reader can neither
  name nor weigh it is background to check, not a development (the roundup's Secretary of Commerce was Gina
  Raimondo). From a named report it stays where the writer put it (the channel of a request is a fact of the story).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable, Mapping, Sequence

from rag.brief import Claim, Section, Source
from rag.text.lexicon import word_list
from rag.writers.attribution import unnamed

__all__ = ["IDENTITY_SHARE", "LEAD_TYPES", "REPORT_TYPES", "dated_event", "identity_share", "is_identity_sentence", "is_report", "mark_undated",
           "undated_sources", "identity_to_background"]

#: a sentence is about who people are when names with their offices cover at least this share of its characters
IDENTITY_SHARE = 0.55  # a reported statement by a titled speaker ("South Korean Minister of Trade, Industry and Energy Sung Yun-mo said that ...") is 0.46
#: what an undated source's name is marked with in a dated brief
UNDATED_MARK = " (undated source)"

_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
_CAP = r"[A-Z][\w'’.-]*"


@cache
def _office_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    titles = sorted((t for t in word_list("titles") if len(t) > 2), key=len, reverse=True)
    title = r"(?:" + "|".join(re.escape(t.capitalize()) for t in titles) + r")"
    # "Minister of Economy, Trade and Industry", "Secretary of Commerce", "Foreign Minister"
    office = rf"(?:{_CAP}\s+){{0,3}}{title}(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:(?:,\s+|\s+and\s+|\s+){_CAP})*)?"
    # "Gene Raymond, the US Secretary of Commerce" / "Yasutoshi Nishimura, Japan's Minister of ..."
    appositive = re.compile(rf"{_NAME},\s+(?:the\s+|an?\s+|{_CAP}['’]s\s+)?{office}")
    # "Japanese Chief Cabinet Secretary Yoshihide Suga"
    prefixed = re.compile(rf"{office}\s+{_NAME}")
    return appositive, prefixed


def identity_share(text: str) -> float:
    """The share (0..1) of ``text``'s characters inside a name with its office: an appositive ("Gene Raymond, the
    US Secretary of Commerce") or an office before the name ("Chief Cabinet Secretary Yoshihide Suga"); offices are
    ``titles.txt`` words."""
    spans: list[tuple[int, int]] = []
    for pattern in _office_patterns():
        spans += [m.span() for m in pattern.finditer(text)]
    covered = set()
    for a, b in spans:
        covered.update(range(a, b))
    body = len(text.strip()) or 1
    return len(covered) / body


def is_identity_sentence(text: str) -> bool:
    """Whether a sentence's point is who people are: names with their offices make up ``IDENTITY_SHARE`` of it."""
    return identity_share(text) >= IDENTITY_SHARE


def _cited(claim: Claim, sources: Mapping[int, Source]) -> list[Source]:
    return [sources[i] for i in dict.fromkeys(c.source for c in claim.citations) if i in sources]


def undated_sources(sources: Iterable[Source], story_of: Mapping[str, str], dated_by: Iterable[Source] | None = None) -> set[int]:
    """Indices of the cited ``sources`` that are undated in a dated brief: no publication date and not of the story
    of a dated source of ``dated_by`` (default ``sources``; the brief's on-topic sources date it,
    ``confidence.on_topic_sources``; ``story_of``: doc id -> story id). Empty when none of them is dated (then
    nothing is placed after anything: the header says the brief is undated)."""
    srcs = list(sources)
    dated_stories = {story_of.get(s.doc_id, s.doc_id) for s in (srcs if dated_by is None else dated_by) if s.published}
    if not dated_stories:
        return set()
    return {s.index for s in srcs if not s.published and story_of.get(s.doc_id, s.doc_id) not in dated_stories}


def mark_undated(sections: Sequence[Section], sources: Mapping[int, Source], undated: set[int], *,
                 keep_order: Iterable[str] = ("hypotheses",)) -> int:
    """In each claims section (but ``keep_order``), the claims whose every source is in ``undated`` move after the
    others (stable), and each such claim's attribution names its source as undated ("Taipei Times (undated source)
    reports"; a claim stated as fact gets that attribution). Returns how many claims were marked.

    The brief's lead (the first claims section's first claim: the headline or BLUF) is the brief's best dated event
    when its first claim is undated (``dated_event``: "WorldWideWatchers (AI-generated brief, 2026) reports: “China
    Imposes Export Restrictions on 20 Japanese Firms …”" over an undated roundup's "US authorities have asked …";
    the roundup's claim takes the dated one's place). Without a dated event it stays first when it is a report
    (``is_report``) and no dated claim of that section is: the main event from a report leads, marked undated,
    rather than a generated brief's or an essay's judgement ("WorldWideWatchers assesses: … a strategic move likely
    aimed at …")."""
    if not undated:
        return 0
    kept = set(keep_order)
    lead = next((s for s in sections if s.kind == "claims"), None)
    if lead is not None and lead.claims and _undated(lead.claims[0], sources, undated):
        _lead_with_dated_event(sections, lead, sources, undated, kept)
    n = 0
    for section in sections:
        if section.kind != "claims":
            continue
        late = []
        for claim in section.claims:
            cited = _cited(claim, sources)
            if cited and all(s.index in undated for s in cited):
                _mark(claim, cited[0])
                late.append(claim)
                n += 1
        if late and section.name not in kept:
            first = section.claims[0] if section is lead else None
            stays = first in late and is_report(first, sources) and not any(
                is_report(c, sources) for c in section.claims if c not in late)
            section.claims = ([first] if stays else []) + [c for c in section.claims if c not in late] + [
                c for c in late if not (stays and c is first)]
    return n


#: source types whose sentences report (``source_types``): the others judge (analysis, opinion) or digest (generated)
REPORT_TYPES = frozenset({"news", "official"})
#: roles of a claim that reports what happened or was said
REPORTED_ROLES = frozenset({"event", "statement"})


def is_report(claim: Claim, sources: Mapping[int, Source]) -> bool:
    """Whether a claim reports what happened or was said (its role) and every source it cites is a report (a news
    report or an official statement, not an analysis, opinion or generated brief)."""
    cited = _cited(claim, sources)
    return bool(cited) and claim.role in REPORTED_ROLES and all(s.source_type in REPORT_TYPES for s in cited)


#: source types whose dated events may lead a brief, best first: a report's, then a generated digest's (it recounts
#: the news of its date); an analysis recounting events is background to its argument
LEAD_TYPES = (REPORT_TYPES, frozenset({"generated"}))


def _undated(claim: Claim, sources: Mapping[int, Source], undated: set[int]) -> bool:
    cited = _cited(claim, sources)
    return bool(cited) and all(s.index in undated for s in cited)


def dated_event(claim: Claim, sources: Mapping[int, Source], types: frozenset[str]) -> bool:
    """Whether a claim reports what happened or was said (its role) and every source it cites is dated and of one
    of ``types`` (``source_types``: news, official, generated, analysis)."""
    cited = _cited(claim, sources)
    return (bool(cited) and claim.role in REPORTED_ROLES
            and all(s.published and s.source_type in types for s in cited))


def _lead_with_dated_event(sections: Sequence[Section], lead: Section, sources: Mapping[int, Source],
                           undated: set[int], kept: set[str]) -> None:
    """Put the brief's best dated event first in ``lead`` (whose first claim is undated): the first dated event of a
    report in the order the writer ranked the claims sections (the lead section first), else of a generated digest;
    one from another section swaps places with the undated lead. Nothing moves when there is none."""
    for types in LEAD_TYPES:
        for section in sections:
            if section.kind != "claims" or section.name in kept:
                continue
            for i, claim in enumerate(section.claims):
                if dated_event(claim, sources, types) and not _undated(claim, sources, undated):
                    first = lead.claims[0]
                    if section is lead:
                        lead.claims = [claim] + [c for c in lead.claims if c is not claim]
                    else:
                        section.claims = section.claims[:i] + [first] + section.claims[i + 1:]
                        lead.claims = [claim] + lead.claims[1:]
                    return


def _mark(claim: Claim, source: Source) -> None:
    name = source.attributed_as or source.publisher
    if not claim.attribution:
        claim.attribution = f"{name or 'An unnamed source'}{UNDATED_MARK} reports"
    elif name and name in claim.attribution and UNDATED_MARK not in claim.attribution:
        at = claim.attribution.index(name) + len(name)
        claim.attribution = claim.attribution[:at] + UNDATED_MARK + claim.attribution[at:]


def identity_to_background(sections: Sequence[Section], sources: Mapping[int, Source], *,
                           frm: str = "developments", to: str = "background") -> int:
    """Move the claims of section ``frm`` whose point is who people are (``is_identity_sentence``) and whose every
    source is unnamed (``attribution.unnamed``) or a generated brief to section ``to``, when the brief has both
    sections. Returns how many moved."""
    by_name = {s.name: s for s in sections}
    src, dst = by_name.get(frm), by_name.get(to)
    if src is None or dst is None:
        return 0
    moved = [c for c in src.claims
             if is_identity_sentence(c.text) and (cited := _cited(c, sources))
             and all(unnamed(s) or s.source_type == "generated" for s in cited)]
    if moved:
        src.claims = [c for c in src.claims if c not in moved]
        dst.claims = dst.claims + moved
    return len(moved)
