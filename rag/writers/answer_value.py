"""What the value a question asks for must be, beyond its kind: the noun a number counts ("how many *troops*" is not
answered by "five maritime zones"), a measure ("how much money" wants a currency, "what percentage" a percentage), a
calendar date ("on what date" is not answered by "on Wednesday") and a person ("which designer": an organisation or a
place does not answer it). Word lists: ``rag/text/data/answer_values.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterator
from functools import cache, lru_cache

from rag.text.lexicon import alternation, table, word_list, word_set
from rag.text.numbers import clock_spans, find_quantities, ordinal_values
from rag.text.dates import find_dates
from rag.text.places import place_of_word, region_words
from rag.text.speech_use import asks_speech, used_as_speech
from rag.writers.answer_class import asked_class
from rag.writers.key_terms import entities, key_terms
from rag.writers.key_terms import stem as stem_word
from rag.writers.sentence_cues import MONTH_NAMES, NUMBER_RE, PLACE_CLASS, YEARISH_RE

__all__ = ["AskedValue", "ages_another", "asked_value", "counts_asked", "counts_by_counter", "fitting_numbers", "gives_age", "gives_calendar_date", "gives_measure",
           "gives_year", "is_person_name", "measures_another_unit", "only_place", "quantity_text", "after_bound",
           "tells_change", "gives_duration", "ends_at_time",
           "number_fits", "only_source", "ordinal_counts", "people_doing", "share_in_words", "speaks", "states_age"]

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class AskedValue:
    """What a number, date or name must be to answer a question (empty: anything of the kind)."""

    #: stems of the counted noun phrase ("how many tech executives" → {"tech", "execut"}), its head's stem and class
    counted: frozenset[str] = frozenset()
    head: str | None = None
    count_class: str | None = None
    #: "money", "percent", "age" or "duration" ("how long …?") when the question asks for that measure
    measure: str | None = None
    #: the question asks for a calendar date ("on what date"): a weekday or "last week" does not give it
    calendar: bool = False
    #: the question asks for a person's name ("which designer", "the scientist's name")
    person: bool = False
    #: the question asks who reported or said something: a name that only attributes a report may answer it
    asks_source: bool = False
    #: stems of the question's key terms that are not names, numbers or places ("restrict", "item"): a list answers
    #: it when its sentence says one of them ("The export *restrictions* cover A, B and C")
    topic: frozenset[str] = frozenset()
    #: the question insists on the items of a list ("which *specific* items"): only a sentence that lists them answers
    insists: bool = False
    #: a bare "who ...?" (not "which person", not "what is the name"): a class of people doing what the question asks
    #: ("tech *executives* are being *held*" for "who is being held?") answers it as a name does
    who: bool = False
    #: the question asks who said something ("who said that at a news conference?", "who told reporters ..."): the
    #: name answers only as the speaker ("Suga told a news conference"), not a name the quote is about
    speaker: bool = False
    #: stems of the class a "which/what <class>" question asks a member of (``answer_class.asked_class``: "on which
    #: Japanese island" → {island, japan}): a name the sentence gives as something else does not answer it
    member: frozenset[str] = frozenset()
    #: a statement to complete after "since" / "until" ("the highest hike since:"): the words that must stand before
    #: the time that completes it ("since 1994"; ``[when.bounds]`` of answer_values.toml); empty for other questions
    bound: tuple[str, ...] = ()
    #: "which two <class>" / "what two <class>": a pair of names ("USC and UCLA", "Sweden and Finland") answers it,
    #: though two items joined by "and" are no list of three (``answer_kind.names_pair``)
    pair: bool = False
    #: the question asks for a year ("what year?", "in which year"): a weekday, "last week" or a day of a month
    #: without its year does not give it (``gives_year``)
    year: bool = False
    #: stems of the person names the question holds ("President Joe Biden … What is his age?" → {presid, joe, biden}):
    #: an age given to another person does not answer it (``ages_another``); read only for an age question
    people: frozenset[str] = frozenset()
    #: stems of the material a "how many <unit> of <material>" question measures ("how many tonnes of rare-earth
    #: magnets" → {rare, earth, magnet}; ``[count].material_classes``): a number of the unit "of" another material does
    #: not answer it (``measures_other_material``)
    material: frozenset[str] = frozenset()
    #: the question asks for a difference ("how many *more* examiners …?"): a number opening a comparison answers it
    difference: bool = False
    #: the question asks a share of a whole ("what share of …", "what percentage of …"): a percentage of change does
    #: not answer it ("exports rose 12 percent from a year earlier": ``tells_change``)
    share: bool = False


@cache
def _values() -> dict:
    return table("answer_values")


@cache
def _class_of() -> dict[str, str]:
    """Stem of a counting noun → its class (the first class of the data file that lists it)."""
    out: dict[str, str] = {}
    for name, words in _values()["count"]["classes"].items():
        for w in words:
            out.setdefault(stem_word(w), name)
    return out


@cache
def _person_nouns() -> frozenset[str]:
    """Stems of the nouns of a person ("designer", "scientist") and of the person class of the counting nouns."""
    words = list(_values()["name"]["person_nouns"]) + list(_values()["count"]["classes"]["person"])
    return frozenset(stem_word(w.lower()) for w in words)


def _stopwords() -> frozenset[str]:
    return word_set("stopwords")


def _counted_phrase(words: list[str]) -> list[str]:
    """The noun phrase at the start of ``words`` ("tech executives are held" → tech, executives): words up to a stop
    word, an auxiliary, a past-tense verb or a word the data file ends a phrase with; at most four."""
    ends = set(_values()["count"]["phrase_end"]) | set(word_list("irregular_past"))
    out: list[str] = []
    for w in words:
        low = w.lower()
        if low in _stopwords() or low in ends or (low.endswith("ed") and out):
            break
        out.append(w)
        if len(out) == 4:
            break
    return out


def asked_value(question: str) -> AskedValue:
    """What the asked number, date or name must be (see ``AskedValue``); empty for other questions."""
    q = question.strip()
    low = q.lower()
    measure = _asked_measure(low)
    counted: list[str] = []
    m = re.search(r"\bhow many\s+(.*)$", q, re.I | re.S) or re.search(r"\bthe number of\s+(.*)$", q, re.I | re.S)
    if m:
        counted = _counted_phrase(_WORD_RE.findall(m.group(1)))
    head = stem_word(counted[-1]) if counted else None
    if head is None:  # "商务部新增了几项…？", "몇 건인가?": the classifier is what is counted
        head = _cjk_counted(q)
    cls = _class_of().get(head) if head else None
    if cls is None and counted and counted[-1][0].isupper() and counted[-1].lower().endswith(("ans", "ese", "is")):
        cls = "person"  # "how many Russians", "how many Japanese", "how many Israelis"
    # the date is what is asked ("on what date", "what was the date of"), not a date the question mentions
    # ("which holiday marks the date ...")
    calendar = bool(re.search(r"\b(?:what|which)\s+(?:exact\s+|specific\s+)?date\b"
                              r"|\bwhat\s+(?:was|is|will\s+be)\s+the\s+(?:exact\s+|specific\s+)?date\b", low))
    words = {w.lower() for w in _WORD_RE.findall(q)}
    source = bool(words & set(_values()["name"]["asks_source"]))
    topic = frozenset(t.stem for t in key_terms(q) if t.kind == "word")
    insists = bool(words & set(_values()["list"]["insists"]))
    who = bool(re.match(r"\s*(?:and |so |but )?who\b", low)) and "name" not in words
    verbs = "|".join(re.escape(v) for v in sorted(speech_verbs(), key=len, reverse=True))
    # only a bare "who": "which minister said ..." names its class, which the name must fit anyway, and "which news
    # agency reported ..." may be answered by "the update comes from Kyodo News" (both in the seed suite)
    said = re.match(rf"\s*(?:and |so |but )?who\s+(?:has |had |have )?(?P<verb>{verbs})\b", low)
    # "who added patrol boats …?" asks for the actor of an act, not a speaker (``speech_use.asks_speech``)
    speaker = said is not None and asks_speech(low, said.start("verb"), said.end("verb"))
    material = _material_after(m.group(1), len(counted)) if m and cls in _values()["count"]["material_classes"] else frozenset()
    differs = "|".join(map(re.escape, _values()["count"]["asking_difference"]))
    return AskedValue(frozenset(stem_word(w) for w in counted), head, cls, measure, calendar, _asks_person(low),
                      source, topic, insists, who, speaker, asked_class(q), _bound(low),
                      bool(re.search(r"\b(?:which|what)\s+two\b", low)),
                      bool(re.search(r"\b(?:what|which)\s+year\b", low)),
                      _named_people(q) if measure == "age" else frozenset(), material,
                      bool(re.search(rf"\bhow many\s+(?:{differs})\b", low)), _asks_share(low))


def _asks_share(low: str) -> bool:
    """Whether a question (lower case) asks a share of a whole: "what share of …", "which proportion …", "what
    percentage of …" (``[share].nouns``, at most one word between)."""
    nouns = "|".join(re.escape(n) for n in _values()["share"]["nouns"])
    return bool(re.search(rf"\b(?:what|which)\s+(?:\w+\s+)?(?:{nouns})\b", low))


