"""What kind of answer a question asks for (a date, a number, a term, a name) and whether a sentence gives it."""

from __future__ import annotations

import re
from functools import cache

from typing import NamedTuple

from rag.text.cjk_organisations import new_organisations
from rag.text.dates import MONTH_PATTERN, find_dates, month_number
from rag.text.scripts import cjk_count
from rag.text.lexicon import table, word_set
from rag.text.normalize import compat_form
from rag.text.places import place_of_word
from rag.text.sentences import sentence_texts
from rag.text.world_places import world_place_stretches
from rag.writers.candidates import Candidate
from rag.writers.timeline import relative_spans
from rag.writers.key_terms import ENTITY_NOISE, entities, key_terms
from rag.writers.key_terms import stems as text_stems
from rag.writers.key_terms import stem as stem_word
from rag.writers.answer_value import (
    ANY_DAY,
    AskedValue,
    after_bound,
    gives_calendar_date,
    gives_year,
    is_person_name,
    only_place,
    ends_at_time,
    fitting_numbers,
    only_source,
    ordinal_counts,
    people_doing,
    quantity_text,
    share_in_words,
    speaks,
)
from rag.writers.answer_class import named_as_other
from rag.writers.answer_period import ends_deadline, gives_period
from rag.writers.attribution import cue_role
from rag.writers.sentence_cues import (
    ANSWER_KIND_ORDER,
    CONTENTS_LIST_RE,
    CUES,
    DATE_RE,
    ENUM_RE,
    INTENT_RE,
    NAMING_VERBS,
    TERM_RE,
    WANTS,
)

__all__ = ["KIND_NOUNS", "SINGLE_VALUE_KINDS", "answer_type", "recommender", "recommends", "answers_anew", "asks_for_more", "asked_kind_phrase", "asked_sentence", "asks_uses", "has_answer_kind",
           "is_enumeration", "lists_contents", "lists_names", "names_designation", "names_pair", "lists_only_uses", "named_elsewhere",
           "without_carried_context"]

#: A name made a modifier by a hyphen and a lower-case word: "LGBTQ-rights", "Kremlin-backed", "US-trained",
#: "Covid-related" (not "Coca-Cola", "Mar-a-Lago": a capital after the last hyphen, or a hyphen in between)
NAME_MODIFIER_RE = re.compile(r"^[A-Z][\w'’.]*-[a-z]+[.,;:]?$")

#: What an answer of each kind is called when the sources lack it ("none gives the date asked for").
KIND_NOUNS = {"period": "the time limit", "when": "the date", "date": "the date", "number": "the number", "term": "the term", "name": "the name",
              "list": "the list of items", "action": "the action", "intent": "what was said would be done",
              "recommendation": "the recommendation",
              "reason": "the reason", "thing": "the name"}


def asked_sentence(question: str) -> tuple[str, str]:
    """``(asked, background)``: the sentence a question asks in and the background sentences before it ("Queen
    Elizabeth II died Thursday. When did she ascend to the throne?" → ("When did she ascend to the throne?", "Queen
    Elizabeth II died Thursday.")); ``(question, "")`` for a one-sentence question, or when a sentence before the
    last one asks too ("Who won? The prize was announced Monday.")."""
    parts = sentence_texts(question.strip())
    if len(parts) < 2 or any(p.rstrip().endswith("?") for p in parts[:-1]):
        return question, ""
    return parts[-1].strip(), " ".join(p.strip() for p in parts[:-1])


_CARRIED_RE = re.compile(r"(?<=[?？])\s*\([^()]*\)\s*$")


def without_carried_context(question: str) -> str:
    """``question`` without the carried-over context a resolved follow-up ends with (``ResolvedQuestion.standalone``
    and ``.question``: "By whom? (reported Japan battery makers)" → "By whom?"); a parenthesis that is part of the
    question ("What does the Export Control Reform Act (ECRA) cover?") is kept."""
    return _CARRIED_RE.sub("", question)


def _carried_context(question: str) -> str:
    """The carried-over context a resolved follow-up ends with, without its parentheses ("" when there is none)."""
    m = _CARRIED_RE.search(question)
    return m.group(0).strip()[1:-1] if m else ""


def asked_kind_phrase(question: str) -> str | None:
    """The words with which a question asks for its kind of answer ("How many chips did Japan export?" → "How
    many"), read as ``answer_type`` reads them; None when it asks for no kind. A resolved follow-up that inherited
    its kind gives the inherited words."""
    kind = answer_type(question)
    if kind is None:
        return None
    for text in (without_carried_context(question), _carried_context(question)):
        m = WANTS[kind].search(text)
        if m is not None and WANTS[kind].search(m.group(0).strip()):
            return m.group(0).strip()
    return None


