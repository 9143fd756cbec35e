"""Counts in a table, bound to their rows (s68 user: a table row's 2,400 accepted for another row's subject; a true
count given in a table rejected).

- Another row's count: "Shipments to Malaysia totalled 2,400" over a table whose Vietnam row gives 2,400 and whose
  Malaysia row 1,750. ``table_rows.other_row_figure`` read amounts with a unit or currency only, and only pipe rows,
  while ingest stores every table linearized ("Destination: Malaysia; Shipments: 1,750."); it now reads plain counts
  (a bare year is no count) and stored rows.
- The row's own count: "Incheon had 38 cases" over "Port: Incheon; Cases: 38; …" was read as the predicate of a
  clause "Cases: 38" that leaves Incheon out (``clause_subjects``: a table row is one clause now), and "The Ministry
  of Trade issued 3,120 licences" over "Agency: Ministry of Trade; Licences issued: 3,120" as a copy with "the"
  changed for the column name "Agency" (``edits.edited_copy``: ``rag.text.tables.column_name_words``).

Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.clause_subjects import other_clause
from rag.support.edits import edited_copy
from rag.support.table_rows import other_row_figure
from rag.text.tables import column_name_words, linearize_tables

SHIPMENTS = """Chip exports by destination, 2025

| Destination | Shipments | Change |
|---|---|---|
| Vietnam | 2,400 | +12% |
| Malaysia | 1,750 | -3% |
| Mexico | 4,800 | +40% |
"""

SEIZURES = """Seizures of controlled items at Korean ports, first half of 2026

| Port | Cases | Items seized |
|---|---|---|
| Busan | 61 | 12,300 |
| Incheon | 38 | 7,450 |
| Pyeongtaek | 17 | 2,980 |
"""

LICENCES = """| Agency | Licences issued | Licences refused |
|---|---|---|
| Ministry of Trade | 3,120 | 214 |
| Defence Acquisition Office | 860 | 95 |
"""

OTHER_ROW = [
    ("Shipments to Malaysia totalled 2,400.", SHIPMENTS),
    ("Shipments to Mexico totalled 2,400.", SHIPMENTS),
    ("Incheon recorded 61 cases.", SEIZURES),
    ("Customs at Pyeongtaek seized 7,450 items.", SEIZURES),
    ("The Defence Acquisition Office issued 3,120 licences.", LICENCES),
]

OWN_ROW = [
    ("Shipments to Vietnam totalled 2,400.", SHIPMENTS),
    ("Mexico received 4,800 chip shipments in 2025.", SHIPMENTS),
    ("Busan recorded 61 cases.", SEIZURES),
    ("Customs at Pyeongtaek seized 2,980 items.", SEIZURES),
    ("The Ministry of Trade refused 214 licences.", LICENCES),
    ("Incheon had 38 cases.", SEIZURES),
    ("The Defence Acquisition Office issued 860 licences.", LICENCES),
    ("The Ministry of Trade issued 3,120 licences.", LICENCES),
    ("The Defence Acquisition Office refused 95 licences.", LICENCES),
]


FORMS = [pytest.param(lambda p: p, id="pipes"), pytest.param(linearize_tables, id="stored")]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("claim, passage", OTHER_ROW)
def test_a_plain_count_of_another_row_is_bound_to_that_row(claim, passage, form):
    assert (other_row_figure(claim, form(passage)) or "").startswith("binding: the passage's row")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("claim, passage", OWN_ROW)
def test_a_row_own_count_is_not_another_row_figure(claim, passage, form):
    assert other_row_figure(claim, form(passage)) is None


def test_a_bare_year_is_no_count_of_a_row():
    assert other_row_figure("Malaysia's shipments fell in 2025.", SHIPMENTS) is None


def test_a_table_row_is_one_clause_said_of_its_subject():
    assert other_clause("Incheon had 38 cases.", linearize_tables(SEIZURES)) is None
    # a sentence's clauses are still read: "the other three" leave the name out
    assert other_clause("Jeon was indicted without detention.", "Kang and Jeon were indicted under detention; the "
                        "other three were indicted without detention.")


def test_a_column_name_is_no_word_a_restated_row_changes():
    row = linearize_tables(LICENCES).split("\n")[0]
    assert column_name_words(row) == {"agency", "licences", "issued", "refused"}
    assert column_name_words("Prices rose 3% in May.") == frozenset()
    assert "the" not in edited_copy("The Ministry of Trade issued 3,120 licences.", row)


def test_the_checker_rejects_another_row_count_and_keeps_the_row_own(checker):
    """On the rows as ingest stores them (the passages the checker scores in briefs and answers)."""
    rows = [(c, linearize_tables(p), False) for c, p in OTHER_ROW] + [(c, linearize_tables(p), True) for c, p in OWN_ROW]
    assert not misjudged(checker, rows)


def test_the_checker_rejects_another_row_count_in_pipe_rows(checker):
    """``brief verify`` passes a passage as written: a count of another pipe row is rejected there too."""
    assert not misjudged(checker, [(c, p, False) for c, p in OTHER_ROW])
