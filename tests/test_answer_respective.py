"""Values paired "respectively" with their holders are bound to them: "Two junior engineers, surnamed Baek and Min,
received two years and 18 months respectively" answers "What sentence did Min receive?" (18 months), and a
sentence giving another holder's value ("The court gave the lead defendant, Jo, four years") does not lead it.
The pairs are read once (``rag.text.respective``: "A and B … X and Y respectively", "A, B and C … X, Y and Z in
that order"); the answer writer leads with the sentence pairing the one holder the question names with its value
(``answering._respective_answers``), though that sentence is less like the question than the others.

Sentences for the unit checks and short reports for the end-to-end checks through the real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text, first_sentence
from rag.text.respective import holder_value, respective_pairs
from rag.types import SearchFilters


@pytest.mark.parametrize("sentence, pairs", [
    ("Two former technicians, surnamed Park and Yoon, received three years and 30 months respectively.",
     (("Park", "three years"), ("Yoon", "30 months"))),
    ("Micron and Kioxia reported quarterly revenue of $8.7 billion and ¥410 billion, respectively.",
     (("Micron", "$8.7 billion"), ("Kioxia", "¥410 billion"))),
    ("Vietnam, Malaysia and the Philippines took 38%, 21% and 7% of the shipments respectively.",
     (("Vietnam", "38%"), ("Malaysia", "21%"), ("Philippines", "7% of the shipments"))),
    ("Imports of cobalt and lithium rose 14% and 6% in that order.", (("cobalt", "14%"), ("lithium", "6%"))),
    ("Adler and Brandt were fined €40,000 and €25,000, respectively, by the Hamburg court.",
     (("Adler", "€40,000"), ("Brandt", "€25,000"))),
])
def test_the_values_are_paired_in_order_with_their_holders(sentence, pairs):
    assert respective_pairs(sentence) == pairs


@pytest.mark.parametrize("sentence", [
    "Micron and Kioxia reported higher revenue in the quarter.",  # no marker
    "The two men, aged 34 and 41 respectively, were detained.",  # no list of holders
    "Park and Yoon were sentenced respectively.",  # no values
    "Park and Yoon, respectively, were questioned on Monday.",  # no values
])
def test_no_pairs_without_both_lists(sentence):
    assert respective_pairs(sentence) == ()


@pytest.mark.parametrize("question, value", [
    ("What sentence did Yoon receive?", "30 months"),
    ("How long was Park jailed?", "three years"),
    ("How much revenue did Kioxia report?", "¥410 billion"),
    ("What share of the shipments went to Malaysia?", "21%"),
])
def test_the_asked_holder_gets_its_own_value(question, value):
    text = {"Yoon": "Two former technicians, surnamed Park and Yoon, received three years and 30 months respectively.",
            "Park": "Two former technicians, surnamed Park and Yoon, received three years and 30 months respectively.",
            "Kioxia": "Micron and Kioxia reported quarterly revenue of $8.7 billion and ¥410 billion, respectively.",
            "Malaysia": "Vietnam, Malaysia and the Philippines took 38%, 21% and 7% of the shipments respectively."}
    holder = next(k for k in text if k in question)
    assert holder_value(question, text[holder]) == value


@pytest.mark.parametrize("question", [
    "What sentences did Park and Yoon receive?",  # both holders: no one value
    "What sentence did Kim receive?",  # neither
])
def test_no_value_unless_one_holder_is_asked(question):
    assert holder_value(question, "Two former technicians, surnamed Park and Yoon, received three years and 30 months "
                                  "respectively.") is None


ARTICLES = [
    ("01_verdict.md", "2026-10-08", "Suwon court jails display-panel engineers for leaking OLED process data",
     "SUWON — The Suwon District Court on Tuesday sentenced three former engineers of Daeyang Display to prison for "
     "leaking organic light-emitting diode deposition recipes to a Chinese panel maker.\n\n"
     "The court gave the ringleader, a 47-year-old former process manager surnamed Kwon, five years in prison and "
     "fined him 200 million won. Two former technicians, surnamed Park and Yoon, received three years and 30 months "
     "respectively. A recruiter was acquitted.\n\n"
     "Prosecutors had sought eight years for Kwon and said they would appeal."),
    ("02_timeline.md", "2026-10-10", "Timeline: the Daeyang Display leak case",
     "- March 2, 2025 — Daeyang Display reports a suspected leak to police.\n"
     "- July 9, 2025 — Kwon is arrested at Incheon airport.\n"
     "- October 6, 2026 — The Suwon District Court sentences Kwon to five years in prison."),
    ("03_results.md", "2026-11-05", "Micron and Kioxia report quarterly results as memory prices climb",
     "Memory makers reported higher sales as prices of NAND flash rose for a fourth quarter.\n\n"
     "Micron and Kioxia reported quarterly revenue of $8.7 billion and ¥410 billion, respectively.\n\n"
     "Kioxia said revenue from data-centre customers made up more than half of its sales, and the company expects "
     "revenue to grow further next quarter."),
    ("04_other.md", "2026-11-01", "Harbour festival opens",
     "The harbour festival opened on Friday with 40 stalls and a parade. Organisers expect 20,000 visitors."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("respective"), ARTICLES)


@pytest.mark.parametrize("question", [
    "What sentence did Yoon receive?",
    "How long was Park sentenced to in the Daeyang Display case?",
])
def test_the_sentence_pairing_the_asked_defendant_leads(engine, question):
    brief = engine.write(question, template="answer", filters=SearchFilters(until="2026-10-31"))
    assert not brief.abstained, brief.message
    lead = first_sentence(answer_text(brief))
    assert "Park and Yoon" in lead, lead


def test_the_sentence_pairing_the_asked_company_leads(engine):
    brief = engine.write("How much revenue did Kioxia report in the quarter?", template="answer",
                         filters=SearchFilters(until="2026-11-30"))
    assert not brief.abstained, brief.message
    lead = first_sentence(answer_text(brief))
    assert "¥410 billion" in lead, lead
