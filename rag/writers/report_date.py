"""A when-question the sources answer only by their own date: the report's date, labelled as such (issue 10).

"Which Japanese companies did China restrict?" "When?": the generated brief that tells the restriction states no
date for it, but it is dated 2026-02-25. Saying only "none of the sources gives the date" hides the one date the
reader can have; giving 2026-02-25 as the restriction's date would claim more than the source says. The partial
answer shows the report's date as the source's, not the event's, and says that the event's own date is not given.
"""

from __future__ import annotations

from rag.writers.answer_kind import KIND_NOUNS

__all__ = ["ASKED_DATE", "EVENT_DATE", "report_dated"]

#: what a partial answer to a when-question lacks (``answering._partial``: the kind's noun + " the question asks for")
ASKED_DATE = f"{KIND_NOUNS['date']} the question asks for"
#: ... once the report's own date is shown: the event's date is what none of the sources gives
EVENT_DATE = "the date of the event itself"


def report_dated(missing: str, published: str | None, dates: str) -> tuple[str, str]:
    """``(missing, dates)`` for a partial answer (``abstention_text.partial_message``): when it lacks the asked date
    (``missing == ASKED_DATE``), its quote places no date of its own (``dates == ""``, ``render.placed_dates``) and
    its source is dated (``published``, ISO date), the note " *(reported 2026-02-25: the source's date, not the
    event's)*" and ``EVENT_DATE``; otherwise both unchanged. ``published`` may hold a time ("2026-02-25T09:00"): only
    its day is shown."""
    if missing != ASKED_DATE or dates or not published:
        return missing, dates
    return EVENT_DATE, f" *(reported {published[:10]}: the source's date, not the event's)*"
