"""The asked year's figure told in the sentence after one giving other years' figures leads the answer (s58,
h/fresh-s58).

Kind, found by a fresh analyst on reports written for the stop (none from the shared data): "The customs service said
it had opened 19 cases of strategic-goods smuggling this year, up from 7 in 2025. In 2024 it opened only 4." Asked
"How many … cases did Korea Customs open in 2024?", the answer quoted the first sentence alone, this year's and 2025's
figures, and never the 2024 one: the short sentence after it repeats too little of the question to be in the answer's
pool, and it is no continuation the writer links (it opens with "In 2024", not a pronoun). Now, when every sentence of
the pool that tells a year tells other years, the sentence right after one of them telling the asked year leads
(``QuestionAnswering._pick_answer``, ``asked_year.event_years``). A question about a year the sentence before already
tells is answered by it as before.

Not for a question whose year names the event ("Which club won the 2026 Harbour Cup?", integrator s58: a RealTime QA
fit question on a final was answered with the next sentence's "2025-2026 player of the year ...", a player, not the
winner): only a figure's year picks the next sentence.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead, answer_of, engine_over_texts

UNTIL = "2026-12-01"

ARTICLES = {
    "01_seizures.md": (
        "# Taiwan customs steps up checks on chip shipments\n\nPublished: 2026-09-08\n\n"
        "KEELUNG — Taiwan's customs administration said on Monday it had opened 31 investigations into "
        "strategic high-tech exports so far this year, up from 12 in 2025. In 2024 it opened only 5.\n\n"
        "Most of the cases involved servers routed through Malaysia.\n"),
    "02_licences.md": (
        "# Japan's chip-tool licence requests hit a record\n\nPublished: 2026-07-15\n\n"
        "TOKYO — Japan's trade ministry received 860 licence applications for chipmaking tools in the year to March "
        "2026, against 610 in fiscal 2025. In fiscal 2023 the ministry received 240.\n\n"
        "Officials said most applications concerned exports to China.\n"),
    "03_fines.md": (
        "# Seoul's export-control fines rise\n\nPublished: 2026-10-02\n\n"
        "SEOUL — South Korea's trade ministry imposed 3.4 billion won in fines for strategic-goods violations in 2025, "
        "against 1.1 billion won in 2023. The 2024 total was 2.0 billion won.\n"),
    "04_cup.md": (
        "# Norrvik win the Harbour Cup\n\nPublished: 2026-06-14\n\n"
        "Norrvik Rowing Club beat Ostmark 3-2 in the final on Saturday to win the club's first Harbour Cup since 2009. "
        "Ostmark had won the last two Harbour Cups in 2024 and 2025. Norrvik captain and 2025-2026 rower of the year "
        "Elin Dahl was named the final's best rower.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("year_next_sentence"), ARTICLES)


@pytest.mark.parametrize("question, figure", [
    ("How many strategic high-tech export investigations did Taiwan's customs open in 2024?", "only 5"),
    ("How many licence applications for chipmaking tools did Japan's trade ministry receive in fiscal 2023?",
     "received 240"),
    ("How much did South Korea impose in fines for strategic-goods violations in 2024?", "2.0 billion won"),
])
def test_the_asked_years_figure_in_the_next_sentence_leads(engine, question, figure):
    assert figure in answer_lead(engine, question, UNTIL), answer_of(engine, question, UNTIL)


@pytest.mark.parametrize("question, figure", [
    ("How many strategic high-tech export investigations did Taiwan's customs open in 2025?", "12 in 2025"),
    ("How much did South Korea impose in fines for strategic-goods violations in 2025?", "3.4 billion won"),
])
def test_a_year_the_first_sentence_tells_is_still_answered_by_it(engine, question, figure):
    assert figure in answer_lead(engine, question, UNTIL), answer_of(engine, question, UNTIL)


def test_a_year_that_names_the_event_does_not_pick_the_next_sentence(engine):
    question = "Which club won the 2026 Harbour Cup?"
    lead = answer_lead(engine, question, UNTIL)
    assert "Norrvik Rowing Club beat Ostmark" in lead, answer_of(engine, question, UNTIL)
