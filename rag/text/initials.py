"""The full name an acronym abbreviates, read from the text that writes only the full name.

A report names a body in full ("China's Taiwan Affairs Office said …") and a question or a claim by its acronym
("What did the TAO say …?"). ``spelled_name`` finds, in a text, the run of capitalised words whose initials are the
acronym's letters, small joining words ("of", "and", "for", "the", "on", "de", "&") skipped or read as letters: "TAO"
is "Taiwan Affairs Office", "MOFCOM" is not found (its letters are no initials), "NCC" "National Communications
Commission", "BOJ" "Bank of Japan". Read through ``rag.support.name_readings.acronym_reading`` by the support
checker (a claim's acronym in the passage's full form) and by the answer writer (``rag.writers.extractive``: a
question's acronym in its evidence's form), so both read an acronym alike.

The other direction and the plain initials live here too, so the checker reads initials one way: ``spells_out``
(does a lower-case text write an acronym out, a word giving one letter or more: "ICBM" in "intercontinental ballistic
missile"), ``initials_of`` (the first letters of words, some skipped: "mof" for "ministry of finance") and
``run_initials`` (the initials of every run of consecutive words: "un" in "the united nations said").

A text may also define an acronym in parentheses, in either order ("the amended Foreign Exchange and Foreign
Trade Act (FEFTA)", "shipments of ammonium paratungstate (APT)", "FEFTA (the Foreign Exchange and Foreign Trade
Act)"): ``defined_acronyms`` reads those definitions, and ``acronym_form`` gives the form a text writes an acronym
in (its definition with the acronym, else the name its initials spell, else a field expansion of
``data/field_acronyms.toml`` the text writes), so a question's "What is FEFTA?" and "tonnes of APT" meet the words
of the text that defines or spells them.

Shapes: strings in, a string (the name as written in the text) or None out; ``spells_out`` a bool, ``initials_of``
a string, ``run_initials`` a set of strings, ``defined_acronyms`` a dict of acronym to definition. Errors: none.
"""

from __future__ import annotations

import re
from typing import Collection, Iterable, Sequence

from rag.text.lexicon import table

__all__ = [
    "acronym_form", "defined_acronyms", "initials_of", "is_acronym", "run_initials", "spelled_name", "spells_out",
    "words_spell",
]

#: joining words inside a name: skipped, or read as a letter of the acronym ("BOJ": "Bank of Japan")
_JOINS = frozenset({"of", "and", "for", "the", "on", "de", "&"})
#: a run of capitalised words, joining words between them ("Ministry of Economy, Trade and Industry" without its comma
#: is two runs; the comma is read as a joint too)
_RUN = re.compile(rf"[A-Z][\w'’-]*(?:(?:,?\s+(?:{'|'.join(sorted(_JOINS))})\s+|,?\s+)[A-Z][\w'’-]*)*")
#: an acronym read here: three to eight capital letters ("TAO", "NCC"); two letters ("US", "EU") are spelled by chance
#: by too many pairs of capitalised words
_ACRONYM = re.compile(r"[A-Z]{3,8}")


def is_acronym(word: str) -> bool:
    """Whether ``word`` is written as an acronym read here: three to eight capital letters ("TAO", "NCC"), nothing
    else."""
    return _ACRONYM.fullmatch(word) is not None


def _spells(letters: str, words: list[str]) -> bool:
    """Whether ``words`` (a name's words in order) spell ``letters`` (lower case) by their first letters, each
    joining word giving its letter or none."""
    if not words:
        return not letters
    w = words[0]
    if w.lower() in _JOINS and _spells(letters, words[1:]):
        return True
    return bool(letters) and w[0].lower() == letters[0] and _spells(letters[1:], words[1:])


def spelled_name(acronym: str, text: str) -> str | None:
    """The name in ``text`` that ``acronym`` abbreviates: a run of capitalised words (joining words between them)
    whose words' first letters are the acronym's letters, as written in ``text`` ("Taiwan Affairs Office" for "TAO" in
    "China's Taiwan Affairs Office said …"); a run's last words suffice ("China Taiwan Affairs Office" holds it). None
    when ``acronym`` is no acronym (``is_acronym``) or ``text`` writes no such name, and when ``text`` writes the
    acronym itself (nothing to spell out)."""
    if not is_acronym(acronym) or re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
        return None
    letters = acronym.lower()
    for m in _RUN.finditer(text):
        words = [w for w in re.split(r",?\s+", m.group(0)) if w]
        for start in range(len(words)):
            if words[start].lower() in _JOINS:
                continue
            for end in range(start + 1, len(words) + 1):
                if words[end - 1].lower() in _JOINS:
                    continue
                if _spells(letters, words[start:end]):
                    found = re.search(r",?\s+".join(re.escape(w) for w in words[start:end]), m.group(0))
                    return found.group(0) if found else " ".join(words[start:end])
    return None


