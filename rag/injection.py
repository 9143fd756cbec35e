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

__all__ = ["instruction_spans", "is_instruction_like", "is_instruction_sentence"]


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


def is_instruction_like(text: str) -> bool:
    """True when the text tries to instruct a model ("ignore previous instructions", fake SYSTEM: lines, ...)."""
    return bool(_compiled("document").search(text or ""))


def is_instruction_sentence(text: str) -> bool:
    """True when a sentence must not be quoted: any instruction pattern, strong or weak ("you must ...")."""
    return bool(text) and bool(_compiled("sentence").search(text) or _compiled("document").search(text))
