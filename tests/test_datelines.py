"""A wire or outlet dateline is furniture, not content (``rag/text/datelines.py``, ``data/datelines.toml``).

"SEOUL, South Korea (AP) — North Korea on Tuesday fired … over Japan" answered "over which country?" with a wrong
choice, "South Korea", and "New York (CNN Business) McDonald's …" was typed as a sentence giving a name by its
dateline's places (RealTime QA fit half, evals/README.md h/select-s29 and h/select-s30). The dateline at a sentence's
start is neither the sentence's names or values nor quoted: the answer quotes the same sentence from the words after
it, citing that span (the quote stays a verbatim slice of the document). Sentences that only look like datelines
keep their start. The reports in ``tests/data/datelines/`` are written for this file, on eight topics.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.text.datelines import dateline_end, without_dateline
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates

DATA = Path(__file__).resolve().parent / "data" / "datelines"

# (sentence, the sentence's own words after its dateline)
DATELINES = [
    ("SEOUL, South Korea (AP) — North Korea on Tuesday fired a missile over Japan.",
     "North Korea on Tuesday fired a missile over Japan."),
    ("SEOUL, South Korea — North Korea fired a missile over Japan.", "North Korea fired a missile over Japan."),
    ("New York (CNN Business) McDonald's is adding a cheese danish.", "McDonald's is adding a cheese danish."),
    ("(CNN) Ghislaine Maxwell has been transferred to a prison in Florida.",
     "Ghislaine Maxwell has been transferred to a prison in Florida."),
    ("(Reuters) - Samsung Electronics said on Tuesday its profit fell.", "Samsung Electronics said on Tuesday its profit fell."),
    ("WASHINGTON (AP) — The Senate voted 68-31 to pass the chips bill.", "The Senate voted 68-31 to pass the chips bill."),
    ("BEIJING, Oct 3 (Reuters) - China added 31 firms to its export control list.",
     "China added 31 firms to its export control list."),
    ("Beijing CNN — China has moved quickly to suppress the protests.", "China has moved quickly to suppress the protests."),
    ("PORTLAND, Ore. (AP) — Following the resignation of the commissioner, the league acted.",
     "Following the resignation of the commissioner, the league acted."),
    ("LOUISVILLE, Ky. — A jury acquitted the former officer.", "A jury acquitted the former officer."),
    ("DETROIT -- Jan. 1 was a monumental day in the state of Oregon.", "Jan. 1 was a monumental day in the state of Oregon."),
    ("ASHEVILLE - From guns to freezers, the pandemic changed what people buy.",
     "From guns to freezers, the pandemic changed what people buy."),
    ("ST. PETERSBURG, Fla. (AP) — The Rays beat the Yankees 4-2.", "The Rays beat the Yankees 4-2."),
    ("Washington (CNN) A majority of Americans back the bill.", "A majority of Americans back the bill."),
    ("ROME — Italy's premier resigned on Thursday.", "Italy's premier resigned on Thursday."),
    ("TOKYO — Japan said it would tighten chip export rules.", "Japan said it would tighten chip export rules."),
    ("TAIPEI, Taiwan, May 2 (Reuters) - Orion Semiconductor will build a plant in Arizona.",
     "Orion Semiconductor will build a plant in Arizona."),
]

# sentences whose start looks like a dateline but is the sentence's own subject
PROSE = [
    "Seoul, meanwhile, said it would hold joint drills with Washington.",
    "Moon Jae-in — South Korea's president — said the talks would resume.",
    "North Korea (DPRK) fired a missile on Tuesday.",
    "NATO — The alliance said it would send more troops.",
    "TSMC — Taiwan's largest chipmaker — said demand was strong.",
    "The winter solstice - the shortest day - falls on Dec. 21.",
    "US - China talks resumed in Geneva on Monday.",
    "Japan (AP photo) hosted the summit.",
    "Tokyo, which hosted the Olympics, said the costs rose.",
    "SEOUL, South Korea —",  # nothing after it: not a sentence's start to cut
]


@pytest.mark.parametrize(("text", "words"), DATELINES)
def test_a_dateline_at_a_sentence_start_is_left_out(text, words):
    assert without_dateline(text) == words
    assert text[dateline_end(text):] == words  # an offset into the sentence: a cited span can start there


@pytest.mark.parametrize("text", PROSE)
def test_a_sentence_that_only_looks_like_a_dateline_keeps_its_start(text):
    assert dateline_end(text) == 0
    assert without_dateline(text) == text


def test_a_candidate_quotes_the_sentence_after_its_dateline_and_cites_that_span():
    text = ("SEOUL, South Korea (AP) — North Korea on Tuesday fired a missile over Japan.\n\n"
            "Seoul, meanwhile, said it would hold joint drills with Washington.")
    chunk = Chunk(chunk_id="c0", doc_id="d0", text=text, start=0, end=len(text), index=0,
                  metadata={"title": "North Korea fires missile over Japan"})
    cands, _ = candidates([EvidencePassage(sid="S1", chunk=chunk, score=1.0)])
    quotes = [c.text for c in cands]
    assert quotes == ["North Korea on Tuesday fired a missile over Japan.",
                      "Seoul, meanwhile, said it would hold joint drills with Washington."]
    for c in cands:
        cite = c.claim().cites[0]
        assert text[cite.start:cite.end] == c.text  # the span cited is the quote, verbatim


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("datelines") / "data", DATA)


# (question, the answer's words, the dateline's words the answer must not quote)
QUESTIONS = [
    ("Over which country did North Korea fire a missile on Tuesday?", "over Japan", ["SEOUL", "South Korea", "(AP)"]),
    ("What is Larkburger adding to its breakfast menu?", "cheese danish", ["New York", "CNN"]),
    ("Where was Marguerite Vale transferred to continue serving her sentence?", "Tallahassee", ["(CNN)"]),
    ("Where will Orion Semiconductor build its second US chip plant?", "Phoenix", ["TAIPEI", "Taiwan", "Reuters"]),
    ("Where did Typhoon Hinnamnor make landfall on Thursday?", "Okinawa", ["TOKYO"]),
    ("Which countries agreed to cut tariffs on rice and palm oil?", "Vietnam and Indonesia", ["BEIJING", "Reuters"]),
    ("Who won the race for governor of Nebraska?", "Maria Okafor", ["DES MOINES", "Iowa"]),
    ("Which satellite did the Falcon rocket carry into orbit?", "Aurora-3", ["CAPE CANAVERAL", "Fla.", "(AP)"]),
]


@pytest.mark.parametrize(("question", "answer", "dateline"), QUESTIONS)
def test_an_answer_quotes_the_reported_sentence_without_its_dateline(engine, question, answer, dateline):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    first = first_sentence(answer_text(brief))
    assert answer in first, first
    assert not any(word in first for word in dateline), first
    claim = next(c for s in brief.sections if s.kind == "claims" for c in s.claims)
    assert all(c.quote in claim.text or claim.text in c.quote for c in claim.citations), claim  # verbatim, checked
