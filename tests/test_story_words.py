"""A brief's story is told by documents that say what the topic is about, not only whom (issue 10, on-topic first;
s57's second fresh user).

Kind: **a report naming only the topic's countries fills a brief whose subject only a commentary discusses.** "Chinese-
made port cranes in Japan" over Japan's End User List report (naming China and Japan, no crane) and an editorial on
the cranes at Japan's ports was written wholly from the End User List: the topic's actors are its two countries,
every report naming both passed the on-topic test, and a commentary does not set the story. Now, when some document
says one of the topic's distinctive words past its actors ("cranes"), a document saying none of the topic's words
past its actors ("port", "cranes", "made") tells another story of the same actors (``on_topic.topical_documents``).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

TEXTS = {
    "01_enduser.md": (
        "# Japan adds eight Chinese entities to its End User List\n\nPublished: 2026-01-20 · Publisher: Kanto Wire\n\n"
        "TOKYO — Japan's trade ministry on Tuesday added eight entities in mainland China to its End User List, "
        "saying they could divert imported machine tools to military programmes. Exporters must now apply for a "
        "licence before shipping any listed goods to them. China's commerce ministry said it firmly opposed the move.\n"),
    "02_editorial.md": (
        "# Editorial: Japan should inspect the cranes at its ports\n\nPublished: 2026-04-02 · Publisher: Hakata Daily\n\n"
        "Most of the ship-to-shore cranes at Japan's container ports were built by one Chinese manufacturer, a "
        "transport ministry survey found last week. The cranes send maintenance data to servers in China. The "
        "ministry should order an inspection of their software before the end of the fiscal year, and port "
        "operators should cut remote links they cannot audit.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("story_words"), TEXTS)


@pytest.mark.parametrize("template", ["situation", "assessment"])
def test_a_brief_on_port_cranes_is_written_from_the_piece_on_cranes(engine, template):
    brief = engine.write("Chinese-made port cranes in Japan", template=template)
    cited = {s.title for s in brief.sources}
    assert any("cranes" in t for t in cited), (cited, brief.message)
    assert not any("End User List" in t for t in cited), cited


def test_a_brief_on_the_end_user_list_still_cites_its_report(engine):
    brief = engine.write("Japan's End User List additions of Chinese entities", template="situation")
    assert any("End User List" in s.title for s in brief.sources), brief.message
