"""A title is not quoted when its own text tells the same event with a hedge (issue 10, item 3: a claim is never
stronger than its source).

A headline is written short and strong: "Japan blocks Chinese battery makers over cybersecurity" heads a text that
says "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers". Quoted as "What
happened", the title states as done what its own source reports only as reported. ``hedged_in_body`` finds the
title candidates whose document restates their event (``restates_share`` of the title's content stems) in a
sentence that hedges or attributes it ("reportedly", "allegedly", "according to", "people familiar with the
matter": ``rag/text/data/title_hedges.toml``) when the title itself does neither; ``drop_strong_titles`` leaves them
out, so the brief quotes the hedged sentence instead.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Sequence

from rag.text.lexicon import table
from rag.writers.candidates import Candidate
from rag.writers.key_terms import stems as text_stems
from rag.writers.on_topic import LIGHT_STEMS

__all__ = ["hedges", "title_hedged", "hedged_in_body", "drop_strong_titles"]


@cache
def _data() -> tuple[re.Pattern[str], re.Pattern[str], float]:
    data = table("title_hedges")
    return (re.compile("|".join(data["hedges"]), re.I), re.compile("|".join(data["title_hedges"]), re.I),
            float(data["restates_share"]))


def hedges(text: str) -> bool:
    """Whether a sentence tells its event as reported, alleged or someone's account ("has reportedly denied")."""
    return bool(_data()[0].search(text))


def title_hedged(title: str) -> bool:
    """Whether a title attributes or hedges what it says itself ("Report: …", "…, Nikkei says", "may block")."""
    return hedges(title) or bool(_data()[1].search(title))


def _content(text: str) -> set[str]:
    return {s for s in text_stems(text) if len(s) >= 3 and s not in LIGHT_STEMS and not s.isdigit()}


def hedged_in_body(title: Candidate, cands: Sequence[Candidate]) -> Candidate | None:
    """The first sentence of ``title``'s document (among ``cands``, titles aside) that restates its event (at least
    ``restates_share`` of the title's content stems) with a hedge or attribution (``hedges``), when the title has
    neither (``title_hedged``); None otherwise."""
    if not title.is_title or title_hedged(title.text):
        return None
    own = _content(title.text)
    if not own:
        return None
    share = _data()[2]
    for c in cands:
        if c.doc_id == title.doc_id and not c.is_title and hedges(c.text) and len(own & _content(c.text)) >= share * len(own):
            return c
    return None


def drop_strong_titles(cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` less the titles stronger than their own text (``hedged_in_body``), in order."""
    return [c for c in cands if hedged_in_body(c, cands) is None]
