"""A who-question asking who did an act ("Who protested …?", "Who condemned …?") is answered by the sentence in
which a country or its capital does that act, told by its own word or its family ("Seoul plans to file a complaint
with the WTO"), though sentences restating the question's premise are more like the question."""

from __future__ import annotations

import pytest

from rag.writers.answer_actor import names_doer
from rag.writers.key_terms import stems
from tests.conftest import answer_of, engine_over_texts


@pytest.mark.parametrize("question, text", [
    ("Who protested Japan's export restrictions?", "Seoul plans to file a complaint with the WTO, officials said."),
    ("Who protested the curbs?", "South Korea has summoned a Japanese embassy official to protest the move."),
    ("Who condemned the missile launch?", "Tokyo condemned the launch as a grave threat to regional peace."),
    ("Who criticised the ban?", "Beijing criticised the ban as discriminatory."),
])
def test_a_place_doing_the_asked_act_names_the_doer(question, text):
    assert names_doer(question, text, stems(text))


@pytest.mark.parametrize("question, text", [
    # "critical" shares the stem of "criticize": critical infrastructure tells no protest
    ("Who protested the export restrictions?",
     "Japan has denied approval for Chinese battery makers used in critical infrastructure."),
    ("Who protested the curbs?", "Japan tightened the approval process for photoresists last week."),
    ("Who condemned the launch?", "North Korea launched a ballistic missile on Sunday."),
])
def test_a_place_doing_something_else_does_not(question, text):
    assert not names_doer(question, text, stems(text))


CASES = {
    "protest": (
        "Who protested Japan's export restrictions?",
        {"01_curbs.md": ("# Japan tightens export restrictions on chip materials to South Korea\n\nPublished: 2019-07-08\n\n"
                         "Japan's export restrictions on photoresists and hydrogen fluoride to South Korea took effect "
                         "on July 4, tightening the approval process for Japanese exporters.\n\n"
                         "The export restrictions hit Japanese shipments of chip materials.\n\n"
                         "The South Korean trade ministry said that Seoul plans to file a complaint with the WTO.\n")},
        "Seoul plans to file a complaint"),
    "condemn": (
        "Who condemned North Korea's missile launch over Japan?",
        {"01_launch.md": ("# North Korea fires missile over Japan\n\nPublished: 2022-10-04\n\n"
                          "North Korea's missile launch over Japan on Tuesday was its first such launch since 2017, "
                          "and the missile flew over northern Japan before falling into the Pacific.\n\n"
                          "The missile launch over Japan triggered alerts in Hokkaido.\n\n"
                          "Tokyo condemned the launch as reckless.\n")},
        "Tokyo condemned the launch"),
    "reject": (
        "Who rejected the proposal for a new chip alliance with Washington?",
        {"01_alliance.md": ("# Washington proposes a new chip alliance\n\nPublished: 2022-09-01\n\n"
                            "The proposal for a new chip alliance with Washington would bring together chipmakers "
                            "from four economies under common export rules.\n\n"
                            "The chip alliance proposal was discussed by officials last week.\n\n"
                            "Beijing rejected the plan as an attempt to contain China.\n")},
        "Beijing rejected the plan"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_answer_leads_with_the_place_doing_the_act(case, tmp_path):
    question, articles, doer = CASES[case]
    engine = engine_over_texts(tmp_path, articles)
    answer = answer_of(engine, question, "2026-12-31")
    assert doer in answer.split(". ")[0], answer
