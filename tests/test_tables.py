"""A table's rows are read, searched and quoted one at a time with their column names (``rag.text.tables``): a
question whose answer is one row of a list gets that row, not an abstention, and a row is never read as a list."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.loaders import load_file
from rag.text.tables import is_table_row, linearize_tables
from rag.writers.sentence_cues import junk_reason
from test_cases_cjk import Corpus

DOCS = Path(__file__).resolve().parent / "data" / "tables"


@pytest.mark.parametrize(
    "table, lines",
    [
        (  # <th> header: trafilatura's and Markdown's separator marks it
            "| Company | City |\n|---|---|\n| SMEE | Shanghai |\n| YMTC | Wuhan |",
            ["Company: SMEE; City: Shanghai.", "Company: YMTC; City: Wuhan."],
        ),
        (  # a <td> header: short, filled, no digits, above two rows
            "| Item | Category |\n| EUV pellicles | Lithography |\n| Etching gas | Materials |",
            ["Item: EUV pellicles; Category: Lithography.", "Item: Etching gas; Category: Materials."],
        ),
        (  # a column per year is a header too
            "| Metric | 2022 | FY2023 |\n| Exports | 10 | 12 |\n| Imports | 8 | 9 |",
            ["Metric: Exports; 2022: 10; FY2023: 12.", "Metric: Imports; 2022: 8; FY2023: 9."],
        ),
        (  # a caption spanning the columns, then label-value rows
            "| Penalties |  |\n|---|---|\n| Fine | up to 3 million yen |\n| Prison | up to 5 years |",
            ["Penalties", "Fine: up to 3 million yen.", "Prison: up to 5 years."],
        ),
        (  # a layout table of prose
            "| The first paragraph sits in a cell. |\n| So does the second one. |",
            ["The first paragraph sits in a cell.", "So does the second one."],
        ),
        (  # two tables one after the other: the new header starts the second
            "| A | B |\n|---|---|\n| 1 | 2 |\n| Name | Role | Age |\n|---|---|---|\n| Kim | CEO | 61 |",
            ["A: 1; B: 2.", "Name: Kim; Role: CEO; Age: 61."],
        ),
        (  # GFM's separator: one hyphen or more, a colon to align left, right or centre
            "| Item | Control | Date |\n|:-|:-:|--:|\n| Photoresist | Licence | 2019 |\n| Fluorine gas | Licence | 2019 |",
            ["Item: Photoresist; Control: Licence; Date: 2019.", "Item: Fluorine gas; Control: Licence; Date: 2019."],
        ),
        (  # a separator with spaces around short hyphens
            "| Firm | Plant |\n| -- | :- |\n| 2 Micron | Hiroshima |",
            ["Firm: 2 Micron; Plant: Hiroshima."],
        ),
        (  # an empty cell is left out; an escaped pipe stays in its cell
            "| Firm | Note |\n|---|---|\n| TSMC |  |\n| Rapidus | 2nm \\| pilot |",
            ["Firm: TSMC.", "Firm: Rapidus; Note: 2nm | pilot."],
        ),
    ],
)
def test_each_row_becomes_a_line_naming_its_cells_by_column(table, lines):
    assert linearize_tables(f"Before.\n{table}\nAfter.").split("\n") == ["Before.", *lines, "After."]


def test_a_single_pipe_line_and_text_without_tables_are_left_as_they_are():
    text = "A line with a | pipe.\n| one row only |\nPlain prose."
    assert linearize_tables(text) == text


@pytest.mark.parametrize("text", ["Company: SMEE; City: Shanghai; Sector: Lithography tools.", "Item: EUV pellicles; Category: Lithography."])
def test_a_row_is_a_quotable_fact_though_verbless_and_capitalised(text):
    assert is_table_row(text) and junk_reason(text) is None


@pytest.mark.parametrize("text", ["Officials said: the ban stays; talks continue.", "Semiconductors: a primer.",
                                  "Commerce adds 36 Chinese firms to Entity List",
                                  "Park flooding: Waters 'still raging'; more than 10,000 visitors evacuated: What we know",
                                  "Tokyo's view: curbs are needed; Beijing's long-held and stated view: they are not"])
def test_prose_and_headings_with_colons_are_no_rows(text):
    assert not is_table_row(text)


def test_an_html_table_is_stored_as_rows_with_their_column_names():
    (doc,) = load_file(DOCS / "entity_list.html")
    assert "Company: Shanghai Micro Electronics Equipment; City: Shanghai; Sector: Lithography tools." in doc.text.split("\n")
    assert "|" not in doc.text


def test_a_markdown_pipe_table_is_stored_as_rows_and_its_front_matter_as_metadata():
    (doc,) = load_file(DOCS / "meti_items.md")
    assert doc.published == "2023-05-23"
    assert "Item: Epitaxial growth systems; Category: Deposition; Licence from: September 1." in doc.text.split("\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    c = Corpus(tmp_path_factory.mktemp("tables"), sorted(p for p in DOCS.iterdir() if p.suffix != ".md" or p.stem != "README"))
    yield c
    c.close()


@pytest.mark.parametrize(
    "question, row",
    [
        ("Which city is Hefei Core Storage Electronic based in?", "City: Hefei"),
        ("Which lithography tool maker was added to the Entity List?", "Company: Shanghai Micro Electronics Equipment"),
        ("When do epitaxial growth systems need an export licence?", "Licence from: September 1"),
    ],
)
def test_a_question_whose_answer_is_one_row_is_answered_from_that_row(corpus, question, row):
    brief = corpus.ask(question)
    assert not brief.abstained, brief.message
    assert row in brief.all_claims()[0].text


def test_a_row_is_not_credited_as_a_list_of_the_asked_class(corpus):
    brief = corpus.ask("Which companies were added to the Entity List?")
    assert "under “Company”" not in (brief.message or "") + " ".join(c.text for c in brief.all_claims())


@pytest.mark.parametrize("topic", ["Korea export licence technologies", "HBM export licences", "Japan chipmaking tools export licences"])
def test_a_briefs_topics_and_entities_name_no_column_of_a_table(corpus, topic):
    """Every row repeats its columns' names ("Licence from: July 23"), so counted as words they read as what the
    evidence is about: a brief's "Topics" were "Effective date · Licence threshold" (``without_column_names``)."""
    columns = {"item", "category", "licence from", "company", "city", "sector", "technology", "licence threshold",
               "effective date"}
    for template in ("situation", "assessment"):
        brief = corpus.engine().write(topic, template=template)
        assert not brief.abstained, brief.message
        terms = [t.lower() for s in brief.sections for t in s.terms]
        assert not columns & set(terms), terms


