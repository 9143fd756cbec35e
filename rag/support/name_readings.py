"""A claim's names read in the forms its passage writes them, before the claim is checked (``prepare``).

News copy names a thing in one form and refers to it in another; a claim that picks the other form is no less
supported, but every signal that compares words (copy edits, speakers, roles, novelty) reads the other form as a
word the passage does not hold. Two readings put the claim in the passage's words:

* ``surname_reading``: a person's full name ("Derek Hallam", "Park Ji-hoon") the passage writes in full somewhere
  and by one of its words elsewhere ("Hallam pleaded guilty", "Park said") is read as that word: the passage's
  sentence about "Hallam" is about Derek Hallam. Not when the passage gives the word to another person too ("Venus
  Williams" and "Serena Williams": a capitalised word before it that is no title or opener), nor when the passage
  lacks the full name: "Peter Hallam" against "Derek Hallam ... Hallam pleaded guilty" keeps its "Peter", and a
  first name the passage never gives ("Derek Hallam" against "Hallam pleaded guilty" alone) is still the claim's
  own (the answer writer reads that case for its own verdicts: ``rag.writers.answer_verdict.surname_reading``).
* ``twin_reading``: a name in one of its known forms (``data/name_twins.toml``: "METI" / "the Ministry of Economy,
  Trade and Industry", "BOJ" / "the Bank of Japan") is read in the form the passage uses, when the passage does
  not use the claim's own.
* ``acronym_reading``: an acronym the passage never writes but spells out ("TAO" / "Taiwan Affairs Office") is read
  as the passage's full name (``rag.text.initials``, shared with the answer writer). A brief's topic is read so by
  ``topic_acronym_reading`` (its plural too: "GPU smuggling" over reports of "smuggled GPUs").

Errors: none; a claim with nothing to read is returned unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.support.data_files import data_table
from rag.text.dates import WEEKDAYS, month_number
from rag.text.initials import acronym_form
from rag.text.lexicon import word_set
from rag.text.places import place_mentions, place_of_word

# a capitalised name word: "Derek", "Ji-hoon", "O'Neill", "McIlroy"
_NAME_WORD = r"[A-Z][a-z]+(?:['’-][A-Za-z][a-z]+)*(?:[A-Z][a-z]+)?"
_PAIR_RE = re.compile(rf"(?<![\w'’-])({_NAME_WORD}) ({_NAME_WORD})(?![\w-])")
#: words before a surname that name no other person ("Mr Hallam", "Judge Hallam", "When Hallam ..."): the answer
#: writer's titles and openers (``rag/text/data/surname_openers.txt``, read by ``answer_verdict`` too) and the
#: checker's further ones (full titles, reporting verbs and clause openers met in whole passages)
_NOT_PEOPLE = word_set("surname_openers") | frozenset({
    "miss", "professor", "senator", "general", "president", "minister", "chancellor", "officer", "sergeant", "det",
    "detective", "coach", "captain", "as", "if", "said", "says", "told", "by", "with", "for", "that", "then",
    "meanwhile", "however", "yesterday", "today"})


def _other_word_before(word: str, mate: str, passage: str) -> bool:
    """Whether ``passage`` writes capitalised ``word`` right after a capitalised word other than ``mate``, a title or
    an opener ("Venus Williams" when the claim's name is "Serena Williams")."""
    for m in re.finditer(rf"(?<![\w'’-])([A-Z][\w'’.-]*) {re.escape(word)}(?![\w-])", passage):
        if m.group(1).endswith("."):
            continue  # a sentence's end ("on Monday. Hallam pleaded"), or a title ("Dr. Hallam")
        before = m.group(1)
        if before != mate and before.lower() not in _NOT_PEOPLE and not month_number(before) \
                and before not in WEEKDAYS:
            return True
    return False


def _other_word_after(word: str, mate: str, passage: str) -> bool:
    """Whether ``passage`` writes capitalised ``word`` right before a capitalised word other than ``mate`` ("Park
    Geun-hye" when the claim's name is "Park Ji-hoon")."""
    return any(m.group(1) != mate and not month_number(m.group(1)) and m.group(1) not in WEEKDAYS
               for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)} ([A-Z][\w'’-]*)", passage))


def _alone(word: str, mate: str, passage: str, last: bool) -> bool:
    """Does ``passage`` write ``word`` without ``mate`` beside it (before it when ``last``, else after it)?"""
    pattern = (rf"(?<!{re.escape(mate)} )(?<![\w'’-]){re.escape(word)}(?![\w-])" if last
               else rf"(?<![\w'’-]){re.escape(word)}(?![\w-])(?! {re.escape(mate)}(?![\w-]))")
    return re.search(pattern, passage) is not None


@lru_cache(maxsize=1)
def _place_openers() -> frozenset[str]:
    return frozenset(data_table("name_twins")["place_openers"])


def _not_a_person(first: str, second: str) -> bool:
    """A place ("South Korea", "New York": ``place_openers``), a month or a weekday, not a person's two names."""
    return first in _place_openers() or bool(place_mentions(f"{first} {second}")) or any(
        place_of_word(w) or month_number(w) or w in WEEKDAYS for w in (first, second))


def surname_reading(claim: str, passage: str) -> str:
    """``claim`` with each two-word person's name that ``passage`` writes in full and, elsewhere, by one of its words
    alone, read as that word ("Derek Hallam pleaded guilty" -> "Hallam pleaded guilty" over "Derek Hallam, 52, ...
    Hallam pleaded guilty"); see the module docstring for when a name is not read so."""
    out = claim
    for m in reversed(list(_PAIR_RE.finditer(claim))):
        first, second = m.group(1), m.group(2)
        if not re.search(rf"(?<![\w'’-]){re.escape(first)} {re.escape(second)}(?![\w-])", passage):
            continue  # the passage never names this person in full
        if _not_a_person(first, second):
            continue
        if _alone(second, first, passage, last=True) and not _other_word_before(second, first, passage):
            out = out[: m.start()] + second + out[m.end():]  # the surname last ("Derek Hallam")
        elif _alone(first, second, passage, last=False) and not _other_word_after(first, second, passage) \
                and not _other_word_before(first, "", passage):
            out = out[: m.start()] + first + out[m.end():]  # the surname first ("Park Ji-hoon": "Park said")
    return out


@lru_cache(maxsize=1)
def _twins() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], ...]:
    return tuple(tuple((form, re.compile(rf"(?<![\w.&-]){re.escape(form)}(?![\w&-])")) for form in group)
                 for group in data_table("name_twins")["twins"])


