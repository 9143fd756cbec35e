"""A title whose office-changing qualifier the claim drops: "Park Jung-soo was the company's former president" for
"the company's former vice president, Park Jung-soo", "Maria Lopez is the agency's director" for "the agency's
deputy director, Maria Lopez". A vice president, deputy director or acting chief executive holds another office than
the president, director or chief executive, so the claim gives the person a role the passage does not.

Qualifiers are the text layer's ``title_qualifiers.txt`` that name another office, less those of
``holder_qualifiers.txt`` (a past or future holder's: "former", "ex", "then", "late", or written after the head:
"elect", "designate"); title heads are ``titles.txt``. The passage must not also use the head unqualified (then the plain office is in it too).
"""

from __future__ import annotations

import re

from rag.support.lexicon import TITLES
from rag.text.lexicon import word_set

_WORD_RE = re.compile(r"[a-z]+")


def _office_qualifiers() -> frozenset[str]:
    return word_set("title_qualifiers") - word_set("holder_qualifiers")


def qualified_titles(text: str) -> tuple[set[tuple[str, str, str]], set[str]]:
    """((qualifier, head, title) of each qualified title of ``text``: "vice president" -> ("vice", "president",
    "vice president"), heads
    written without an office qualifier before them). Lower-cased words; "vice-president" reads as two words; a
    head after another head ("executive vice president", "chief executive") is read with the qualifier before the
    run."""
    words = _WORD_RE.findall(text.lower())
    quals = _office_qualifiers()
    qualified: set[tuple[str, str, str]] = set()
    plain: set[str] = set()
    for i, w in enumerate(words):
        if w not in TITLES or w in quals:
            continue
        j = i - 1
        while j >= 0 and words[j] in TITLES and words[j] not in quals:  # "acting [chief] executive"
            j -= 1
        if j >= 0 and words[j] in quals:
            qualified.add((words[j], w, " ".join(words[j:i + 1])))
        else:
            plain.add(w)
    return qualified, plain


def dropped_qualifier(claim: str, passage: str) -> str | None:
    """A reason when ``claim`` writes a title head ("president") that ``passage`` writes only with an office
    qualifier the claim never uses ("vice president"); None otherwise. "role: passage has 'vice president', the
    claim drops 'vice'"."""
    c_qualified, c_plain = qualified_titles(claim)
    if not c_plain:
        return None
    p_qualified, p_plain = qualified_titles(passage)
    claim_words = set(_WORD_RE.findall(claim.lower()))
    for qual, head, title in sorted(p_qualified, key=lambda q: (-len(q[2]), q)):
        if head in c_plain and head not in p_plain and qual not in claim_words:
            return f"role: passage has '{title}', the claim drops '{qual}'"
    return None
