"""Acceptance specification of ingestion and search, with real Chroma (embedded, temp dirs) and the real embedder.

Read-only checks run against the sample corpus indexed once per session (``sample_index``); tests that
change an index build their own in a temp data dir (``fresh_index``, embedding cache pre-seeded).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS_DIR, assert_consistent, chroma_chunk_ids, indexed_doc_ids
from rag.catalog import Catalog
from rag.config import Settings
from rag.errors import IndexMismatchError, QueryError
from rag.index import CorpusIndex
from rag.ingest import Ingestor
from rag.loaders import load_file
from rag.retrieve import HybridRetriever, make_filters
from rag.store import VectorStore
from rag.types import SourceDocument

PHOTORESIST_QUERY = "photoresist hydrogen fluoride exports to South Korea"
DUAL_USE_QUERY = "dual-use exports 20 Japanese companies"


def doc_ids_of(hits) -> list[str]:
    return [h.chunk.doc_id for h in hits]


def load_doc_ids(*paths: Path) -> set[str]:
    ids = set()
    for path in paths:
        for item in load_file(path):
            assert isinstance(item, SourceDocument), item
            ids.add(item.doc_id)
    return ids


@pytest.fixture(scope="module")
def retriever(sample_index) -> HybridRetriever:
    return HybridRetriever(sample_index[1])


# --- the sample corpus: ranking, filters, query validation ---------------------------------------------------------


def test_the_sample_corpus_is_indexed_consistently(sample_index, sample_first_report, corpus_docs):
    _, index = sample_index
    assert sample_first_report.added == 5
    assert sample_first_report.chunks_embedded == sample_first_report.chunks_added > 5
    assert_consistent(index, {d.doc_id for d in corpus_docs.values()})
    assert index.catalog.counts() == {"documents": 5, "chunks": sample_first_report.chunks_added, "stories": 5}


def test_photoresist_query_ranks_the_taipei_times_article_first(retriever, corpus_docs):
    hits = retriever.search(PHOTORESIST_QUERY)
    assert hits[0].chunk.doc_id == corpus_docs["001"].doc_id
    assert hits[0].chunk.publisher.startswith("Taipei Times")
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:]))


def test_dual_use_query_ranks_the_worldwidewatchers_brief_first(retriever, corpus_docs):
    hits = retriever.search(DUAL_USE_QUERY)
    assert hits[0].chunk.doc_id == corpus_docs["003"].doc_id
    assert hits[0].chunk.publisher == "WorldWideWatchers"
    assert hits[0].dense_rank is not None and hits[0].bm25_rank is not None


def test_hits_point_into_the_stored_article_text(retriever, sample_index):
    """Every hit's span selects exactly its passage from the catalog's copy of the article."""
    index = sample_index[1]
    for hit in retriever.search(PHOTORESIST_QUERY, k=8):
        text = index.catalog.get_document(hit.chunk.doc_id)["text"]
        assert text[hit.chunk.start : hit.chunk.end] == hit.chunk.text


def test_no_article_fills_more_than_max_per_doc_slots(retriever, sample_index):
    max_per_doc = sample_index[0].retrieval.max_per_doc
    ids = doc_ids_of(retriever.search(PHOTORESIST_QUERY, k=10))
    assert max(ids.count(d) for d in ids) <= max_per_doc
    one_each = doc_ids_of(retriever.search(PHOTORESIST_QUERY, k=10, max_per_doc=1))
    assert len(one_each) == len(set(one_each)) == 5, "one passage per article, every article listed"


def test_since_excludes_older_and_undated_articles(retriever, corpus_docs):
    """``since 2026-01-01`` keeps the 2026 briefs (000, 003); 004 (2020) and undated 001/002 are excluded."""
    assert corpus_docs["001"].published is None and corpus_docs["002"].published is None
    assert corpus_docs["004"].published == "2020-03-31"
    hits = retriever.search(PHOTORESIST_QUERY, k=20, filters=make_filters(since="2026-01-01"))
    assert hits
    assert set(doc_ids_of(hits)) <= {corpus_docs["000"].doc_id, corpus_docs["003"].doc_id}
    assert all(h.chunk.published >= "2026-01-01" for h in hits)


def test_until_excludes_newer_and_undated_articles(retriever, corpus_docs):
    """An unknown date never satisfies a date bound: ``until`` also drops the undated articles."""
    hits = retriever.search(PHOTORESIST_QUERY, k=20, filters=make_filters(until="2025-12-31"))
    assert set(doc_ids_of(hits)) == {corpus_docs["004"].doc_id}


def test_date_bounds_are_inclusive_and_accept_common_formats(retriever, corpus_docs):
    hits = retriever.search(DUAL_USE_QUERY, k=20, filters=make_filters(since="Feb 25, 2026", until="2026/02/25"))
    assert set(doc_ids_of(hits)) == {corpus_docs["003"].doc_id}


def test_a_filter_nothing_matches_returns_no_hits(retriever):
    assert retriever.search(DUAL_USE_QUERY, filters=make_filters(since="2030-01-01")) == []


def test_unreadable_or_inverted_dates_are_query_errors():
    with pytest.raises(QueryError, match="Cannot read the date"):
        make_filters(since="next tuesday-ish")
    with pytest.raises(QueryError, match="after"):
        make_filters(since="2026-02-01", until="2026-01-01")


def test_publisher_filter_keeps_only_that_publisher(retriever, corpus_docs):
    hits = retriever.search(PHOTORESIST_QUERY, k=10, filters=make_filters(publishers=["WorldWideWatchers"]))
    assert hits and {h.chunk.publisher for h in hits} == {"WorldWideWatchers"}
    both = retriever.search(
        PHOTORESIST_QUERY, k=10, filters=make_filters(publishers=["WorldWideWatchers", "Intelrift Intelligence Desk"])
    )
    assert set(doc_ids_of(both)) == {corpus_docs["003"].doc_id, corpus_docs["000"].doc_id}


@pytest.mark.parametrize("k", [1, 3, 7])
def test_k_sets_the_number_of_passages(retriever, k):
    assert len(retriever.search(PHOTORESIST_QUERY, k=k)) == k


def test_k_out_of_range_is_a_query_error(retriever):
    with pytest.raises(QueryError, match="k must be between"):
        retriever.search(PHOTORESIST_QUERY, k=500)


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_an_empty_query_is_refused_with_a_clear_message(retriever, query):
    with pytest.raises(QueryError, match="empty"):
        retriever.search(query)


def test_an_overlong_query_is_refused_with_its_length_and_the_limit(retriever, sample_index):
    limit = sample_index[0].retrieval.max_query_chars
    with pytest.raises(QueryError) as info:
        retriever.search("export controls " * (limit // 10))
    message = str(info.value)
    assert f"limit is {limit}" in message and "MAX_QUERY_CHARS" in message


def test_a_query_of_exactly_the_limit_is_accepted(retriever, sample_index):
    limit = sample_index[0].retrieval.max_query_chars
    query = ("semiconductor export controls " * limit)[:limit]
    assert retriever.search(query, k=2)


def test_a_query_with_no_known_words_still_answers_from_the_dense_side(retriever):
    hits = retriever.search("zxqv wubble", k=3)
    assert len(hits) == 3 and all(h.bm25_rank is None for h in hits)


def test_opening_the_index_with_another_embedding_model_is_an_index_mismatch(sample_index, fake_embedder_cls):
    """A data dir built with MiniLM (384-d) refuses an 8-d embedder instead of mixing vectors or crashing."""
    settings, index = sample_index
    with pytest.raises(IndexMismatchError) as info:
        CorpusIndex(settings, embedder=fake_embedder_cls("tiny-test-model", 8))
    assert "all-MiniLM-L6-v2-onnx-int8" in str(info.value) and "tiny-test-model" in str(info.value)
    with pytest.raises(IndexMismatchError, match="dim 384"):
        VectorStore(settings, fake_embedder_cls("tiny-test-model", 8))
    assert index.store.count() == index.catalog.counts()["chunks"], "the refused open must not touch the index"


# --- incremental ingestion -------------------------------------------------------------------------------------------


def test_reingesting_unchanged_files_embeds_and_writes_nothing(sample_index):
    _, index = sample_index
    before = index.snapshot_id()
    report = Ingestor(index).ingest_paths([CORPUS_DIR])
    assert (report.added, report.updated, report.unchanged, report.removed) == (0, 0, 5, 0)
    assert report.chunks_embedded == 0 and report.chunks_added == 0
    assert not report.failed
    assert index.snapshot_id() == before


def test_the_snapshot_id_follows_writes_from_this_and_other_connections(fresh_index, corpus_copy):
    from rag.catalog import Catalog

    index = fresh_index()
    empty = index.snapshot_id()
    assert index.snapshot_id() == empty  # cached, same answer
    Ingestor(index).ingest_paths([corpus_copy])
    full = index.snapshot_id()
    assert full != empty  # this connection's writes invalidate the cached id
    other = Catalog(index.catalog.path)  # another process's connection, as a second server worker would hold
    other.delete_documents([index.catalog.list_documents(limit=1)[0][0]["doc_id"]])
    assert index.snapshot_id() not in (full, empty)


def test_a_modified_file_replaces_its_document_and_chunks(fresh_index, corpus_copy, corpus_docs):
    index = fresh_index()
    Ingestor(index).ingest_paths([corpus_copy])
    old = corpus_docs["002"].doc_id
    old_chunks = {c["chunk_id"] for c in index.catalog.chunks_for(old)}
    path = next(corpus_copy.glob("002_*.txt"))
    path.write_text(path.read_text(encoding="utf-8") + "\nTokyo said it would announce its decision on lithography tools in March.\n", encoding="utf-8")
    (new,) = load_doc_ids(path)

    report = Ingestor(index).ingest_paths([corpus_copy])

    assert (report.updated, report.unchanged, report.added) == (1, 4, 0)
    assert 0 < report.chunks_embedded <= report.chunks_added
    assert index.catalog.get_document(old) is None
    assert old not in index.store.doc_ids()
    assert not old_chunks & chroma_chunk_ids(index)
    assert index.catalog.get_document(new)["status"] == "indexed"
    assert new in index.store.doc_ids()
    assert_consistent(index, {d.doc_id for k, d in corpus_docs.items() if k != "002"} | {new})
    hits = HybridRetriever(index).search("decision on lithography tools in March", k=3)
    assert hits[0].chunk.doc_id == new


def test_prune_removes_documents_whose_files_are_gone(fresh_index, corpus_copy, corpus_docs):
    index = fresh_index()
    ingestor = Ingestor(index)
    ingestor.ingest_paths([corpus_copy])
    next(corpus_copy.glob("002_*.txt")).unlink()
    gone = corpus_docs["002"].doc_id

    kept = ingestor.ingest_paths([corpus_copy])
    assert kept.removed == 0 and gone in indexed_doc_ids(index), "without prune nothing is removed"

    report = ingestor.ingest_paths([corpus_copy], prune=True)
    assert report.removed == 1
    assert index.catalog.get_document(gone) is None
    assert gone not in index.store.doc_ids()
    assert_consistent(index, {d.doc_id for k, d in corpus_docs.items() if k != "002"})


def test_a_deleted_document_comes_back_when_its_unchanged_file_is_ingested_again(fresh_index, corpus_copy, corpus_docs):
    index = fresh_index()
    ingestor = Ingestor(index)
    ingestor.ingest_paths([corpus_copy])
    target = corpus_docs["002"].doc_id

    assert ingestor.delete_document(target)
    assert target not in indexed_doc_ids(index) and target not in index.store.doc_ids()

    report = ingestor.ingest_paths([corpus_copy])
    assert report.added + report.updated == 1
    assert_consistent(index, {d.doc_id for d in corpus_docs.values()})


def test_an_exact_duplicate_file_is_stored_once(fresh_index, tmp_path, corpus_docs):
    src = tmp_path / "dups"
    src.mkdir()
    original = next(CORPUS_DIR.glob("003_*.txt")).read_bytes()
    (src / "a-original.txt").write_bytes(original)
    (src / "b-copy.txt").write_bytes(original)
    index = fresh_index()

    report = Ingestor(index).ingest_paths([src])

    (doc_id,) = load_doc_ids(src / "a-original.txt")
    assert (report.added, report.duplicates) == (1, 1)
    assert_consistent(index, {doc_id})
    assert index.catalog.doc_source_count(doc_id) == 2

    (src / "b-copy.txt").unlink()
    assert Ingestor(index).ingest_paths([src], prune=True).removed == 0, "still yielded by the other file"
    (src / "a-original.txt").unlink()
    assert Ingestor(index).ingest_paths([src], prune=True).removed == 1
    assert_consistent(index, set())


# --- near duplicates: the same wire story from another outlet ------------------------------------------------------

WIRE_PUBLISHER = "Wire Service Daily"


def plant_near_duplicate(
    base: Path,
    original: SourceDocument,
    how: str = "manifest",
    *,
    publisher: str = WIRE_PUBLISHER,
    dirname: str = "wire",
    swaps: tuple[tuple[str, str], ...] = (("diplomatic", "political"), ("Tokyo", "Japan"), ("restrictions", "curbs")),
) -> Path:
    """The original article with a byline line added, a few words changed, under another publisher."""
    text = original.text
    for old, new in swaps:
        assert old in text
        text = text.replace(old, new, 1)
    text = "By Wire Staff\n" + text
    wire = base / dirname
    wire.mkdir()
    title = "Beijing curbs exports to 20 Japanese firms"
    if how == "manifest":
        (wire / "wire-story.txt").write_text(text, encoding="utf-8")
        (wire / "manifest.json").write_text(
            json.dumps({"articles": [{"file": "wire-story.txt", "publisher": publisher, "title": title}]}), encoding="utf-8"
        )
    else:
        (wire / "wire.jsonl").write_text(json.dumps({"text": text, "publisher": publisher, "title": title}) + "\n", encoding="utf-8")
    return wire


def story_listing(index: CorpusIndex, story_docs: set[str]) -> list[tuple[str, set[str]]]:
    """(doc_id, outlets) of the hits for the story's query that belong to the story."""
    hits = HybridRetriever(index).search(DUAL_USE_QUERY, k=10)
    return [(h.chunk.doc_id, {h.chunk.publisher, *h.also_reported_by}) for h in hits if h.chunk.doc_id in story_docs]