def twin_reading(claim: str, passage: str) -> str:
    """``claim`` with each name of ``data/name_twins.toml`` it writes in a form ``passage`` lacks put in the
    passage's form ("METI said exports rose" -> "Ministry of Economy, Trade and Industry said exports rose" over
    "The Ministry of Economy, Trade and Industry said exports rose"); unchanged where the passage writes the claim's
    own form or no form of that name."""
    out = claim
    for group in _twins():
        used = [(form, rx) for form, rx in group if rx.search(out)]
        if not used or any(rx.search(passage) for _, rx in used):
            continue
        theirs = next((form for form, rx in group if rx.search(passage)), None)
        if theirs is None:
            continue
        # the longest of the claim's forms first, so "Ministry of Trade, Industry and Energy" is not read in part
        for _, rx in sorted(used, key=lambda u: -len(u[0])):
            out = rx.sub(theirs, out)
    return out


def acronym_reading(claim: str, passage: str) -> str:
    """``claim`` with each acronym it writes in the form ``passage`` gives it (``rag.text.initials.acronym_form``, the
    answer writer's reading too): a name the passage gives only in full read as that name ("The TAO called the rules
    hype" -> "The Taiwan Affairs Office called the rules hype" over "China's Taiwan Affairs Office said the rules were
    hype"), an acronym the passage defines in parentheses read with its definition ("What is FEFTA?" -> "What is
    Foreign Exchange and Foreign Trade Act (FEFTA)?"), a field acronym read as the expansion the passage writes
    ("APT" -> "ammonium paratungstate"); unchanged where the passage gives none of these, or the claim defines the
    acronym or writes its full form itself. Which capitalised words are
    acronyms is ``spelled_name``'s to say (``initials.is_acronym``)."""
    out = claim
    # (a plural's "s" is lower case: "GPUs" is read as the "graphics processors" a passage writes)
    for m in reversed(list(re.finditer(r"(?<![\w-])([A-Z]+)(s?)(?![\w-])", claim))):
        if claim[m.end():m.end() + 1] == ")" or claim[max(0, m.start() - 1):m.start()] == "(":
            continue  # the claim defines it itself
        if m.group(2) and len(m.group(1)) < 2:
            continue
        full = acronym_form(m.group(1), passage)
        if full is not None and m.group(2):  # a plural read only as a field expansion, made plural
            if " (" in full:
                continue
            full = full if full.lower().endswith("s") else f"{full}s"
        if full is not None and full.split(" (")[0].lower() not in claim.lower():
            out = out[: m.start()] + full + out[m.end():]
    return out


def topic_acronym_reading(topic: str, passage: str) -> str:
    """A brief's ``topic`` with each acronym its evidence (``passage``) never writes as the topic does read in a form
    the evidence writes: its plural where the evidence writes only that ("GPU smuggling" over reports of "smuggled
    GPUs" -> "GPUs smuggling"), else the form ``acronym_reading`` gives (``initials.acronym_form``: a field
    expansion the evidence writes, "graphics processors"; a name its initials spell). A topic is a heading, not a
    sentence, so its acronym is no name the evidence must write letter for letter (s70 user's F3: "GPU smuggling"
    abstained with "none of the names in the topic occur in the evidence" while search ranked four GPU-smuggling
    reports first). Unchanged where the evidence writes the acronym as the topic does, or writes none of these
    forms."""
    out = topic
    for m in reversed(list(re.finditer(r"(?<![\w-])([A-Z]{2,8})(?![\w-])", topic))):
        acronym = m.group(1)
        if re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", passage):
            continue  # written as the topic writes it
        if re.search(rf"(?<![\w-]){re.escape(acronym)}s(?![\w-])", passage):
            out = out[: m.start()] + f"{acronym}s" + out[m.end():]
        elif (full := acronym_form(acronym, passage)) is not None and full.split(" (")[0].lower() not in topic.lower():
            out = out[: m.start()] + full + out[m.end():]
    return out


def passage_reading(claim: str, passage: str) -> str:
    """``claim`` with its names in the forms ``passage`` writes them: ``twin_reading``, ``acronym_reading``, then
    ``surname_reading``."""
    return surname_reading(acronym_reading(twin_reading(claim, passage), passage), passage)
