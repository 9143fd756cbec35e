"""A question made of background sentences and then the asked sentence ("Queen Elizabeth II ... died Thursday. When
did she ascend to the throne?") is answered by what the asked sentence asks for: the asked sentence's key terms
decide which sentences join the answer pool and how they rank (rag/writers/asked_view.py), so a sentence restating
the background does not lead. The background still names the story (its terms count, at a lower weight), and a
one-sentence question is scored as before.

Unit checks of the split and the view, and end to end through the real extractive writer (offline MiniLM) over short
articles written for this test: for each, the story's article restates the background in a sentence that also gives
the kind of value asked for (a date, a name, a number, a list), and goes on to state the answer in other words.
"""

from __future__ import annotations

import numpy as np
import pytest

from conftest import article_evidence

from rag.types import Chunk
from rag.writers.answer_kind import answer_type, asked_sentence
from rag.writers.asked_view import BACKGROUND_SHARE, asked_view, background_weight
from rag.writers.base import EvidencePassage
from rag.writers.candidates import Scored, candidates, coverages


# --- the asked sentence ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, asked, background", [
    ("Queen Elizabeth II, the longest-reigning British monarch, died Thursday. When did she ascend to the throne?",
     "When did she ascend to the throne?", "Queen Elizabeth II, the longest-reigning British monarch, died Thursday."),
    ("MLB announced the All-Star rosters this week. The game is in Los Angeles. Which pitcher will start?",
     "Which pitcher will start?", "MLB announced the All-Star rosters this week. The game is in Los Angeles."),
    ("Olivia Newton-John died this week at age 73. She appeared in all these films except:",
     "She appeared in all these films except:", "Olivia Newton-John died this week at age 73."),
])
def test_the_asked_sentence_is_the_last_and_the_sentences_before_it_are_background(question, asked, background):
    assert asked_sentence(question) == (asked, background)


@pytest.mark.parametrize("question", [
    "When did Queen Elizabeth II ascend to the throne?",
    "Which automaker recalled more than 200,000 pickup trucks this week?",
    "Who won? The prize was announced on Monday.",  # the question comes first: nothing before it is background
])
def test_a_question_without_background_is_its_own_asked_sentence(question):
    assert asked_sentence(question) == (question, "")


@pytest.mark.parametrize("question, kind", [
    ("Queen Elizabeth II died on Thursday. When did she ascend to the throne?", "when"),
    ("Kim Kardashian wore a dress to the Met Gala in May. Who was its designer?", "name"),
    ("The James Webb telescope sent its first images this week. How many years is it expected to operate?", "number"),
])
def test_the_answer_kind_is_read_from_the_asked_sentence(question, kind):
    assert answer_type(question) == kind


def scored_over(sentences: list[str], cos: list[float]) -> Scored:
    """Scored candidates of one passage per sentence, with the given cosines and coverage of nothing yet."""
    cands = []
    for i, s in enumerate(sentences):
        found, _ = candidates([EvidencePassage(f"S{i + 1}", Chunk(f"c{i}", f"d{i}", s, 0, len(s), 0), 1.0)])
        cands += found
    assert len(cands) == len(sentences)
    z = np.zeros(len(cands))
    return Scored(cands, np.array(cos), z, z.copy(), np.array(cos), z.copy(), np.eye(len(cands)), {}, {}, [[] for _ in cands])


QUEEN = "Queen Marit of Osterland, the longest-reigning monarch of Osterland, died on Thursday at the age of 96."


def test_after_background_the_asked_sentences_key_terms_count_most_in_coverage_and_relevance():
    question = QUEEN + " When did she ascend to the throne?"
    restates = "Queen Marit of Osterland, the longest-reigning monarch, died on Thursday, the palace said."
    answers = "Marit ascended to the throne in 1952 after the sudden death of her father."
    scored = scored_over([restates, answers], [0.8, 0.6])
    view = asked_view(question, scored, w_lexical=0.3)
    assert view.cov[1] > view.cov[0]
    assert view.rel[1] - view.rel[0] > scored.rel[1] - scored.rel[0]
    # measured on the whole question the restatement covers more: the background's words outnumber the asked ones
    whole, _, _ = coverages(question, scored.cands)
    assert whole[0] > whole[1]
    # the background still counts: a sentence naming the story and the throne beats one naming only the throne
    other = "A pretender to the throne of Velland ascended the steps of the court on Monday."
    view2 = asked_view(question, scored_over([answers, other], [0.6, 0.6]), w_lexical=0.3)
    assert view2.cov[0] > view2.cov[1]
    assert 0 < background_weight("When did she ascend to the throne?", QUEEN) < BACKGROUND_SHARE < 1


