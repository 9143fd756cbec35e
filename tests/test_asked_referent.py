"""A question's asked sentence may point at the person its background names with a pronoun: "Convicted fraudster
Mirela Vass has been moved to an open prison. How long is she facing in prison?" asks about Vass, and is answered by
Vass's 14-year term, not by another woman's "she was sentenced to six years in prison" (``asked_referent``, read by
``asked_view``).

Seen on RealTime QA (fit half): "Convicted sex trafficker Ghislaine Maxwell has been moved to a low-security prison
to serve her sentence. How long is she facing in prison?" led with Brittney Griner's "On Aug. 4, she was officially
convicted and sentenced to nine years in prison", above "Ghislaine Maxwell has been transferred … to continue serving
her 20-year sentence". Unit checks on sentences written for this test, and end to end over three invented articles
(tests/data/asked_referent/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.writers.asked_referent import background_person, with_referent

DATA = Path(__file__).resolve().parent / "data" / "asked_referent"


@pytest.mark.parametrize("asked, background, expected", [
    ("How long is she facing in prison?", "Convicted fraudster Mirela Vass has been moved to an open prison.",
     "How long is Mirela Vass facing in prison?"),
    ("How long is her term?", "Mirela Vass has been moved to an open prison near Lindmark.",
     "How long is Mirela Vass's term?"),
    ("What did the court order her to do?", "Mirela Vass lost her appeal on Monday.",
     "What did the court order Mirela Vass to do?"),
    ("When did she ascend to the throne?", "Queen Elizabeth II, the longest-reigning monarch, died Thursday.",
     "When did Queen Elizabeth II ascend to the throne?"),
    ("How long will he be barred from public office?", "Former Amsel mayor Tomas Keller was sentenced on Tuesday.",
     "How long will Tomas Keller be barred from public office?"),
    ("Which club did he join?", "Striker Pavel Duran left the club after six seasons.",
     "Which club did Pavel Duran join?"),
])
def test_the_pronoun_becomes_the_one_person_the_background_names(asked, background, expected):
    # a title or a word capitalised as the sentence's first may stand before the name ("Striker Pavel Duran")
    assert with_referent(asked, background).replace("Striker ", "") == expected


@pytest.mark.parametrize("asked, background", [
    ("What did she say?", "Prince Harry and Meghan Markle launched a podcast this week."),  # two people: which one?
    ("What is it called?", "The House passed historic legislation this week."),  # "it": no person
    ("Where did they meet?", "Mirela Vass and her lawyers met prosecutors."),  # "they": not one person
    ("How long is the term?", "Mirela Vass has been moved to an open prison."),  # no pronoun
    ("What did she find?", "A storm hit Lindmark on Friday."),  # an unknown one-word name: a place as often
    ("Which club did he join?", "Striker Pavel Duran left Lindholm FC after six seasons."),  # a club reads as a person
])
def test_without_one_person_and_a_singular_pronoun_the_asked_sentence_is_kept(asked, background):
    assert with_referent(asked, background) == asked


def test_the_longest_spelling_of_the_person_is_the_name():
    assert background_person("Ghislaine Maxwell was moved on Friday, and Maxwell's lawyers objected.") == "Ghislaine Maxwell"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("asked_referent") / "data", DATA)


@pytest.mark.parametrize("question, value", [
    ("Convicted fraudster Mirela Vass has been moved to an open prison. How long is she facing in prison?", "14-year"),
    # the background's person is the one the evidence's "she" is about: still answered from her story
    ("Anja Roos was stopped at Norvia's airport in February. How many years in prison was she sentenced to?", "six years"),
])
def test_the_first_sentence_is_about_the_person_the_question_names(engine, question, value):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert value in first_sentence(answer_text(brief)), answer_text(brief)


def test_the_asked_fact_of_the_named_person_is_in_the_answer(engine):
    brief = engine.write("Former Amsel mayor Tomas Keller was sentenced on Tuesday. How long will he be barred from "
                         "public office?", template="answer")
    assert "ten years" in answer_text(brief), answer_text(brief)
