"""A named topic's own words tell its story apart from other stories of the same actors (issue 10, on-topic
first; s59).

Kind: **another story of the topic's actors, in the same weeks, fills the brief.** A brief on "Taiwan trade-secret
case against Chinese chipmaker" over a small corpus quoted, beside the court's verdict, the US Entity List report
(naming Taiwanese and Chinese firms) and Japan's chip-tool controls (naming Taiwan and China in passing), and its
confidence line counted "three independent on-topic reports": the actor test (Taiwan, China) passes all three, and
they fall within one run of reports. A named topic's distinctive words that are none of its names ("trade-secret",
"chipmaker") are now named by a document as fully as by the best-covered one, less one (``on_topic.topic_words_told``),
when the topic has two or more of them; one word alone is not required (a report may use a synonym).

The reports were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts, stems_of
from rag.writers.on_topic import topic_words_told

COURT = (
    "---\ntitle: Taiwan court jails former engineer for leaking chip secrets to Chinese chipmaker\n"
    "publisher: Formosa Courts Review\ndate: 2026-03-10\n---\n\n"
    "TAIPEI — A Taiwan court on Monday jailed a former engineer of a Hsinchu foundry for seven years for handing "
    "trade secrets on its 2-nanometre process to a Chinese chipmaker, Wuxi Hengxin Semiconductor.\n\n"
    "The court found that the engineer copied 300 pages of process recipes before he left the foundry in 2024.\n\n"
    "Hengxin said it had never received any trade secrets and would not comment on the ruling.\n\n"
    "The verdict can be appealed.\n")
ENTITY_LIST = (
    "---\ntitle: US adds Chinese and Taiwanese firms to trade blacklist over AI chips\n"
    "publisher: Beltway Trade Letter\ndate: 2026-03-24\n---\n\n"
    "WASHINGTON — The US Commerce Department added nine companies in China and two in Taiwan to its Entity List on "
    "Tuesday, saying they helped send advanced AI chips to China's military.\n\n"
    "Taiwan's economy ministry said it was looking into the exports of the two Taiwanese firms.\n\n"
    "China's commerce ministry said it firmly opposed the listing.\n")
TOOLS = (
    "---\ntitle: Japan widens curbs on chip-tool exports\npublisher: Kanto Business Wire\ndate: 2026-04-02\n---\n\n"
    "TOKYO — Japan will require licences for exports of six more kinds of chip-making tools to all but 42 partner "
    "countries, including Taiwan, the trade ministry said on Wednesday.\n\n"
    "China said it firmly opposed the step and urged Tokyo to reconsider.\n")
SMUGGLING = (
    "---\ntitle: Korean customs charge three over GPU smuggling ring bound for China\n"
    "publisher: Han River Daily\ndate: 2026-06-05\n---\n\n"
    "SEOUL — South Korean customs charged three men with smuggling 800 data-centre GPUs to China through a shell "
    "company in Busan, the agency said on Thursday.\n\n"
    "The men relabelled the GPUs as gaming graphics cards, customs said.\n")
SMUGGLING_TALKS = (
    "---\ntitle: South Korea and China hold talks on chip supply chains\npublisher: Han River Daily\n"
    "date: 2026-06-19\n---\n\n"
    "SEOUL — South Korean and Chinese trade officials met in Seoul on Friday to discuss chip supply chains and "
    "export licences for memory makers' plants in China.\n\n"
    "The two sides agreed to meet again in September.\n")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("topic_words"),
                             {"court.md": COURT, "entity_list.md": ENTITY_LIST, "tools.md": TOOLS,
                              "smuggling.md": SMUGGLING, "talks.md": SMUGGLING_TALKS})


@pytest.mark.parametrize("topic, story, others", [
    ("Taiwan trade-secret case against Chinese chipmaker", "Taiwan court jails",
     ("trade blacklist", "chip-tool exports")),
    ("South Korea GPU smuggling charges over shipments to China", "GPU smuggling ring", ("talks on chip supply",)),
])
def test_a_brief_quotes_only_the_reports_that_tell_its_story(engine, topic, story, others):
    brief = engine.write(topic, template="situation")
    cited = {s.title for s in brief.sources}
    assert any(story in t for t in cited), cited
    for other in others:
        assert not any(other in t for t in cited), cited


def test_a_document_names_the_topics_own_words_as_fully_as_the_best_less_one():
    topic = "Taiwan trade-secret case against Chinese chipmaker"
    actors = [frozenset({"taiwan"}), frozenset({"china"})]
    told = topic_words_told(topic, actors, {
        "court": stems_of("Taiwan jails engineer for passing trade secrets to a Chinese chipmaker"),
        "denial": stems_of("The Chinese chipmaker denied it received the documents"),
        "listing": stems_of("US lists Taiwanese and Chinese firms over AI chips")})
    assert told == {"court": True, "denial": True, "listing": False}


def test_a_topic_with_one_word_of_its_own_requires_none():
    # "objections": a report may say "opposition" or "veto" instead
    topic = "NATO invites Finland after Turkey drops its objections"
    actors = [frozenset({"nato"}), frozenset({"finland"}), frozenset({"turkey"})]
    told = topic_words_told(topic, actors, {"a": stems_of("Turkey lifts its veto on Finland joining NATO"),
                                            "b": stems_of("Turkey drops objections to Finland")})
    assert told == {"a": True, "b": True}


def test_a_topic_of_names_only_requires_nothing():
    assert topic_words_told("Japan and South Korea", [frozenset({"japan"}), frozenset({"south_korea"})],
                            {"a": stems_of("Tokyo and Seoul talk")}) == {"a": True}
