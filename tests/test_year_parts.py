"""A claim naming one part of a year where its source names another is unsupported: "the second half of 2027"
against "the first half of 2027", "the third quarter" against "the first quarter" (rag.support.year_parts, through
the checker's date checks; data/year_parts.toml). A new user's licence claim moved from the first half to the
second and was supported 0.61. The same part said another way ("the first six months", "H1 2027", "Q3") stays
supported, and so do fractions ("half of the firms", "a quarter of the staff"). The sentences are written for this
file."""

from __future__ import annotations

import pytest

from rag.support.year_parts import YearPart, other_parts, year_parts


@pytest.mark.parametrize(("text", "parts"), [
    ("for the second half of 2028", [("half", 2, 2028)]),
    ("in the third quarter of 2029", [("quarter", 3, 2029)]),
    ("Q4 2027 revenue", [("quarter", 4, 2027)]),
    ("sales in H1 2026", [("half", 1, 2026)]),
    ("in the first six months of 2027", [("half", 1, 2027)]),
    ("in the first three months", [("quarter", 1, None)]),
    ("shipments fell in Q2, the firm said", [("quarter", 2, None)]),
    ("more than half of the firms", []),
    ("a quarter of the staff", []),
    ("H2 fuel cells", []),  # hydrogen, not a half-year
    ("the Audi Q3 and Q5", []),
    ("the first quarter-final", []),
])
def test_parts_of_a_year_are_read_whatever_their_form(text: str, parts) -> None:
    assert [(p.kind, p.ordinal, p.year) for p in year_parts(text)] == parts


CONTRARY = [
    ("The permits cover 30,000 tonnes of cathode powder for the second half of 2028.",
     "The permits cover 30,000 tonnes of cathode powder for the first half of 2028, about half of what was sought."),
    ("The permits cover 30,000 tonnes of cathode powder for the third quarter of 2028.",
     "The permits cover 30,000 tonnes of cathode powder for the first quarter of 2028, about half of what was sought."),
    ("The foundry will start volume output in the second half of 2028.",
     "The foundry will start volume output in the first half of 2028, the company said."),
    ("Wafer exports fell 12% in the first half.", "Wafer exports fell 12% in the second half, customs data showed."),
    ("Memory prices rose 8% in Q3 2027.", "Memory prices rose 8% in the second quarter of 2027, a tracker said."),
]

SAME_PART = [
    ("Licence approvals doubled in the first half of 2027.",
     "Licence approvals doubled in the first six months of 2027, the ministry said."),
    ("Memory prices rose 8% in the third quarter of 2027.", "Memory prices rose 8% in Q3 2027, a tracker said."),
    ("Orders rose in the second half of 2026.",
     "Orders fell in the first half of 2026 but rose in the second half of 2026, the maker said."),
]


@pytest.mark.parametrize(("claim", "passage"), CONTRARY)
def test_another_part_of_the_year_is_unsupported_with_a_date_reason(checker, claim: str, passage: str) -> None:
    assert other_parts(claim, passage)
    result = checker.check(claim, [passage])
    assert not result.supported
    assert any(r.startswith("date '") and "it says" in r for r in result.reasons)


@pytest.mark.parametrize(("claim", "passage"), SAME_PART)
def test_the_same_part_said_another_way_is_no_contradiction(claim: str, passage: str) -> None:
    assert other_parts(claim, passage) == []


def test_a_fraction_is_no_part_of_a_year() -> None:
    assert other_parts("Half of the firms passed the review in 2027.",
                       "A quarter of the firms passed the review in the first half of 2027.") == []
    assert YearPart("half", 1, None, "first half").ordinal == 1
