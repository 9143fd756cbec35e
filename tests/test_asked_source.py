"""A question that names its source is answered from it (issue 10, answers): "According to the Intelrift brief, what
would escalation look like?" quoted WorldWideWatchers, and "According to the Taipei Times, why did Japan tighten
exports to South Korea?" quoted a WorldWideWatchers judgement about China. A run of the question's words that names an
indexed publisher (a whole-name form, its distinctive lead word, or one of its authors) next to a source cue
("according to", "brief", "recommend": ``data/source_cues.toml``) bounds the evidence to that publisher's documents,
as "this week" bounds its dates (``rag.text.asked_source``); the answer says which source it searched. Cases of the
kind written for this test, over several publishers and ways of naming one; the found ones are the sample corpus's.
"""

from __future__ import annotations

import json

import pytest

from conftest import engine_over_texts

from rag.catalog import _PublisherTable
from rag.text.asked_source import asked_source
from rag.text.keys import author_forms, publisher_lead

STORED = {"Intelrift Intelligence Desk": 3, "WorldWideWatchers": 2, "Taipei Times (page with related-story snippets "
          "appended)": 4, "Discuss Japan (No.57), translated from Chuokoron": 1, "cnn.com": 9, "Nikkei Asia": 5,
          "The Week": 2, "Yonhap News Agency": 3, "covid.cdc.gov": 1}
AUTHORED = [("Hosokawa Masahiko", "Discuss Japan (No.57), translated from Chuokoron"), ("Ana Swanson", "cnn.com"),
            ("Lauren James", "cnn.com")]
TABLE = _PublisherTable.build(sum(STORED.values()) + 2, STORED, AUTHORED)


def named(question: str):
    return asked_source(question, TABLE.named)


@pytest.mark.parametrize("question, publishers, rest", [
    ("According to the Intelrift brief, what would escalation look like across the region?",
     ("Intelrift Intelligence Desk",), "What would escalation look like across the region?"),
    ("What does the WorldWideWatchers brief recommend doing in the next 30 days?", ("WorldWideWatchers",), None),
    ("What does World Wide Watchers assess China's aim to be?", ("WorldWideWatchers",), None),
    ("According to the Taipei Times, why did Japan tighten exports to South Korea?",
     ("Taipei Times (page with related-story snippets appended)",), "Why did Japan tighten exports to South Korea?"),
    ("Why did Japan tighten exports to South Korea, according to the Taipei Times report?",
     ("Taipei Times (page with related-story snippets appended)",), "Why did Japan tighten exports to South Korea?"),
    ("In the Discuss Japan essay, what does the author recommend?",
     ("Discuss Japan (No.57), translated from Chuokoron",), "What does the author recommend?"),
    ("How many Chinese suppliers were added to the Entity List, according to Hosokawa?",
     ("Discuss Japan (No.57), translated from Chuokoron",), "How many Chinese suppliers were added to the Entity List?"),
    ("What does Hosokawa recommend Japanese companies do?", ("Discuss Japan (No.57), translated from Chuokoron",), None),
    ("What did Intelrift's brief say about Korea's chip hub?", ("Intelrift Intelligence Desk",), None),
    ("Per CNN, which chips did the US restrict?", ("cnn.com",), "Which chips did the US restrict?"),
    ("What did CNN report about the Entity List?", ("cnn.com",), None),
    ("What did Ana Swanson write about the chip curbs?", ("cnn.com",), None),
    ("According to Lauren James, what did Japan ban?", ("cnn.com",), "What did Japan ban?"),
    ("In Hosokawa's essay, what is CoCom?", ("Discuss Japan (No.57), translated from Chuokoron",), "What is CoCom?"),
    ("How does Nikkei Asia describe the battery ban?", ("Nikkei Asia",), None),
    ("According to Nikkei, which battery makers did Japan deny approval?", ("Nikkei Asia",),
     "Which battery makers did Japan deny approval?"),
    ("What did Yonhap report on the chip hub?", ("Yonhap News Agency",), None),
    ("According to The Week, who won?", ("The Week",), "Who won?"),
    ("According to CNN and Nikkei Asia, what did Japan ban?", ("cnn.com", "Nikkei Asia"), "What did Japan ban?"),
])
def test_a_named_source_bounds_the_question(question, publishers, rest):
    found = named(question)
    assert found is not None and set(found.publishers) == set(publishers)
    assert found.question == (rest or question)


