"""A wire or outlet dateline is furniture, not content (``rag/text/datelines.py``, ``data/datelines.toml``).

"SEOUL, South Korea (AP) — North Korea on Tuesday fired … over Japan" answered "over which country?" with a wrong
choice, "South Korea", and "New York (CNN Business) McDonald's …" was typed as a sentence giving a name by its
dateline's places (RealTime QA fit half, evals/README.md h/select-s29 and h/select-s30). The dateline at a sentence's
start is neither the sentence's names or values nor quoted in an answer: the answer quotes the same sentence from the
words after it, citing that span (the quote stays a verbatim slice of the document). A brief keeps it (it tells where
the story was reported). Sentences that only look like datelines keep their start. The reports in ``tests/data/datelines/`` are written for this file, on eight topics.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.text.datelines import dateline_end, without_dateline
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.answer_class import asked_class, refers_by_class
from rag.writers.answer_kind import answer_type, has_answer_kind
from rag.writers.answer_value import asked_value
from rag.writers.candidates import candidates
from rag.writers.key_terms import stems as text_stems

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


def test_a_brief_keeps_the_dateline_which_tells_where_the_story_was_reported():
    # "he said it in Tokyo" is a key fact of a brief on Biden's Taiwan remarks (topics-news tn-021), told only by
    # "TOKYO (AP) —": a brief's candidates (``paragraphs``) quote the sentence whole
    text = "TOKYO (AP) — President Joe Biden said on Monday the US would defend Taiwan militarily."
    chunk = Chunk(chunk_id="c0", doc_id="d0", text=text, start=0, end=len(text), index=0, metadata={"title": "Biden"})
    cands, _ = candidates([EvidencePassage(sid="S1", chunk=chunk, score=1.0)], connectives=True, paragraphs=True)
    assert [c.text for c in cands] == [text]


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
    # verbatim, checked (up to whitespace: a citation re-cited over two paragraphs quotes their break, the claim a space)
    flat = " ".join(claim.text.split())
    assert all(" ".join(c.quote.split()) in flat or flat in " ".join(c.quote.split()) for c in claim.citations), claim


@pytest.mark.parametrize("text", [
    "(CNN) The team won its first championship on Sunday night.",
    "WASHINGTON (AP) — The team won its first championship on Sunday night.",
    "LAS VEGAS — The team won its first championship on Sunday night.",
    "New York (CNN Business) The team won its first championship on Sunday night.",
])
def test_a_dateline_is_no_name_a_description_could_refer_back_to(text):
    # "which team won?" is not answered by "the team" after a dateline: the dateline names no team
    assert refers_by_class(text, asked_class("Which team won its first championship?"))


def _typed(question: str, text: str, *, quoted_whole: bool = False) -> list[bool]:
    """Per candidate of a one-passage evidence holding ``text``: whether it gives the kind of answer ``question`` asks
    for (``answer_kind.has_answer_kind``, as the writer types sentences). ``quoted_whole``: typed as if the candidate
    were the whole sentence, its dateline included (what the writer did before)."""
    chunk = Chunk(chunk_id="c0", doc_id="d0", text=text, start=0, end=len(text), index=0, metadata={"title": "Report"})
    cands, _ = candidates([EvidencePassage(sid="S1", chunk=chunk, score=1.0)])
    if quoted_whole:
        cands = [replace(c, text=text) for c in cands]
    kind, qstems = answer_type(question), text_stems(question)
    return [has_answer_kind(kind, c, qstems, True, None, True, asked_value(question)) for c in cands]


# (question, a sentence whose only names the question lacks are its dateline's)
DATELINE_ONLY_NAMES = [
    ("Which new treat did Larkburger add to its menu for the fall?",
     "New York (CNN Business) Larkburger's newest item for fall doesn't have pumpkin or maple flavors."),
    ("Which company suspended its relationship with Kyle Irons?",
     "PORTLAND, Ore. (AP) — Kyle Irons has cut ties with his longtime agent, his spokesman said."),
    ("Which country did Kim Jong Un say had beaten the virus?",
     "SEOUL, South Korea (AP) — Kim Jong Un said on Wednesday the virus had been beaten."),
    ("Where did the typhoon make landfall on Thursday?",
     "TOKYO, Japan — The typhoon made landfall early on Thursday with strong winds."),
    ("Which company will build the new chip plant?",
     "Taipei, Taiwan (CNN Business) The new chip plant will open in 2027, officials said."),
    ("Which country declared victory over the virus this week?",
     "Colombo, Sri Lanka (CNN) The government declared victory over the virus this week."),
    ("Which hurricane left a million people without power?",
     "SAN JUAN, Puerto Rico (AP) — More than a million people were without power on Monday."),
    ("Which team won the championship on Sunday?",
     "LAS VEGAS — The championship ended on Sunday night after six games."),
    ("Which city will host the summit?",
     "BEIJING, Oct 3 (Reuters) - Officials said on Monday the summit would be held in the spring."),
]


@pytest.mark.parametrize(("question", "text"), DATELINE_ONLY_NAMES)
def test_a_dateline_does_not_type_a_sentence_as_giving_a_name(question, text):
    assert _typed(question, text) == [False]
    # read with its dateline, the dateline's place or outlet was taken for the name asked for
    assert _typed(question, text, quoted_whole=True) == [True]
