"""An entity list names each entity whole (issue 10; F17 of s64's new user; h/briefs-s65).

The kind: the assessment brief's "Key individuals and entities" cut names at a period or inside a long name:
"Announcement No" (of "Announcement No. 62"), "Japan Organization for Metals and Energy" (the name ends "… Security").
An abbreviation's period is no end of a name (``rag/text/data/name_abbreviations.toml``: a company's legal suffix,
"Co.", "Inc.", "Ltd."; a numbering word with its number, "No. 62"), and an organisation named by a remit joined with
"and" keeps the whole remit (``rag/writers/name_ends.py``). New texts of our own, other countries, firms and bodies.
"""

from __future__ import annotations

import pytest

from rag.writers.terms_section import entity_terms

CASES = [
    ("Vietnam's trade ministry said Saigon Rare Metals Co. Ltd would need a licence for every shipment of tungsten.",
     "Saigon Rare Metals Co. Ltd", ["Saigon Rare Metals Co", "Ltd"]),
    ("Korean prosecutors charged Daejin Precision Co. with shipping etching gear to Russia via Kazakhstan.",
     "Daejin Precision Co.", []),
    ("The US Treasury sanctioned Harbin Optics Inc. and two of its directors on Tuesday.",
     "Harbin Optics Inc.", []),
    ("Beijing published Decree No. 784 on Friday, extending licences to germanium wafers.",
     "Decree No. 784", ["Decree No"]),
    ("Taiwan's cabinet approved Cabinet Order No. 12 to tighten checks on servers bound for Hong Kong.",
     "Cabinet Order No. 12", ["Cabinet Order No"]),
    ("The Korea Institute for Advancement of Technology and Industrial Security warned of rising theft of battery designs.",
     "Korea Institute for Advancement of Technology and Industrial Security", []),
    ("A report by the Center for Strategic and International Studies said Chinese graphite controls would hit Japan.",
     "Center for Strategic and International Studies", ["Center for Strategic and International"]),
    ("Officials of the Australian Agency for Minerals and Energy Security met Japanese buyers in Perth.",
     "Australian Agency for Minerals and Energy Security", ["Australian Agency for Minerals and Energy"]),
]


@pytest.mark.parametrize("text, whole, cut", CASES, ids=[c[1] for c in CASES])
def test_an_entity_is_listed_whole(text, whole, cut):
    names = entity_terms([text], [text], [text], 10)
    assert whole in names, names
    for part in cut:
        assert part not in names, names


@pytest.mark.parametrize("text, first, second", [
    ("Officials of the Ministry of Finance and Bank of Japan met on Monday.", "Ministry of Finance", "Bank of Japan"),
    ("The Ministry of Defense and Lockheed Martin signed the contract.", "Ministry of Defense", "Lockheed Martin"),
])
def test_two_organisations_joined_by_and_stay_two(text, first, second):
    names = entity_terms([text], [text], [text], 10)
    assert first in names and second in names, names


def test_a_department_named_by_its_words_and_a_minister_stay_as_before():
    text = ("Minister of Trade, Industry and Energy Ahn Duk-geun said the Ministry of Economy, Trade and Industry "
            "had been told.")
    names = entity_terms([text], [text], [text], 10)
    assert "Ministry of Economy, Trade and Industry" in names, names
    assert not any("Energy Ahn" in n and not n.startswith("Minister") for n in names), names


def test_a_numbering_word_without_a_number_is_no_part_of_a_name():
    text = "Seoul's Fair Trade Commission said No. The Hanjin Logistics Co. appeal was rejected."
    names = entity_terms([text], [text], [text], 10)
    assert "Hanjin Logistics Co." in names, names
    assert not any(n.endswith(" No") for n in names), names
