"""Sentence-aware, token-bounded chunks whose character spans point into the normalized document text."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from rag.text.normalize import embed_form
from rag.types import Chunk, SourceDocument

_SPACES = re.compile(r"\s*")


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
    text = doc.text
    prev_start, prev_end = -1, 0
    for node in nodes:
        content = node.get_content()
        if not content.strip():
            continue
        # llama-index places a chunk at the *first* occurrence of its text in the document, which is wrong
        # when text repeats. Chunks are consecutive: the next one starts after the previous chunk's start and
        # no later than the first non-space character after its end; take the last match in that window
        # (full coverage, least overlap), else the first match further on.
        limit = _SPACES.match(text, prev_end).end()
        start = text.rfind(content, prev_start + 1, limit + len(content))
        if start < 0:
            start = text.find(content, prev_start + 1)
        if start < 0:
            # Only earlier occurrences: a piece the splitter re-emitted (it does so for very long unbroken
            # runs); skip it unless it reaches past what the previous chunks already cover.
            start = text.rfind(content, 0, prev_start + len(content))
            if start < 0 or start + len(content) <= prev_end:
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
        prev_start, prev_end = start, end
    return chunks


def embedding_text(chunk: Chunk) -> str:
    """What the embedder sees: title and passage (the title gives every passage its article's context), in
    compatibility form so "ＳＭＩＣ" embeds as "SMIC"; the stored chunk text keeps its NFC store form."""
    return embed_form(f"{chunk.title}\n{chunk.text}" if chunk.title else chunk.text)
