"""A title with its office qualifier dropped names another office: "the agency's director" for "the agency's deputy
director, Maria Lopez" gives her a role the passage does not, and is unsupported; the title as the passage writes it
is supported. A qualifier of the holder's time ("former") is not an office qualifier, and a passage that also writes
the plain office gives it (``rag/support/title_qualifiers.py``). Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.title_qualifiers import dropped_qualifier

DROPPED = [
    ("Lee Sang-hoon was Samsung's former president.",
     "Samsung's former executive vice president, Lee Sang-hoon, was indicted on Tuesday on charges of leaking "
     "display technology.", "vice"),
    ("Maria Lopez is the agency's director.",
     "The agency's deputy director, Maria Lopez, told reporters the probe was continuing.", "deputy"),
    ("John Reed is the company's chief executive.",
     "The company's acting chief executive, John Reed, declined to comment on the export licence.", "acting"),
    ("Nguyen Thi Hoa, Vietnam's trade minister, signed the deal.",
     "Vietnam's vice-minister of trade, Nguyen Thi Hoa, signed the deal in Hanoi on Monday.", "vice"),
    ("Interpol's president, Kim Jong-yang, opened the meeting.",
     "Interpol's interim president, Kim Jong-yang, opened the meeting in Lyon.", "interim"),
]

KEPT = [
    ("Maria Lopez is the agency's deputy director.", DROPPED[1][1]),
    ("Lee Sang-hoon was Samsung's former executive vice president.", DROPPED[0][1]),
    ("John Reed is the company's acting chief executive.", DROPPED[2][1]),
    ("Ursula Meyer was the president of the association.",
     "The association's former president, Ursula Meyer, said the rule was overdue."),
    ("The president met the delegation.",
     "The president met the delegation while the vice president stayed in Washington."),
]


@pytest.mark.parametrize("claim, passage, qualifier", DROPPED)
def test_a_dropped_office_qualifier_is_a_role_the_passage_does_not_give(claim, passage, qualifier):
    reason = dropped_qualifier(claim, passage)
    assert reason is not None and reason.endswith(f"the claim drops '{qualifier}'")


@pytest.mark.parametrize("claim, passage", KEPT)
def test_the_title_as_written_a_time_qualifier_or_a_plain_office_in_the_passage_are_kept(claim, passage):
    assert dropped_qualifier(claim, passage) is None


def test_the_checker_rejects_the_dropped_qualifier_and_keeps_the_title(checker):
    rows = [(c, p, False) for c, p, _ in DROPPED] + [(c, p, True) for c, p in KEPT[:3]]
    assert not misjudged(checker, rows)
