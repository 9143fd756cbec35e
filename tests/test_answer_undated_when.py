""""When?" is not answered by a time an undated source cannot place (issue 10, s45 fresh user's finding).

Kinds:
1. **A relative time in an undated source is no date.** "When did Japan restrict exports to South Korea?" led with
   "Tokyo last week tightened …" from the undated Taipei Times page and never said that no source gives the date
   (the "undated source" note alone said it). Now a time relative to its source's date ("last week", "on Monday",
   "yesterday") answers "when" only in a dated source; otherwise the answer says none gives the date and quotes
   what the sources do report.
2. **An elided part of a compound question leaves the story.** "What did Japan restrict and when?" answered its
   "when" part as "When did Japan restrict?", any restriction's question, and quoted the 2026 battery story. Now an
   elided part is asked as the follow-up it is ("When?" after the first part's answer), kept to that answer's story.
3. **A follow-up "When?" carried the wrong passage.** What an answer said was read quotes first, so the first
   passage a when-question carries was an essay quoted later in the answer, not the lead it stated
   (``followup.answered_passages`` now keeps the reply's order and leaves out date notes).
"""

from __future__ import annotations

import pytest

from answer_kind_doubles import gives
from conftest import engine_over_texts
from rag.question_parts import asks_only
from rag.render import answer_with_sources
from rag.types import Turn

@pytest.mark.parametrize(("sentence", "dated", "answers"), [
    ("Vesper on Monday raised its tariffs on Norland rice.", True, True),
    ("Vesper on Monday raised its tariffs on Norland rice.", False, False),  # "on Monday" of an undated report
    ("Vesper last week raised its tariffs on Norland rice.", False, False),
    ("Vesper raised its tariffs on Norland rice yesterday.", False, False),
    ("Vesper raised its tariffs on Norland rice on March 3, 2026.", False, True),  # needs no source date
    ("Vesper raised its tariffs on Norland rice in 2019.", False, True),
    ("Vesper raised its tariffs on Norland rice on March 3.", False, True),  # the day of the year, not the year
    ("Vesper raised its tariffs on Norland rice in April.", False, True),
])
def test_when_is_answered_by_a_relative_time_only_in_a_dated_source(sentence, dated, answers):
    assert gives("When did Vesper raise its rice tariffs?", sentence, "2026-03-10" if dated else None) is answers


@pytest.mark.parametrize(("part", "only"), [
    ("When?", True), ("By how much?", True), ("How long?", True), ("Why not?", True), ("When exactly?", True),
    # words of its own: asked in full with the clause it borrows (seed qa-020, qa-022)
    ("Which companies?", False), ("For how long, according to Financial Times coverage?", False),
    ("With what overall confidence?", False),
])
def test_an_elided_part_of_asking_words_only_is_a_follow_up(part, only):
    assert asks_only(part) is only


WRITTEN = {
    "01_ferries.md": (  # undated: no publication date anywhere
        "# Norvia port bans diesel ferries\n\n"
        "The Norvia port authority last week banned diesel ferries from the inner harbour, citing air quality. "
        "Operators said the ban would force them to retire nine of their oldest boats.\n\n"
        "The authority said electric and hybrid ferries would keep their berths.\n"),
    "02_strike.md": (  # another story of the same port, dated, with dates of its own
        "# Norvia ferry crews to strike\n\nPublished: 2026-03-11\n\n"
        "Norvia's ferry union said on March 10, 2026 that its crews would strike over pay from March 20. "
        "The union said the strike would halt all harbour crossings for two days.\n"),
    "03_scooters.md": (  # a relative time in a dated source: it is placed, and it answers
        "# Skarholm bans e-scooters from old town\n\nPublished: 2026-03-12\n\n"
        "Skarholm's city council on Monday banned rental e-scooters from the old town after a rise in accidents. "
        "The ban takes effect in April.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("undated-when"), WRITTEN)


def first_paragraph(brief) -> str:
    return answer_with_sources(brief).split("\n\n")[0]


@pytest.mark.parametrize("question", [
    "When did the Norvia port authority ban diesel ferries?",
    "When were diesel ferries banned from Norvia's inner harbour?",
])
def test_a_time_an_undated_source_cannot_place_is_no_date(engine, question):
    brief = engine.write(question, template="answer")
    first = first_paragraph(brief)
    assert "none gives the date" in first or "none of the sources gives the date" in first, first
    assert "strike" not in first, first  # not another story's dated sentence


def test_a_relative_time_in_a_dated_source_answers(engine):
    brief = engine.write("When did Skarholm ban e-scooters from the old town?", template="answer")
    first = first_paragraph(brief)
    assert not brief.abstained, first
    assert first.startswith("Skarholm's city council on Monday banned"), first


def test_the_elided_when_of_a_compound_question_stays_on_its_story(engine):
    brief = engine.write("What did the Norvia port authority ban, and when?", template="answer")
    shown = answer_with_sources(brief)
    assert "banned diesel ferries" in shown, shown
    assert "strike" not in shown, shown
    assert "gives the date" in shown, shown


def test_a_when_follow_up_stays_on_the_story_its_answer_led_with(engine):
    first = engine.write("What did the Norvia port authority ban?", template="answer")
    history = [Turn("user", "What did the Norvia port authority ban?"), Turn("assistant", answer_with_sources(first))]
    shown = answer_with_sources(engine.write("When?", template="answer", history=history))
    assert "strike" not in shown, shown


def test_japans_undated_curbs_on_korea_have_no_date(sample_engine):
    first = first_paragraph(sample_engine.write("When did Japan restrict exports to South Korea?", template="answer"))
    assert "gives the date" in first and "Tokyo last week tightened" in first, first


def test_what_japan_restricted_and_when_stays_on_one_story(sample_engine):
    shown = answer_with_sources(sample_engine.write("What did Japan restrict and when?", template="answer"))
    assert "battery" not in shown.split("\n\nSources:")[0], shown
    assert "gives the date" in shown, shown
