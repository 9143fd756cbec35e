"""A brief leads with the main event from a report, and "What happened" quotes its own story's part of a digest's
title (issue 10, item 4), on inputs written beyond the two a user saw on the sample corpus:

- ``brief write "Japan and China export controls" -t assessment``: the BLUF and headline were a generated site's
  judgement ("WorldWideWatchers assesses: … a strategic move likely aimed at …") because the one news report's lede
  was undated and undated material is placed after the dated story (``placement.mark_undated``); the lead now stays
  the report's, marked undated, unless a dated report leads instead;
- ``brief write "battery cybersecurity approval"``: "What happened" quoted the digest's whole title, two thirds of it
  other stories ("…—while China prosecutes chip smugglers and Korea pitches a new chip hub"); each story of a
  digest's title is now a candidate of its own (``digest_titles``).
"""

from __future__ import annotations

import pytest

from rag.brief import Citation, Claim, Section, Source
from rag.templates import TemplateLibrary
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates
from rag.writers.digest_titles import split_digest_titles, story_parts
from rag.writers.placement import is_report, mark_undated, undated_sources
from tests.test_hypotheses_reported import PROMPTS

DIGESTS = [
    ("Japan blocks Chinese battery makers over cybersecurity—while China prosecutes chip smugglers and Korea pitches "
     "a new chip hub", ["Japan blocks Chinese battery makers over cybersecurity", "China prosecutes chip smugglers",
                        "Korea pitches a new chip hub"]),
    ("US adds 28 Chinese firms to its entity list; EU weighs tariffs on Chinese EVs",
     ["US adds 28 Chinese firms to its entity list", "EU weighs tariffs on Chinese EVs"]),
    ("EU freezes Bank Rossiya assets — while Japan sanctions Russian oligarchs and Seoul halts chip exports",
     ["EU freezes Bank Rossiya assets", "Japan sanctions Russian oligarchs", "Seoul halts chip exports"]),
    ("Lazarus hackers drain the Ronin bridge | Taiwan hosts a chip summit | Pound hits a record low",
     ["Lazarus hackers drain the Ronin bridge", "Taiwan hosts a chip summit", "Pound hits a record low"]),
    ("Squid Game wins six Emmys, while NATO invites Finland and Sweden to join",
     ["Squid Game wins six Emmys", "NATO invites Finland and Sweden to join"]),
]
ONE_STORY = [
    "Japan and Korea sign a chip pact",
    "Vietnam tightens export licensing for rare earth magnets as Hanoi weighs a wider regime for the batteries it makes",
    "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo",
    "Seoul summons Japan's ambassador over curbs on the chemicals its chipmakers need",
    "Xi and Putin meet in Samarkand; talks",  # a part of two words is no story of its own
]


@pytest.mark.parametrize("title, parts", DIGESTS)
def test_a_digest_title_is_cut_into_the_stories_it_names(title, parts):
    assert [title[a:b] for a, b in story_parts(title)] == parts


@pytest.mark.parametrize("title", ONE_STORY)
def test_a_title_of_one_story_is_left_whole(title):
    assert story_parts(title) == [(0, len(title))]


def _digest(title: str, body: str, *, doc: str = "g", kind: str = "generated") -> EvidencePassage:
    text = f"Security Desk\n\n{title}\n\n{body}"
    meta = {"title": title, "publisher": "Desk", "published": "2026-06-30", "kind": kind}
    return EvidencePassage("S1", Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta), 1.0)


@pytest.mark.parametrize("title, parts, topic, k", [
    (*DIGESTS[0], "Japan's cybersecurity approval of Chinese battery makers", 0),
    (*DIGESTS[0], "chip smuggling cases in China", 1),
    (*DIGESTS[1], "EU tariffs on Chinese electric vehicles", 1),
    (*DIGESTS[2], "Seoul's chip export halt to Russia", 2),
])
def test_the_part_of_a_digest_title_that_is_the_briefs_story_is_its_candidate(title, parts, topic, k):
    ep = _digest(title, "The ministry said on Monday that the measure takes effect in March.")
    cands = split_digest_titles(candidates([ep], connectives=True, paragraphs=True)[0], topic)
    titles = [c for c in cands if c.is_title]
    assert [c.text for c in titles] == [parts[k]]  # the other stories' parts are never this brief's
    c = titles[0]
    assert ep.chunk.text[c.local_start:c.local_end] == c.text and c.role == "event"
    assert c.stems and c.claim().cites[0].end - c.claim().cites[0].start == len(c.text)


