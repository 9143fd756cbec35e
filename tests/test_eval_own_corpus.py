"""A report records the corpus its suite read (provenance: the corpus snapshot; s59).

The topics-news suite writes its briefs over a slice of the RealTime QA corpus ingested into a collection of its
own; its report recorded the default collection's snapshot instead (empty in a fresh data directory: the sha256 of
nothing, ``e3b0c442…``), so ``eval compare`` warned of a corpus change on every run and the baseline named a corpus
the briefs were not written from."""

from __future__ import annotations

from evals.run import own_corpus

INFO = {"collection": "topics-news-1a2b", "corpus_snapshot": "5f0c", "corpus_counts": {"documents": 304},
        "articles": 304, "ingest_seconds": 80.1}


def test_a_run_of_one_suite_with_its_own_collection_records_that_collection():
    assert own_corpus(["topics-news"], {"topics-news": INFO}) == {
        "collection": "topics-news-1a2b", "corpus_snapshot": "5f0c", "corpus_counts": {"documents": 304}}


def test_a_run_of_several_suites_records_the_default_collection():
    assert own_corpus(["seed", "topics-news"], {"topics-news": INFO}) == {}


def test_a_suite_without_a_collection_of_its_own_records_the_default_collection():
    assert own_corpus(["seed"], {}) == {}