def answer_type(question: str) -> str | None:
    """The kind of answer a question asks for: "period" (a time limit), "when", "date", "number", "recommendation", "term", "list", "name",
    "intent", "reason", "action" or None (the first kind of ``rag/text/data/answer_kinds.toml`` whose wording it uses).
    A resolved follow-up that asks for no kind itself ("And the year before? (How many chips Japan export)") asks
    for the kind its carried context leads with: ``rag.followup`` carries the previous question's asking words
    there only when the follow-up keeps the previous question's ask."""
    kind = _own_answer_type(question)
    if kind is None:
        carried = _carried_context(question)
        kind = next((k for k in ANSWER_KIND_ORDER if WANTS[k].match(carried)), None) if carried else None
    return kind


def _own_answer_type(question: str) -> str | None:
    """``answer_type`` of the words asked, without the carried-over context."""
    # a follow-up's standalone form ends with the words carried over from the question before ("What is the
    # scientist's name? (Duke University scientist steal)"): they say what it is about, not what it asks, and they
    # would hide the question's end from the patterns anchored there ("... name?", "... include?", "... who?")
    question = without_carried_context(question)
    # "Kim Kardashian was accused of damaging a dress. Who was the designer?": the last sentence asks
    asked, background = asked_sentence(question)
    for text in ([asked] if background else []) + [question]:
        kind = next((kind for kind in ANSWER_KIND_ORDER if WANTS[kind].search(text)), None)
        if kind is not None:
            return kind
    return None


@cache
def _opened_pair_re() -> re.Pattern[str]:
    """Two items right after a word that introduces contents, the second ending a clause: "Emerging technologies
    include artificial intelligence and quantum technology, while ..." (``[enumeration]`` of answer_kinds.toml)."""
    data = table("answer_kinds")["enumeration"]
    alt = lambda words: "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))  # noqa: E731
    word = r"[\w'’()/&.-]+"
    item = rf"(?!(?:{alt(data['not_item_start'])})\b){word}(?:\s+{word}){{0,{data['item_words'] - 1}}}"
    return re.compile(rf"\b(?:{alt(data['list_openers'])})\s*:?\s+{item}\s+(?:and|or)\s+{item}\s*(?:[,;]|$)", re.I)


#: An institution's name that coordinates capitalised words after "of" ("Minister of Trade, Industry and Energy",
#: "Ministry of Agriculture, Forestry and Fisheries"): one name, not a list of items.
#: (not at the sentence's start, where any word is capitalised: "Exports of Japan, Korea and Taiwan fell"; nor when
#: the word after "and" opens another such name: "Harbin Institute of Technology and Beijing Institute of Technology"
#: are two institutions, as the Entity List names them, and so are "… Beijing Institute of Technology and Northwestern
#: Polytechnical University", whose last words end in an organisation's head noun: ``org_words.txt``)
_CAP = r"[A-Z][\w’'-]*"
_ORG_HEAD = "|".join(sorted((w.capitalize() for w in word_set("org_words")), key=len, reverse=True))
_NAME_RUN_RE = re.compile(rf"(?<=[\w’',]\s){_CAP}\s+of\s+{_CAP}(?:\s*,\s*{_CAP})*\s*,?\s+(?:and|&)\s+{_CAP}\b"
                          rf"(?!(?:\s+{_CAP}){{1,3}}\s+of\s+{_CAP}|(?:\s+{_CAP}){{0,2}}\s+(?:{_ORG_HEAD})\b)")


def _names_joined(text: str) -> str:
    """``text`` with each institution's name that coordinates words (``_NAME_RUN_RE``) written as one word."""
    return _NAME_RUN_RE.sub(lambda m: re.sub(r"\W+", "_", m.group(0)), text)


def is_enumeration(text: str) -> bool:
    """Whether a sentence lists items ("A, B and C"; "covers: A, B, C"; "including A and B"); a participle clause
    after a comma ("... for alternative suppliers, affecting battery cell and system integrators") is not an item, nor
    are the words of a name ("the Minister of Trade, Industry and Energy said ...")."""
    text = _names_joined(text)
    if CONTENTS_LIST_RE.search(text) or _opened_pair_re().search(text.rstrip().rstrip(".!")):
        return True
    return any(not _participle_clause(m.group(0)) for m in ENUM_RE.finditer(text))


def _participle_clause(span: str) -> bool:
    """Whether a later "item" of a matched list opens with a present participle the first item does not open with:
    "X, affecting A and B" continues a clause ("swimming, cycling and running" is a list of -ing items). A participle
    is written in lower case: "Beijing Zhiyuan Computing, Nanjing Tianmu Optics and …" are names."""
    items = [i.strip() for i in re.split(r",|\band\b|\bor\b|\bas well as\b", span) if i.strip()]
    first = [i.split()[0] for i in items]
    return len(first) > 1 and not items[0].split()[-1].lower().endswith("ing") and any(
        w.islower() and w.endswith("ing") and len(w) > 5 for w in first[1:])


