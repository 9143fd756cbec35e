"""One concept, one list: the writer and the checker read ordinals, streak words and determiners from the same data
files (s68 review), so a word one of them reads the other reads too.

- Ordinals: ``quantities.toml`` [ordinals] (``rag.text.numbers.ordinal_values``), read by the checker's streaks and
  parts of a year and by the writer's ordinal counts (``answer_value.ordinal_counts``, from "second" on).
- Streak words: ``streak_words.txt``, read by the checker's streaks and the writer's ordinal counts.
- Determiners: ``determiners.txt``, read by ``numbers.measured_noun`` (an amount after one modifies its noun).
- Alternations: ``rag.text.lexicon.alternation`` (longest first, a space matching any run of white space).
"""

from __future__ import annotations

import re

import pytest

from rag.support.streaks import streaks
from rag.support.year_parts import year_parts
from rag.text.lexicon import alternation, word_list
from rag.text.numbers import find_quantities, measured_noun, ordinal_values
from rag.writers.answer_value import asked_value, ordinal_counts

MONTHS = "For how many months in a row have Velmaran's chip exports fallen?"
QUARTERS = "How many quarters in a row has Ostrava Foundry reported a loss?"


@pytest.mark.parametrize("word", word_list("streak_words"))
def test_every_streak_word_makes_a_streak_for_the_checker_and_a_count_for_the_writer(word):
    text = f"Velmaran's chip exports fell for the fourth {word} month in October."
    assert [(s.unit, s.length) for s in streaks(text)] == [("month", 4)]
    assert ordinal_counts(asked_value(MONTHS), text)


@pytest.mark.parametrize("text, unit, length", [
    ("Ostrava Foundry reported a loss for the thirteenth straight quarter.", "quarter", 13),
    ("Copper output in Atacama rose for a second running year.", "year", 2),
    ("Kestrel Air cut fares for the third back-to-back week.", "week", 3),
])
def test_the_checker_reads_a_streak_with_any_shared_ordinal_and_streak_word(text, unit, length):
    assert [(s.unit, s.length) for s in streaks(text)] == [(unit, length)]


@pytest.mark.parametrize("text", [
    "Ostrava Foundry posted a loss for the sixth uninterrupted quarter.",
    "The foundry is in the red for a fifth continuous quarter, its filing shows.",
])
def test_the_writer_counts_with_any_shared_streak_word(text):
    assert ordinal_counts(asked_value(QUARTERS), text)


def test_the_writer_never_counts_with_first_and_parts_of_a_year_stop_at_four():
    assert not ordinal_counts(asked_value(QUARTERS), "Ostrava Foundry posted a loss for the first straight quarter.")
    assert ordinal_values()["twentieth"] == 20
    assert [(p.kind, p.ordinal) for p in year_parts("in the fourth quarter of 2027")] == [("quarter", 4)]
    assert year_parts("in the fifth quarter of 2027") == []


@pytest.mark.parametrize("text, noun", [
    ("Lumina Bank signed another $5 billion loan with the port authority.", "loan"),
    ("Each ₩300 billion subsidy round was paid to smaller suppliers.", "round"),
    ("Its Rs 9,000 crore blast furnace project was delayed.", "project"),
])
def test_an_amount_after_any_determiner_measures_its_noun(text, noun):
    q = find_quantities(text)[0]
    assert measured_noun(text, q) == noun


def test_an_alternation_puts_longer_words_first_and_lets_a_space_match_any_run():
    pattern = re.compile(rf"\b(?:{alternation(['back', 'back-to-back', 'no later than', 'back'])})\b")
    assert pattern.search("a back-to-back win").group(0) == "back-to-back"
    assert pattern.search("no later  than\nMay").group(0) == "no later  than"
    assert alternation(["ab", "abc", "ab"]) == "abc|ab"