def initials_of(words: Iterable[str], skip: Collection[str] = ()) -> str:
    """The first letters of ``words`` (as written), leaving out the words in ``skip`` and empty words: "mof" for
    ["ministry", "of", "finance"], "mf" with ``skip={"of"}``."""
    return "".join(w[0] for w in words if w and w not in skip)


def run_initials(words: Sequence[str], shortest: int = 2, longest: int = 5) -> set[str]:
    """The initials of each run of ``shortest`` to ``longest`` consecutive non-empty ``words`` (an empty word breaks
    a run): {"un"} for ["the" -> "", "united", "nations"] ("united nations" -> "un")."""
    out = set()
    for i in range(len(words)):
        for n in range(shortest, longest + 1):
            run = words[i : i + n]
            if len(run) < n or not all(run):
                break
            out.add(initials_of(run))
    return out


def _initials_match(letters: str, words: Sequence[str], i: int, one_each: bool = False) -> bool:
    """Do ``words[i:]`` spell ``letters``: each word gives its first letter and maybe more of its own letters
    in order ("InterContinental" gives "ic"; only its first with ``one_each``), and the last letter ends on a word."""
    if not letters:
        return True
    if i >= len(words) or words[i][0] != letters[0]:
        return False
    w, k = words[i], 1
    ends = [1]  # how many letters this word may give
    pos = 1
    while k < len(letters) and not one_each:
        pos = w.find(letters[k], pos)
        if pos < 0:
            break
        k += 1
        pos += 1
        ends.append(k)
    return any(_initials_match(letters[n:], words, i + 1, one_each) for n in reversed(ends))


def words_spell(letters: str, words: Sequence[str], *, one_each: bool = False) -> bool:
    """Whether consecutive ``words`` (non-empty, lower case, in order) spell ``letters`` (lower case) by their
    initials: each word gives its first letter and maybe more of its own letters in order ("intercontinental
    ballistic missile" spells "icbm"), or only its first with ``one_each`` ("graphics processing units" spells
    "gpu"). The one acronym matcher: ``spells_out`` and the writer's unmentioned names read through it."""
    return bool(letters) and any(w[0] == letters[0] and _initials_match(letters, words, i, one_each)
                                 for i, w in enumerate(words))


def spells_out(acronym: str, lower_text: str) -> bool:
    """Whether ``lower_text`` writes ``acronym`` out: consecutive words whose initials spell it (a word may give
    more than one letter, joining words "of", "and", "the", "for", "on", "de" skipped): "ICBM" is "intercontinental
    ballistic missile", "IAEA" "International Atomic Energy Agency". A plural "s" on the acronym is ignored."""
    letters = acronym.lower()[:-1] if len(acronym) > 3 and acronym.endswith("s") else acronym.lower()
    if not 2 <= len(letters) <= 8 or not letters.isalpha():
        return False
    return words_spell(letters, [w for w in re.findall(r"[a-z]+", lower_text) if w not in _JOINS])


#: a parenthesised acronym and the words before it ("… Foreign Trade Act (FEFTA)"), or an acronym and the
#: parenthesised words after it ("FEFTA (the Foreign Exchange and Foreign Trade Act)")
_SHORT_AFTER = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")
_SHORT_BEFORE = re.compile(r"(?<![\w-])([A-Z][A-Z&]{1,9})\s*\(\s*([^()]{3,120}?)\s*\)")
_LONG_WORD = re.compile(r"[^\W_][\w'’&-]*|&")
#: an acronym read from a definition has at least two capitals ("FEFTA", "METI", "MoF"); a parenthesised word
#: with one ("(Reuters)", "(Seoul)") is no acronym
_MIN_CAPITALS = 2


