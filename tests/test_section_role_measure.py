"""Section-role precision that can fail on news (issue 10, s37).

The measure (``evals.roles_suite``) read 0/0 on the topics-news reports: their claims carry no quote text (RealTime QA
text is not copied into reports), so nothing was typed. And it typed each quote from its text alone, while the role
model was fitted with the document's type and the sentence's position: a headline or lede read alone ("Tokyo
protests as China blocks dual-use exports to 20 Japanese companies") looks like a caption. Specified here:

- each citation of an eval report records the classifier's reading of its span with those inputs (``cited_roles``:
  doc type from the document, position in a document's first chunk), as ``role``; topics-news citations record it
  with the article id and offsets, never the text;
- the measure uses a recorded role, counts a text-less citation by its span, skips one recorded untyped (None), and
  falls back to typing the quote alone for older reports;
- the topics-news report's items are measured against the situation template by default.
"""

from __future__ import annotations

import pytest

from evals.roles_suite import brief_section_role_precision, cited_roles, report_section_role_precision
from rag.brief import Citation


def test_a_recorded_role_is_used_and_a_text_less_citation_counts_by_its_span():
    claims = [
        {"section": "summary", "citations": [{"doc": "20220701_1", "start": 0, "end": 80, "role": "event"},
                                             {"doc": "20220701_1", "start": 81, "end": 120, "role": "judgement"}]},
        {"section": "signals", "citations": [{"doc": "20220702_3", "start": 10, "end": 60, "role": "signal"},
                                             {"doc": "20220702_3", "start": 70, "end": 90, "role": None}]},
        {"section": "implications", "citations": [{"doc": "20220703_2", "start": 5, "end": 50, "role": "statement"}]},
    ]
    out = brief_section_role_precision(claims, "situation", role_of=lambda q: pytest.fail("recorded roles are not re-typed"))
    assert (out["counted"], out["accepted"]) == (4, 2), "the untyped (None) citation is not counted"
    assert {(s, r) for s, _, r in out["rejected"]} == {("summary", "judgement"), ("implications", "statement")}
    assert ("summary", "20220701_1@81-120", "judgement") in out["rejected"], "a rejected span is named by article and offsets"


def test_a_recorded_role_wins_over_the_quote_text_and_older_reports_are_typed_from_text():
    recorded = [{"section": "summary", "citations": [{"quote": "Photo: AP", "role": "event"}]}]
    assert brief_section_role_precision(recorded, "situation", {"Photo: AP": "furniture"}.get)["accepted"] == 1
    older = [{"section": "summary", "citations": [{"quote": "Photo: AP"}]}]
    assert brief_section_role_precision(older, "situation", {"Photo: AP": "furniture"}.get)["accepted"] == 0


def test_topics_news_items_are_measured_and_read_the_situation_template():
    report = {"items": [
        {"suite": "topics-news", "id": "tn-001", "input": {"topic": "t"},
         "output": {"claims": [{"section": "summary", "citations": [{"doc": "a", "start": 0, "end": 9, "role": "event"}]},
                               {"section": "signals", "citations": [{"doc": "a", "start": 10, "end": 19, "role": "event"}]}]}},
        {"suite": "topics-news", "id": "tn-002", "input": {"topic": "u", "template": "assessment"},
         "output": {"claims": [{"section": "outlook", "citations": [{"doc": "b", "start": 0, "end": 9, "role": "forecast"}]}]}},
    ]}
    out = report_section_role_precision(report)
    assert (out["counted"], out["accepted"]) == (3, 2)
    assert out["per_item"] == {"tn-001": 0.5, "tn-002": 1.0}


class _Catalog:
    """The catalog's ``get_chunks`` over a few hand-made chunks."""

    def __init__(self, rows):
        self.rows = {r["chunk_id"]: r for r in rows}

    def get_chunks(self, ids):
        return {i: self.rows[i] for i in ids if i in self.rows}


def _row(doc, idx, start, text, *, title="", language="en", kind=""):
    return {"chunk_id": f"{doc}-{idx:04d}", "doc_id": doc, "idx": idx, "start": start, "end": start + len(text),
            "text": text, "title": title, "publisher": "Wire", "published": "2022-07-04", "language": language, "kind": kind,
            "source_path": f"{doc}.txt", "url": ""}


NEWS = ("Tokyo protests as China blocks dual-use exports to 20 Japanese companies\n\n"
        "China on Tuesday barred exports of dual-use items to 20 Japanese companies, the commerce ministry said. "
        "Tokyo lodged a protest through diplomatic channels.")


def _cit(row, sentence):
    a = row["text"].index(sentence)
    return Citation(chunk_id=row["chunk_id"], doc_id=row["doc_id"], start=row["start"] + a,
                    end=row["start"] + a + len(sentence), quote=sentence)


def test_cited_roles_type_each_span_with_its_document_type_and_position():
    first = _row("news1", 0, 0, NEWS, title="Tokyo protests as China blocks dual-use exports to 20 Japanese companies")
    later = _row("news1", 1, 400, "Beijing said the move safeguards national security and is lawful.")
    german = _row("de1", 0, 0, "Japan protestiert gegen die Exportverbote. Die Regierung in Tokio reagierte scharf.", language="de")
    gone = Citation(chunk_id="nowhere-0000", doc_id="nowhere", start=0, end=10, quote="Nothing here")
    cits = [_cit(first, "China on Tuesday barred exports of dual-use items to 20 Japanese companies, the commerce ministry said."),
            _cit(first, "Tokyo lodged a protest through diplomatic channels."), _cit(later, later["text"]),
            _cit(german, "Japan protestiert gegen die Exportverbote."), gone]
    roles = cited_roles(cits, _Catalog([first, later, german]))
    assert set(roles) == {(c.doc_id, c.start, c.end) for c in cits[:3]}, "untypable and vanished spans are left out"
    assert roles[(cits[0].doc_id, cits[0].start, cits[0].end)].role in {"event", "statement"}
    assert roles[(cits[1].doc_id, cits[1].start, cits[1].end)].role in {"event", "statement"}
    assert all(p.role != "furniture" for p in roles.values())


def test_cited_roles_pass_the_classifier_the_writers_inputs(monkeypatch):
    import evals.roles_suite as rs
    from rag.roles import RolePrediction

    seen = {}

    def fake(texts, *, positions=None, doc_type=None, **_):
        seen.update(texts=list(texts), positions=list(positions), types=list(doc_type))
        return [RolePrediction("event", 0.9) for _ in texts]

    monkeypatch.setattr(rs, "classify", fake)
    first = _row("news1", 0, 0, NEWS, title="Tokyo protests as China blocks dual-use exports to 20 Japanese companies")
    later = _row("news1", 1, 400, "Beijing said the move safeguards national security and is lawful.")
    brief = _row("gen1", 0, 0, "Intelligence Report: China blocks exports. Key Judgment: China retaliates for Taiwan remarks.",
                 kind="generated brief")
    cits = [_cit(first, "Tokyo lodged a protest through diplomatic channels."), _cit(later, later["text"]),
            _cit(brief, "Key Judgment: China retaliates for Taiwan remarks.")]
    rs.cited_roles(cits, _Catalog([first, later, brief]))
    assert seen["positions"][0] is not None and seen["positions"][0][0] >= 1, "a first chunk's sentence has its index"
    assert seen["positions"][1] is None, "a later chunk's sentence has no known position (as in the writer)"
    assert seen["types"][0] == "news report" and seen["types"][2] == "generated brief"
