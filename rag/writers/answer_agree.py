"""Whether two sentences give the same asked value: a detail that names another team, another number or another date
than the answer's first sentence competes with it ("The Colorado Avalanche defeated the Lightning" under "The
Lightning won the last two Stanley Cups"), and a single-value answer does not quote a competing value as detail.
A member of a class asked by its class noun ("Which national park …?", "Which show …?": ``answer_kind`` "thing") is
one value too, read as a name: "Yosemite reopened its valley" competes with "Yellowstone National Park closed"."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Sequence

from rag.text.normalize import compat_form
from rag.text.numbers import spelled_wholes
from rag.text.places import place_of_word
from rag.writers.answer_kind import named_elsewhere
from rag.writers.answer_value import AskedValue, fitting_numbers, is_person_name, only_source
from rag.writers.candidates import Candidate
from rag.writers.key_terms import ENTITY_NOISE, entities
from rag.writers.key_terms import stem as stem_word
from rag.writers.sentence_cues import DATE_RE, ISO_DATE_RE, MONTH_NAMES

__all__ = ["NAMED_KINDS", "ONE_VALUE_KINDS", "asked_values", "asks_one_value", "competes", "corroborated",
           "each_value_competes", "same_value", "value_groups"]

#: The kinds whose value is a name: a name asked for ("who", "which company": ``answer_kind`` "name") and a member of
#: a class asked by its class noun ("which national park", "which show": "thing")
NAMED_KINDS = frozenset({"name", "thing"})
#: The kinds of answer that give one value a detail can compete with: a name, a class member, a number, a date
ONE_VALUE_KINDS = frozenset({"number", "when", "date"}) | NAMED_KINDS
_WHICH = re.compile(r"\bwhich\b", re.I)


def asks_one_value(kind: str | None, question: str) -> bool:
    """Whether ``question`` (of ``answer_kind`` ``kind``) asks for one value a detail can compete with: a name, number
    or date, or one member of a class asked with "which" ("Which national park …?", "… at which national park?").
    "What evidence do the sources give of X and of Y?" (also a "thing") asks for things, and its details naming
    other names answer its other part."""
    return kind in ONE_VALUE_KINDS and (kind != "thing" or bool(_WHICH.search(question)))

@cache
def _number_words() -> dict[str, str]:
    """Number words and their digits (``numbers.spelled_wholes``: one … ten)."""
    return {w: str(int(v)) for w, v in spelled_wholes().items()}



_ORDINAL_RE = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b", re.I)
_CALENDAR_DAY_RE = re.compile(rf"\b(?:{'|'.join(MONTH_NAMES[1:])})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
                              rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{'|'.join(MONTH_NAMES[1:])})\b", re.I)


def _number_key(raw: str) -> str:
    """A number as one form: "2,000" and "2000" agree, "six" and "6" agree; "4.96" and "5" do not."""
    low = raw.lower().replace(",", "")
    return _number_words().get(low, low.rstrip("."))


def value_groups(kind: str | None, cand: Candidate, question_stems: set[str], asked: AskedValue,
                 places_ok: bool = True) -> tuple[frozenset[str], ...]:
    """The values of the asked kind a sentence gives that the question does not already contain, one group of keys per
    value given, in order: a name's word stems ("Hurricane Maria" → {"hurrican", "maria"}), a number's digits, a
    date's words (lower case); empty for kinds that are not one value. A member of a class ("thing": "which national
    park", "which show") is read as a name. Two names sharing a word are two values ("Hurricane Maria", "Hurricane
    Fiona"); one name that is part of another is the same value (``same_value``: "Fiona", "Hurricane Fiona")."""
    text = compat_form(cand.text)
    out: list[frozenset[str]] = []
    if kind == "number":
        # a calendar day ("November 20") is not a count; an ordinal ("his 80th birthday") is its number
        masked = _CALENDAR_DAY_RE.sub(lambda m: " " * len(m.group(0)), ISO_DATE_RE.sub(" ", text))
        masked = _ORDINAL_RE.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), masked)
        # every age the sentence states is one of its values, whoever's (``people`` unset): a sentence naming the asked
        # person's age beside another's competes with one naming only the other's
        out += [frozenset({_number_key(m.group(0))})
                for m in fitting_numbers(replace(asked, people=frozenset()), masked, question_stems)]
    elif kind in ("when", "date"):
        for m in DATE_RE.finditer(text):
            if m.group(0) not in ("may", "march") and stem_word(m.group(0)) not in question_stems:
                out.append(frozenset({m.group(0).lower()}))
    elif kind in NAMED_KINDS:
        for name, initial in entities(text):
            if initial and len(name.split()) == 1 and not named_elsewhere(name, cand.passage.chunk.text):
                continue  # a capitalised first word ("Mudslides cut the road") is no name, as ``has_answer_kind`` reads it
            words = [w for w in name.split() if w[:1].isupper() and w.lower() not in ENTITY_NOISE]
            new = [w for w in words if stem_word(w) not in question_stems]
            if not new or (asked.person and not is_person_name(" ".join(words))):
                continue
            if not asked.asks_source and only_source(name, text):
                continue
            if not places_ok and all(place_of_word(w) is not None for w in new):
                continue
            out.append(frozenset(stem_word(re.sub(r"['’]s$", "", w)) for w in new))
    return tuple(dict.fromkeys(out))


