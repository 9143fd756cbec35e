"""Incremental ingestion: files → documents → chunks → vectors, crash-consistent and duplicate-aware.

Why not llama-index's IngestionPipeline + docstore: its SimpleDocumentStore is written only when the
run ends, so a killed run leaves vectors the docstore never recorded; and it has no notion of files
yielding many documents (JSONL), exact/near duplicates or pruning. The SQLite catalog gives each step
a transaction: documents go ``pending`` → chunks upserted into Chroma → ``indexed`` with their sources.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterable, Iterator

import numpy as np

from rag import crashpoints
from rag.files import file_sha256
from rag.chunking import chunk_document, embedding_text
from rag.catalog import DocumentRow
from rag.dedup import StoryIndex, minhash_of, story_body, to_bytes
from rag.embed_cache import embed_cached
from rag.facts import salient_facts
from rag.index import CorpusIndex
from rag.loaders import LoadFailure, LoadWarning, iter_files, load_file
from rag.reader_version import reader_version
from rag.text.align import SourceMap
from rag.text.keys import publisher_key
from rag.text.normalize import doc_id_for
from rag.types import Chunk, SourceDocument

log = logging.getLogger(__name__)

UPLOAD_PREFIX = "upload:"

#: the metadata a reader gives a document besides its text (which is its id): compared on a re-read
_READ_FIELDS = ("title", "publisher", "published", "url", "language", "authors", "kind")


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    versions: int = 0  # near-identical to an indexed story but with different facts: kept as an update
    removed: int = 0
    failed: list[LoadFailure] = field(default_factory=list)
    chunks_added: int = 0
    chunks_embedded: int = 0
    seconds: float = 0.0
    outcomes: list[dict] = field(default_factory=list)  # per document: doc_id, source_path, status
    warnings: list[LoadWarning] = field(default_factory=list)  # loaded, but with metadata it could not use
    undated: list[str] = field(default_factory=list)  # source paths of indexed documents without a publication date

    def to_dict(self) -> dict:
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
            "duplicates": self.duplicates, "near_duplicates": self.near_duplicates,
            "versions": self.versions, "removed": self.removed,
            "failed": [{"path": f.path, "reason": f.reason} for f in self.failed],
            "chunks_added": self.chunks_added, "chunks_embedded": self.chunks_embedded,
            "seconds": round(self.seconds, 3), "documents": self.outcomes,
            "warnings": [{"path": w.path, "message": w.message} for w in self.warnings],
            "undated": {"count": len(self.undated), "documents": self.undated},
        }



@dataclass
class IngestProgress:
    """An ingest's progress in documents: a file counts as one document until it is read, then as the documents
    it yields (a JSONL file of 5,000 articles moves the bar 5,000 times); ``chunks`` embedded so far."""

    done: int = 0
    total: int = 0
    chunks: int = 0
    name: str = ""


ProgressFn = Callable[[IngestProgress], None]


class _Tracker:
    """Keeps an IngestProgress and reports every change to the caller's callback (no-op without one)."""

    def __init__(self, files: int, fn: ProgressFn | None) -> None:
        self.state = IngestProgress(total=files)
        self.fn = fn

    def file(self, name: str) -> None:
        self.state.name = name
        self._tell()

    def expand(self, docs: int) -> None:
        """The current file yields ``docs`` documents, not the one it was counted as."""
        self.state.total += docs - 1
        self._tell()

    def advance(self, docs: int, chunks: int = 0) -> None:
        self.state.done += docs
        self.state.chunks += chunks
        self._tell()

    def _tell(self) -> None:
        if self.fn:
            self.fn(self.state)