def test_no_part_of_a_digest_title_about_other_stories_is_a_candidate():
    title, _ = DIGESTS[3]
    ep = _digest(title, "The ministry said on Monday that the measure takes effect in March.")
    cands = split_digest_titles(candidates([ep], connectives=True, paragraphs=True)[0], "Japan's rice harvest")
    assert not [c for c in cands if c.is_title]
    # the places alone are actors of many stories
    title, _ = DIGESTS[0]
    ep = _digest(title, "The ministry said on Monday that the measure takes effect in March.")
    cands = split_digest_titles(candidates([ep], connectives=True, paragraphs=True)[0],
                                "US pressure on Japan to curb China's semiconductor progress")
    assert not [c for c in cands if c.is_title]


def test_what_happened_quotes_this_storys_part_of_a_digest_title(writer):
    situation = TemplateLibrary(PROMPTS).get("situation")
    title, parts = DIGESTS[2]
    ep = _digest(title, "Brussels froze the assets of Bank Rossiya and its chairman on Monday, the bloc said. "
                        "Tokyo added 15 Russian oligarchs to its sanctions list. "
                        "Seoul halted exports of 57 chip items to Russia, the trade ministry said.")
    draft = writer.write("EU sanctions on Bank Rossiya", situation, [ep], as_of=None)
    quoted = [c.text for s in draft.sections for c in s.claims]
    assert title not in quoted, quoted  # never the whole digest line
    assert parts[0] in quoted and parts[1] not in quoted and parts[2] not in quoted, quoted


# ------------------------------------------------------------------ the lead is a report's event

def _cite(n: int, doc: str) -> Citation:
    return Citation(source=n, chunk_id=f"{doc}-0000", doc_id=doc, start=0, end=10, quote="x")


def _claim(text: str, n: int, doc: str, role: str = "event", attribution: str | None = None) -> Claim:
    return Claim(text=text, citations=[_cite(n, doc)], role=role, attribution=attribution, verified=True)


GENERATED = Source(index=1, doc_id="a", publisher="WorldWideWatchers", published="2026-02-25", source_type="generated",
                   attributed_as="WorldWideWatchers (AI-generated brief, 2026)")
ESSAY = Source(index=3, doc_id="e", publisher="Discuss Japan", published="2020-03-31", source_type="analysis",
               attributed_as="Hosokawa Masahiko (2020 essay)")
ROUNDUP = Source(index=2, doc_id="b", attributed_as="an unnamed roundup citing Kyodo News")
PAGE = Source(index=4, doc_id="c", publisher="Taipei Times", attributed_as="Taipei Times")
WIRE = Source(index=5, doc_id="w", publisher="Yonhap", published="2026-02-24")


@pytest.mark.parametrize("lead_source, commentary", [
    (ROUNDUP, GENERATED),  # the quick-start brief: a roundup's lede over a generated site's judgement
    (PAGE, ESSAY),  # an undated news page's event over a dated essay's argument
    (ROUNDUP, ESSAY),
])
def test_an_undated_reports_lead_stays_first_over_commentary(lead_source, commentary):
    sources = {s.index: s for s in (lead_source, commentary)}
    undated = undated_sources(sources.values(), {})
    assert undated == {lead_source.index}
    lead = _claim("US authorities have asked Tokyo to join the chip curbs.", lead_source.index, lead_source.doc_id)
    view = _claim("The restriction is a strategic move likely aimed at Japan.", commentary.index, commentary.doc_id,
                  role="judgement", attribution=f"{commentary.attributed_as} assesses")
    later = _claim("Officials in Washington are seeking Tokyo's engagement.", lead_source.index, lead_source.doc_id)
    sections = [Section(name="bluf", title="BLUF", claims=[lead, view]),
                Section(name="developments", title="Key developments", claims=[later, view.model_copy()])]
    mark_undated(sections, sources, undated)
    assert sections[0].claims[0] is lead and "(undated source)" in (lead.attribution or "")
    # only the brief's lead: the other sections place undated material after the dated story as before
    assert sections[1].claims[-1] is later


def test_a_dated_reports_claim_leads_before_an_undated_one():
    sources = {s.index: s for s in (ROUNDUP, WIRE)}
    lead = _claim("US authorities have asked Tokyo to join the chip curbs.", 2, "b")
    dated = _claim("Seoul summoned Japan's ambassador on Monday.", 5, "w")
    sections = [Section(name="bluf", title="BLUF", claims=[lead, dated])]
    mark_undated(sections, sources, undated_sources(sources.values(), {}))
    assert sections[0].claims == [dated, lead]


