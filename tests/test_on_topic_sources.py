"""Which cited sources are on-topic evidence (issue 10, items 6 and 7): they date the brief ("as of") and decide its
confidence, so a source quoted for another story must not.

- A news report or official statement the brief cites is on-topic (the writer judged its document): a later
  report quotes the story's new facts, which need not repeat the topic's names.
- An analysis, essay or generated brief is on-topic when one of the claims citing it names the topic's actors as
  fully as the best claim does; a multi-story generated brief quoted only for its other stories is not.
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


#: the kind of each document of the cases below (others are news reports)
KINDS = {"cluster": "generated", "roundup": "generated", "essay": "analysis", "desk": "generated", "thinktank": "analysis",
         "jakarta": "generated", "b": "analysis", "c": "analysis"}


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
    # an analysis that names both actors in one of its claims is on-topic, whatever else it is quoted for
    ("Japan and China export controls",
     [claim("China restricted dual-use exports to 20 Japanese companies on Tuesday.", "wire"),
      claim("Japan's controls on chip equipment sold to China will probably tighten further.", "thinktank"),
      claim("Taiwan's exports rose 10 percent.", "thinktank"),
      claim("Export controls have a long history in Europe.", "essay")],
     ["wire", "thinktank"]),
])
def test_a_source_quoted_only_for_another_story_is_not_on_topic(topic, claims, expected):
    docs = list(dict.fromkeys(c.citations[0].doc_id for c in claims))
    assert on_topic(topic, claims, [source(d, kind=KINDS.get(d, "news")) for d in docs]) == expected


def test_a_topic_of_common_nouns_is_matched_by_its_words():
    claims = [claim("Japan has reportedly denied cybersecurity approval for Chinese storage battery makers.", "desk"),
              claim("Taiwan's intelligence community identified a large number of cybersecurity incidents last year.", "taipei"),
              claim("Tokyo last week tightened the approval process for shipments of photoresists.", "taipei")]
    taipei_essay = source("taipei", kind="analysis")  # the same quotes from a commentary source: not on-topic
    assert on_topic("battery cybersecurity approval", claims, [source("desk", kind="generated"), taipei_essay]) == ["desk"]


def test_with_three_names_a_claim_may_leave_one_implicit():
    # Xi, G20, Bali (a topic's first word counts only when the evidence writes it inside a sentence): the AP claim
    # leaves the G20 implicit and is on-topic; a claim naming Bali alone is not
    claims = [claim("Biden and Xi met in Bali on Monday, the White House said.", "ap"),
              claim("Biden told Xi at the G20 summit in Bali that the US would compete vigorously.", "reuters"),
              claim("Hotels in Bali were fully booked for the week, the tourism board said.", "jakarta")]
    docs = ["ap", "reuters", "jakarta"]
    assert on_topic("Biden meets Xi at the G20 in Bali", claims, [source(d, kind=KINDS.get(d, "news")) for d in docs]) == ["ap", "reuters"]


def test_a_later_report_quoted_for_new_facts_stays_on_topic():
    # the suspect's charges, days later, in a report that does not repeat the topic's names
    claims = [claim("Paul Pelosi was attacked with a hammer at the couple's San Francisco home on Friday.", "ap"),
              claim("DePape pleaded not guilty to attempted murder on Tuesday, prosecutors said.", "sfchronicle"),
              claim("DePape's lawyer said he would seek a mental health evaluation.", "commentary")]
    sources = [source("ap", "2022-10-29"), source("sfchronicle", "2022-11-04"), source("commentary", "2022-11-05", kind="analysis")]
    assert on_topic("Attack on Paul Pelosi at the couple's San Francisco home", claims, sources) == ["ap", "sfchronicle"]


def test_when_no_claim_names_an_actor_every_cited_source_stays():
    claims = [claim("The measure takes effect next month.", "a"), claim("Officials declined to comment.", "b")]
    sources = [source("a"), source("b", kind="analysis"), source("c", kind="analysis")]
    assert on_topic("Japan export controls on South Korea", claims, sources) == ["a", "b"]  # c is cited by no claim
