"""A document's headline leading an answer whose quote does not name what the question asks (``headline_lead``).

A news report often names its story's main actor or figure only in its headline: "UPS: One of the biggest strikes
in American history is brewing" over a text that says "the world's biggest package courier"; "Instagram fined $400
million over children's data" over a text that tells the fine later than the passage quoted. Titles and ledes are
evidence: the answering writer leads its first quote with its own document's headline when the headline holds a
value of the asked kind that neither the question nor the quote holds (``answering._answer_lead``). The headline is
the source's own words, quoted whole and shown as its headline; it is metadata of the cited document, not a span of
its text, so the checker reads the quote after it (``without_headline``), as it does after an answer's verdict.

A quote that already answers keeps no headline before it (``answers_by_its_words``): "Ottawa protested the move on
Tuesday …" answers "Who protested Vietnam's export restrictions?" by its own subject, though its headline "Vietnam
Imposes Export Restrictions on 12 Canadian Firms, Sparking Tensions with Ottawa" names other places besides.
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from rag.text.keys import publisher_forms
from rag.text.normalize import match_form
from rag.writers.answer_actor import names_asked_doer
from rag.writers.answer_agree import same_value, value_groups
from rag.writers.answer_slot import asked_slot, fills_slot

if TYPE_CHECKING:
    from rag.writers.answer_value import AskedValue
    from rag.writers.candidates import Candidate

__all__ = ["HEADLINE_LEAD", "answers_by_its_words", "headline", "headline_lead", "shown_headline", "without_headline"]

#: how the answer shows the headline before its quote
HEADLINE_LEAD = "Headline: “{headline}”. "
_LEAD_RE = re.compile(r"^Headline: “([^“”]{1,400})”\. ")
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


def answers_by_its_words(question: str, kind: str | None, quote: Candidate, title: Candidate,
                         question_stems: set[str], asked: AskedValue, places_ok: bool) -> bool:
    """Whether ``quote`` answers ``question`` itself, so its headline (``title``, read as a sentence) adds nothing
    to lead with: the quote names the doer of the asked act as its subject (``answer_actor.names_doer``: "Ottawa
    protested the move" for "Who protested …?", or in an agent phrase: "The raid, led by … Han Ji-woo" for "Who led
    the raid …?", ``agent_phrase.names_agent``), names the recipient a question asks for (``answer_slot.fills_slot``
    of a recipient slot: "… to Tomas Ekberg, Kessland's Minister of Industry" for "Who received …?", and so of an
    act's object or passive subject: "The broker's former logistics chief, Oren Valdt, was cleared …" for "Who was
    cleared …?"; not a class
    slot, which "union drives at retailers such as Alder Market" fills for "… looming at which company?"), or
    gives a value of the asked kind that the headline gives too (``answer_agree.same_value``: the headline repeats
    the quote's answer beside other names; a number's scale word alone is no value, ``_values``)."""
    slot = asked_slot(question)
    if names_asked_doer(question, quote.text, quote.stems, quote.passage.chunk.text) or (
            (slot.recipient or slot.objects or slot.passive) and fills_slot(slot, quote.text, question_stems)):
        return True
    told, shown = (_values(kind, c, question_stems, asked, places_ok) for c in (quote, title))
    return any(same_value(one, other) for one in told for other in shown)


def _values(kind: str | None, cand: Candidate, question_stems: set[str], asked: AskedValue,
            places_ok: bool) -> list[frozenset[str]]:
    """``answer_agree.value_groups`` of ``cand`` without a number's scale word read alone ("million" of "405 million
    euros"): "$402 million" and "$400 million" share no value."""
    groups = value_groups(kind, cand, question_stems, asked, places_ok)
    if kind != "number":
        return list(groups)
    return [g for g in groups if any(ch.isdigit() for key in g for ch in key)]


def headline_lead(text: str) -> str:
    """The words an answer leads with to show its quote's headline: 'Headline: “…”. '."""
    return HEADLINE_LEAD.format(headline=text)


def without_headline(text: str) -> str:
    """``text`` without a ``headline_lead`` before it (the quote the sources must support); any other text unchanged."""
    m = _LEAD_RE.match(text)
    return text[m.end():] if m else text


def shown_headline(text: str) -> str | None:
    """The headline a ``headline_lead`` before ``text`` shows; None when ``text`` has none."""
    m = _LEAD_RE.match(text)
    return m.group(1) if m else None
