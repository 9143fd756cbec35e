"""A question asking for a year is answered only by a sentence that gives a year (issue 10, s35).

Kind (h/polar-s34's note; follow-up fu-058#2): after "Which materials did Japan restrict for export to South Korea?",
"What year?" was answered with "Moon on Monday said that Seoul would be forced to take countermeasures …" from an
undated 2019 report: a weekday typed the sentence as giving the date asked for, though no year can be read from it.
As "on what date?" is not answered by "on Wednesday" (``AskedValue.calendar``), "what year?" is not answered by a
weekday, "last week", "yesterday" or a day of a month without its year (``AskedValue.year``, ``gives_year``); with
no sentence giving it, the answer says what the sources report and that none gives the date.
Sentences written for this test; the follow-up end to end over the sample corpus.
"""

from __future__ import annotations

import pytest

from test_answer_gives_value import gives  # the answering code's own reading of "holds the kind asked for"

from rag.pipeline import Engine
from rag.render import shown_answer
from rag.types import Turn
from rag.writers.answer_value import gives_year


@pytest.mark.parametrize("question", ["What year?", "In what year did Vesper raise its rice tariffs?",
                                      "Which year did the port close?", "What year was the ferry contract signed?"])
@pytest.mark.parametrize("sentence", [
    "Vesper on Monday raised its tariffs on Norland rice to 35 percent.",
    "The port closed last week after a storm damaged its cranes.",
    "The ferry contract was signed yesterday in Lindholm.",
    "Vesper raised its rice tariffs on March 3, officials said.",  # a day of a month, no year
    "The port closed earlier this month, the agency said.",
])
def test_a_sentence_without_a_year_does_not_answer_what_year(question, sentence):
    assert not gives(question, sentence)


@pytest.mark.parametrize("question", ["What year?", "In what year did Vesper raise its rice tariffs?",
                                      "Which year did the port close?"])
@pytest.mark.parametrize("sentence", [
    "Vesper raised its tariffs on Norland rice in 2019.",
    "The port closed on 2021-04-06 after a storm damaged its cranes.",
    "The ferry contract was signed in 1998 and runs for 30 years.",
])
def test_a_sentence_with_a_year_answers_it(question, sentence):
    assert gives(question, sentence)


@pytest.mark.parametrize("question", ["When did Vesper raise its rice tariffs?", "On which day did the port close?"])
def test_other_date_questions_keep_their_own_reading(question):
    # "when" is answered by "on Monday" as before; only a question asking for the year wants the year
    assert gives(question, "Vesper on Monday raised its tariffs on Norland rice to 35 percent.")


@pytest.mark.parametrize("text, year", [("in 2019", True), ("2,019 containers", False), ("20190", False),
                                        ("3.2019", False), ("in the 1990s", True), ("on Monday", False),
                                        # a year before a comma or a full stop is still a year (CI on b52cfc1)
                                        ("no later than 2027, officials said", True), ("It closed in 2021.", True),
                                        ("2019,000 tonnes", False), ("2019.5 points", False)])
def test_gives_year(text, year):
    assert gives_year(text) is year


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_what_year_over_the_undated_2019_report_says_none_gives_it(sample_engine):
    first = "Which materials did Japan restrict for export to South Korea?"
    brief = sample_engine.write(first, template="answer")
    history = [Turn("user", first), Turn("assistant", shown_answer(brief))]
    brief = sample_engine.write("What year?", template="answer", history=history)
    assert brief.abstained, "no sentence of the undated report gives a year"
    assert "none gives the date" in brief.message, brief.message
    assert "countermeasures" not in brief.message.split(";")[0] or "Moon on Monday" not in brief.message
