"""A brief an analyst could sign says each thing once and dates its developments (issue 10, s30).

Kinds, each specified beyond the case a user saw on the sample corpus (sanctions, chip bans, tariffs, cyber
attributions, general 2022 news):

- one passage, one place: the title line is the lead passage only when no section quotes that passage too (the
  battery brief quoted it as its title and as "What happened"; the assessment's title repeated its first BLUF item);
- one punctuation rule for a citation after a quote: a quote ending with its own full stop ends the sentence, and
  the marks follow without another ("… WTO.” (Key developments) [1]", never "… [1].");
- key developments prefer dated reports: in a dated brief, an undated source's development is background when the
  brief quotes a dated event of the story; it stays a development when nothing dated covers the story.
"""

from __future__ import annotations

import pytest

from rag.brief import Brief, Citation, Claim, Provenance, Section, Source
from rag.render import brief_markdown, claim_text, end_sentence, title_text
from rag.writers.dimensions import implication_note
from rag.render import quoted
from rag.writers.placement import UNDATED_DEVELOPMENTS, mark_undated, undated_sources, undated_to_background

PROV = Provenance(template="situation", template_version="1", template_hash="h", backend="extractive", model="m",
                  retrieval={}, corpus_snapshot="c", query="q")


def _claim(text: str, n: int, role: str = "event", attribution: str | None = None) -> Claim:
    cite = Citation(source=n, chunk_id=f"d{n}-0000", doc_id=f"d{n}", start=0, end=10, quote="x")
    return Claim(text=text, citations=[cite], role=role, attribution=attribution, verified=True)


def _brief(sections, headline, topic="t", sources=()) -> Brief:
    return Brief(template="situation", topic=topic, headline=headline, provenance=PROV, sections=sections,
                 sources=list(sources))


# ------------------------------------------------------------------ one passage, one place

LEADS = [  # (topic, the lead passage, its attribution)
    ("battery cybersecurity approval", "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers.",
     "Intelrift Intelligence Desk (AI-generated brief, 2026) reports"),
    ("US sanctions on Bank Rossiya", "The Treasury froze the assets of Bank Rossiya on Thursday.", None),
    ("Nvidia chip export ban", "Washington told Nvidia to stop selling its A100 chips to China.", None),
    ("Ronin bridge hack attribution", "The FBI said the Lazarus Group stole $620 million from the Ronin bridge.", None),
]


@pytest.mark.parametrize(("topic", "text", "attribution"), LEADS)
def test_a_headline_a_section_quotes_too_is_not_the_title(topic, text, attribution):
    lead = _claim(text, 1, attribution=attribution)
    headline = Section(name="headline", title="Headline", claims=[lead])
    happened = Section(name="what_happened", title="What happened", claims=[_claim(text, 1, attribution=attribution)])
    brief = _brief([headline, happened], claim_text(lead), topic)
    assert title_text(brief) == topic[0].upper() + topic[1:]
    md = brief_markdown(brief)
    assert md.count(text) == 1 and md.startswith(f"# {topic[0].upper() + topic[1:]}\n"), md


@pytest.mark.parametrize(("topic", "text", "attribution"), LEADS)
def test_the_first_bluf_item_is_not_repeated_as_the_title(topic, text, attribution):
    lead = _claim(text, 1, attribution=attribution)
    bluf = Section(name="bluf", title="Bottom line up front", claims=[lead, _claim("Markets fell on the news.", 1)])
    md = brief_markdown(_brief([bluf], claim_text(lead), topic))
    assert md.count(text) == 1, md


def test_a_headline_no_section_quotes_is_the_title():
    lead = _claim("Seoul tightened controls on exports of hydrogen fluoride to Japan.", 1)
    headline = Section(name="headline", title="Headline", claims=[lead])
    happened = Section(name="what_happened", title="What happened", claims=[_claim("The rules take effect in May.", 1)])
    brief = _brief([headline, happened], claim_text(lead), "Korea fluoride curbs")
    assert title_text(brief) == claim_text(lead)
    assert brief_markdown(brief).startswith("# Seoul tightened controls on exports of hydrogen fluoride to Japan.\n")


# ------------------------------------------------------------------ a citation after a quote

