"""Every section of a brief stays on its story, dated sources too (issue 10, s32 fresh user's finding 2).

Kinds:
1. **A dated source of another story fills a section.** s32's off-story cut covered undated reports only; a 2020
   essay six years older than the story (Hosokawa's FEFTA amendment and US Entity List sentences) and a digest's
   other stories (Intelrift's chip-smuggling case and Korea's chip-hub pitch) filled the BLUF, Background,
   Implications and Outlook of the China assessment and the battery situation brief. Now a digest's sentence is of
   the story of its title's part it shares most words with (``digest_titles.digest_story``), and a document of
   another story's time (``on_topic.other_time``) is quoted only where a sentence names the story's actors and act
   itself, and then only as background.
2. **A source's own labelled sections are lost.** The per-document evidence cap ended the China assessment's source
   before its "Scenario Outlook", and its "Economic / Social:" implication was taken by the BLUF. Now a source that
   labels its sections gives the passages under them to the brief (``watch_items.labelled_sections``,
   ``Engine._own_sections``) and a dimension-labelled item goes to that dimension's section
   (``section_picks.labelled_dimensions``).
3. **The confidence reason names only part of what the brief cites.** Now every cited source is accounted for
   (``assess_confidence(cited=...)``: "also cited, not on the topic's story: …").
"""

from __future__ import annotations

from datetime import date

import pytest

from rag.brief import Source
from rag.writers.confidence import assess_confidence
from rag.writers.digest_titles import digest_story, topic_part
from rag.writers.on_topic import other_time
from rag.writers.section_picks import labelled_dimensions
from rag.writers.watch_items import labelled_sections

INTELRIFT = ("Japan blocks Chinese battery makers over cybersecurity—while China prosecutes chip smugglers and Korea "
             "pitches a new chip hub")

DIGEST_CASES = [
    # (topic, digest title, sentence, whether it tells the topic's story)
    ("Japan's denial of cybersecurity approval for Chinese battery makers", INTELRIFT,
     "China’s chip-smuggling case, meanwhile, suggests Beijing is both policing leakage of advanced know-how.", False),
    ("Japan's denial of cybersecurity approval for Chinese battery makers", INTELRIFT,
     "South Korea’s chip-hub pitch, if it accelerates incentives and facility announcements, could influence "
     "expectations for foundry capacity.", False),
    ("Japan's denial of cybersecurity approval for Chinese battery makers", INTELRIFT,
     "China’s enforcement posture suggests Beijing is managing both leakage risk and political exposure.", False),
    ("Japan's denial of cybersecurity approval for Chinese battery makers", INTELRIFT,
     "Whether Japan publishes criteria, remediation steps, or expands denials to additional Chinese battery makers.", True),
    ("Japan's denial of cybersecurity approval for Chinese battery makers", INTELRIFT,
     "Together, the two developments frame a coordinated tightening of technology security across East Asia, with "
     "regulatory denial in Japan and criminal detention in China.", True),
    # hand-made digests of other stories
    ("Taiwan's new chip export rules", "Taiwan tightens chip export rules; Vietnam and the Philippines sign a fisheries pact",
     "The fisheries pact lets Vietnamese and Philippine boats share patrol data in disputed waters.", False),
    ("Taiwan's new chip export rules", "Taiwan tightens chip export rules; Vietnam and the Philippines sign a fisheries pact",
     "Taipei said the export rules cover advanced chip-making tools shipped to China.", True),
    ("Japan's interest rate hike", "Japan raises interest rates for the first time in 17 years | US sanctions Russian banks",
     "The Treasury said the sanctions freeze the assets of three Russian banks held in US accounts.", False),
    ("Japan's interest rate hike", "Japan raises interest rates for the first time in 17 years | US sanctions Russian banks",
     "The Bank of Japan's rate decision lifted the yen against the dollar.", True),
]


@pytest.mark.parametrize(("topic", "title", "sentence", "told"), DIGEST_CASES)
def test_a_digest_sentence_tells_the_story_of_its_own_part(topic, title, sentence, told):
    assert digest_story(topic, title, [sentence]) == [told]


