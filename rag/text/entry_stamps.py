"""The time stamp that opens a live blog's entry, read as furniture.

``entry_stamp_end("09:15 - China's commerce ministry has published …")`` is the offset where the entry's own words
start (here 8, at "China's"); 0 when the text opens with no stamp. A stamp is a clock time ("09:15", "3:20 p.m.",
"14.05"), with a lead word ("Updated") and a time zone ("GMT", "local time") or not, in brackets or not, closed by
a separator (``data/entry_stamps.toml``: a dash, a colon, a bar) or by its closing bracket; the words after it must
open a sentence (a capital, a digit or a quotation mark). Without the cut, a stamp is quoted ("09:15 - China's …"
in a brief's bottom line) and an entry reads as a line of page furniture to the role model, so a live blog's entry
listing what a measure covers ("10:02 - The rules cover five additional elements: holmium, …") was never quoted
(s57's fresh user). Whether a text is a live blog's entries is ``rag.doc_kind.is_live_blog``'s to tell.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table

__all__ = ["entry_stamp_end", "without_entry_stamp"]


@cache
def _pattern() -> re.Pattern[str]:
    data = table("entry_stamps")
    lead = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(data["lead_words"], key=len, reverse=True))
    zones = "|".join(re.escape(z).replace(r"\ ", r"\s+") for z in sorted(data["zones"], key=len, reverse=True))
    seps = "|".join(re.escape(s) for s in sorted(data["separators"], key=len, reverse=True))
    clock = r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?\s?m\.?)?"
    stamp = rf"(?:(?i:{lead})\s+)?{clock}(?:\s+(?:{zones}))?"
    return re.compile(rf"\s*(?:\[\s*{stamp}\s*\]\s*(?:(?:{seps})\s*)?|\(\s*{stamp}\s*\)\s*(?:(?:{seps})\s*)?"
                      rf"|{stamp}\s*(?:{seps})\s+)(?=[A-Z0-9\"“‘'])")


def entry_stamp_end(text: str) -> int:
    """Offset in ``text`` (one sentence, as split) where the words after its opening entry stamp start; 0 when it
    opens with none, or when nothing would follow the stamp."""
    m = _pattern().match(text)
    if m is None or not text[m.end():].strip():
        return 0
    return m.end()


def without_entry_stamp(text: str) -> str:
    """``text`` from the words after its opening entry stamp (``entry_stamp_end``); unchanged when it opens with
    none."""
    return text[entry_stamp_end(text):]

