"""A when-question whose event date no source states is answered with the report's date, labelled as the report's.

s31's fresh user: "Which Japanese companies did China restrict?" "When?" got "…; none of the sources gives the date
the question asks for." although the generated brief that tells the restriction is dated 2026-02-25. The kind: the
partial answer to a when-question shows its source's date as the source's ("reported 2026-02-25: the source's date,
not the event's") and says that the event's own date is not given; a quote that places a date of its own, or an
undated source, is left as it was.

Unit level (``report_date.report_dated`` and the message it makes); end to end over the sample corpus.
"""

from __future__ import annotations

import pytest

from rag.pipeline import Engine
from rag.render import answer_with_sources
from rag.types import Turn
from rag.writers.abstention_text import partial_message, partial_parts
from rag.writers.report_date import ASKED_DATE, EVENT_DATE, report_dated

NOTE = " *(reported 2026-02-25: the source's date, not the event's)*"


@pytest.mark.parametrize("missing, published, dates, expected", [
    # a dated source, a quote with no date of its own: the report's date, and the event's date is what is missing
    (ASKED_DATE, "2026-02-25", "", (EVENT_DATE, NOTE)),
    (ASKED_DATE, "2026-02-25T09:42:00", "", (EVENT_DATE, NOTE)),  # only the day is shown
    (ASKED_DATE, "2019-07-10", "", (EVENT_DATE, " *(reported 2019-07-10: the source's date, not the event's)*")),
    # the quote places a date itself ("last week" by the source's date): that note stands, nothing added
    (ASKED_DATE, "2019-07-10", " *(‘last week’: the week of 2019-07-01 — by the source's date, 2019-07-10)*",
     (ASKED_DATE, " *(‘last week’: the week of 2019-07-01 — by the source's date, 2019-07-10)*")),
    # an undated source has no date to give
    (ASKED_DATE, None, "", (ASKED_DATE, "")),
    (ASKED_DATE, "", "", (ASKED_DATE, "")),
    # another kind of answer missing: not a when-question
    ("the number the question asks for", "2026-02-25", "", ("the number the question asks for", "")),
    ("the names of the companies", "2026-02-25", "", ("the names of the companies", "")),
])
def test_the_report_date_stands_in_only_for_a_missing_date(missing, published, dates, expected):
    assert report_dated(missing, published, dates) == expected


def test_the_partial_message_shows_the_report_date_and_names_what_is_missing():
    missing, dates = report_dated(ASKED_DATE, "2026-02-25", "")
    message = partial_message("China Imposes Export Restrictions on 20 Japanese Firms", missing,
                              "WorldWideWatchers (AI-generated brief, 2026) reports", dates)
    assert message == ("WorldWideWatchers (AI-generated brief, 2026) reports: “China Imposes Export Restrictions on 20 "
                       "Japanese Firms” [1] *(reported 2026-02-25: the source's date, not the event's)*; none of the "
                       "sources gives the date of the event itself.")
    # still read back as a partial answer (the follow-ups eval and the whether-answers parse it)
    assert partial_parts(message) == ("WorldWideWatchers (AI-generated brief, 2026) reports",
                                      "China Imposes Export Restrictions on 20 Japanese Firms", EVENT_DATE)


# -- end to end over the sample corpus ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def _shown(engine: Engine, question: str, history: list[Turn]) -> str:
    return answer_with_sources(engine.write(question, template="answer", history=history)).split("\n\n")[0]


def test_when_after_the_restriction_answer_gives_the_report_date(sample_engine):
    question = "Which Japanese companies did China restrict?"
    first = _shown(sample_engine, question, [])
    text = _shown(sample_engine, "When?", [Turn("user", question), Turn("assistant", first)])
    assert "reported 2026-02-25: the source's date, not the event's" in text, text
    assert text.endswith("none of the sources gives the date of the event itself."), text


def test_a_standalone_when_question_on_the_restriction_gives_the_report_date(sample_engine):
    text = _shown(sample_engine, "When did China restrict dual-use exports to 20 Japanese companies?", [])
    assert "reported 2026-02-25" in text and "the date of the event itself" in text, text
