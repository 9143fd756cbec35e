"""A topic of common nouns ("battery cybersecurity approval") names no actor: its distinctive words stand for them
(issue 10, items 1 and 6), specified on stories other than the one a user saw.

- A generic word of the topic ("review", "talks", "approval": general news vocabulary) matches any story: a report
  that shares it and one distinctive word is another story, and is not quoted.
- In a generated digest of several stories, a sentence that does not name the topic's distinctive words is another
  story's, and is not quoted (a news report's sentences are judged by their document: they may name the story in
  other words).
- A source counts toward the brief's confidence only through claims that name the topic's distinctive words: a news
  report quoted for a generic word is not an independent on-topic report.
- A topic with names, or with fewer than two distinctive words, is judged as before (by its actors, or its words).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.brief import Citation, Claim, Source
from rag.templates import TemplateLibrary
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.confidence import assess_confidence, on_topic_sources
from rag.writers.on_topic import common_noun_terms, distinctive_terms

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


def passage(text: str, *, doc: str, n: int, title: str, kind: str = "news report") -> EvidencePassage:
    meta = {"title": title, "published": "2022-05-10", "publisher": doc, "kind": kind}
    return EvidencePassage(f"S{n + 1}", Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta), 1.0)


#: topic -> (evidence, the documents about it, the generic word a distractor shares, a sentence of another story
#: in the on-topic digest)
CASES = {
    "lithium refinery subsidy review": (
        [passage("Australia opened a review of the federal subsidy for the Kwinana lithium refinery on Monday. "
                 "The lithium refinery received A$500 million in subsidies in 2021, the industry minister said.",
                 doc="abc", n=0, title="Australia reviews the subsidy for the Kwinana lithium refinery"),
         passage("Tianqi Lithium said the refinery subsidy review would not delay its Kwinana expansion. "
                 "Its lithium refinery at Kwinana produced 2,000 tonnes of lithium hydroxide last year.",
                 doc="wa", n=1, title="Tianqi says subsidy review will not delay Kwinana lithium refinery"),
         passage("Chile's lithium miners asked the senate for a review of the new royalty bill on Monday. "
                 "The senate will vote on the lithium royalty in May, the mining minister said.",
                 doc="chile", n=2, title="Chile's lithium miners seek review of royalty bill"),
         passage("Australia's review of the lithium refinery subsidy could delay the Kwinana expansion by a year. "
                 "Japan's trade ministry began a review of steel import quotas on Tuesday.",
                 doc="digest", n=3, title="Digest: lithium refinery subsidy review; steel quota review",
                 kind="generated brief")],
        {"abc", "wa", "digest"}, "chile", "Japan's trade ministry began a review of steel import quotas on Tuesday."),
    # the user's kind: the only news report is of another story (coal imports, solar installations) and the only
    # source about the topic is a generated digest of several stories
    "solar wafer import approval": (
        [passage("India has reportedly withheld import approval for Chinese solar wafer makers, tightening scrutiny of "
                 "inputs to its solar plants. Vietnam approved a new coal plant near Hanoi on Tuesday.",
                 doc="digest", n=0, title="India withholds approval for Chinese solar wafer imports; Vietnam coal plant",
                 kind="generated brief"),
         passage("India's power ministry tightened the approval process for imports of coal from Indonesia last week. "
                 "The solar industry body said installations rose 20% last year, the ministry said in a statement.",
                 doc="hindu", n=1, title="Power ministry tightens coal import approvals")],
        {"digest"}, "hindu", "Vietnam approved a new coal plant near Hanoi on Tuesday."),
    "vaccine patent waiver talks": (
        [passage("WTO members resumed talks on a patent waiver for Covid vaccines in Geneva on Monday. "
                 "India and South Africa asked for the vaccine patent waiver in 2020.",
                 doc="reuters", n=0, title="WTO resumes talks on vaccine patent waiver"),
         passage("The European Union said it would not block the vaccine patent waiver at the Geneva talks. "
                 "EU diplomats said the waiver should cover vaccines only, not treatments.",
                 doc="politico", n=1, title="EU will not block vaccine patent waiver"),
         passage("Drugmaker Merck defended its patent on the cancer drug Keytruda in talks with US regulators. "
                 "Merck said the patent runs until 2028, the company said in a filing.",
                 doc="pharma", n=2, title="Merck defends Keytruda patent in talks with regulators"),
         passage("The Geneva talks on the vaccine patent waiver may end without a deal this week. "
                 "Separately, the WTO began talks with Ethiopia on its membership.",
                 doc="digest", n=3, title="Digest: vaccine patent waiver talks; Ethiopia's WTO bid",
                 kind="generated brief")],
        {"reuters", "politico", "digest"}, "pharma", "Separately, the WTO began talks with Ethiopia on its membership."),
}


@pytest.fixture(scope="module")
def situation():
    return TemplateLibrary(PROMPTS).get("situation")


@pytest.mark.parametrize("topic", sorted(CASES))
def test_a_report_sharing_a_generic_word_and_one_distinctive_word_is_not_quoted(writer, situation, topic):
    evidence, about, distractor, _ = CASES[topic]
    draft = writer.write(topic, situation, evidence, as_of=None)
    cited = {c.cites[0].chunk_id.split("-")[0] for s in draft.sections for c in s.claims}
    assert not draft.abstain and cited
    assert distractor not in cited, [(s.name, c.text) for s in draft.sections for c in s.claims]
    assert cited <= about


@pytest.mark.parametrize("topic", sorted(CASES))
def test_a_digests_sentence_naming_none_of_the_distinctive_words_is_not_quoted(writer, situation, topic):
    evidence, _, _, other_story = CASES[topic]
    draft = writer.write(topic, situation, evidence, as_of=None)
    quoted = [c.text for s in draft.sections for c in s.claims]
    assert not any(other_story in q for q in quoted), quoted


def test_the_distinctive_words_are_the_topics_words_outside_general_news_vocabulary():
    assert distinctive_terms("battery cybersecurity approval") == {"batteri", "cybersecur"}
    assert distinctive_terms("lithium refinery subsidy review") == {"lithium", "refineri", "subsidi"}
    assert distinctive_terms("the report of the visit") == frozenset()
    # a topic with names is judged by its actors; one distinctive word is its vocabulary, not yet a story
    assert common_noun_terms("Japan's battery approval", names=[frozenset({"japan"})]) == frozenset()
    assert common_noun_terms("export controls", names=[]) == frozenset()


def _claim(text: str, doc: str) -> Claim:
    return Claim(text=text, citations=[Citation(source=0, chunk_id=f"{doc}-0000", doc_id=doc, start=0, end=len(text), quote=text)])


@pytest.mark.parametrize("topic, on, off", [
    ("lithium refinery subsidy review",
     "Australia opened a review of the federal subsidy for the Kwinana lithium refinery on Monday.",
     "Chile's lithium miners asked the senate for a review of the new royalty bill on Monday."),
    ("vaccine patent waiver talks",
     "WTO members resumed talks on a patent waiver for Covid vaccines in Geneva on Monday.",
     "Drugmaker Merck defended its patent on the cancer drug Keytruda in talks with US regulators."),
])
def test_a_report_counts_toward_confidence_only_through_claims_on_the_topics_distinctive_words(topic, on, off):
    sources = [Source(index=1, doc_id="a", publisher="A", source_type="news"),
               Source(index=2, doc_id="b", publisher="B", source_type="news")]
    kept = on_topic_sources(topic, sources, [_claim(on, "a"), _claim(off, "b")])
    assert [s.doc_id for s in kept] == ["a"]
    confidence = assess_confidence(kept)
    assert confidence.level == "low" and confidence.independent_sources == 1
    assert confidence.reason.startswith("one independent on-topic report")


#: topic -> (a digest's sentences that name the story fully, a sentence tied to it by the story's own words and one
#: of the topic's, a sentence of another story of the digest sharing one of the topic's words)
TIED = {
    "battery cybersecurity approval": (
        ["Japan has reportedly denied cybersecurity approval for Chinese storage battery makers.",
         "Japan's denial of cybersecurity approval can raise uncertainty for battery makers and their procurement."],
        "What to watch next is whether Japan expands the cybersecurity denial list to other suppliers.",
        "Taiwan's cybersecurity agency logged 2.6 million intrusion attempts a day."),
    "lithium refinery subsidy review": (
        ["Australia opened a review of the federal subsidy for the Kwinana lithium refinery.",
         "The lithium refinery subsidy review names Tianqi's Kwinana hydroxide plant."],
        "Watch whether Tianqi pauses the second Kwinana lithium train.",
        "Chile's lithium royalty bill goes to the senate in May."),
    "vaccine patent waiver talks": (
        ["WTO members resumed talks on a patent waiver for Covid vaccines in Geneva.",
         "The Geneva talks on the vaccine patent waiver may end without a deal."],
        "Watch whether the Geneva waiver text extends to therapeutics.",
        "Merck's waiver of late fees for its distributors ends in May."),
}


@pytest.mark.parametrize("topic", sorted(TIED))
def test_a_sentence_naming_the_story_by_its_own_distinctive_words_is_of_the_story(topic):
    """A digest's watch item that names one of the topic's words and the story's own words (found in the sentences
    that name the story fully) is of the story; one that shares only a topic word is of another story."""
    from rag.writers.key_terms import stems
    from rag.writers.on_topic import names_the_story, story_actors

    core, tied, other = TIED[topic]
    texts = [*core, tied, other]
    actors, units, common = story_actors(topic, texts)
    assert common
    assert names_the_story(actors, units, texts, [stems(t) for t in texts]) == [True, True, True, False]
    # the story's words are those of on-topic sentences: sentences of off-topic documents lend none
    assert names_the_story(actors, units, texts, [stems(t) for t in texts], [False, False, True, True])[2] is False


def test_the_battery_brief_lists_the_digests_signal_on_its_story(sample_index):
    from rag.pipeline import Engine

    brief = Engine.from_settings(sample_index[0]).write("battery cybersecurity approval", template="situation")
    signals = next(s for s in brief.sections if s.name == "signals")
    assert signals.claims, "the digest's watch item on procurement shifts after the cybersecurity denials"
    assert all("cybersecurity" in c.text.lower() or "battery" in c.text.lower() for c in signals.claims)
