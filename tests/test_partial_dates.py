"""A partial answer places its quote's relative dates as a full answer does (fresh user s28: "Tokyo last week …"
stayed unplaced in "The sources report: “…” [1]; none gives …").

The one date reader (``rag.text.dates`` through ``timeline.anchored_dates``) and the one note
(``render.placed_dates``) serve every answer path: a full answer's claims and a partial answer's quote alike. End to
end through the real Engine over eight short reports written for this test (tests/data/partial_dates/: each dated,
its act told with a relative date and no number, each asked for a number), and over the sample corpus, whose report
is undated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from rag.pipeline import Engine
from rag.writers.abstention_text import partial_message, partial_parts

DATA = Path(__file__).resolve().parent / "data" / "partial_dates"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("partial_dates") / "data", DATA)


@pytest.mark.parametrize("question, note", [
    ("How many timber export licences did Riga suspend for Belarusian sawmills?",
     "*(‘last week’: the week of 2025-12-22 — by the source's date, 2026-01-02)*"),  # over a year end
    ("How many tonnes of anchovy had Peru's fishermen caught when the season was halted?",
     "*(‘yesterday’: 2026-02-28 — by the source's date, 2026-03-01)*"),
    ("How many forward export contracts did Ghana's cocoa board delay?",
     "*(‘on Monday’: 2025-12-29 — by the source's date, 2025-12-31)*"),
    ("How much did Ulaanbaatar raise fees for coal wagons on the southern railway?",
     "*(‘earlier this week’: the week of 2024-02-26 — by the source's date, 2024-03-01)*"),  # over a leap day
    ("How many salmon farms did Chile's fisheries service close in the Aysén region?",
     "*(‘last month’: 2026-01 — by the source's date, 2026-02-02)*"),
    ("How many brokers were involved in the Kenya tea auction dispute?",
     "*(‘on Tuesday’: 2026-05-05 — by the source's date, 2026-05-08)*"),
    ("How many tonnes of capelin did Iceland's marine institute find in its survey?",
     "*(‘last week’: the week of 2025-12-29 — by the source's date, 2026-01-05)*"),
    ("How many beef shipments did Uruguay suspend through Nueva Palmira?",
     "*(‘last Friday’: 2026-06-26 — by the source's date, 2026-06-30)*"),
])
def test_a_partial_answers_quote_has_its_relative_date_placed(engine, question, note):
    brief = engine.write(question, template="answer")
    assert brief.abstained and brief.message.startswith("The sources report: “"), brief.message
    assert f"” [1] {note}; none gives the number" in brief.message
    who, quote, missing = partial_parts(brief.message)  # the note does not hide the parts the follow-ups eval reads
    # (what is missing is named by what a "how many" question counts: "the number of tonnes of capelin the question
    # asks for"; "how much" keeps "the number the question asks for")
    counted = question.startswith("How many ")
    assert who == "The sources report" and missing.startswith("the number of " if counted else "the number the")
    assert missing.endswith(" the question asks for")
    assert "[1]" not in quote and "by the source's date" not in quote


@pytest.mark.parametrize("missing, said_by", [
    ("the date the question asks for", None),
    ("the number the question asks for", "Hosokawa Masahiko (2020 essay) writes"),
    ("whether Japan removed South Korea from its white list", None),
    ("whether Japan removed South Korea from its white list", "WorldWideWatchers (AI-generated brief, 2026) assesses"),
])
def test_every_form_of_partial_message_keeps_its_parts_with_a_date_note(missing, said_by):
    note = " *(undated source: ‘last week’ cannot be placed)*"
    message = partial_message("Tokyo last week tightened the approval process.", missing, said_by, note)
    # (an undecided whether-answer over a quote that is no reporting goes on to say what that quote is; one over a
    # report ends with the quote's own full stop, the note inside the sentence: "… process.” [1] *(…)*", no "*." after)
    after = (" — " if said_by else "") if missing.startswith("whether") else ";"
    assert f"[1]{note}{after}" in message
    assert partial_parts(message) == (said_by or ("They report" if missing.startswith("whether") else
                                                  "The sources report"),
                                      "Tokyo last week tightened the approval process.", missing)


def test_an_undated_sources_relative_date_is_marked_unplaceable_in_a_partial_answer(sample_index):
    brief = Engine.from_settings(sample_index[0]).write(
        "What date did Tokyo tighten the approval process for shipments to South Korea?", template="answer")
    assert brief.abstained and "Tokyo last week tightened the approval process" in brief.message
    assert "” [1] *(undated source: ‘last week’ cannot be placed)*; none gives the date" in brief.message
