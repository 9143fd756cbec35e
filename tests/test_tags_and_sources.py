"""Tags name themes and counts name what they count (issue 10 polish, s26).

The kinds: a tag that is a unit of measure ("kilometers": most of its uses follow a number), an inflected form of
general news vocabulary ("launches" of "launch", "controls" of "control"), a name or a window of one ("South Korea",
"Japanese", "South Korean Ministry" of "... of Foreign Affairs": actors, which the entities list) or an office
("associate professor"); an outlet a source credits as a report's origin among the story's entities ("Kyodo News",
"Taipei Times"); and a confidence that counts an unnamed roundup as "a news report". Examples written for the kinds.
"""

from __future__ import annotations

import pytest

from rag.brief import Source
from rag.writers.confidence import assess_confidence
from rag.writers.source_types import credited_outlets
from rag.writers.terms_section import is_general_word, is_unit, keyword_terms


@pytest.mark.parametrize("word", ["launches", "controls", "tests", "weapons"])
def test_an_inflected_form_of_general_vocabulary_is_general(word):
    assert is_general_word(word)


@pytest.mark.parametrize("word", ["photoresists", "semiconductors", "drones", "missile"])
def test_a_domain_word_is_not(word):
    assert not is_general_word(word)


UNITS = "it flew 4,600 kilometers (2,858 miles) at an altitude of 1,000 kilometers and fell 3,000 kilometers away. " \
        "the drone flew 40 miles. 500 tonnes of gallium were shipped; 20 megawatts of batteries."


@pytest.mark.parametrize("word", ["kilometers", "miles", "tonnes", "megawatts"])
def test_a_word_that_mostly_follows_a_number_is_a_unit(word):
    assert is_unit(word, UNITS)


@pytest.mark.parametrize("word", ["drone", "gallium", "batteries", "altitude"])
def test_a_word_that_names_a_thing_is_not_a_unit(word):
    assert not is_unit(word, UNITS)


def test_names_windows_of_names_and_offices_are_no_tags():
    texts = ["South Korean Ministry of Foreign Affairs spokesman Kim said the curbs on fluorinated polyimide hurt South Korea.",
             "South Korean Ministry of Foreign Affairs officials met Japanese trade officials over fluorinated polyimide.",
             "South Korea asked Japanese officials to lift the curbs on fluorinated polyimide, the associate professor said.",
             "The associate professor said South Korea would seek other suppliers of fluorinated polyimide.",
             "Japanese firms export fluorinated polyimide; South Korea imports it; an associate professor studies it."]
    tags = keyword_terms(texts, texts, texts, 8)
    assert any("polyimide" in t.lower() for t in tags), tags
    for not_a_theme in ("South Korean Ministry", "South Korea", "Japanese", "associate professor"):
        assert not_a_theme not in tags, tags


@pytest.mark.parametrize("text,outlet", [
    ("The decision, reported on 2026-06-30 by Nikkei Asia, signals a new approach.", "Nikkei Asia"),
    ("In parallel, a separate report from Taipei Times the same day says executives are held.", "Taipei Times"),
    ("The update comes from Kyodo News and signals a coordinated approach.", "Kyodo News"),
    ("The drills began on Thursday, Yonhap reported.", "Yonhap"),
    ("The plan was first reported by the Financial Times in May.", "Financial Times"),
])
def test_an_outlet_credited_as_a_reports_origin_is_a_source(text, outlet):
    assert credited_outlets(text) == [outlet]


@pytest.mark.parametrize("text", [
    "The ministry reported a rise in exports.",
    "The missile was launched at 7:23 a.m., according to South Korea's Joint Chiefs of Staff.",
    "Beijing reports progress in its talks with the islands.",
])
def test_an_official_or_a_sentence_starter_is_no_credited_outlet(text):
    assert credited_outlets(text) in ([], ["Beijing"]) and "The" not in " ".join(credited_outlets(text))


def test_confidence_names_an_unnamed_roundup_for_what_it_is():
    roundup = Source(index=1, doc_id="r", source_type="news",
                     attributed_as="an unnamed roundup citing Kyodo News, Taiwan International Radio and Financial Times")
    named = Source(index=2, doc_id="n", publisher="Taipei Times", source_type="news", attributed_as="Taipei Times",
                   published="2019-07-04")
    alone = assess_confidence([roundup])
    assert "(an unnamed roundup citing Kyodo News, Taiwan International Radio and Financial Times)" in alone.reason
    assert "news report" not in alone.reason
    both = assess_confidence([roundup, named])
    assert "(a news report, an unnamed roundup citing Kyodo News" in both.reason, both.reason


@pytest.mark.parametrize("tag", ["Chinese government", "Japanese companies", "South Korean companies", "Taiwanese officials",
                                 "Dutch authorities"])
def test_a_group_of_actors_is_no_theme(tag):
    from rag.writers.terms_section import is_actor_phrase

    assert is_actor_phrase(tag)


@pytest.mark.parametrize("tag", ["Chinese storage battery makers", "export controls", "Japanese business leaders x",
                                 "sensitive materials"])
def test_a_theme_with_a_common_noun_is_not_an_actor(tag):
    from rag.writers.terms_section import is_actor_phrase

    assert not is_actor_phrase(tag)


def test_a_window_cut_short_of_the_terms_it_modifies_is_no_tag():
    from rag.writers.terms_section import modifies_next

    text = ("a coordinated approach that could influence the global tech supply chain. the narrative underscores a "
            "shifting landscape for global tech leadership, with executives weighing risk. export controls are tightening; "
            "new export controls, the ministry said.")
    assert modifies_next("global tech", text)
    assert not modifies_next("export controls", text)
