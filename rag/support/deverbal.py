"""The verb a noun of act derives from ("suspension" -> "suspend", "approval" -> "approve"): ending rules of
``data/deverbal.toml`` checked against lemminflect's English verb lexicon, for the negation reader (``polarity``):
"without suspension" denies "suspended for three years" only when the noun is read as its verb."""

from __future__ import annotations

from functools import lru_cache

from rag.support.data_files import data_table

__all__ = ["verb_of_noun"]

_RULES: tuple[tuple[str, str], ...] = tuple(
    sorted(((a, b) for a, b in data_table("deverbal")["rules"]), key=lambda r: -len(r[0])))
MIN_STEM = 3  # letters left before a verb ending is added ("al" in "deal" is no ending)


@lru_cache(maxsize=8192)
def verb_of_noun(word: str) -> str | None:
    """The base verb ``word`` (a lower-case singular or plural noun) names the act of, or None when no rule of
    ``data/deverbal.toml`` gives a verb lemminflect knows (a noun that is no act: "animal", "nature")."""
    from lemminflect import getAllInflections

    w = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    for ending, verb_end in _RULES:
        if w.endswith(ending) and len(w) - len(ending) >= MIN_STEM:
            verb = w[: len(w) - len(ending)] + verb_end
            if getAllInflections(verb, upos="VERB"):
                return verb
    return None
