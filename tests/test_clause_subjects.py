"""A predicate of one clause said of the subject of another: "Kang and one engineer, Jeon Yu-na, were indicted
under detention; the other three were indicted without detention" says nothing of Jeon being indicted without
detention (``rag/support/clause_subjects.py``). A claim that keeps the named person's own clause is supported.
Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.clause_subjects import enumerated_count, other_clause

PASSAGE_TW = ("Of the seven suspects, Lin Chia-hao and a former manager, Tsai Mei-ling, were detained; the other five "
              "were released on bail.")
PASSAGE_FR = ("Dupont and his deputy, Claire Martin, were placed under formal investigation, while the two remaining "
              "executives were questioned as witnesses.")
PASSAGE_BR = ("Judge Moraes ordered Silva held in custody; the rest of the defendants were freed pending trial.")
PASSAGE_UK = ("Patel was convicted of fraud at Southwark Crown Court, but the other two directors were acquitted.")

OTHER_CLAUSE = [
    ("Tsai Mei-ling was released on bail.", PASSAGE_TW),
    ("Claire Martin was questioned as a witness.", PASSAGE_FR),
    ("Silva was freed pending trial.", PASSAGE_BR),
    ("Patel was acquitted.", PASSAGE_UK),
    ("Park Min-jae was released on bail.",
     "Park Min-jae, the former plant manager, was arrested on Tuesday; two other engineers were released on bail."),
    ("Reyes was held without bail.",
     "Reyes and his driver were held with bail set at $50,000; the other four were held without bail."),
]

OWN_CLAUSE = [
    ("Tsai Mei-ling was detained.", PASSAGE_TW),
    ("Claire Martin was placed under formal investigation.", PASSAGE_FR),
    ("Silva was held in custody on the judge's order.", PASSAGE_BR),
    ("Patel was convicted of fraud.", PASSAGE_UK),
]

# a count the passage gives by naming the members ("Lin Chia-hao and a former manager, Tsai Mei-ling" are two)
COUNTED = [
    ("Tsai Mei-ling was one of two suspects detained.", PASSAGE_TW, 2),
    ("Claire Martin was one of two people placed under formal investigation.", PASSAGE_FR, 2),
    ("Okafor was one of three officials charged with bribery.",
     "Adeyemi, Bello and a port manager, Okafor, were charged with bribery, while the others were cleared.", 3),
]


@pytest.mark.parametrize("claim, passage", OTHER_CLAUSE)
def test_a_predicate_of_the_other_clauses_subject_is_not_said_of_the_named_person(claim, passage):
    reason = other_clause(claim, passage)
    assert reason is not None and reason.startswith("role:")


@pytest.mark.parametrize("claim, passage", OWN_CLAUSE)
def test_the_named_persons_own_clause_is_kept(claim, passage):
    assert other_clause(claim, passage) is None


@pytest.mark.parametrize("claim, passage, count", COUNTED)
def test_a_count_of_the_named_members_of_a_coordinated_subject_is_in_the_passage(claim, passage, count):
    assert enumerated_count(count, claim, passage)
    assert not enumerated_count(count + 1, claim, passage)


def test_the_checker_rejects_the_other_clauses_predicate_and_keeps_the_enumerated_count(checker):
    rows = ([(c, p, False) for c, p in OTHER_CLAUSE] + [(c, p, True) for c, p in OWN_CLAUSE[:2]]
            + [(c, p, True) for c, p, _ in COUNTED])
    assert not misjudged(checker, rows)