@pytest.mark.parametrize(("text", "ended"), [
    ("Reported above: “Seoul plans to file a complaint with the WTO.” (Key developments) [1]",
     "Reported above: “Seoul plans to file a complaint with the WTO.” (Key developments) [1]"),
    ("“Did the Treasury name the bank?” [2]", "“Did the Treasury name the bank?” [2]"),
    ("“Stop the sales now!” [1][3]", "“Stop the sales now!” [1][3]"),
    ("Reported above: “Moon said that Seoul would be forced to take …” (Key developments) [1]",
     "Reported above: “Moon said that Seoul would be forced to take …” (Key developments) [1]."),
    ("The sources name no buyer of the chips [1]", "The sources name no buyer of the chips [1]."),
    ("Already ended.", "Already ended."),
])
def test_one_punctuation_rule_for_a_citation_after_a_quote(text, ended):
    assert end_sentence(text) == ended


def test_the_implications_note_ends_once_after_a_quote_with_its_own_full_stop():
    cite = Citation(source=1, chunk_id="d1-0000", doc_id="d1", start=0, end=10, quote="x")
    claim = Claim(text="Beijing said it would file a complaint with the WTO.", citations=[cite], verified=True)
    note = implication_note([("Key developments", claim)], "No evidence.", quoted)
    assert note.endswith("“Beijing said it would file a complaint with the WTO.” (Key developments) [1]"), note


# ------------------------------------------------------------------ dated developments

def _sources():
    dated = Source(index=1, doc_id="d1", publisher="Yonhap", published="2022-03-04", source_type="news")
    roundup = Source(index=2, doc_id="d2", publisher="", published=None, source_type="news")
    return {1: dated, 2: roundup}


STORIES = [  # (a dated report's event, an undated roundup's development)
    ("The EU froze the assets of three Russian banks on Friday.", "Officials in Brussels are seeking wider curbs on Russian banks."),
    ("Washington barred sales of Nvidia's A100 chips to China on Wednesday.", "US authorities have asked Japan to join efforts to curb China's chipmaking."),
    ("China imposed 80.5% tariffs on Australian barley on Monday.", "Canberra has asked the WTO to review the barley duties."),
    ("The FBI attributed the Ronin bridge theft to the Lazarus Group on Thursday.", "Investigators are seeking the wallets used in the theft."),
]


@pytest.mark.parametrize(("dated", "undated"), STORIES)
def test_an_undated_development_is_background_when_a_dated_event_covers_the_story(dated, undated):
    sources = _sources()
    bluf = Section(name="bluf", title="Bottom line up front", claims=[_claim(dated, 1)])
    devs = Section(name="developments", title="Key developments", claims=[_claim(undated, 2)])
    background = Section(name="background", title="Background", required=False)
    sections = [bluf, devs, background]
    undated_set = undated_sources(sources.values(), {})
    assert undated_set == {2}
    mark_undated(sections, sources, undated_set)
    assert not devs.claims and devs.text == UNDATED_DEVELOPMENTS
    assert [c.text for c in background.claims] == [undated]
    assert "(undated source)" in background.claims[0].attribution


@pytest.mark.parametrize(("dated", "undated"), STORIES)
def test_dated_developments_stay_and_undated_ones_follow_as_background(dated, undated):
    sources = _sources()
    devs = Section(name="developments", title="Key developments", claims=[_claim(undated, 2), _claim(dated, 1)])
    background = Section(name="background", title="Background", required=False)
    assert undated_to_background([devs, background], sources, {2}) == 1
    assert [c.text for c in devs.claims] == [dated] and [c.text for c in background.claims] == [undated]


@pytest.mark.parametrize(("dated", "undated"), STORIES)
def test_undated_developments_stay_when_nothing_dated_covers_the_story(dated, undated):
    sources = _sources()
    # the dated source is cited only for a judgement: no dated event of the story
    bluf = Section(name="bluf", title="Bottom line up front", claims=[_claim("The move is likely retaliation.", 1, role="judgement")])
    devs = Section(name="developments", title="Key developments", claims=[_claim(undated, 2)])
    background = Section(name="background", title="Background", required=False)
    assert undated_to_background([bluf, devs, background], sources, {2}) == 0
    assert [c.text for c in devs.claims] == [undated] and not background.claims
