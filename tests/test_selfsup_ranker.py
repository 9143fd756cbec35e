"""The self-supervised ranker set (``evals.selfsup_ranker``): questions made from the corpus's own articles, so a
ranker can be fitted without RealTime QA's dev questions. Each query comes from one dated single-story article,
leaves out what a quiz would ask for, is worded less exactly than its report, and is asked within the week after
the report."""

from __future__ import annotations

import random
from datetime import date

from evals.selfsup_ranker import MAX_AGE_DAYS, _mask, build_queries
from rag.ranking import names_and_numbers


class _Catalog:
    def __init__(self, docs: list[dict], chunks: dict[str, list[str]]) -> None:
        self.docs, self.chunks = docs, chunks

    def list_documents(self, *, limit: int, offset: int = 0, status: str | None = "indexed"):
        return self.docs, len(self.docs)

    def chunks_for(self, doc_id: str) -> list[dict]:
        return [{"chunk_id": f"{doc_id}:{i}", "idx": i, "text": t} for i, t in enumerate(self.chunks.get(doc_id, []))]


class _Index:
    def __init__(self, catalog: _Catalog) -> None:
        self.catalog = catalog


BODY = ("The Federal Reserve raised its key interest rate by three quarters of a percentage point on Wednesday. "
        "It was the largest increase since 1994, officials in Washington said after the meeting ended.")


def _index() -> _Index:
    docs = [
        {"doc_id": "a", "title": "Fed raises rates by 0.75 points, the most since 1994", "published": "2022-06-15", "url": "https://x/a"},
        {"doc_id": "b", "title": "5 things to know for June 15: Fed, Covid, Ukraine", "published": "2022-06-15", "url": "https://x/b"},
        {"doc_id": "c", "title": "Undated report on the Fed decision", "published": None, "url": "https://x/c"},
        {"doc_id": "d", "title": "", "published": "2022-06-14", "url": "https://x/d"},
        {"doc_id": "e", "title": "Wildfire forces evacuations near Yosemite National Park", "published": "2022-07-09", "url": "https://x/e"},
    ]
    chunks = {d["doc_id"]: [BODY] for d in docs}
    chunks["e"] = ["Firefighters battled the Washburn fire as it threatened giant sequoias in Mariposa Grove on Saturday evening."]
    return _Index(_Catalog(docs, chunks))


def test_a_query_leaves_out_one_name_or_number_as_a_quiz_leaves_out_its_answer():
    text = "Netflix renewed Squid Game for a second season in Seoul on Sunday"
    for seed in range(30):
        q = _mask(text, random.Random(seed))
        if q is None:
            continue
        kept = [n for n in names_and_numbers(text) if n in q]
        assert len(kept) < len(names_and_numbers(text)), q


def test_a_query_is_worded_less_exactly_than_its_report():
    text = " ".join(f"word{i}" for i in range(40))
    lengths = [len((_mask(text, random.Random(s)) or "").split()) for s in range(20)]
    assert all(n < 40 for n in lengths)
    assert 20 <= sum(lengths) / len(lengths) <= 32  # about a third of the ordinary words dropped


def test_a_query_too_short_after_masking_is_not_made():
    assert _mask("Biden spoke", random.Random(0)) is None


def test_queries_come_from_dated_single_story_articles_with_a_headline():
    queries = build_queries(_index(), 50)
    assert {q["gold_doc"] for q in queries} <= {"a", "e"}  # not the digest, the undated or the untitled report
    assert len(queries) == 2


def test_a_query_is_asked_within_the_week_after_its_report():
    published = {"a": date(2022, 6, 15), "e": date(2022, 7, 9)}
    for seed in range(10):
        for q in build_queries(_index(), 5, seed=seed):
            age = (date.fromisoformat(q["until"]) - published[q["gold_doc"]]).days
            assert 0 <= age <= MAX_AGE_DAYS


def test_the_set_is_the_same_for_the_same_seed_and_differs_for_another():
    assert build_queries(_index(), 5, seed=1) == build_queries(_index(), 5, seed=1)
    words = {tuple(q["question"] for q in build_queries(_index(), 5, seed=s)) for s in range(6)}
    assert len(words) > 1
