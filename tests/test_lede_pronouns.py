"""A news lede may open with a pronoun that refers back to nothing (issue 10, answers): "She's massive, invasive and
covered in scales: A record breaking 215-pound, 18-foot-long Burmese python has been captured in Florida." was dropped
as a sentence depending on the one before it, though it is its document's first, and "Which animal was it?" was
answered from a turtle story. A document's first sentence whose pronoun points forward to a colon's or a dash's
clause, or whose "It" is the empty subject of what follows, is quoted alone (``rag.writers.candidates``); a pronoun
anywhere else still needs the sentence before it. Ledes written for this test, of the shapes news uses.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from rag.writers.candidates import is_cataphoric_lede


@pytest.mark.parametrize("lede", [
    "She's massive, invasive and covered in scales: A record breaking 215-pound Burmese python has been captured.",
    "It's official: Tokyo will host the next chip-controls summit.",
    "It's official — the ministry approved the merger on Monday.",
    "They're back: The Rolling Stones announced a European tour.",
    "He's out – Boris Johnson resigned as Conservative leader on Thursday.",
    "It's not your imagination: Groceries do cost more than before the pandemic.",
    "It's been six months since the export curbs took effect.",
    "It took less than a week for the Senate to pass the chips bill.",
    "It was a night of bad news for the incumbents.",
    "It wouldn't be an awards show without a list of grievances.",
])
def test_a_lede_whose_pronoun_refers_back_to_nothing_stands_alone(lede):
    assert is_cataphoric_lede(lede)


@pytest.mark.parametrize("sentence", [
    "He was the first minister to resign.",  # "he" is the title's person
    "She said: “We will win the appeal.”",  # the speaker is named only before
    "They rejected the offer.",
    "It also banned the sale of the tools.",
    "Its shares fell 4% on Tuesday.",
    "This story is part of the Nightcap newsletter.",
    "Furthermore, the ministry fined the firm.",
])
def test_a_pronoun_or_connective_that_refers_back_still_depends(sentence):
    assert not is_cataphoric_lede(sentence)


ARTICLES = [
    ("01_python.md", "2026-06-26", "Conservationists capture record python",
     "She's massive, invasive and covered in scales: A record breaking 215-pound, 18-foot-long Burmese python has "
     "been captured in Florida.\n\nThe huge reptile was caught as part of an invasive species research program."),
    ("02_turtles.md", "2026-06-20", "Turtle trafficking rings targeted",
     "Turtle launderers wash wild-caught animals through illegal trafficking rings in Florida, officials said.\n\n"
     "Wildlife officers seized 40 turtles in the state last month."),
    ("03_minister.md", "2026-06-21", "Trade minister quits over export scandal",
     "Officials in Tokyo confirmed the resignation on Friday.\n\n"
     "She's gone: Trade minister Aiko Mori resigned over the export scandal."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("ledes"), ARTICLES)


def _answer(engine, question):
    brief = engine.write(question, template="answer")
    return brief, " ".join(c.text for s in brief.sections for c in s.claims)


def test_a_question_is_answered_by_the_lede_that_opens_with_a_pronoun(engine):
    brief, text = _answer(engine, "A record-breaking reptile was captured in Florida. Which animal was it?")
    assert not brief.abstained, brief.message
    assert "Burmese python" in text.split(". ")[0]


def test_a_pronoun_after_the_first_sentence_is_quoted_with_the_sentence_before(engine):
    brief, text = _answer(engine, "Which trade minister resigned over the export scandal?")
    assert not brief.abstained, brief.message
    assert "Aiko Mori" in text
    assert "Officials in Tokyo confirmed the resignation" in text  # the pronoun's sentence is not quoted alone