def _long_form(short: str, words: list[str]) -> int | None:
    """How many of ``words`` (the words before a parenthesised ``short``, in order) its definition takes: the fewest
    last words that hold every letter of ``short`` in order, its first letter opening a word (Schwartz and Hearst,
    "A simple algorithm for identifying abbreviation definitions in biomedical text", PSB 2003: the letters are
    matched from the end, and the definition is at most min(len + 5, 2 * len) words). None when no such run."""
    if len(short) > 3 and short.endswith("s") and short[-2].isupper():
        short = short[:-1]  # a plural's "s" ("REEs")
    letters = [c.lower() for c in short if c.isalnum()]
    limit = min(len(letters) + 5, 2 * len(letters))
    text = " ".join(words[-limit:]).lower()
    i, k = len(text) - 1, len(letters) - 1
    while k >= 0:
        while i >= 0 and (text[i] != letters[k] or (k == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i, k = i - 1, k - 1
    start = text.rfind(" ", 0, i + 2) + 1
    taken = len(text[start:].split())
    if taken < 2 and len(letters) > 2 or words[-taken].lower() in _JOINS:
        return None
    # a definition is words, and most of the acronym's letters open one of them (or a hyphenated part): "Shipments
    # under HS code 8486" holds the letters of "SME" but is none
    long = words[-taken:]
    if any(any(ch.isdigit() for ch in w) for w in long):
        return None
    openers = [p[0].lower() for w in long for p in re.split(r"[-‐]", w) if p]
    if 2 * sum(1 for ch in letters if ch in openers) < len(letters):
        return None
    return taken


def _capitals(short: str) -> int:
    return sum(c.isupper() for c in short)


def defined_acronyms(text: str) -> dict[str, str]:
    """The acronyms ``text`` defines in parentheses, each with its definition as written: "the amended Foreign
    Exchange and Foreign Trade Act (FEFTA)" -> {"FEFTA": "Foreign Exchange and Foreign Trade Act"}; "ammonium
    paratungstate (APT)" -> {"APT": "ammonium paratungstate"}; "METI (the Ministry of Economy, Trade and Industry)"
    -> {"METI": "the Ministry of Economy, Trade and Industry"}. A parenthesis whose words do not hold the acronym's
    letters in order is no definition ("exports (HS 8486)", "(Reuters)"). The first definition of an acronym wins."""
    found: dict[str, str] = {}
    for m in _SHORT_AFTER.finditer(text):
        short = m.group(1)
        if _capitals(short) < _MIN_CAPITALS or short in found:
            continue
        before = text[max(0, m.start() - 300): m.start()]
        before = re.split(r"[.;:!?()\[\]\n]", before)[-1]
        spans = list(_LONG_WORD.finditer(before))
        taken = _long_form(short, [w.group(0) for w in spans])
        if taken:
            found[short] = before[spans[-taken].start(): spans[-1].end()]
    for m in _SHORT_BEFORE.finditer(text):
        short, inside = m.group(1), m.group(2)
        if _capitals(short) < _MIN_CAPITALS or short in found:
            continue
        words = [w.group(0) for w in _LONG_WORD.finditer(inside)]
        if len(words) >= 2 and _long_form(short, words) == len(words) - (words[0].lower() in _JOINS):
            found[short] = inside
    return found


def _field_expansion(acronym: str, text: str) -> str | None:
    """The expansion of ``acronym`` in ``data/field_acronyms.toml`` that ``text`` writes, as written ("ammonium
    paratungstate" for "APT"); its plural too ("graphics processors" for "GPU"); None when it lists none or the text
    writes none."""
    for form in table("field_acronyms")["expansions"].get(acronym.lower(), ()):
        m = re.search(r"(?<![\w-])" + r"[\s-]+".join(map(re.escape, form.split())) + r"(?:e?s)?(?![\w-])", text, re.I)
        if m:
            return m.group(0)
    return None


def acronym_form(acronym: str, text: str) -> str | None:
    """The form ``text`` gives ``acronym`` in: its parenthesised definition with the acronym where the text writes
    the acronym only there ("Foreign Exchange and Foreign Trade Act (FEFTA)", ``defined_acronyms``; a text that goes
    on writing "NATO" after defining it gives it as "NATO", and a question's "NATO" is read as written), else the name its initials spell where the text writes no
    acronym (``spelled_name``: "Taiwan Affairs Office" for "TAO"), else the field expansion the text writes where it
    writes no acronym ("ammonium paratungstate" for "APT", ``data/field_acronyms.toml``). None when the text
    gives none of these, or ``acronym`` is no acronym (``is_acronym``)."""
    if not is_acronym(acronym):
        return None
    written = len(re.findall(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text))
    defined = defined_acronyms(text).get(acronym) if written == 1 else None
    if defined is not None:
        return f"{defined} ({acronym})"
    spelled = spelled_name(acronym, text)
    if spelled is not None:
        return spelled
    if written:
        return None
    return _field_expansion(acronym, text)
