"""A claim about one member of a list, read against the sentence that states the act over the whole list.

"Did Japan restrict exports of hydrogen fluoride to South Korea?" asks about one item of "The export restrictions
cover fluorinated polyimides, which are used in …, as well as photoresist and hydrogen fluoride, used for making
semiconductors"; "Did the EU sanction the Wagner Group?" about one of "… imposed sanctions on eleven individuals and
three entities, including the Wagner Group, RIA FAN and two Russian military intelligence officers". An act stated
over a list holds for each of its members (sanctioned, banned, covered, listed, joined), but the support checker
reads the whole list as words the claim lacks and scores the sentence low (0.19 for the Wagner Group; the same
sentence with the list cut to the member: supported). ``member_reading`` gives the sentence as it reads for the
member the claim names: the coordination cut to that item ("… including the Wagner Group, the Council said").

A list is read without a parser: the sentence (its non-restrictive relative and participle clauses left out:
``[list] relative_openers`` of ``rag/text/data/polar_questions.toml``) is cut at commas and coordinators into
segments; a coordination is a run of segments joined by commas whose last one follows "and", "or" or "as well as";
its inner items are at most ``item_words`` words (the first no longer than the longest other) with no word that opens a clause (``not_item_start`` of
``answer_kinds.toml``'s ``[enumeration]``, as ``sentence_cues.ENUM_RE`` reads items); the first item is the end
of its segment after the last such word or list opener ("cover", "including": ``list_openers``), the last item the
start of its segment up to the first such word ("antimony" of "antimony to the United States"). The member is the
one item that shares a content term with the claim (``key_terms``); a list two of whose items the claim
names, or none, is not read. A list that names some members of a noun phrase before it ("eleven individuals and three
entities, including the Wagner Group, RIA FAN and …": ``[list] subset_openers``) reads with the member in that head's
place ("imposed sanctions on the Wagner Group"): the head opens after the nearest preposition (``head_bounds``), list
opener or verb in its past form before its comma, within ``head_words`` words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rag.text.tables import is_table_row
from rag.text.lexicon import table, word_set
from rag.text.numbers import find_quantities, spelled_wholes
from rag.writers.key_terms import key_terms, stem

__all__ = ["member_reading", "counts_without_naming", "class_noun", "asks_source_list", "CaptionedList", "captioned_names",
           "is_city", "names_place", "reads_as_person", "list_items", "ListItems", "asked_act", "caption_states_act", "list_caveat",
           "requested_class", "list_class", "names_member", "asks_people"]

_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|or|as well as)\s+)?|\s+(?:and|or|as well as)\s+", re.I)
_CONJUNCTION = re.compile(r"\b(?:and|or|as well as)\b", re.I)
_WORD = re.compile(r"[\w'’.&-]+")


@cache
def _cues() -> tuple[int, frozenset[str], tuple[str, ...], re.Pattern[str]]:
    enum = table("answer_kinds")["enumeration"]
    relative = table("polar_questions")["list"]["relative_openers"]
    clause = re.compile(r",\s*(?:" + "|".join(re.escape(w) for w in relative) + r")\b[^,;]*?(?=,|;|\.\s*$|$)", re.I)
    subset = table("polar_questions")["list"]["subset_openers"]
    openers = tuple(sorted({o.lower() for o in (*enum["list_openers"], *subset)}, key=len, reverse=True))
    return int(enum["item_words"]), frozenset(enum["not_item_start"]), openers, clause


@cache
def _subset() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], int]:
    """(the ", including " that ends a head, a subset opener opening a segment, the words a head opens after, its
    most words)."""
    cues = table("polar_questions")["list"]
    words = "|".join(re.escape(w) for w in cues["subset_openers"])
    return (re.compile(rf",\s*(?:{words})\s+$", re.I), re.compile(rf"^\s*(?:{words})\b", re.I),
            frozenset(cues["head_bounds"]), int(cues["head_words"]))


@dataclass(frozen=True)
class _Segment:
    start: int
    end: int
    conj_before: bool  # the separator before it holds "and", "or" or "as well as"


def _terms(text: str) -> set[str]:
    """The content terms of ``text`` (``key_terms``: no stopwords; a place however it is named)."""
    return {t.stem for t in key_terms(text)}


def _segments(text: str) -> list[_Segment]:
    out, at, conj = [], 0, False
    for m in _SEPARATOR.finditer(text):
        out.append(_Segment(at, m.start(), conj))
        at, conj = m.end(), bool(_CONJUNCTION.search(m.group(0)))
    out.append(_Segment(at, len(text), conj))
    return out


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(start + m.start(), start + m.end(), m.group(0)) for m in _WORD.finditer(text[start:end])]


def _breaks(word: str) -> bool:
    """Whether ``word`` opens a clause, not an item (``not_item_start``: "to", "said", "which", "its" ...)."""
    return word.lower().strip(".") in _cues()[1]


def _clean_item(text: str, seg: _Segment) -> bool:
    """Whether a segment is an inner item: a few words, none opening a clause or naming some members of what came
    before ("notably Hainan" opens the list, it is no item after "provinces")."""
    words = _words(text, seg.start, seg.end)
    return (1 <= len(words) <= _cues()[0] and not any(_breaks(w) for _, _, w in words)
            and not _subset()[1].match(text[seg.start:seg.end]))


def _first_item(text: str, seg: _Segment) -> tuple[int, int] | None:
    """The first item of a list: the end of its segment after the last clause word or list opener."""
    words = _words(text, seg.start, seg.end)
    low = text[seg.start:seg.end].lower()
    cut = max([e for _, e, w in words if _breaks(w)] +
              [seg.start + m.end() for o in _cues()[2] for m in re.finditer(rf"(?<![\w-]){re.escape(o)}(?![\w-])", low)],
              default=None)
    if cut is None:  # no opener: the last word or name ("The US sanctioned Huawei")
        tail = [w for w in words if w[2][:1].isupper()]
        run = []
        for w in reversed(words):
            if tail and w in tail:
                run.insert(0, w)
            else:
                break
        return (run[0][0], seg.end) if run else ((words[-1][0], seg.end) if words else None)
    inside = [w for w in words if w[0] >= cut]
    return (inside[0][0], inside[-1][1]) if inside and len(inside) <= _cues()[0] else None


def _last_item(text: str, seg: _Segment) -> tuple[int, int] | None:
    """The last item of a list: the start of its segment up to the first clause word."""
    words = _words(text, seg.start, seg.end)
    item = []
    for w in words:
        if _breaks(w[2]):
            break
        item.append(w)
    if not item or len(item) > _cues()[0]:
        return None
    return item[0][0], item[-1][1]


def member_reading(claim: str, sentence: str) -> str | None:
    """``sentence`` as it reads for the one member of its list that ``claim`` names: the coordination cut to that
    item, the rest of the sentence as it is (non-restrictive clauses left out). "Washington added 36 Chinese
    firms, including chipmaker YMTC, CETC and Shanghai Micro Electronics Equipment, to its trade blacklist" for
    "Washington added YMTC to its trade blacklist" -> "Washington added 36 Chinese firms, including chipmaker
    YMTC, to its trade blacklist". None when the sentence lists nothing, or the claim names no item of its list or
    more than one."""
    text = _cues()[3].sub("", sentence)
    claimed = _terms(claim)
    for items, _ in _coordinations(text):
        first, last = items[0], items[-1]
        named = [span for span in items if _terms(text[span[0]:span[1]]) & claimed]
        if len(named) != 1:
            continue
        a, b = named[0]
        head = _head_start(text, first[0])
        if head is not None:  # the member in the place of the head it is one of
            after = text[last[1]:]
            rest = re.match(r"\s*,\s*", after)
            if rest and not _frame(after[rest.end():]):
                after = " " + after[rest.end():]  # the comma closed the "including …" phrase: "…, to its blacklist"
            return " ".join((text[:head] + text[a:b] + after).split())
        return " ".join((text[:first[0]] + text[a:b] + text[last[1]:]).split())
    return None


def _coordinations(text: str):
    """Each coordination of ``text`` (non-restrictive clauses already left out), in order: (its items' spans, first
    to last; whether its first item was cut at a clause word or list opener, not taken as the segment's last word or
    name)."""
    segs = _segments(text)
    for e in range(1, len(segs)):
        if not segs[e].conj_before:
            continue
        s = e - 1
        while s > 0 and _clean_item(text, segs[s]):
            s -= 1
        first, last = _first_item(text, segs[s]), _last_item(text, segs[e])
        if first is None or last is None or not all(_clean_item(text, segs[k]) for k in range(s + 1, e)):
            continue
        inner = [(segs[k].start, segs[k].end) for k in range(s + 1, e)]
        # the first item is no longer than the longest other one: "banned exports of gallium, germanium and
        # antimony" lists "gallium", not "exports of gallium" (the last one ends at a clause word: "antimony to")
        most = max(len(_words(text, a, b)) for a, b in inner + [last])
        opened = _opened(text, segs[s])
        first = _words(text, *first)[-most:][0][0], first[1]
        yield [first] + inner + [last], opened


@dataclass(frozen=True)
class ListItems:
    """The items a sentence lists after a list opener or clause word ("The export restrictions cover fluorinated
    polyimides, … as well as photoresist and hydrogen fluoride"): ``items`` as written (their trailing punctuation
    dropped); ``some``: a subset opener ("including", "such as") stands before them, so they are some members of a
    set, not all of it."""

    items: tuple[str, ...]
    some: bool


def list_items(sentence: str) -> ListItems | None:
    """The longest list ``sentence`` names item by item after an opener (``_coordinations`` with its first item cut
    at a list opener or clause word; a coordination inside a longer one is not another list); None when it has
    none; a coordination whose items are clauses (``_clause``) or counts ("eleven individuals and three entities": a number opens one) is no
    list of members. The
    sentence's non-restrictive clauses are left out first (", which are used in …")."""
    text = _cues()[3].sub("", sentence)
    found = []
    for items, opened in _coordinations(text):
        names = tuple(text[a:b].strip().rstrip(".,;:") for a, b in items)
        if opened and not any(find_quantities(n) or n.split()[0].lower() in _number_words() or _clause(n)
                              for n in names):
            found.append((items, names))
    # a coordination inside a longer one ("polyimides, as well as photoresist" of "… and hydrogen fluoride") is not
    # another list
    whole = [(items, names) for items, names in found
             if not any(o is not items and o[0][0] <= items[0][0] and o[-1][1] >= items[-1][1] for o, _ in found)]
    if not whole:
        return None
    items, names = max(whole, key=lambda f: len(f[1]))
    return ListItems(names, bool(_subset()[0].search(text[:items[0][0]])))