def lists_names(text: str, *, people: bool = False) -> bool:
    """Whether a sentence lists names ("Mitsubishi Heavy Industries, Kawasaki Heavy Industries and JAXA"): a list
    (``is_enumeration``) at least half of whose items hold a capitalised word, so that
    "semiconductors, battery materials, and the broader electronics supply chain" does not answer "which makers";
    ``people``: the named items must be people's names ("which scientists" is not answered by "Boston and Houston")."""
    text = _names_joined(text)
    spans = [m.group(0) for m in ENUM_RE.finditer(text)] + [m.group(0) for m in CONTENTS_LIST_RE.finditer(text)]
    spans += [m.group(0) for m in _opened_pair_re().finditer(text.rstrip().rstrip(".!"))]
    for span in spans:
        if _participle_clause(span):
            continue
        items = [i.strip() for i in re.split(r"[,;:]|\band\b|\bor\b|\bas well as\b", span) if i.strip()]
        named = [i for i in items if any(w[:1].isupper() for w in i.split())]
        if people:  # "which scientists": "Boston, Houston and Seattle" are names, not of people
            caps = [" ".join(w for w in i.split() if w[:1].isupper()) for i in named]
            named = [i for i, c in zip(named, caps) if is_person_name(c) and not only_place(c, text)]
        if len(items) >= 2 and 2 * len(named) >= len(items):
            return True
    return False


_PAIR_ITEM = r"[A-Z][\w.&’'-]*(?:\s+(?:of\s+)?[A-Z][\w.&’'-]*){0,3}"
_PAIR_RE = re.compile(rf"(?<![\w,])({_PAIR_ITEM})\s+and\s+({_PAIR_ITEM})")


def names_pair(text: str, question_stems: set[str]) -> bool:
    """Whether a sentence names two things joined by "and", each capitalised ("USC and UCLA are negotiating …",
    "its invitation to Sweden and Finland"), both of them names the question lacks (its stems, ``question_stems``;
    "Pac-12 and Big Ten officials" names what the question does): the answer to "which two <class>". A capitalised
    word that is noise for names ("The", a weekday, a month: ``key_terms.ENTITY_NOISE``) is not one."""
    for m in _PAIR_RE.finditer(text):
        items = [[w for w in item.split() if w.lower() not in ENTITY_NOISE and w.lower() != "of"] for item in m.groups()]
        if all(items) and all(any(stem_word(w) not in question_stems for w in item) for item in items):
            return True
    return False


@cache
def _use_opener_re() -> re.Pattern[str]:
    words = table("answer_kinds")["enumeration"]["use_openers"]
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b", re.I)


def lists_only_uses(text: str) -> bool:
    """Whether every list in a sentence is a list of uses ("could be used in fighter jets, radars and chemical
    weapons", "applications in phone screens, solar panels and paint"), not of what something holds or of who is
    named: True only when the sentence has a list and each one follows a use opener of answer_kinds.toml."""
    if CONTENTS_LIST_RE.search(text) or _opened_pair_re().search(text.rstrip().rstrip(".!")):
        return False
    spans = [m for m in ENUM_RE.finditer(text) if not _participle_clause(m.group(0))]
    if not spans:
        return False
    for m in spans:
        head = text[max(0, m.start() - 30): m.start() + (m.group(0).find(",") % (len(m.group(0)) + 1))]
        if not _use_opener_re().search(head):
            return False
    return True


def asks_uses(question_stems: set[str]) -> bool:
    """Whether a question asks what something is used for (a stem of ``use_words`` among its stems)."""
    return bool({stem_word(w) for w in table("answer_kinds")["enumeration"]["use_words"]} & question_stems)


def lists_contents(text: str) -> bool:
    """Whether a sentence lists what something holds: items after "cover", "include", "such as" ("The curbs cover A,
    B and C"), not the uses or places a list may also name ("used in A, B and C")."""
    return bool(CONTENTS_LIST_RE.search(text))

#: a preposition opening a sentence: the capitalised word after it is inside the sentence ("At Nike, we believe …"),
#: as a determiner's is not ("The Ballot count went on": a heading's title case)
_OPENING_PREPOSITION = r"\b(?:At|In|On|For|From|With|By|To|Of|After|Before|Under|Against|Inside|Within)"


