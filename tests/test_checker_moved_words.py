"""A word moved in from a neighbouring sentence (``rag.support.moved_words``): a claim that copies one passage
sentence but for a word taken alone from the next or previous one quotes neither sentence ("cut its sales ... by an
optimistic fifth" from "... by about a fifth ..." and "Analysts called that optimistic"). Two sentences joined
with the neighbour's own frame ("..., a forecast analysts called optimistic") are a faithful synthesis.

Inputs written for this test, by kind (several topics), not taken from the checker's errors."""

from __future__ import annotations

import pytest

from rag.support.facts import index_text
from rag.support.moved_words import moved_word
from rag.text.sentences import sentence_texts

# (passage, claim with a word moved in alone, faithful join of the two sentences)
CASES = [
    ("Tokyo Electron, the country's largest maker of chipmaking equipment, said it expected the new rules to cut its "
     "sales to Chinese customers by about a fifth in the coming fiscal year. Analysts called that optimistic.",
     "Tokyo Electron, the country's largest maker of chipmaking equipment, said it expected the new rules to cut its "
     "sales to Chinese customers by an optimistic fifth in the coming fiscal year.",
     "Tokyo Electron, the country's largest maker of chipmaking equipment, said it expected the new rules to cut its "
     "sales to Chinese customers by about a fifth in the coming fiscal year, a forecast analysts called optimistic."),
    ("The ferry operator said the two-week strike by its crews had ended after the union accepted a pay rise of four "
     "percent backdated to January. Passengers were relieved.",
     "The ferry operator said the two-week strike by its crews had ended after the relieved union accepted a pay rise "
     "of four percent backdated to January.",
     "The ferry operator said the two-week strike by its crews had ended after the union accepted a pay rise of four "
     "percent backdated to January, and passengers were relieved."),
    ("The central bank raised its benchmark interest rate by half a percentage point on Wednesday. Economists had "
     "expected a smaller increase.",
     "The central bank raised its benchmark interest rate by an expected half a percentage point on Wednesday.",
     "The central bank raised its benchmark interest rate by half a percentage point on Wednesday, more than "
     "economists had expected."),
    ("The city council approved the budget for the new stadium on Monday after a four-hour debate. Residents called "
     "the cost excessive.",
     "The city council approved the excessive budget for the new stadium on Monday after a four-hour debate.",
     "The city council approved the budget for the new stadium on Monday after a four-hour debate, a cost residents "
     "called excessive."),
    ("Samsung Electronics reported a 30 percent rise in quarterly operating profit, driven by strong sales of memory "
     "chips. Its smaller rivals posted record losses.",
     "Samsung Electronics reported a record 30 percent rise in quarterly operating profit, driven by strong sales of "
     "memory chips.",
     "Samsung Electronics reported a 30 percent rise in quarterly operating profit, driven by strong sales of memory "
     "chips, while its smaller rivals posted record losses."),
    ("The trade minister said the new export controls on gallium would take effect in March. Industry groups warned "
     "of severe shortages.",
     "The trade minister said the severe new export controls on gallium would take effect in March.",
     "The trade minister said the new export controls on gallium would take effect in March, and industry groups "
     "warned of severe shortages."),
    ("The startup raised 50 million dollars in a funding round led by SoftBank, the company said on Tuesday. Analysts "
     "described the valuation as modest.",
     "The startup raised a modest 50 million dollars in a funding round led by SoftBank, the company said on Tuesday.",
     "The startup raised 50 million dollars in a funding round led by SoftBank, the company said on Tuesday, at a "
     "valuation analysts described as modest."),
    ("Rescue teams pulled twelve miners from the flooded shaft late on Sunday. Doctors said two of them were in "
     "critical condition.",
     "Rescue teams pulled twelve critical miners from the flooded shaft late on Sunday.",
     "Rescue teams pulled twelve miners from the flooded shaft late on Sunday, and doctors said two of them were in "
     "critical condition."),
    ("The airline cancelled more than 400 flights at its Frankfurt hub because of the pilots' walkout. Travellers "
     "described the scenes at the terminal as chaotic.",
     "The airline cancelled more than 400 flights at its Frankfurt hub because of the pilots' chaotic walkout.",
     "The airline cancelled more than 400 flights at its Frankfurt hub because of the pilots' walkout, and travellers "
     "described the scenes at the terminal as chaotic."),
]


def _first(passage: str) -> str:
    return sentence_texts(passage)[0]


@pytest.mark.parametrize("passage, moved, joined", CASES)
def test_a_word_taken_alone_from_the_neighbouring_sentence_is_named(passage, moved, joined):
    first = _first(passage)
    reason = moved_word(moved, first, index_text(first), passage)
    assert reason is not None and reason.startswith("moved:"), reason


@pytest.mark.parametrize("passage, moved, joined", CASES)
def test_two_sentences_joined_with_the_neighbours_frame_are_no_moved_word(passage, moved, joined):
    first = _first(passage)
    assert moved_word(joined, first, index_text(first), passage) is None


def test_a_copy_of_the_sentence_and_a_name_from_its_neighbour_are_no_moved_word():
    passage = ("Sony said on Thursday that it would build a second chip plant in Kumamoto. The company expects "
               "the plant to open in 2026.")
    second = sentence_texts(passage)[1]
    # "Sony" names the second sentence's "the company": a name resolved from the neighbour is no moved word
    claim = "Sony expects the plant to open in 2026."
    assert moved_word(claim, second, index_text(second), passage, frozenset({"sony"})) is None
    assert moved_word(second, second, index_text(second), passage) is None


def test_a_noun_from_the_neighbour_that_says_which_thing_is_meant_is_no_moved_word():
    passage = ("On January 1, 2020, China enacted a law to regulate cryptography. There is a growing concern among "
               "foreign companies doing business in China that the new law will undermine information security.")
    second = sentence_texts(passage)[1]
    claim = ("There is a growing concern among foreign companies doing business in China that the new cryptography "
             "law will undermine information security.")
    assert moved_word(claim, second, index_text(second), passage) is None


@pytest.mark.parametrize("passage, moved, joined", CASES)
def test_the_checker_rejects_the_moved_word_and_accepts_the_join(checker, passage, moved, joined):
    rejected = checker.check(moved, [passage])
    assert not rejected.supported
    assert any(r.startswith("moved:") for r in rejected.reasons), rejected.reasons
    accepted = checker.check(joined, [passage])
    assert accepted.supported, accepted.reasons