@pytest.mark.parametrize("role, source, expected", [
    ("event", ROUNDUP, True), ("statement", WIRE, True),
    ("judgement", WIRE, False),  # a news report's own judgement is no report of what happened
    ("event", GENERATED, False), ("event", ESSAY, False),
])
def test_a_report_is_an_event_or_statement_from_news_or_an_official_source(role, source, expected):
    claim = _claim("x", source.index, source.doc_id, role=role)
    assert is_report(claim, {source.index: source}) is expected


# ------------------------------------------------------------------ the lead is the best dated event

def _sections(lead: Claim, *developments: Claim, first: str = "bluf", second: str = "developments") -> list[Section]:
    return [Section(name=first, title=first, claims=[lead]), Section(name=second, title=second, claims=list(developments))]


def test_the_quick_start_brief_leads_with_the_dated_story_not_the_undated_roundup():
    sources = {s.index: s for s in (ROUNDUP, GENERATED)}
    roundup = _claim("US authorities have asked Tokyo to join the chip curbs.", 2, "b")
    china = _claim("China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo", 1, "a",
                   attribution="WorldWideWatchers (AI-generated brief, 2026) reports")
    seeking = _claim("Officials in Washington are seeking Tokyo's engagement.", 2, "b")
    sections = _sections(roundup, china, seeking)
    mark_undated(sections, sources, undated_sources(sources.values(), {}))
    assert sections[0].claims == [china]  # the lead section keeps its size: the roundup takes the dated event's place
    assert sections[1].claims == [roundup, seeking] and "(undated source)" in (roundup.attribution or "")


@pytest.mark.parametrize("story", [
    # (undated lead, dated events in the order the writer ranked them, the one that must lead)
    ("sanctions", "Brussels froze the assets of Bank Rossiya, the roundup says.",
     [("The EU froze Bank Rossiya's assets on February 23, officials said.", GENERATED),
      ("EU foreign ministers agreed on Wednesday to freeze the assets of Bank Rossiya.", WIRE)], 1),
    ("chip ban", "Washington is weighing curbs on chip tools, according to people familiar with the matter.",
     [("The Commerce Department barred Nvidia from selling A100 chips to China on August 31.", WIRE)], 0),
    ("tariffs", "China has lifted its barley tariffs, the page says.",
     [("Beijing removed the 80.5 percent duties on Australian barley on August 4.", GENERATED)], 0),
])
def test_a_reports_dated_event_leads_before_a_digests_and_either_before_an_undated_lead(story):
    _, lead_text, dated, k = story
    sources = {s.index: s for s in (ROUNDUP, *[src for _, src in dated])}
    lead = _claim(lead_text, 2, "b")
    claims = [_claim(text, src.index, src.doc_id) for text, src in dated]
    sections = _sections(lead, *claims, first="headline", second="summary")  # the situation template's lead
    mark_undated(sections, sources, undated_sources(sources.values(), {}))
    assert sections[0].claims == [claims[k]]
    assert lead in sections[1].claims and sections[1].claims[-1] is lead


@pytest.mark.parametrize("dated", [
    _claim("In 2008, the Chinese government launched the Thousand Talents Program.", 3, "e"),  # an essay's history
    _claim("The restriction is a strategic move likely aimed at Japan.", 1, "a", role="judgement"),  # a judgement
    _claim("Tokyo summoned China's ambassador.", 4, "c"),  # an undated page's event
])
def test_no_dated_event_no_change(dated):
    sources = {s.index: s for s in (ROUNDUP, GENERATED, ESSAY, PAGE)}
    lead = _claim("US authorities have asked Tokyo to join the chip curbs.", 2, "b")
    sections = _sections(lead, dated)
    mark_undated(sections, sources, undated_sources(sources.values(), {}))
    assert sections[0].claims == [lead]


def test_a_dated_lead_is_left_where_the_writer_put_it():
    sources = {s.index: s for s in (ROUNDUP, GENERATED, WIRE)}
    lead = _claim("The restriction is a strategic move likely aimed at Japan.", 1, "a", role="judgement")
    wire = _claim("Seoul summoned Japan's ambassador on Monday.", 5, "w")
    sections = _sections(lead, wire)
    mark_undated(sections, sources, undated_sources(sources.values(), {}))
    assert sections[0].claims == [lead] and sections[1].claims == [wire]
