"""Detect instruction-like text in untrusted corpus documents (prompt injection).

The one detector of the system; its patterns are data (``rag/text/data/instruction_patterns.toml``). Two
strengths: "document" patterns are strong enough that one hit makes a whole document uncitable (the pipeline),
"sentence" patterns are weaker signs, so a sentence with any pattern is never quoted (the extractive writer)
while its document stays usable. Neutralizing delimiter look-alikes in evidence blocks is another job
(``rag.packing.neutralize``).
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table

__all__ = ["fold_homoglyphs", "instruction_spans", "is_instruction_like", "is_instruction_sentence"]

# a word mixing Latin letters with Cyrillic/Greek ones ("ЅYЅTЕM"): the disguise of a homoglyph attack
_MIXED_WORD = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0370-\u03ff\u0400-\u052f])\w+\b")


@cache
def _compiled(scope: str) -> re.Pattern[str]:
    patterns = [row["regex"] for row in table("instruction_patterns")["pattern"] if row["scope"] == scope]
    if not patterns:
        raise ValueError(f"instruction_patterns.toml has no {scope!r} patterns")
    # document patterns see whole articles, so ^ is a line start; sentence patterns see one sentence
    flags = re.IGNORECASE | (re.MULTILINE if scope == "document" else 0)
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def instruction_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of text that address an AI system with instructions ("document" patterns)."""
    return [m.span() for m in _compiled("document").finditer(text or "")]


def fold_homoglyphs(text: str) -> str:
    """``text`` with the Cyrillic/Greek look-alikes in mixed-script words replaced by Latin letters (Unicode
    confusables data via ``confusable_homoglyphs``); words in one script are left alone (Russian stays Russian)."""
    if not text or not _MIXED_WORD.search(text):
        return text
    from confusable_homoglyphs import confusables

    def latin(match: re.Match[str]) -> str:
        word = match.group(0)
        found = confusables.is_confusable(word, greedy=True, preferred_aliases=["latin"]) or []
        swap = {f["character"]: f["homoglyphs"][0]["c"] for f in found if f.get("homoglyphs")}
        return "".join(swap.get(ch, ch) for ch in word)

    return _MIXED_WORD.sub(latin, text)


def is_instruction_like(text: str) -> bool:
    """True when the text tries to instruct a model ("ignore previous instructions", fake SYSTEM: lines, ...),
    also when disguised with homoglyphs."""
    pattern = _compiled("document")
    return bool(text) and bool(pattern.search(text) or pattern.search(fold_homoglyphs(text)))


def is_instruction_sentence(text: str) -> bool:
    """True when a sentence must not be quoted: any instruction pattern, strong or weak ("you must ...")."""
    if not text:
        return False
    folded = fold_homoglyphs(text)
    return any(_compiled(scope).search(t) for scope in ("sentence", "document") for t in {text, folded})
