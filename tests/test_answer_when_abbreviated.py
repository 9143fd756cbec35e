"""A when-question answered by a short sentence that dates the asked act with an abbreviated month ("The rule takes
effect on Oct. 14.") is a full answer, not a partial one that quotes the date and then says none gives it (issue 10,
s67; F11 of fresh66).

Kind: **an abbreviated month ("Oct.", "Sept.", "Feb.", "Dec") is no time to the answer-kind reader.** The when-answer
reader (``answer_kind._times``) took its English times from the sentence cues' pattern, which knows full month names
only: "The measure takes effect on Sept. 1." gave no time, so no sentence gave the kind asked, and the answer fell
to "The sources report: “…” (‘Sept. 1’: 2026-09-01); none gives the date the question asks for": a quote holding the
asked date followed by the claim that none gives it. The text layer's capitalized month pattern
(``rag.text.dates.MONTH_PATTERN``, abbreviations with their optional full stop) now reads them.

The reports below were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed

from rag.render import shown_answer
from rag.types import SearchFilters
from rag.writers.answer_kind import has_answer_kind

ARTICLES = {
    "01_nl.txt": (
        "Dutch government widens licence rule for chip inspection tools", "Lowlands Trade Wire", "2026-08-20",
        "The Dutch trade ministry on Wednesday extended its export licence requirement to three more types of "
        "semiconductor inspection equipment, citing security risks. The measure takes effect on Sept. 1.\n\n"
        "Exporters already holding licences for lithography tools must apply again for the new categories."),
    "02_in.txt": (
        "India orders telecom operators to drop untrusted router vendors", "Deccan Network Review", "2026-11-27",
        "India's Department of Telecommunications ordered mobile operators to stop buying routers from vendors "
        "outside its trusted-source list. The order comes into force on Jan. 5.\n\n"
        "Operators may keep installed equipment until its licence period ends."),
    "03_br.txt": (
        "Brazil bans state purchases of foreign surveillance drones", "Planalto Policy Post", "2026-10-02",
        "Brazil's defence ministry banned federal agencies from buying foreign surveillance drones without a "
        "security review. The drone ban takes effect on Nov. 16.\n\n"
        "Agencies that bought such drones since 2024 must report them within 60 days."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("when_abbrev"), ARTICLES)


@pytest.mark.parametrize("question, until, date", [
    ("When does the Dutch licence rule for inspection equipment take effect?", "2026-08-21", "Sept. 1"),
    ("When does India's order on untrusted router vendors come into force?", "2026-11-28", "Jan. 5"),
    ("When does Brazil's ban on foreign surveillance drones take effect?", "2026-10-03", "Nov. 16"),
])
def test_a_short_sentence_dating_the_asked_act_is_a_full_answer(engine, question, until, date):
    brief = engine.write(question, template="answer", filters=SearchFilters(until=until))
    shown = shown_answer(brief)
    assert date in shown
    assert "none gives" not in shown and "question asks for" not in shown


@pytest.mark.parametrize("sentence", [
    "The rule takes effect on Oct. 14.",
    "The levy starts Sept. 30.",
    "The order was signed Dec 2.",
    "Talks resume in Feb. 2027.",
])
def test_an_abbreviated_month_is_a_time(sentence):
    from types import SimpleNamespace

    cand = SimpleNamespace(text=sentence, passage=SimpleNamespace(chunk=SimpleNamespace(published="2026-10-09")))
    assert has_answer_kind("when", cand, {"rule", "take", "effect"})