def named_elsewhere(word: str, text: str) -> bool:
    """Whether a sentence-initial capitalised ``word`` ("Adele is returning ...") is also capitalised inside a
    sentence of ``text`` (after a lower-case word, a comma or a sentence's opening preposition: "At Nike, we …"), or
    is a country's or a known place's name ("Greenland's largest ice shelf …", "Paraguay will host …":
    ``world_places``, ``places``): a name, not an ordinary word that opens a sentence."""
    if place_of_word(word) is not None or any(
            s.country is not None and s.end - s.start == 1 for s in world_place_stretches([word])):
        return True
    return re.search(rf"(?:\b[a-z][a-z'’-]*|,|;|:|{_OPENING_PREPOSITION})\s+{re.escape(word)}\b", text) is not None


def has_answer_kind(
    kind: str | None, cand: Candidate, question_stems: set[str], places_ok: bool = True, actor: str | None = None,
    names_ok: bool = True, asked: AskedValue | None = None,
) -> bool:
    """Whether the sentence holds the kind of answer asked for, beyond what the question already says.

    ``actor`` (a stem or place key: the question's first name) must, for an intention, be named before the words
    that state it: "Moon said that Seoul would ..." answers for South Korea, "Japan said it would not ..." does not.
    ``names_ok``: for a list, whether one name answers too ("which companies ..." naming one company); a list of
    materials or measures is not answered by a sentence that merely names someone. ``asked``
    (``answer_value.asked_value``): what the value must be: a number of what the question counts, in the measure it
    asks for; a calendar date for "on what date"; a person's name for "which designer"."""
    if kind is None:
        return True
    asked = asked or AskedValue()
    text = compat_form(cand.text)  # "ＳＭＩＣ" is a name and "７ｎｍ" a number, as in ASCII
    if kind in ("when", "date") and asked.calendar and not gives_calendar_date(text):
        return False  # "on what date ...?" is not answered by "on Wednesday" or "last week"
    if kind in ("when", "date") and asked.year and not gives_year(text):
        return False  # "What year?" is not answered by "on Monday" or "last week" in a report that gives no year
    if kind == "period":  # "How soon must investors notify …?": "within 30 days after …", or a deadline's calendar
        # time ("by March 31, 2027"), not a weekday or "last week" that dates the report's event
        return gives_period(text) or any(stem_word(t.text) not in question_stems and ends_deadline(text, t.start)
                                         for t in _times(text))
    if kind == "when":  # after "since:" / "until:" the time following that word ("its largest rise since 1994")
        # ... and in an undated source, not a time only the source's date places: "last week" there places nothing
        # ("March 3" without its year still says which day of the year)
        unplaced = ([(a, b) for a, b in relative_spans(text)
                     if not any(month_number(w.strip(".,")) for w in text[a:b].split())]
                    if not cand.passage.chunk.published else [])
        return any(stem_word(t.text) not in question_stems and after_bound(asked.bound, text, t.start)
                   and not any(a < t.end and t.start < b for a, b in unplaced)
                   for t in _times(text))
    if kind == "date":
        return any(stem_word(t.text) not in question_stems for t in _times(text) if not t.relative)
    if kind == "reason":  # a cause, aim or motive: "because", "aimed at", "in response to", "in connection with"
        return gives_reason(text)
    if kind == "action":  # something an actor did, not an assessment of it
        return cue_role(cand.text) in ("event", "statement")
    if kind == "recommendation":  # a title's "How Japan should avoid …" names a piece, it recommends nothing
        return not cand.is_title and recommends(text)
    if kind == "intent":  # someone said what would be done: a statement with a plan, threat or promise in it
        m = INTENT_RE.search(text)
        if m is None or cue_role(cand.text) != "statement":
            return False
        return actor is None or actor in text_stems(text[: m.start()])
    if kind == "list":  # the items, listed; a single name also answers "which companies" when only one is named,
        # and a named or quoted term "which exercises" ("what it called “Justice Mission 2025” exercises")
        # a list of something else ("Key indicators include rhetoric or measures") does not answer "which items
        # did China restrict": the listing sentence says one of the question's own words ("restrictions cover ...")
        about = not asked.topic or bool(asked.topic & cand.stems)
        # "which makers", "which companies": a list of names (or one name) answers, a list of materials does not
        # "which tech executives", "which scientists": people are asked for, so only names answer, as for "which
        # makers" ("targeted nodes, named end-users and links" is a list, not of the people asked about)
        names_ok = names_ok or asked.person
        listed = lists_names(text, people=asked.person) if names_ok else is_enumeration(text)
        listed = listed or (asked.pair and names_pair(text, question_stems))  # "which two schools": "USC and UCLA"
        # "used in fighter jets, radars and chemical weapons" lists uses, not the materials asked for
        if listed and not names_ok and lists_only_uses(text) and not asks_uses(question_stems):
            listed = False
        # a quoted term answers "which exercises" (the exercises' name), but a question insisting on the items
        # ("which *specific* materials") wants them listed
        # "What conditions did the CAC impose?": the sentence imposing them ("… but required Arvenna to store …
        # and to submit …"), clauses rather than listed names, as for "what condition" (``imposes_asked_obligation``)
        return ((about and (listed or (bool(TERM_RE.search(text)) and not asked.insists)))
                or (names_ok and has_answer_kind("name", cand, question_stems, places_ok, asked=asked))
                or imposes_asked_obligation(asked.member, text))
    if kind == "term":  # a quoted or named term, or a name the question lacks: "What is it called?" is answered by
        # "The Respect for Marriage Act, passed by the Senate, ...", not by the report's line restating the question
        # ("The House passed historic legislation Thursday that would protect ..."); a country or capital names no term
        return bool(TERM_RE.search(text)) or has_answer_kind("name", cand, question_stems, False, asked=asked)
    if kind == "number":  # a quantity: not a year, nor the day of a date, a clock time or a name's number
        masked = quantity_text(text)
        if ordinal_counts(asked, masked):  # "… rise for a seventh time in a row" for "how many times …?"
            return True
        if asked.measure == "duration" and ends_at_time(text):  # "How long …?": "… until 2029" (a year, not masked)
            return True
        if share_in_words(asked, masked):  # "What share …?": "maybe a third of the global market"
            return True
        # an age is the asked person's, not another's named before it ("Trump left office at the age of 74")
        return any(fitting_numbers(asked, masked, question_stems))
    if kind == "thing" and names_title(text):  # a quoted title answers "which show" as a name does
        return True
    if kind == "thing" and imposes_asked_obligation(asked.member, text):  # "what condition must they accept?": the
        # sentence imposing it ("Companies receiving subsidies must agree not to transfer …"), a clause, not a name
        return True
    if kind == "name" and asked.who and people_doing(text, question_stems):
        return True  # "who is being held?": "tech executives are being held"
    if kind == "name" and not asked.person and new_organisations(text, question_stems):
        return True  # a firm a CJK report names by the marks around it: "한결에너지 전 연구원", 装置メーカー「光和テクノ」
    for name, initial in entities(text):
        # ... "LGBTQ-rights advocates", "Kremlin-backed": a name made a modifier names no member, term or person
        words = [w for w in name.split() if w[0].isupper() and w.lower() not in ENTITY_NOISE
                 and not NAME_MODIFIER_RE.match(w)]
        if not words or (initial and len(name.split()) == 1 and not named_elsewhere(name, cand.passage.chunk.text)):
            continue
        # "the South and Northeast": a compass word alone stands for a region named elsewhere, no member asked for
        new = [w for w in words if stem_word(w) not in question_stems] if len(words) > 1 or words[0].lower() not in \
            _compass_words() else []
        if asked.person and (not is_person_name(" ".join(words)) or only_place(" ".join(words), text)):
            continue  # "which designer ...?": an organisation or a place ("shipped through Manzanillo") does not
        if not asked.asks_source and only_source(name, text):
            continue  # "reported by Nikkei Asia": the outlet is not what the story is about
        if asked.speaker and not speaks(name, text):
            continue  # "who said that?": the speaker, not a name the statement is about
        if named_as_other(name, text, asked.member):
            continue  # "on which island?": "The Sakurajima volcano erupted ..." names a volcano, not the island
        # a country or capital only answers a question that asks for a place
        if new and (places_ok or any(place_of_word(w) is None for w in new)):
            return True
    return False