@pytest.mark.parametrize(("topic", "title"), [
    ("Japan's interest rate hike", "Japan raises interest rates for the first time in 17 years"),  # one story
    ("China's export restrictions on Japanese firms", INTELRIFT),  # none of its parts is the topic's story
    ("Technology security developments in East Asia in 2026", INTELRIFT),  # a broad topic: judged as one document
])
def test_a_digest_without_a_part_of_the_topics_story_is_judged_whole(topic, title):
    assert digest_story(topic, title, ["China’s chip-smuggling case, meanwhile, suggests …", "Anything else."]) == [True, True]


def test_the_topics_part_shares_more_than_its_places():
    parts = ["Japan blocks Chinese battery makers over cybersecurity", "China prosecutes chip smugglers"]
    assert topic_part("Japan's denial of cybersecurity approval for Chinese battery makers", parts) == 0
    assert topic_part("China's export restrictions on Japanese firms", parts) is None  # "China", "Japan": places only


ESSAY_TITLE = "How Japan should avoid becoming a loophole for technology leaks to China"
STORY_TITLE = "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo"
DIGEST_TITLE = INTELRIFT

TIME_CASES = [
    # (topic, {doc: (title, published, meaning)}, topic years, news run, the documents of another time)
    ("China's export restrictions on Japanese firms",
     {"essay": (ESSAY_TITLE, "2020-03-31", 0.75), "www": (STORY_TITLE, "2026-02-25", 0.83),
      "digest": (DIGEST_TITLE, "2026-06-30", 0.64)}, None, None, {"essay", "digest"}),
    ("Japan's denial of cybersecurity approval for Chinese battery makers",
     {"essay": (ESSAY_TITLE, "2020-03-31", 0.70), "digest": (DIGEST_TITLE, "2026-06-30", 0.80)}, None, None, {"essay"}),
    # a broad topic: the essay's title names it as fully as any title does, so it is one of its stories
    ("Japan and China export controls",
     {"essay": (ESSAY_TITLE, "2020-03-31", 0.75), "www": (STORY_TITLE, "2026-02-25", 0.80)}, None, None, set()),
    # the topic names its years: a document outside them (or the year after) is of another time
    ("Japan's 2019 export curbs on South Korea",
     {"essay": ("Japan tightens its export curbs on South Korea", "2020-03-31", 0.6),
      "www": (STORY_TITLE, "2026-02-25", 0.5), "digest": ("Seoul and Tokyo: a chip hub pitch", "2026-06-30", 0.4)},
     (2019, 2019), None, {"www", "digest"}),
    # a run of dated news reports times the story already (``topical_documents`` keeps to it): nothing more here
    ("China's export restrictions on Japanese firms",
     {"essay": (ESSAY_TITLE, "2020-03-31", 0.75), "news": (STORY_TITLE, "2026-02-25", 0.83)}, None,
     (date(2026, 2, 25), date(2026, 2, 27)), set()),
    # undated documents cannot be placed
    ("China's export restrictions on Japanese firms",
     {"essay": (ESSAY_TITLE, None, 0.75), "www": (STORY_TITLE, "2026-02-25", 0.83)}, None, None, set()),
]


@pytest.mark.parametrize(("topic", "docs", "years", "run", "elsewhen"), TIME_CASES)
def test_a_document_of_another_story_time_is_found(topic, docs, years, run, elsewhen):
    titles = {d: t for d, (t, _, _) in docs.items()}
    published = {d: p for d, (_, p, _) in docs.items()}
    meaning = {d: m for d, (_, _, m) in docs.items()}
    assert other_time(topic, titles, published, meaning, list(docs), years, run) == elsewhen


ANALYTIC = """Intelligence Report: Ports strike spreads

1. Key Judgments

The strike is likely to last into next month.

2. Implications

  • Economic / Social: Shipping delays raise import costs.
  • Security: Port police are stretched.

3. Outlook

  • Scenario Outlook:
    • Best Case: A deal within a week.
    • Worst Case: A national strike.
"""
NEWS = ("Dock workers walked off the job on Monday at three ports, union leaders said.\n\nThe strike halted "
        "container traffic, officials said. Talks are set to resume on Thursday.\n")
