"""A brief on a topic whose own subject the corpus never mentions is not written from other stories that share the
rest of its words: "Chinese export controls on gallium and germanium" over reports of China's controls on drones and
on rare-earth magnets abstains ("the evidence never mentions “gallium”, “germanium”"), though a sentence about
"Chinese export controls" covers most of the topic's words by count. The topic's words that no evidence sentence
or headline holds weigh most by rarity (``term_weights``); when they carry more than ``BRIEF_ABSENT_MAX`` of the
topic, the brief abstains (``ExtractiveWriter._topic_covered``). A topic whose subject is there, with a minor word
missing, is written as before.

Reports written for this test, through the real Engine (offline writer).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

ARTICLES = [
    ("01_drones.md", "2026-07-02", "China tightens export controls on drone parts",
     "China's commerce ministry on Tuesday tightened export controls on drone engines, lasers and radar parts, "
     "saying the items could be diverted to military use.\n\n"
     "Exporters will need a licence from the ministry for each shipment from September 1."),
    ("02_magnets.md", "2026-08-14", "Beijing adds rare-earth magnets to export control list",
     "Chinese authorities added six rare-earth magnet types to the export control list on Thursday.\n\n"
     "Japanese motor makers said they were checking their stockpiles, which last about three months."),
    ("03_subsidies.md", "2026-05-20", "Japan widens chip subsidies",
     "Japan's trade ministry said on Monday it would widen subsidies for semiconductor plants to include "
     "advanced packaging lines.\n\nThe budget for the programme is 390 billion yen this year."),
    ("04_sanctions.md", "2026-09-03", "Seoul sanctions two shipping firms",
     "South Korea imposed sanctions on two shipping firms accused of carrying North Korean coal, the foreign "
     "ministry said on Wednesday.\n\nThe firms' assets in South Korea were frozen."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("topic_absent_words"), ARTICLES)


def notes_of(brief) -> str:
    return " ".join(brief.provenance.notes)


@pytest.mark.parametrize("topic, absent", [
    ("Chinese export controls on gallium and germanium", ["gallium", "germanium"]),
    ("Japanese chip subsidies for lithium battery recycling", ["lithium", "battery", "recycling"]),
    ("South Korean sanctions on cobalt refiners", ["cobalt", "refiners"]),
])
def test_a_topic_whose_subject_no_source_mentions_is_not_written(engine, topic, absent):
    brief = engine.write(topic, template="assessment")
    assert brief.abstained, notes_of(brief)
    assert "never mentions" in notes_of(brief)
    assert all(f"“{word}”" in notes_of(brief) for word in absent)


@pytest.mark.parametrize("topic", [
    "Chinese export controls on drones",
    "Chinese export controls on drone engines and turbines",  # "turbines" is missing, the subject is there
    "Japan chip subsidies",
    "South Korean sanctions on shipping firms",
])
def test_a_topic_whose_subject_is_there_is_written(engine, topic):
    brief = engine.write(topic, template="assessment")
    assert not brief.abstained, notes_of(brief)