@pytest.mark.parametrize(
    "text, values",
    [
        ("Technology: HBM stacks; Effective date: October 1.", "HBM stacks; October 1."),
        ("Lead.\nItem: EUV pellicles; Category: Lithography.\nAfter: this is prose; it stays.", "Lead.\nEUV pellicles; Lithography.\nAfter: this is prose; it stays."),
        ("The ministry said: rules apply.", "The ministry said: rules apply."),
    ],
)
def test_without_column_names_keeps_a_rows_values_and_leaves_prose(text, values):
    from rag.text.tables import without_column_names

    assert without_column_names(text) == values


@pytest.mark.parametrize(
    "question, members",
    [
        ("Which companies were added to the Entity List?",
         ["Yangtze Memory Technologies (YMTC)", "Shanghai Micro Electronics Equipment", "Hefei Core Storage Electronic"]),
        ("Which firms did the Commerce Department add to the Entity List?",  # "Company" counts firms
         ["Yangtze Memory Technologies (YMTC)", "Shanghai Micro Electronics Equipment", "Hefei Core Storage Electronic"]),
        ("Which items need export licences from Japan?",
         ["EUV pellicles", "Wafer cleaning equipment", "Epitaxial growth systems"]),
        ("Which technologies need an export licence in South Korea?",
         ["HBM memory stacks", "EUV pellicles", "Gallium nitride wafers", "Quantum sensors"]),
    ],
)
def test_a_question_asking_several_members_of_a_class_gets_every_row_of_the_table_listing_them(corpus, question, members):
    """"Which companies …?" over a table with a Company column was answered "none gives the name" (no row is a
    sentence naming a company), and "Which technologies …?" with one row of four (``answer_table``)."""
    brief = corpus.ask(question)
    assert not brief.abstained, brief.message
    text = " ".join(c.text for c in brief.all_claims())
    assert all(m in text for m in members), text
    first = brief.all_claims()[0].text
    assert first.split(": ", 1)[1].startswith(members[0]), first  # the table's first row leads, in its order
