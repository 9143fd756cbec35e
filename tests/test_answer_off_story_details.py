"""An answer's details come from the asked story, not from another story sharing a date or a word (issue 10, F11
"off-story padding"; rag/writers/answering.py ``_off_story_details``).

The kind: after a right first sentence, ``ask`` appended sentences of other stories that ranked near the asked one
because they share a month ("September"), a country ("Japan") or a sport's words ("final", "Sunday"): an opinion
column's "I believe the decision … from September 1 is a mistake" under the Entity List count, a preview of another
league's final under the asked final's result. A detail is quoted from the lead's own report or from a report
holding the question's story on its own (the fitted story model, ``answer_story_held.docs_holding_story``); another
source's report of the same story still adds its details.

End to end through the real Engine over short reports written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_of as answer, engine_over_headed

ARTICLES = {
    "01_entity_list.txt": (
        "Commerce adds 14 firms to Entity List", "Harbor Wire", "2026-09-18",
        "The US Commerce Department added 14 companies to the Entity List on Thursday, citing support for military "
        "drone programmes. The companies include nine based in mainland China and five in Hong Kong, the department "
        "said. Exporters now need a licence to ship any item subject to US rules to the listed companies."),
    "02_column.txt": (
        "Opinion: Tokyo's new export rules are a mistake", "Lantern Review", "2026-09-17",
        "I believe the trade ministry's decision to tighten export rules from September 1 is a mistake. The rules "
        "add paperwork for small suppliers in Osaka and Nagoya without stopping a single shipment. Japan should "
        "talk to its partners before it adds another layer of licences for companies."),
    "03_entity_list_b.txt": (
        "US blacklists drone suppliers", "Mercer Daily", "2026-09-19",
        "Washington put 14 companies on its Entity List this week over their support for drone makers. The listed "
        "companies had bought American chips through resellers in Singapore, a Commerce official said."),
    "04_cup_final.txt": (
        "Kelby Rovers lift the Marlow Cup", "Harbor Wire", "2026-05-11",
        "Kelby Rovers won the Marlow Cup final on Sunday, beating Dunmore Town 2-1 with a header in the last "
        "minute. It is the club's second Marlow Cup after its first win in 2011. Captain Iris Thorne lifted the "
        "trophy in front of 30,000 fans."),
    "05_other_final.txt": (
        "Preview: Ashby United chase a third straight Vale Trophy", "Lantern Review", "2026-05-08",
        "In Sunday's Vale Trophy final, Ashby United will cement their place as the league's great side with a "
        "third straight cup. Ashby's coach said the final would be won in midfield. Tickets for the final sold out "
        "in an hour."),
    "06_quake.txt": (
        "Quake shakes Varna coast", "Harbor Wire", "2026-03-12",
        "A magnitude 6.4 earthquake struck off the Varna coast on Wednesday, cutting power to 40,000 homes. Rescue "
        "teams pulled two fishermen from a collapsed pier, the coastguard said."),
    "07_budget.txt": (
        "Varna council passes budget", "Lantern Review", "2026-03-11",
        "The Varna council on Wednesday passed a budget that raises the harbour fee for the first time in a "
        "decade. Councillors said the coast road would be resurfaced next spring."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("off_story_details"), ARTICLES)


def test_the_entity_list_count_is_not_padded_with_the_column(engine):
    text = answer(engine, "How many companies did Washington add to its Entity List in September?", "2026-09-30")
    assert "14" in text
    assert "mistake" not in text and "Osaka" not in text and "partners" not in text


def test_another_report_of_the_same_story_still_gives_details(engine):
    text = answer(engine, "How many companies did Washington add to its Entity List in September?", "2026-09-30")
    assert "drone makers" in text or "Singapore" in text


def test_the_cup_winner_is_not_padded_with_another_final(engine):
    text = answer(engine, "Which club won the cup final on Sunday?", "2026-05-31")
    assert "Kelby Rovers" in text
    assert "Ashby" not in text and "midfield" not in text and "Tickets" not in text


def test_the_quake_answer_is_not_padded_with_the_council_budget(engine):
    text = answer(engine, "What happened on the Varna coast on Wednesday?", "2026-03-31")
    assert "earthquake" in text
    assert "budget" not in text and "harbour fee" not in text and "resurfaced" not in text
