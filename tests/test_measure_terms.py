"""A brief's tags name its story's measure and the items the measure covers, even when its one source says them
once (issue 10, s28). Seen: ``brief write "Japan's 2019 export curbs on South Korea" --template assessment`` was
tagged only "sensitive materials"; it is now tagged "trade measures · export restrictions · fluorinated polyimides ·
photoresist · hydrogen fluoride · sensitive materials". Specified on other stories: chip bans, sanctions, tariffs,
a cyber measure, and general 2022 news (where a sentence lists things but no measure covers them).
"""

from __future__ import annotations

import pytest

from rag.writers.measure_terms import covered_items, measure_phrases, measure_terms

EXPORT_CURBS = ("The export restrictions cover fluorinated polyimides, which are used in organic light-emitting diode "
                "screens for TVs and smartphones, as well as photoresist and hydrogen fluoride, used for making "
                "semiconductors.")


@pytest.mark.parametrize("text, items", [
    (EXPORT_CURBS, ["fluorinated polyimides", "photoresist", "hydrogen fluoride"]),
    ("The new rules restrict sales of advanced chips and chipmaking tools such as lithography machines, etching "
     "equipment and deposition tools.", ["lithography machines", "etching equipment", "deposition tools"]),
    ("The sanctions include asset freezes, travel bans and an arms embargo.", ["asset freezes", "travel bans", "arms embargo"]),
    ("The tariffs cover barley, wine and coal, which Australia ships to China.", ["barley", "wine", "coal"]),
    ("The controls apply to gallium, germanium and their compounds.", ["gallium", "germanium", "compounds"]),
])
def test_the_items_a_measure_covers(text, items):
    assert covered_items([text]) == items


@pytest.mark.parametrize("text", [
    "Supporting evidence includes the timing of the restrictions following Japan's statements on Taiwan.",
    "Moon said Seoul would take countermeasures if the restrictions on materials used mainly in semiconductors and "
    "displays cause damage to South Korean companies.",
    "The festival's program includes films, concerts and street food.",  # no measure
    "Guests such as actors, singers and athletes attended the Emmys.",
])
def test_a_list_no_measure_covers_is_no_items(text):
    assert covered_items([text]) == []


@pytest.mark.parametrize("text, phrases", [
    ("Japan's trade measures followed South Korean court rulings.", ["trade measures"]),
    ("Japan has reportedly denied cybersecurity approval for Chinese storage battery makers.", ["cybersecurity approval"]),
    ("Washington added the firms to its entity list and widened its export controls.", ["entity list", "export controls"]),
    ("Beijing imposed anti-dumping duties on Australian barley.", ["anti-dumping duties"]),
    ("The EU agreed an oil price cap with the G7.", ["oil price cap"]),
])
def test_a_measure_is_named_with_its_noun_modifiers(text, phrases):
    assert measure_phrases([text]) == phrases


@pytest.mark.parametrize("text", [
    "Seoul said it would implement sanctions against the North.",  # a verb before the noun, not a modifier
    "Tokyo did not plan to retract its stricter controls.",  # an adjective
    "The measures take effect on Monday.",  # no modifier
    "She said the new rules were unfair.",
    "South Korea offers a trusted manufacturing base amid sanctions and interdiction risks.",  # a preposition
])
def test_no_measure_tag_without_a_noun_modifier(text):
    assert measure_phrases([text]) == []


def test_measure_tags_lead_with_measures_then_items_and_never_repeat_words():
    texts = ["Japan's trade measures followed the court rulings.", EXPORT_CURBS,
             "The export restrictions took effect on July 4."]
    assert measure_terms(texts, 6) == ["trade measures", "export restrictions", "fluorinated polyimides", "photoresist",
                                       "hydrogen fluoride"]
    assert len(measure_terms(texts, 2)) == 2