def asked_values(kind: str | None, cand: Candidate, question_stems: set[str], asked: AskedValue,
                 places_ok: bool = True) -> set[str]:
    """The keys of every value of the asked kind a sentence gives that the question does not already contain
    (``value_groups`` joined: a name's word stems, a number's digits, a date's words, lower case); empty for kinds
    that are not one value."""
    return set().union(*value_groups(kind, cand, question_stems, asked, places_ok))


def same_value(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two values (groups of ``value_groups``) are the same: equal, or one name part of the other ("Fiona" and
    "Hurricane Fiona", "the Lightning" and "the Tampa Bay Lightning"); "Hurricane Maria" and "Hurricane Fiona" share
    a word and are not."""
    return one <= other or other <= one


def _restates(value: frozenset[str], lead: Sequence[frozenset[str]]) -> bool:
    return any(same_value(value, given) for given in lead)


def each_value_competes(kind: str | None, asked: AskedValue) -> bool:
    """Whether a detail competes with the first sentence by any other value it gives, though it restates the first
    sentence's too: for a number of one asked measure or counted noun ("what percentage …?", "how old …?", "how many
    days …?"), whose values are all of the asked slot, a detail giving "79% …, including 45% who …" under "About 79%
    …" names two answers. Names are not read so: a detail restating the named answer may name others in other roles."""
    return kind == "number" and bool(asked.measure or asked.head)


def corroborated(lead: Sequence[frozenset[str]], others: Sequence[Sequence[frozenset[str]]]) -> bool:
    """Whether another sentence (``others``: the values of sentences that do not share the lead's text, each as
    ``value_groups``) gives one of the lead's values: only then is the lead's value trusted enough to leave competing
    details out (a lead that is itself wrong, "The Lightning won the last two Stanley Cups", must not remove the
    detail with the right name)."""
    return bool(lead) and any(_restates(value, lead) for values in others for value in values)


def competes(lead: Sequence[frozenset[str]], detail: Sequence[frozenset[str]], *, each: bool = False) -> bool:
    """Whether a detail's values compete with the first sentence's (both as ``value_groups``): it gives values and none
    of them is one of the first sentence's (``same_value``; a detail with no value of the asked kind, or restating the
    lead's, does not compete). ``each`` (``each_value_competes``): any value the lead does not give competes, though
    the detail restates the lead's too."""
    if not lead or not detail:
        return False
    restated = [_restates(value, lead) for value in detail]
    return not all(restated) if each else not any(restated)
