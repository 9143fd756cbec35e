"""Choosing the support window: every candidate window's cosine to the claim, and the window that carries it best."""

from __future__ import annotations

from typing import Callable

import numpy as np

from rag.support.edits import copy_share
from rag.support.prepare import Prepared, can_be_chosen
from rag.support.windows import Window
from rag.support.text_cache import sentences_of

MULTI_SENTENCE_COST = 0.05

Choice = tuple[int, np.ndarray, dict[str, str]]  # (chosen window, every window's cosine, sentence -> best clause)


def window_score(cosine: float, window: Window) -> float:
    """How well a window carries a claim: cosine plus half its rare-word coverage, a little less for every
    sentence beyond the first (two sentences are read together only when they add to the support)."""
    return cosine + 0.5 * window.lexical - MULTI_SENTENCE_COST * (len(window.spans) - 1)


def cosines(p: Prepared, vec: Callable[[str], np.ndarray],
            known: set[str] | None = None) -> tuple[np.ndarray, dict[str, str]]:
    """Every window's cosine to the claim (a single sentence's: the better of it and its clause fragments'; more
    sentences': their normalised mean vector's), and the clause of a sentence that reads more like the claim
    than the sentence. ``known``: only these units are embedded yet; a window with another sentence is NaN, a
    fragment not in it is left out. Each cosine is one dot product, so it is the same whatever else is known."""
    claim_vec = vec(p.claim)
    sims = {u: float(np.dot(vec(u), claim_vec)) for u in p.units if known is None or u in known}
    best_fragment: dict[str, float] = {}
    best_clause: dict[str, str] = {}  # sentence -> its clause that reads more like the claim than the sentence
    for f, sent in p.fragment_of.items():
        if f in sims and sims[f] > max(best_fragment.get(sent, -1.0), sims.get(sent, -1.0)):
            best_fragment[sent] = sims[f]
            best_clause[sent] = f
    per_window = np.full(len(p.windows), np.nan, dtype=np.float32)
    for i, w in enumerate(p.windows):
        if not all(t in sims for t in w.sentences):
            continue
        if len(w.sentences) == 1:
            per_window[i] = max(sims[w.text], best_fragment.get(w.text, -1.0))
        else:  # a window's vector: the normalised mean of its sentences'
            v = np.stack([vec(t) for t in w.sentences]).sum(axis=0)
            per_window[i] = float(v @ claim_vec / (np.linalg.norm(v) or 1.0))
    return per_window, best_clause


def pick(p: Prepared, per_window: np.ndarray) -> int:
    """The window that reads most like the claim and holds most of its rare words (more sentences only when
    they hold claim words the best one lacks). A claim of several sentences that a window of several holds word
    for word, in order (``edits.copy_share`` 1.0), is read against the fewest such sentences: a quote of a run of
    sentences is checked against the run, not against its longest sentence with the others' words "added"."""
    eligible = [i for i, w in enumerate(p.windows) if can_be_chosen(w)]
    if len(sentences_of(p.claim)) > 1:
        whole = [i for i in eligible if len(p.windows[i].sentences) > 1 and copy_share(p.claim, p.windows[i].text) >= 1.0]
        if whole:
            return min(whole, key=lambda i: (len(p.windows[i].sentences), -window_score(float(per_window[i]), p.windows[i]), i))
    return max(eligible, key=lambda i: (window_score(float(per_window[i]), p.windows[i]), -i))
