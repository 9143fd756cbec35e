"""Chroma vectors of one collection: embedded PersistentClient by default, HttpClient by setting.

Writes go through llama-index's ChromaVectorStore (its node layout is what the collection holds); reads and
deletes talk to the Chroma collection directly, so searching never imports llama-index. A store opened ``lazy``
(as ``rag.index.CorpusIndex`` opens it) imports chromadb (≈ 0.6 s of a new process's CPU) and opens the collection
on first use, and answers an unfiltered nearest-neighbour query from its ``exact`` searcher when that has one (the
snapshot's chunk matrix, ``rag.exact_dense``): a search of the embedded store then never imports chromadb.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from rag import crashpoints
from rag.config import ChromaSettings, Settings
from rag.embeddings import Embedder
from rag.errors import ConfigError, IndexMismatchError
from rag.text.keys import publisher_key
from rag.types import Chunk, SearchFilters, day_number

#: v2: every chunk carries ``publisher_key``; v1 collections (names only) are still read, see ``filters_to_where``.
SCHEMA_VERSION = 2
_READABLE_SCHEMAS = (1, 2)

#: How a new collection's HNSW index is built and searched (Chroma's collection configuration, set at creation; an
#: existing collection keeps the rest of its own; its ``ef_search`` is raised to this one's by its next write,
#: ``VectorStore.widen_search``).
#: Chroma builds the graph in a racy order, so two ingests of the same data make different graphs, and at its default
#: ef_search (100) they return different nearest neighbours (3 % of the dev questions' dense top 10 on a 300-article
#: slice, 7 % of them miss an exact top-10 neighbour over the full corpus). A search list of 400 makes the search
#: near exact whatever the graph (slice: 379-380 of 380 top 10s identical on two ingests; full corpus: 98.7 % exact)
#: for ~0.5 ms of CPU a search; ``num_threads: 1`` is accepted but not kept by chromadb 1.5 and changed nothing
#: (benchmarks/hnsw_determinism.py, benchmarks/full_corpus.md).
HNSW_CONFIG: dict[str, Any] = {"space": "cosine", "ef_search": 400}


def make_client(settings: Settings):
    """A Chroma client for the configured mode."""
    import chromadb
    from chromadb.config import Settings as ChromaClientSettings

    cs: ChromaSettings = settings.chroma
    client_settings = ChromaClientSettings(anonymized_telemetry=False, allow_reset=False)
    if cs.mode == "embedded":
        path = settings.data_dir / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=client_settings)
    headers = {"Authorization": f"Bearer {cs.token.get_secret_value()}"} if cs.token else None
    try:
        return chromadb.HttpClient(host=cs.host, port=cs.port, ssl=cs.ssl, headers=headers, settings=client_settings)
    except Exception as exc:  # chromadb raises plain Exception/ValueError on connection failure
        raise ConfigError(
            f"Cannot reach the Chroma server at {cs.host}:{cs.port}: {exc}",
            help_message="start it with `chroma run --path DIR --host HOST --port PORT` or set BRIEF_CHROMA__MODE=embedded",
        ) from exc


def filters_to_where(filters: SearchFilters | None, *, keyed: bool = True) -> dict[str, Any] | None:
    """SearchFilters → a Chroma ``where`` clause (None when nothing is filtered).

    ``keyed``: match publishers on the stored ``publisher_key``; otherwise (v1 collections, whose chunks have no
    key) on the exact stored names, so the caller must pass the stored spellings (``Catalog.publisher_names``).
    """
    if filters is None or filters.is_empty():
        return None
    parts: list[dict[str, Any]] = []
    if filters.since:  # undated documents are stored as 0, which the lower bound already excludes
        parts.append({"published_int": {"$gte": day_number(filters.since)}})
    if filters.dated_since:  # undated documents (0) pass a bound of dated ones
        parts.append({"$or": [{"published_int": {"$gte": day_number(filters.dated_since)}}, {"published_int": 0}]})
    if filters.until:
        parts.append({"published_int": {"$lte": day_number(filters.until)}})
        if not filters.since:  # undated documents (0) must not pass an "until" bound: their date is unknown
            parts.append({"published_int": {"$gt": 0}})
    if filters.publishers:
        if keyed:
            keys = sorted({publisher_key(p) for p in filters.publishers} - {""})
            parts.append({"publisher_key": {"$in": keys or [""]}})
        else:
            # an empty IN list is an error in Chroma; a name no chunk has keeps "nothing matches" meaning nothing
            names = sorted(set(filters.publishers)) or ["\u0000"]
            parts.append({"publisher": {"$in": names}})
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"$and": parts}


@dataclass
class DenseResult:
    chunk_id: str
    similarity: float


class VectorStore:
    """The chunk vectors of one collection, tagged with the embedding model that made them."""

    def __init__(self, settings: Settings, embedder: Embedder, *, collection: str | None = None,
                 hnsw: dict[str, Any] | None = None, lazy: bool = False,
                 exact: Callable[[], Any] | None = None) -> None:
        """Open the collection, creating it (HNSW built as ``HNSW_CONFIG`` updated by ``hnsw``) when missing;
        IndexMismatchError when it was embedded by another model or has an unreadable schema. ``lazy``: open it (and
        check it) on first use instead. ``exact``: returns a searcher with ``query(vector, k=, filters=)`` for the
        collection's current chunks (``rag.exact_dense.ExactDense``), or None when there is none (then Chroma's
        HNSW answers); asked by each unfiltered ``query``."""
        self._settings = settings
        self.name = collection or settings.chroma.collection
        self._embedder = embedder
        self._hnsw = hnsw
        self._exact = exact
        self._write_lock = threading.Lock()
        self._open_lock = threading.Lock()
        self._collection = None
        self._keyed = True
        self._writer = None  # llama-index's ChromaVectorStore, made on the first write (ingest only)
        self._widened = False  # whether this process's first write has checked ef_search (``widen_search``)
        if not lazy:
            self._open()

    def _open(self):
        """The Chroma collection, opened (and created when missing) and checked on first use."""
        if self._collection is not None:
            return self._collection
        with self._open_lock:
            if self._collection is None:
                self._collection = self._open_collection()
        return self._collection

    def _open_collection(self):
        from rag.chroma_embedding import ChromaEmbeddingFunction  # imports chromadb

        client = make_client(self._settings)
        embedder = self._embedder
        expected = {"embed_model": embedder.model_id, "embed_dim": embedder.dim, "schema_version": SCHEMA_VERSION}
        if getattr(embedder, "graph_sha256", None):  # the exact ONNX graph that embedded it (informational)
            expected["embed_graph_sha256"] = embedder.graph_sha256
        try:
            col = client.get_collection(self.name, embedding_function=ChromaEmbeddingFunction(embedder))
        except Exception:
            col = None
        if col is None:
            col = client.get_or_create_collection(
                self.name,
                embedding_function=ChromaEmbeddingFunction(embedder),
                metadata=expected,
                configuration={"hnsw": {**HNSW_CONFIG, **(self._hnsw or {})}},
            )
        meta = col.metadata or {}
        if meta.get("embed_model") != embedder.model_id or int(meta.get("embed_dim", -1)) != embedder.dim:
            raise IndexMismatchError(
                f"Collection '{self.name}' was built with embedding model {meta.get('embed_model')!r} "
                f"(dim {meta.get('embed_dim')}), but {embedder.model_id!r} (dim {embedder.dim}) is configured.",
                help_message="use the same embedding settings, or a new collection / data directory (BRIEF_CHROMA__COLLECTION, BRIEF_DATA_DIR)",
            )
        if int(meta.get("schema_version", SCHEMA_VERSION)) not in _READABLE_SCHEMAS:
            raise IndexMismatchError(
                f"Collection '{self.name}' has schema v{meta.get('schema_version')}, expected v{SCHEMA_VERSION}.",
                help_message="re-ingest into a new collection",
            )
        #: chunks carry ``publisher_key`` (v2); False for v1 collections, whose filters match stored names
        self._keyed = int(meta.get("schema_version", SCHEMA_VERSION)) >= 2
        return col

    @property
    def collection(self):
        """The Chroma collection (opened on first use)."""
        return self._open()

    @property
    def keyed(self) -> bool:
        """Whether chunks carry ``publisher_key`` (schema v2); False for v1 collections, whose filters match names."""
        self._open()
        return self._keyed

    @keyed.setter
    def keyed(self, value: bool) -> None:
        self._open()
        self._keyed = value

    def _store(self):
        if self._writer is None:
            from llama_index.vector_stores.chroma import ChromaVectorStore

            self._writer = ChromaVectorStore(chroma_collection=self.collection)
        return self._writer

    def _before_write(self) -> None:
        if not self._widened:  # once, on this process's first write: a read never changes the collection
            self.widen_search()

    def widen_search(self) -> bool:
        """Raise the collection's HNSW ``ef_search`` to ``HNSW_CONFIG``'s when it is lower (a collection made before
        it was set keeps Chroma's 100 until modified; ``ef_search`` is the one search setting Chroma lets an existing
        collection change). True when it was raised; called on a process's first write (or by ``brief ingest``
        before it writes anything), never by a search; once done, later writes do not check again."""
        self._widened = True
        wanted = int(HNSW_CONFIG["ef_search"])
        have = self.hnsw_configuration().get("ef_search")
        if have is None or int(have) >= wanted:  # a server that does not report it is left alone
            return False
        self.collection.modify(configuration={"hnsw": {"ef_search": wanted}})
        return True

    # -- writes (serialized within the process) ---------------------------------
    def upsert(self, chunks: list[Chunk], vectors: np.ndarray, extra_meta: dict[str, dict[str, Any]] | None = None) -> None:
        """Replace the chunks of every document in ``chunks`` with these."""
        from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

        nodes = []
        for chunk, vec in zip(chunks, vectors):
            meta = dict(chunk.metadata)
            meta.update({"chunk_index": chunk.index, "span_start": chunk.start, "span_end": chunk.end})
            meta.update((extra_meta or {}).get(chunk.doc_id, {}))
            node = TextNode(
                id_=chunk.chunk_id,
                text=chunk.text,
                metadata=meta,
                embedding=vec.tolist(),
                start_char_idx=chunk.start,
                end_char_idx=chunk.end,
                excluded_embed_metadata_keys=list(meta),
                excluded_llm_metadata_keys=list(meta),
            )
            node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=chunk.doc_id)
            nodes.append(node)
        self._before_write()
        with self._write_lock:
            for doc_id in sorted({c.doc_id for c in chunks}):
                self._delete(doc_id)
            crashpoints.reached("chroma.deleted")
            # Two adds split at a document boundary, so crash tests can stop a batch half-written ("chroma.part").
            half = _document_boundary(chunks)
            if half:
                self._store().add(nodes[:half])
                crashpoints.reached("chroma.part")
                self._store().add(nodes[half:])
            elif nodes:
                self._store().add(nodes)

    def delete_documents(self, doc_ids: list[str]) -> None:
        self._before_write()
        with self._write_lock:
            for doc_id in doc_ids:
                self._delete(doc_id)

    def _delete(self, doc_id: str) -> None:
        # what ChromaVectorStore.delete does: its nodes record the source document as ``document_id``
        self.collection.delete(where={"document_id": doc_id})

    # -- reads ---------------------------------------------------------------------
    def query(self, vector: np.ndarray, *, k: int, filters: SearchFilters | None = None) -> list[DenseResult]:
        """The k nearest chunks, best first; on a v1 collection ``filters.publishers`` must be the stored spellings.
        Unfiltered, the ``exact`` searcher answers when it has the collection's chunks, else Chroma's HNSW."""
        if filters is None or filters.is_empty():
            searcher = self._exact() if self._exact is not None else None
            if searcher is not None:
                return searcher.query(vector, k=k)
        return self.hnsw_query(vector, k=k, filters=filters)

    def hnsw_query(self, vector: np.ndarray, *, k: int, filters: SearchFilters | None = None) -> list[DenseResult]:
        """The k nearest chunks by Chroma's (approximate) HNSW index, with its metadata filter."""
        where = filters_to_where(filters, keyed=self.keyed)
        try:
            # Chroma 1.x returns at most the collection's size (nothing when empty); asking for its count first
            # cost 4 ms of CPU per search over 44k chunks, more than the nearest-neighbour query itself.
            res = self._nearest(vector, k, where)
        except Exception:  # older Chroma servers refuse n_results above the collection's size
            n = self.count()
            if n >= k:
                raise
            if n == 0:
                return []
            res = self._nearest(vector, n, where)
        ids = res["ids"][0] if res.get("ids") else []
        dists = res["distances"][0] if res.get("distances") else [1.0] * len(ids)
        # cosine space: distance = 1 - cosine similarity
        return [DenseResult(chunk_id=i, similarity=1.0 - float(d)) for i, d in zip(ids, dists)]

    def _nearest(self, vector: np.ndarray, n: int, where: dict[str, Any] | None) -> dict:
        # ids and distances only: texts and metadata come from the catalog, one query for every hit
        return self.collection.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)], n_results=n, where=where, include=["distances"],
        )

    def hnsw_configuration(self) -> dict[str, Any]:
        """The collection's HNSW settings as Chroma stores them ({} when the server does not report them)."""
        conf = getattr(self.collection, "configuration", None) or {}
        return dict(conf.get("hnsw") or {}) if isinstance(conf, dict) else {}

    def count(self) -> int:
        return int(self.collection.count())

    def chunk_documents(self, page: int = 5000) -> dict[str, str]:
        """chunk id → the ``doc_id`` its metadata names ("" if none), for every vector in the collection."""
        out: dict[str, str] = {}
        offset = 0
        while True:
            got = self.collection.get(include=["metadatas"], limit=page, offset=offset)
            ids = got["ids"] or []
            for cid, meta in zip(ids, got["metadatas"] or [{}] * len(ids)):
                out[cid] = str((meta or {}).get("doc_id") or "")
            if len(ids) < page:
                return out
            offset += page

    def delete_ids(self, chunk_ids: list[str]) -> None:
        """Delete vectors by chunk id (orphans no catalog row names)."""
        self._before_write()
        with self._write_lock:
            for start in range(0, len(chunk_ids), 5000):
                self.collection.delete(ids=chunk_ids[start : start + 5000])

    def doc_ids(self) -> set[str]:
        got = self.collection.get(include=["metadatas"])
        return {m.get("doc_id") for m in got["metadatas"] or []}


def _document_boundary(chunks: list[Chunk]) -> int:
    """Index of the first chunk of the middle document (chunks grouped by document); 0 for fewer than two documents."""
    firsts: dict[str, int] = {}
    for i, c in enumerate(chunks):
        firsts.setdefault(c.doc_id, i)
    starts = sorted(firsts.values())
    return starts[len(starts) // 2] if len(starts) > 1 else 0
