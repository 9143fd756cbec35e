"""One corpus index in a data directory: catalog + Chroma vectors + embedding cache + BM25, opened together."""

from __future__ import annotations

import shutil
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

from rag import crashpoints
from rag.catalog import Catalog
from rag.config import Settings
from rag.embed_cache import CACHE_FILE, EmbeddingCache
from rag.embeddings import Embedder, get_embedder
from rag.lexical import LexicalIndex, StaleIndexError
from rag.store import VectorStore


class QueryVectors:
    """A bounded LRU of query text → embedding: a query asked again (another filter, a follow-up page, the ask
    path after a search) skips the model, which is a quarter of a warm search's CPU."""

    def __init__(self, embedder: Embedder, *, size: int = 256) -> None:
        self._embedder = embedder
        self._size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> np.ndarray:
        """The (dim,) float32 unit vector of ``text`` as the embedder makes it; read-only (it is shared)."""
        with self._lock:
            vec = self._vectors.get(text)
            if vec is not None:
                self._vectors.move_to_end(text)
                return vec
        vec = np.array(self._embedder.embed([text])[0], dtype=np.float32)
        vec.setflags(write=False)
        with self._lock:
            self._vectors[text] = vec
            if len(self._vectors) > self._size:
                self._vectors.popitem(last=False)
        return vec

    def clear(self) -> None:
        with self._lock:
            self._vectors.clear()


class CorpusIndex:
    """Everything one collection needs; ``collection`` lets evals keep a separate corpus beside the main one."""

    def __init__(self, settings: Settings, *, collection: str | None = None, embedder: Embedder | None = None,
                 hnsw: dict | None = None) -> None:
        """Open (or create) the collection's catalog, vectors and caches; ``hnsw`` overrides
        ``rag.store.HNSW_CONFIG`` for a collection created now (benchmarks compare build settings)."""
        self.settings = settings
        self.collection = collection or settings.chroma.collection
        root = settings.data_dir / "collections" / self.collection
        self.root = root
        self.embedder = embedder or get_embedder(settings.embedding)
        self.catalog = Catalog(root / "catalog.sqlite")
        recorded = self.catalog.get_meta("embed_model")
        if recorded is None:
            self.catalog.set_meta("embed_model", self.embedder.model_id)
        elif recorded != self.embedder.model_id:
            from rag.errors import IndexMismatchError

            raise IndexMismatchError(
                f"Data directory {root} was built with embedding model {recorded!r}; {self.embedder.model_id!r} is configured.",
                help_message="use the embedding settings it was built with, or another BRIEF_DATA_DIR / collection",
            )
        #: opened on first use (a search whose dense side is exact never opens Chroma, nor imports it)
        self.store = VectorStore(settings, self.embedder, collection=self.collection, hnsw=hnsw, lazy=True,
                                 exact=self.exact_searcher)
        #: embeddings of recent queries (the texts as passed, i.e. already in ``embed_form``)
        self.query_vectors = QueryVectors(self.embedder)
        self.cache = EmbeddingCache(settings.data_dir / CACHE_FILE)
        self.write_lock = threading.RLock()
        self.writes = 0  # bumped under write_lock by every ingest batch and delete (Ingestor reloads its story index)
        self._lexical: tuple[str, LexicalIndex] | None = None
        self._lexical_lock = threading.Lock()

    def snapshot_id(self) -> str:
        return self.catalog.snapshot_id()

    def lexical(self) -> LexicalIndex:
        """The BM25 index of the current snapshot: loaded from disk, or built and saved once."""
        snap = self.snapshot_id()
        with self._lexical_lock:
            if self._lexical and self._lexical[0] == snap:
                return self._lexical[1]
            path = self.root / "bm25" / snap
            lex = None
            if (path / "rows.json").is_file():
                try:
                    lex = LexicalIndex.load(path)
                except (StaleIndexError, ValueError, OSError):
                    lex = None  # built by an older analyzer, or damaged: rebuild below
            if lex is None:
                lex = LexicalIndex.build(self.catalog.all_chunks())
                crashpoints.reached("bm25")
                lex.save(path)
                self._prune_bm25(keep=snap)
            self._lexical = (snap, lex)
            return lex

    def exact_searcher(self):
        """The exact searcher (``rag.exact_dense``) of the current snapshot when the store is embedded and set to
        search exactly (``chroma.search``); None otherwise, then Chroma's HNSW answers. Its matrix is loaded from disk
        (memory-mapped), or, for an index saved before the matrix was kept, read from the collection once and saved,
        as a dated search does (5-15 s over 44k chunks, that once; `brief ingest` saves it after writing)."""
        if self.settings.chroma.mode != "embedded" or self.settings.chroma.search != "exact":
            return None
        from rag.exact_dense import ExactDense, exact_dense

        if not self.lexical().chunk_ids:  # nothing indexed: nothing to find (the caller says whether it is empty)
            return ExactDense(np.zeros((0, self.embedder.dim), np.float32), [], np.zeros(0, np.int64))
        return exact_dense(self)

    def bm25_path(self, snapshot: str | None = None) -> Path:
        """Directory of the BM25 index of ``snapshot`` (default: the current one)."""
        return self.root / "bm25" / (snapshot or self.snapshot_id())

    def refresh_lexical(self) -> None:
        """Build and save the current snapshot's BM25 index and its date-ordered vectors (``rag.exact_dense``) unless
        they are already on disk (after an ingest, so the first search does not pay for them: reading 44k vectors
        takes 5–15 s), and drop the indexes of earlier snapshots a killed build left behind."""
        from rag.exact_dense import VECTORS_FILE, exact_dense

        snap = self.snapshot_id()
        if (self.bm25_path(snap) / "rows.json").is_file():
            self._prune_bm25(keep=snap)
        else:
            self.lexical()
        if not (self.bm25_path(snap) / VECTORS_FILE).is_file():
            exact_dense(self)

    def rebuild_lexical(self) -> None:
        """Drop every saved BM25 index (current, earlier snapshots, interrupted writes) and build the current one."""
        with self._lexical_lock:
            self._lexical = None
            shutil.rmtree(self.root / "bm25", ignore_errors=True)
        self.lexical()

    def _prune_bm25(self, keep: str) -> None:
        base = self.root / "bm25"
        for child in base.iterdir() if base.is_dir() else []:
            if child.name != keep:
                shutil.rmtree(child, ignore_errors=True)

    def close(self) -> None:
        self.catalog.close()
        self.cache.close()


_OPEN: dict[tuple[Path, str, str], CorpusIndex] = {}
_OPEN_LOCK = threading.Lock()


def open_index(settings: Settings, *, collection: str | None = None) -> CorpusIndex:
    """A process-wide CorpusIndex per (data dir, collection, embedder)."""
    key = (settings.data_dir.resolve(), collection or settings.chroma.collection, settings.embedding.model_dump_json())
    with _OPEN_LOCK:
        if key not in _OPEN:
            _OPEN[key] = CorpusIndex(settings, collection=collection)
        return _OPEN[key]


def close_all() -> None:
    with _OPEN_LOCK:
        for idx in _OPEN.values():
            idx.close()
        _OPEN.clear()
