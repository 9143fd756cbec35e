"""RealTime QA choice matching with number words read as digits (evals/rtqa_answers.py, the ``*_number_words``
figures): "extended six months" matches the choice "6 months"; the same reading applies to the wrong choices, and
the literal figures are unchanged. Answers and choices written for this test."""

from __future__ import annotations

import pytest

from evals import rtqa_answers

CHOICES = ["3 months", "6 months", "9 months", "12 months"]


@pytest.mark.parametrize("text, expected", [
    ("The ban was extended six months on Friday.", "The ban was extended 6 months on Friday."),
    ("Seven days of talks; Three envoys left.", "7 days of talks; 3 envoys left."),
    ("The One-China policy stays.", "The One-China policy stays."),  # part of a name
    ("Someone phoned at nine-ish, often.", "Someone phoned at 9-ish, often."),
])
def test_number_words_are_read_as_digits(text, expected):
    assert rtqa_answers.digits_for_words(text) == expected


def test_a_number_in_words_matches_its_digit_choice_only_with_the_number_word_reading():
    text = "The ministry extended the curbs six months, officials said."
    literal = rtqa_answers.choice_scores(text, CHOICES, [1])
    words = rtqa_answers.choice_scores(text, CHOICES, [1], number_words=True)
    assert literal["answer_accuracy"] == 0.0
    assert words == {"answer_accuracy": 1.0, "first_sentence_accuracy": 1.0}


def test_the_number_word_reading_applies_to_wrong_choices_too():
    text = "The ministry extended the curbs six months, after a first extension of three months."
    assert rtqa_answers.choice_scores(text, CHOICES, [1], number_words=True)["answer_accuracy"] == 0.0
    text = "The curbs were lifted after nine months, not six months as planned."
    assert rtqa_answers.choice_scores(text, CHOICES, [1], number_words=True)["answer_accuracy"] == 0.0
