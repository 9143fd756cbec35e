"""On-topic evidence for a brief: which documents are about the topic (its actors and its story), not just its words.

A brief quotes a sentence only when its *document* is on-topic; relevance, diversity and coverage then rank
sentences among on-topic documents only. Per document (its title and the sentences it contributes):

- **actors**: the share of the topic's actors (places, people, organisations: ``key_terms`` of kind ``entity``,
  read with ``topic=False`` so a capitalised first word is not taken for a name) the document names;
- **meaning**: the cosine between the topic and the document (the normalised mean of its sentence vectors).

The cut is relative to the best document, not a tuned threshold: a document is on-topic when it names as many of
the topic's actors as the best-covered document does (one fewer when the topic names three or more: a story can
leave one actor implicit), and its meaning is within ``DOC_GAP`` of the closest document's (``DOC_GAP`` is the
gap the writer already uses between on- and off-topic sentences, ``ExtractiveWriter.REL_FLOOR_GAP``, so no new
constant is fitted). A document that shares the topic's vocabulary but names another pair of actors (the
US–Japan story in a brief on Japan's curbs on Korea) fails the first test; one that names the actors of another
story in the same region fails the second.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from rag.writers.key_terms import key_terms, stems

__all__ = ["DOC_GAP", "DocTopicality", "topic_actors", "topical_documents"]

DOC_GAP = 0.20


@dataclass(frozen=True)
class DocTopicality:
    """One document's actor share, its cosine to the topic and whether it is on-topic."""

    doc_id: str
    actors: float
    meaning: float
    on_topic: bool


def topic_actors(topic: str) -> list[str]:
    """Stems of the actors a topic names (places, people, organisations), without repeats."""
    return list(dict.fromkeys(t.stem for t in key_terms(topic, topic=False) if t.kind == "entity"))


def topical_documents(topic: str, doc_ids: Sequence[str], sentence_stems: Sequence[set[str]], vectors: np.ndarray,
                      topic_vector: np.ndarray, titles: dict[str, str]) -> dict[str, DocTopicality]:
    """doc id -> DocTopicality, from each sentence's document id, stems and unit vector (aligned), the topic's
    unit vector and each document's title."""
    actors = topic_actors(topic)
    rows: dict[str, list[int]] = {}
    for i, d in enumerate(doc_ids):
        rows.setdefault(d, []).append(i)
    share: dict[str, float] = {}
    meaning: dict[str, float] = {}
    for d, idx in rows.items():
        named = set(stems(titles.get(d) or "")).union(*(sentence_stems[i] for i in idx))
        share[d] = sum(1 for a in actors if a in named) / len(actors) if actors else 1.0
        mean = np.asarray(vectors[idx], dtype=np.float64).mean(axis=0)
        norm = float(np.linalg.norm(mean))
        meaning[d] = float(mean @ topic_vector) / norm if norm else 0.0
    if not rows:
        return {}
    need = max(share.values()) - (1.0 / len(actors) if len(actors) >= 3 else 0.0) - 1e-9
    floor = max(meaning.values()) - DOC_GAP
    return {d: DocTopicality(d, share[d], meaning[d], share[d] >= need and meaning[d] >= floor) for d in rows}
