"""A count asked of a set the sources name item by item: "How many materials did Japan restrict?" over "The export
restrictions cover fluorinated polyimides, …, as well as photoresist and hydrogen fluoride" (sample corpus 001) is
answered by the count of the named items, said as such: "The sources name three: fluorinated polyimides,
photoresist and hydrogen fluoride (a count of the items named; none states the number)", where the answer was "none
gives the number the question asks for".

A sentence answers so when (``named_count``):

- the question counts a noun ("how many <noun>", ``answer_value.AskedValue.counted``) that is no unit of measure
  (``answer_values.toml`` [count] ``unit_classes``: "for how many days" is not answered by "Hanukkah, Christmas,
  Kwanzaa …");
- the sentence lists items after a list opener or clause word (``list_members.list_items``: "cover", "banned exports
  of", "named"; not "A and B" joined as clauses, not counts such as "eleven individuals and three entities");
- it says the question's act: a key term of the question beyond the counted noun and its names ("restrict" in "The
  export *restrictions* cover …"), or, when the question has none, the counted noun itself;
- each item is of the counted class (``answer_values.toml`` [count.classes]): a person (``list_members.reads_as_person``)
  for "how many people/officials", an organisation's name for "how many companies/firms", a place or city for "how
  many countries/cities"; for a class the readers do not know ("materials", "types", "items") no item is a person's
  name or a place's.

Items named after a subset opener ("including A, B and C") are some members of the set, not all of it: the count
is then said as "at least" (``NamedCount.some``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rag.text.lexicon import table
from rag.text.numbers import find_quantities, spelled_wholes
from rag.writers.answer_value import AskedValue, asked_value
from rag.writers.key_terms import key_terms
from rag.writers.list_members import list_items, names_place, reads_as_person

__all__ = ["NamedCount", "named_count", "count_words", "count_phrase", "counts_another_set"]


@dataclass(frozen=True)
class NamedCount:
    """The items a sentence names of the set a question counts: ``items`` as written, in order; ``some``: they follow
    a subset opener ("including"), so the set may hold more."""

    items: tuple[str, ...]
    some: bool

    @property
    def count(self) -> int:
        return len(self.items)


def _of_count_class(item: str, cls: str | None, text: str) -> bool:
    """Whether a named item is of the class the question counts (``AskedValue.count_class``); ``text``: the
    item's document, for how it names a person elsewhere."""
    if cls == "person":
        return reads_as_person(item, text)
    if cls == "organisation":
        return item[:1].isupper() and not reads_as_person(item, text) and not names_place(item)
    if cls == "place":
        return names_place(item)
    return not names_place(item) and not reads_as_person(item, text)


def named_count(question: str, sentence: str, text: str = "", asked: AskedValue | None = None) -> NamedCount | None:
    """The items ``sentence`` names of the set ``question`` counts (see the module docstring), or None when it
    names no such list. ``text``: the sentence's document (default the sentence), for the person reader; ``asked``:
    ``answer_value.asked_value(question)`` when the caller has it."""
    asked = asked or asked_value(question)
    if not asked.counted or asked.count_class in table("answer_values")["count"]["unit_classes"]:
        return None  # "for how many days", "how many tonnes": a measure in units, never a count of named items
    listed = list_items(sentence)
    if listed is None or len(listed.items) < 2:
        return None
    names = {t.stem for t in key_terms(question) if t.kind in ("entity", "number")}
    act = asked.topic - asked.counted - names
    said = {t.stem for t in key_terms(sentence)}
    if not (act & said if act else asked.counted & said):
        return None
    if not all(_of_count_class(item, asked.count_class, text or sentence) for item in listed.items):
        return None
    return NamedCount(listed.items, listed.some)


@cache
def _spelled() -> dict[int, str]:
    """Whole numbers spelled as news writes them (``numbers.spelled_wholes``: one to ten)."""
    return {int(v): k for k, v in spelled_wholes().items()}


def count_words(n: int) -> str:
    """``n`` as news writes a small count: spelled up to ten ("three"), figures above ("12")."""
    return _spelled().get(n, str(n))


def _joined(items: tuple[str, ...]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def count_phrase(named: NamedCount) -> str:
    """What an answer says of a count it made of named items: "The sources name three: fluorinated polyimides,
    photoresist and hydrogen fluoride (a count of the items named; none states the number)"; after a subset opener
    "The sources name three, among others: …"."""
    cues = table("member_classes")["count_answer"]
    n = count_words(named.count)
    head = cues["some"].format(n=n) if named.some else cues["all"].format(n=n)
    return f"{head}: {_joined(named.items)} ({cues['as_such']})"


#: a proper name of two or more capitalised words ("Entity List", "Shadow Fleet Register")
_PROPER_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+")
_WORD = re.compile(r"[\w'’-]+")


def counts_another_set(question: str, text: str) -> bool:
    """Whether sentence ``text`` gives a count of another set than the one ``question`` names (``count_sets.toml``):
    it holds a number (figures or a spelled count) and the head noun of a proper name of the question ("list" of
    "Entity List"; singular or plural) after an opener of another set ("its", "their", "another", an 's possessive)
    within ``reach`` words, written in lower case (a common noun: "a Russian court" or "the state's Senate seats" name no
other set), and not that proper name as written. "Singapore's trade ministry said it had put nine
    firms on its own watch list" counts another list than "How many companies were added to the Entity List?";
    "Eleven other Chinese firms were also added" and "Companies on the list …" do not. False for a question naming
    no set by a proper name."""
    cues = table("count_sets")
    openers, reach = frozenset(cues["openers"]), int(cues["reach"])
    names = [m.group(0) for m in _PROPER_NAME.finditer(question)]
    if not names:
        return False
    written = _WORD.findall(text)
    words = [w.lower() for w in written]
    if not (find_quantities(text) or set(words) & set(_spelled().values())):
        return False
    for name in names:
        if name in text:
            continue
        head = name.split()[-1].lower()
        for k, word in enumerate(words):
            # the head as a common noun ("its list"), not a name's word ("a Russian court", "the state's Senate")
            if word not in (head, head + "s", head + "es") or not written[k].islower():
                continue
            before = words[max(0, k - reach):k]
            if any(w in openers or w.endswith(("'s", "’s")) for w in before):
                return True
    return False
