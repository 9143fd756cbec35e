"""A title that asks or argues is an essay's thesis, not an event: "what happened" does not quote it (issue 10, item 2).

A document's title is evidence, typed "event" (the story's main event, as a news headline states it). The topics
suite's "Key developments" quoted the 2020 essay's title "How Japan should avoid becoming a loophole for technology
leaks to China" as a development.
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.sentence_cues import is_argument_title


@pytest.mark.parametrize("title", [
    "How Japan should avoid becoming a loophole for technology leaks to China",
    "Why export controls on chips keep failing",
    "What the Pelosi visit means for the Taiwan Strait",
    "Should Seoul build its own nuclear deterrent?",
    "Can Tokyo afford to decouple from Chinese batteries",
    "The case for a new CoCom targeting China",
    "Lessons from the 2019 dispute over photoresists",
])
def test_a_title_that_asks_or_argues_is_an_argument(title):
    assert is_argument_title(title)


@pytest.mark.parametrize("title", [
    "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo",
    "Japan blocks Chinese battery makers over cybersecurity",
    "Howard Lutnick visits Tokyo to press for chip curbs",
    "Whatsapp outage hits users across Asia",
    "Canada sanctions North Korean shipping firms",
    "Isuzu recalls 30,000 trucks over brake defect",
])
def test_a_headline_that_reports_an_event_is_not(title):
    assert not is_argument_title(title)


def passage(text: str, title: str, *, doc: str, n: int, published: str) -> EvidencePassage:
    chunk = Chunk(f"{doc}-0000", doc, text, 0, len(text), 0,
                  {"title": title, "published": published, "publisher": doc})
    return EvidencePassage(f"S{n + 1}", chunk, 1.0)


def test_key_developments_quote_a_news_headline_but_not_an_essays_title(writer, library):
    essay_title = "How Japan should avoid becoming a loophole for chip export controls"
    news_title = "Japan tightens chip export controls on China after US request"
    evidence = [
        passage(f"{news_title}\nJapan said on Friday it would restrict exports of 23 types of chipmaking equipment to "
                "China. The trade ministry said the chip export controls take effect in July.", news_title,
                doc="news", n=0, published="2023-03-31"),
        passage(f"{essay_title}\nJapan must tighten its chip export controls before allies lose patience. The "
                "government should coordinate chip export controls with Washington.", essay_title,
                doc="essay", n=1, published="2023-03-20"),
    ]
    draft = writer.write("Japan's chip export controls", library.get("assessment"), evidence, as_of=None)
    quoted = [c.text for s in draft.sections for c in s.claims]
    assert essay_title not in quoted
    # the news report's lede is the main event: the BLUF leads with it (issue 10, item 2), else key developments quote it
    reported = [c.text for s in draft.sections if s.name in ("bluf", "developments") for c in s.claims]
    assert any("Japan said on Friday" in t or t == news_title for t in reported), reported
    developments = next(s for s in draft.sections if s.name == "developments")
    assert not any(c.text.startswith(essay_title) for c in developments.claims)