def test_a_one_sentence_question_is_scored_as_before():
    scored = scored_over([QUEEN, "Marit ascended to the throne in 1952."], [0.8, 0.6])
    assert asked_view("When did Queen Marit of Osterland ascend to the throne?", scored, w_lexical=0.3) is scored


# --- end to end: the first sentence answers the asked sentence ------------------------------------------------------------


@pytest.fixture(scope="module")
def writer(minilm):
    from rag.writers.extractive import ExtractiveWriter

    return ExtractiveWriter(minilm)


evidence = article_evidence  # one passage per (title, text) article, published 2022-09-10


MONARCH = ("Queen Marit of Osterland dies at 96",
           "Queen Marit of Osterland, the longest-reigning monarch in the country's history, died on Thursday at "
           "the age of 96, the palace said. Crowds gathered outside the palace in Velden on Thursday evening. "
           "Marit ascended to the throne in 1952 after the sudden death of her father, King Aldo.")
GALA = ("Singer Mara Voss stuns at Halden gala",
        "Singer Mara Voss wore a beaded silver gown to the Halden gala on Saturday, arriving with actor Luc Amery. "
        "Photographers crowded the steps as the two posed for pictures. "
        "The gown was designed by Teodor Brandt, who has made the costumes for her last three tours.")
TELESCOPE = ("Kessel telescope sends first images",
             "The Kessel space telescope sent its first images back to Earth this week, showing 3,000 galaxies in a "
             "single frame. Scientists called the pictures breathtaking. "
             "Engineers expect the observatory to keep operating for at least 12 years on its fuel reserve.")
WINERY = ("Vintner Ramos Vale wins Orla prize",
          "Vintner Ramos Vale won the Orla wine prize on Friday, beating entries from Spain, Portugal and France. "
          "The jury praised the estate's long tradition. "
          "On its hillside terraces the Vale estate grows tempranillo, garnacha and albariño grapes.")
OTHER = ("Harbour festival opens", "The harbour festival opened on Friday with 40 stalls and a parade. "
         "Organisers expect 20,000 visitors over the weekend, the city said.")


@pytest.mark.parametrize("question, story, answer", [
    ("Queen Marit of Osterland, the longest-reigning monarch in the country's history, died on Thursday. "
     "When did she ascend to the throne?", MONARCH, "in 1952"),
    ("Singer Mara Voss wore a beaded silver gown to the Halden gala on Saturday. Who designed the gown?",
     GALA, "Teodor Brandt"),
    ("The Kessel space telescope sent its first images back to Earth this week. "
     "For how many years is it expected to keep operating?", TELESCOPE, "at least 12 years"),
    ("Vintner Ramos Vale won the Orla wine prize on Friday. Which grapes does his estate grow?",
     WINERY, "tempranillo, garnacha and albariño"),
])
def test_after_background_the_first_sentence_answers_the_asked_sentence(writer, library, question, story, answer):
    draft = writer.write(question, library.get("answer"), evidence(story, OTHER), as_of="2022-09-10")
    assert not draft.abstain, draft.notes
    assert answer in draft.sections[0].claims[0].text


@pytest.mark.parametrize("question, story", [
    ("When did Queen Marit of Osterland ascend to the throne?", MONARCH),
    ("Who designed the gown Mara Voss wore to the Halden gala?", GALA),
    ("Which grapes does the estate of vintner Ramos Vale grow?", WINERY),
    ("How many years is the Kessel space telescope expected to keep operating?", TELESCOPE),
])
def test_a_one_sentence_question_gets_the_answer_it_got_without_the_asked_view(writer, library, question, story,
                                                                               monkeypatch):
    import rag.writers.answering as answering

    def answer(draft):
        return [c.text for s in draft.sections for c in s.claims]

    with_view = writer.write(question, library.get("answer"), evidence(story, OTHER), as_of="2022-09-10")
    monkeypatch.setattr(answering, "asked_view", lambda question, scored, *args: scored)
    without = writer.write(question, library.get("answer"), evidence(story, OTHER), as_of="2022-09-10")
    assert with_view.abstain == without.abstain and answer(with_view) == answer(without)