class Ingestor:
    """Adds, replaces and prunes documents of one CorpusIndex."""

    def __init__(self, index: CorpusIndex, *, batch_docs: int | None = None) -> None:
        self.index = index
        self.settings = index.settings
        self.catalog = index.catalog
        self.batch_docs = batch_docs or index.settings.ingest.batch_docs
        self._stories: StoryIndex | None = None
        self._stories_at = -1  # index.writes when the story index was loaded or last written by us

    # -- recovery -------------------------------------------------------------------
    def recover(self) -> int:
        """Undo what a killed run left half-done: pending documents and documents no source yields."""
        leftovers = sorted(set(self.catalog.pending_documents()) | set(self.catalog.orphan_documents()))
        if leftovers:
            log.warning("recovering %d half-ingested documents from an interrupted run", len(leftovers))
            self._delete(leftovers)
        return len(leftovers)

    def _delete(self, doc_ids: list[str]) -> None:
        self.index.store.delete_documents(doc_ids)
        crashpoints.reached("delete")  # vectors gone, catalog rows kept: a rerun (recover) or the same delete again finishes it
        new_leads, new_thread_leads = self.catalog.delete_documents(doc_ids)
        if self._stories is not None:
            for d in doc_ids:
                self._stories.remove(d)
            self._stories.repoint(new_leads, new_thread_leads)
        self._wrote()

    def _wrote(self) -> None:
        """Record a write; another Ingestor's story index is now stale (writers interleave between batches)."""
        self.index.writes += 1
        self._stories_at = self.index.writes

    def _story_index(self) -> StoryIndex:
        if self._stories is None or self._stories_at != self.index.writes:
            dd = self.settings.dedup
            self._stories = StoryIndex(threshold=dd.near_dup_threshold, num_perm=dd.num_perm)
            self._stories.load(self._with_facts(self.catalog.minhashes()))
            self._stories_at = self.index.writes
        return self._stories

    def _with_facts(self, rows):
        """Catalog rows for the story index; documents stored before facts were recorded get them from their text."""
        for doc_id, story, thread, blob, facts in rows:
            if facts is None:
                doc = self.catalog.get_document(doc_id)
                facts = salient_facts(story_body(doc["text"])) if doc else frozenset()
            yield doc_id, story, thread, blob, facts

    # -- public entry points --------------------------------------------------------
    # Reading, chunking and embedding run outside ``index.write_lock``; only the writes (story assignment,
    # catalog, Chroma) hold it, batch by batch, so a large file does not block other uploads and deletes.
    def ingest_paths(self, paths: Iterable[Path], *, prune: bool = False, progress: ProgressFn | None = None) -> IngestReport:
        """Ingest files and directories; with ``prune``, drop documents whose files are gone."""
        started = time.perf_counter()
        report = IngestReport()
        with self.index.write_lock:
            self.recover()
            self.index.store.widen_search()  # an ingest is a write command, even one that finds nothing new
        files = iter_files([Path(p) for p in paths])
        tracker = _Tracker(len(files), progress)
        for path in files:
            tracker.file(str(path))
            self._ingest_file(path.resolve(), report, tracker)
        if prune:
            with self.index.write_lock:
                report.removed += self.prune()
        tracker.file("")
        report.seconds = time.perf_counter() - started
        return report

    def ingest_documents(self, docs: list[SourceDocument], *, source_key: str) -> IngestReport:
        """Ingest already-loaded documents (API uploads) recorded under a synthetic source key."""
        started = time.perf_counter()
        report = IngestReport()
        with self.index.write_lock:
            self.recover()
        sha = hashlib.sha256("".join(d.doc_id for d in docs).encode()).hexdigest()
        self._ingest_loaded(source_key, sha, docs, report)
        report.seconds = time.perf_counter() - started
        return report

    def delete_document(self, doc_id: str) -> bool:
        with self.index.write_lock:
            if self.catalog.get_document(doc_id) is None:
                return False
            # A later ingest of the same, unchanged file should bring the document back.
            self.catalog.mark_files_stale(self.catalog.files_of(doc_id))
            self._delete([doc_id])
            return True

    def prune(self) -> int:
        """Remove documents whose source files no longer exist (uploads are kept)."""
        removed = 0
        for path in sorted(self.catalog.known_files()):
            if path.startswith(UPLOAD_PREFIX) or Path(path).exists():
                continue
            doc_ids = self.catalog.forget_file(path)
            gone = [d for d in doc_ids if self.catalog.doc_source_count(d) == 0]
            self._delete(gone)
            removed += len(gone)
        return removed

    # -- internals -------------------------------------------------------------------
    def _ingest_file(self, path: Path, report: IngestReport, tracker: _Tracker) -> None:
        key = str(path)
        limits = self.settings.limits
        try:
            size = path.stat().st_size
            if size > limits.max_file_bytes:  # before hashing: reading is what the limit saves
                report.failed.append(LoadFailure(key, f"file of {size:,} bytes exceeds limits.max_file_bytes ({limits.max_file_bytes:,})", "limit"))
                tracker.advance(1)
                return
            sha = file_sha256(path)
        except OSError as exc:
            report.failed.append(LoadFailure(key, f"cannot read: {exc}"))
            tracker.advance(1)
            return
        if self.catalog.file_hash(key) == sha and self.catalog.file_reader(key) == reader_version():
            unchanged = len(self.catalog.source_state(key))
            report.unchanged += unchanged
            tracker.expand(unchanged)
            tracker.advance(unchanged)
            return
        docs: list[SourceDocument] = []
        for item in load_file(path, report.warnings, limits):
            if isinstance(item, LoadFailure):
                report.failed.append(item)
            else:
                docs.append(item)
        crashpoints.reached("read")
        tracker.expand(len(docs))
        if not docs and self.catalog.file_hash(key) is None:
            return
        self._ingest_loaded(key, sha, docs, report, tracker)

    def _ingest_loaded(self, key: str, sha: str, docs: list[SourceDocument], report: IngestReport, tracker: _Tracker | None = None) -> None:
        docs = self._outlet_copies(docs)
        entries = [(doc.source_path, doc.doc_id) for doc in docs]
        seen: set[str] = set()
        before = set(self.catalog.source_state(key))  # what this file yielded before this run: only these are "unchanged"
        starts = list(range(0, len(docs), self.batch_docs))
        for start, prepared in zip(starts, self._prepared_batches(docs, starts)):  # no lock: the slow part
            with self.index.write_lock:
                known = self.catalog.file_hash(key) is not None
                fresh: list[_Prepared] = []
                by_id = {p.doc.doc_id: p for p in prepared}
                for doc in docs[start : start + self.batch_docs]:
                    if doc.doc_id in before and doc.doc_id not in seen and self._read_differently(doc):
                        # the same text read with metadata another reader version gives (a new date, title or
                        # publisher): the document is written again, its vectors from the embedding cache
                        self._delete([doc.doc_id])
                    if doc.doc_id in seen or self.catalog.has_document(doc.doc_id):
                        # a repeat inside the file is a duplicate even after its first copy was committed in this run
                        status = "unchanged" if doc.doc_id in before and doc.doc_id not in seen else "duplicate"
                        seen.add(doc.doc_id)
                        if status == "unchanged":
                            report.unchanged += 1
                            self._realign(doc)
                        else:
                            report.duplicates += 1
                        report.outcomes.append({"doc_id": doc.doc_id, "source_path": doc.source_path, "status": status})
                        continue
                    seen.add(doc.doc_id)
                    fresh.append(by_id.get(doc.doc_id) or self._prepare([doc])[0])
                if fresh:
                    self._commit_batch(fresh, sha, report, updated=known)
            if tracker:
                tracker.advance(len(docs[start : start + self.batch_docs]), sum(p.computed for p in prepared))
        crashpoints.reached("file")
        with self.index.write_lock:
            old_ids = set(self.catalog.source_state(key))
            self.catalog.replace_file_sources(key, entries, sha, reader_version())
            stale = [d for d in old_ids - {e[1] for e in entries} if self.catalog.doc_source_count(d) == 0]
            if stale:
                self._delete(stale)

    def _outlet_copies(self, docs: list[SourceDocument]) -> list[SourceDocument]:
        """``docs`` with each exact copy of another outlet's document under its own id (``outlet_copy_id``).

        Documents are keyed by their text, so a republication whose body is identical to a held document's (stored,
        or read earlier in ``docs``) would be that document's duplicate and its outlet lost. A copy read from another
        place whose publisher (``publisher_key``) is another than the holder's is a document of its own: it joins
        the holder's story as a near-duplicate does (``also_reported_by``, the publisher filter). A copy with no
        publisher or the holder's, or the holder read again from its own place, keeps the text's id (a duplicate,
        or unchanged)."""
        holders = self.catalog.holders(d.doc_id for d in docs)
        out = []
        for doc in docs:
            publisher, place = holders.setdefault(doc.doc_id, (doc.publisher, doc.source_path))
            if place != doc.source_path and publisher_key(doc.publisher) not in ("", publisher_key(publisher)):
                doc = replace(doc, doc_id=outlet_copy_id(doc))
            out.append(doc)
        return out

    def _realign(self, doc: SourceDocument) -> None:
        """Store the source map this reader gives an unchanged document when it differs from the stored one (a new
        alignment of the text with its file: citations of a table row covered only some of its cells before)."""
        blob = SourceMap.build(doc.text, doc.origin).to_bytes() if doc.origin is not None else None
        if blob != self.catalog.source_map(doc.doc_id) and self._stored_here(doc) is not None:
            self.catalog.set_source_map(doc.doc_id, blob)

    def _stored_here(self, doc: SourceDocument) -> dict | None:
        """The stored document with ``doc``'s id (same text) when it was read from the same place as ``doc``; None
        when none is stored or another file yielded it first (it is left to that file)."""
        stored = self.catalog.get_document(doc.doc_id)
        return stored if stored is not None and stored.get("source_path") == doc.source_path else None

    def _read_differently(self, doc: SourceDocument) -> bool:
        """Whether the stored document with ``doc``'s id (same text) was read from the same place with other metadata
        (``_READ_FIELDS``) than ``doc`` has now (``_stored_here``)."""
        stored = self._stored_here(doc)
        if stored is None:
            return False
        now = {f: getattr(doc, f) for f in _READ_FIELDS}
        now["authors"] = list(doc.authors)
        return any((stored.get(f) or None) != (now[f] or None) for f in _READ_FIELDS)

    def _prepared_batches(self, docs: list[SourceDocument], starts: list[int]) -> Iterator[list[_Prepared]]:
        """Prepare the batch at each start, one batch ahead: the next batch is chunked and embedded in a worker
        thread while the caller writes this one, so the embedder's threads are not idle during the catalog and Chroma
        writes (a single-threaded 12% of the CPU time of a full-corpus ingest). A document committed meanwhile is
        skipped by the caller's re-check under the write lock; its prepared vectors are dropped."""

        def batch(start: int) -> list[SourceDocument]:
            """The batch's documents not yet held, each copy of the same text once (its first line)."""
            fresh: dict[str, SourceDocument] = {}
            for d in docs[start : start + self.batch_docs]:
                if d.doc_id not in fresh and not self.catalog.has_document(d.doc_id):
                    fresh[d.doc_id] = d
            return list(fresh.values())

        if len(starts) < 2:
            for start in starts:
                yield self._prepare(batch(start))
            return
        ahead = ThreadPoolExecutor(1, thread_name_prefix="ingest-prepare")
        try:
            future = ahead.submit(self._prepare, batch(starts[0]))
            for k in range(len(starts)):
                prepared = future.result()
                if k + 1 < len(starts):
                    future = ahead.submit(self._prepare, batch(starts[k + 1]))
                yield prepared
        finally:
            # On an error or an abandoned generator the batch in flight is not waited for; it writes only cache rows.
            ahead.shutdown(wait=False, cancel_futures=True)

    def _prepare(self, docs: list[SourceDocument]) -> list[_Prepared]:
        """Everything that does not touch the index: dedup signatures, source maps, chunks and their vectors."""
        cs = self.settings.chunking
        out = []
        for doc in docs:
            body = story_body(doc.text)  # bylines, datelines and other page furniture do not make two stories differ
            source_map = SourceMap.build(doc.text, doc.origin).to_bytes() if doc.origin is not None else None
            chunks = chunk_document(doc, chunk_tokens=cs.chunk_tokens, overlap_tokens=cs.overlap_tokens)
            out.append(_Prepared(doc, minhash_of(body, self.settings.dedup.num_perm), salient_facts(body), source_map, chunks))
        all_chunks = [c for p in out for c in p.chunks]
        vectors, computed = embed_cached(
            self.index.embedder, [embedding_text(c) for c in all_chunks], self.index.cache,
            flush_every=self.settings.ingest.embed_flush,
        )
        at = 0
        for p in out:
            p.vectors = vectors[at : at + len(p.chunks)]
            at += len(p.chunks)
        if out:
            out[0].computed = computed
        return out

    def _commit_batch(self, prepared: list[_Prepared], sha: str, report: IngestReport, *, updated: bool) -> None:
        """Under the write lock: assign stories, record the documents, write vectors, commit."""
        stories = self._story_index()
        rows = []
        for p in prepared:
            doc = p.doc
            place = stories.assign(doc.doc_id, p.minhash, p.facts)
            rows.append(DocumentRow(doc, place.story_id, to_bytes(p.minhash), place.thread_id, p.facts, p.source_map))
            if doc.published is None:
                report.undated.append(doc.source_path)
            report.near_duplicates += int(place.duplicate_of is not None)
            report.versions += int(place.version_of is not None)
            if updated:
                report.updated += 1
            else:
                report.added += 1
            status = "near_duplicate" if place.duplicate_of else "version" if place.version_of else ("updated" if updated else "added")
            outcome = {"doc_id": doc.doc_id, "source_path": doc.source_path, "status": status, "story_id": place.story_id}
            if place.version_of:
                outcome["version_of"] = place.version_of
            report.outcomes.append(outcome)
        all_chunks = [c for p in prepared for c in p.chunks]
        self.catalog.begin_documents(rows)
        crashpoints.reached("catalog.begin")
        vectors = np.concatenate([p.vectors for p in prepared]) if all_chunks else np.zeros((0, self.index.embedder.dim), dtype=np.float32)
        self.index.store.upsert(all_chunks, vectors)
        crashpoints.reached("chroma")
        self.catalog.commit_documents({p.doc.doc_id: p.chunks for p in prepared}, [(p.doc.source_path, p.doc.doc_id, sha) for p in prepared])
        crashpoints.reached("catalog")
        self._wrote()
        report.chunks_added += len(all_chunks)
        report.chunks_embedded += sum(p.computed for p in prepared)


def outlet_copy_id(doc: SourceDocument) -> str:
    """The id of ``doc`` as one outlet's copy of a text another outlet's document holds: the text's id
    (``doc_id_for``) made from the text and the outlet's ``publisher_key``, so a re-read gives the same id."""
    return doc_id_for(f"{doc.text}\n\x00outlet: {publisher_key(doc.publisher)}")


@dataclass
class _Prepared:
    """One document ready to write: what ``Ingestor._prepare`` computed outside the lock."""

    doc: SourceDocument
    minhash: object
    facts: frozenset
    source_map: bytes | None
    chunks: list[Chunk]
    vectors: np.ndarray | None = None
    computed: int = 0  # vectors embedded (not from the cache) for this document's batch
