"""One concept, one reader (s69 review): where the writer and the checker read the same thing, they call one reader,
so a text one of them reads the other reads the same way.

- Clock times: ``rag.text.numbers.clock_spans``, read by the checker's figures and by the writer's
  ``answer_value.quantity_text`` (the digits of a time of day count nothing).
- An acronym spelled out in words: ``rag.text.initials.words_spell``, read by the checker's ``spells_out`` (a word
  may give several letters, joining words skipped) and by the writer's unmentioned names (one letter a word, the
  words joined by spaces or hyphens only): two policies of one matcher.
- Spelled whole numbers: ``quantities.toml`` [spelled_numbers], one to ten of them through
  ``rag.text.numbers.spelled_wholes`` (no second list, [fractions.wholes], beside it), read by "two and a half", the
  verdict's number words, the writers' counts in words and agreement of values, and the evals' digits for words.
- "Respectively": ``rag.text.respective`` is the one reader (no other module reads the marker); its marker words
  are an alternation of ``rag.text.lexicon.alternation``, so "in that order" broken over a line reads too.
- Articles: ``data/articles.txt``, read where a module means the articles alone ("the", "a", "an"); the wider
  ``determiners.txt`` holds them too.
"""

from __future__ import annotations

import pytest

from rag.text.initials import spells_out, words_spell
from rag.text.lexicon import table, word_set
from rag.text.numbers import clock_spans, is_number_word, number_words, spelled_numbers, spelled_wholes
from rag.text.respective import respective_pairs
from rag.writers.unmentioned import unmentioned_names
from rag.writers.answer_value import quantity_text


@pytest.mark.parametrize("text", [
    "The drill at Velmaran port began at 7.30pm and involved 40 vessels.",
    "Sirens sounded at 15:40:30 local time as 40 vessels left Velmaran port.",
    "The ferry left at 6:30 p.m. with 40 vessels escorting it.",
    "Talks resumed at 09:00 and 40 vessels were counted by noon.",
])
def test_the_writer_blanks_every_clock_time_the_checker_reads_and_keeps_the_count(text):
    masked = quantity_text(text)
    for start, end in clock_spans(text):
        assert masked[start:end].strip() == "", text[start:end]
    assert "40" in masked
    # no stray part of the time is left to be read as an amount ("7." of "7.30pm", "30" of "15:40:30")
    assert [w for w in masked.split() if any(c.isdigit() for c in w)] == ["40"]


def test_a_decimal_or_a_ratio_before_am_is_no_clock_time_for_either_reader():
    text = "Shares rose 0.5 am- in early trade after a 3:1 vote."
    assert clock_spans(text) == []
    assert "0.5" in quantity_text(text)


@pytest.mark.parametrize("letters, words, one_each, expected", [
    ("gpu", ["new", "graphics", "processing", "units"], True, True),
    ("gpu", ["new", "graphics", "processing", "units"], False, True),
    ("icbm", ["intercontinental", "ballistic", "missile"], False, True),
    ("icbm", ["intercontinental", "ballistic", "missile"], True, False),
    ("gpu", ["graphics", "units"], False, True),  # "graphics" gives "gp"
    ("gpu", ["graphics", "units"], True, False),
    ("", ["graphics"], False, False),
])
def test_one_matcher_spells_an_acronym_by_initials_one_letter_a_word_or_more(letters, words, one_each, expected):
    assert words_spell(letters, words, one_each=one_each) is expected


def test_the_writer_and_the_checker_both_read_an_acronym_spelled_one_letter_a_word():
    text = "Velmaran Foundry ships high-bandwidth memory to the lab."
    assert spells_out("HBM", text.lower())
    assert unmentioned_names("How much HBM did Velmaran Foundry ship?", [text]) == []


def test_the_writer_reads_no_acronym_across_a_sentence_end_the_checker_may():
    text = "Velmaran Foundry ships high-bandwidth. Memory prices rose."
    assert spells_out("HBM", text.lower())
    assert unmentioned_names("How much HBM did Velmaran Foundry ship?", [text]) == ["HBM"]


def test_the_spelled_wholes_are_the_spelled_numbers_one_to_ten_and_no_second_list():
    assert spelled_wholes() == {w: v for w, v in spelled_numbers().items() if 1 <= v <= 10}
    assert "wholes" not in table("quantities")["fractions"]
    assert all(is_number_word(w.title()) for w in spelled_wholes())
    assert not is_number_word("eleven") and not is_number_word("zero")
    assert set(spelled_wholes()) < number_words() and "million" in number_words()


def test_a_respectively_marker_broken_over_a_line_still_pairs_the_values():
    text = "Velmaran Foundry and Ostra Cable were fined $5 billion and $2 billion in that\norder on Friday."
    assert respective_pairs(text) == (("Velmaran Foundry", "$5 billion"), ("Ostra Cable", "$2 billion"))


def test_the_articles_are_one_list_and_determiners_among_the_wider_list():
    assert word_set("articles") == {"a", "an", "the"}
    assert word_set("articles") < word_set("determiners")
