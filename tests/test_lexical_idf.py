"""Keyword weights of the BM25 index (rag.lexical.LexicalIndex.idf), which headline matching weighs query terms by."""

from __future__ import annotations

from rag.lexical import LexicalIndex
from rag.text.analyzer import analyze


def _rows(*texts: str) -> list[dict]:
    return [{"chunk_id": f"c{i}", "title": "", "text": t, "published_int": 20220701, "publisher": ""} for i, t in enumerate(texts)]


def test_a_rare_term_weighs_more_than_a_common_one_and_unknown_terms_are_left_out():
    index = LexicalIndex.build(_rows("Sri Lanka protests grow", "protests in Paris", "protests in Lima", "markets fall"))
    weights = index.idf(analyze("Sri Lanka protests Atlantis"))
    assert weights["sri"] > weights["protest"] > 0
    assert "atlanti" not in weights and "atlantis" not in weights


def test_an_empty_index_has_no_weights():
    assert LexicalIndex.build([]).idf(analyze("Sri Lanka protests")) == {}
