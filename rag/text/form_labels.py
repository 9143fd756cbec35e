"""The section label that opens a sentence of a register or filing form, read as furniture.

``form_label_end("SUMMARY: In this final rule, the Bureau …")`` is the offset where the sentence's own words start
(here 9, at "In"); 0 when the text opens with no label, or nothing follows it. The labels are
``data/form_labels.toml`` (in capitals, closed by a colon: "AGENCY:", "ACTION:", "DATES:", "FOR FURTHER INFORMATION
CONTACT:"). Without the cut, an answer quoted "SUMMARY: In this final rule, …" (s70's fresh user, F15), the label
read as the sentence's first word.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table

__all__ = ["form_label_end"]


@cache
def _pattern() -> re.Pattern[str]:
    labels = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(table("form_labels")["labels"], key=len, reverse=True))
    return re.compile(rf"\s*(?:{labels}):\s+(?=\S)")


def form_label_end(text: str) -> int:
    """Offset in ``text`` (one sentence, as split) where the words after its opening form label start; 0 when it
    opens with none, or when nothing would follow the label."""
    m = _pattern().match(text)
    if m is None or not text[m.end():].strip():
        return 0
    return m.end()
