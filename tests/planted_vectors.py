"""An embedder with planted vectors, for indexes whose dense ranking a test sets exactly."""

from __future__ import annotations

import re

import numpy as np


class PlantedEmbedder:
    """A text holding ``item-N`` gets row N of ``table`` (n × dim); any other text (the query) gets ``probe``."""

    def __init__(self, table: np.ndarray, probe: np.ndarray) -> None:
        self.table, self.probe = table, probe
        self.dim = int(table.shape[1])
        self.model_id = f"planted-{self.dim}"

    def embed(self, texts) -> np.ndarray:
        out = []
        for text in texts:
            m = re.search(r"item-(\d+)", str(text))
            out.append(self.table[int(m.group(1))] if m else self.probe)
        return np.asarray(out, dtype=np.float32)
