"""A Markdown article's heading is quoted without its marks: "# Seoul bars Chinese-made LiDAR …" was an answer's
whole first sentence and a timeline entry's text ("**2026-04-02** — # Tokyo adds quantum computers …"). The stored
text keeps the marks (the heading stays a heading, not the document's title: ``rag.text.markdown``); a quote of it
and its span start at the heading's first word (``rag.text.markdown.heading_marks``), in answers, briefs and the
timeline. Articles written for this test, through the real Engine and the CLI's JSON."""

from __future__ import annotations

import pytest

from conftest import answer_of, engine_over_texts

from rag.text.markdown import heading_marks


@pytest.mark.parametrize("text, marks", [
    ("# Seoul bars Chinese-made LiDAR", 2),
    ("### Outlook", 4),
    ("#1 seed wins the title", 0),
    ("#MeToo marches in Seoul", 0),
    ("Seoul bars drones", 0),
])
def test_heading_marks_are_the_hashes_and_the_space_after_them(text, marks):
    assert heading_marks(text) == marks


LIDAR = ("---\ntitle: Seoul bars Chinese-made LiDAR from public drone contracts\npublisher: Hanbit Security Review\n"
         "date: 2026-03-12\n---\n\n# Seoul bars Chinese-made LiDAR from public drone contracts\n\n"
         "South Korea's **Ministry of Science and ICT** said on Thursday that drones bought by public agencies must no "
         "longer carry *Chinese-made* LiDAR sensors, citing the risk that mapping data could be sent abroad.\n\n"
         "The rule follows a [National Intelligence Service audit](http://example.com/nis-audit) which found that "
         "**14 of 37** tested drone models transmitted flight logs to servers outside Korea.\n")
QUANTUM = ("## Tokyo adds quantum computers to export licence list\n\n"
           "Published: 2026-04-02 · Publisher: Wire\n\n"
           "Japan's trade ministry added quantum computers and dilution refrigerators to its export licence list.\n")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("md_headings")
    return root, engine_over_texts(root, {"01_lidar.md": LIDAR, "02_quantum.md": QUANTUM})


def claims(brief):
    return [c for s in brief.sections for c in s.claims] + list(brief.timeline or [])


@pytest.mark.parametrize("topic, template", [
    ("Which drones did Seoul bar?", "answer"),
    ("Tokyo quantum computer export licence", "situation"),
    ("Seoul LiDAR drone ban", "assessment"),
])
def test_no_quote_opens_with_heading_marks_and_each_span_is_the_quote(engine, topic, template):
    root, eng = engine
    brief = eng.write(topic, template=template)
    assert not brief.abstained, brief.message
    quoted = claims(brief)
    assert quoted
    for c in quoted:
        assert not c.text.lstrip().startswith("#"), c.text
        for cite in c.citations:
            assert not (cite.quote or "").startswith("#"), cite.quote


def test_a_headline_answer_reads_as_the_headline(engine):
    _, eng = engine
    assert "# " not in answer_of(eng, "Which drones did Seoul bar?", "2026-12-01")
