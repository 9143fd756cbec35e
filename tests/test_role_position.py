"""Furniture is what a sentence's text is, never only where it stands (issue 10, item 2).

Refitted with main-clause cues, the role model read the last sentence of a three-sentence story, "On its hillside
terraces the Vale estate grows tempranillo, garnacha and albariño grapes.", as furniture (0.54) for its position
alone, and the writer dropped the fact an answer needed. ``role_typing.sentence_roles`` reads a sentence typed
furniture at a known position again without its position; real furniture stays furniture.
"""

from __future__ import annotations

import pytest

from rag.writers.role_typing import sentence_roles

STORY = ["Vintner Ramos Vale won the Orla wine prize on Friday, beating entries from Spain, Portugal and France.",
         "The jury praised the estate's long tradition."]


@pytest.mark.parametrize("last", [
    "On its hillside terraces the Vale estate grows tempranillo, garnacha and albariño grapes.",
    "The estate has been run by the Vale family since 1921 and exports half of its wine to Japan.",
    "The prize carries an award of 50,000 euros and a place at next year's Lisbon fair.",
])
def test_a_fact_that_ends_a_short_story_is_not_furniture(last):
    texts = STORY + [last]
    preds = sentence_roles(texts, positions=[(i, len(texts)) for i in range(len(texts))],
                           doc_types=["news report"] * len(texts))
    assert preds[-1].role != "furniture", preds[-1].probs


@pytest.mark.parametrize("last", [
    "Sign up for our newsletter to get the latest news delivered to your inbox.",
    "Photo: Getty Images",
    "Click here to read more stories like this one.",
])
def test_page_furniture_that_ends_a_story_is_still_furniture(last):
    texts = STORY + [last]
    preds = sentence_roles(texts, positions=[(i, len(texts)) for i in range(len(texts))],
                           doc_types=["news report"] * len(texts))
    assert preds[-1].role == "furniture", preds[-1].probs