#: A quoted title: its first letter a capital (“Squid Game”, "Don't Worry Darling"), closing quote then not a word
_QUOTED_TITLE_RE = re.compile(r"[“\"‘]\W*[A-Z][^”\"’]{1,60}[”\"’](?!\w)")
#: a naming verb (``TERM_RE``'s) before a name: a capital, after an article or an opening quote ("dubbed Optimus",
#: "known as the Pumpkin Cream Cold Brew"; not "called the decision “a difficult one”")
_NAMING_VERB_RE = re.compile(rf"\b(?i:{NAMING_VERBS})\s+(?:(?i:the|a|an)\s+)?[“\"‘]?[A-Z]")


def names_title(text: str) -> bool:
    """Whether ``text`` names a title or a term as "which show/product/treat" asks: a quoted title (its first letter
    a capital: “Squid Game”) or a term a naming verb introduces ("a robot dubbed Optimus"). A quote in lower case is a
    speaker's words or scare quotes ("a “fresh take” on a similar pastry", "reheating it “steaming hot”"), no name:
    "Which new treat did McDonald's add?" is answered by "… bringing back the cheese Danish", not by the "fresh take"
    sentence that does not name it."""
    return bool(_QUOTED_TITLE_RE.search(text) or _NAMING_VERB_RE.search(text))


