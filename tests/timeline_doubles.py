"""Stand-ins for the timeline's embedder and support checker in unit tests (no model loaded)."""

from __future__ import annotations

import numpy as np


class Supported:
    """A support verdict that always holds."""

    supported, score = True, 0.9


def all_supported(pairs) -> list[Supported]:
    """A check function that supports every (claim, passage) pair."""
    return [Supported() for _ in pairs]


def overlap_embed(texts):
    """Unit vectors from word overlap with the first text (the topic): enough to rank on-topic sentences."""
    topic = set(texts[0].lower().split())
    out = []
    for t in texts:
        words = set(t.lower().replace(".", " ").replace(",", " ").split())
        v = np.array([len(words & topic), 1.0])
        out.append(v / np.linalg.norm(v))
    return np.array(out)
