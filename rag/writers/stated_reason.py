"""Whose reason a sentence gives, for a question asking the reason an actor itself gave (issue 10, item 8).

"Why did Tokyo say it did so?" asks for Japan's stated reason ("the decision to tighten controls was based on a lack
of trust …, Japanese officials have said"), not the report's own context ("Japan's trade measures followed South
Korean court rulings …"), least of all as Japan's when "They have rejected suggestions that the move was driven by
worsening ties …". The question's actor is its first place (a country by any of its names: Tokyo, Japanese and Japan
are one) or, naming none, its first name; a sentence is the actor's when its reporting frame names the actor
(``hypothesis_stance.speaker``), and it denies an explanation when it states one to deny it (``hypotheses.denied``),
its subject, or the speaker named before a "They", being the actor.
"""

from __future__ import annotations

import re

from rag.text.lexicon import word_set
from rag.text.places import place_mentions
from rag.writers.answer_kind import without_carried_context
from rag.writers.hypotheses import denied
from rag.writers.hypothesis_stance import speaker
from rag.writers.key_terms import key_terms
from rag.writers.key_terms import stems as text_stems

__all__ = ["stated_reason_actor", "said_by", "denies"]

_WHY = re.compile(r"\bwhy\b|\bwhat (?:reasons?|grounds?|justification)\b", re.I)


def _cue(text: str) -> bool:
    lowered = " ".join(re.findall(r"[\w'’-]+", text.lower()))
    return any(re.search(rf"\b{re.escape(cue)}\b", lowered) for cue in word_set("stated_reason_cues"))


def stated_reason_actor(question: str) -> frozenset[str] | None:
    """The stems naming the actor whose own stated reason ``question`` asks for ("Why did Tokyo say it did so?" ->
    the place key of Japan; "Why, according to Nvidia, were sales halted?" -> {"nvidia"}); None when the question
    asks no reason (no "why" / "what reason"), names no stating cue (``stated_reason_cues.txt``: "say", "according
    to", "claim", "explain", …) or names no actor. A follow-up's carried context is not what it asks."""
    own = without_carried_context(question)
    if not _WHY.search(own) or not _cue(own):
        return None
    mentions = place_mentions(own)
    if mentions:
        return frozenset({mentions[0].key})
    names = [t.stem for t in key_terms(own) if t.kind == "entity"]
    return frozenset(names[:1]) or None


def _names(words: str | None, actor: frozenset[str]) -> bool:
    if not words:
        return False
    return bool(actor & ({m.key for m in place_mentions(words)} | text_stems(words)))


def said_by(text: str, actor: frozenset[str]) -> bool:
    """Whether a sentence (or a quote of sentences) reports the actor saying it: a reporting frame of one of its
    sentences names the actor ("Japanese officials have said that …" for Japan)."""
    return _names(speaker(text)[0], actor)


def denies(text: str, actor: frozenset[str]) -> bool:
    """Whether a quote states an explanation in order to deny it (``hypotheses.denied``: "They have rejected
    suggestions that the move was driven by …") and the one denying is the actor: named in the denying sentence, or,
    for a pronoun, the speaker its quote named before it ("… Japanese officials have said … They have rejected …")."""
    rest = denied(text)
    if rest is None:
        return False
    before = text[: len(text) - len(rest)]
    return _names(before, actor)