#: A quoted term, or one a naming verb introduces ("known as the Atlas Lions", "dubbed “goblin mode”"; not "called
#: for it to be lifted")
_INTRODUCED_TERM_RE = re.compile(r"[“\"‘][^”\"’]{2,60}[”\"’]|\b(?:called|known as|dubbed|nicknamed|termed|referred to "
                                 r"as|so-called)\s+(?:the\s+)?[“\"‘A-Z]")
#: A capitalised word and a number naming a rule, an article or a route ("Title 42", "Order 19", "Route 66"; not a
#: score, a time or a date: "beating Amsel 1-0", "Monday 9:30")
_NUMBERED_NAME_RE = re.compile(r"\b([A-Z][a-z]+)\s+\d+[A-Za-z]?\b(?![-–:.,/]\d)")


def names_designation(text: str, question_stems: set[str] | frozenset[str]) -> bool:
    """Whether ``text`` gives a designation the question lacks, as "What is it called?" asks: a quoted or introduced
    term (“goblin mode”, "known as the Atlas Lions"), a name of two or more capitalised words with a word the question
    lacks ("The Respect for Marriage Act", "the Snow Foxes"; not only places, not a person with a title: "President
    Joe Biden"), or a capitalised word and a number ("Title 42", "Order 19"; not a date). A one-word name ("beating
    Portugal 1-0") names a team, a country or a person as often as a designation."""
    if _INTRODUCED_TERM_RE.search(text):
        return True
    for m in _NUMBERED_NAME_RE.finditer(text):
        if m.group(1).lower() not in _month_words() and stem_word(m.group(0)) not in question_stems:
            return True
    titles, after_title = _titles()
    for name, _ in entities(text):
        words = [w for w in name.split() if w[:1].isupper() and w.lower() not in ENTITY_NOISE]
        if len(words) < 2 or not any(stem_word(w) not in question_stems for w in words):
            continue
        if any(w.lower().rstrip(".") in titles for w in words) or after_title.search(text[: text.find(name)]):
            continue  # "President Joe Biden's desk", "House Speaker Nancy Pelosi": a person with a title
        if all(place_of_word(w) is not None for w in words) or place_of_word(name) is not None:
            continue
        return True
    return False


@cache
def _month_words() -> frozenset[str]:
    return frozenset(w.lower() for w in table("dates")["months"])


@cache
def _titles() -> tuple[frozenset[str], re.Pattern[str]]:
    """(the title words of ``titles.txt`` and ``entity_titles.txt``, a pattern for text ending with one)."""
    titles = word_set("titles") | word_set("entity_titles")
    alt = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    return titles, re.compile(rf"\b(?:{alt})\.?\s+$", re.I)


@cache
def _compass_words() -> frozenset[str]:
    return word_set("compass_words")


@cache
def _reason_re(key: str) -> re.Pattern[str]:
    """The words of ``[reason] <key>`` of answer_kinds.toml as one pattern (whole words, any run of spaces)."""
    words = table("answer_kinds")["reason"][key]
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b", re.I)


def gives_reason(text: str) -> bool:
    """Whether a sentence tells why, or what came before ("because", "aimed at", "followed court rulings", "on the
    grounds that", "came after an engine fire", "responded to"): a causal cue of cue_families.toml or a ``[reason]``
    word or pattern (``stated_cues``, ``sequence_cues``, ``cited_reason``, ``motive_cues``) of answer_kinds.toml."""
    text = _schedule_re().sub(" ", text)  # "before it was due to open": a schedule, no cause
    return bool(CUES["causal"].search(text) or _reason_re("stated_cues").search(text)
                or _reason_re("sequence_cues").search(text) or _cited_reason_re().search(text)
                or _motive_re().search(text))


@cache
def _schedule_re() -> re.Pattern[str]:
    """"due to" of a schedule (``[reason] schedule_verbs`` of answer_kinds.toml): "it was due to open", "talks are
    due to resume"; not "was due to a fault"."""
    verbs = "|".join(sorted(table("answer_kinds")["reason"]["schedule_verbs"], key=len, reverse=True))
    return re.compile(rf"\b(?:is|was|are|were|be|been|being|'s|’s)\s+(?:\w+ly\s+)?due\s+to\s+(?:{verbs})\b", re.I)


