"""A table row answers a question only through its table's subject or its own cells, not its column names (s65's new
user F4: "Technology: Quantum; Prohibited: …" of a US outbound investment table led "Which technologies did MOTIE
designate as national core technologies?").

A row is stored one line each ("Name: value; Name: value", ``rag.text.tables``); its column names repeat on every row
and are the table's heading. ``row_subject.row_off_subject``: a row sharing none of the question's key terms through
its cells, its document's title or its table's caption is not quoted (``QuestionAnswering._quotable``); a question on
the table's subject is still answered by its rows. Unit checks on rows written here, and end to end through the real
Engine over short reports written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, answer_of, engine_over_articles

from rag.writers.key_terms import key_terms
from rag.writers.row_subject import row_off_subject, table_caption

ROW = "Item: Gallium nitride wafers; Licence: required for all buyers; Effective: March 1."
TITLE = "Canberra adds gallium wafers and lidar units to its defence control list"
CAPTION = "Additions under the March notice:"


def _asked(question: str) -> frozenset[str]:
    return frozenset(t.stem for t in key_terms(question))


@pytest.mark.parametrize("question", [
    "Which items did Chile's mining ministry designate under its licence rules?",  # column words, another story
    "What licence does Ottawa demand for uranium exports?",
    "When does the Brazilian export licence rule take effect?",
])
def test_a_row_sharing_only_its_column_names_is_off_the_questions_subject(question):
    assert row_off_subject(_asked(question), ROW, TITLE, CAPTION)


@pytest.mark.parametrize("question", [
    "Which items did Canberra add to its defence control list?",  # the title's subject
    "Do gallium nitride wafers need a licence?",  # the row's own cells
    "Which items came under the March notice?",  # the caption
])
def test_a_row_on_the_questions_subject_may_answer(question):
    assert not row_off_subject(_asked(question), ROW, TITLE, CAPTION)


def test_a_sentence_that_is_no_row_is_never_off_subject_here():
    assert not row_off_subject(_asked("Which items did Chile add?"), "Chile added three items.", TITLE, "")


def test_the_caption_is_the_line_above_the_table():
    text = f"Canberra said the list grows.\n\n{CAPTION}\n\n{ROW}\nItem: Lidar units; Licence: military end use; Effective: March 1."
    second = text.index("Item: Lidar")
    assert table_caption(text, second) == CAPTION
    assert table_caption(ROW, 0) == ""


ARTICLES = [
    ("01_tokyo.md", "2026-03-04", "Tokyo widens outbound screening of robotics and satellite deals",
     "Japan's finance ministry on Tuesday widened its screening of outbound investment in Chinese firms developing "
     "robotics and satellite technologies, designating two new technologies for review.\n\n"
     "Thresholds under the revised screening order:\n\n"
     "| Technology | Prohibited | Notifiable |\n|---|---|---|\n"
     "| Robotics | humanoid control software for military use | industrial arms above 20 kg payload |\n"
     "| Photonics | photonic chips, photonic sensing for military use (new) | none |\n"
     "| Satellites | imaging below 30 cm resolution (new) | ground stations |\n\n"
     "Investors have 30 days to notify the ministry."),
    ("02_taiwan.md", "2026-03-05", "Taiwan designates three new core key technologies",
     "Taiwan's National Science and Technology Council on Wednesday designated three technologies as core key "
     "technologies under the National Security Act, raising the total to 35. Leaking a core key technology to China "
     "is punishable by up to 12 years in prison. The council will brief companies in Taipei on 20 March."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("row_subject"), ARTICLES)


@pytest.mark.parametrize("question, until", [
    ("Which technologies did Taiwan designate as core key technologies?", "2026-03-06"),
    ("What is the maximum prison term for leaking a core key technology?", "2026-03-06"),
    ("How many core key technologies does Taiwan now have?", "2026-03-06"),
])
def test_another_storys_question_is_not_answered_by_a_row(engine, question, until):
    assert "Technology:" not in answer_of(engine, question, until)


def test_the_tables_own_question_is_answered_by_its_rows(engine):
    assert "Technology: Robotics" in answer_of(engine, "Which technologies are prohibited under Tokyo's outbound "
                                                       "screening order?", "2026-03-06")
