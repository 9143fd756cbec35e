"""Near-duplicate detection (the same wire story republished) with MinHash LSH from datasketch."""

from __future__ import annotations

import inspect
import re
from typing import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from rag.text.normalize import match_form
from rag.text.scripts import CJK_CHARS

# A word, or one CJK character: text written without spaces has no words to shingle, so its characters are.
_WORD = re.compile(f"[{CJK_CHARS}]|(?:(?![{CJK_CHARS}])\\w)+")
# datasketch >= 2.0 refuses hash values without their permutation scheme; pin it so stored sketches stay comparable.
_SCHEME = {"scheme": "affine32"} if "scheme" in inspect.signature(MinHash.__init__).parameters else {}


def shingles(text: str, n: int = 5) -> set[bytes]:
    """Word n-gram shingles of the text in its matching form (case, width and ligatures folded); each CJK
    character counts as a word."""
    words = _WORD.findall(match_form(text))
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


class StoryIndex:
    """Maps each document to a story: a new document joins the story of an indexed near-duplicate."""

    def __init__(self, *, threshold: float = 0.8, num_perm: int = 128) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._story: dict[str, str] = {}
        self._hashes: dict[str, MinHash] = {}

    def load(self, rows: Iterable[tuple[str, str, bytes]]) -> None:
        for doc_id, story_id, blob in rows:
            if doc_id in self._story:
                continue
            mh = from_bytes(blob, self.num_perm)
            self._lsh.insert(doc_id, mh)
            self._story[doc_id] = story_id
            self._hashes[doc_id] = mh

    def assign(self, doc_id: str, mh: MinHash) -> str:
        """The story this document belongs to (its own id when it is new); registers it."""
        if doc_id in self._story:
            return self._story[doc_id]
        best, best_j = None, 0.0
        for other in self._lsh.query(mh):
            j = mh.jaccard(self._hashes[other])
            if j >= self.threshold and (j > best_j or (j == best_j and other < (best or "~"))):
                best, best_j = other, j
        story = self._story[best] if best else doc_id
        self._lsh.insert(doc_id, mh)
        self._story[doc_id] = story
        self._hashes[doc_id] = mh
        return story

    def repoint(self, new_leads: dict[str, str]) -> None:
        """Move documents of stories whose lead was deleted to the new lead (as ``Catalog.delete_documents`` did)."""
        if not new_leads:
            return
        for doc_id, story in self._story.items():
            while story in new_leads:
                story = new_leads[story]
            self._story[doc_id] = story

    def remove(self, doc_id: str) -> None:
        if doc_id in self._story:
            self._lsh.remove(doc_id)
            del self._story[doc_id]
            del self._hashes[doc_id]
