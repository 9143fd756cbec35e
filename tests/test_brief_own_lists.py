"""A brief's entities and tags take the on-topic source's own lists (issue 10, s31).

Kind: a source that lists the story's actors and themes itself ("6. Key Individuals and Entities", "7. Thematic
Tags", "Key actors:", "Keywords: …") named them as its author read the story; names and tags counted in sentences
dropped them for what other passages said ("Entity List · Huawei · Trump", tags "manufacturers · supercomputers"
from a 2020 essay's aside in the fresh user's brief on China's restrictions on 20 Japanese firms).
``terms_section.own_list`` reads such a list (bulleted, numbered, or one separated line), ``merge_own`` puts it
first (a person by name, not title), and the pipeline reads it from the on-topic cited sources' whole text.
"""

from __future__ import annotations

import pytest

from rag.writers.terms_section import merge_own, own_list

WWW = """6. Key Individuals and Entities

  • Japanese Deputy Chief Cabinet Secretary Sato Kei
  • Mitsubishi Heavy Industries
  • Kawasaki Heavy Industries

7. Thematic Tags

national security threats, dual-use exports, Japan-China relations, geopolitical tensions

Structured Analytic Techniques Applied
"""

LISTS = [
    (WWW, "entities", ["Japanese Deputy Chief Cabinet Secretary Sato Kei", "Mitsubishi Heavy Industries",
                       "Kawasaki Heavy Industries"]),
    (WWW, "tags", ["national security threats", "dual-use exports", "Japan-China relations", "geopolitical tensions"]),
    ("## Key actors\n- Ministry of Commerce (MOFCOM)\n- Nexperia\n- Wingtech Technology\n\n## Outlook\nTalks may resume.",
     "entities", ["Ministry of Commerce (MOFCOM)", "Nexperia", "Wingtech Technology"]),
    ("People\n1. Gina Raimondo\n2. Yasutoshi Nishimura\n\nAnalysis\nThe request matters because …", "entities",
     ["Gina Raimondo", "Yasutoshi Nishimura"]),
    ("Entities involved:\n• Lazarus Group\n• Sky Mavis\n• US Treasury Department\nWhy it matters\nThe theft …",
     "entities", ["Lazarus Group", "Sky Mavis", "US Treasury Department"]),
    ("Keywords: gallium; germanium; export licences; Ministry of Commerce\n\nChina said on Monday …", "tags",
     ["gallium", "germanium", "export licences", "Ministry of Commerce"]),
    ("Themes\n\nsanctions evasion · shadow fleet · price cap\n", "tags", ["sanctions evasion", "shadow fleet", "price cap"]),
    # a run-together line gives no items; prose and a news report give none
    ("Topics & Keywords\n\nJapan cybersecurity approvalChinese storage battery makerschip smuggling case\n", "tags", []),
    ("Key Signals\n\n  • Whether Japan publishes criteria.\n", "entities", []),
    ("SEOUL (AP) — South Korea summoned a Japanese diplomat, officials said. Key people were not named.", "entities", []),
    ("Tags\n\nThe brief has no tags: it was written before the taxonomy existed, its author said in a note.\n",
     "tags", []),
]


@pytest.mark.parametrize(("text", "kind", "items"), LISTS)
def test_a_sources_own_list(text, kind, items):
    assert own_list([text], kind) == items


def test_the_own_list_comes_first_by_name_and_places_stay():
    own = own_list([WWW], "entities")
    merged = merge_own("entities", own, ["Japan", "Mitsubishi", "Entity List", "Sato Kei", "China"], 10)
    assert merged[:3] == ["Sato Kei", "Mitsubishi Heavy Industries", "Kawasaki Heavy Industries"]
    assert "Mitsubishi" not in merged and merged.count("Sato Kei") == 1  # the listed name, once
    assert "Japan" in merged and "China" in merged  # a place inside a listed name is still an actor
    assert len(merge_own("entities", own, ["Japan"] * 3 + ["A", "B", "C", "D", "E", "F", "G"], 5)) == 5


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


def test_the_sample_brief_lists_the_sources_entities_and_tags(sample_engine):
    brief = sample_engine.write("China's export restrictions on Japanese firms", template="assessment")
    entities = next(s for s in brief.sections if s.name == "entities").terms
    tags = next(s for s in brief.sections if s.name == "tags").terms
    assert any(t.startswith("Mitsubishi Heavy Industries") for t in entities), entities
    assert any(t.startswith("Sato Kei") for t in entities), entities
    # a name only the generated brief gives is attributed to it
    assert all("named only by WorldWideWatchers" in t for t in entities if t.startswith("Subaru"))
    assert "dual-use exports" in tags and "manufacturers" not in tags and "supercomputers" not in tags
