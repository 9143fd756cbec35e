"""A brief's headline is of its story's time (issue 10, s46 fresh helper's worst finding).

Kind: **a source years older than the story heads the brief.** The situation brief on "China's dual-use export ban
on Japanese companies" was headed by the 2020 essay's "The Trump administration's approach toward China has moved
away from simply 'do not buy' …" (typed an event), because the one 2026 source that tells the ban states it as
event only in its own headline ("Intelligence Report: Tokyo protests as China blocks dual-use exports to 20 Japanese
companies"), and the headline pool set headlines aside before sources of another time. Now a document published
years before the story's newest on-topic source (``SectionPicking._stale_docs``) leaves the pool first, even when
only a current source's headline is left.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("topic", [
    "China's dual-use export ban on Japanese companies",
    "China's dual-use export restrictions on 20 Japanese firms",
])
def test_a_source_years_older_than_the_story_does_not_head_its_brief(sample_engine, topic):
    brief = sample_engine.write(topic, template="situation")
    heads = [c for s in brief.sections if s.name in ("headline", "bluf") for c in s.claims]
    assert heads, [s.name for s in brief.sections]
    cited = {src.index: src for src in brief.sources}
    for claim in heads:
        published = {cited[c.source].published for c in claim.citations if c.source in cited}
        assert "2020-03-31" not in published, claim.text
    assert brief.as_of == "2026-02-25", brief.as_of
