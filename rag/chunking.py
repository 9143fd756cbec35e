"""Sentence-aware, token-bounded chunks whose character spans point into the normalized document text."""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from rag.types import Chunk, SourceDocument


@lru_cache(maxsize=1)
def _token_encoder() -> Callable[[str], list[int]]:
    import tiktoken

    return tiktoken.get_encoding("cl100k_base").encode


def count_tokens(text: str) -> int:
    """tiktoken (cl100k_base) token count."""
    return len(_token_encoder()(text))


@lru_cache(maxsize=8)
def _splitter(chunk_tokens: int, overlap_tokens: int):
    from llama_index.core.node_parser import SentenceSplitter

    return SentenceSplitter(
        chunk_size=chunk_tokens,
        chunk_overlap=min(overlap_tokens, chunk_tokens // 2),
        tokenizer=_token_encoder(),
        include_metadata=False,
        include_prev_next_rel=False,
    )


def chunk_id_for(doc_id: str, index: int) -> str:
    """Chunk ids derive from the content-hash document id, so they are stable across runs."""
    return f"{doc_id}-{index:04d}"


def chunk_document(doc: SourceDocument, *, chunk_tokens: int = 256, overlap_tokens: int = 32) -> list[Chunk]:
    """Split a document with llama-index's SentenceSplitter and locate each chunk's exact span."""
    from llama_index.core.schema import Document

    nodes = _splitter(chunk_tokens, overlap_tokens).get_nodes_from_documents([Document(text=doc.text, id_=doc.doc_id)])
    meta = doc.metadata()
    chunks: list[Chunk] = []
    cursor = 0
    for node in nodes:
        content = node.get_content()
        start = node.start_char_idx
        if start is None or doc.text[start : start + len(content)] != content:
            # The splitter could not place the chunk; search from the previous chunk's start.
            start = doc.text.find(content, max(0, cursor - len(content)))
            if start < 0:
                start = doc.text.find(content)
        if start < 0 or not content.strip():
            continue
        end = start + len(content)
        chunks.append(
            Chunk(
                chunk_id=chunk_id_for(doc.doc_id, len(chunks)),
                doc_id=doc.doc_id,
                text=content,
                start=start,
                end=end,
                index=len(chunks),
                metadata=meta,
            )
        )
        cursor = start
    return chunks


def embedding_text(chunk: Chunk) -> str:
    """What the embedder and BM25 see: the title gives every passage its article's context."""
    return f"{chunk.title}\n{chunk.text}" if chunk.title else chunk.text
