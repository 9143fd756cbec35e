"""Typing quoted sentences with the sentence-role classifier (``rag.roles``): the inputs it wants from a passage.

The classifier takes each sentence's position in its document, the document's type and its MiniLM embedding.
Passages carry what is needed: the document type comes from the chunk's metadata (and, for a document's first
chunk, its opening text) through ``rag.writers.source_types``; the position is known only in a document's first
chunk (index among that chunk's sentences, counted over the chunk: ledes and bylines are what position tells
apart); the embedding is reused when the writer's own embedder is the classifier's model, else the classifier
embeds with the bundled MiniLM, one batched call. The model was fitted on English sentences: text in another
language is left untyped (every section takes it, as before), not typed by a model that cannot read it.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from rag.role_features import Position
from rag.roles import NEVER, RolePrediction, classify, load_model
from rag.text.language import detect_language
from rag.types import Chunk
from rag.writers.source_types import DOCUMENT_TYPE_KEY, source_type

__all__ = ["NEVER", "DOC_TYPE_OF", "ROLE_LANGUAGES", "doc_type", "position", "sentence_roles", "typable"]

#: languages the role model was fitted on (rag/assets/role_model.json: the English roles set)
ROLE_LANGUAGES = frozenset({"en"})

#: rag.writers.source_types type -> the classifier's doc type (rag.role_features.DOC_TYPES)
DOC_TYPE_OF = {"news": "news report", "analysis": "analysis-opinion", "official": "official statement",
               "generated": "generated brief"}


def doc_type(chunk: Chunk) -> str:
    """The classifier's doc type of a chunk's document: the type the engine read from the whole document
    (``DOCUMENT_TYPE_KEY`` of its metadata, ``Engine._doc_facts``), else from its metadata (a first chunk's text adds
    its cues). Every chunk of a document has its type: an institute's report typed analysis by its opening's "We
    find …" is analysis in its later chunks too, not news."""
    known = chunk.metadata.get(DOCUMENT_TYPE_KEY)
    if known in DOC_TYPE_OF:
        return DOC_TYPE_OF[known]
    return DOC_TYPE_OF[source_type(chunk.metadata, chunk.text if chunk.index == 0 else "")]


def typable(chunk: Chunk) -> bool:
    """Whether the role classifier can read the chunk's document: its language (metadata, else detected) is one
    of ROLE_LANGUAGES, or unknown."""
    lang = chunk.metadata.get("language") or detect_language(chunk.text)
    return lang is None or lang in ROLE_LANGUAGES


def position(chunk: Chunk, index: int, count: int) -> Position | None:
    """(index, count) of a sentence among its chunk's sentences when the chunk opens its document, else None."""
    return (index, count) if chunk.index == 0 and chunk.start == 0 else None


def sentence_roles(texts: Sequence[str], *, positions: Sequence[Position | None], doc_types: Sequence[str | None],
                   vectors: np.ndarray | None = None, model_id: str | None = None) -> list[RolePrediction]:
    """One RolePrediction per text (one batched classifier call); ``vectors`` are reused when ``model_id`` is the
    role model's embedding model, else the classifier embeds the texts itself."""
    if not texts:
        return []
    reuse = vectors is not None and model_id is not None and model_id == load_model().embedding_model_id
    preds = classify(list(texts), positions=list(positions), doc_type=list(doc_types),
                     embeddings=np.asarray(vectors, dtype=np.float64) if reuse else None)
    return preds