ONE_HEADING = "Background\n\nThe port was built in 1890 and handles a third of the country's trade.\n"


@pytest.mark.parametrize(("text", "labels"), [(ANALYTIC, True), (NEWS, False), (ONE_HEADING, False)])
def test_a_source_labels_its_sections_with_two_headings_of_a_briefs_kinds(text, labels):
    assert labelled_sections(text) is labels


def test_a_passage_under_a_labelled_heading_is_told_apart_from_one_before_them():
    at = ANALYTIC.index("Best Case")
    assert labelled_sections(ANALYTIC, at, at + 30)
    assert not labelled_sections(ANALYTIC, 0, ANALYTIC.index("1. Key"))  # the title only


@pytest.mark.parametrize(("item", "dims"), [
    ("Economic / Social: Disruption in supply chains, with potential economic fallout.", {"economic"}),
    ("Security / Counter-Terrorism: Increased military readiness in the region.", {"security"}),
    ("Cyber / Information Space: Potential for increased cyber espionage.", {"cyber"}),
    ("The strike raised import costs for the economy and shipping firms.", set()),  # no label of its own
])
def test_a_dimension_labelled_item_names_its_dimension(item, dims):
    assert labelled_dimensions(item) == dims


def src(n: int, doc: str, kind: str, published: str | None) -> Source:
    return Source(index=n, doc_id=doc, source_type=kind, published=published)


def test_the_reason_names_every_cited_source():
    www, essay, digest = src(1, "w", "generated", "2026-02-25"), src(2, "e", "analysis", "2020-03-31"), src(3, "d", "generated", "2026-06-30")
    c = assess_confidence([www], cited=[www, essay, digest])
    assert c.reason == ("no independent on-topic report; cited: an AI-generated brief (2026-02-25), not independent "
                        "reporting; also cited, not on the topic's story: an analysis or opinion piece (2020-03-31), "
                        "an AI-generated brief (2026-06-30).")
    assert "not on the topic's story" not in assess_confidence([www, essay], cited=[www, essay]).reason


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


def quoted(brief) -> dict[str, list[str]]:
    return {s.name: [c.text for c in s.claims] for s in brief.sections}


OFF_STORY = ("chip-smuggling", "chip smuggling", "chip-hub", "Entity List", "Thousand Talents", "hacking group",
             "Foreign Exchange and Foreign Trade Control Law", "We must keep an eye")


@pytest.mark.parametrize(("topic", "template"), [
    ("Japan's denial of cybersecurity approval for Chinese battery makers", "situation"),
    ("China's export restrictions on Japanese firms", "assessment"),
])
def test_no_section_quotes_another_story(sample_engine, topic, template):
    brief = sample_engine.write(topic, template=template)
    for name, texts in quoted(brief).items():
        for text in texts:
            assert not any(w in text for w in OFF_STORY), (name, text)


def test_the_sources_own_sections_fill_the_matching_ones(sample_engine):
    brief = sample_engine.write("China's export restrictions on Japanese firms", template="assessment")
    q = quoted(brief)
    assert any(t.startswith(("Best Case", "Worst Case", "Most Likely")) for t in q["outlook"])
    assert any(t.startswith("Economic / Social:") for t in q["implications_economic"])
    assert not any(t.startswith("Economic / Social:") for t in q["bluf"])
    assert q["developments"]  # the BLUF's second item takes no title from "Key developments"


@pytest.mark.parametrize(("topic", "template"), [
    ("China's export restrictions on Japanese firms", "assessment"),
    ("Japan and China export controls", "assessment"),
    ("Japan's denial of cybersecurity approval for Chinese battery makers", "situation"),
])
def test_the_confidence_reason_accounts_for_every_cited_source(sample_engine, topic, template):
    brief = sample_engine.write(topic, template=template)
    reason = brief.confidence.reason
    for s in brief.sources:
        assert (s.published or "undated") in reason or (s.attributed_as and s.attributed_as in reason), (s.title, reason)
