"""The Markdown and chat renderings of a brief's sources: "chars a–b" are offsets in the original file, the same
as the JSON's ``source_spans`` (so ``open(path).read()[a:b]`` is the quoted text), and the closest sources of an
abstention carry the same type labels as a brief's sources.

The sample corpus's .txt files need no whitespace repair, so the check is exact equality with the quote; files
whose stored text differs from the original (hard wraps, HTML, PDF) are covered word-by-word in test_source_spans.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rag.brief import Brief
from rag.render import answer_with_sources, brief_markdown

SPAN = re.compile(r"(\d+)–(\d+)")
CHARS = re.compile(r" — chars ((?:\d+–\d+(?:, )?)+)")

QUESTIONS = [
    ("Japan export controls on South Korea", "situation"),
    ("China's export restrictions on Japanese firms", "assessment"),
    ("What did South Korea's trade ministry say Seoul plans to do?", "answer"),
    ("Who is Japan's Chief Cabinet Secretary quoted on the export measure to South Korea?", "answer"),
]
ABSTAINING = [
    "What was the price of Samsung's 2025 Texas fab expansion bond issue?",
    "How many lithium refineries did Chile open in 2024?",
]


@pytest.fixture(scope="module")
def engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


def shown_spans(text: str, sources, line_start: str) -> dict[int, list[tuple[int, int]]]:
    """{source index: the "chars a–b" spans its line shows} from a rendering's source list."""
    shown = {}
    listing = re.split(r"^(?:## Sources|Sources:)$", text, flags=re.M)[-1]
    for s in sources:
        (line,) = [ln for ln in listing.splitlines() if ln.startswith(line_start.format(s.index))]
        m = CHARS.search(line)
        shown[s.index] = [(int(a), int(b)) for a, b in SPAN.findall(m.group(1))] if m else []
    return shown


def cited(brief: Brief) -> dict[int, dict[tuple[int, int], str]]:
    """{source index: {span in the original: quote}} over every citation the brief makes."""
    claims = brief.all_claims() + [e for c in brief.all_claims() for e in c.evidence_for + c.evidence_against + c.verdict]
    out: dict[int, dict[tuple[int, int], str]] = {}
    for claim in claims:
        for c in claim.citations:
            out.setdefault(c.source, {})[tuple(c.source_span)] = c.quote
    return out


@pytest.mark.parametrize(("question", "template"), QUESTIONS)
def test_the_chars_a_source_line_shows_slice_the_original_file_to_the_quote(engine, question, template):
    brief = engine.write(question, template=template)
    assert not brief.abstained and brief.sources
    quotes = cited(brief)
    for text, line_start in [(brief_markdown(brief), "{}. "), (answer_with_sources(brief), "[{}] ")]:
        shown = shown_spans(text, brief.sources, line_start)
        for s in brief.sources:
            original = Path(s.source_path).read_text(encoding="utf-8")
            assert shown[s.index], f"source {s.index} shows no span"
            assert set(shown[s.index]) == set(quotes[s.index]), "the rendering shows the JSON's source spans"
            # in the order of the file, each once (the JSON keeps citation order: source_spans[i] is spans[i]'s)
            assert shown[s.index] == sorted({tuple(sp) for sp in s.source_spans})
            for a, b in shown[s.index]:
                assert original[a:b] == quotes[s.index][(a, b)], (s.source_path, a, b)


def test_a_source_whose_place_in_the_original_is_unknown_shows_no_stored_text_offsets(engine):
    brief = engine.write(QUESTIONS[2][0], template=QUESTIONS[2][1])
    src = brief.sources[0]
    known = src.source_spans[0]
    src.source_spans = [None] * len(src.spans)
    assert " chars " not in brief_markdown(brief).split("## Sources")[1], "stored-text offsets are not file offsets"
    src.source_spans = [known] + [None] * (len(src.spans) - 1)
    assert f"chars {known[0]}–{known[1]} " in brief_markdown(brief)


