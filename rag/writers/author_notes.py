"""The note on a piece's author ("*Lee Jae-won is a former director of the National Intelligence Service's cyber
centre. The views expressed are his own.*"): it says who wrote the piece, not what the piece reports or argues.

s55's fresh user: a brief on Seoul's camera ban quoted it under "Background" as the column's content ("Lee Jae-won
(2025 analysis) writes: “Lee Jae-won is a former director of …”"). A sentence whose subject is the document's
author (the byline of an analysis or opinion piece, ``Engine.doc_author``: the whole name, its first or its last
word) or "the author" and whose predicate gives a role or a post (``author_notes.toml``) is such a note. A brief's
candidates drop it (``candidates.candidates(author_of=…)``); an answer quotes it only when its question asks about the
writer (``asks_about_writer``: "Who is Lee Jae-won?", "What is the author's background?"). s57: "What should the
government do, according to Lee Jae-won?" was answered with the note alone: the one sentence repeating the name.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table

__all__ = ["asks_about_writer", "author_note"]


def _subjects(name: str) -> list[str]:
    """The ways a note names its author ``name``: the whole name, its first and last words (of three letters or
    more: "Hosokawa" of "Hosokawa Masahiko"), and ``subjects`` ("the author")."""
    words = [w for w in name.split() if len(w) >= 3 and w[:1].isupper()]
    names = [name] if name else []
    names += [w for w in (words[:1] + words[-1:]) if w not in names]
    return names + list(table("author_notes")["subjects"])


@cache
def _note_re(author: str) -> re.Pattern[str]:
    """A note on ``author`` ("" for none) at a sentence's start (past "*", quotes or a bracket): its disclaimer, or
    the author (``_subjects``), an optional apposition and a predicate of ``author_notes.toml``."""
    data = table("author_notes")
    subjects = "|".join(re.escape(s) for s in sorted(_subjects(author), key=len, reverse=True))
    predicates = "|".join(sorted(data["predicates"], key=len, reverse=True))
    return re.compile(rf"^[\W_]*(?:(?:{'|'.join(data['disclaimers'])})|"
                      rf"(?:{subjects})\b(?:\s*,[^,]{{1,100}},)?\s+(?:{predicates})\b)", re.I)


def author_note(text: str, author: str | None) -> bool:
    """Whether ``text`` (one sentence of a document by ``author``, None when it has none) is a note on the author: it
    opens (past "*", quotes or a bracket) with the author (``_subjects``), an optional apposition (", a former CNN
    producer,") and a predicate of ``author_notes.toml`` ("is a", "served as", "teaches"), or is its disclaimer
    ("The views expressed are his own."). Without an author, only a sentence saying "the author" or the disclaimer
    is."""
    return _note_re(author or "").match(text) is not None


@cache
def _asked_about_writer() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in table("author_notes")["asked_about_writer"]), re.I)


def asks_about_writer(question: str) -> bool:
    """Whether ``question`` asks who someone is or about a writer's background (``author_notes.toml``
    ``asked_about_writer``; a "who is X?" question, ``answer_who.asked_person``): then an answer may quote a note on
    a piece's author."""
    from rag.writers.answer_who import asked_person

    return asked_person(question) is not None or _asked_about_writer().search(question) is not None
