"""A value asked of one row of a table is answered by that row: "How much will the two sides co-finance under the
Japan-India pact?" is answered by "Item: Co-financing of …; Amount: $1.2 billion", not by the row naming Japan and
India in its cells ("Loans to Indian chip assemblers from Japan's JBIC"), when the title names both countries: the
words of the table's title, caption and column names are what every row is about and restrict none
(``row_subject.restricted_rows`` with the table's subject, read by ``answering._asked_rows`` for any typed answer).

Rows for the unit checks and short reports for the end-to-end checks through the real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text, first_sentence
from rag.types import SearchFilters
from rag.writers.row_subject import restricted_rows

ROWS = ["Item: Loans to Indian chip assemblers from Japan's JBIC; Party: Japan; Amount: $900 million; Timing: from 2027.",
        "Item: Co-financing of gas-plant projects in third countries; Party: Both; Amount: $1.2 billion; Timing: by 2030.",
        "Item: Reserve of rare-earth magnets; Party: India; Amount: 45 days of demand; Timing: by 2028."]
TITLE = "Japan and India sign economic security pact: what each side pledged"


@pytest.mark.parametrize("restriction, kept", [
    ({"japan", "india", "co-financ", "financ", "pact"}, [1]),  # the countries are the title's: no restriction
    ({"japan", "india", "reserv", "magnet", "pact"}, [2]),
    ({"japan", "india", "pact"}, [0, 1, 2]),  # nothing beyond the subject: every row
])
def test_the_title_and_columns_restrict_no_row(restriction, kept):
    assert restricted_rows(frozenset(restriction), ROWS, TITLE) == kept


def test_without_a_subject_the_rows_are_read_as_before():  # the first row's cells name Japan and India
    assert restricted_rows(frozenset({"japan", "india", "financ"}), ROWS) == [0]


TABLE = "\n".join([
    "| Item | Party | Amount | Timing |",
    "| --- | --- | --- | --- |",
    "| Loans to Indian chip assemblers from Japan's JBIC | Japan | $900 million | from 2027 |",
    "| Co-financing of gas-plant projects in third countries | Both | $1.2 billion | by 2030 |",
    "| Reserve of rare-earth magnets | India | 45 days of demand | by 2028 |",
])

ARTICLES = [
    ("01_pact.md", "2026-10-03", TITLE,
     "Japan and India on October 2 signed an economic security pact in New Delhi covering chips, gas and rare "
     "earths.\n\nThe pact sets out these pledges:\n\n" + TABLE + "\n\n"
     "Officials said the pledges would be reviewed every two years."),
    ("02_other.md", "2026-10-01", "Harbour festival opens",
     "The harbour festival opened on Friday with 40 stalls and a parade. Organisers expect 20,000 visitors."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("row_value"), ARTICLES)


def test_the_asked_rows_amount_leads(engine):
    brief = engine.write("How much will the two sides co-finance under the Japan-India pact?", template="answer",
                         filters=SearchFilters(until="2026-10-31"))
    assert not brief.abstained, brief.message
    lead = first_sentence(answer_text(brief))
    assert "$1.2 billion" in lead, lead
