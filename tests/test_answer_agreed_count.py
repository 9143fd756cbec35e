"""A count the story's reports agree on leads an answer to "how many …?" over a number that one sentence gives about
something else (``rag.writers.answer_lead.agreed_lead``).

RealTime QA's wrong leads for counts were sentences close to the question that give *a* number ("Two people familiar
with the planning …" for Biden's age, "at least 10,000 Russian soldiers have been killed" for how many could be
conscripted), while the number asked for is repeated by several less similar sentences of the story ("turns 80",
"call up 300,000 reservists"). The inputs below are written for this test, on several topics; the values are read
by the same reader the answer uses (``answer_agree.asked_values``) and each sentence's weight stands for its cosine
to the question.
"""

from __future__ import annotations

import numpy as np
import pytest

from rag.types import Chunk
from rag.writers.answer_agree import asked_values
from rag.writers.answer_lead import AGREEMENT_RATIO, agreed_lead, value_support
from rag.writers.answer_value import asked_value
from rag.writers.base import EvidencePassage
from rag.writers.candidates import Candidate
from rag.writers.key_terms import stems


def cand(doc: str, text: str, *, start: int = 0, with_context: bool = False) -> Candidate:
    chunk = Chunk(chunk_id=f"{doc}:0", doc_id=doc, text=" " * start + text, start=0, end=start + len(text), index=0,
                  metadata={})
    return Candidate(EvidencePassage("S1", chunk, 1.0), 0, start, start + len(text), text, with_context=with_context)


def lead(question: str, sentences: list[tuple[str, float]], pick: int = 0) -> str | None:
    """The sentence that leads instead of ``sentences[pick]`` (the most similar holder), or None when it stays."""
    cands = [cand(f"d{i}", text) for i, (text, _) in enumerate(sentences)]
    weight = np.array([w for _, w in sentences])
    qstems, wanted = stems(question), asked_value(question)
    values = [asked_values("number", c, qstems, wanted) for c in cands]
    holders = agreed_lead(values, weight, cands, np.ones(len(cands), dtype=bool), pick)
    return cands[max(holders, key=lambda i: weight[i])].text if holders else None


AGREED = [
    # (question, the chosen sentence first, then the story's other sentences; the agreed sentence expected to lead)
    ("President Joe Biden celebrated a milestone birthday this week. What is his age?",
     [("Two people familiar with the planning say the wedding weekend coincides with the president's day.", 0.53),
      ("President Joe Biden turns 80 years old on Sunday, the first octogenarian in the office.", 0.71),
      ("Biden marked a milestone on Sunday that no other president has achieved while in office: he turned 80.", 0.70),
      ("Biden is turning 80 this weekend, but the party at the White House is for another occasion.", 0.69)],
     "President Joe Biden turns 80 years old on Sunday, the first octogenarian in the office."),
    ("How many reservists could soon be called up by Russia?",
     [("Officials estimate that at least 10,000 soldiers have been killed since the invasion began.", 0.62),
      ("Defense Minister Sergei Shoigu said the country will call up 300,000 reservists.", 0.50),
      ("The announcement would see 300,000 reservists called up, according to Shoigu.", 0.48)],
     "Defense Minister Sergei Shoigu said the country will call up 300,000 reservists."),
    ("How many chipmakers did the Commerce Department add to its Entity List?",
     [("The department's Bureau of Industry and Security has 12 regional offices across the country.", 0.58),
      ("The Commerce Department added 36 Chinese chipmakers to the Entity List on Thursday.", 0.55),
      ("The 36 companies include Yangtze Memory Technologies, the rule published Friday shows.", 0.49)],
     "The Commerce Department added 36 Chinese chipmakers to the Entity List on Thursday."),
    ("How many satellites did the rocket carry into orbit?",
     [("The rocket, first flown 3 years ago, lifted off from the Jiuquan launch centre.", 0.61),
      ("The Long March rocket placed 41 satellites into orbit, a record for a Chinese launch.", 0.57),
      ("All 41 satellites reached their planned orbits, state media said.", 0.52)],
     "The Long March rocket placed 41 satellites into orbit, a record for a Chinese launch."),
    ("How many residents were evacuated before the typhoon made landfall?",
     [("The typhoon is the 14th storm of the season to strike the region.", 0.60),
      ("Authorities evacuated 9,000 residents of coastal Okinawa ahead of the storm.", 0.55),
      ("About 9,000 residents spent the night in shelters, officials said.", 0.50),
      ("The prefecture said 9,000 people had been moved away from the coast.", 0.46)],
     "Authorities evacuated 9,000 residents of coastal Okinawa ahead of the storm."),
    ("How many vehicles did the carmaker recall over faulty airbags?",
     [("The carmaker's shares fell 2 percent in Tokyo trading after the announcement.", 0.59),
      ("The carmaker is recalling 300,000 vehicles over airbags that may not deploy.", 0.56),
      ("The recall covers 300,000 vehicles built between 2019 and 2021.", 0.51)],
     "The carmaker is recalling 300,000 vehicles over airbags that may not deploy."),
    ("How many employees will the chip designer lay off?",
     [("Chief executive Lena Ostrova, 54, told staff the company must cut costs.", 0.63),
      ("The chip designer will lay off 1,200 employees, about a tenth of its workforce.", 0.58),
      ("The 1,200 job cuts will fall mostly on its Seoul and Hsinchu offices.", 0.50)],
     "The chip designer will lay off 1,200 employees, about a tenth of its workforce."),
    ("How many Chinese suppliers were added to the export blacklist?",
     [("Two officials briefed on the decision spoke on condition of anonymity.", 0.57),
      ("Nearly 200 Chinese suppliers have been added to the blacklist this year.", 0.52),
      ("The blacklist now holds nearly 200 Chinese suppliers, the ministry said.", 0.50)],
     "Nearly 200 Chinese suppliers have been added to the blacklist this year."),
]


