"""The tense of the clause around a span of English text: "past", "future" or None (present or unknown).

A date without its year ("February 24") stands for the day nearest the report's date, unless its clause says on which
side of publication it lies: "The review, launched on February 24, ..." in a report of September is the February
before; "will take effect on March 1" in a report of December is the March after (``rag.text.dates``). The cues are
the timeline's (``data/timeline_cues.toml``: ``future`` phrases, the ``past_tense`` form, ``irregular_past.txt``):
a future or modal cue in the words between the clause's start (a clause boundary, a relative pronoun, a comma) and
the span, or right after the span (up to the next comma or boundary) before any past verb, makes it future; else a
past-tense verb in either window makes it past. English only: other scripts give None.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table, word_set

__all__ = ["clause_tense", "has_past_verb", "future_cue_at"]

#: how many words before and after the span are read; the clause's start (``clause_boundaries``) or a sentence's end
#: cuts them shorter
WINDOW_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?]\s|[.!?]$|\n")
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose)\b")  # a relative clause is another verb's
_WORD = re.compile(r"[\w’']+")


@cache
def _cues() -> tuple[list[re.Pattern[str]], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = table("timeline_cues")
    return ([re.compile(p) for p in data["future"]], re.compile(data["past_tense"]),
            re.compile(data["clause_boundaries"], re.I), word_set("irregular_past"))


def has_past_verb(words_text: str) -> bool:
    """Whether a past-tense verb (``past_tense`` or an irregular past form) is among the words of ``words_text``."""
    _, past, _, irregular = _cues()
    return any(past.fullmatch(w) or w.lower() in irregular for w in _WORD.findall(words_text))


def future_cue_at(text: str) -> int | None:
    """Where the first future or modal cue (``timeline_cues.toml`` ``future``) starts in ``text``; None if none."""
    starts = [m.start() for p in _cues()[0] for m in [p.search(text)] if m]
    return min(starts) if starts else None


def _last_phrase(head: str) -> str:
    """The words after the head's last comma ("the rule, first floated on Monday, takes effect on" -> "takes effect
    on": an appositive between commas is another verb's), or the two last comma phrases when the last holds at most
    a preposition ("the blockade began, on")."""
    parts = head.split(",")
    last = parts[-1]
    return ",".join(parts[-2:]) if len(last.split()) <= 1 and len(parts) > 1 else last


def clause_tense(text: str, start: int, end: int) -> str | None:
    """"future", "past" or None for the clause holding ``text[start:end]`` (see the module's rule)."""
    head = text[max(0, start - 120):start]
    cuts = (_SENTENCE_END, _cues()[2], _RELATIVE)
    cut = max([m.end() for p in cuts for m in p.finditer(head)], default=0)
    head = _last_phrase(head[cut:])
    head = " ".join(head.split()[-WINDOW_WORDS:])
    tail = text[end:end + 120]
    stop = min([m.start() for p in cuts for m in p.finditer(tail)], default=len(tail))
    tail = " ".join(tail[:stop].split(",")[0].split()[:WINDOW_WORDS])
    if future_cue_at(head + " ") is not None:
        return "future"
    first_future = future_cue_at(tail)
    if first_future is not None and not has_past_verb(tail[:first_future]):
        return "future"
    if has_past_verb(head) or has_past_verb(tail):
        return "past"
    return None