def _clause(item: str) -> bool:
    """Whether an "item" is a clause with its own verb ("Seoul protested the move" of "Japan tightened curbs and Seoul
    protested the move"): a verb in its past form after its first word ("fluorinated polyimides" is an item), or a
    participle with its object ("subjecting the technology" of "making makers eligible for state subsidies and
    subjecting the technology to …": a verb's -ing form before a determiner, ``determiners.txt``; "mining equipment"
    is an item)."""
    words = item.split()
    if len(words) > 1 and words[1].lower() in word_set("determiners") and _participle(words[0]):
        return True
    return any(_past_verb(w) for w in words[1:])


def _participle(word: str) -> bool:
    """Whether ``word`` is a verb's -ing form ("subjecting", "barring"), by lemminflect's tables."""
    if not word.isalpha() or word[:1].isupper() or not word.endswith("ing"):
        return False
    from lemminflect import getAllLemmas, getInflection

    lemma = getAllLemmas(word.lower()).get("VERB", (None,))[0]
    return bool(lemma) and word.lower() in getInflection(lemma, "VBG")


@cache
def _number_words() -> frozenset[str]:
    """Spelled whole numbers ("two", "eleven"; ``numbers.spelled_wholes`` and two more) and "a dozen"-like words."""
    return frozenset(spelled_wholes()) | {"eleven", "twelve", "dozen", "dozens", "several"}


