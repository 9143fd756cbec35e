"""The dictionary form of an English word, for the checker's predicate readers (``polarity``, ``nominal_acts``,
``transfer_directions``): simplemma's offline English data ("brought" -> "bring", "licences" -> "licence")."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["base_form"]


@lru_cache(maxsize=65536)
def base_form(word: str) -> str:
    """The dictionary form of an English word, lower case; the word itself for anything not a letter word."""
    if not word[:1].isalpha():
        return word
    import simplemma  # loads its English data (~0.3 s) on the first call only

    return simplemma.lemmatize(word.lower(), lang="en")