@pytest.mark.parametrize(
    "how,when",
    [("manifest", "in the same run"), ("jsonl", "in a later run")],
    ids=["manifest publisher, same run", "jsonl publisher, later run"],
)
def test_a_near_duplicate_from_another_outlet_joins_the_story_and_is_shown_once(fresh_index, corpus_copy, corpus_docs, tmp_path, how, when):
    """The same wire story (byline added, a few words changed, another publisher) is one story, listed once."""
    original = corpus_docs["003"]
    wire = plant_near_duplicate(tmp_path, original, how)
    index = fresh_index()

    if when == "in the same run":
        report = Ingestor(index).ingest_paths([corpus_copy, wire])
        assert (report.added, report.near_duplicates) == (6, 1)
    else:
        Ingestor(index).ingest_paths([corpus_copy])
        report = Ingestor(index).ingest_paths([corpus_copy, wire])  # story sketches come back from the catalog
        assert (report.added, report.unchanged, report.near_duplicates) == (1, 5, 1)
    (dup,) = indexed_doc_ids(index) - {d.doc_id for d in corpus_docs.values()}
    dup_doc = index.catalog.get_document(dup)
    assert dup_doc["publisher"] == WIRE_PUBLISHER
    assert dup_doc["story_id"] == original.doc_id == index.catalog.get_document(original.doc_id)["story_id"]
    assert index.catalog.counts()["stories"] == 5
    assert_consistent(index)

    hits = HybridRetriever(index).search(DUAL_USE_QUERY, k=10)
    story_hits = [h for h in hits if h.chunk.doc_id in {original.doc_id, dup}]
    assert story_hits, "the story itself must be found"
    assert len({h.chunk.doc_id for h in story_hits}) == 1, "only one outlet of the story is listed"
    for hit in story_hits:
        outlets = {hit.chunk.publisher, *hit.also_reported_by}
        assert outlets == {"WorldWideWatchers", WIRE_PUBLISHER}
    other_hits = [h for h in hits if h not in story_hits]
    assert all(h.also_reported_by == [] for h in other_hits)


