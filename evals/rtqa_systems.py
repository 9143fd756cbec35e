"""The two retrieval systems RealTime QA measures side by side: ours (hybrid) and plain llama-index defaults.

Shared by `brief eval realtimeqa` and `benchmarks/compare_llamaindex.py`, so both measure the same baseline.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from rag.config import Settings
from rag.types import SearchFilters

TOP_K = 10


@dataclass
class Retrieved:
    doc_ids: list[str]  # articles of the top passages, deduplicated in rank order
    passages: list[Any]  # objects with .text, .title, .published (top passages in rank order)
    seconds: float


class HybridSystem:
    """The project's retriever (dense + BM25, RRF, per-article grouping)."""

    name = "techsec-brief hybrid"

    def __init__(self, index) -> None:
        from rag.retrieve import HybridRetriever

        self.retriever = HybridRetriever(index)

    def retrieve(self, question: str, until: str | None, k: int = TOP_K) -> Retrieved:
        t0 = time.perf_counter()
        hits = self.retriever.search(question, k=k, filters=SearchFilters(until=until), context=True)  # the reader reads windows
        return retrieved_from_hits(hits, time.perf_counter() - t0)


def retrieved_from_hits(hits: Sequence[Any], seconds: float) -> Retrieved:
    """A Retrieved from search hits: each passage's text is its context window when the search returned one
    (``retrieval.context_chunks``), else the passage itself."""
    passages = [Passage(h.context[0] if h.context else h.chunk.text, h.chunk.title, h.chunk.published) for h in hits]
    return Retrieved(list(dict.fromkeys(h.chunk.doc_id for h in hits)), passages, seconds)


@dataclass
class Passage:
    text: str
    title: str
    published: str | None


class LlamaIndexBaseline:
    """Plain llama-index: VectorStoreIndex + default SentenceSplitter on its own Chroma collection, same embedder."""

    name = "llama-index VectorStoreIndex"

    def __init__(self, settings: Settings, embedder, collection: str) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaClientSettings
        from llama_index.core import VectorStoreIndex
        from llama_index.vector_stores.chroma import ChromaVectorStore

        from rag.embedding_adapters import LlamaIndexEmbedding

        self.root = Path(settings.data_dir) / "llamaindex-baseline"
        self.root.mkdir(parents=True, exist_ok=True)
        self.collection_name = f"{collection}-llamaindex"
        client = chromadb.PersistentClient(path=str(self.root / "chroma"), settings=ChromaClientSettings(anonymized_telemetry=False))
        self.chroma = client.get_or_create_collection(self.collection_name)
        self.store = ChromaVectorStore(chroma_collection=self.chroma)
        self.embed_model = LlamaIndexEmbedding(embedder)
        self.index = VectorStoreIndex.from_vector_store(self.store, embed_model=self.embed_model)
        self.marker = self.root / f"{self.collection_name}.docs.json"

    def _indexed(self) -> set[str]:
        if self.marker.is_file():
            return set(json.loads(self.marker.read_text(encoding="utf-8")))
        return set()

    def build(self, docs: Sequence[Any], progress: Callable[[str], None] | None = None, batch: int = 32) -> dict:
        """Add the documents not yet in the baseline's collection (resumable: a marker lists finished documents)."""
        from llama_index.core import Document
        from llama_index.core.node_parser import SentenceSplitter

        done = self._indexed()
        todo = [d for d in docs if d.doc_id not in done]
        splitter = SentenceSplitter()  # llama-index defaults: chunk_size=1024, chunk_overlap=200
        t0 = time.perf_counter()
        nodes_added = 0
        for i in range(0, len(todo), batch):
            part = todo[i : i + batch]
            li_docs = []
            for d in part:
                meta = {"doc_id": d.doc_id, "url": d.url or "", "published_int": d.published_int or 0}
                li_docs.append(Document(text=d.text, id_=d.doc_id, metadata=meta,
                                        excluded_embed_metadata_keys=list(meta), excluded_llm_metadata_keys=list(meta)))
            nodes = splitter.get_nodes_from_documents(li_docs)
            self.index.insert_nodes(nodes)
            nodes_added += len(nodes)
            done |= {d.doc_id for d in part}
            self.marker.write_text(json.dumps(sorted(done)), encoding="utf-8")
            if progress:
                progress(f"llama-index baseline: {min(i + batch, len(todo))}/{len(todo)} documents embedded")
        return {"documents": len(done), "documents_added": len(todo), "nodes_added": nodes_added,
                "nodes_total": int(self.chroma.count()), "seconds": round(time.perf_counter() - t0, 1)}

    def retrieve(self, question: str, until: str | None, k: int = TOP_K) -> Retrieved:
        from llama_index.core.vector_stores.types import FilterOperator, MetadataFilter, MetadataFilters

        filters = None
        if until:
            filters = MetadataFilters(filters=[
                MetadataFilter(key="published_int", value=int(until.replace("-", "")), operator=FilterOperator.LTE),
                MetadataFilter(key="published_int", value=0, operator=FilterOperator.GT),  # undated: unknown, excluded
            ])
        t0 = time.perf_counter()
        nodes = self.index.as_retriever(similarity_top_k=k, filters=filters).retrieve(question)
        seconds = time.perf_counter() - t0
        passages = []
        doc_ids = []
        for n in nodes:
            meta = n.node.metadata or {}
            doc_ids.append(meta.get("doc_id") or n.node.ref_doc_id)
            pub = str(meta.get("published_int") or "")
            passages.append(Passage(n.node.get_content(), "", f"{pub[:4]}-{pub[4:6]}-{pub[6:]}" if len(pub) == 8 else None))
        return Retrieved(list(dict.fromkeys(doc_ids)), passages, seconds)
