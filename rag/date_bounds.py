"""Date bounds a user types (``brief search --since``/``--until``, the API's ``since``/``until``): one reader, one set
of messages, so the CLI and the API refuse a date in the same words.

The text layer's reader (``rag.text.dates.parse_date``) reads every unambiguous notation ("2019-04-07", "13/04/2019",
"4 July 2019"); this module says why it refused a value: empty, too long, not a real day ("2026-13-01"), or a numeric
date whose day/month order cannot be known ("07/04/2019": both parts are at most 12), for which the message names both
readings and the ISO form of each.
"""

from __future__ import annotations

from datetime import date

from rag.errors import QueryError

__all__ = ["MAX_DATE_CHARS", "date_problem", "read_day"]

#: the longest written date ("Wednesday, 4 September 2019 12:00:00 +0900") fits; the date parser's time grows with
#: the text, so a longer value is refused before it is parsed (the API's schemas cap since/until at this length too)
MAX_DATE_CHARS = 64
_ISO_HINT = "use YYYY-MM-DD"


def read_day(value: str) -> str:
    """The ISO day (``YYYY-MM-DD``) a typed date bound means; raises ``QueryError`` saying why when it is empty, longer
    than ``MAX_DATE_CHARS``, not a real day, ambiguous in its day/month order, or unreadable ("yesterday", "July
    2019": a bound is one day)."""
    from rag.text.dates import parse_date  # dateparser is slow to import: only when a date is given

    text = value.strip()
    if not text:
        raise QueryError("an empty date", help_message=_ISO_HINT)
    if len(text) > MAX_DATE_CHARS:
        raise QueryError(f"{len(text):,} characters is not a date", help_message=_ISO_HINT)
    day = parse_date(text)
    if day is not None:
        return day
    message, help_message = _why_not(text)
    raise QueryError(message, help_message=help_message)


def date_problem(value: object) -> str:
    """Why ``parse_date`` refused a date, in the words ``read_day`` refuses a typed bound with (one message for the CLI,
    the API and ingest's warnings): "the day/month order of '07/04/2019' is ambiguous: write 2019-07-04 for 4 July
    2019 (month first) or 2019-04-07 for 7 April 2019 (day first)", "'2026-13-01' is not a date: month must be in
    1..12 (use YYYY-MM-DD)", "cannot read the date 'yesterday' (use YYYY-MM-DD)". Only for a value it refused."""
    text = str(value).strip()[:MAX_DATE_CHARS]
    message, help_message = _why_not(text)
    return f"{message} ({help_message})" if help_message else message


def _why_not(text: str) -> tuple[str, str | None]:
    """(message, help) for a date the reader refused: both readings of an ambiguous one, an impossible day's reason."""
    from rag.text.dates import day_month_readings

    readings = day_month_readings(text)
    if readings:
        month_first, day_first = readings
        return (f"the day/month order of {text!r} is ambiguous: write {month_first} for {_spelled(month_first)}"
                f" (month first) or {day_first} for {_spelled(day_first)} (day first)"), None
    reason = _impossible_day(text)
    if reason:
        return f"{text!r} is not a date: {reason}", _ISO_HINT
    return f"cannot read the date {text!r}", _ISO_HINT


def _spelled(iso: str) -> str:
    """"2019-07-04" → "4 July 2019"."""
    from rag.text.dates import MONTH_NAMES

    d = date.fromisoformat(iso)
    return f"{d.day} {MONTH_NAMES[d.month]} {d.year}"


def _impossible_day(text: str) -> str | None:
    """Why a year-first numeric date ("2026-13-01", "2026/02/30") is not a day: ``datetime.date``'s reason."""
    parts = text.replace("/", "-").replace(".", "-").split("-")
    if len(parts) != 3 or len(parts[0]) != 4 or not all(p.isdigit() for p in parts):
        return None
    try:
        date(*(int(p) for p in parts))
    except ValueError as exc:
        return str(exc)
    return None
