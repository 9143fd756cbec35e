"""Near-duplicate detection (the same wire story republished) with MinHash LSH from datasketch.

Articles are compared by their bodies (``story_body``: bylines, datelines, "(updated)" markers, copyright,
"Related:" lines and correction or editor's notes removed). MinHash finds candidates; a candidate whose salient facts (``rag.facts``) differ is a
*version* of the story (an update or correction), kept as its own story in the same thread, never a duplicate.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from functools import cache
from typing import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from rag.text.datelines import without_dateline
from rag.text.editorial_notes import note_pattern
from rag.text.teasers import teaser_pattern
from rag.text.lexicon import table
from rag.text.normalize import match_form
from rag.text.scripts import WORD_OR_CJK_CHAR

# datasketch >= 2.0 refuses hash values without their permutation scheme; pin it so stored sketches stay comparable.
_SCHEME = {"scheme": "affine32"} if "scheme" in inspect.signature(MinHash.__init__).parameters else {}


@cache
def _boilerplate() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    data = table("boilerplate")
    return (
        [re.compile(p, re.IGNORECASE) for p in [*data["lines"], note_pattern(), teaser_pattern()]],
        [re.compile(p, re.IGNORECASE) for p in data["inline"]],
    )


def story_body(text: str) -> str:
    """The article without page furniture (patterns in ``rag/text/data/boilerplate.toml``, the correction notes of
    ``correction_notes.toml`` and the links to other stories of ``teaser_labels.toml``; each line's opening
    dateline by ``rag.text.datelines.without_dateline``), lines kept in order."""
    whole, inline = _boilerplate()
    kept: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line or any(p.search(line) for p in whole):
            continue
        for p in inline:
            line = p.sub("", line).strip()
        line = without_dateline(line).strip()
        if line:
            kept.append(line)
    return "\n".join(kept)


def shingles(text: str, n: int = 5) -> set[bytes]:
    """Word n-gram shingles of the text in its matching form (case, width and ligatures folded); each CJK
    character counts as a word."""
    words = WORD_OR_CJK_CHAR.findall(match_form(text))
    if len(words) < n:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + n]).encode() for i in range(len(words) - n + 1)}


def minhash_of(text: str, num_perm: int = 128) -> MinHash:
    mh = MinHash(num_perm=num_perm, seed=1, **_SCHEME)
    mh.update_batch(list(shingles(text)))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(blob: bytes, num_perm: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=1, hashvalues=np.frombuffer(blob, dtype=np.uint64), **_SCHEME)


@dataclass(frozen=True)
class Placement:
    """Where a new document goes: its story (duplicates share one) and thread (versions of a story share one)."""

    story_id: str
    thread_id: str
    duplicate_of: str | None = None  # the indexed document it repeats, facts and all
    version_of: str | None = None  # the indexed document it updates: near-identical body, different facts


class StoryIndex:
    """Maps each document to a story and a thread; a new document joins the story of an indexed near-duplicate
    with the same facts, or opens a new story in the thread of one whose facts differ."""

    def __init__(self, *, threshold: float = 0.8, num_perm: int = 128) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._story: dict[str, str] = {}
        self._thread: dict[str, str] = {}
        self._facts: dict[str, frozenset[str]] = {}
        self._hashes: dict[str, MinHash] = {}

    def load(self, rows: Iterable[tuple[str, str, str, bytes, frozenset[str]]]) -> None:
        """Register indexed documents: (doc_id, story_id, thread_id, minhash bytes, facts)."""
        for doc_id, story_id, thread_id, blob, facts in rows:
            if doc_id in self._story:
                continue
            self._register(doc_id, from_bytes(blob, self.num_perm), story_id, thread_id or story_id, facts)

    def _register(self, doc_id: str, mh: MinHash, story: str, thread: str, facts: frozenset[str]) -> None:
        self._lsh.insert(doc_id, mh)
        self._story[doc_id] = story
        self._thread[doc_id] = thread
        self._facts[doc_id] = facts
        self._hashes[doc_id] = mh

    def assign(self, doc_id: str, mh: MinHash, facts: frozenset[str] = frozenset()) -> Placement:
        """Place a document (its own story and thread when nothing resembles it) and register it."""
        if doc_id in self._story:
            return Placement(self._story[doc_id], self._thread[doc_id])
        similar = sorted(
            (-j, other) for other in self._lsh.query(mh) if (j := mh.jaccard(self._hashes[other])) >= self.threshold
        )
        same = next((other for _, other in similar if self._facts[other] == facts), None)
        if same is not None:
            placement = Placement(self._story[same], self._thread[same], duplicate_of=same)
        elif similar:
            closest = similar[0][1]
            placement = Placement(doc_id, self._thread[closest], version_of=closest)
        else:
            placement = Placement(doc_id, doc_id)
        self._register(doc_id, mh, placement.story_id, placement.thread_id, facts)
        return placement

    def repoint(self, new_leads: dict[str, str], new_thread_leads: dict[str, str] | None = None) -> None:
        """Move documents of stories (threads) whose lead was deleted to the new lead, as the catalog did."""
        for mapping, ids in ((new_leads, self._story), (new_thread_leads or {}, self._thread)):
            if not mapping:
                continue
            for doc_id, lead in ids.items():
                while lead in mapping:
                    lead = mapping[lead]
                ids[doc_id] = lead

    def remove(self, doc_id: str) -> None:
        if doc_id in self._story:
            self._lsh.remove(doc_id)
            for d in (self._story, self._thread, self._facts, self._hashes):
                del d[doc_id]