@cache
def _motive_re() -> re.Pattern[str]:
    """What an act answered, as its reason (``[reason] motive_cues`` of answer_kinds.toml): "the designation responded
    to 'the rapid expansion …'", "tightened the rules amid concerns over leaks"; not "did not respond to requests for
    comment", nor "amid talks"."""
    return re.compile("|".join(f"(?:{p})" for p in table("answer_kinds")["reason"]["motive_cues"]), re.I)


@cache
def _cited_reason_re() -> re.Pattern[str]:
    """"citing <a reason>" (``[reason] cited_reason`` of answer_kinds.toml): "…, citing an outbreak of fish lice", not
    "citing sources" nor "citing Nikkei Asia" (the word after "citing" is read as written: a capital is a name)."""
    return re.compile("|".join(table("answer_kinds")["reason"]["cited_reason"]))


@cache
def _obligation() -> tuple[frozenset[str], re.Pattern[str]]:
    """(the stems of the class nouns of an obligation, a sentence imposing one): ``answer_kinds.toml`` [obligation]."""
    data = table("answer_kinds")["obligation"]
    nouns = frozenset(stem_word(w) for w in data["nouns"]) | frozenset(stem_word(w + "s") for w in data["nouns"])
    return nouns, re.compile("|".join(f"(?:{c})" for c in data["cues"]), re.I)


def imposes_asked_obligation(member: frozenset[str], text: str) -> bool:
    """Whether ``text`` states an obligation (``answer_kinds.toml`` [obligation] cues: "must agree not to transfer
    …", "are required to state the end user", "on condition that …") and the question's asked class (``member``, the
    stems of its class noun) is one of obligation ("condition", "requirement", "obligation", …)."""
    nouns, cues = _obligation()
    return bool(member & nouns) and cues.search(text) is not None


def states_reason(text: str) -> bool:
    """Whether a sentence states why something was done ("the decision was based on a lack of trust", "because",
    "to protect the grid"): a reason cue other than one that only tells what came before or what a thing is linked
    to (``[reason] sequence_cues`` of answer_kinds.toml: "the measures followed court rulings")."""
    return gives_reason(_reason_re("sequence_cues").sub(" ", compat_form(text)))


@cache
def _recommending() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """(the cues of a sentence that recommends, what is no cue at a match's start, a determiner or hyphen ending the
    words before a match): ``answer_kinds.toml`` [recommendation]."""
    data = table("answer_kinds")["recommendation"]
    before = re.compile(r"(?:\b(?:" + "|".join(data["determiners"]) + r")\s+|-)$", re.I)
    return (tuple(re.compile(p, re.I) for p in data["cues"]), tuple(re.compile(p, re.I) for p in data["not_cues"]),
            before)


def recommender(question: str) -> str | None:
    """Who a recommendation question asks about: the one it cites ("Mori Haruka" in "What should Japan do, according
    to Mori Haruka?"), the one saying what someone should do ("Mori" in "What does Mori think Japan should do?"), or
    the words between its auxiliary and its verb of recommending ("Hosokawa" in "What does Hosokawa recommend Japan do
    …?", "the panel" in "What has the panel advised …?", "Mori" in "What steps does Mori propose?"); None for any
    other question, and for one naming no one ("What should the ministry do?": the ministry is who is advised)."""
    asked = without_carried_context(question)
    if answer_type(asked) != "recommendation":
        return None
    for rx in _recommender_res():
        m = rx.search(asked)
        if m:
            return m.group("who").strip()
    return None


@cache
def _recommender_res() -> tuple[re.Pattern[str], ...]:
    """``recommender``'s patterns, in order: "according to X"; a wh-word, an auxiliary and the subject of a verb of
    saying before "should/must … do"; a wh-word (with a noun of recommendations: "what steps"), an auxiliary, the
    subject and a verb of recommending (``[vocab]``)."""
    vocab = table("answer_kinds")["vocab"]
    verbs = "|".join(vocab["recommend_verbs"] + vocab["recommend_participles"] + ["call(?:ed)? for"])
    nouns = "|".join(vocab["recommend_nouns"])
    word = r"[\w'’.-]+\s+"
    return (
        re.compile(r"\baccording\s+to\s+(?P<who>[^,;?!]+?)\s*(?:[,;?!]|$)", re.I),
        re.compile(rf"\bwhat\s+(?:does|did|do)\s+(?P<who>(?:{word}){{1,5}}?)(?:say|think|believe|argue)s?\s+"
                   rf"(?:{word}){{1,5}}?(?:should|must|ought\s+to)\s+do\b", re.I),
        re.compile(rf"\bwhat\s+(?:(?:\w+\s+)?(?:{nouns})\s+)?(?:does|did|do|will|would|has|have|had)\s+"
                   rf"(?P<who>(?:{word}){{1,5}}?)(?:{verbs})\b", re.I),
    )


