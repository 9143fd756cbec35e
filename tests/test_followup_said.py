"""An elliptical follow-up asks for the kind of answer its standalone question asks for: "And the year before?"
after "How many ferries did Teshima order in 2025?" asks for a number (the kind its carried context leads with), so
the sentence the previous reply quoted, which also gives the earlier year's figure, is still a candidate; before,
the writer read the kind from the words typed this turn alone (none), treated the turn as an open follow-up and
dropped every sentence already said, and the follow-up abstained.

End to end through the real Engine over two short articles written for this test (tests/data/followup_said/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text
from rag.types import Turn

DATA = Path(__file__).resolve().parent / "data" / "followup_said"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("followup_said") / "data", DATA)


@pytest.mark.parametrize("first, follow_up, earlier", [
    ("How many nuclear reactors did Norvia restart in 2025?", "And the year before?", "2 reactors in 2024"),
    ("How many ferries did Teshima's transport office order in 2025?", "What about the year before?", "3 in 2024"),
    ("How many electric ferries did Teshima order in 2025?", "And the year before?", "3 in 2024"),
])
def test_a_follow_up_for_a_number_may_quote_the_sentence_already_said(engine, first, follow_up, earlier):
    brief = engine.write(first, template="answer")
    said = answer_text(brief)
    assert earlier in said  # the sentence gives both years' figures
    again = engine.write(follow_up, template="answer", history=[Turn("user", first), Turn("assistant", said)])
    shown = answer_text(again) if not again.abstained else again.message
    assert earlier in shown, shown
