"""An age is bound to the person the passage describes with it (s68 user: a role taken from a neighbouring
apposition). "A 41-year-old broker was indicted" over "Kim Young-ho, 41, a former engineer at SK On, and his
38-year-old accomplice, a broker," gives the engineer's age to the broker; ``named_appositions.other_age`` reads
each age of the passage with its description ("a 38-year-old accomplice, a broker,", "Kim Young-ho, 41, a former
engineer", "a customs broker, 52,") and gives a role swap (vetoed, ``features.role_swap``) when the claim's "a
<N>-year-old <description>" is another age's description. Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.named_appositions import other_age

SUWON = ("Prosecutors indicted Kim Young-ho, 41, a former engineer at SK On, and his 38-year-old accomplice, a broker, "
         "for leaking battery designs.")
HSINCHU = ("Police arrested Chen Wei-lun, 52, a sales manager at Formosa Optics, and Lin Mei-hua, 36, a procurement "
           "officer at the Defence Ministry, on Monday.")
CHANGWON = ("The court sentenced Park Sung-jin, a 47-year-old director at Daeil Machinery, and Yoon Hae-won, 29, a "
            "research engineer, to prison terms for selling turbine blueprints.")
ROTTERDAM = ("A customs broker, 52, was charged on Monday with falsifying end-user certificates, and a 30-year-old "
             "driver was released without charge.")

SWAPPED = [
    ("A 41-year-old broker was indicted.", SUWON),
    ("A 38-year-old engineer was indicted.", SUWON),
    ("A 36-year-old sales manager was arrested.", HSINCHU),
    ("A 29-year-old director was sentenced.", CHANGWON),
    ("A 47-year-old research engineer was sentenced.", CHANGWON),
    ("A 30-year-old customs broker was charged.", ROTTERDAM),
]

OWN = [
    ("A 41-year-old former engineer at SK On was indicted.", SUWON),
    ("Yoon Hae-won, a 29-year-old research engineer, was sentenced.", CHANGWON),
    ("A 52-year-old customs broker was charged with falsifying end-user certificates.", ROTTERDAM),
]


@pytest.mark.parametrize("claim, passage", SWAPPED)
def test_an_age_given_another_description_is_a_role_swap(claim, passage):
    assert (other_age(claim, passage) or "").startswith("role: passage gives the age")


@pytest.mark.parametrize("claim, passage", OWN + [("A 36-year-old procurement officer was arrested.", HSINCHU),
                                                  ("A 30-year-old driver was released.", ROTTERDAM)])
def test_an_age_with_its_own_description_is_no_swap(claim, passage):
    assert other_age(claim, passage) is None


def test_an_age_the_passage_gives_nobody_else_is_left_to_the_number_checks():
    assert other_age("A 41-year-old broker was indicted.", "Prosecutors indicted Kim Young-ho, 41, a former engineer.") is None


def test_the_checker_rejects_an_age_moved_to_another_description(checker):
    rows = [(c, p, False) for c, p in SWAPPED] + [(c, p, True) for c, p in OWN]
    assert not misjudged(checker, rows)