def recommends(text: str) -> bool:
    """Whether a sentence recommends: a modal of obligation before a verb ("Japan must step up its export
    controls") or a verb of recommending ("urged that the issue be resolved through diplomacy", "calls for a
    review"); not a conditional "Should the talks fail, …" (a modal opening its clause), "has to do with", an
    adjective "the proposed rule" or "ill-advised" (``answer_kinds.toml`` [recommendation])."""
    cues, not_cues, before = _recommending()
    for rx in cues:
        for m in rx.finditer(text):
            head = text[: m.start()]
            if any(n.match(text, m.start()) for n in not_cues) or before.search(head):
                continue
            if m.group(0).lower().startswith("should") and (not head.strip() or head.rstrip().endswith((",", ";", ":"))):
                continue  # "Should the talks fail, …": a condition
            return True
    return False


class _Time(NamedTuple):
    start: int
    end: int
    text: str
    relative: bool  # placed by the source's date ("yesterday", "last week", 明年): no calendar date by itself


_RELATIVE_EN = re.compile(r"yesterday|today|last|earlier", re.I)
#: a month named without its year or day, as "in October" is in English: 10月から, 7月に, 10월부터 (a year before it or
#: a day after it makes it a date ``find_dates`` reads)
_CJK_MONTH = re.compile(r"(?<![\d年년])(?<![\d年년]\s)(?:1[0-2]|0?[1-9])\s?[月월](?!\s?\d)")


#: a capitalized abbreviated month before a day or year ("Oct. 14", "Sept. 30", "Dec 2", "Feb. 2027"), which
#: ``DATE_RE``'s full month names miss: the text layer's month pattern (``rag.text.dates.MONTH_PATTERN``)
_ABBREVIATED_MONTH = re.compile(rf"\b{MONTH_PATTERN}\s+\d{{1,4}}\b")


def _times(text: str) -> list[_Time]:
    """The times a sentence names, in text order: ``DATE_RE``'s (without the modal "may" and the verb "march" written
    in lower case: "demand may rise" names no month), a capitalized abbreviated month with its day or year
    (``_ABBREVIATED_MONTH``: "Oct. 14") and, in a sentence written in Chinese, Japanese or Korean, the
    dates the text layer reads there (``rag.text.dates.find_dates``: 2024年5月, 6月1日, 明年, 来月, 내년) and a month
    without its year (10月から, ``_CJK_MONTH``), which
    ``DATE_RE``'s English words and word boundaries miss."""
    times = [_Time(m.start(), m.end(), m.group(0), bool(_RELATIVE_EN.match(m.group(0))))
             for m in DATE_RE.finditer(text) if m.group(0) not in ("may", "march")]
    times += [_Time(m.start(), m.end(), m.group(0), False) for m in _ABBREVIATED_MONTH.finditer(text)
              if not any(m.start() < t.end and t.start < m.end() for t in times)]
    if cjk_count(text):
        # a yearless 6月1日 is placed by the source's date too, but names a calendar day as "June 1" does
        times += [_Time(d.start, d.end, d.text, d.relative and not any(c.isdigit() for c in d.text))
                  for d in find_dates(text, published=ANY_DAY)
                  if not any(d.start < t.end and t.start < d.end for t in times)]
        times += [_Time(m.start(), m.end(), m.group(0), False) for m in _CJK_MONTH.finditer(text)
                  if not any(m.start() < t.end and t.start < m.end() for t in times)]
    return sorted(times)


#: The kinds of answer that are one value (a name, a number, a date): the first sentence must give it.
SINGLE_VALUE_KINDS = frozenset({"name", "number", "date", "when", "period"})


def asks_for_more(asked: str) -> bool:
    """Whether a follow-up asks for something besides what was already answered: it holds a word of
    ``asks_for_more.txt`` ("Who else was sentenced?", "What other firms …?", "Which companies besides …?")."""
    return bool({w.lower() for w in re.findall(r"[\w'’-]+", asked)} & word_set("asks_for_more"))


def answers_anew(text: str, asked: str) -> bool:
    """Whether a sentence already given in the conversation holds every key term of the follow-up asked now ("And
    for 2025?" → the sentence with "70% by 2025"; "What was it aiming to do?" → "..., aiming to recruit ..."): it
    answers the new question, so it may be given again; so does one that lists items when the follow-up asks for a
    list and shares a key term with it. False when the follow-up has no key term of its own or asks for something
    besides ("What else ...?")."""
    if asks_for_more(asked):
        return False
    want = {t.stem for t in key_terms(asked)}
    have = text_stems(text)
    if answer_type(asked) == "list" and is_enumeration(text) and want & have:
        return True  # "Which military uses did they name?": the list is in a sentence already given
    return bool(want) and want <= have