@pytest.mark.parametrize("question, sentences, expected", AGREED, ids=[q[:40] for q, _, _ in AGREED])
def test_the_count_several_sentences_agree_on_leads_over_a_number_one_sentence_gives(question, sentences, expected):
    assert lead(question, sentences) == expected


KEPT = [
    # the chosen sentence already gives the agreed count
    ("How many vehicles did the carmaker recall over faulty airbags?",
     [("The carmaker is recalling 300,000 vehicles over airbags that may not deploy.", 0.60),
      ("The recall covers 300,000 vehicles built between 2019 and 2021.", 0.51)]),
    # a count only one sentence gives is no agreement, however relevant
    ("How many satellites did the rocket carry into orbit?",
     [("The rocket lifted off from the Jiuquan launch centre on Tuesday morning.", 0.61),
      ("The rocket carried 41 satellites, the operator said.", 0.57)]),
    # the chosen sentence's own count is about as well supported as the other: it stays
    ("How many residents were evacuated before the typhoon made landfall?",
     [("Authorities evacuated 9,000 residents ahead of the storm.", 0.60),
      ("The shelters hold 9,000 residents, officials said.", 0.30),
      ("Some 12,000 residents were evacuated, local media said.", 0.45),
      ("Officials put the number of evacuated residents at 12,000.", 0.44)]),
]


@pytest.mark.parametrize("question, sentences", KEPT, ids=["gives it", "no agreement", "as well supported"])
def test_the_chosen_sentence_stays_when_no_count_is_agreed_on_beyond_its_own(question, sentences):
    assert lead(question, sentences) is None


def test_a_sentence_and_the_same_sentence_quoted_with_its_context_count_once():
    text = "The ministry said 36 firms were added."
    alone = cand("a", text, start=40)
    joined = Candidate(alone.passage, 0, 0, 40 + len(text), "Officials briefed reporters. " + text, with_context=True)
    values = [{"36"}, {"36"}]
    support, count = value_support(values, np.array([0.5, 0.6]), [alone, joined], np.array([True, True]))
    assert count == {"36": 1} and support == {"36": 0.6}


def test_a_sentence_giving_the_count_alone_leads_before_one_quoted_after_its_context():
    question = "How many chipmakers were added to the list?"
    first = cand("a", "The agency has 12 regional offices.")
    joined = cand("b", "The rule took effect on Friday. It added 36 chipmakers to the list.", with_context=True)
    alone = cand("c", "In all, 36 chipmakers were added to the list.")
    cands = [first, joined, alone]
    values = [asked_values("number", c, stems(question), asked_value(question)) for c in cands]
    holders = agreed_lead(values, np.array([0.6, 0.55, 0.5]), cands, np.ones(3, dtype=bool), 0)
    assert holders == [2]


def test_the_ratio_is_the_documented_bar():
    question = "How many satellites did the rocket carry into orbit?"
    cands = [cand("a", "It carried 40 satellites."), cand("b", "It carried 41 satellites."),
             cand("c", "All 41 satellites reached orbit.")]
    values = [asked_values("number", c, stems(question), asked_value(question)) for c in cands]
    w = 0.5
    below = np.array([w * 2 / AGREEMENT_RATIO + 0.01, w, w])  # the chosen count's support above 1/ratio of the other
    above = np.array([w * 2 / AGREEMENT_RATIO - 0.01, w, w])
    assert agreed_lead(values, below, cands, np.ones(3, dtype=bool), 0) == []
    assert agreed_lead(values, above, cands, np.ones(3, dtype=bool), 0) == [1, 2]