def _opened(text: str, seg: _Segment) -> bool:
    """Whether the segment of a list's first item holds a clause word, a list opener or a verb in its past form
    before that item ("The export restrictions *cover* fluorinated polyimides", "The US *sanctioned* Huawei"), not
    only the item ("Huawei and ZTE")."""
    low = text[seg.start:seg.end].lower()
    before = _words(text, seg.start, seg.end)[:-1]
    return (any(_breaks(w) or _past_verb(w) for _, _, w in before)
            or any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", low) for o in _cues()[2]))


def _frame(text: str) -> bool:
    """Whether ``text`` opens with a reporting frame that keeps its comma ("the Council said", "officials said"): a
    reporting verb within its first four words."""
    return any(w.lower().strip(".") in word_set("reporting_verbs") for w in _WORD.findall(text)[:4])


def _head_start(text: str, first: int) -> int | None:
    """Where the noun phrase opens whose members a list names after a subset opener ("eleven individuals and three
    entities" of "… sanctions on eleven individuals and three entities, including the Wagner Group, …"), the list's
    first item at ``first``; None when the list follows no subset opener or its head is not a short noun phrase."""
    opener, _, bounds, most = _subset()
    m = opener.search(text[:first])
    if m is None:
        return None
    words = _words(text, 0, m.start())
    openers = _cues()[2]
    for k in range(len(words) - 1, -1, -1):
        word = words[k][2]
        if word.lower() in bounds or word.lower() in openers or _past_verb(word):
            inside = len(words) - 1 - k
            return words[k + 1][0] if 0 < inside <= most else None
    return None


def _past_verb(word: str) -> bool:
    """Whether ``word`` is a verb in its past form ("imposed", "added", "blacklisted"), by lemminflect's tables."""
    if not word.isalpha() or word[:1].isupper():
        return False
    from lemminflect import getAllLemmas, getInflection

    lemma = getAllLemmas(word.lower()).get("VERB", (None,))[0]
    return bool(lemma) and word.lower() in (*getInflection(lemma, "VBD"), *getInflection(lemma, "VBN"))


#: how many words after a count its class noun may stand ("20 Japanese Firms", "36 Chinese tech companies")
COUNTED_WITHIN = 3


@cache
def _member_groups() -> dict[str, frozenset[str]]:
    """stem -> the stems of its group in ``member_classes.toml`` (each stem at least itself)."""
    out: dict[str, frozenset[str]] = {}
    for group in table("member_classes")["groups"]:
        stems = _noun_stems(group)
        for st in stems:
            out[st] = out.get(st, frozenset()) | stems
    return out


def _class_nouns(member: frozenset[str]) -> frozenset[str]:
    """The stems naming the class of ``member`` (a question's class-noun stems): every noun of their groups in
    ``member_classes.toml`` ("firm" for "companies"); empty when none is a class of named members."""
    groups = _member_groups()
    return frozenset().union(*(groups[m] for m in member if m in groups))


def counts_without_naming(text: str, member: frozenset[str]) -> bool:
    """Whether a sentence counts the members a list question asks for without naming any: a quantity followed within
    ``COUNTED_WITHIN`` words by a noun of the asked class (``member``: the stems of the question's class noun,
    ``answer_value.AskedValue.member``; a noun of its ``member_classes.toml`` group counts too: "firms" for
    "companies"), and no list of names (``answer_kind.lists_names``) nor a member named after a subset opener
    ("36 firms, including YMTC"). "China Imposes Export Restrictions on 20 Japanese Firms …" for "Which companies
    were affected?": the sources give a count, not the companies. False without a class."""
    from rag.writers.answer_kind import lists_names  # answer_kind imports the writers' text readers, this among them

    # only a class of named members (companies, people, countries, officials: a group of ``member_classes.toml``);
    # "40% of semiconductors" counts no members of "which semiconductor targets" (seed qa-024)
    wanted = _class_nouns(member)
    if not wanted:
        return False
    counted = False
    for q in find_quantities(text):
        after = _WORD.findall(text[q.end:])[:COUNTED_WITHIN]
        if any(stem(w.lower()) in wanted for w in after):
            counted = True
            break
    if not counted or lists_names(text):
        return False
    return not any(text[m.end():].lstrip()[:1].isupper() for m in _subset_named().finditer(text))


def says_class(text: str, member: frozenset[str]) -> bool:
    """Whether a sentence says a noun of the class a list question asks for (``member``, or a noun of its
    ``member_classes.toml`` group): "barred four companies", "added 14 firms". False without a class, and for a class
    of places ("which countries": the group of "country"), whose members are places, not names listed past a count."""
    wanted = _class_nouns(member)
    if not wanted or wanted & _noun_stems(["country"]):
        return False
    return any(stem(w.lower()) in wanted for w in _WORD.findall(text))


def names_class_members(text: str, member: frozenset[str]) -> bool:
    """Whether a sentence (or a quote of sentences) names members of the class a list question asks for: it lists
    names (``answer_kind.lists_names``) and says a noun of the asked class (``member``, or a noun of its
    ``member_classes.toml`` group): "Eleven of the companies are based in mainland China … They include Shenzhen Kuanyu
    Technology, Hefei Tianshu Computing and Beijing Lingxi Data" for "Which companies were added?", the members a
    sentence before only counted ("added 14 companies"). False without a class."""
    from rag.writers.answer_kind import lists_names  # answer_kind imports the writers' text readers, this among them

    from rag.text.places import place_mentions

    if not says_class(text, member):
        return False
    # the names listed are no places: "Eleven of the companies are based in mainland China, two in Taiwan and one in
    # Hong Kong" tells where they are, not which they are
    unplaced = text
    for m in sorted(place_mentions(text), key=lambda m: -m.start):
        unplaced = unplaced[:m.start] + "place" + unplaced[m.end:]
    if lists_names(unplaced):
        return True
    # ... or, after a word that opens contents ("include", "such as": ``answer_kinds.toml`` [enumeration]
    # list_openers), names each told with a descriptor longer than a list item ("the Taiwanese server assembler Nanhai
    # Systems and the Hong Kong trader Grand Harbour Electronics")
    for m in _contents_opener().finditer(unplaced):
        rest = re.split(r"[.;:!?](?:\s|$)", unplaced[m.end():])[0]
        items = [i.strip() for i in re.split(r",|\band\b|\bas well as\b", rest) if i.strip()]
        named = [i for i in items if any(w[:1].isupper() for w in i.split())]
        if len(named) >= 2 and 2 * len(named) >= len(items):
            return True
    return False


@cache
def _contents_opener() -> re.Pattern[str]:
    """A word that opens a list of contents (``answer_kinds.toml`` [enumeration] list_openers), before a name, or
    before a member's class noun and "of" a name ("including plants of SMIC in Shanghai and of Hua Hong in Wuxi")."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                     for w in sorted(table("answer_kinds")["enumeration"]["list_openers"], key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b\s*:?\s+(?=(?:the\s+)?(?:[a-z]+\s+of\s+)?[A-Z])", re.I)


@cache
def _subset_named() -> re.Pattern[str]:
    """A subset opener ("including", "such as") after which a member may be named."""
    words = "|".join(re.escape(w) for w in table("polar_questions")["list"]["subset_openers"])
    return re.compile(rf"\b(?:{words})\b", re.I)


#: a request for a list ("List the …", "Name all the …", "Give the …", "Identify the …"): the words after it name the
#: class asked (the opening verbs as ``answer_kinds.toml`` [kinds.list] reads a list request, and "give", "identify")
_REQUEST = re.compile(r"^\s*(?:please\s+)?(?:list|name|enumerate|itemi[sz]e|give|identify)\s+(?:me\s+)?"
                      r"(?:(?:all|each|every|any)\s+(?:of\s+)?)?(?:the\s+|those\s+|these\s+)?(.+)$", re.I | re.S)


def requested_class(question: str) -> frozenset[str]:
    """The stems of the class an imperative list request asks for ("List the Japanese companies affected by China's
    export restrictions" -> {japan, compani}; "Name all firms that …" -> {firm}), read as ``answer_class.asked_class``
    reads "which <words>", its noun phrase also ending at a verb in its past form ("affected", "named") or a relative
    word; empty when the question is no such request or names no class of named members (``member_classes.toml``)."""
    from rag.writers.answer_class import asked_class

    m = _REQUEST.match(question)
    if m is None:
        return frozenset()
    words = []
    for w in m.group(1).split():
        if _past_verb(w.strip("?,.:;")) or w.lower() in ("that", "which", "who", "whose", "whom"):
            break
        words.append(w)
    found = asked_class("which " + " ".join(words))
    return found if found & frozenset(_member_groups()) else frozenset()


def asks_people(member: frozenset[str]) -> bool:
    """Whether the class ``member`` (its stems) is of people ("officials", "individuals": ``member_classes.toml``
    ``people``), so that its members are people's names."""
    return bool(member & frozenset(stem(w) for w in (*table("member_classes")["people"],
                                                       *(w + "s" for w in table("member_classes")["people"]))))


def list_class(question: str, member: frozenset[str]) -> frozenset[str]:
    """The class a list question asks members of: ``member`` (``AskedValue.member``, a "which <class>" question's)
    when it names one, else the class of an imperative request (``requested_class``)."""
    return member or requested_class(question)


def class_noun(question: str, member: frozenset[str]) -> str | None:
    """The word with which ``question`` names the class of named members it asks for ("Which *companies* were
    affected …?" -> "companies"; ``member``: that class's stems, ``AskedValue.member``; the class one of
    ``member_classes.toml``'s groups), as written; None when no word of it is."""
    groups = _member_groups()
    return next((w for w in _WORD.findall(question)
                 if w[:1].islower() and stem(w.lower()) in member and stem(w.lower()) in groups), None)


def asks_source_list(question: str) -> bool:
    """Whether ``question`` asks which members a source itself names or lists (a word of ``member_classes.toml``
    ``listing_words``, in lower case: "Which companies are named as key entities in the brief?"), not which ones an act
    concerned ("Which firms did Washington add to the Entity List?")."""
    words = frozenset(table("member_classes")["listing_words"])
    return any(w in words for w in _WORD.findall(question))  # lower-case: "the Entity List" is a name


#: a list item's mark (a numbered line may be a section's caption: "6. Key Individuals and Entities")
_ITEM_MARK = re.compile(r"^\s*[•·▪◦*\-–—]\s")


@dataclass(frozen=True)
class CaptionedList:
    """A source's own list of names under its caption: ``text[start:end]`` is the caption line through the last
    item's line (verbatim), ``text[first:end]`` its items alone; ``caption`` as written without numbering ("Key
    Individuals and Entities"); ``items`` every item as written; ``members`` the items of the asked class."""

    start: int
    first: int
    end: int
    caption: str
    items: tuple[str, ...]
    members: tuple[str, ...]


def _cities() -> frozenset[str]:
    from rag.text.places import city_names

    return frozenset(city_names())


def is_city(name: str) -> bool:
    """Whether ``name`` (as written, "the" allowed before it) is a city's name alone: a capital (``places.toml``,
    ``place_of_word``) or one of ``cities.toml`` ("Osaka", "Busan", "Ho Chi Minh City")."""
    from rag.text.places import place_of_word

    bare = re.sub(r"^the\s+", "", name.strip().rstrip(".,;"), flags=re.I)
    return bare in _cities() or (len(bare.split()) == 1 and (place_of_word(bare) or ("", ""))[1] == "capitals")


def names_place(name: str) -> bool:
    """Whether a list item names a place alone: a city (``is_city``), a place of ``places.toml`` ("Japan", "Seoul")
    or a region ("East Asia", ``names_a_region``); "the" allowed before it."""
    from rag.text.places import names_a_region, place_of_word

    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    return is_city(bare) or place_of_word(bare) is not None or names_a_region(bare)


def reads_as_person(name: str, text: str = "") -> bool:
    """Whether a list item names a person: a title before a holder's name ("Japanese Deputy Chief Cabinet Secretary
    Sato Kei", ``terms_section.holder``), or a bare name of two or three words that may be a person's
    (``answer_value.is_person_name``: no organisation word, no place, no acronym) which ``text`` (its document) reads
    as a person's elsewhere: the speaker of a verb of saying, whole or by its last word ("Kallas said",
    ``answer_value.speaks``), or after a title ("Foreign Minister Kaja Kallas"). A bare name the document never
    reads so ("Doosan Enerbility") is not taken for a person's."""
    from rag.writers.answer_value import is_person_name, speaks
    from rag.writers.terms_section import TITLES, holder

    who = holder(name)
    if who is not None and who != name:
        return True
    words = name.split()
    if not (2 <= len(words) <= 3 and is_person_name(name)) or any(w.isupper() and len(w) > 1 for w in words) \
            or is_city(name):
        return False
    last = re.escape(words[-1])
    titled = any(w.lower().strip(".") in TITLES
                 for m in re.finditer(rf"\b(?:{re.escape(words[0])}\s+)?{last}\b", text)
                 for w in text[max(0, m.start() - 40):m.start()].split()[-2:])
    return speaks(name, text) or speaks(words[-1], text) or titled


def _of_class(item: str, person: bool, text: str = "", member: frozenset[str] = frozenset()) -> bool:
    """Whether one list item names a member of the asked class: a person (``reads_as_person``; its document
    ``text`` read for how it names the item elsewhere) for ``person``; otherwise an organisation's name
    (capitalised, not a person, not a place, region or city alone: "Mitsubishi Heavy Industries", "Subaru"; not
    "Osaka", not "EU foreign policy chief Kaja Kallas"), and, when ``member`` (the asked class's stems) asks for
    businesses only ("companies", "firms": ``member_classes.toml`` ``businesses``; not "companies or entities":
    ``_asks_businesses``), not a public body or an institution
    (its last word one of ``institution_heads``: "Japan Aerospace Exploration Agency", "Ministry of Commerce" is read
    by its head "Ministry")."""
    if not item[:1].isupper():
        return False
    if person:  # an acronym in it names an organisation ("ASEAN Secretariat"), not a person
        return reads_as_person(item, text) and not any(w.isupper() and len(w) > 1 for w in item.split())
    if _asks_businesses(member) and _institution(item):
        return False
    return not reads_as_person(item, text) and not names_place(item)


def _noun_stems(words: list[str]) -> frozenset[str]:
    """The stems of class nouns in their singular and plural forms ("company", "companies")."""
    return frozenset(stem(w) for w in words) | frozenset(stem(w + "s") for w in words)


@cache
def _business_stems() -> frozenset[str]:
    return _noun_stems(table("member_classes")["businesses"])


@cache
def _organisation_stems() -> frozenset[str]:
    """The company group's nouns that ask for any organisation ("entity"), not only businesses."""
    group = next(g for g in table("member_classes")["groups"] if "company" in g)
    return _noun_stems([w for w in group if w not in table("member_classes")["businesses"]])


def _asks_businesses(member: frozenset[str]) -> bool:
    """Whether the asked class ``member`` (its stems) is businesses only: a business noun, and no noun asking for any
    organisation beside it ("Which companies or entities …?" asks for the agency too)."""
    return bool(member & _business_stems()) and not member & _organisation_stems()


@cache
def _institution_heads() -> frozenset[str]:
    return frozenset(table("member_classes")["institution_heads"])


def _institution(item: str) -> bool:
    """Whether an organisation's name is a public body's or an institution's: its head word (the last, or the word
    before "of": "Ministry of Commerce") is one of ``member_classes.toml`` ``institution_heads``."""
    words = re.findall(r"[A-Za-z]+", item.split(" of ")[0])
    return bool(words) and words[-1].lower() in _institution_heads()


def _clause_like(key: str) -> bool:
    """Whether a line that names the class reads as a clause, not a caption: it opens with an article or a
    determiner ("The restrictions cover three firms: …") or counts (a number: "three firms", "20 companies")."""
    words = key.split()
    return (words[0] in word_set("determiners") or any(any(ch.isdigit() for ch in w) or w in _number_words()
                                                        for w in words))


def captioned_names(text: str, member: frozenset[str], *, person: bool = False) -> list[CaptionedList]:
    """The lists of names ``text`` gives under a caption that can answer "which <class>?" (``member``: the class's
    stems, ``AskedValue.member``; ``person``: the class is people): a caption line (numbering, bullets and a closing
    colon allowed) of a source's own list of actors (``own_lists.toml`` "entities": "6. Key Individuals and Entities")
    or naming the class, by any noun of its ``member_classes.toml`` group ("Affected companies:", "Firms named:" for
    "which companies?"), then at least two bulleted lines of at most 8 words each, or its
    items on the caption's line after a colon ("Firms named: Hanwha, Doosan and LS Cable"). A list is kept when at
    least two items, and at least half, are of the class (``_of_class``): "Key Individuals and Entities" with a
    deputy cabinet secretary and six companies answers "which companies?" and not "which officials?" beyond the
    one. In text order; [] when there is none. The caption says what the list is: an answer quotes it with its
    items, never as a list of something else (a story's key entities are not said to be the firms restricted)."""
    from rag.text.block_lists import LIST_BULLET
    from rag.writers.terms_section import _ITEM_MAX_WORDS, _list_heading

    patterns = [re.compile(p, re.I) for p in table("own_lists")["entities"]]

    groups = _member_groups()
    if not person and not member & frozenset(groups):
        return []  # "which dual-use items?": no class of named members, a list of actors does not answer it (seed qa-055)

    # the class as any noun of its group names it: "Firms named:" captions a list for "which companies?"
    named = _class_nouns(member)

    def captions(label: str) -> bool:
        key = _list_heading(label)
        return bool(key) and not _ITEM_MARK.match(label) and (
            any(p.fullmatch(key) for p in patterns)
            or (any(stem(w) in named for w in _WORD.findall(key)) and not _clause_like(key)))

    out: list[CaptionedList] = []
    lines = text.split("\n")
    offsets, at = [], 0
    for line in lines:
        offsets.append(at)
        at += len(line) + 1
    for n, line in enumerate(lines):
        if is_table_row(line):
            continue  # "Company: YMTC; City: Wuhan; …" names one row's cells (rag.text.tables), not a list of companies
        label, sep, rest = line.partition(":")
        if sep and rest.strip() and captions(label):  # "Firms named: Hanwha, Doosan and LS Cable"
            items = [i.strip().rstrip(".") for i in re.split(r"\s*[,;·]\s*|\s+and\s+", rest.strip()) if i.strip()]
            end = offsets[n] + len(line.rstrip())
            first = offsets[n] + len(label) + 1 + len(rest) - len(rest.lstrip())
        elif captions(line) and not sep or (sep and not rest.strip() and captions(label)):
            items, end, mark = [], offsets[n] + len(line.rstrip()), None
            for k in range(n + 1, len(lines)):
                if not lines[k].strip():
                    continue
                bullet = LIST_BULLET.match(lines[k])
                body = lines[k][bullet.end():].strip() if bullet else ""
                numbered = bullet.group(0).strip()[:1].isdigit() if bullet else None
                mark = numbered if mark is None else mark  # a numbered line under a "•" list: the next section
                if not bullet or numbered != mark or len(body.split()) > _ITEM_MAX_WORDS or body[-1:] in ".!?":
                    break
                if not items:
                    first = offsets[k] + bullet.end()
                items.append(body)
                end = offsets[k] + len(lines[k].rstrip())
        else:
            continue
        if len(items) < 2 or any(len(i.split()) > _ITEM_MAX_WORDS for i in items):
            continue
        members = tuple(i for i in items if _of_class(i, person, text, member))
        if len(members) >= 2 and 2 * len(members) >= len(items):
            start = offsets[n] + len(line) - len(re.sub(r"^[\s#*_\-•·▪◦\d.)(]+", "", line))
            caption = re.sub(r"^[\s#*_\-•·▪◦\d.)(]+", "", (label if sep else line)).strip().rstrip(":").strip(" *_")
            out.append(CaptionedList(start, first, end, caption or "", tuple(items), members))
    return out


#: a run of capitalised words, "of" or "&" allowed inside ("Ministry of Commerce", "AT&T"): a name a quote may give
_NAME_RUN = re.compile(r"(?<![\w’'])[A-Z][\w&.’'-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w&.’'-]*)*")


def names_member(text: str, question: str, member: frozenset[str], *, person: bool = False) -> bool:
    """Whether a quote names a member of the asked class (``member``: its stems; ``person``: the class is people): a
    run of capitalised words, a possessive's "'s" dropped, that is of the class (``_of_class``: an organisation's
    name, not a place; a person's for ``person``) and not made of the question's own words ("China", "Japanese"), the
    sentence's first word alone not counted. "The US sanctioned Huawei" names one for "Which companies did the US
    sanction?"; a 2020 essay's "China is set to announce … China’s own entity list" names none for "List the Japanese
    companies affected by China's export restrictions". Errs towards naming (a weekday is read as a name): an answer
    it reads as naming a member is left as it is."""
    asked = _terms(question) | set(member)
    for m in _NAME_RUN.finditer(text):
        name = re.sub(r"[’']s$", "", m.group(0).rstrip("."))
        if (m.start() == 0 and len(name.split()) == 1) or not _terms(name) - asked:
            continue
        if _of_class(name, person, text, member):
            return True
    return False


def asked_act(question: str, member: frozenset[str]) -> str | None:
    """The act a "which <class> …?" question asks of its members, as a clause after "which of them" ("Which Japanese
    companies did China restrict?" -> "China restricted"; "Which firms were affected by the curbs?" -> "were affected
    by the curbs"; "Which companies does the EU ban?" -> "the EU bans"): the question after its class noun
    (``class_noun``), a "did"/"does"/"do" dropped and the first verb after the subject put in that tense
    (lemminflect); a list request's participle is read as "were <participle>" ("List the companies affected by the
    curbs" -> "were affected by the curbs"). None when the question names no class noun or nothing follows it."""
    from lemminflect import getAllLemmas, getInflection

    noun = class_noun(question, member)
    if noun is None:
        return None
    m = re.search(rf"\b{re.escape(noun)}\b\s+(.+?)\s*\??\s*$", question)
    if m is None:
        return None
    words = m.group(1).rstrip(" .!?").split()
    if words and words[0].lower() in ("that", "which", "who"):  # "firms that were sanctioned": the relative word goes
        words = words[1:]
    if words and _past_verb(words[0]) and words[0].lower() not in table("answer_kinds")["vocab"]["aux"]:  # a request's participle ("companies affected by …"): "were affected by …"
        words = ["were"] + words
    aux = words[0].lower() if words else ""
    if aux not in ("did", "does", "do") or len(words) < 3:
        return " ".join(words) or None
    tag = {"did": "VBD", "does": "VBZ", "do": "VBP"}[aux]
    for k in range(2, len(words)):  # the subject is at least one word: "did China restrict", "did the EU sanction"
        lemma = getAllLemmas(words[k].lower()).get("VERB", (None,))[0] if words[k][:1].islower() else None
        if lemma and lemma == words[k].lower():
            form = (getInflection(lemma, tag) or (words[k],))[0]
            return " ".join(words[1:k] + [form] + words[k + 1:])
    return None


def caption_states_act(question: str, caption: str, member: frozenset[str]) -> bool:
    """Whether a list's ``caption`` states what ``question`` asks of its members ("Sanctioned firms" for "Which
    firms did the EU sanction?", "Affected companies" for "Which companies were affected?", "Key entities" for
    "Which companies are named as key entities?": a question asking for the source's own list, ``asks_source_list``):
    otherwise a content term of the caption, beyond the class noun
    (``member``'s stems and their ``member_classes.toml`` group), is one of the question's. "Key Individuals and
    Entities" does not state which companies China restricted."""
    if asks_source_list(question):  # "which … are named as key entities?": the source's own list is what is asked
        return True
    cls = member | _class_nouns(member)
    return bool((_terms(caption) - cls) & (_terms(question) - cls))


def names_missing(question: str, member: frozenset[str]) -> str:
    """What none of the sources gives when a source's captioned list does not state the asked act: the names of the
    members the question asks about, with its act ("the names of the companies China restricted", "the names of the
    companies that were affected by China's export restrictions"; ``asked_act``), so that the list after it is not
    said to be missing."""
    noun = class_noun(question, member) or "members"
    act = asked_act(question, member)
    if not act:
        return f"the names of the {noun}"
    return f"the names of the {noun} {'that ' if act.split()[0] in ('were', 'was', 'are', 'is') else ''}{act}"


def list_caveat(lister: str, caption: str, members: tuple[str, ...], question: str, member: frozenset[str]) -> str:
    """What an answer says of a source's captioned list whose caption does not state the asked act
    (``caption_states_act``): "WorldWideWatchers (AI-generated brief, 2026) lists Mitsubishi Heavy Industries, … and
    Subaru under “Key Individuals and Entities” [1]; none of the sources says which of them China restricted."
    (``member_classes.toml`` [list_caveat]; ``lister``: the source and its verb, "<source> lists"; ``members``: the
    items of the asked class, as written; the act ``asked_act``, else the question's own words)."""
    cues = table("member_classes")["list_caveat"]
    items = members[0] if len(members) == 1 else ", ".join(members[:-1]) + " and " + members[-1]
    act = asked_act(question, member) or "the question asks about"
    return (cues["lists"].format(lister=lister, items=items, caption=caption) + "; "
            + cues["unsaid"].format(act=act) + ".")
