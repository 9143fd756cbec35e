"""An age the passage gives in apposition is the claim's compound age: "a 49-year-old Japanese national" over "A
Japanese national, 49, was arrested", "a 41-year-old engineer" over "... a former process engineer ... The engineer,
41, ..." (``named_appositions.restated_ages``, read by ``edits._title_moved``, ``added_details`` and
``reworded_swaps.swapped_nouns``; s70 brief, kind (b)). Another age, or the age of another person, is still
unsupported. Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.added_details import added_details
from rag.support.edits import edited_copy
from rag.support.facts import index_text
from rag.support.named_appositions import restated_ages

OSAKA = ("A Japanese national, 49, was arrested in Osaka on suspicion of exporting machine tools to Iran through a front "
         "company in Dubai, police said.")
SUWON = ("Prosecutors in Suwon indicted a former process engineer at a Samsung supplier on Monday. The engineer, 41, is "
         "accused of copying wafer recipes onto a personal drive before leaving for a start-up in Hefei.")
INCHEON = ("Customs officers at Incheon airport arrested a broker on Friday with two suitcases of GPU boards. The broker, "
           "58, told investigators he had been paid to carry the cards to Shenzhen.")
DAEJEON = "The student, 24, was detained at a dormitory in Daejeon for selling access to a research institute's servers."
HSINCHU = ("A purchasing manager, 52, and his accomplice, a 37-year-old courier, were detained in Hsinchu on Thursday over "
           "the smuggling of lithography parts.")
KAOHSIUNG = "A Taiwanese businessman, 63, was charged in Kaohsiung with shipping machine tools to North Korea."

RESTATED = [
    ("A 49-year-old Japanese national was arrested in Osaka.", OSAKA),
    ("A 41-year-old engineer was indicted on Monday, prosecutors said.", SUWON),
    ("Customs officers at Incheon airport arrested a 58-year-old broker on Friday.", INCHEON),
    ("A 24-year-old student was detained at a dormitory in Daejeon.", DAEJEON),
    ("A 52-year-old purchasing manager was detained in Hsinchu on Thursday.", HSINCHU),
    ("A 63-year-old Taiwanese businessman was charged in Kaohsiung.", KAOHSIUNG),
]

OTHER = [  # another age, or the age the passage gives another person
    ("A 47-year-old Japanese national was arrested in Osaka.", OSAKA),
    ("A 44-year-old engineer was indicted on Monday, prosecutors said.", SUWON),
    ("Customs officers at Incheon airport arrested a 53-year-old broker on Friday.", INCHEON),
    ("A 42-year-old student was detained at a dormitory in Daejeon.", DAEJEON),
    ("A 37-year-old purchasing manager was detained in Hsinchu on Thursday.", HSINCHU),
    ("A 36-year-old Taiwanese businessman was charged in Kaohsiung.", KAOHSIUNG),
]


@pytest.mark.parametrize("claim, passage", RESTATED)
def test_an_age_in_apposition_restates_the_claim_age(claim, passage):
    age = next(w for w in claim.split() if w.endswith("-year-old")).split("-")[0]
    assert {age, "year", "old"} <= restated_ages(claim, passage)


@pytest.mark.parametrize("claim, passage", OTHER)
def test_another_age_or_another_person_age_is_not_restated(claim, passage):
    assert not restated_ages(claim, passage)


def test_a_restated_age_is_no_edit_and_no_added_title():
    claim = "A 49-year-old Japanese national was arrested in Osaka."
    assert not edited_copy(claim, OSAKA)
    assert not [d for d in added_details(claim, OSAKA, index_text(OSAKA)) if d.kind == "title"]


def test_an_age_of_a_person_the_passage_describes_otherwise_is_not_restated():
    # the courier is 37, the manager 52: the manager's description with the courier's age restates nothing
    assert not restated_ages("A 37-year-old purchasing manager was detained.", HSINCHU)
    assert restated_ages("A 37-year-old courier was detained.", HSINCHU)


def test_the_checker_keeps_restated_ages_and_rejects_other_ones(checker):
    rows = [(c, p, True) for c, p in RESTATED] + [(c, p, False) for c, p in OTHER]
    assert not misjudged(checker, rows)
