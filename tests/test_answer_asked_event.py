"""A "when" question is answered with the time of the event it asks about, not the time of the lede's announcement.

"When will SMIC's Shanghai expansion be completed?" was answered "SMIC announced the expansion plan for its Shanghai
plant on Thursday": the lede gives a time and repeats more of the question's words than "The company said the
expansion would be completed in March 2025", which the relevance cut had left out. The asked event (the asked
sentence's last key term; in Chinese, Japanese and Korean the terms after the asking word: ``asked_event``) must be
named by the answer's first sentence when a sentence of the story names it with a time. The same kind in CJK is in
``test_cjk_when.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.writers.answer_kind import answer_type
from rag.writers.asked_event import asked_event
from test_cases_cjk import Corpus, assert_answers_from

DOCS = Path(__file__).resolve().parent / "data" / "asked_event"


@pytest.mark.parametrize(
    "question, head",
    [
        ("When will SMIC's Shanghai expansion be completed?", {"complet"}),
        ("When does the Dutch licence rule take effect?", {"effect"}),
        ("When will the rules on chip exports take effect?", {"effect", "rule"}),  # a phrase before the verb
        ("When will mass production begin at Samsung's new line?", {"begin", "line"}),  # ... and after it
        ("When did she ascend to the throne?", {"ascend", "throne"}),
        ("What year did Internet Explorer debut?", {"debut"}),
        ("新电池量产是什么时候？", {"量产"}),  # the asking word ends the question: the term before it
        ("新电池什么时候量产？", {"量产"}),
    ],
)
def test_the_asked_event_is_the_predicate_the_question_puts_its_time_on(question, head):
    assert asked_event(question, answer_type(question)).head == head


@pytest.mark.parametrize("question", ["Who announced the expansion?", "How many permits were issued?"])
def test_a_question_asking_no_time_asks_no_event(question):
    assert asked_event(question, answer_type(question)) is None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    c = Corpus(tmp_path_factory.mktemp("asked-event"), sorted(DOCS.glob("*.txt")))
    yield c
    c.close()


@pytest.mark.parametrize(
    "question, file_name, time",
    [
        ("When will SMIC's Shanghai expansion be completed?", "smic_expansion.txt", "March 2025"),
        ("When does the Dutch licence rule for lithography scanners take effect?", "dutch_licences.txt", "September 1"),
        ("When will mass production begin at Samsung's new Pyeongtaek line?", "korea_fab.txt", "2026"),
        ("When will China's first gallium export permits expire?", "gallium_permits.txt", "end of 2024"),
        ("When will South Korea's new rules on chip exports take effect?", "korea_rules.txt", "June 1"),
    ],
)
def test_a_when_question_is_answered_with_the_time_of_the_asked_event(corpus, question, file_name, time):
    assert_answers_from(corpus.ask(question), file_name, corpus, time)


@pytest.mark.parametrize(
    "question, file_name, time",
    [
        ("When did SMIC announce the expansion plan for its Shanghai plant?", "smic_expansion.txt", "Thursday"),
        ("When did China's commerce ministry publish the gallium permit terms?", "gallium_permits.txt", "Wednesday"),
        ("When did South Korea's trade ministry announce the new chip export rules?", "korea_rules.txt", "Monday"),
    ],
)
def test_a_question_asking_when_the_announcement_was_made_still_gets_the_lede(corpus, question, file_name, time):
    assert_answers_from(corpus.ask(question), file_name, corpus, time)
