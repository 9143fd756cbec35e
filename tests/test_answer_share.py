"""A question asking a share of a whole ("What share of Taiwan's exports went to the United States?", "What
percentage of …?") is answered by the percentage of that part ("Shipments to the United States made up 30 percent of
the island's exports"), not by a percentage of change ("Taiwan's exports rose 12 percent in May from a year
earlier"), which repeated as much of the question and led (``answer_value.tells_change`` in ``number_fits`` for
``AskedValue.share``; data ``[share]`` of rag/text/data/answer_values.toml, version 6).

From s62's new user (F7); the reports are written for this test.
"""

from __future__ import annotations

import re

import pytest

from conftest import answer_lead as lead, engine_over_articles

from rag.writers.answer_value import asked_value, number_fits, tells_change

ARTICLES = [
    ("01_exports.md", "2026-06-09", "Taiwan's chip exports hit record",
     "Taiwan's exports rose 12 percent in May from a year earlier, led by chips for AI servers. "
     "Semiconductors accounted for 42 percent of total exports, the finance ministry said. "
     "Shipments to the United States made up 30 percent of the island's exports."),
    ("02_gallium.md", "2026-06-01", "China's share of gallium output rises",
     "Gallium prices rose 40 percent after Beijing imposed export controls. "
     "China produced 98 percent of the world's primary gallium last year, the US Geological Survey said. "
     "Japan imports about 60 percent of its gallium from China."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("share"), ARTICLES)


@pytest.mark.parametrize("question, until, share", [
    ("What share of Taiwan's exports went to the United States?", "2026-06-10", "30 percent"),  # led by "rose 12"
    ("What percentage of Taiwan's total exports were semiconductors?", "2026-06-10", "42 percent"),
    ("What share of the world's primary gallium does China produce?", "2026-06-02", "98 percent"),
])
def test_the_part_s_percentage_leads_not_a_change(engine, question, until, share):
    assert share in lead(engine, question, until)


def _at(text: str, number: str) -> tuple[int, int]:
    m = re.search(rf"\b{re.escape(number)}\b", text)
    return m.start(), m.end()


@pytest.mark.parametrize("text, number", [
    ("Taiwan's exports rose 12 percent in May from a year earlier.", "12"),
    ("Gallium prices rose 40 percent after the controls.", "40"),
    ("Exports grew by about 7% year on year.", "7"),
    ("Exports were 5% higher than a year earlier.", "5"),
    ("China produced 98 percent of output, up from 80 percent in 2015.", "80"),  # the earlier level
])
def test_a_percentage_of_change(text, number):
    assert tells_change(text, *_at(text, number))


@pytest.mark.parametrize("text, number", [
    ("Shipments to the United States made up 30 percent of the island's exports.", "30"),  # "made up": a share
    ("Semiconductors accounted for 42 percent of total exports.", "42"),
    ("Its share of the market fell to 20 percent.", "20"),  # the level reached
    ("China produced 98 percent of output, up from 80 percent in 2015.", "98"),
])
def test_a_percentage_of_a_whole(text, number):
    assert not tells_change(text, *_at(text, number))


def test_only_a_share_question_refuses_a_change():
    text = "Taiwan's exports rose 12 percent in May from a year earlier."
    start, end = _at(text, "12")
    assert asked_value("What share of Taiwan's exports went to the United States?").share
    assert not number_fits(asked_value("What share of Taiwan's exports went to the United States?"), text, start, end)
    assert number_fits(asked_value("By how much did Taiwan's exports rise in May?"), text, start, end)
