"""A judgement belongs to the implications dimension it says the most about, not to any whose cue word it holds (issue
10, item 2).

``brief write "export controls" -t assessment`` listed "it is urgently necessary for countries around the world to
review and update their export controls to China" under "Implications: economic": "export" is an economic cue. The
dimension is now a scored decision (``rag.writers.dimensions``): distinct cue words per dimension, a phrase that
names an instrument or an office ("export controls", "Minister of Economy, Trade and Industry") claiming its
words, the topic's own words not counting, the highest score winning.
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.dimensions import dimension_scores, dimensions_of
from rag.writers.key_terms import stems


@pytest.mark.parametrize("text, topic, expected", [
    # an export control is a policy instrument: naming it says nothing about the economy
    ("Accordingly, it is urgently necessary for countries around the world to review and update their export "
     "controls to China.", "export controls", set()),
    ("Washington should tighten its export controls on chipmaking tools before Beijing closes the gap.",
     "US chip policy", set()),
    ("The new export restrictions are a diplomatic signal to Seoul's government.", "Japan and South Korea", {"political"}),
    ("Export curbs of this kind could push Beijing toward a military answer.", "China", {"security"}),
    # ... while consequences for trade, companies and markets are economic, whatever instrument causes them
    ("Japan's export controls could disrupt Samsung's supply chains and raise chip prices.", "Japan and Korea", {"economic"}),
    ("Exports of memory chips to China fell by a fifth as companies cut shipments.", "chip sanctions", {"economic"}),
    # an office's name is not what the sentence says
    ("The request was conveyed to Japan's Minister of Economy, Trade and Industry and tests the alliance.",
     "US pressure on Japan", {"political"}),
    # the topic's own word is said by every sentence of the brief
    ("The scrutiny of battery makers could strain Tokyo's relations with Beijing.",
     "Japan's cybersecurity scrutiny of Chinese battery makers", {"political"}),
    ("Cybersecurity reviews of this kind may deter investment by foreign firms.",
     "Japan's cybersecurity scrutiny of Chinese battery makers", {"economic"}),
    ("The intrusions could give Beijing insight into Japan's missile and fighter programmes.",
     "Cyber espionage against Japan's defense industry", {"security"}),
    # more words of one dimension than of another decide; a tie keeps both
    ("The drills may raise the risk of a military confrontation and strain diplomatic relations with Manila.",
     "China's drills", {"political", "security"}),
    ("The sanctions may deepen tensions between the governments and hurt trade, investment and the stock market.",
     "sanctions", {"economic"}),
    ("The visit was a test of how far the speaker was willing to go.", "Pelosi's visit", set()),
])
def test_a_judgement_has_the_dimension_it_says_the_most_about(text, topic, expected):
    assert dimensions_of(text, stems(topic)) == expected, dimension_scores(text, stems(topic))


def test_without_a_topic_every_cue_word_counts():
    text = "Cybersecurity reviews may deter investment by foreign firms and data leaks worry regulators."
    scores = dimension_scores(text)
    assert scores["cyber"] == 3 and scores["economic"] == 2


def passage(text: str, *, doc: str, n: int = 0, published: str = "2020-03-31") -> EvidencePassage:
    chunk = Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, {"title": "", "published": published, "publisher": doc})
    return EvidencePassage(f"S{n + 1}", chunk, 1.0)


def test_a_brief_on_export_controls_says_no_economic_implication_when_none_is_economic(writer, library):
    evidence = [
        passage("The existing international framework of export controls seems to no longer be effective. "
                "Accordingly, it is urgently necessary for countries around the world to review and update their "
                "export controls to China. The Japanese government must improve its export controls to preserve its "
                "alliance with Washington. Export controls should be coordinated with diplomatic partners in Europe.",
                doc="essay"),
    ]
    draft = writer.write("export controls", library.get("assessment"), evidence, as_of=None)
    claims = {s.name: [c.text for c in s.claims] for s in draft.sections}
    assert claims["implications_economic"] == []
    assert any("alliance" in t or "diplomatic" in t for t in claims["implications_political"]), claims


@pytest.mark.parametrize("name", ["implications_political", "implications_security", "implications_cyber",
                                  "implications_economic"])
def test_every_implications_sub_section_says_when_the_corpus_has_nothing_for_it(library, name):
    spec = library.get("assessment").section(name)
    assert spec.required
    assert spec.empty_text() == f"No evidence in the corpus for {spec.title[:1].lower() + spec.title[1:]}."
