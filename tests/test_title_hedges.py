"""A title is not quoted when its own text tells the same event only as reported (issue 10, item 3: a claim is never
stronger than its source), on stories beyond the one a user saw.

Seen on the sample corpus (``brief write "battery cybersecurity approval"``): "What happened" quoted the digest's
title part "Japan blocks Chinese battery makers over cybersecurity" while the text says "Japan has reportedly denied
cybersecurity approval for Chinese storage battery makers". Now the title is left out (``title_hedges``) and "What
happened" quotes the hedged sentence, attributed as before.
"""

from __future__ import annotations

import pytest

from rag.templates import TemplateLibrary
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates
from rag.writers.title_hedges import drop_strong_titles, hedged_in_body, hedges, title_hedged
from tests.test_hypotheses_reported import PROMPTS


def _article(title: str, body: str, *, doc: str = "n", kind: str = "news") -> EvidencePassage:
    text = f"{title}\n\n{body}"
    meta = {"title": title, "publisher": "Wire", "published": "2022-09-01", "kind": kind}
    return EvidencePassage("S1", Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta), 1.0)


#: (title, a body that tells the same event hedged or attributed)
STRONGER = [
    ("US bans Nvidia from selling A100 chips to China",  # chip ban
     "The US has reportedly barred Nvidia from selling its A100 chips to China, the company's filing suggests."),
    ("EU freezes assets of Bank Rossiya chairman",  # sanctions
     "The EU froze the assets of the Bank Rossiya chairman, according to diplomats briefed on the decision."),
    ("China lifts tariffs on Australian barley",  # tariffs
     "China will lift its tariffs on Australian barley, people familiar with the matter said."),
    ("North Korean hackers stole $620 million from Ronin bridge",  # cyber attribution
     "Hackers allegedly working for North Korea stole $620 million from the Ronin bridge."),
    ("Japanese police arrest suspect in Abe shooting",  # general 2022 news
     "Police in Nara are said to have arrested a suspect in the shooting of Abe."),
]
#: (title, a body that tells its event plainly, or hedges another event)
LEFT = [
    ("US bans Nvidia from selling A100 chips to China",
     "The US barred Nvidia from selling its A100 chips to China on Wednesday, the company said in a filing."),
    ("EU freezes assets of Bank Rossiya chairman",  # the hedge is about something else
     "The EU froze the assets of the Bank Rossiya chairman. Moscow reportedly plans a response."),
    ("China may lift tariffs on Australian barley",  # the title hedges itself
     "China will lift its tariffs on Australian barley, people familiar with the matter said."),
    ("FBI says North Korean hackers stole $620 million from Ronin bridge",  # the title attributes itself
     "Hackers allegedly working for North Korea stole $620 million from the Ronin bridge."),
]


def _titles(title: str, body: str):
    cands = candidates([_article(title, body)], connectives=True, paragraphs=True)[0]
    return cands, [c for c in cands if c.is_title]


@pytest.mark.parametrize("title, body", STRONGER)
def test_a_title_stronger_than_its_text_is_left_out(title, body):
    cands, titles = _titles(title, body)
    assert titles and titles[0].text == title
    hedged = hedged_in_body(titles[0], cands)
    assert hedged is not None and hedges(hedged.text)
    kept = drop_strong_titles(cands)
    assert title not in [c.text for c in kept] and hedged in kept


@pytest.mark.parametrize("title, body", LEFT)
def test_a_title_its_text_tells_plainly_or_that_hedges_itself_stays(title, body):
    cands, titles = _titles(title, body)
    assert titles and hedged_in_body(titles[0], cands) is None
    assert title in [c.text for c in drop_strong_titles(cands)]


@pytest.mark.parametrize("title, expected", [
    ("Report: Japan to block Chinese battery makers", True), ("Japan may block Chinese battery makers", True),
    ("Japan blocks Chinese battery makers, Nikkei says", True), ("Japan blocks Chinese battery makers", False),
    ("Seoul halts 57 chip items to Russia", False),
])
def test_a_title_that_attributes_or_hedges_itself(title, expected):
    assert title_hedged(title) is expected


def test_what_happened_states_the_event_as_the_text_hedges_it(writer):
    situation = TemplateLibrary(PROMPTS).get("situation")
    title = "Japan blocks Chinese battery makers over cybersecurity"
    ep = _article(title, "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers, "
                         "tightening scrutiny on hardware used in energy systems. "
                         "Analysts expect utilities to shift procurement to vetted suppliers.", kind="generated")
    draft = writer.write("battery cybersecurity approval", situation, [ep], as_of=None)
    quoted = {s.name: [c.text for c in s.claims] for s in draft.sections}
    assert title not in [t for texts in quoted.values() for t in texts], quoted
    assert quoted["summary"] and "reportedly denied" in quoted["summary"][0], quoted
