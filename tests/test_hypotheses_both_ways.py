"""Hypotheses with evidence both ways (issue 10, item 5), specified on stories other than the one a user saw.

Seen on the sample corpus (Japan's 2019 curbs on South Korea): Suga's *refusal* ("The measure is not a subject for
consultation ...", quoted with the next sentence's "politically motivated") was listed as an explanation; the
security explanation had no evidence against although a source says an inspection "found no sign of illegal
transactions" (it bears on Abe's hint of "illegal transfers", the security reason's support).

- A quote joined to its context explains only when the sentence it stands on gives the reason, or the dependent
  sentence interprets it (a judgement): a statement of what happened, followed by "He was responding to ...
  motivated ...", reports a response.
- A finding that something was not so ("found no sign of", "no evidence that", "baseless") is evidence against.
- When nothing about the explanation itself says otherwise, a negated finding about what a sentence bearing on it
  asserts (a rare word the two share) is evidence against, by way of that sentence.
"""

from __future__ import annotations

import numpy as np
import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates
from rag.writers.hypotheses import against_by_way_of, negates, quote_explains


def _passage(text: str, *, doc: str, n: int = 0) -> EvidencePassage:
    meta = {"title": "", "published": "2023-03-10", "publisher": doc}
    return EvidencePassage(f"S{n + 1}", Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta), 1.0)


@pytest.mark.parametrize("text, negated", [
    ("South Korean Minister Sung Yun-mo said an emergency inspection found no sign of illegal transactions.", True),
    ("A customs audit found no evidence that the lithography tools had been diverted.", True),
    ("Jakarta called the EU's claim of hidden subsidies baseless.", True),
    ("There was no indication that the vessels had entered Philippine waters, the coast guard said.", True),
    ("Manila said the vessels had entered its waters twice last week.", False),
    ("No decision has been made on the second tranche, the ministry said.", False),
])
def test_a_finding_that_something_was_not_so_is_a_negation(text, negated):
    assert negates(text) is negated


@pytest.mark.parametrize("text, reason", [
    # a refusal (what happened), its context for a "He was responding to ... motivated ..." sentence
    ("“The ban is not up for negotiation,” Indonesia's mining minister told reporters. He was responding to the EU's "
     "complaint, which called the export ban a protectionist measure motivated by industrial policy.", False),
    ("“We will not lift the curbs,” the Dutch trade minister said on Friday. He was answering critics who said the "
     "curbs were driven by pressure from Washington.", False),
    # the sentence it stands on gives the reason: an explanation (the dependent sentence adds to it)
    ("The Hague said the curbs were based on national security concerns. They apply to ASML's immersion tools.", True),
    # the dependent sentence interprets what its context reports: the analysts' explanation
    ("“We view today's statement as illustrating the central bank's concern,” Goldman Sachs analysts said on "
     "Wednesday. However, they also pointed out that the bank might not defend the rupee, given that its fall was "
     "driven by a broad strengthening of the US dollar.", True),
])
def test_a_quote_joined_to_its_context_explains_only_when_its_lead_does(text, reason):
    cands, _ = candidates([_passage(text, doc="d")], connectives=True)
    joined = [c for c in cands if c.with_context]
    assert joined, [c.text for c in cands]
    assert quote_explains(joined[0]) is reason


STORY = [
    # 0: the explanation; 1: a sentence bearing on it; 2: a negated finding sharing a rare word with 1; 3: a negated
    # finding about something else
    _passage("Dutch officials said the curbs were based on security concerns that Chinese military laboratories could "
             "obtain ASML lithography machines.", doc="nrc"),
    _passage("The Hague has hinted that Chinese firms may have diverted ASML machines to military laboratories.",
             doc="fd", n=1),
    _passage("A Dutch customs audit of ASML found no sign of diverted shipments, the finance ministry said.",
             doc="nos", n=2),
    _passage("ASML found no evidence of a drop in orders from Taiwan, the company said in its results.", doc="asml", n=3),
]


def test_a_negated_finding_about_what_bears_on_an_explanation_is_evidence_against_it():
    cands, _ = candidates(STORY, connectives=True)
    texts = [c.text for c in cands]
    h = next(i for i, t in enumerate(texts) if "based on security concerns" in t)
    support = next(i for i, t in enumerate(texts) if "diverted ASML machines" in t)
    on_topic = np.ones(len(cands), dtype=bool)
    topic = "Dutch export curbs on ASML lithography machines"
    found = against_by_way_of(h, [support], cands, on_topic, [], topic)
    assert found is not None and "no sign of diverted shipments" in texts[found]
    # nothing bears on it: no sentence to link the finding through
    assert against_by_way_of(h, [], cands, on_topic, [], topic) is None
