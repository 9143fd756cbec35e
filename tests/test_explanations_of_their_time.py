"""An explanation of the story is of its time: history a source recalls is not one of its competing explanations
(issue 10, item 5).

``brief write "export controls" -t assessment`` gave as its one explanation "During the Cold War period, multilateral
export controls (known as “CoCom”) were established by the Western Bloc aiming to protect ... their technological
advantage" (background, a causal cue and a judgement's wording).
"""

from __future__ import annotations

import pytest

from rag.writers.hypotheses import other_era


@pytest.mark.parametrize("text", [
    "During the Cold War period, multilateral export controls (known as “CoCom”) were established by the Western Bloc "
    "aiming to protect and preserve their technological advantage.",
    "In the 1990s the regime shifted its focus toward preventing proliferation because the Soviet threat had gone.",
    "After the war, Tokyo adopted a pacifist constitution aimed at reassuring its neighbours.",
    "During the Meiji era, Japan imported Western technology to catch up with the colonial powers.",
    "Post-war reconstruction was driven by exports of steel and ships.",
])
def test_a_sentence_set_in_another_era_is_history(text):
    assert other_era(text)


@pytest.mark.parametrize("text", [
    "China imposed the curbs in response to Japan's statements on Taiwan, analysts said.",
    "The restrictions aim at pressuring Seoul over the court rulings on wartime labour.",
    "Beijing's drills were driven by anger at the speaker's visit, officials said.",
    "The war in Ukraine pushed Tokyo to tighten its export controls on Russia.",
])
def test_an_explanation_of_this_story_is_not(text):
    assert not other_era(text)


def test_the_export_controls_essays_cold_war_history_is_background_only(writer, library):
    from rag.types import Chunk
    from rag.writers.base import EvidencePassage

    text = ("During the Cold War period, multilateral export controls were established by the Western Bloc aiming to "
            "protect their technological advantage over the Communist world. The existing framework of export controls "
            "seems to no longer be effective against China's military rise. Japan must tighten its export controls to "
            "preserve its alliance with Washington.")
    chunk = Chunk("essay-0000", "essay", text, 0, len(text), 0, {"title": "", "published": "2020-03-31", "publisher": "essay"})
    draft = writer.write("export controls", library.get("assessment"), [EvidencePassage("S1", chunk, 1.0)], as_of=None)
    for section in draft.sections:
        for claim in section.claims:
            if claim.text.startswith("During the Cold War"):
                assert section.name == "background", section.name
