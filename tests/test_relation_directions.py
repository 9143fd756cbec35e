"""A relation between two companies the passage names both must keep its direction: "Nanshu Electric, a subsidiary
of Kirishima Power Devices" over "Kirishima Power Devices, a joint venture of Nanshu Electric and Hoshino Materials"
makes the owner the owned (``rag/support/relation_directions.py``, the relation nouns in
``data/corporate_relations.toml``). The relation restated the same way round, or from its other end ("X owns Y"
for "Y, a unit of X"), is supported. Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.relation_directions import inverted_relation

INVERTED = [
    ("Orland Foods, a unit of Bressi Dairy, recalled the cheese.",
     "Bressi Dairy, a unit of Orland Foods, recalled 40,000 packs of cheese on Monday."),
    ("Tanager Bank is the parent of Westbrook Securities.",
     "Tanager Bank, a subsidiary of Westbrook Securities, was fined $12 million by the regulator."),
    ("Volta Cells, a joint venture of Arcturus Motors, will build the plant.",
     "Arcturus Motors, a joint venture of Volta Cells and Hanbit Chemical, will build the battery plant in Ohio."),
    ("Peregrine Shipping owns Calder Ports.",
     "Peregrine Shipping, a subsidiary of Calder Ports, ordered four new container ships."),
    ("Mira Telecom's subsidiary, Sotavento Networks, won the contract.",
     "Mira Telecom, an affiliate of Sotavento Networks, won the 5G contract in Lima."),
    ("Hanbit Chemical, a subsidiary of Arcturus Motors, will build the battery plant in Ohio.",
     "Arcturus Motors, a joint venture of Volta Cells and Hanbit Chemical, will build the battery plant in Ohio."),
    ("Calder Ports, a unit of Peregrine Shipping, ordered four new container ships.",
     "Peregrine Shipping, a subsidiary of Calder Ports, ordered four new container ships."),
    ("Westbrook Securities, an affiliate of Tanager Bank, was fined $12 million by the regulator.",
     "Tanager Bank, a subsidiary of Westbrook Securities, was fined $12 million by the regulator."),
    ("Lusitania Telecom, owned by Iberia Cable, will sell the towers for €2 billion.",
     "Iberia Cable, a unit of Lusitania Telecom, will sell the towers for €2 billion."),
]

SAME_WAY = [
    ("Bressi Dairy, a unit of Orland Foods, recalled the cheese.", INVERTED[0][1]),
    ("Westbrook Securities is the parent company of Tanager Bank.", INVERTED[1][1]),
    ("Arcturus Motors, a joint venture of Volta Cells and Hanbit Chemical, will build the plant.", INVERTED[2][1]),
    ("Calder Ports owns Peregrine Shipping.", INVERTED[3][1]),
    ("Sotavento Networks' affiliate, Mira Telecom, won the contract.", INVERTED[4][1]),
    ("Iberia Cable, owned by Lusitania Telecom, will sell the towers for €2 billion.", INVERTED[8][1]),
]


@pytest.mark.parametrize("claim, passage", INVERTED)
def test_a_relation_between_two_named_companies_turned_round_is_a_relation_the_passage_does_not_give(claim, passage):
    reason = inverted_relation(claim, passage)
    assert reason is not None and reason.startswith("role: passage makes")


@pytest.mark.parametrize("claim, passage", SAME_WAY)
def test_the_relation_the_same_way_round_or_restated_from_its_other_end_is_kept(claim, passage):
    assert inverted_relation(claim, passage) is None


def test_the_checker_rejects_the_relation_turned_round(checker):
    rows = [(c, p, False) for c, p in INVERTED] + [(c, p, True) for c, p in SAME_WAY[:3] + SAME_WAY[5:]]
    assert not misjudged(checker, rows)
