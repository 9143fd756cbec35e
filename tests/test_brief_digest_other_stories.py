"""A digest of other stories does not fill a brief (issue 10, s45 fresh user's worst brief finding).

Kind: **a generated digest of several stories, none of them the brief's, fills its judgement sections.** An
assessment of Japan's 2019 export curbs on South Korea (its one report undated) took every implication and its
outlook from the 2026 digest "Japan blocks Chinese battery makers over cybersecurity—while China prosecutes chip
smugglers and Korea pitches a new chip hub": it names Japan, China and Korea, and no dated report set it outside the
story's time. The brief's own confidence line called that source "not on the topic's story". Now such a digest (its
title cut into stories, ``digest_titles.other_stories``, none of them the topic's) tells the topic's story only when
one of its sentences names it (the topic's actors as fully as the best sentence, and one of the topic's own words its
title does not hold, a hyphenated word as one); otherwise none of its sentences is quoted. A broad topic the digest itself frames ("technology
security across East Asia") keeps it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over
from rag.writers.digest_titles import other_stories

DATA = Path(__file__).parent / "data" / "digests" / "other_stories.jsonl"

INTELRIFT = ("Japan blocks Chinese battery makers over cybersecurity—while China prosecutes chip smugglers and Korea "
             "pitches a new chip hub")
LUMEN = "Vietnam opens a chip-testing hub—while China detains a Taiwanese businessman and Japan funds a new memory fab"


@pytest.mark.parametrize(("topic", "title", "other"), [
    ("Japan's export curbs on South Korea", INTELRIFT, True),
    ("Taiwan's new export controls on semiconductor equipment", LUMEN, True),
    ("East Asia's shift to security-first industrial policy", INTELRIFT, True),  # judged by its sentences
    ("Japan's denial of cybersecurity approval for Chinese battery makers", INTELRIFT, False),  # its first story
    ("China's detention of a Taiwanese businessman", LUMEN, False),  # its second story
    ("Japan's curbs on South Korea", "Japan tightens export curbs on South Korea", False),  # one story
])
def test_a_digest_tells_other_stories_when_no_part_of_its_title_is_the_topics(topic, title, other):
    assert other_stories(topic, title) is other


def cited_publishers(brief) -> set[str]:
    cited = {c.doc_id for s in brief.sections for cl in s.claims for c in cl.citations}
    return {s.publisher or "" for s in brief.sources if s.doc_id in cited}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("other-stories") / "data", DATA)


@pytest.mark.parametrize("topic", [
    "Taiwan's new export controls on semiconductor equipment",  # quoted the digest's Vietnam hub and Japan's fab
    "Taiwan's export curbs on chip-making tools to China",
])
def test_a_digest_of_other_stories_with_the_topics_places_is_not_quoted(engine, topic):
    brief = engine.write(topic, template="assessment")
    assert "Lumen Watch Desk" not in cited_publishers(brief), [c.text for s in brief.sections for c in s.claims]
    assert "Formosa Ledger" in cited_publishers(brief)


@pytest.mark.parametrize("topic", [
    "China's detention of a Taiwanese businessman",  # one of the digest's own stories
    "Japan's subsidies for chip plants",
    "Cross-strait technology risks for Taiwan",  # a theme its sentences name
])
def test_a_digest_is_quoted_on_its_own_stories_and_themes(engine, topic):
    assert "Lumen Watch Desk" in cited_publishers(engine.write(topic, template="assessment"))


@pytest.mark.parametrize(("topic", "template"), [
    ("Japan's export curbs on South Korea", "assessment"),
    # s46 fresh helper: "dual-use" shares "use" with the battery story's "hardware used in critical infrastructure",
    # which let the digest in (What happened, Timeline, "as of 2026-06-30"): a hyphenated word is one term
    ("China's dual-use export ban on Japanese companies", "situation"),
    ("China's dual-use export ban on Japanese companies", "assessment"),
])
def test_the_2026_digest_fills_no_section_of_a_brief_on_another_story(sample_engine, topic, template):
    brief = sample_engine.write(topic, template=template)
    assert "Intelrift Intelligence Desk" not in cited_publishers(brief)
    assert "2026-06-30" not in brief.confidence.reason  # the digest, neither cited nor counted


@pytest.mark.parametrize("topic", [
    "East Asia's shift to security-first industrial policy",
    "Technology security developments in East Asia in 2026",
])
def test_a_broad_topic_the_digest_frames_still_quotes_it(sample_engine, topic):
    assert "Intelrift Intelligence Desk" in cited_publishers(sample_engine.write(topic, template="assessment"))
