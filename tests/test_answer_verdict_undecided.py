"""An undecided answer to a whether-question is worded for what its quoted source is.

Only news and official reporting decides a verdict (where no reporting tells the story, another source's statement
of fact does: tests/test_answer_verdict_only_source.py). When the sentence an undecided answer quotes comes from another
kind of source (an AI-generated brief, an essay, an opinion piece, an outlet's own judgement), the answer says what that
quote is and what it does not settle: "The sources do not settle whether Y. WorldWideWatchers (AI-generated brief,
2026) reports: “…” [1] — an AI-generated brief’s account, not news or official reporting." It never denies a kind of
source the quote is (it said "No news or official report among the sources says whether Y" and then quoted a
generated brief's "Japan has reportedly denied …", a report).
"""

from __future__ import annotations

import pytest

from rag.writers.abstention_text import partial_message, partial_parts

QUOTE = "Seoul halted shipments of the chemicals on Monday."
WHETHER = "whether Seoul halted shipments of the chemicals"


@pytest.mark.parametrize("said_by, what", [
    ("WorldWideWatchers (AI-generated brief, 2026) reports", "an AI-generated brief’s account"),
    ("Intelrift Intelligence Desk (AI-generated brief, 2026) assesses", "an AI-generated brief’s assessment"),
    ("Intelrift Intelligence Desk (AI-generated brief, 2026) forecasts", "an AI-generated brief’s forecast"),
    ("Intelrift Intelligence Desk (AI-generated brief, 2026), citing Nikkei Asia, reports", "an AI-generated brief’s account"),
    ("Hosokawa Masahiko (2020 essay) argues", "an essay’s argument"),
    ("Hosokawa Masahiko (2020 essay) recounts", "an essay’s account"),
    ("Harbour Ledger (opinion piece, 2026) argues", "an opinion piece’s argument"),
    ("Mara Quist (2023 analysis) expects", "an analysis’s forecast"),
    ("“Chip wars, year three” (commentary, 2024) writes", "a commentary’s account"),
    ("Strait Monitor (AI-generated brief, 2025) flags", "an AI-generated brief’s warning"),
])
def test_the_undecided_answer_says_what_its_quote_is_and_what_it_does_not_settle(said_by, what):
    message = partial_message(QUOTE, WHETHER, said_by)
    assert message == (f"The sources do not settle {WHETHER}. {said_by}: “{QUOTE}” [1] — {what}, not news or "
                       f"official reporting.")
    assert "No news or official report" not in message  # never a denial of what the quote may itself be
    assert partial_parts(message) == (said_by, QUOTE, WHETHER)


@pytest.mark.parametrize("said_by, own", [
    ("Reuters reports", "Reuters’ own view"),  # an outlet's judgement: its attribution names no kind of source
    ("The Korea Herald reports", "The Korea Herald’s own view"),
    ("Ministry of Economy, Trade and Industry states", "Ministry of Economy, Trade and Industry’s own view"),
])
def test_an_outlets_own_view_is_said_to_be_no_report_of_it(said_by, own):
    message = partial_message(QUOTE, WHETHER, said_by)
    assert message.endswith(f"— {own}, not its reporting.")
    assert partial_parts(message) == (said_by, QUOTE, WHETHER)


def test_a_placed_date_note_stays_after_the_quote_mark():
    note = " *(‘on Monday’: 2026-03-02 — by the source's date, 2026-03-04)*"
    message = partial_message(QUOTE, WHETHER, "WorldWideWatchers (AI-generated brief, 2026) reports", note)
    assert f"[1]{note} — an AI-generated brief’s account" in message
    assert partial_parts(message) == ("WorldWideWatchers (AI-generated brief, 2026) reports", QUOTE, WHETHER)


@pytest.mark.parametrize("missing, said_by, what", [
    # a question whether someone said something, over that speaker's own piece: the piece is the record of what
    # they said, whatever kind of source it is; its words do not say so
    ("whether Hosokawa said Japan should abandon export controls", "Hosokawa Masahiko (2020 essay) argues",
     "Hosokawa Masahiko’s own words, which do not say so"),
    ("whether Park Ji-won said Seoul should leave the alliance", "Park Ji-won (2024 opinion) writes",
     "Park Ji-won’s own words, which do not say so"),
    # another speaker's piece is what its kind is
    ("whether Kishida said Japan should abandon export controls", "Hosokawa Masahiko (2020 essay) argues",
     "an essay’s argument, not news or official reporting"),
])
def test_over_the_speakers_own_piece_the_quote_is_their_own_words(missing, said_by, what):
    message = partial_message(QUOTE, missing, said_by)
    assert message.endswith(f"[1] — {what}.")
    assert partial_parts(message) == (said_by, QUOTE, missing)


@pytest.mark.parametrize("said_by", [None, "According to an unnamed report"])
def test_a_quote_read_as_reporting_keeps_the_plain_wording(said_by):
    # reporting (or a report no one can be named for, judged as any report) was read and says neither way
    message = partial_message(QUOTE, WHETHER, said_by)
    assert message == f"The sources do not say {WHETHER}. {said_by or 'They report'}: “{QUOTE}” [1]"  # QUOTE ends with its own full stop


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question, what", [
    # the generated briefs of the sample corpus are the only sources of these stories and tell neither claim (what
    # they do tell settles a question: tests/test_answer_verdict_only_source.py): reports, but not news reporting
    ("True or false: Japan banned imports of Chinese storage batteries.", "AI-generated brief’s"),
    ("Did China ban exports of gallium to Japan?", "AI-generated brief’s"),
])
def test_ask_names_what_the_undecided_quote_is(sample_engine, question, what):
    brief = sample_engine.write(question, template="answer")
    assert brief.abstained and brief.message.startswith("The sources do not settle whether ")
    assert "No news or official report" not in brief.message
    assert f"— an {what} " in brief.message
    who, quote, missing = partial_parts(brief.message)
    assert "(AI-generated brief" in who and missing.startswith("whether ")


@pytest.mark.parametrize("quote, ending", [
    ("Seoul halted shipments of the chemicals on Monday.", "on Monday.” [1]"),  # the quote's own full stop ends it
    ("Did Seoul halt shipments of the chemicals?", "chemicals?” [1]"),
    ("Seoul halted shipments of the chemicals on", "chemicals on” [1]."),  # a quote cut short takes the full stop
])
def test_a_quote_that_ends_its_sentence_takes_no_second_full_stop(quote, ending):
    text = partial_message(quote, WHETHER, "According to an unnamed report")
    assert text.endswith(ending)
    text = partial_message(quote, WHETHER)
    assert text.endswith(ending)
