"""A topic that joins two halves of a story keeps the report of each half (issue 10, on-topic first; s60).

Kind: **the report of one half of a story is set aside.** "South Korea memory tool export licences and China's
polysilicon probe" is told by two reports: Seoul's licences (naming South Korea only) and Beijing's probe (naming
both). The actor test wanted both countries of every report and the topic's-own-words test wanted as many of the
topic's words as the best report names, less one, so the brief was written from Beijing's report alone and its
timeline lost Seoul's day. Each part of such a topic (``on_topic.story_clauses``: parts joined by "and", a comma
or a semicolon, each naming an actor and a word of its own) is now a way to tell the story: a document naming every
actor of one part passes the actor test, and one naming one part's words as fully as the best report names that
part's, less one, passes the words test (``on_topic.topic_words_told``). A topic of names only ("Japan and South
Korea") still wants both.

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts, stems_of
from rag.writers.on_topic import story_actors, story_clauses, topic_words_told

TOKYO_CURBS = (
    "---\ntitle: Tokyo tightens licences for photoresist shipments\npublisher: Kanto Business Wire\n"
    "date: 2026-08-11\n---\n\n"
    "TOKYO — Japan's trade ministry said on Monday that exporters of EUV photoresist will need individual "
    "licences for every shipment from September 1.\n\n"
    "The ministry cited the risk of diversion to weapons programmes.\n")
BEIJING_GRAPHITE = (
    "---\ntitle: Beijing restricts graphite anode exports to Japanese firms\npublisher: Asia Supply Monitor\n"
    "date: 2026-08-14\n---\n\n"
    "BEIJING — China's commerce ministry on Thursday restricted exports of graphite anode material to 12 Japanese "
    "companies, three days after Tokyo's photoresist rule.\n\n"
    "The ministry said the step protected national security.\n")
UNRELATED = (
    "---\ntitle: Japan and China hold fisheries talks\npublisher: Kanto Business Wire\ndate: 2026-08-12\n---\n\n"
    "TOKYO — Japanese and Chinese officials met in Tokyo on Tuesday to discuss fishing quotas in the East China "
    "Sea.\n\nThe two sides agreed to meet again in November.\n")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("story_halves"),
                             {"tokyo.md": TOKYO_CURBS, "beijing.md": BEIJING_GRAPHITE, "fisheries.md": UNRELATED})


def test_a_brief_on_two_halves_cites_the_report_of_each(engine):
    brief = engine.write("Japan photoresist export licences and China's graphite restrictions", template="situation")
    cited = {s.title for s in brief.sources}
    assert any("photoresist shipments" in t for t in cited), cited
    assert any("graphite anode" in t for t in cited), cited
    assert not any("fisheries" in t for t in cited), cited


@pytest.mark.parametrize("topic, parts", [
    ("South Korea memory tool export licences and China's polysilicon probe", 2),
    ("Japan photoresist export licences; China's graphite restrictions", 2),
    ("Japan and South Korea", 0),  # names only: both stay required
    ("Taiwan trade-secret case against Chinese chipmaker", 0),  # one part
])
def test_story_clauses_are_parts_with_an_actor_and_words_of_their_own(topic, parts):
    assert len(story_clauses(topic, story_actors(topic)[0])) == parts


def test_a_report_tells_one_half_by_that_halfs_words():
    topic = "Japan photoresist export licences and China's graphite restrictions"
    told = topic_words_told(topic, story_actors(topic)[0], {
        "tokyo": stems_of("Japan will require photoresist licences"),
        "beijing": stems_of("China restricts graphite exports, days after Japan's photoresist licences"),
        "fish": stems_of("Japan and China discuss fishing quotas")}, news={"tokyo", "beijing", "fish"})
    assert told == {"tokyo": True, "beijing": True, "fish": False}
