"""A "which <class>" question is not answered by a sentence that refers to the answer by its class only: for "Which
ferry operator won the contract?", "The operator, which runs three island routes, won the contract" restates the
question; "Kestrel Lines won the contract" answers it. Such a sentence does not give the kind of answer asked for
(``QuestionAnswering._typed``), so a sentence that names the member leads.

Unit checks of the class a question asks about and of references by class (inputs written for this test), and end
to end through the real Engine over three short articles (tests/data/answer_class/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.writers.answer_class import asked_class, refers_by_class
from rag.writers.key_terms import stem

DATA = Path(__file__).resolve().parent / "data" / "answer_class"


@pytest.mark.parametrize("question, noun", [
    ("Which ferry operator won the Teshima contract?", "operator"),
    ("Heavy snow closed roads around which mountain town this week?", "town"),
    ("Which three-time world champion will skip the Lindholm marathon?", "champion"),
    ("What rare orchid was found in the Amsel valley?", "orchid"),
    ("Who was the architect of the new Vellmar bridge?", "architect"),
    ("The storm hit which coastal province on Friday?", "province"),
])
def test_the_class_a_question_asks_a_member_of(question, noun):
    assert stem(noun) in asked_class(question)


@pytest.mark.parametrize("question", ["What did the minister say about the fees?", "Which of these ports reopened?",
                                      "When will the bridge reopen?"])
def test_a_question_naming_no_class_asks_none_that_a_description_could_restate(question):
    assert not refers_by_class("The port reopened after the minister spoke.", asked_class(question))


@pytest.mark.parametrize("question, text", [
    ("Which ferry operator won the Teshima contract?", "The operator, which runs three island routes, won the contract on Monday."),
    ("Which ferry operator won the Teshima contract?", "Officials said the ferry operator would start in May."),
    ("Heavy snow closed roads around which mountain town this week?", "Residents of the small mountain town were cut off for two days."),
    ("Which three-time world champion will skip the Lindholm marathon?", "The three-time world champion said she needed rest."),
    ("What rare orchid was found in the Amsel valley?", "Botanists had searched for the orchid since 1990."),
    ("The storm hit which coastal province on Friday?", "Power failed across the province's northern districts on Friday."),
])
def test_a_description_by_class_refers_to_the_answer_without_naming_it(question, text):
    assert refers_by_class(text, asked_class(question))


@pytest.mark.parametrize("question, text", [
    # the class word inside a name, or the name right after it
    ("Which ferry operator won the Teshima contract?", "Kestrel Lines Operator Group won the contract on Monday."),
    ("Heavy snow closed roads around which mountain town this week?", "Snow cut off the town of Brennvik for two days."),
    ("What rare orchid was found in the Amsel valley?", "Botanists found the orchid “Amsel lady's slipper” near the river."),
    # a name the description refers back to
    ("Which ferry operator won the Teshima contract?", "Kestrel Lines won the Teshima contract, the operator's first."),
    ("Which ferry operator won the Teshima contract?", "Kestrel, the ferry operator that runs three routes, won the contract."),
    # the question's time words are no class ("which rail line ... early next month?" and "the next timetable")
    ("Norvia is expected to open which rail line early next month?", "Passengers will see the next timetable in May."),
    ("Which ferry operator won the Teshima contract this week?", "The contract was signed this week in Vellmar."),
    # another noun, or no description at all
    ("Which three-time world champion will skip the Lindholm marathon?", "The race will start at the harbour."),
    ("The storm hit which coastal province on Friday?", "Storm Edda hit Lindmark province on Friday."),
])
def test_a_sentence_that_names_the_member_does_not_refer_by_class(question, text):
    assert not refers_by_class(text, asked_class(question))


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_class") / "data", DATA)


@pytest.mark.parametrize("question, name", [
    ("Which ferry operator won the Teshima island routes contract?", "Kestrel Lines"),
    ("Which mountain town was cut off by the January snowstorm?", "Brennvik"),
    ("Which three-time world champion pulled out of the Lindholm marathon?", "Anja Roos"),
])
def test_the_first_sentence_names_the_member_asked_for(engine, question, name):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert name in first_sentence(answer_text(brief)), answer_text(brief)


@pytest.mark.parametrize("question, stems", [
    ("Which Japanese companies or entities are named?", {"japan", "compani", "entiti"}),
    ("Which companies and individuals were named?", {"compani", "individu"}),
    ("Which firms or agencies did Japan list?", {"firm"}),  # "agencies" is no class noun of member_classes.toml
    ("Which chips and tools did Japan restrict?", {"chip"}),  # no class nouns: the phrase ends at "and"
])
def test_two_class_nouns_joined_by_or_or_and_are_both_asked(question, stems):
    from rag.writers.answer_class import asked_class

    assert asked_class(question) == stems
