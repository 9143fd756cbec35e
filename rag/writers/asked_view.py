"""A question's asked sentence decides its answer: "Queen Elizabeth II ... died Thursday. When did she ascend to the
throne?" is answered by "Elizabeth ascended to the throne in 1952", not by a sentence restating the background."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

import numpy as np

from rag.writers.answer_kind import asked_sentence
from rag.writers.candidates import Scored, cap_titles, coverages
from rag.writers.key_terms import key_terms

__all__ = ["ASKED_COS_SHARE", "BACKGROUND_SHARE", "asked_view", "background_weight"]

#: The background sentences' key terms together weigh this share of the asked sentence's (before rarity): the
#: background names the story (retrieval has already used it to find it), the asked sentence names the fact wanted.
#: Counted in full, the background's names (weight 2 each) outweigh the asked sentence's two or three words, and a
#: sentence restating the background outranks the one that answers.
BACKGROUND_SHARE = 0.5
#: Share of the asked sentence's own cosine in the cosine part of relevance (the rest: the whole question's): the
#: whole question's embedding is mostly its background, so a sentence restating the background is closest to it.
ASKED_COS_SHARE = 0.5


def background_weight(asked: str, background: str) -> float:
    """The weight of each background key term relative to an asked one: ``BACKGROUND_SHARE`` x the asked sentence's
    total key-term weight / the background's, at most 1; 0.0 when either has no key term."""
    terms = key_terms(asked)
    own = {t.stem for t in terms}
    asked_total = sum(t.weight for t in terms)
    back_total = sum(t.weight for t in key_terms(background, topic=True) if t.stem not in own)
    if asked_total <= 0 or back_total <= 0:
        return 0.0
    return min(1.0, BACKGROUND_SHARE * asked_total / back_total)


def asked_view(question: str, scored: Scored, w_lexical: float, asked_cos: Callable[[str], np.ndarray] | None = None) -> Scored:
    """``scored`` with key-term coverage (``cov``, ``window_cov``) and relevance (``rel`` = (1 - ``w_lexical``) x
    cosine + ``w_lexical`` x coverage, as ``ExtractiveWriter._score``) measured on the asked sentence: its key terms,
    the background's at ``background_weight``, and, when ``asked_cos`` (asked sentence -> cosine per candidate) is
    given, its cosine at ``ASKED_COS_SHARE``. ``scored`` itself for a one-sentence question or an asked sentence
    without key terms ("Which one?"). ``cos`` (the whole question's, which the relevance floors use), the candidates
    and their neighbours are kept."""
    asked, background = asked_sentence(question)
    if not background or not scored.cands or not key_terms(asked):
        return scored
    cov, window_cov, _ = coverages(asked, scored.cands, context=(background,),
                                   context_weight=background_weight(asked, background))
    cos = scored.cos
    if asked_cos is not None:
        cos = (1 - ASKED_COS_SHARE) * cos + ASKED_COS_SHARE * np.asarray(asked_cos(asked), dtype=np.float64)
    rel = cap_titles(scored.cands, (1 - w_lexical) * cos + w_lexical * cov)
    return replace(scored, cov=cov, window_cov=window_cov, rel=rel)
