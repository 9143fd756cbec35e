"""A whether-question whose very reading a source weighs is answered, undecided, with that source's judgement of it.

s30's fresh user: "Is China's move purely retaliatory?" got "The sources do not settle whether China's move purely
is retaliatory" and an off-topic 2020 essay sentence, while the corpus's analytic brief flags exactly that reading
("Potential bias in interpreting China’s actions as purely retaliatory without considering legitimate security
concerns"). The kind: a copular whether-question ("Is X purely retaliatory?", "Is the ban merely temporary?") asks
about a characterisation; a sentence holding the question's predicate ("purely retaliatory") with one of its other
terms weighs that reading, and is what an undecided answer quotes, attributed, even when it stands among an analytic
brief's caveats (``answer_verdict.weighs_reading``).
"""

from __future__ import annotations

import pytest

from rag.pipeline import Engine
from rag.render import answer_with_sources
from rag.writers.answer_verdict import polar_question, weighs_reading

FLAG = "Potential bias in interpreting China’s actions as purely retaliatory without considering legitimate security concerns."


@pytest.mark.parametrize("question, sentence, weighs", [
    ("Is China's move purely retaliatory?", FLAG, True),
    ("Is China's export ban purely retaliatory?", FLAG, True),
    ("Is the ban merely temporary?", "Officials insisted the ban was merely temporary and would be reviewed in March.",
     True),
    ("Are Japan's curbs largely symbolic?", "Analysts called Japan's curbs largely symbolic, since few firms export "
                                            "the chemicals.", True),
    ("Is Seoul's chip hub economically viable?", "Critics doubt the hub is economically viable without subsidies from "
                                                 "Seoul.", True),
    # the predicate not held in order, or only one word of it, or nothing else of the claim
    ("Is China's move purely retaliatory?", "Contradicting this is the broader geopolitical context suggesting a "
                                            "retaliatory motive.", False),
    ("Is China's move purely retaliatory?", "The response was purely economic, China said.", False),
    ("Is the ban merely temporary?", "The weather was merely temporary relief for farmers.", False),
    # not a copular claim, or a one-word predicate: left to the other readings
    ("Did China retaliate against Japan?", "China retaliated against Japan within a week.", False),
    ("Is China's move retaliatory?", FLAG, False),
])
def test_a_sentence_weighs_the_reading_it_holds(question, sentence, weighs):
    polar = polar_question(question)
    assert polar is not None
    assert weighs_reading(polar.claim, sentence) is weighs


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question", ["Is China's move purely retaliatory?",
                                      "Is China's export ban purely retaliatory?",
                                      "Are China's restrictions purely retaliatory?"])
def test_the_users_whether_question_quotes_the_briefs_flag_on_that_reading(sample_engine, question):
    shown = answer_with_sources(sample_engine.write(question, template="answer"))
    first = shown.split("\n\n")[0]
    assert first.startswith("The sources do not settle whether China"), shown
    assert "is purely retaliatory" in first.split(".")[0] or "are purely retaliatory" in first.split(".")[0], shown
    assert "interpreting China’s actions as purely retaliatory" in first, shown
    assert "WorldWideWatchers (AI-generated brief, 2026)" in first, shown
    assert "Hosokawa" not in shown, shown