def tells_change(text: str, start: int, end: int) -> bool:
    """Whether the percentage at ``text[start:end]`` is one of change, not a share: a word of ``[share].change_before``
    among the ``[share].reach`` words right before it in its clause (past ``before_skip`` words: "rose 12 percent",
    "up by about 40%", "up from 80 percent in 2015"; not "made up 30 percent": ``composed_of``), or a phrase of
    ``change_after`` or a word of ``change_next`` right after its unit ("12 percent from a year earlier", "5% higher")."""
    share = _values()["share"]
    before = re.split(r"[.;:,!?()]", text[:start])[-1].lower().split()
    skip = set(share["before_skip"])
    seen = 0
    before = [w.strip("“”\"'’") for w in before]
    for k in range(len(before) - 1, -1, -1):
        word = before[k]
        if word == "to" and k == len(before) - 1:
            return False  # "its share fell to 20 percent": the level reached, a share
        if word in share["change_before"]:
            # "made up 30 percent of …" is a share: the particle of a verb of composition
            return not (k and before[k - 1] in share["composed_of"])
        if word not in skip:
            seen += 1
            if seen >= share["reach"]:
                break
    after = re.sub(r"^\s*(?:%|percent\b|per cent\b|percentage points?\b)", "", text[end:], flags=re.I).lower()
    after = re.sub(r"\s+", " ", after).lstrip(" ,")
    after = re.sub(r"^in \w+ ", "", after)  # "12 percent in May from a year earlier"
    first = after.split(" ", 1)[0]
    return first in share["change_next"] or any(after.startswith(p) for p in share["change_after"])


def counted_phrase(question: str) -> str | None:
    """The words a "how many …?" question counts, as it writes them, with the material a unit of
    ``[count].material_classes`` measures: "licence examiners" for "How many licence examiners does METI employ?",
    "tonnes of rare-earth magnets" for "How many tonnes of rare-earth magnets did China export?"; None for another
    question (no "how many", or no noun after it)."""
    m = re.search(r"\bhow many\s+(.*)$", question.strip(), re.I | re.S)
    if m is None:
        return None
    words = _WORD_RE.findall(m.group(1))
    lead = words[:1] if words and words[0].lower() in _values()["count"]["asking_difference"] else []
    counted = _counted_phrase(words[len(lead):])  # ("how many *more* examiners": the difference word kept)
    if not counted:
        return None
    phrase = " ".join(lead + counted)
    if _class_of().get(stem_word(counted[-1])) in _values()["count"]["material_classes"]:
        after = _after_of(m.group(1), len(lead) + len(counted))
        material = _material_text(after) if after is not None else None
        phrase += f" of {material}" if material else ""
    return phrase


def _named_people(question: str) -> frozenset[str]:
    """Stems of the words of the person names ``question`` holds (``is_person_name``; not a lone sentence-initial
    word)."""
    return frozenset(stem_word(w) for name, initial in entities(question)
                     if not (initial and len(name.split()) == 1) and is_person_name(name)
                     for w in name.split() if w[:1].isupper())


#: the blank a statement to complete ends on: a colon, a line of underscores or an ellipsis (then "." or "?")
_BLANK = r"\s*(?::|_{2,}|…|\.{3})\s*[.?]?\s*$"


def _bound(low: str) -> tuple[str, ...]:
    """The words that must precede the completing time of a statement to complete after "since" / "until"
    (``[when.bounds]``), or () when ``low`` (a lower-cased question) is none."""
    bounds = _values()["when"]["bounds"]
    m = re.search(rf"\b({'|'.join(map(re.escape, bounds))}){_BLANK}", low)
    return tuple(bounds[m.group(1)]) if m else ()


