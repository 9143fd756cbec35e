""""What happened" is this story's: an event reported by a source years older than the newest on-topic source
(an essay of 2012 in a brief on 2019 curbs: "The Diet has recently passed legislation ...", 2020, in a brief as of
2026) happened in another story, so the section that takes events and statements leaves it out. Undated sources
cannot be placed and stay; a source of the story's own time stays.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.templates import TemplateLibrary
from rag.types import Chunk
from rag.writers.base import EvidencePassage

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"
TOPIC = "Japan curbs chip material exports to South Korea"


def passage(text: str, *, doc: str, n: int, published: str | None, kind: str) -> EvidencePassage:
    meta = {"title": "", "published": published, "publisher": doc, "kind": kind}
    return EvidencePassage(f"S{n + 1}", Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta), 1.0)


NEWS = passage(
    "Japan tightened exports of three chip materials to South Korea on Thursday, the trade ministry said. "
    "South Korea's trade ministry said Seoul would file a complaint with the World Trade Organization over the curbs. "
    "Samsung Electronics said it was checking its stocks of photoresist and hydrogen fluoride after the curbs.",
    doc="news2019", n=0, published="2019-07-04", kind="news")
OLDER_EVENT = ("Japan's trade ministry removed South Korea from its list of trusted chip material buyers on Tuesday, "
               "officials in Tokyo said.")


def essay(published: str | None) -> EvidencePassage:
    return passage(OLDER_EVENT + " The essay argues that export curbs on chip materials to South Korea rarely work.",
                   doc="essay", n=1, published=published, kind="policy essay")


@pytest.fixture(scope="module")
def situation():
    return TemplateLibrary(PROMPTS).get("situation")


def happened(writer, template, evidence) -> list[str]:
    draft = writer.write(TOPIC, template, evidence, as_of=None)
    spec = next(s for s in template.sections if s.kind == "claims" and s.roles and set(s.roles) <= {"event", "statement"}
                and s.max_items > 1)  # what happened (not the one-line headline)
    return [c.text for s in draft.sections if s.name == spec.name for c in s.claims]


@pytest.mark.parametrize("published", ["2019-06-20", None])
def test_an_event_from_a_source_of_the_storys_time_or_undated_is_what_happened(writer, situation, published):
    assert any(OLDER_EVENT in t for t in happened(writer, situation, [NEWS, essay(published)]))


@pytest.mark.parametrize("published", ["2012-05-24", "2017-01-10"])
def test_an_event_from_a_source_years_older_than_the_story_is_not_what_happened(writer, situation, published):
    texts = happened(writer, situation, [NEWS, essay(published)])
    assert texts and not any(OLDER_EVENT in t for t in texts), texts