@pytest.mark.parametrize("question", ABSTAINING)
def test_closest_sources_are_typed_as_a_brief_types_them(engine, question):
    from rag.writers.source_types import type_label

    brief = engine.write(question, template="answer")
    assert brief.abstained and brief.closest_sources
    labels = {}
    for q, t in QUESTIONS:
        labels.update({s.doc_id: s.type_label for s in engine.write(q, template=t).sources})
    md, chat = brief_markdown(brief), answer_with_sources(brief)
    for s in brief.closest_sources:
        assert s.type_label == type_label(s.source_type)
        if s.doc_id in labels:
            assert s.type_label == labels[s.doc_id], s.title
        (line,) = [ln for ln in md.splitlines() if ln.startswith(f"{s.index}. ")]
        assert f" — {s.type_label} — " in line and f" — {s.type_label} — " in chat
    types = {Path(s.source_path).name[:3]: s.type_label for s in brief.closest_sources}
    assert set(types.values()) != {"news report"}, "the closest sources to these questions include an essay or a generated brief"
    assert types.get("004", "analysis/opinion") == "analysis/opinion", "the 2020 essay is analysis, not a news report"
    assert types.get("000", "generated brief") == "generated brief", "the Intelrift brief is generated"


def test_a_source_lists_its_spans_and_references_in_the_order_of_its_file():
    """A reader walks a source's spans top to bottom: "chars 0–129, 130–267, …" and "…:1; …:2-3; …:14", never in
    the order the brief happened to cite them (document, then span)."""
    from rag.brief import Source
    from rag.render import _source_line, ref_order

    s = Source(index=1, doc_id="d", title="Curbs", publisher="Yonhap", source_path="corpus/a.txt",
               source_spans=[[664, 1016], [0, 226], [227, 525], [0, 226]],
               source_refs=["corpus/a.txt:8", "corpus/a.txt:1", "corpus/a.txt:2-3", "corpus/a.txt:1"])
    line = _source_line(s)
    assert "chars 0–226, 227–525, 664–1016 —" in line
    assert line.endswith("`corpus/a.txt:1`; `corpus/a.txt:2-3`; `corpus/a.txt:8`")
    assert sorted(["r.pdf p.10", "r.pdf p.9", "f.jsonl#L12", "f.jsonl#L3"], key=ref_order) == [
        "f.jsonl#L3", "f.jsonl#L12", "r.pdf p.9", "r.pdf p.10"]


PLACES = {
    "two overlapping quotes on lines 12 and 12-14 are one range at 12-14": (
        [[282, 465], [282, 629], [947, 1163], [1200, 1300]],
        ["a.txt:12", "a.txt:12-14", "a.txt:20", "a.txt:22-23"],
        "chars 282–629, 947–1163, 1200–1300", ["a.txt:12-14", "a.txt:20", "a.txt:22-23"],
    ),
    "a chain of overlaps spans its first line to its last": (
        [[0, 95], [90, 120], [119, 200]], ["a.txt:1", "a.txt:2", "a.txt:2-4"], "chars 0–200", ["a.txt:1-4"],
    ),
    "two quotes on one line are two ranges and one line": (
        [[10, 40], [50, 80]], ["a.txt:3", "a.txt:3"], "chars 10–40, 50–80", ["a.txt:3"],
    ),
    "a PDF's offsets count within each page: pages 9 and 10 are not merged": (
        [[100, 300], [150, 400], [120, 200]], ["r.pdf p.10", "r.pdf p.9", "r.pdf p.10"],
        "chars 150–400, 100–300", ["r.pdf p.9", "r.pdf p.10"],
    ),
    "a span whose place in the file is unknown keeps its reference": (
        [[5, 50], None], ["a.txt:1", "a.txt"], "chars 5–50", ["a.txt", "a.txt:1"],
    ),
}


@pytest.mark.parametrize(("spans", "refs", "chars", "listed"), PLACES.values(), ids=PLACES.keys())
def test_a_source_line_lists_one_reference_per_range_it_shows(spans, refs, chars, listed):
    """A fresh user read "chars" with three ranges next to four line references: two overlapping quotes were one
    range but two references. Each range now has one reference, covering the lines of every quote it joins."""
    from rag.brief import Source
    from rag.render import _source_line

    s = Source(index=1, doc_id="d", title="Curbs", publisher="Yonhap", source_path="a.txt",
               source_spans=spans, source_refs=refs)
    line = _source_line(s)
    assert f" — {chars} — " in line
    assert line.endswith("; ".join(f"`{r}`" for r in listed))
