"""A story told by one news report: its own facts are quoted, a column of other stories is not (issue 10, on-topic
first and key facts; s60).

Kind 1: **a column of another story that names the topic's actors in passing fills the brief.** A brief on a named
court case ("Taiwan trade-secret case against Chinese chipmaker") quoted a Korean opinion column on chip smuggling in
What happened and Implications because the column names Taiwan and China once each; its confidence line even said
"also cited, not on the topic's story". A named topic's own words that are none of its names ("trade-secret",
"chipmaker") are now required of commentary too: an analysis or column must name at least one of them
(``on_topic.topic_words_told``; a news report still names as many as the best-covered report, less one).

Kind 2: **the one report of a story loses its facts that repeat none of the topic's words.** The same brief quoted 3
of the verdict report's 9 sentences: the fine, the co-defendants and the first conviction under the law name neither
the topic's words nor its actors ("He was also fined …"), so they failed the sentence-level topic test. When a single
news report tells the story, that report is the story: its sentences are the story's facts (``extractive._score``).

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts, stems_of
from rag.writers.on_topic import topic_words_told

SEPARATOR = (
    "---\ntitle: Seoul court convicts ex-researcher over battery separator leak to Chinese rival\n"
    "publisher: Han River Daily\ndate: 2026-05-14\n---\n\n"
    "SEOUL — The Seoul Central District Court on Wednesday sentenced a former researcher at a Korean battery maker "
    "to four years in prison for leaking trade secrets on separator coatings to a Chinese rival.\n\n"
    "The researcher, Park Ji-hoon, 44, emailed 1,300 files to a personal account before joining Qingdao Hualun "
    "Materials in 2024, the court found. She was also ordered to pay 80 million won.\n\n"
    "Two accomplices who recruited engineers for the Qingdao firm received suspended 18-month terms.\n\n"
    "Prosecutors had asked for six years.\n")
LITHO = (
    "---\ntitle: Japanese lithography supplier fined over exports to Chinese military university\n"
    "publisher: Kanto Business Wire\ndate: 2026-07-08\n---\n\n"
    "TOKYO — Tokyo's trade ministry on Tuesday fined Sagami Optics 45 million yen for exporting lithography lens "
    "modules to a Chinese military university without a licence.\n\n"
    "Investigators traced 14 shipments routed through a Singapore distributor between 2023 and 2025. The company's "
    "president resigned on Monday.\n\n"
    "Sagami will be barred from all controlled shipments for nine months.\n")
COLUMN_KOREA = (
    "---\ntitle: Seoul should stop treating Beijing as a customer first\n"
    "publisher: Korea Ledger (Opinion)\ndate: 2026-05-28\nauthor: Yoon Mi-rae\n---\n\n"
    "Korea sells more to China than to any other country, and that habit shapes every decision in Seoul.\n\n"
    "I believe the government should publish a yearly review of what our trade with China costs us in security.\n\n"
    "In my view, the next trade minister will have to choose between growth and caution.\n")
COLUMN_JAPAN = (
    "---\ntitle: Tokyo's quiet diplomacy with Beijing is running out of road\n"
    "publisher: Nihon Policy Review (Opinion)\ndate: 2026-07-20\nauthor: Ueda Sho\n---\n\n"
    "Japan and China have kept their summit schedule for three years despite every quarrel.\n\n"
    "I expect Tokyo to keep talking, but the Foreign Ministry should stop pretending the talks settle anything.\n\n"
    "In my view, ministers should say plainly what Japan wants from China.\n")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("lone_report"),
                             {"separator.md": SEPARATOR, "litho.md": LITHO,
                              "column_korea.md": COLUMN_KOREA, "column_japan.md": COLUMN_JAPAN})


@pytest.mark.parametrize("topic, report, column", [
    ("Korean battery separator trade-secret leak to Chinese rival", "battery separator leak", "customer first"),
    ("Japanese lithography supplier fined over exports to Chinese military university", "lithography supplier",
     "quiet diplomacy"),
])
def test_a_column_naming_the_actors_in_passing_is_not_quoted(engine, topic, report, column):
    brief = engine.write(topic, template="situation")
    cited = {s.title for s in brief.sources}
    assert any(report in t for t in cited), cited
    assert not any(column in t for t in cited), cited


@pytest.mark.parametrize("topic, facts", [
    ("Korean battery separator trade-secret leak to Chinese rival",
     ("80 million won", "suspended 18-month terms")),
    ("Japanese lithography supplier fined over exports to Chinese military university",
     ("14 shipments", "barred from all controlled shipments")),
])
def test_the_one_report_of_a_story_gives_its_facts(engine, topic, facts):
    brief = engine.write(topic, template="situation")
    text = " ".join(c.text for s in brief.sections for c in s.claims)
    for fact in facts:
        assert fact in text, (fact, text)


def test_commentary_names_at_least_one_of_the_topics_own_words():
    topic = "Korean battery separator trade-secret leak to Chinese rival"
    actors = [frozenset({"korea"}), frozenset({"china"})]
    told = topic_words_told(topic, actors, {
        "report": stems_of("Korean researcher jailed for battery trade-secret leak to a Chinese rival"),
        "on_story": stems_of("Battery makers in Korea should guard their secrets better"),
        "off_story": stems_of("Korea sells more to China than to any other country")},
        news={"report"})
    assert told == {"report": True, "on_story": True, "off_story": False}


def test_commentary_with_no_report_beside_it_is_not_held_to_the_words():
    # the brief then rests on commentary alone: its time and its digest's stories judge it (the writer's cuts)
    topic = "Korean battery separator trade-secret leak to Chinese rival"
    actors = [frozenset({"korea"}), frozenset({"china"})]
    told = topic_words_told(topic, actors, {"essay": stems_of("Korea sells more to China than to any other country")},
                            news=set())
    assert told == {"essay": True}
