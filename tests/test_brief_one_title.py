"""One title and one listing of each quoted stretch (issue 10, s36; the s35 fresh user's findings).

Kinds, each specified beyond the case seen on the sample corpus:

- one title: a brief's JSON ``headline`` is the line its Markdown shows as the H1 (``render.title_text``), never the
  framed quote of its lead while the H1 is the bare headline; the lead's attributed quote stays in its section;
- a quoted stretch of a source is listed once: spans that overlap (a sentence quoted alone in one section and with
  the next in another, "282–465, 282–629") are one stretch in Sources; spans that only touch or lie apart stay apart.
"""

from __future__ import annotations

import pytest

from rag.brief import Source
from rag.render import brief_markdown, source_places, title_text

# ------------------------------------------------------------------ a quoted stretch is listed once

SPANS = [  # (the cited spans, as listed)
    ([(282, 465), (282, 629)], [(282, 629)]),  # the battery brief's lede, quoted alone and with its next sentence
    ([(947, 1163), (282, 629), (282, 465)], [(282, 629), (947, 1163)]),  # in file order
    ([(10, 50), (20, 30)], [(10, 50)]),  # a clause inside a quoted sentence
    ([(0, 95), (90, 120), (119, 200)], [(0, 200)]),  # a chain of overlaps is one stretch
    ([(0, 95), (95, 120)], [(0, 95), (95, 120)]),  # two sentences side by side are two quotes
    ([(301, 373), (301, 373)], [(301, 373)]),  # the same span cited twice
    ([], []),
]


@pytest.mark.parametrize(("spans", "listed"), SPANS)
def test_overlapping_spans_of_a_source_are_one_stretch(spans, listed):
    src = Source(index=1, doc_id="d1", source_spans=[list(sp) for sp in spans])
    assert source_places(src)[0] == listed


def test_the_sources_line_lists_an_overlapping_span_once():
    src = Source(index=1, doc_id="d1", title="Japan blocks Chinese battery makers", publisher="Intelrift",
                 spans=[(1, 2), (1, 3)], source_spans=[[282, 465], [282, 629], [947, 1163]])
    from rag.render import _source_line

    line = _source_line(src)
    assert "chars 282–629, 947–1163" in line and "282–465" not in line


# ------------------------------------------------------------------ one title, in JSON as in Markdown

TOPICS = [  # (topic, template): a headline lead, a topic title, an assessment, a wrong-year topic
    ("battery cybersecurity approval", "situation"),
    ("China's export restrictions on Japanese firms", "situation"),
    ("China's export restrictions on Japanese firms", "assessment"),
    ("Japan's 2019 export curbs on South Korea", "situation"),
    ("Japan and China export controls", "assessment"),
]


@pytest.mark.parametrize(("topic", "template"), TOPICS)
def test_the_json_headline_is_the_markdown_title(sample_index, topic, template):
    from rag.pipeline import Engine

    brief = Engine.from_settings(sample_index[0]).write(topic, template=template)
    h1 = brief_markdown(brief).splitlines()[0]
    assert h1 == f"# {brief.headline}" == f"# {title_text(brief)}"
    assert "“" not in brief.headline and ": “" not in brief.headline  # never the framed quote
    # the lead quote keeps its frame where it is quoted: a generated brief's words are never stated as fact
    quoted = [c for s in brief.sections for c in s.claims]
    assert all(c.attribution for c in quoted if any(brief.sources[x.source - 1].source_type == "generated" for x in c.citations)
               and all(brief.sources[x.source - 1].source_type == "generated" for x in c.citations))
