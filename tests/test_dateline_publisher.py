"""Specs: a wire story saved as plain text with no publisher of its own is credited to the outlet that signs its
dateline ("TOKYO, March 3 (Reuters) - …" → Reuters), not "publisher unknown"; a publisher the file, its manifest or
its URL gives wins; a dateline that names no outlet gives none."""

import pytest

from rag.loaders import build_document
from rag.text.datelines import dateline_outlet


@pytest.mark.parametrize("text, outlet", [
    ("Seoul fines chip broker over relabelled lithography parts\n\nSEOUL, Jan 14 (Reuters) - South Korea's customs "
     "service fined a Busan broker 3 billion won on Wednesday.", "Reuters"),
    ("KAOHSIUNG, Taiwan, May 2 (Focus Taiwan) -- Prosecutors raided four offices of a drone parts supplier.",
     "Focus Taiwan"),
    ("By Staff Writer\nOSAKA, 9 June (Harbour Wire) – Osaka police arrested a former engineer of a valve maker.",
     "Harbour Wire"),
    ("(CNN) A Chinese battery maker has withdrawn its bid for a plant in Hokkaido.", "CNN"),
    ("Beijing CNN — China's commerce ministry added six US drone firms to its unreliable entity list.", "CNN"),
])
def test_the_outlet_signing_the_opening_dateline_is_read(text, outlet):
    assert dateline_outlet(text) == outlet


@pytest.mark.parametrize("text", [
    "SEOUL, South Korea — North Korea fired two missiles on Tuesday.",
    "Japan adds 23 items to its export list\n\nThe trade ministry said on Friday (local time) it would act.",
    "Tokyo, meanwhile, said it would review the rule (Reuters had reported the plan).",
])
def test_no_outlet_without_a_dateline_that_names_one(text):
    assert dateline_outlet(text) is None


def test_a_plain_wire_file_is_credited_to_its_dateline_outlet():
    text = ("Taiwan detains two over chip-tool smuggling\n\nTAIPEI, Feb 3 (Reuters) - Taiwan's investigators "
            "detained two people on Tuesday over the export of etching tools to a Chinese firm, prosecutors said.")
    assert build_document(text, "wire.txt").publisher == "Reuters"


@pytest.mark.parametrize("layer, expected", [
    ({"publisher": "Taipei Ledger"}, "Taipei Ledger"),
    ({"url": "https://www.harbourdaily.example/2026/02/03/smuggling"}, "harbourdaily.example"),
])
def test_a_publisher_of_the_files_own_or_its_url_wins_over_the_dateline(layer, expected):
    text = "TAIPEI, Feb 3 (Reuters) - Taiwan's investigators detained two people on Tuesday, prosecutors said."
    assert build_document(text, "wire.txt", layer).publisher == expected