def test_editing_the_original_keeps_it_in_one_story_with_its_wire_copy(fresh_index, corpus_copy, corpus_docs, tmp_path):
    """A corrected article replaces its old version and still groups with the wire copy (not split in two)."""
    wire = plant_near_duplicate(tmp_path, corpus_docs["003"])
    index = fresh_index()
    Ingestor(index).ingest_paths([corpus_copy, wire])
    path = next(corpus_copy.glob("003_*.txt"))
    path.write_text(path.read_text(encoding="utf-8") + "\nCorrection: an earlier version misstated the list's date.\n", encoding="utf-8")

    report = Ingestor(index).ingest_paths([corpus_copy, wire])

    assert report.updated == 1
    (edited,) = load_doc_ids(path)
    (dup,) = indexed_doc_ids(index) - {d.doc_id for d in corpus_docs.values()} - {edited}
    assert index.catalog.get_document(edited)["story_id"] == index.catalog.get_document(dup)["story_id"]
    assert index.catalog.counts()["stories"] == 5
    listing = story_listing(index, {edited, dup})
    assert len({doc for doc, _ in listing}) == 1
    assert all(outlets == {"WorldWideWatchers", WIRE_PUBLISHER} for _, outlets in listing)
    assert_consistent(index)


def test_deleting_a_storys_lead_leaves_the_other_outlets_as_one_story(fresh_index, corpus_copy, corpus_docs, tmp_path):
    original = corpus_docs["003"]
    wire = plant_near_duplicate(tmp_path, original)
    other = plant_near_duplicate(
        tmp_path, original, "jsonl", publisher="Other Wire", dirname="other",
        swaps=(("diplomatic", "official"), ("Tokyo", "the Japanese government")),
    )
    index = fresh_index()
    ingestor = Ingestor(index)
    ingestor.ingest_paths([corpus_copy, wire, other])
    copies = indexed_doc_ids(index) - {d.doc_id for d in corpus_docs.values()}
    assert len(copies) == 2
    assert {index.catalog.get_document(d)["story_id"] for d in copies} == {original.doc_id}

    assert ingestor.delete_document(original.doc_id)

    stories = {index.catalog.get_document(d)["story_id"] for d in copies}
    assert len(stories) == 1 and stories <= copies, "the earliest remaining outlet leads the story"
    listing = story_listing(index, copies)
    assert len({doc for doc, _ in listing}) == 1
    assert all(outlets == {WIRE_PUBLISHER, "Other Wire"} for _, outlets in listing)
    assert_consistent(index)


