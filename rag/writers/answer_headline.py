"""A document's headline leading an answer whose quote does not name what the question asks (``headline_lead``).

A news report often names its story's main actor or figure only in its headline: "UPS: One of the biggest strikes
in American history is brewing" over a text that says "the world's biggest package courier"; "Instagram fined $400
million over children's data" over a text that tells the fine later than the passage quoted. Titles and ledes are
evidence: the answering writer leads its first quote with its own document's headline when the headline holds a
value of the asked kind that neither the question nor the quote holds (``answering._answer_lead``). The headline is
the source's own words, quoted whole and shown as its headline; it is metadata of the cited document, not a span of
its text, so the checker reads the quote after it (``without_headline``), as it does after an answer's verdict.
"""

from __future__ import annotations

import re

from rag.text.keys import publisher_forms
from rag.text.normalize import match_form

__all__ = ["HEADLINE_LEAD", "headline", "headline_lead", "without_headline"]

#: how the answer shows the headline before its quote
HEADLINE_LEAD = "Headline: “{headline}”. "
_LEAD_RE = re.compile(r"^Headline: “[^“”]{1,400}”\. ")
#: a final " - CNN", " | CNN Business", " — The Guardian": the outlet's name after the headline
_OUTLET_TAIL = re.compile(r"\s+[-|–—]\s+([^-|–—]{1,40})$")
#: fewer words than this is a label, not a statement ("Live updates", "Opinion")
MIN_WORDS = 4


def headline(title: str | None, publisher: str | None) -> str | None:
    """``title`` as a headline an answer can lead with: the outlet's own name after a final separator cut when it is
    a name of ``publisher`` (``keys.publisher_forms``: " - CNN", " | CNN Business" for "cnn.com" or "CNN"; "USA TODAY"
    for "usatoday.com"); None for
    no title, a question ("What does goblin mode mean? …"), a title with double quotation marks of its own (the lead
    quotes it whole), or fewer than ``MIN_WORDS`` words. A title cut short by its feed ("… has come to an end ...")
    is kept as stored: it is what the source published."""
    if not title:
        return None
    text = " ".join(title.split())
    m = _OUTLET_TAIL.search(text)
    tail = match_form(m.group(1)).replace(" ", "") if m else ""
    if tail and any(tail.startswith(form.replace(" ", "")) for form in publisher_forms(publisher) if form):
        text = text[: m.start()].rstrip()
    if "?" in text or any(q in text for q in "“”\"") or len(text.split()) < MIN_WORDS:
        return None
    return text


def headline_lead(text: str) -> str:
    """The words an answer leads with to show its quote's headline: 'Headline: “…”. '."""
    return HEADLINE_LEAD.format(headline=text)


def without_headline(text: str) -> str:
    """``text`` without a ``headline_lead`` before it (the quote the sources must support); any other text unchanged."""
    m = _LEAD_RE.match(text)
    return text[m.end():] if m else text
