"""After a yes/no verdict that reporting decided, the details are reporting too.

Kind (s37's fresh user, issue 10): "Did Japan withdraw the restrictions?" → "No." on Suga's "we have no intention of
withdrawing it", then an AI-generated brief's headline on China's curbs on Japanese firms as a detail: a verdict stated
as the answer rests on reporting (a news or official source's sentence that is no view), and what follows it must not
bring back, unmarked by the verdict's standard, a generated brief's or an opinion's sentence. A verdict that only such a
source could decide (no reporting source tells the story) keeps its details as before: they are attributed.

End to end over a news report and an AI-generated brief on the neighbouring story, written for this test
(tests/data/verdict_details/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence

DATA = Path(__file__).resolve().parent / "data" / "verdict_details"
BRIEF_SENTENCES = ("retaliatory move", "Norland protests as Vesper", "Overall confidence", "according to open sources")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("verdict_details") / "data", DATA)


@pytest.mark.parametrize("question", [
    "Did Norland withdraw its tariffs on rice imports?",
    "Has Norland scrapped its rice tariffs?",
    "Did Norland lift the rice tariffs?",
])
def test_a_verdict_reporting_decided_has_reporting_details_only(engine, question):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert first_sentence(text) == "No." and "no intention of withdrawing" in text, text
    assert not any(s in text for s in BRIEF_SENTENCES), text


def test_a_verdict_only_a_brief_could_decide_keeps_its_details(engine):
    brief = engine.write("Did Vesper impose tariffs on Norland wine?", template="answer")
    text = answer_text(brief)
    assert first_sentence(text) == "Yes." and "Norland protests as Vesper" in text, text