# --- crashes ---------------------------------------------------------------------------------------------------------

WORDS = (
    "export control licence semiconductor wafer lithography tariff ministry sanction supplier memory foundry "
    "gallium germanium rare earth battery drone satellite telecom cable port shipping customs inspection audit "
    "minister parliament court ruling alliance summit treaty dialogue delegation investment subsidy factory"
).split()


def write_small_articles(directory: Path, n: int, *, words: int = 60, seed: int = 7, jsonl: bool = False) -> list[Path]:
    """``n`` short distinct articles, each with a unique searchable code word (``Zephyr00`` …)."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    texts = []
    for i in range(n):
        body = " ".join(rng.choice(WORDS) for _ in range(words))
        texts.append(f"Report {i}: Zephyr{i:02d} customs case\n\nOfficials said Zephyr{i:02d} shipments were held. {body}.")
    if jsonl:
        path = directory / "articles.jsonl"
        path.write_text("".join(json.dumps({"text": t, "publisher": "Test Wire"}) + "\n" for t in texts), encoding="utf-8")
        return [path]
    paths = []
    for i, text in enumerate(texts):
        path = directory / f"article-{i:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


class SimulatedCrash(RuntimeError):
    pass


def crash_on_second_call(monkeypatch, owner: type, name: str, *, after_original: bool) -> None:
    """Make ``owner.name`` raise on its second call (before or after doing its work)."""
    original = getattr(owner, name)
    calls = {"n": 0}

    def wrapper(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            if after_original:
                original(self, *args, **kwargs)
            raise SimulatedCrash(f"simulated crash in {owner.__name__}.{name}")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, wrapper)


CRASH_POINTS = {
    "upsert fails before writing vectors": (VectorStore, "upsert", False),
    "crash after vectors were written, before the catalog commit": (VectorStore, "upsert", True),
    "catalog commit fails after vectors were written": (Catalog, "commit_documents", False),
}


@pytest.mark.parametrize("layout", ["one file per article", "one jsonl file"])
@pytest.mark.parametrize("crash", list(CRASH_POINTS))
def test_an_ingest_that_crashes_midway_is_repaired_by_the_next_run(fresh_index, tmp_path, monkeypatch, layout, crash):
    """After a crash mid-run, the next ingest leaves catalog == Chroma == every article, nothing pending."""
    src = tmp_path / "articles"
    paths = write_small_articles(src, 5, jsonl=layout == "one jsonl file")
    expected = load_doc_ids(*paths)
    index = fresh_index(warm=False)
    owner, name, after = CRASH_POINTS[crash]

    with monkeypatch.context() as mp:
        crash_on_second_call(mp, owner, name, after_original=after)
        with pytest.raises(SimulatedCrash):
            Ingestor(index, batch_docs=1).ingest_paths([src])
    assert 1 <= len(indexed_doc_ids(index)) < len(expected), "the crash happened mid-run"
    assert index.catalog.pending_documents(), "the crashed batch is left pending"
    index.close()

    reopened = CorpusIndex(index.settings)  # a new process would open the data dir afresh
    try:
        report = Ingestor(reopened, batch_docs=1).ingest_paths([src])
        assert not report.failed
        assert_consistent(reopened, expected)
        for i in range(5):
            hits = HybridRetriever(reopened).search(f"Zephyr{i:02d}", k=1)
            assert "Zephyr%02d" % i in hits[0].chunk.text
    finally:
        reopened.close()


def test_a_killed_ingest_process_is_repaired_by_the_next_run(tmp_path):
    """SIGKILL a real ``brief ingest`` once it has indexed something; re-running leaves a consistent index."""
    src = tmp_path / "articles"
    paths = write_small_articles(src, 30, words=40, seed=11)
    expected = load_doc_ids(*paths)
    data_dir = tmp_path / "data"
    catalog_path = data_dir / "collections" / "techsec" / "catalog.sqlite"
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEF_")}
    env.update(BRIEF_DATA_DIR=str(data_dir), BRIEF_CONFIG_FILE=str(tmp_path / "none.toml"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "ingest", str(src)],
        env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )

    def indexed_so_far() -> int:
        if not catalog_path.exists():
            return 0
        try:
            db = sqlite3.connect(f"file:{catalog_path}?mode=ro", uri=True, timeout=0.2)
            try:
                return db.execute("SELECT COUNT(*) FROM documents WHERE status='indexed'").fetchone()[0]
            finally:
                db.close()
        except sqlite3.Error:
            return 0

    killed_at = None
    deadline = time.monotonic() + 180
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            n = indexed_so_far()
            if n >= 1:
                proc.send_signal(signal.SIGKILL)
                killed_at = n
                break
            time.sleep(0.02)
    finally:
        if proc.poll() is None and killed_at is None:
            proc.kill()
        proc.wait(timeout=30)
        stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
    if killed_at is None:
        assert proc.returncode == 0, stderr
        pytest.skip("the ingest finished before it could be killed")
    assert proc.returncode == -signal.SIGKILL

    index = CorpusIndex(Settings(data_dir=data_dir))
    try:
        report = Ingestor(index).ingest_paths([src])
        assert not report.failed
        assert report.added + report.unchanged == 30
        assert report.added >= 1, "the killed run cannot have finished everything"
        assert_consistent(index, expected)
        hits = HybridRetriever(index).search("Zephyr29 customs case", k=1)
        assert "Zephyr29" in hits[0].chunk.text
    finally:
        index.close()


# --- bad input -------------------------------------------------------------------------------------------------------


def test_bad_files_are_reported_and_skipped_while_good_ones_and_earlier_documents_survive(fresh_index, tmp_path):
    index = fresh_index(warm=False)
    earlier_dir = tmp_path / "earlier"
    (earlier_path,) = write_small_articles(earlier_dir, 1, seed=3)
    Ingestor(index).ingest_paths([earlier_dir])
    (earlier,) = load_doc_ids(earlier_path)

    bad = tmp_path / "inbox"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blank.md").write_text(" \n\t\n", encoding="utf-8")
    cp1252_text = "Café owners in Zürich called the “export ban” naïve — it cost them €2,000 each, they said."
    (bad / "legacy-cp1252.txt").write_bytes(cp1252_text.encode("cp1252"))
    (bad / "unclosed-tags.html").write_text(
        "<html><head><title>Chip curbs</title></head><body><div><p>Japan tightened export controls on three chemicals "
        "used to make semiconductors, including photoresists and hydrogen fluoride, vital for <b>Samsung and SK Hynix"
        "<p>Seoul called the measure retaliation and said it would complain to the World Trade Organization",
        encoding="utf-8",
    )
    (bad / "navigation-only.html").write_text(
        '<html><head><title>Menu</title></head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a>'
        "</li></ul></nav><footer>&copy; 2024 Example</footer></body></html>",
        encoding="utf-8",
    )
    (bad / "garbage.pdf").write_bytes(b"%PDF-1.7\n" + bytes(random.Random(1).randrange(256) for _ in range(3000)))
    (bad / "mixed.jsonl").write_text(
        json.dumps({"text": "Korea and Japan resumed export-control talks in Seoul on Tuesday.", "publisher": "Yonhap"}) + "\n"
        + "{this line is not json\n"
        + json.dumps({"title": "no text field"}) + "\n"
        + json.dumps({"text": "Taiwan tightened rules on chip engineers working in China.", "publisher": "Focus Taiwan"}) + "\n",
        encoding="utf-8",
    )

    report = Ingestor(index).ingest_paths([bad])

    failed = {Path(f.path).name: f.reason for f in report.failed}
    assert set(failed) == {"binary.txt", "empty.txt", "blank.md", "navigation-only.html", "garbage.pdf", "mixed.jsonl#L2", "mixed.jsonl#L3"}
    assert "binary" in failed["binary.txt"]
    assert "empty" in failed["empty.txt"] and "empty" in failed["blank.md"]
    assert "no main text" in failed["navigation-only.html"]
    assert "PDF" in failed["garbage.pdf"]
    assert "invalid JSON" in failed["mixed.jsonl#L2"]
    assert "text" in failed["mixed.jsonl#L3"]
    assert report.added == 4  # cp1252 text, unclosed-tags HTML and two jsonl lines

    docs = {d["source_path"]: d for d in index.catalog.list_documents(limit=100)[0]}
    legacy = index.catalog.get_document(docs[str(bad / "legacy-cp1252.txt")]["doc_id"])
    assert legacy["text"] == cp1252_text
    assert docs[str(bad / "unclosed-tags.html")]["title"] == "Chip curbs"
    assert {d["publisher"] for d in docs.values()} >= {"Yonhap", "Focus Taiwan"}
    assert earlier in indexed_doc_ids(index)
    assert_consistent(index)
    assert HybridRetriever(index).search("Zürich café export ban", k=1)[0].chunk.doc_id == legacy["doc_id"]


def test_a_missing_path_is_reported_not_raised(fresh_index, tmp_path):
    index = fresh_index(warm=False)
    report = Ingestor(index).ingest_paths([tmp_path / "does-not-exist.txt"])
    assert len(report.failed) == 1 and report.added == 0


# --- CLI -------------------------------------------------------------------------------------------------------------


def test_cli_search_json_has_the_passage_fields(cli, sample_index, corpus_docs):
    result = cli(["search", PHOTORESIST_QUERY, "--json", "-k", "4"], BRIEF_DATA_DIR=str(sample_index[0].data_dir))
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert len(hits) == 4
    for hit in hits:
        assert {"rank", "score", "title", "publisher", "published", "span", "text", "doc_id", "also_reported_by"} <= set(hit)
        start, end = hit["span"]
        assert end - start == len(hit["text"])
    assert hits[0]["rank"] == 1 and hits[0]["doc_id"] == corpus_docs["001"].doc_id


def test_cli_search_applies_date_and_publisher_filters(cli, sample_index):
    env = {"BRIEF_DATA_DIR": str(sample_index[0].data_dir)}
    since = json.loads(cli(["search", PHOTORESIST_QUERY, "--json", "--since", "2026-01-01", "-k", "20"], **env).stdout)
    assert since and all(h["published"] >= "2026-01-01" for h in since)
    only = json.loads(cli(["search", PHOTORESIST_QUERY, "--json", "--publisher", "WorldWideWatchers"], **env).stdout)
    assert only and {h["publisher"] for h in only} == {"WorldWideWatchers"}


def test_cli_reports_a_bad_query_as_an_error_message_not_a_traceback(cli, sample_index):
    result = cli(["search", "   ", "--json"], BRIEF_DATA_DIR=str(sample_index[0].data_dir))
    assert result.exit_code == 2
    assert "query is empty" in result.stderr and "Traceback" not in result.output


def test_cli_ingest_json_report(cli, tmp_path):
    src = tmp_path / "articles"
    write_small_articles(src, 2, seed=5)
    (src / "empty.txt").write_text("")
    result = cli(["ingest", str(src), "--json"], BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 1, result.output  # one input failed: the report is still printed, the exit code says so
    report = json.loads(result.stdout)
    assert report["added"] == 2 and report["chunks_embedded"] >= 2
    assert [Path(f["path"]).name for f in report["failed"]] == ["empty.txt"]
    again = json.loads(cli(["ingest", str(src), "--json"], BRIEF_DATA_DIR=str(tmp_path / "data")).stdout)
    assert (again["added"], again["unchanged"], again["chunks_embedded"]) == (0, 2, 0)


def test_cli_config_show_masks_secrets(cli, tmp_path):
    result = cli(["config", "show"], BRIEF_CHROMA__TOKEN="supersecret", BRIEF_DATA_DIR=str(tmp_path / "data"))
    assert result.exit_code == 0, result.output
    assert "supersecret" not in result.output
    shown = json.loads(result.stdout)
    assert shown["chroma"]["token"] == "**********"
    assert shown["data_dir"] == str(tmp_path / "data")


def test_progress_counts_documents_inside_a_jsonl_file_and_ends_complete(tmp_path, fresh_index):
    """A JSONL file of many articles moves the bar once per document batch, not once per file, so the CLI can
    show a rate and an ETA; an unchanged re-ingest reports the same documents as done."""
    src = tmp_path / "src"
    write_small_articles(src / "wire", 7, jsonl=True)
    write_small_articles(src / "single", 2, seed=3)
    index = fresh_index(warm=False)
    seen: list[tuple[int, int, int]] = []

    def record(p):
        seen.append((p.done, p.total, p.chunks))

    report = Ingestor(index, batch_docs=2).ingest_paths([src], progress=record)
    done, total, chunks = seen[-1]
    assert (done, total) == (9, 9), "7 JSONL articles + 2 files, all done"
    assert chunks == report.chunks_embedded > 0
    assert len({d for d, _, _ in seen}) >= 6, "the JSONL file advanced in batches of 2 documents"
    assert all(d <= t for d, t, _ in seen), "done never overtakes the known total"
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen), "done only grows"

    seen.clear()
    again = Ingestor(index, batch_docs=2).ingest_paths([src], progress=record)
    assert again.unchanged == 9 and seen[-1][:2] == (9, 9) and seen[-1][2] == 0


def test_a_line_repeated_inside_a_jsonl_file_is_a_duplicate_not_unchanged(tmp_path, fresh_index):
    """Repeats inside one file are duplicates in a fresh ingest, wherever the batches split them; "unchanged"
    is kept for what the file already yielded before the run."""
    src = tmp_path / "src"
    (path,) = write_small_articles(src, 4, jsonl=True)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[0], lines[3]]), encoding="utf-8")  # two repeats, in later batches
    index = fresh_index(warm=False)

    first = Ingestor(index, batch_docs=2).ingest_paths([src])
    assert (first.added, first.duplicates, first.unchanged) == (4, 2, 0)

    write_small_articles(tmp_path / "more", 5, seed=99, jsonl=True)
    extra = (tmp_path / "more" / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)[4]
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    second = Ingestor(index, batch_docs=2).ingest_paths([src])
    assert (second.unchanged, second.duplicates) == (4, 2)
    assert second.added + second.updated == 1


@pytest.mark.parametrize("batch_docs", [1, 2, 8], ids=["own-batches", "split", "one-batch"])
def test_a_page_saved_under_two_urls_is_one_document_kept_as_first_read_and_embedded_once(tmp_path, fresh_index, batch_docs):
    """The same text under two URLs (with and without a tracking query) is one document; it keeps the first line's
    URL and source line, the later line is reported as its duplicate, and its chunks are embedded once."""
    src = tmp_path / "src"
    (path,) = write_small_articles(src, 3, jsonl=True)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows[0]["url"] = "https://news.example.com/2022/07/28/deal/index.html"
    copy = dict(rows[0], url="https://news.example.com/2022/07/28/deal?cid=feed")
    path.write_text("".join(json.dumps(r) + "\n" for r in [rows[0], copy, rows[1], rows[2]]), encoding="utf-8")
    index = fresh_index(warm=False)

    report = Ingestor(index, batch_docs=batch_docs).ingest_paths([src])

    assert (report.added, report.duplicates) == (3, 1)
    status = {o["source_path"].rsplit("#", 1)[1]: o["status"] for o in report.outcomes}
    assert status == {"L1": "added", "L2": "duplicate", "L3": "added", "L4": "added"}
    (doc,) = [d for d in index.catalog.list_documents(limit=10)[0] if d["url"] and "deal" in d["url"]]
    assert doc["url"] == rows[0]["url"] and doc["source_path"].endswith("#L1")
    assert index.catalog.line_documents(str(path)) == {1: doc["doc_id"], 2: doc["doc_id"],
                                                        3: doc_id_of_line(path, 2), 4: doc_id_of_line(path, 3)}
    assert report.chunks_embedded == report.chunks_added


def test_files_whose_names_differ_by_an_underscore_or_a_letter_case_keep_their_own_lines(tmp_path, fresh_index):
    """A file's lines are its own: SQL LIKE read "news_1.jsonl#L%" as matching "news-1.jsonl#L3" ("_" is a
    wildcard) and "News_1.jsonl" (ASCII case ignored), so ingesting one file deleted the other's source rows and its
    documents were taken for stale ones."""
    src = tmp_path / "src"
    src.mkdir()
    for name, seed in (("news-1.jsonl", 1), ("news_1.jsonl", 2), ("News_1.jsonl", 3)):
        (path,) = write_small_articles(tmp_path / name, 2, seed=seed, jsonl=True)
        path.rename(src / name)
    index = fresh_index(warm=False)
    first = Ingestor(index).ingest_paths([src])
    assert first.added == 6
    lines = {name: index.catalog.line_documents(str(src / name)) for name in ("news-1.jsonl", "news_1.jsonl", "News_1.jsonl")}
    assert all(len(v) == 2 for v in lines.values()) and len({d for v in lines.values() for d in v.values()}) == 6

    (src / "news_1.jsonl").write_text((src / "news_1.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)[0],
                                      encoding="utf-8")  # one line left: the other is removed
    second = Ingestor(index).ingest_paths([src])
    assert index.catalog.line_documents(str(src / "news-1.jsonl")) == lines["news-1.jsonl"]
    assert index.catalog.line_documents(str(src / "News_1.jsonl")) == lines["News_1.jsonl"]
    assert index.catalog.counts()["documents"] == 5 and second.unchanged == 5


def test_the_next_batch_is_prepared_while_the_current_one_is_written(fresh_index, tmp_path, monkeypatch):
    """Chunking and embedding of batch k+1 overlap the catalog/Chroma writes of batch k (the writes are single-threaded)."""
    import threading

    src = tmp_path / "src"
    (path,) = write_small_articles(src, 4, jsonl=True)
    index = fresh_index(warm=False)
    ingestor = Ingestor(index, batch_docs=2)
    second_prepared = threading.Event()
    prepare, commit = ingestor._prepare, ingestor._commit_batch
    overlapped: list[bool] = []

    def prepare_and_tell(docs):
        out = prepare(docs)
        if any(d.doc_id == doc_id_of_line(path, 2) for d in docs):
            second_prepared.set()
        return out

    def commit_waiting(prepared, *args, **kwargs):
        if not overlapped:  # the first batch's write waits (bounded) for the second batch's preparation
            overlapped.append(second_prepared.wait(timeout=20))
        return commit(prepared, *args, **kwargs)

    monkeypatch.setattr(ingestor, "_prepare", prepare_and_tell)
    monkeypatch.setattr(ingestor, "_commit_batch", commit_waiting)
    report = ingestor.ingest_paths([src])
    assert overlapped == [True], "batch 2 was prepared while batch 1 was being written"
    assert report.added == 4 and not report.failed
    assert_consistent(index, load_doc_ids(path))


def test_an_error_preparing_a_later_batch_keeps_the_batches_written_before_it(fresh_index, tmp_path, monkeypatch):
    src = tmp_path / "src"
    (path,) = write_small_articles(src, 4, jsonl=True)
    index = fresh_index(warm=False)
    ingestor = Ingestor(index, batch_docs=2)
    prepare = ingestor._prepare

    def failing_on_the_second_batch(docs):
        if any(d.doc_id == doc_id_of_line(path, 2) for d in docs):
            raise RuntimeError("embedder died")
        return prepare(docs)

    monkeypatch.setattr(ingestor, "_prepare", failing_on_the_second_batch)
    with pytest.raises(RuntimeError, match="embedder died"):
        ingestor.ingest_paths([src])
    assert indexed_doc_ids(index) == {doc_id_of_line(path, 0), doc_id_of_line(path, 1)}
    assert not index.catalog.pending_documents()


def doc_id_of_line(path: Path, n: int) -> str:
    """The doc id the loader gives the n-th line (0-based) of a JSONL file."""
    docs = [d for d in load_file(path, [], Settings().limits) if isinstance(d, SourceDocument)]
    return docs[n].doc_id
