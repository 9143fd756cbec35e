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

from conftest import engine_over_texts


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


WRITTEN = {
    "01_report.md": (
        "# Vietnam requires licences for rare-earth exports to Korea\n\nPublished: 2019-06-03\n\n"
        "Vietnam's trade ministry on Monday began requiring licences for rare-earth exports to 12 Korean companies, "
        "officials said. Korean battery makers said the rule could delay shipments by weeks.\n"),
    "02_review.md": (
        "# Opinion: Seven years of Vietnam's rare-earth licences\n\nPublished: 2026-04-14\n\n"
        "Analysis: Vietnam's rare-earth licences for Korean companies have become a lasting lever in its talks with "
        "Seoul, analysts argue. The licences are likely to stay in place for years.\n"),
}


@pytest.fixture(scope="module")
def written_engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("headline-time"), WRITTEN)


def test_a_report_of_its_time_heads_its_brief_whatever_newer_source_it_cites(written_engine):
    # s46 review: the stale cut measures age against the newest source; a 2019 report is of the 2019 story's time
    brief = written_engine.write("Vietnam's 2019 rare-earth export licences for Korean companies", template="situation")
    heads = [c for s in brief.sections if s.name in ("headline", "bluf") for c in s.claims]
    cited = {src.index: src for src in brief.sources}
    assert heads and all(cited[c.source].published == "2019-06-03" for h in heads for c in h.citations), \
        [(h.text, [cited[c.source].published for c in h.citations]) for h in heads]