def after_bound(bound: tuple[str, ...], text: str, start: int) -> bool:
    """Whether the time at ``start`` of ``text`` follows one of ``bound``'s words, at most two words before it
    ("since 1994", "until early March"); True when ``bound`` is empty (any time answers)."""
    if not bound:
        return True
    before = _WORD_RE.findall(text[:start])[-2:]
    return any(w.lower() in bound for w in before)


@cache
def speech_verbs() -> frozenset[str]:
    """Verbs of saying (reporting_verbs.txt and speech_verbs.txt, without "according")."""
    return frozenset((word_set("reporting_verbs") | word_set("speech_verbs")) - {"according"})


def speaks(name: str, text: str) -> bool:
    """Whether ``name`` is the speaker of a verb of saying in ``text``: "Yoshihide Suga told a news conference",
    "Suga, the chief cabinet secretary, said", "said Yoshihide Suga"; not "Suga added 12 ministers", where the verb
    tells an act (``rag.text.speech_use.used_as_speech``)."""
    verbs = "|".join(re.escape(v) for v in sorted(speech_verbs(), key=len, reverse=True))
    n = re.escape(name)
    frames = (rf"{n}(?:\s*,[^,]{{1,80}},)?\s+(?:[a-z]+\s+){{0,2}}?(?P<verb>{verbs})\b",
              rf"\b(?P<verb>{verbs})\s+(?:[\w’'-]+\s+){{0,5}}?{n}")
    return any(used_as_speech(text, m.start("verb"), m.end("verb")) for f in frames for m in re.finditer(f, text))


def _asked_measure(low: str) -> str | None:
    vals = _values()["measure"]
    if _asks_age(low):
        return "age"
    if re.search(r"\bhow long\b(?!\s+ago\b)", low):
        return "duration"
    if any(re.search(rf"\bwhat (?:\w+\s+)?{re.escape(p)}\b", low) for p in vals["percent_nouns"]):
        return "percent"
    nouns = "|".join(re.escape(n) for n in vals["money_nouns"])
    verbs = "|".join(re.escape(v) for v in vals["money_verbs"])
    if re.search(r"\bhow much money\b", low) or re.search(rf"\bhow much (?:\w+\s+){{0,8}}?(?:{verbs})\b", low):
        return "money"
    if re.search(rf"\b(?:{verbs}) (?:\w+\s+){{0,3}}?how much\b", low):  # "costing the UK how much"
        return "money"
    if re.search(rf"\bwhat (?:is|was|are|were|will be) (?:the |its |their |his |her )?(?:\w+\s+){{0,2}}?(?:{nouns})\b", low):
        return "money"
    if any(a in low for a in vals["cjk_money_asks"]) and any(n in low for n in vals["cjk_money_nouns"]):
        return "money"  # "한결소재의 피해액은 얼마인가?", "罚款是多少？", "損失額はいくらですか？"
    return None


def _asks_age(low: str) -> bool:
    """"How old is he?", "At what age did she …?", "What is his age?" (``[measure].age_asks`` / ``age_nouns``)."""
    vals = _values()["measure"]
    if any(re.search(rf"\b{re.escape(p)}\b", low) for p in vals["age_asks"]):
        return True
    nouns = "|".join(re.escape(n) for n in vals["age_nouns"])
    return bool(re.search(rf"\bwhat (?:is|was|will be) (?:the |its |their |his |her )?(?:\w+\s+){{0,2}}?(?:{nouns})\s*\?",
                          low))


@cache
def _age_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(words before a number that give it as an age, words after it; ``[measure].age_before`` / ``age_after``)."""
    vals = _values()["measure"]
    before = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(vals["age_before"], key=len, reverse=True))
    after = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(vals["age_after"], key=len, reverse=True))
    return (re.compile(rf"\b(?:{before})\s+(?:the\s+)?$", re.I), re.compile(rf"(?:{after})\b", re.I))


def gives_age(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is given as an age: "17-year-old", "80 years old", "turns 80", "at
    the age of 73", "aged 47", or between commas right after a name ("Truss, 47, lasted 45 days")."""
    before, after = _age_res()
    if before.search(text[max(0, start - 20):start]) or after.match(text[end:end + 16]):
        return True
    return bool(re.search(r"[A-Z][\w’'.-]*,\s*$", text[max(0, start - 40):start]) and re.match(r"\s*,", text[end:]))


def fitting_numbers(asked: AskedValue, masked: str,
                    question_stems: set[str] | frozenset[str] = frozenset()) -> Iterator[re.Match[str]]:
    """The numbers of ``masked`` (a text whose dates, clock times and names' numbers are blanked: ``quantity_text``,
    or the caller's own masking) that may give the value ``asked`` asks for, as matches in ``masked``, in order: not
    one the question holds (``question_stems``), not a year, not the unit "%" read alone (its number is read on its
    own), fitting the asked measure and count (``number_fits``), and for an age not another person's than the
    question's (``ages_another``). The one place that says which numbers answer a number question
    (``answer_kind.has_answer_kind``, ``answer_agree.value_groups``, ``answer_slot`` leads, ``states_age``)."""
    found = sorted([*NUMBER_RE.finditer(masked), *_han_counts().finditer(masked)], key=lambda m: m.start())
    for m in found:
        number, start, end = m.group(0), m.start(), m.end()
        if (number != "%" and stem_word(number) not in question_stems and not YEARISH_RE.match(number)
                and number_fits(asked, masked, start, end)
                and (asked.measure != "age" or not ages_another(masked, start, end, asked.people))):
            yield m


