"""A sentence that turns to another story answers about that story only (issue 10; s34 fresh user, finding 1).

``brief ask "Why did Japan deny cybersecurity approval to Chinese battery makers?"`` was answered by "In parallel, a
separate report from Taipei Times the same day says tech executives are being held in China in connection with a chip
smuggling case": the sentence after the battery decision in the same digest paragraph. It shares none of the
question's words but borrowed them from the sentence before it (an answer's sentence holds the question's words
"alone or with the sentence next to it", ``QuestionAnswering._beyond_places``), and its "in connection with" read
as a reason. The kind: a sentence that opens by turning to another story ("In parallel, a separate report …",
"Meanwhile, …", "Elsewhere, …", "Separately, …", "In related news, …": ``story_switch_openers.txt`` and
``story_turns.txt``, the lists the brief and the follow-up reader already use) starts another story; the sentences on
either side of that turn are not one story's context for each other, so neither lends the other the asked story's
words. It still answers a question about its own story when it holds that question's words itself.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import numpy as np

from rag.followup import turns_story
from rag.writers.candidates import Candidate, Scored, adjacent_pairs, is_other_story

__all__ = ["turn_view", "turns_away", "with_story_neighbours"]


def turns_away(text: str) -> bool:
    """Whether a sentence (or a quote opening with it) opens by turning to another story: a report's own switch
    ("In related news, …", "In parallel, a separate report from …": ``candidates.is_other_story``) or a digest's turn
    to its next story ("Meanwhile, …", "Elsewhere, …", "Separately, …": ``followup.turns_story``)."""
    return is_other_story(text) or turns_story(text)


def with_story_neighbours(own: np.ndarray, cands: Sequence[Candidate]) -> np.ndarray:
    """``own`` (bool per candidate: the sentence itself holds what is asked), widened to a sentence whose neighbour
    in its passage holds it (``candidates.adjacent_pairs``), except across a turn to another story: when the later
    sentence of a pair ``turns_away``, the two are two stories and neither lends the other its words."""
    out = np.asarray(own, dtype=bool).copy()
    for a, b in adjacent_pairs(list(cands)):
        if turns_away(cands[b].text):
            continue
        out[a] |= bool(own[b])
        out[b] |= bool(own[a])
    return out


def turn_view(scored: Scored) -> Scored:
    """``scored`` with the window coverage of each sentence that ``turns_away`` cut to its own coverage (``cov``):
    an answer may span a sentence and its neighbour, not a story and the next one ("In parallel, a separate report
    …" does not hold "cybersecurity approval" through the battery sentence before it). ``scored`` itself when no
    candidate turns away."""
    turning = np.array([turns_away(c.text) for c in scored.cands], dtype=bool)
    if not turning.any():
        return scored
    return replace(scored, window_cov=np.where(turning, scored.cov, scored.window_cov))