@pytest.mark.parametrize("question", [
    "Why did China ban CNN?",  # the publisher is the act's target, no source cue
    "What happened in the week before Japan's curbs?",  # "week" in plain words is no publisher
    "What did Japan announce in Taipei on Monday?",  # a place is no publisher's lead word
    "Did Taipei say anything about the times of the shipments?",
    "According to Reuters, what did Japan ban?",  # a source the corpus does not hold bounds nothing
    "What did Japan ban?",
    "What would escalation look like across the region?",
    "Which companies did the Discuss group list?",  # no whole name
    "What does the report say about the Nikkei index?",  # "the Nikkei index": no cue next to the name
    # a word of a longer name is no name of its own; "from"/"in" name a source only before a document noun
    "The first images from the James Webb Telescope were released. How much did the telescope cost?",
    "Which chips did Japan ban in Nikkei Asia's home market?",
    # an author's name names a source only next to a word of writing: "say" is what news subjects do too
    "What did James say about the chip curbs?",
    "Which tech giant said shipments will be impacted by Covid restrictions in China?",  # "by": an agent here
    "Did Hosokawa say Japan should abandon export controls?",
])
def test_no_source_without_a_named_publisher_and_a_cue(question):
    assert named(question) is None


def test_a_lead_word_or_author_word_is_a_distinctive_one():
    assert publisher_lead("Intelrift Intelligence Desk") == "intelrift"
    assert publisher_lead("Nikkei Asia") == "nikkei"
    assert publisher_lead("Taipei Times") is None  # a place
    assert publisher_lead("Discuss Japan (No.57)") is None  # a dictionary word
    assert publisher_lead("WorldWideWatchers") is None  # one word: its forms hold it
    assert author_forms("Hosokawa Masahiko") == {"hosokawa masahiko", "hosokawa", "masahiko"}
    assert author_forms("Kim Lee") == {"kim lee"}  # short words name many


def test_a_publisher_filter_takes_the_lead_word(tmp_path_factory):
    engine = _engine(tmp_path_factory)
    assert engine.index.catalog.require_publishers(["Intelrift"]) == ("Intelrift Intelligence Desk",)


# --- end to end: two publishers tell the same story's two sides --------------------------------------------------

TEXTS = {
    "01_intelrift.md": "# Japan blocks Chinese battery makers\n\nJapan has denied cybersecurity approval for three "
                       "Chinese storage battery makers, officials said on Monday.\n\nAcross the region, escalation "
                       "would look like additional denials and broader detentions.\n",
    "02_watchers.md": "# China restricts exports to Japanese firms\n\nChina imposed export restrictions on 20 Japanese "
                      "firms on Tuesday.\n\nEscalation would look like broader economic sanctions and military "
                      "posturing across the region.\n",
    "manifest.json": json.dumps({"articles": [
        {"file": "01_intelrift.md", "publisher": "Intelrift Intelligence Desk", "published": "2026-06-30"},
        {"file": "02_watchers.md", "publisher": "WorldWideWatchers", "published": "2026-06-29",
         "author": "Hosokawa Masahiko"}]}),
}


def _engine(tmp_path_factory, cache={}):
    """The engine over ``TEXTS``, built once for the module."""
    if "engine" not in cache:
        cache["engine"] = engine_over_texts(tmp_path_factory.mktemp("asked_source"), TEXTS)
    return cache["engine"]


@pytest.mark.parametrize("question, source, other", [
    ("According to the Intelrift brief, what would escalation look like across the region?",
     "01_intelrift.md", "02_watchers.md"),
    ("According to WorldWideWatchers, what would escalation look like across the region?",
     "02_watchers.md", "01_intelrift.md"),
    ("According to Hosokawa, what would escalation look like across the region?", "02_watchers.md", "01_intelrift.md"),
])
def test_the_answer_quotes_only_the_named_source_and_says_so(tmp_path_factory, question, source, other):
    brief = _engine(tmp_path_factory).write(question, template="answer")
    assert not brief.abstained, brief.message
    paths = {c.source_path.rsplit("/", 1)[-1] for s in brief.sections for cl in s.claims for c in cl.citations}
    assert paths == {source}
    assert "Searched only" in (brief.message or "") and "names its source" in brief.message


def test_a_named_source_without_the_fact_is_an_abstention_that_names_it(tmp_path_factory):
    brief = _engine(tmp_path_factory).write("According to WorldWideWatchers, which battery makers did Japan deny "
                                            "cybersecurity approval?", template="answer")
    assert brief.abstained
    assert "Searched only WorldWideWatchers: the question names its source" in brief.message


@pytest.mark.parametrize("question, source", [
    ("What did WorldWideWatchers report about the Japanese firms?", "02_watchers.md"),
    ("What does the Intelrift brief say about the Chinese battery makers?", "01_intelrift.md"),
])
def test_what_a_named_source_reported_about_a_class_of_actors_is_answered_from_it(tmp_path_factory, question, source):
    # "the Japanese *firms*" is what is asked about, not the kind of answer asked for ("which firms …?"): the source's
    # sentence about them answers, where the question's place alone would not
    brief = _engine(tmp_path_factory).write(question, template="answer")
    assert not brief.abstained, brief.message
    paths = {c.source_path.rsplit("/", 1)[-1] for s in brief.sections for cl in s.claims for c in cl.citations}
    assert paths == {source}
