"""Which cited sources are on-topic evidence (issue 10, items 6 and 7): they date the brief ("as of") and decide its
confidence, so a source quoted for another story must not.

- A source is on-topic when one of the claims citing it names the topic's actors as fully as the best claim does;
  a multi-story generated brief quoted only for its other stories is not.
- A topic of common nouns (no actors) is matched by its words instead.
- With three or more names a claim may leave one implicit.
- When no claim names any actor, every cited source stays (nothing to tell them apart by).
"""

from __future__ import annotations

import pytest

from rag.brief import Citation, Claim, Source
from rag.writers.confidence import on_topic_sources


def source(doc: str, published: str | None = None, kind: str = "news") -> Source:
    return Source(index=0, doc_id=doc, publisher=doc, published=published, source_type=kind)


def claim(text: str, doc: str) -> Claim:
    return Claim(text=text, citations=[Citation(source=0, chunk_id=f"{doc}-0000", doc_id=doc, start=0, end=len(text), quote=text)])


def on_topic(topic: str, claims: list[Claim], sources: list[Source]) -> list[str]:
    return [s.doc_id for s in on_topic_sources(topic, sources, claims)]


@pytest.mark.parametrize("topic, claims, expected", [
    # the user's case: a 2026 cluster brief quoted for Korea's chip hub and China's smuggling cases
    ("Japan's 2019 export curbs on South Korea",
     [claim("Tokyo last week tightened the approval process for Japanese shipments of photoresists to South Korean companies.", "taipei"),
      claim("South Korea's chip-hub pitch could influence expectations for foundry capacity in the medium term.", "cluster"),
      claim("China's chip-smuggling enforcement can disrupt gray-market flows.", "cluster")],
     ["taipei"]),
    # the same kind elsewhere: a roundup quoted for its Philippine item in a brief on Vietnam and China
    ("Vietnam protests Chinese survey ship near Vanguard Bank",
     [claim("Vietnam's foreign ministry demanded that the Chinese survey ship leave Vanguard Bank, which Hanoi claims.", "vnexpress"),
      claim("The Philippines said it would file a diplomatic protest over Chinese vessels at Whitsun Reef.", "roundup")],
     ["vnexpress"]),
    # a report that names both actors in one of its claims is on-topic, whatever else it is quoted for
    ("Japan and China export controls",
     [claim("China restricted dual-use exports to 20 Japanese companies on Tuesday.", "wire"),
      claim("Japan said it would strengthen its own controls on chip equipment sold to China.", "kyodo"),
      claim("Taiwan's exports rose 10 percent.", "kyodo")],
     ["wire", "kyodo"]),
])
def test_a_source_quoted_only_for_another_story_is_not_on_topic(topic, claims, expected):
    docs = list(dict.fromkeys(c.citations[0].doc_id for c in claims))
    assert on_topic(topic, claims, [source(d) for d in docs]) == expected


def test_a_topic_of_common_nouns_is_matched_by_its_words():
    claims = [claim("Japan has reportedly denied cybersecurity approval for Chinese storage battery makers.", "desk"),
              claim("Taiwan's intelligence community identified a large number of cybersecurity incidents last year.", "taipei"),
              claim("Tokyo last week tightened the approval process for shipments of photoresists.", "taipei")]
    assert on_topic("battery cybersecurity approval", claims, [source("desk"), source("taipei")]) == ["desk"]


def test_with_three_names_a_claim_may_leave_one_implicit():
    # Xi, G20, Bali (a topic's first word counts only when the evidence writes it inside a sentence): the AP claim
    # leaves the G20 implicit and is on-topic; a claim naming Bali alone is not
    claims = [claim("Biden and Xi met in Bali on Monday, the White House said.", "ap"),
              claim("Biden told Xi at the G20 summit in Bali that the US would compete vigorously.", "reuters"),
              claim("Hotels in Bali were fully booked for the week, the tourism board said.", "jakarta")]
    docs = ["ap", "reuters", "jakarta"]
    assert on_topic("Biden meets Xi at the G20 in Bali", claims, [source(d) for d in docs]) == ["ap", "reuters"]


def test_when_no_claim_names_an_actor_every_cited_source_stays():
    claims = [claim("The measure takes effect next month.", "a"), claim("Officials declined to comment.", "b")]
    assert on_topic("Japan export controls on South Korea", claims, [source("a"), source("b"), source("c")]) == ["a", "b"]
