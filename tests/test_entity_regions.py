"""A brief's entities are actors: a region, continent, sea or strait says where, not who (issue 10; s33 fresh user's
finding 6: the battery assessment's entities read "Japan · East Asia (named only by Intelrift …) · China").

Kind: a capitalised name made only of region words ("East Asia", "the Indo-Pacific", "Southeast Asia", "the Middle
East", "Latin America", "the Horn of Africa", "the West"), or one ending in a sea's, ocean's, strait's or peninsula's
word ("the South China Sea", "the Korean Peninsula", "the Taiwan Strait"), was counted as an entity because it is
capitalised and no place of ``places.toml``. The words are a versioned data file (``rag/text/data/regions.toml``,
read by ``rag.text.places.names_a_region``), shared with the answer's person reader. A country is never a region
("South Korea", "South Africa", "North Korea"), nor is an outlet or a firm with a region's word ("Nikkei Asia",
"Asia Pacific Bank": a word that is no region word keeps the name).

The inputs are written for this test: briefs' sentences about other stories than the sample corpus's.
"""

from __future__ import annotations

import pytest

from rag.text.places import names_a_region
from rag.writers.terms_section import entity_terms

REGIONS = ["East Asia", "the Indo-Pacific", "Indo-Pacific", "Southeast Asia", "the Middle East", "Latin America",
           "Horn of Africa", "the West", "Asia", "the Asia-Pacific", "Central Asia", "Sub-Saharan Africa",
           "the South China Sea", "East China Sea", "the Korean Peninsula", "the Taiwan Strait", "the Pacific Ocean",
           "the Persian Gulf", "the Baltic Sea"]
ACTORS = ["South Korea", "South Africa", "North Korea", "Japan", "the United States", "Europe", "America", "Nikkei Asia",
          "Asia Pacific Bank", "Mitsubishi Materials", "Intelrift", "Moon Jae-in", "Channel 4", "Solomon Islands",
          "Ivory Coast", "Gulf Cooperation Council", "Middle East Institute", "Taiwan Affairs Office"]


@pytest.mark.parametrize("name", REGIONS)
def test_a_part_of_the_world_is_a_region(name):
    assert names_a_region(name)


@pytest.mark.parametrize("name", ACTORS)
def test_a_country_an_outlet_or_an_organisation_is_no_region(name):
    assert not names_a_region(name)


STORIES = [
    # the battery story's shape: the region named by the source's own judgement
    (["On June 30 Japan denied cybersecurity approval to two battery makers from China.",
      "The decision signals deepening technology rivalry in East Asia, Intelrift assesses.",
      "Officials in China protested the decision.", "Officials said Japan followed its rules."],
     ["Japan", "China", "Intelrift"], ["East Asia"]),
    (["Manila accused Beijing of ramming a supply boat in the South China Sea.",
      "The Philippines summoned China's envoy.", "Washington said the Indo-Pacific must stay open.",
      "The Philippine Coast Guard released video of the South China Sea incident."],
     ["Philippine Coast Guard"], ["South China Sea", "Indo-Pacific", "the Indo-Pacific"]),
    (["The West imposed sanctions on Moscow after the invasion.", "Last week Gazprom cut gas flows to Europe.",
      "Buyers in Latin America and Southeast Asia bought more Russian crude.", "Officials at Gazprom called it technical."],
     ["Gazprom"], ["West", "the West", "Latin America", "Southeast Asia"]),
    (["North Korea fired a missile over the Korean Peninsula.", "South Korea's Joint Chiefs of Staff tracked it.",
      "The missile fell into the East Sea.", "North Korea said the test succeeded."],
     ["North Korea", "South Korea"], ["Korean Peninsula", "East Sea"]),
]


@pytest.mark.parametrize(("texts", "actors", "regions"), STORIES)
def test_a_brief_s_entities_are_its_actors_not_its_regions(texts, actors, regions):
    names = entity_terms(texts, texts, texts, 10)
    for actor in actors:
        assert actor in names, names
    for region in regions:
        assert region not in names, names
