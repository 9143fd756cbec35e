"""The wire or outlet dateline that opens a news report's first sentence, read as furniture.

``dateline_end("SEOUL, South Korea — North Korea on Tuesday fired …")`` is the offset where the sentence's own
words start (here 22, at "North"); 0 when the text opens with no dateline. Three forms (AP Stylebook, "datelines";
Reuters Handbook of Journalism, "datelines"), with the outlets, dashes and short capitalised places of
``data/datelines.toml``:

- an outlet in parentheses, alone: "(CNN) Ghislaine Maxwell …", "(Reuters) - …";
- a place (with a region and a date) before an outlet: "New York (CNN Business) McDonald's …", "WASHINGTON (AP) — …",
  "BEIJING, Oct 3 (Reuters) - …", "Beijing CNN — …";
- a place in capitals (with a region) before a dash: "SEOUL, South Korea — …", "LOUISVILLE, Ky. — …",
  "WASHINGTON, DC - …", "DETROIT -- …". A single capitalised word of four letters or fewer counts only as a listed
  place ("ROME — …"; "NATO — The alliance …" opens with its subject), and the words after the dash must open a
  sentence (a capital, digit or quotation mark).

A sentence that only looks like one keeps its start: "Seoul, meanwhile, said …" (no dash, no outlet), "Moon Jae-in
— South Korea's president — said …" (the place is not in capitals), "North Korea (DPRK) fired …" (no outlet).
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table

__all__ = ["dateline_end", "without_dateline"]

# a word of a place name: "New", "YORK", "St.", "Ky.", "N.Y.", "D.C.", "O'Fallon", "Winston-Salem"
_WORD = r"[A-Z][A-Za-z.'’-]*"
_CAPS_WORD = r"[A-Z][A-Z.'’-]*"
_PLACE = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}"
_REGION = rf"(?:,\s+{_PLACE})?"
# "Oct 3", "Oct. 3", "May 19": the filing date some wires put after the place
_DATE = r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
# where the sentence's own words may start after a dash
_OPENS = r"(?=[A-Z0-9\"“‘'])"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = table("datelines")
    outlets = "|".join(re.escape(o) for o in sorted(data["outlets"], key=len, reverse=True))
    dash = "(?:" + "|".join(re.escape(d) for d in sorted(data["dashes"], key=len, reverse=True)) + ")"
    alone = re.compile(rf"\((?:{outlets})\)\s*(?:{dash}\s*)?")
    placed = re.compile(rf"{_PLACE}{_REGION}{_DATE}\s+(?:\((?:{outlets})\)\s*(?:{dash}\s*)?|(?:{outlets})\s+{dash}\s+)")
    capitals = re.compile(rf"(?P<place>{_CAPS_PLACE}){_REGION}\s+{dash}\s+{_OPENS}")
    return alone, placed, capitals, frozenset(data["short_places"])


def dateline_end(text: str) -> int:
    """Offset in ``text`` (one sentence, as split) where the words after its opening dateline start; 0 when it
    opens with none, or when nothing would follow the dateline."""
    alone, placed, capitals, short = _patterns()
    lead = len(text) - len(text.lstrip())
    body = text[lead:]
    m = alone.match(body) or placed.match(body)
    if m is None:
        m = capitals.match(body)
        if m is not None:
            place = m.group("place")
            if " " not in place and len(place.strip(".")) <= 4 and place not in short and "," not in m.group(0):
                m = None
    if m is None or not body[m.end():].strip():
        return 0
    return lead + m.end()


def without_dateline(text: str) -> str:
    """``text`` from the words after its opening dateline (``dateline_end``); unchanged when it opens with none."""
    return text[dateline_end(text):]
