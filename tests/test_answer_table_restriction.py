"""A table answer quotes the rows whose cells hold the question's restriction, not the first rows by position: "Which
firms did the ministry list for drone parts?" over a table of listed firms and their reasons quotes the rows whose
reason is drone parts (``row_subject.restricted_rows``). A sentence of the same report that names members and holds
more of the question's restriction than any row ("Two of the firms, Korin Optics and Vell Marine, shipped radar
parts to Iran through a broker in Dubai") answers before the rows (``row_subject.prose_names_more``); words every row
is about (the title, the caption, the column names) are no restriction.

Rows and sentences for the unit checks and a short report with a Markdown table for the end-to-end checks through the
real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text, first_sentence
from rag.types import SearchFilters
from rag.writers.key_terms import stems
from rag.writers.row_subject import prose_names_more, restricted_rows

ROWS = [
    "Firm: Korin Optics Ltd.; Country: Malaysia; Reason: radar parts for military end users.",
    "Firm: Vell Marine Co.; Country: Turkey; Reason: radar parts for military end users.",
    "Firm: Ostrava Dynamics; Country: Serbia; Reason: drone engines.",
    "Firm: Pemberton Aero; Country: Cyprus; Reason: drone flight controllers.",
    "Firm: Tarsk Metals; Country: Kazakhstan; Reason: titanium for drone frames.",
]


@pytest.mark.parametrize("restriction, kept", [
    ({"drone"}, [2, 3, 4]),
    ({"radar", "part"}, [0, 1]),
    ({"drone", "engin"}, [2]),
    ({"list", "firm"}, [0, 1, 2, 3, 4]),  # no row holds it: all rows
])
def test_the_rows_holding_the_restriction_are_kept_in_order(restriction, kept):
    assert restricted_rows(frozenset(restriction), ROWS) == kept


PROSE = "Two of the firms, Korin Optics and Vell Marine, shipped radar parts to Iran through a broker in Dubai."


@pytest.mark.parametrize("restriction, prose, subject, expected", [
    ({"ship", "radar", "part", "iran", "dubai"}, PROSE, "", True),
    ({"ship", "radar", "part", "iran", "dubai"}, "Two firms shipped radar parts to Iran through Dubai, it said.",
     "", False),  # names no member
    ({"drone"}, "The ministry listed 14 firms over drone parts sold to Russia.", "", False),  # no more than a row
    ({"list", "ministri"}, "The ministry listed Korin Optics and 13 other firms on Monday.",
     "Ministry lists 14 firms", False),  # what every row is about
])
def test_a_sentence_naming_members_with_more_of_the_restriction_answers(restriction, prose, subject, expected):
    assert prose_names_more(frozenset(restriction), ROWS, [(prose, stems(prose))], subject,
                            frozenset({"firm"})) is expected


TABLE = "\n".join([
    "| Firm | Country | Reason |",
    "|---|---|---|",
    "| Korin Optics Ltd. | Malaysia | radar parts for military end users |",
    "| Vell Marine Co. | Turkey | radar parts for military end users |",
    "| Ostrava Dynamics | Serbia | drone engines |",
    "| Pemberton Aero | Cyprus | drone flight controllers |",
    "| Tarsk Metals | Kazakhstan | titanium for drone frames |",
])
ARTICLES = [
    ("01_list.md", "2026-10-02", "Trade ministry lists five foreign firms over military exports",
     "The trade ministry on Thursday added five foreign firms to its export blacklist, saying they supplied radar "
     "and drone programmes.\n\n"
     f"{TABLE}\n\n"
     f"{PROSE}\n\n"
     "Exporters need a licence for any shipment to the five firms."),
    ("02_other.md", "2026-10-01", "Harbour festival opens",
     "The harbour festival opened on Friday with 40 stalls and a parade. Organisers expect 20,000 visitors."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("table_restriction"), ARTICLES)


def _lead(engine, question):
    brief = engine.write(question, template="answer", filters=SearchFilters(until="2026-10-03"))
    assert not brief.abstained, brief.message
    return answer_text(brief)


def test_the_rows_holding_the_restriction_answer(engine):
    text = _lead(engine, "Which firms did the trade ministry add to the blacklist for drone programmes?")
    lead = first_sentence(text)
    assert "drone" in lead and "Korin" not in lead and "Vell" not in lead


def test_the_sentence_naming_members_with_the_restriction_leads(engine):
    lead = first_sentence(_lead(engine, "Which firms shipped radar parts to Iran through Dubai?"))
    assert lead.startswith("Two of the firms, Korin Optics and Vell Marine")


def test_without_a_restriction_the_table_answers(engine):
    assert "Korin Optics" in first_sentence(_lead(engine, "Which firms did the trade ministry add to the blacklist?"))
