"""A list question whose first sentence names one item "and other" ones is followed by the story's own list of what
the measure covers (issue 10; the fresh user's s36 finding 6: "What did Japan restrict?", the README example, led
with "Tokyo last week tightened the approval process for Japanese shipments of photoresists and other sensitive
materials …" and never named the three materials: "The export restrictions cover fluorinated polyimides, …, as well
as photoresist and hydrogen fluoride" repeats too few of the short question's words to pass the relevance cut).

The kind: for a list question, when the first sentence lists nothing, the sentence of the same document that lists
what the measure covers (``answer_kind.lists_contents``) and holds one of the question's key terms other than its
places follows it (``QuestionAnswering._story_contents``), not a list of another story appended to the page ("…
including Brell, Ostmark and Dunmore").

End to end through the real Engine over two short reports written for this test (tests/data/answer_contents/: a
minerals curb, a machinery ban, each with a related story's list appended).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import answer_of, engine_over

DATA = Path(__file__).resolve().parent / "data" / "answer_contents"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_contents") / "data", DATA)


def test_the_curbs_answer_names_what_they_cover(engine):
    text = answer_of(engine, "What did Norvia restrict?", "2026-03-05")
    assert "gallium" in text
    assert "germanium" in text and "graphite" in text
    assert "Dunmore" not in text  # the related story's list


def test_the_ban_answer_names_what_it_covers(engine):
    text = answer_of(engine, "What did Vessa ban?", "2026-06-11")
    assert "tractors" in text
    assert "combine harvesters" in text and "irrigation pumps" in text
    assert "Gouda" not in text
