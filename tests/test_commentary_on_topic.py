"""A generated brief's sentence is on-topic only when it names the story's actors (issue 10, items 1 and 9), on
stories other than the one a user saw.

A generated brief is often a digest of several stories: it is on-topic as a document (it names the topic's actors
somewhere), yet each of its sentences is about one of its stories. A brief quotes such a sentence only when it
names the topic's actors as fully as the best sentence of the evidence does (one fewer with three or more names),
so a section that only another story's judgements would fill says "No evidence in the corpus for ..." instead. A
news report's sentences are judged by their document, as before (a later report's new facts need not repeat the
topic's names), and so are an analysis' (it argues one story; its implications need not repeat the names).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.templates import TemplateLibrary
from rag.types import Chunk
from rag.writers.base import EvidencePassage

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


def passage(text: str, *, doc: str, n: int, title: str, kind: str) -> EvidencePassage:
    meta = {"title": title, "published": "2022-05-10", "publisher": doc, "kind": kind}
    return EvidencePassage(f"S{n + 1}", Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta), 1.0)


#: topic -> (evidence, the digest's sentences about another story of one of the topic's actors)
CASES = {
    "Indonesia's nickel export ban and the EU's WTO complaint": (
        [passage("The European Union filed a WTO complaint against Indonesia's ban on nickel ore exports on Monday. "
                 "Indonesia said the export ban would stay and that it would defend it at the WTO.",
                 doc="reuters", n=0, title="EU takes Indonesia's nickel export ban to the WTO", kind="news article"),
         passage("Indonesia's nickel export ban is likely to raise stainless steel costs for EU mills if the WTO "
                 "case drags on. Indonesia's January ban on coal exports reflects a bid to secure power for its own "
                 "grid. Indonesia's palm oil export levy suggests Jakarta is managing food prices ahead of the vote.",
                 doc="digest", n=1, title="Digest: nickel, a new capital, coal", kind="generated intelligence brief")],
        ["Indonesia's January ban on coal exports", "Indonesia's palm oil export levy"]),
    "Vietnam's protest over a Chinese survey ship at Vanguard Bank": (
        [passage("Vietnam's foreign ministry demanded on Friday that the Chinese survey ship leave Vanguard Bank. "
                 "Hanoi said the Chinese vessel had violated Vietnam's exclusive economic zone.",
                 doc="vnexpress", n=0, title="Vietnam protests Chinese survey ship at Vanguard Bank", kind="news article"),
         passage("Vietnam's protest over the Chinese survey ship at Vanguard Bank is likely to harden Hanoi's stance "
                 "in code-of-conduct talks. Vietnam's new duties on steel imports reflect a bid to shield its "
                 "mills from dumping. Vietnam's ship-building subsidies suggest Hanoi is courting Korean yards.",
                 doc="desk", n=1, title="Weekly desk: Vanguard Bank; electronics; steel", kind="generated brief")],
        ["Vietnam's new duties on steel imports", "Vietnam's ship-building subsidies"]),
}


@pytest.fixture(scope="module")
def assessment():
    return TemplateLibrary(PROMPTS).get("assessment")


@pytest.mark.parametrize("topic", sorted(CASES))
def test_a_digests_sentence_about_another_story_of_one_actor_is_not_quoted(writer, assessment, topic):
    evidence, other_stories = CASES[topic]
    draft = writer.write(topic, assessment, evidence, as_of=None)
    quoted = [c.text for s in draft.sections for c in s.claims]
    assert not draft.abstain and quoted
    assert not any(o in q for o in other_stories for q in quoted), quoted
