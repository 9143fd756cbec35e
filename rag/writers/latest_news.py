"""A question that asks for the newest news, with no topic of its own (issue 10; s69's user, F16).

"What happened this week?" or "What is the latest?" over a dated corpus has no topic words: retrieval by its words
finds whatever mentions "happened", and no sentence resembles it enough to pass the relevance floor, so the answer
abstained although the corpus holds the week's reports. Read here instead: the evidence is the newest dated reports
within the filters (``Catalog.newest_documents``, one per story), and the answer their leads, newest first (the
phrasings are ``rag/text/data/latest_questions.toml``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Sequence

from rag.text.lexicon import alternation, table

__all__ = ["asks_latest", "LATEST_ITEMS", "newest_leads"]

#: how many of the newest reports the answer quotes (each its lead sentence)
LATEST_ITEMS = 4


@cache
def _asks() -> re.Pattern[str]:
    data = table("latest_questions")
    alts = {"period": alternation(data["period"]), "news": alternation(data["news"])}
    pats = [re.sub(r"\{:(\w+):\}", lambda m: f"(?:{alts[m.group(1)]})", p) for p in data["asks"]]
    return re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)


def asks_latest(question: str) -> bool:
    """Whether ``question`` asks for the newest news and names no topic: "What happened this week?", "What's the
    latest?", "Any news today?"; not "What happened to Huawei this week?" nor "What is the latest on the chip ban?"."""
    q = re.sub(r"[\s?!.。？！]+$", "", " ".join(question.split()).replace("’", "'"))
    return bool(q) and _asks().fullmatch(q) is not None


def newest_leads(docs: Sequence[tuple[str, str, int]], limit: int = LATEST_ITEMS) -> list[int]:
    """Of candidate sentences given as (doc id, publication date ISO or "", index of the sentence), the one per
    document standing first (its lead), newest document first (ties: the order given), at most ``limit``;
    undated documents come last."""
    first: dict[str, tuple[str, int, int]] = {}
    for order, (doc, day, i) in enumerate(docs):
        if doc not in first:
            first[doc] = (day or "", order, i)
    ranked = sorted(first.values(), key=lambda t: (t[0] == "", _neg(t[0]), t[1]))
    return [i for _, _, i in ranked[:limit]]


def _neg(day: str) -> tuple[int, ...]:
    return tuple(-int(d) for d in re.findall(r"\d+", day))
