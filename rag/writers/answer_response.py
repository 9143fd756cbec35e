"""A response question is answered by the responder's own act, which need not repeat the act responded to (issue 10).

s33's fresh user: ``brief ask "How did Seoul respond to Japan's export curbs?"`` abstained ("none gives what South
Korea said or did in response") over a Taipei Times report holding "The South Korean Ministry of Trade, Industry and
Energy said that Seoul plans to file a complaint with the WTO." The answer's place filter
(``QuestionAnswering._beyond_places``) keeps only sentences sharing a key term of the question other than its places
("export", "curbs"), since a sentence sharing only "South Korea" is about another story there; but a response is
another act than the one asked about (a WTO complaint, countermeasures, a summoned official) and seldom repeats it.
The same question as a chat follow-up ("How did Seoul respond?") asks no such term and was answered. The kind: the
responder's reported act or words (``QuestionAnswering._led_by_responder``) answer a response question when the
passage they are read in tells of the asked event; another story in the responder's country (a chip-hub pitch
whose passage never mentions the curbs) still does not.
"""

from __future__ import annotations

from typing import AbstractSet, Sequence

import numpy as np

__all__ = ["responded_in_story"]


def responded_in_story(led: np.ndarray | None, what: AbstractSet[str],
                       passages: Sequence[AbstractSet[str]]) -> np.ndarray:
    """Per candidate (bool array, aligned with ``passages``), whether it is the responder's act or words (``led``:
    ``_led_by_responder``, None for a question asking for no response) in a passage (its stems, ``passages[i]``)
    holding one of the question's own key-term stems other than its places (``what``: "export", "curb"). All False
    for a question asking for no response, or one whose own words say nothing but where (``what`` empty)."""
    if led is None or not what:
        return np.zeros(len(passages), dtype=bool)
    return np.asarray(led, dtype=bool) & np.array([bool(what & p) for p in passages], dtype=bool)
