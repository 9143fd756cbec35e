"""A question written as a statement to complete ("This was the highest hike since:", "… a record previously held
by:", "… will stay closed until ___") asks for what completes it, and the word before the blank says its kind: after
"since" / "until" a time, after a participle's "by" (``[vocab].agent_participles`` of answer_kinds.toml) who did it.
Without a kind the first sentence is the one most like the statement, which restates it ("The Vell Museum closed its
east wing … on Monday", "Dana Ortiz broke the Marwick marathon record on Sunday") instead of completing it ("until
March 2027", "held by Ilse Brandt"); after "since:" / "until:" only a time following that word completes it (the
restating sentence's "on Monday" does not).

Unit checks on wordings written here, and end to end through the real Engine over three short reports written for
this test (tests/data/answer_cloze/): a rate rise, a marathon record, a museum wing's closure (the last two fail
without the kinds; the rate rise guards the "since" case, which the year's sentence already led).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import answer_lead as lead, engine_over

from rag.writers.answer_kind import answer_type

DATA = Path(__file__).resolve().parent / "data" / "answer_cloze"


@pytest.mark.parametrize("question", [
    "The Fed raised its key rate by three-quarters of a point. This was the highest hike since:",
    "Inflation in the euro area is now at its highest level since ___",
    "The border crossing will stay closed until:",
    "The ferry service is suspended till ___.",
    "The factory has been idle since…",
])
def test_a_statement_to_complete_after_since_or_until_asks_for_a_time(question):
    assert answer_type(question) == "when"


@pytest.mark.parametrize("question", [
    "Aaron Judge hit his 62nd home run, breaking an American League record previously held by:",
    "The company at the centre of the scandal was founded by ___.",
    "The dress Kim Kardashian wore to the gala was designed by:",
    "The award-winning documentary was directed by ___",
    "The team that lost the final was coached by:",
])
def test_a_statement_to_complete_on_a_passives_agent_asks_who(question):
    assert answer_type(question) == "name"


@pytest.mark.parametrize("question, kind", [
    ("Consumer prices rose by:", None),  # "rose" is no participle naming its agent: a number may complete it
    ("McDonald's will begin testing a partnership that will allow it to sell food from:", None),  # no kind said
    ("Chinese researchers say the giant radio telescope may have picked up:", None),
    ("Since the tariffs took effect, exports have fallen. Which country was hit hardest?", "name"),  # no blank
    ("When did the Fed last raise rates this much?", "when"),
])
def test_other_questions_keep_their_kind(question, kind):
    assert answer_type(question) == kind


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_cloze") / "data", DATA)


def test_since_is_completed_by_the_year_not_by_the_span_restating_it(engine):
    text = lead(engine, "The Harlow Central Bank raised its main rate by three-quarters of a percentage point. "
                        "This was the largest rise since:", "2026-06-18")
    assert "1994" in text


def test_held_by_is_completed_by_the_holders_name(engine):
    text = lead(engine, "Dana Ortiz broke the Marwick marathon record this week, a record previously held by:",
                "2026-10-06")
    assert "Ilse Brandt" in text


def test_until_is_completed_by_the_date(engine):
    text = lead(engine, "The Vell Museum closed its east wing after a roof leak damaged two galleries. "
                        "The wing will remain closed until:", "2026-02-11")
    assert "March 2027" in text