def states_age(text: str, question_stems: set[str] | frozenset[str] = frozenset(),
               people: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` gives an age the question (``question_stems``) lacks: a number that counts something
    (``quantity_text``: not a date's day nor a name's number), not a year, given as an age (``gives_age``) and not
    to another person than the question's (``people``, ``ages_another``): ``fitting_numbers`` of an age question."""
    return any(fitting_numbers(AskedValue(measure="age", people=people), quantity_text(text), question_stems))


def ages_another(text: str, start: int, end: int, people: frozenset[str]) -> bool:
    """Whether the age at ``text[start:end]`` is given to another person than the one the question names (``people``:
    the stems of its person names, ``AskedValue.people``): the name right after a "-year-old" ("17-year-old Mack
    Rutherford"), else the nearest name before it in its clause (after the last sentence break, dash or "and"), is a
    person's (``is_person_name``) none of whose words the question holds ("Trump left office at the age of 74" for
    "President Joe Biden celebrated a milestone birthday. What is his age?"). False when the question names nobody
    ("How old is he?"), when no name is given to the age ("A 17-year-old has become …", "The president, who turned 80
    …"), or the name is the question's ("President Joe Biden turns 80")."""
    if not people:
        return False
    after = re.match(r"-years?-old\s+((?:[A-Z][\w’'.-]*\s*){1,3})", text[end:])
    if after:
        name = after.group(1).strip()
    else:
        prefix = text[:start]
        cut = max((m.end() for m in re.finditer(r"[.;:!?–—]|\band\b", prefix)), default=0)
        names = [n for n, initial in entities(prefix) if not (initial and len(n.split()) == 1)
                 and prefix.rfind(n) >= cut]
        if not names:
            return False
        name = names[-1]
    words = [w for w in name.split() if w[:1].isupper()]
    return is_person_name(name) and not any(stem_word(w) in people for w in words)


def _asks_person(low: str) -> bool:
    """"which designer ...", "the scientist's name", "what is the name of the pilot": a person is asked for."""
    nouns = _person_nouns()
    aux = set(table("answer_kinds")["vocab"]["aux"])
    for m in re.finditer(r"\b(?:which|what)\s+((?:[\w'’-]+\s*){1,4})", low):
        words = m.group(1).split()
        for n, w in enumerate(words):  # "which Labour frontbencher was ...": the class noun before the verb
            if w in aux or w in _stopwords() or w.endswith("ed") or PLACE_CLASS.fullmatch(w):
                break  # "tourists from which nation": a place is asked ("nation" shares its stem with "nationals")
            if n + 1 < len(words) and re.search(r"(?:al|['’]s)$", w):
                continue  # "which national park", "which children's book": a modifier of the class noun after it
            if stem_word(w) in nouns:
                return True
            if w in word_set("name_classes"):
                break  # "which country hosted ...": the class is a country
    words = [m.group(1) for m in re.finditer(r"\b([\w-]+)['’]s (?:full |real )?name\b", low)]
    words += [w for m in re.finditer(r"\bname of the (?:([\w-]+)\s+)?([\w-]+)\b", low) for w in m.groups() if w]
    words += [w for m in re.finditer(r"\bwho (?:is|was|are|were) (?:the |a |an |its |their )(?:([\w-]+)\s+)?([\w-]+)\b", low)
              for w in m.groups() if w]
    return any(stem_word(w) in nouns for w in words)


def _following_words(text: str, end: int) -> list[str]:
    """The words right after a number at ``end``, scale words and "more" skipped, up to a stop word."""
    skip = set(_values()["count"]["skip"])
    rest = text[end:]
    if re.match(r"\s*(?:%|percent\b|per cent\b)", rest, re.I) or re.match(r"-", rest):
        return []  # a percentage or "17-year-old": not a count of things
    out: list[str] = []
    for m in re.finditer(r"\S+", rest[:120]):
        raw = m.group(0)
        word = raw.strip(".,;:!?()[]“”\"'’")
        if not word or not _WORD_RE.fullmatch(word):
            break
        if not out and word.lower() in skip:
            continue
        if word.lower() in _stopwords():
            break
        out.append(word)
        if raw[-1:] in ".,;:!?)" or len(out) == 3:
            break
    return out


@cache
def _ordinal_re() -> re.Pattern[str]:
    count = _values()["count"]
    spelled = (w for w, n in ordinal_values().items() if w.isalpha() and n >= int(count["ordinal_from"]))
    words = alternation(spelled)
    dets = "|".join(map(re.escape, count["ordinal_determiners"]))
    repeat = alternation(word_list("streak_words"))
    return re.compile(rf"\b(?:{dets}|[A-Za-z]+['’]s)\s+(?:{words}|(?!1st\b)\d{{1,3}}(?:st|nd|rd|th))\s+"
                      rf"(?:(?:{repeat})\s+)?(?P<noun>[A-Za-z-]+(?:\s+[A-Za-z-]+){{0,{int(count['ordinal_reach']) - 1}}})",
                      re.I)


def _ranks(word: str) -> bool:
    """Whether ``word`` ranks rather than names ("the third *largest* chipmaker"): a superlative (``[count]
    .rank_words``, or an "-est" word of six letters or more; "interest" is missed, which only stops a count)."""
    low = word.lower()
    return low in _values()["count"]["rank_words"] or (low.endswith("est") and len(low) >= 6)


def ordinal_counts(asked: AskedValue, text: str) -> bool:
    """Whether ``text`` counts the noun a "how many <noun>" question asks (``asked.head``) with an ordinal: of
    repetition, "Interest rates are expected to rise for a seventh time in a row" for "How many times in a row has
    the Bank raised rates?", "exports fell for the 3rd straight month" for "… for how many months?"; or of the
    members so far, "It is the 13th technology field designated" for "How many technology fields have been
    designated?", "the company's fifth overseas plant" (``ordinal_values`` from ``[count].ordinal_from`` of
    answer_values.toml, after a determiner or a possessive, the noun within ``ordinal_reach`` words; "for the first time" counts nothing; a
    superlative between them ranks: "the third largest chipmaker"). False for a question counting no named noun."""
    if not asked.head:
        return False
    for m in _ordinal_re().finditer(text):
        for word in m.group("noun").split():
            if _ranks(word):
                break
            if stem_word(word) == asked.head:
                return True
    return False


def counts_asked(asked: AskedValue, following: list[str]) -> bool | None:
    """Whether a number followed by ``following`` counts what the question counts: True (the asked noun or one of its
    class), False (a noun of another class, or another plural noun), None (nothing to tell: "12 were killed")."""
    if not asked.head or not following:
        return None
    stems = [stem_word(w) for w in following]
    if set(stems) & ({asked.head} | (asked.counted - {None})) and asked.head in stems:
        return True
    classes = {_class_of().get(s) for s in stems} - {None}
    if asked.count_class and asked.count_class in classes:
        return True
    if classes:
        return False
    last = following[-1]
    plural = last.islower() and len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is"))
    return False if plural else None


@cache
def _cjk_count_patterns() -> tuple[re.Pattern[str], tuple[str, ...]]:
    count = _values()["count"]
    classifiers = tuple(sorted(count["cjk_classifiers"], key=len, reverse=True))
    asking = "|".join(map(re.escape, sorted(count["cjk_asking"], key=len, reverse=True)))
    return re.compile(rf"(?:{asking})\s?({'|'.join(map(re.escape, classifiers))})"), classifiers


def _cjk_counted(question: str) -> str | None:
    """The classifier a Chinese, Japanese or Korean count question asks a number of ("项" of "新增了几项…？", "건" of
    "몇 건인가?"; ``[count].cjk_asking`` / ``cjk_classifiers``), or None."""
    m = _cjk_count_patterns()[0].search(question)
    return m.group(1) if m else None


@cache
def _cjk_between_re() -> re.Pattern[str]:
    """Marks an approximation or a scale puts between a number and its classifier (``[count].cjk_between``)."""
    marks = "".join(map(re.escape, _values()["count"]["cjk_between"]))
    return re.compile(rf"\s*(?:[{marks}]\s*)*")


def _counts_by_classifier(head: str, text: str, question_stems: set[str] | frozenset[str]) -> bool:
    """Whether ``text`` has a number the question lacks right before the classifier ``head`` ("7项", "52건"), an
    approximation or a scale between them ("4,800여 건", "200余份", "1万2千件")."""
    masked = quantity_text(text)
    between = _cjk_between_re()
    return any(masked[between.match(masked, m.end()).end():].startswith(head) for m in NUMBER_RE.finditer(masked)
               if stem_word(m.group(0)) not in question_stems and not YEARISH_RE.match(m.group(0)))


def counts_noun(asked: AskedValue, text: str, question_stems: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` counts the very noun a "how many <noun>" question counts (``asked.head``, a stem) with a number
    the question lacks (``question_stems``), in the asked measure: "Truss, 47, lasted 45 days in office" for "… after
    how many days in office?". A number of another noun of the same class counts the class in another unit, not the
    asked noun ("less than two months into the job": ``counts_asked`` accepts it as a time, this does not); numbers
    that count nothing (dates, clock times, a name's number: ``quantity_text``) and years are skipped. False when the
    question counts no named noun (``asked.head`` None: "What is his age?")."""
    if not asked.head:
        return False
    if asked.head in _cjk_count_patterns()[1]:  # "7项" for "几项", "52건" for "몇 건"
        return _counts_by_classifier(asked.head, text, question_stems)
    return ordinal_counts(asked, text) or any(asked.head in {stem_word(w) for w in following}
                                              for following in _counting_numbers(asked, text, question_stems))


def counts_in_kind(asked: AskedValue, text: str, question_stems: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` already answers a "how many <noun>" question in kind: it counts the asked noun
    (``counts_noun``) or, when the noun's class is not a unit of measure (``[count].unit_classes`` of
    answer_values.toml), another noun of its class with a number the question lacks: "China Imposes Export Restrictions
    on 20 Japanese Firms" answers "How many Japanese companies …?", while "less than two months into the job" does not
    answer "… after how many days in office?" (months and days are units of one class). False for a question counting
    no named noun."""
    if counts_noun(asked, text, question_stems):
        return True
    if not asked.count_class or asked.count_class in _values()["count"]["unit_classes"]:
        return False
    return any(counts_asked(asked, following) is True for following in _counting_numbers(asked, text, question_stems))


def counts_by_counter(asked: AskedValue, text: str, question_stems: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` counts something with a counter noun (``[count].counters`` of answer_values.toml: "31,000
    units", "400 devices") and a number the question lacks: a count of whatever the story counts, which answers a
    "how many <noun>" question when its sentence tells the asked act (``answer_slot.count_lead``)."""
    counters = {stem_word(w) for w in _values()["count"]["counters"]}
    return any(following and stem_word(following[0]) in counters
               for following in _counting_numbers(asked, text, question_stems))


def _counting_numbers(asked: AskedValue, text: str, question_stems: set[str] | frozenset[str]):
    """For each number of ``text`` that may count something in the asked measure (not one the question holds, not a
    year; dates, clock times and a name's number masked by ``quantity_text``): the words that follow it."""
    masked = quantity_text(text)
    for m in NUMBER_RE.finditer(masked):
        if (stem_word(m.group(0)) not in question_stems and not YEARISH_RE.match(m.group(0))
                and gives_measure(asked.measure, masked, m.start(), m.end())):
            yield _following_words(masked, m.end())


def gives_measure(measure: str | None, text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is the asked measure: a currency amount for money, a percentage, an
    age (``gives_age``), a length of time (``gives_duration``)."""
    if measure is None:
        return True
    if measure == "percent":
        return is_percentage(text, end)
    if measure == "age":
        return gives_age(text, start, end)
    if measure == "duration":
        return gives_duration(text, end)
    return any(q.currency and q.start <= start < q.end + 1 for q in find_quantities(text)) or any(
        q.currency and start <= q.start < end + 2 for q in find_quantities(text))


def gives_duration(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` counts units of time ("for three years", "a 90-day suspension", "six
    months", "2.5 hours", "45 working days": ``[measure].duration_units`` right after it, a hyphen or a word of
    ``[measure].duration_qualifiers`` between); a "how long
    …?" question asks for one (``AskedValue.measure`` "duration")."""
    units = "|".join(re.escape(u) for u in _values()["measure"]["duration_units"])
    # (a qualifier between: "two and a half years", "within 45 working days", "10 business days":
    # ``[measure].duration_qualifiers``)
    between = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in _values()["measure"]["duration_qualifiers"])
    return bool(re.match(rf"(?:\s+|-)(?:(?:{between})\s+)?(?:{units})\b", text[end:], re.I))


def ends_at_time(text: str) -> bool:
    """Whether ``text`` gives a length of time by its end: "until 2029", "through the end of 2027", "until January 5,
    2027" (``[measure].duration_ends`` before a year or a month): it answers a "how long …?" question as a count of
    units does."""
    ends = "|".join(re.escape(u) for u in _values()["measure"]["duration_ends"])
    months = "|".join(MONTH_NAMES)
    return bool(re.search(rf"\b(?:{ends})\s+(?:the\s+end\s+of\s+|(?:early|mid|late)[-\s]+)?"
                          rf"(?:(?:{months})\b[^.;:]{{0,6}}?)?(?:19|20)\d\d\b", text, re.I))


def is_percentage(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` is a percentage ("41%", "3 percent", "2 percentage points")."""
    return bool(re.match(r"\s*(?:%|percent\b|per cent\b|percentage points?\b)", text[end:], re.I))


@cache
def _share_words() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(_values()["share"]["in_words"]) + r")\b", re.I)


def share_in_words(asked: AskedValue, text: str) -> bool:
    """Whether ``text`` tells the share a share question (``asked.share``: "What share of LNG carrier orders …?")
    asks for in words, without a number: "maybe a third of the global market", "about half of its sales", "one in
    five chips" (``answer_values.toml`` [share].in_words). False for any other question."""
    return asked.share and _share_words().search(text) is not None


def number_fits(asked: AskedValue, text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` answers the question: the measure asked for, and not a count of
    something else than what it counts, nor of another material (``measures_other_material``), nor a difference
    (``is_difference``) unless the question asks for one."""
    if not gives_measure(asked.measure, text, start, end):
        return False
    if not asked.difference and is_difference(text, end):
        return False
    # "What share of Taiwan's exports went to …?" is not answered by "exports rose 12 percent from a year earlier"
    if asked.share and re.fullmatch(r"%|percent|per cent", text[start:end], re.I):
        return False  # the unit alone ("percent", which NUMBER_RE matches too): its number is read on its own
    if asked.share and is_percentage(text, end) and tells_change(text, start, end):
        return False
    if measures_other_material(asked, text, end):
        return False
    if measures_another_unit(asked, text, start, end):
        return False
    # "how many tonnes …?" is not answered by "down 41%": a share is no quantity in a unit of weight or length
    if asked.count_class in _values()["count"]["material_classes"] and (
            is_percentage(text, end) or text[start:end] == "%"):
        return False
    classifier = cjk_classifier_after(text, end)
    if classifier is not None:  # "5명", "約3000件", "3名": the classifier says what the number counts
        fits = counts_by_cjk_class(asked, classifier)
        if fits is not None:
            return fits
    return counts_asked(asked, _following_words(text, end)) is not False


@cache
def _han_counts() -> re.Pattern[str]:
    """A count written in Han numerals right before a classifier ("八家", "三名", "两人"; the digits of
    ``quantities.toml`` [numerals.cjk] with 十, 百, 千): alone the digits are words ("三星" is Samsung), before a
    classifier they count."""
    digits = "".join(table("quantities")["numerals"]["cjk"]) + "十百千"
    classifiers = "|".join(map(re.escape, _cjk_count_patterns()[1]))
    return re.compile(rf"(?<![{digits}])[{digits}]+(?=(?:{classifiers}))")


@cache
def _cjk_classes() -> dict[str, str]:
    """A CJK classifier → the class of what it counts (``[count.cjk_classes]``)."""
    return {c: name for name, cs in _values()["count"]["cjk_classes"].items() for c in cs}


def cjk_classifier_after(text: str, end: int) -> str | None:
    """The CJK classifier right after the number ending at ``end`` ("명" of "5명", "件" of "約3000件", "건" of "1만여
    건": an approximation or a scale may come between, ``[count].cjk_between``), or None."""
    rest = text[_cjk_between_re().match(text, end).end():]
    return next((c for c in _cjk_counters() if rest.startswith(c)), None)


@cache
def _cjk_counters() -> tuple[str, ...]:
    """The classifiers of count questions and the class-only units of ``[count.cjk_classes]`` ("日", "개월"), longest
    first."""
    return tuple(sorted({*_cjk_count_patterns()[1], *_cjk_classes()}, key=len, reverse=True))


def counts_by_cjk_class(asked: AskedValue, classifier: str) -> bool | None:
    """Whether a number counted by the CJK ``classifier`` counts what the question counts: True when it is the asked
    classifier or one of the asked class (an English "how many people" and "3人"; "몇 명" and "5명"; "几名" and
    "4人"), False when its class is another ("1만여 건" for "몇 명", "約3000件" for "how many people") or the question
    asks by another classifier of no class; None when nothing tells (the question counts no class)."""
    if asked.head == classifier:
        return True
    classes, classifiers = _cjk_classes(), _cjk_count_patterns()[1]
    by_classifier = asked.head in classifiers
    wanted = classes.get(asked.head) if by_classifier else asked.count_class
    mine = classes.get(classifier)
    if wanted is None or mine is None:
        return False if by_classifier else None
    if mine != wanted and not by_classifier and wanted != "person":
        return None  # an English noun's class is read from its stem ("exports" as "exporters"): only people are sure
    return mine == wanted


def _words_at(text: str, n: int) -> list[str]:
    """The first ``n`` words of ``text``, lower case, up to a clause mark."""
    out: list[str] = []
    for m in re.finditer(r"\S+", text):
        raw = m.group(0)
        word = raw.strip(".,;:!?()[]“”\"'’").lower()
        if word:
            out.append(word)
        if raw[-1:] in ".,;:!?)" or len(out) == n:
            break
    return out


def is_difference(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` opens a comparison ("200 more licence examiners than the ministry has",
    "30 fewer beds than last winter": a comparative of ``[count].comparatives`` right after it, past scale words,
    and ``comparison_end`` within ``comparison_reach`` words before a clause mark): it gives a difference."""
    count = _values()["count"]
    words = _words_at(text[end:], count["comparison_reach"] + 3)
    scale = set(count["skip"]) - set(count["comparatives"])
    i = 0
    while i < len(words) and words[i] in scale:
        i += 1
    if i >= len(words) or words[i] not in count["comparatives"]:
        return False
    return count["comparison_end"] in words[i + 1:i + 1 + count["comparison_reach"]]


def _material_text(text: str) -> str | None:
    """The material ``text`` opens, as written (up to a stop word or a clause mark, at most three words): "rare-earth
    magnets" of "rare-earth magnets did China export"; None when it opens with a determiner or a pronoun (a reference
    back: "the metal", "it") or names nothing."""
    out: list[str] = []
    for m in re.finditer(r"\S+", text):
        raw = m.group(0)
        word = raw.strip(".,;:!?()[]“”\"'’")
        low = word.lower()
        if not out and (low in word_set("determiners") or low in word_set("pronouns")):
            return None
        if not word or low in _stopwords() or not _WORD_RE.fullmatch(word):
            break
        out.append(word)
        if raw[-1:] in ".,;:!?)" or len(out) == 3:
            break
    return " ".join(out) or None


def _material_words(text: str) -> list[str] | None:
    """The words of the material ``text`` opens (``_material_text``), lower case, hyphened words split."""
    material = _material_text(text)
    return [part for part in re.split(r"[\s-]+", material.lower()) if part] if material else None


def _after_of(rest: str, counted: int) -> str | None:
    """The text after "of" when it follows the first ``counted`` words of ``rest`` (the question after "how many":
    "tonnes of rare-earth magnets …" → "rare-earth magnets …" for one word); None when no "of" follows them."""
    m = re.match(r"\s*(?:[\w'’-]+\s+){%d}of\s+(.*)$" % counted, rest, re.I | re.S) if counted else None
    return m.group(1) if m else None


def _material_after(rest: str, counted: int) -> frozenset[str]:
    """Stems of the material after "<unit> of" in ``rest`` (the question after "how many"), given the ``counted``
    words of its unit; empty when no "of" follows the unit."""
    after = _after_of(rest, counted)
    words = _material_words(after) if after is not None else None
    return frozenset(stem_word(w) for w in words or ()) - {None}


def measures_other_material(asked: AskedValue, text: str, end: int) -> bool:
    """Whether the number ending at ``end`` measures, in the asked unit, a material other than the one a "how many
    <unit> of <material>" question asks (``asked.material``): "19.6 tonnes of unwrought gallium" for "How many tonnes
    of rare-earth magnets …?". False when the question names no material, the number is of another unit, no
    material follows "of", or it is a reference back ("tonnes of the metal")."""
    if not asked.material or not asked.head:
        return False
    m = re.match(r"\s*(?:[\w'’.-]+\s+){0,2}?(?P<unit>[\w'’-]+)\s+of\s+(?P<rest>.*)$", text[end:end + 120], re.I | re.S)
    if m is None or stem_word(m.group("unit").lower()) != asked.head:
        return False
    words = _material_words(m.group("rest"))
    return words is not None and not ({stem_word(w) for w in words} & asked.material)


#: A number that is part of a name: right after a capitalised word that follows a lower-case word or a comma on the
#: same line ("outside Number 10 Downing Street", "the Title 42 policy", "a Boeing 737"; not "Nearly 200 suppliers"
#: opening a sentence or a line), not followed by a scale or a percentage ("Toyota 20%" would be a share) nor joined
#: to a unit by a hyphen ("Belgian British 17-year-old Mack Rutherford": an age after a nationality, not a name's number).
_NAMED_NUMBER_RE = re.compile(
    r"(?<=[a-z,] )(?P<word>[A-Z][A-Za-z]+)\s+(?P<n>\d{1,4})\b"
    r"(?![.,]\d|-[a-z]|\s*(?:%|percent|per cent|[mb]illion|thousand|trillion)\b)")
#: a day the yearless dates of a text are read against: only their spans matter here, never their values
ANY_DAY = "2000-01-01"


@lru_cache(maxsize=8192)
@cache
def _unit_stems() -> dict[str, frozenset[str]]:
    """Per unit and currency of ``rag/text/data/quantities.toml`` ([units], [currencies] suffixes and names), the
    stems of the words that spell it ("pp" → {percentag, point, pp, …}, "JPY" → {yen, jpy})."""
    quantities = table("quantities")
    out: dict[str, frozenset[str]] = {}
    for unit, spellings in quantities["units"].items():
        out[unit] = frozenset(stem_word(w) for s in spellings for w in _WORD_RE.findall(s))
    for code, cur in quantities["currencies"].items():
        words = list(cur.get("suffix", [])) + list(cur.get("prefix", [])) + [cur.get("name", "")]
        out[code] = frozenset(stem_word(w) for s in words for w in _WORD_RE.findall(s))
    return out


def measures_another_unit(asked: AskedValue, text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` measures something in a unit or a currency that is not what a "how
    many <noun> …?" question counts: "920 billion yen in subsidies" or "2-nanometre logic chips" for "How many wafers
    will the plant make?", "240 terabits per second" stays a count of terabits. Read: the quantity at the number has
    a currency or unit of ``quantities.toml`` (``numbers.find_quantities``: "920 billion yen", "41%"), or the number
    is joined by a hyphen to a unit (``quantities.toml`` [units], a word of ``[count].unit_classes``: "2-nanometre",
    "13,000-kilometre cable", "a 10-year plan"; not "a 12-nation coalition", which may count countries), and
    the question's counted words (``asked.counted``) spell neither that unit nor that word ("how many percentage
    points" is answered by "0.75 percentage points", "how many days" by "a 45-day term"). False for a question
    counting no named noun, or asking for a measure (money, a percentage, an age: ``gives_measure`` reads those)."""
    if not asked.head or asked.measure is not None:
        return False
    counted = asked.counted | {asked.head}
    for q in find_quantities(text):
        if q.start <= start < max(q.end, start + 1) and (q.currency or q.unit):
            spelled = _unit_stems().get(q.currency or q.unit or "", frozenset())
            return not (counted & spelled)
    joined = re.match(r"-([A-Za-z]+)\b", text[end:])
    if joined is None:
        return False
    # (only a unit: "a 12-nation coalition" may count the countries asked for)
    word = stem_word(joined.group(1))
    units = _values()["count"]["unit_classes"]
    is_unit = any(word in spelled for spelled in _unit_stems().values()) or _class_of().get(word) in units
    return is_unit and word not in counted


def quantity_text(text: str) -> str:
    """``text`` with the numbers that count nothing blanked (same length, so spans stay valid): the parts of dates
    ("2026-06-30", "March 5", "on Aug. 4", by ``rag.text.dates.find_dates``), clock times ("6:30 p.m.", by
    ``rag.text.numbers.clock_spans``) and the numbers of names ("Number 10 Downing Street", "Title 42"). What is
    left are the quantities a "how many / how much" question may be answered by: "he said on March 5 that there
    were no plans" gives no count of conscripts."""
    spans = [(d.start, d.end) for d in find_dates(text, published=ANY_DAY) if re.search(r"\d", d.text)]
    spans += clock_spans(text)
    spans += [m.span("n") for m in _NAMED_NUMBER_RE.finditer(text)
              if m.group("word").lower() not in _stopwords() and m.group("word") not in MONTH_NAMES]
    out = list(text)
    for start, end in spans:
        out[start:end] = " " * (end - start)
    return "".join(out)


_DAY_RE = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"


@cache
def _calendar_re() -> re.Pattern[str]:
    months = "|".join(MONTH_NAMES[1:])
    return re.compile(
        rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b(?:{months})\.?\s+{_DAY_RE}\b|\b{_DAY_RE}\s+(?:of\s+)?(?:{months})\b|"
        r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.I)


#: a year as a sentence gives it: four digits from 1800 to 2099, not inside a longer number ("2019", "in 1994",
#: "no later than 2027, officials said"; not "1,2019" nor "2019,000" nor "2019.5")
_YEAR_RE = re.compile(r"(?<![\d,.])(?:18|19|20)\d\d(?!\d|[,.]\d)")


def gives_year(text: str) -> bool:
    """Whether a sentence gives a year ("in 2019", "2019-07-04"), not only a weekday, "last week" or "July 4"."""
    return _YEAR_RE.search(text) is not None


def gives_calendar_date(text: str) -> bool:
    """Whether a sentence gives a calendar date (a day of a month, an ISO date), not only a weekday or "last week"."""
    return _calendar_re().search(text) is not None


#: A name joined to a participle ("Pentagon-funded", "US-led"); a hyphenated given name ("Yun-mo", "Jong-un") is not.
_MODIFIER_RE = re.compile(r"^[A-Z][\w'’.]*-[a-z]+ed$")


#: An acronym, plural or not ("NSB", "ICs", "EVs"): an organisation or a thing, not a person's name.
_ACRONYM_RE = re.compile(r"^[A-Z]{2,}s?$")


def is_person_name(name: str) -> bool:
    """Whether a capitalised name may be a person's: not a place or a region ("East Asia", ``region_words`` of
    regions.toml), not an organisation ("Duke University", "Nikkei Asia", "Ministry of Commerce"), not an
    acronym ("NSB", "ICs") and not a name made a modifier ("Pentagon-funded")."""
    words = [w for w in name.split() if w]
    if not words:
        return False
    if any(_MODIFIER_RE.search(w) for w in words):
        return False  # "Pentagon-funded", "US-led", "Beijing-backed": a modifier made from a name, not a person
    if all(_ACRONYM_RE.match(w.strip(".,")) for w in words):
        return False
    regions = region_words()
    if all(place_of_word(w) is not None or w.lower().strip(".,") in regions for w in words) or (
            place_of_word(name) is not None):
        return False
    orgs = (word_set("org_words") - {"people", "people's", "peoples", "state", "justice", "central"}) | set(
        _values()["name"]["org_heads"])
    return not any(re.sub(r"['’]s$", "", w.lower().strip(".,")) in orgs for w in words)


#: Prepositions of place and route: a one-word name right after one of them is where something is, not who.
_LOCATIVE_RE = r"\b(?:in|at|through|via|near|into|outside|across|off)\s+(?:the\s+)?"


def only_place(name: str, text: str) -> bool:
    """Whether a one-word ``name`` is, at every mention in ``text``, the object of a preposition of place or route
    ("shipped through Manzanillo", "held in Kestrelholm"): a place the places lexicon does not know, not a person (a
    person's name in such a spot has a given name and a family name: "in Elena Ruiz's office" is left alone)."""
    if len(name.split()) != 1:
        return False
    spots = list(re.finditer(rf"\b{re.escape(name)}\b", text))
    return bool(spots) and all(re.search(_LOCATIVE_RE + r"$", text[: m.start()], re.I) for m in spots)


@cache
def _people_re() -> re.Pattern[str]:
    nouns = set(_values()["name"]["person_nouns"]) | set(_values()["count"]["classes"]["person"])
    nouns |= {n + "s" for n in _values()["name"]["person_nouns"]}
    alt = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    aux = r"(?:is|are|was|were|be|been|being|has|have|had|will|would|could|may|might|reportedly|also|now)"
    return re.compile(rf"\b({alt})\s+(?:{aux}\s+){{0,3}}([a-z][a-z'-]+)", re.I)


def people_doing(text: str, question_stems: set[str]) -> bool:
    """Whether a sentence says which people did what a "who" question asks: a person noun the question does not use
    right before a verb it does use ("tech executives are being held" for "who is being held in China?")."""
    for m in _people_re().finditer(text):
        noun, verb = stem_word(m.group(1).lower()), stem_word(m.group(2).lower())
        if noun not in question_stems and verb in question_stems and verb not in _stopwords():
            return True
    return False


@cache
def _source_frames() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The frames of a name that attributes a report: right before it ("reported by", "a separate report from"),
    right after it ("… reported"), and a report noun it qualifies ("an earlier Kyodo News report")."""
    vals = _values()["name"]
    before = "|".join(re.escape(w) for w in sorted(vals["source_before"], key=len, reverse=True))
    after = "|".join(re.escape(w) for w in sorted(vals["source_after"], key=len, reverse=True))
    nouns = "|".join(re.escape(w) for w in sorted(vals["source_nouns"], key=len, reverse=True))
    date = r"(?:on\s+[\w,-]+(?:\s+[\w,]+){0,2}\s+)?"  # "reported on 2026-06-30 by ..."
    # "a separate report from", "a new story by", "an article in": up to two modifiers before the report noun
    noun_before = rf"\b(?:a|an|the|one|another)\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\s+(?:from|by|in)"
    return (re.compile(rf"(?:\b(?:{before.replace('by', date + 'by')})|{noun_before})\s+(?:the\s+)?$", re.I),
            re.compile(rf"^[\s,’'s]*(?:{after})\b", re.I),
            re.compile(r"\b(?:a|an|the|one|another)\s+(?:[\w-]+\s+)?$", re.I),
            re.compile(rf"^[’']?s?\s+(?:news\s+)?(?:{nouns})\b", re.I))


def only_source(name: str, text: str) -> bool:
    """Whether every mention of ``name`` in ``text`` attributes a report ("reported by Nikkei Asia", "according to
    Reuters", "Yonhap reported", "a separate report from Taipei Times", "an earlier Kyodo News report"): the outlet,
    not what the story is about."""
    before, after, det, noun = _source_frames()
    spots = [m for m in re.finditer(re.escape(name), text)]
    return bool(spots) and all(
        before.search(text[: m.start()]) or after.match(text[m.end():])
        or (det.search(text[: m.start()]) and noun.match(text[m.end():])) for m in spots)
