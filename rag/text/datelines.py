"""The wire or outlet dateline that opens a news report's first sentence, read as furniture.

``dateline_end("SEOUL, South Korea — North Korea on Tuesday fired …")`` is the offset where the sentence's own
words start (here 22, at "North"); 0 when the text opens with no dateline. Four forms (AP Stylebook, "datelines";
Reuters Handbook of Journalism, "datelines"), with the outlets, dashes and short capitalised places of
``data/datelines.toml``:

- a listed outlet in parentheses, alone: "(CNN) Ghislaine Maxwell …", "(Reuters) - …";
- a place (with a region and a date) before a listed outlet: "New York (CNN Business) McDonald's …",
  "WASHINGTON (AP) — …", "BEIJING, Oct 3 (Reuters) - …", "Beijing CNN — …";
- a place in capitals (with a region and a date) before any outlet in parentheses and a dash: "SINGAPORE, Oct 8
  (Straits Wire) - …", "SEOUL, Sept. 2 (Korea Herald) — …", "TOKYO, 8 October (Japan Times) – …"; the outlet
  need not be listed, so the dash must follow it and the words after the dash open a sentence. A place not in
  capitals counts only with a date after a comma ("Singapore, Oct 8 (Straits Wire) - …");
- a place in capitals (with a region or a filing date) before a dash: "SEOUL, South Korea — …", "LOUISVILLE,
  Ky. — …", "WASHINGTON, DC - …", "DETROIT -- …", "WASHINGTON, Feb 12 - …", "TAIPEI, Dec 9 — …".

A date is a month (``data/dates.toml``, full or abbreviated, with or without a period) and a day in either order,
with a year or not: "Oct 8", "Sept. 2", "8 October", "May 2, 2024". A single capitalised word of four letters or
fewer counts as a place only when listed ("ROME — …"; "NATO — The alliance …" opens with its subject), and a single
word in capitals whose parentheses spell it out is an acronym, not a place ("ASEAN (Association of Southeast Asian
Nations) — The bloc …").

``dateline_outlet`` reads the outlet that signs the dateline of a text's first paragraph ("TOKYO, March 3 (Reuters) -
…" → "Reuters"): who filed the story, for a file that names no publisher of its own.

A sentence that only looks like one keeps its start: "Seoul, meanwhile, said …" (no dash, no outlet), "Moon Jae-in
— South Korea's president — said …" (the place is not in capitals), "North Korea (DPRK) fired …" (no outlet),
"TAIPEI (Taiwan) officials said …" (an unlisted name in parentheses with no dash after it).
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.dates import MONTH_PATTERN
from rag.text.lexicon import table

__all__ = ["dateline_end", "dateline_outlet", "without_dateline"]

# a word of a place name: "New", "YORK", "St.", "Ky.", "N.Y.", "D.C.", "O'Fallon", "Winston-Salem"
_WORD = r"[A-Z][A-Za-z.'’-]*"
_CAPS_WORD = r"[A-Z][A-Z.'’-]*"
_PLACE = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}"
_REGION = rf"(?:,\s+{_PLACE})?"
# "Oct 3", "Sept. 2", "8 October", "May 19, 2024": the filing date some wires put after the place
_DAY = r"\d{1,2}(?!\d)"
_DATE = rf"(?P<date>,?\s+(?:{MONTH_PATTERN}\s+{_DAY}|{_DAY}\s+{MONTH_PATTERN})(?:,?\s+\d{{4}})?)?"
# a word of an outlet's name that no list holds: "Straits", "Wire", "Herald", "NK", "Sun-Times", "Dow-Jones"
_OUTLET_WORD = r"[A-Z][^\W_]*(?:[.&'’-][^\W_]*)*\.?"
# where the sentence's own words may start after a dash
_OPENS = r"(?=[A-Z0-9\"“‘'])"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = table("datelines")
    outlets = "|".join(re.escape(o) for o in sorted(data["outlets"], key=len, reverse=True))
    dash = "(?:" + "|".join(re.escape(d) for d in sorted(data["dashes"], key=len, reverse=True)) + ")"
    joins = "|".join(re.escape(w) for w in data["outlet_joins"])
    any_outlet = rf"{_OUTLET_WORD}(?:\s+(?:(?:{joins})\s+)?{_OUTLET_WORD}){{0,5}}"
    alone = re.compile(rf"\((?:{outlets})\)\s*(?:{dash}\s*)?")
    placed = re.compile(rf"{_PLACE}{_REGION}{_DATE}\s+(?:\((?:{outlets})\)\s*(?:{dash}\s*)?|(?:{outlets})\s+{dash}\s+)")
    signed = re.compile(rf"(?P<place>{_PLACE}){_REGION}{_DATE}\s+\((?P<outlet>{any_outlet})\)\s*{dash}\s*{_OPENS}")
    capitals = re.compile(rf"(?P<place>{_CAPS_PLACE}){_REGION}{_DATE}\s+{dash}\s+{_OPENS}")
    return alone, placed, signed, capitals, frozenset(data["short_places"])


def _spelled_out(word: str, words: str) -> bool:
    """Whether ``words`` in parentheses after ``word`` (one word in capitals) spell it out, as an acronym's
    expansion: they open with its first letter but not with the word itself, and hold capitals for at least half
    of its letters ("ASEAN" by "Association of Southeast Asian Nations"; not "TAIPEI" by "Taipei Times", nor
    "SINGAPORE" by "Straits Times")."""
    letters = word.replace(".", "")
    first = words.split()[0]
    if first[0] != letters[0] or first.upper() == letters:
        return False
    capitals = [c for c in words if c.isupper()]
    found = 0
    for c in letters:
        if c in capitals:
            capitals.remove(c)
            found += 1
    return 2 * found >= len(letters)


def _lone_word_place(m: re.Match[str], short: frozenset[str]) -> bool:
    """Whether a dateline match whose place is one word with no region or date may open with that word: a word of
    four letters or fewer only when listed (``short_places``), any word not spelled out by its parentheses."""
    place = m.group("place")
    if " " in place or "," in m.group(0) or m.groupdict().get("date"):
        return True
    if len(place.strip(".")) <= 4 and place not in short:
        return False
    return not (m.groupdict().get("outlet") and _spelled_out(place, m.group("outlet")))


# what a CJK dateline's brackets hold: CJK script, with "=" between place and outlet and a middle dot or space
_CJK_HELD = r"[\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\u30a0-\u30ff\uff66-\uff9f][\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\u30a0-\u30ff\uff66-\uff9f=＝・· ]{0,19}"


@cache
def _cjk_dateline() -> re.Pattern[str]:
    pairs = table("datelines")["cjk_brackets"]
    forms = "|".join(rf"{re.escape(a)}{_CJK_HELD}{re.escape(b)}" for a, b in pairs)
    return re.compile(rf"(?:{forms})\s*")


def dateline_end(text: str) -> int:
    """Offset in ``text`` (one sentence, as split) where the words after its opening dateline start; 0 when it
    opens with none, or when nothing would follow the dateline."""
    alone, placed, signed, capitals, short = _patterns()
    lead = len(text) - len(text.lstrip())
    body = text[lead:]
    m = alone.match(body) or placed.match(body) or _cjk_dateline().match(body)
    if m is None:
        m = signed.match(body)
        # an outlet no list holds: the place is in capitals, or dated after a comma ("Singapore, Oct 8 (Straits
        # Wire) - …"; not "On Oct 8 (Tuesday) — …")
        if m is not None and not (m.group("place").upper() == m.group("place") or (m.group("date") or "").startswith(",")):
            m = None
        if m is None:
            m = capitals.match(body)
        if m is not None and not _lone_word_place(m, short):
            m = None
    if m is None or not body[m.end():].strip():
        return 0
    return lead + m.end()


def without_dateline(text: str) -> str:
    """``text`` from the words after its opening dateline (``dateline_end``); unchanged when it opens with none."""
    return text[dateline_end(text):]


# the outlet in a dateline: in parentheses ("(Reuters)", "(CNN Business)", "(Straits Wire)"), else a listed outlet
# after the place ("Beijing CNN —")
_PARENTHESISED = re.compile(r"\(([^()]+)\)")
#: how many of a text's first lines may hold its dateline (a headline, a byline, a "Published" line before it)
_HEAD_LINES = 4


def dateline_outlet(text: str) -> str | None:
    """The outlet that signs the dateline opening one of the first ``_HEAD_LINES`` non-empty lines of ``text``
    ("Japan bars …\n\nTOKYO, March 3 (Reuters) - Japan will …" → "Reuters"; "(CNN) The show …" → "CNN"); None when
    no line opens with a dateline or its dateline names no outlet ("SEOUL, South Korea — …")."""
    outlets = table("datelines")["outlets"]
    lines = [line.strip() for line in text.splitlines() if line.strip()][:_HEAD_LINES]
    for line in lines:
        cut = dateline_end(line)
        if not cut:
            continue
        head = line[:cut]
        found = _PARENTHESISED.findall(head)
        if found:
            return found[-1].strip()
        named = [o for o in outlets if re.search(rf"(?<!\w){re.escape(o)}(?!\w)", head)]
        return max(named, key=len) if named else None
    return None
