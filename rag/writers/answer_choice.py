"""One choice of an answer's first sentence, as the hand rule made it and as a fitted selector sees it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Callable

import numpy as np

from rag.writers.candidates import Scored

__all__ = ["FirstChoice"]


@dataclass(frozen=True)
class FirstChoice:
    """One choice of an answer's first sentence as the selectors see it (``QuestionAnswering.choose_first``).

    ``scored``: the candidates as the question's asked sentence sees them; ``pool`` and ``hand_pick``: the hand
    rule's pool (indices) and its pick; ``hand_pool`` and ``floor``: bool per sentence, in that pool, and above the
    relevance floor or in the pool; ``main``: the answer's own first sentence (False: the look-up of the sentence a
    value-first answer continues); ``features``: ``answer_model.sentence_features``, (sentences, features), computed
    when first read (the hand rule never reads them)."""

    query: str
    scored: Scored
    pool: tuple[int, ...]
    hand_pick: int
    hand_pool: np.ndarray
    floor: np.ndarray
    main: bool
    make_features: Callable[[], np.ndarray]

    @cached_property
    def features(self) -> np.ndarray:
        return self.make_features()
