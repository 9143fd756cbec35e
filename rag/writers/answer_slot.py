"""The slot a question asks to fill, and whether a sentence fills it.

"Who was the designer of the garment?" asks for a value in the slot its noun names (the designer); "in order to fill
which vital role?" asks for a role; "What is the nickname of Morocco?" for a nickname. A sentence answers when a value
the question lacks (a capitalised name or a quoted term) stands beside that noun or a word of its group ("the famed
designer Bob Mackie", "designed by Bob Mackie", "The “director of rodent mitigation” position"), or, for "what is it
called?", right after a naming word ("the bill, called the Respect for Marriage Act"). A sentence restating the
question's premise ("After lending Kim Kardashian a dress …, Ripley’s Believe It or Not! is responding to claims …")
may name things the question lacks, but none in the slot: typing by kind (``answer_kind.has_answer_kind``) accepts it,
this reader does not.

The answer's first sentence is what states the value, not the context before it: a quote that joins a dependent
sentence to the one before it ("The dress … was custom made for Monroe. It was based on a sketch by the famed designer
Bob Mackie …") or runs on past its first sentence ("… she died peacefully at Balmoral Castle … She was the
longest-tenured queen …, reigning for 70 years after ascending to the throne in 1952") may state the value only after
its first sentence; ``opening_lead`` lets a nearly as relevant quote whose own first sentence states it lead instead
("Elizabeth ascended to the throne in 1952, on the death of her father …").

Word lists: ``rag/text/data/answer_slots.toml`` (slot nouns, anchor groups, the window, the lead rules' kinds and gaps).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Sequence

from rag.text.lexicon import table, word_set
from rag.text.sentences import sentence_texts
from rag.writers.answer_class import PHRASE_WORDS
from rag.writers.answer_kind import has_answer_kind, is_enumeration, without_carried_context
from rag.writers.answer_act import asked_act, tells_act
from rag.writers.asked_year import asked_years, event_years, tells_other_years
from rag.writers.answer_value import fitting_numbers, quantity_text
from rag.writers.answer_value import asked_value, counts_by_counter, counts_in_kind, counts_noun, states_age
from rag.writers.candidates import Candidate
from rag.writers.key_terms import ENTITY_NOISE, entities
from rag.writers.key_terms import stem as stem_word
from rag.writers.key_terms import stems as text_stems

__all__ = ["AskedObject", "AskedSlot", "asked_object", "asked_slot", "change_for_state", "fills_age", "fills_count",
           "fills_slot", "counted_undergoers", "named_people",
           "names_act_object", "names_member",
           "opening_lead", "opens_with_value", "slot_fillers",
           "slot_lead"]

_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*")
_QUOTE_RE = re.compile(r"[“\"‘]([^”\"’]{2,60})[”\"’]")


@dataclass(frozen=True)
class AskedSlot:
    """What a question asks to fill: ``nouns``, the stems that anchor a value in the slot (the slot noun and its
    group: {"design", "designed"} for "who was the designer of …"; empty when the question names no slot);
    ``naming``: the question asks what something is called ("What is it called?"), so a value right after a naming
    word ("called", "dubbed") fills it. ``frame``: for a question ending on its wh-phrase ("… denied that he had an
    alleged affair with who?", "… is the brainchild of which national leader?"), the stem of the content word before
    it ("affair", "brainchild") and ``joiner`` the preposition between them ("with", "of"), or None: a value right
    after that word and preposition in a sentence fills the slot ("denied having an affair with Nicole Shanahan").
    ``acts``: for a question asking for its subject ("Which country declared victory against …?"), the stems of the
    verb after the class and of the word after it ({"declar", "victori"}): a value right before one of them fills the
    slot ("North Korean leader Kim Jong Un declared victory"). ``recipient``: the question asks who was given, sent or
    told something ("Who received the US request …?", "To whom was the letter addressed?"): a value right after "to"
    that follows a giving verb fills the slot ("The request was conveyed through channels involving Gene Raymond, …,
    to Yasutoshi Nishimura"), and, for "who received …?", a value right before the receiving verb ({"receiv"} in
    ``acts``: "Nishimura received the request"). ``qualifiers``: the stems, in order, of the lower-case words before
    the class noun of a "which/what <words>" phrase, when one of them is more than a ``[slot].skip`` word or an
    adverb (("critic", "endang") for "What critically endangered bird …?"; () for "Which new product …?"): a
    member named in lower case right after them in the class noun's place fills the slot (``names_member``).
    ``objects``: for a question asking for its act's object ("Who did the customs service book?", "Whom will the
    council appoint?"), the stem of the act's verb ({"book"}): a value in the object phrase right after that verb
    fills the slot ("The agency booked the chief executive of Hanbit Trading", ``_asked_act_object``).
    ``passive``: for "who <be> <participle> …?" ("Who was acquitted …?", "Who has been charged …?"), the participle's
    stem ({"acquit"}): a value right before a form of "be" and that participle ("Lim Hao Ran, was acquitted by a
    jury") or right after the active verb ("the jury acquitted Lim Hao Ran") fills the slot, not a value beside
    another act of the story ("… sentenced Chen Wei-lun …": ``_asked_passive``)."""

    nouns: frozenset[str] = frozenset()
    naming: bool = False
    frame: str | None = None
    joiner: str | None = None
    acts: frozenset[str] = frozenset()
    recipient: bool = False
    qualifiers: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()
    passive: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return (bool(self.nouns) or self.naming or self.frame is not None or bool(self.acts) or self.recipient
                or bool(self.objects) or bool(self.passive))


@cache
def _slots() -> dict:
    return table("answer_slots")


@cache
def _groups() -> tuple[frozenset[str], ...]:
    """Anchor groups as stem sets (``[anchor].groups`` of answer_slots.toml; not the checker's noun synonyms, whose
    senses are another text's: "outlet" is a store there, a news outlet in "which outlet first reported …")."""
    raw = list(_slots()["anchor"]["groups"])
    return tuple(frozenset(stem_word(w) for phrase in g for w in phrase.split()) for g in raw)


@cache
def _stops() -> frozenset[str]:
    vocab = table("answer_kinds")["vocab"]
    return (frozenset(vocab["aux"]) | frozenset(vocab["phrase_end"]) | frozenset(vocab["class_phrase_end"])
            | word_set("stopwords"))


def _verb(word: str) -> bool:
    """Whether a word after "which <noun>" is its verb ("which country *declared*", "which club *went*")."""
    return word.endswith("ed") or word in word_set("irregular_past") or word in _slots()["slot"]["verbs"]


def _adverb(word: str) -> bool:
    """Whether a word of a "which <words>" phrase is an adverb in "-ly" ("critically", "newly"): it qualifies the
    participle after it, and is no noun of the slot."""
    return len(word) > 4 and word.endswith("ly")


def _modifier(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` (lower case, stripped), a verb form by ``_verb``, is a participle qualifying the class
    noun after it rather than the phrase's verb: it opens the phrase or follows only adverbs and ``[slot].skip``
    words, and a plain lower-case word that is no stop word nor verb follows it ("what critically endangered bird
    was …", "which newly discovered species …", "which endangered turtle …"; not "which country declared victory",
    where a noun comes before it, nor "what caused the outage", where a stop word follows)."""
    skip = frozenset(_slots()["slot"]["skip"])
    if any(not (_adverb(w) or w in skip) for w in words[:k]):
        return False
    nxt = words[k + 1] if k + 1 < len(words) else ""
    return bool(re.fullmatch(r"[a-z][a-z-]*", nxt)) and nxt not in _stops() and not _verb(nxt)


def _head(words: list[str]) -> str | None:
    """The head noun of a "which <words>" phrase: its last word before a stop word, past generic class nouns
    ("which type of infrastructure" → "infrastructure"), adverbs and the participles they qualify ("what critically
    endangered bird" → "bird": ``_modifier``) and a name's part with digits ("which two Delta-9 clubs" → "clubs")."""
    stops, slot = _stops(), _slots()["slot"]
    generic, skip = frozenset(slot["generic"]), frozenset(slot["skip"])
    head = None
    plain = [w.strip("'’?,.:;").lower() for w in words[:PHRASE_WORDS]]
    for k, w in enumerate(plain):
        owner = re.sub(r"['’]s$", "", w)
        if owner != w:  # "which Japanese company's scandal": the owner's noun ends the phrase
            if re.fullmatch(r"[a-z][a-z-]*", owner) and owner not in skip:
                head = owner
            break
        if w == "of" and head in generic:
            head = None
            continue
        if re.fullmatch(r"[a-z0-9-]+", w) and re.search(r"\d", w) and re.search(r"[a-z]", w):
            continue  # "which two Delta-9 clubs": a name's part with digits qualifies the head, is none
        if not w or (w in stops and w != "of") or not re.fullmatch(r"[a-z][a-z-]*", w) or (
                _verb(w) and not _modifier(plain, k)):
            break
        if w == "of":
            break
        if w not in skip and not _adverb(w) and not _verb(w):
            head = w
    return None if head in generic else head


def asked_slot(question: str) -> AskedSlot:
    """The slot ``question`` asks to fill (see ``AskedSlot``): the head noun of its "which/what <words>" phrase
    ("Which airline announced …?" → airline), of "who was the <noun> of/on …" ("Who was the star guest on …?" →
    guest) or of "what is the <noun> of …" ("What is the nickname of …?" → nickname), with its anchor group; a
    "what is it called / named?" question asks for a name after a naming word. An empty slot when none is named."""
    q = without_carried_context(question)
    low = q.lower()
    heads: list[str] = []
    qualifiers: tuple[str, ...] = ()
    for m in re.finditer(r"\b(?:which|what)\s+((?:[\w’'-]+\s*){1,6})", low):
        words = m.group(1).split()
        if words and words[0] in ("is", "was", "are", "were"):  # "what is the nickname of …"
            mm = re.match(r"(?:is|was|are|were)\s+(?:the|its|their|his|her)\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+of\b",
                          " ".join(words) + " ")
            if mm and mm.group(1).split()[-1] not in _slots()["slot"]["generic"]:
                heads.append(mm.group(1).split()[-1])
            continue
        head = _head(words)
        if head:
            heads.append(head)
            # (read in the question's own case: a capital is a name)
            qualifiers = qualifiers or _qualifiers(q[m.start(1):m.end(1)].split(), head)
    for m in re.finditer(r"\bwho\s+(?:is|was|are|were)\s+(?:the|its|their|his|her)\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)"
                         r"\s+(?:of|on|in|at|for|behind)\b", low):
        heads.append(m.group(1).split()[-1])
    naming = bool(re.search(r"\bwhat\s+(?:is|was|are|were)\s+(?:it|this|that|they|the \w+)\s+(?:called|named|known as)\b",
                            low))
    nouns: set[str] = set()
    for h in heads:
        s = stem_word(h)
        nouns.add(s)
        for g in _groups():
            if s in g:
                nouns |= g
    frame = joiner = None
    asked = sentence_texts(q.strip())[-1] if q.strip() else q
    m = re.search(r"(?:^|\s)([a-z][\w’'-]*)\s+(?:(" + "|".join(_slots()["frame"]["joiners"]) + r")\s+)?"
                  r"(?:which|what|who|whom)(?:\s+[\w’'-]+){0,4}\s*\?\s*$", asked.lower())
    if m and m.start(1) > 0 and m.group(1) not in _stops():
        frame, joiner = stem_word(m.group(1)), m.group(2)
    acts: set[str] = set()
    m = re.match(r"\s*(?:which|what)\s+(.*)$", asked, re.I)
    if m:
        words = [w.strip("'’?,.:;") for w in m.group(1).split()]
        low_words = [w.lower() for w in words]
        # the verb, not a participle qualifying the class ("what critically *endangered* bird was *spotted*")
        k = next((k for k, w in enumerate(low_words[:PHRASE_WORDS + 1]) if _verb(w) and not _modifier(low_words, k)),
                 None)
        if k is not None:  # the verb and the word after it, not a name ("reported that Japan …")
            skip = frozenset(_slots()["slot"]["skip"])
            acts = {stem_word(w) for w in words[k:k + 3]
                    if w and w[:1].islower() and w not in _stops() and w not in skip}
    recipient = _asks_recipient(asked)
    if recipient:  # "who received …?": the receiver is the subject of that verb
        m = re.match(r"\s*who\s+([a-z]+)\b", asked.lower())
        if m and m.group(1) in _slots()["recipient"]["receives"]:
            acts.add(stem_word(m.group(1)))
    objects = frozenset() if recipient else _asked_act_object(asked)
    passive = frozenset() if recipient else _asked_passive(asked)
    return AskedSlot(frozenset(nouns), naming, frame, joiner, frozenset(acts), recipient, qualifiers, objects, passive)


def _asked_passive(asked: str) -> frozenset[str]:
    """The stem of the participle a "who <auxiliary>* <be> <participle> …?" question asks the passive subject of
    (``[passive]`` of answer_slots.toml: "Who was acquitted in …?" → {"acquit"}, "Who has been charged …?" →
    {"charg"}, "Who was also arrested …?"); empty for another question ("Who was the designer …?", "Who did …?")."""
    passive = _slots()["passive"]
    words = re.findall(r"[a-z][a-z’'-]*", asked.lower())
    if len(words) < 3 or words[0] != "who":
        return frozenset()
    k, be = 1, False
    while k < len(words) and (words[k] in passive["auxiliaries"] or words[k] in passive["be"] or _adverb(words[k])):
        be = be or words[k] in passive["be"]
        k += 1
    if not be or k >= len(words) or not (_verb(words[k]) or words[k] in passive["participles"]):
        return frozenset()
    return frozenset({stem_word(words[k])})


def _asked_act_object(asked: str) -> frozenset[str]:
    """The stem of the verb whose object a "who/whom <auxiliary> <subject> <verb> …?" question asks for
    (``[whom].auxiliaries``): the word after the subject, a determiner and a run of capitalised words ("Who did *the
    Korea Customs Service* book?" → {"book"}), or the last of a run of lower-case words, after a determiner or a
    possessive ("Whom will police question …?" → {"question"}; "Who did Japan's trade ministry fine?" → {"fine"});
    empty for another question, or when no lower-case verb follows the subject."""
    whom = _slots()["whom"]
    m = re.match(r"\s*who(?:m)?\s+(" + "|".join(whom["auxiliaries"]) + r")\s+(.+?)\s*\?\s*$", asked, re.I)
    if m is None:
        return frozenset()
    words = [w.strip(",;:") for w in m.group(2).split()]
    k = 0
    while k < len(words) and words[k].lower() in word_set("determiners"):
        k += 1
    run = True  # a lower-case subject ("police", "the harbour council"): the verb ends its lower-case run
    if k < len(words) and words[k][:1].isupper():
        while k < len(words) and (words[k][:1].isupper() or words[k].lower() in whom["name_joiners"]):
            k += 1
        run = bool(re.search(r"[’']s$", words[k - 1]))  # "Japan's trade ministry fine": so after a possessive
    if run:
        breaks = frozenset(_slots()["anchor"]["breaks"])
        while (k + 1 < len(words) and re.fullmatch(r"[a-z][a-z-]*", words[k + 1])
               and words[k + 1] not in breaks and words[k + 1] not in _stops()):
            k += 1
    if k >= len(words) or not re.fullmatch(r"[a-z][a-z-]*", words[k]) or words[k] in _stops():
        return frozenset()
    return frozenset({stem_word(words[k])})


def _qualifiers(words: list[str], head: str) -> tuple[str, ...]:
    """The stems of the lower-case words of a "which/what <words>" phrase before its ``head`` noun (``_head``), or ()
    when they are only ``[slot].skip`` words and adverbs ("new", "major"; "critically" alone) or one plain adjective
    ("rare"), which too many other phrases share ("the new rules", "a rare sight") to place a member; one participle
    ("endangered") is particular enough."""
    plain = [w.strip("'’?,.:;") for w in words[:PHRASE_WORDS]]
    if head not in plain:
        return ()  # the head in another case ("which Critically Endangered Bird"), or past the phrase's words
    before = plain[: plain.index(head)]
    skip = frozenset(_slots()["slot"]["skip"])
    # lower case only (not "which British luxury carmaker": a capital is a name the answer need not repeat) and no
    # stop word ("which kind of animal": the class noun after "of" is qualified by nothing)
    if not before or not all(re.fullmatch(r"[a-z][a-z-]*", w) and w not in _stops() for w in before) or all(
            w in skip or _adverb(w) for w in before):
        return ()
    if len(before) == 1 and not _verb(before[0]):
        return ()  # "which rare fish": "a rare sight" too has a word after "rare"; "endangered" is more particular
    return tuple(stem_word(w) for w in before)


def names_member(slot: AskedSlot, text: str, question_stems: set[str]) -> bool:
    """Whether ``text`` names a member of the asked class in lower case in the class noun's place: the question's
    ``qualifiers`` (``AskedSlot``), in order, followed by words the question lacks instead of its class noun ("the
    critically endangered black-naped pheasant-pigeon" for "What critically endangered bird was spotted …?", "an
    endangered leatherback" for "Which endangered turtle …?"). Not the class noun itself after them ("the critically
    endangered bird": a reference by class), a stop word, a verb form (a hyphened compound is none: "black-naped")
    or a capital (a name is read by ``_values``); False when the slot has no qualifiers."""
    quals = slot.qualifiers
    if not quals:
        return False
    words = [m.group(0) for m in _WORD_RE.finditer(text)]
    low = [w.lower() for w in words]
    stems = [stem_word(w) for w in low]
    n = len(quals)
    for k in range(len(words) - n):
        if tuple(stems[k:k + n]) != quals or any(w[:1].isupper() for w in words[k + 1:k + n]):
            continue
        first = words[k + n]
        if (not re.fullmatch(r"[a-z][a-z-]*", first) or first in _stops() or (_verb(first) and "-" not in first)
                or stems[k + n] in question_stems or stems[k + n] in slot.nouns):
            continue
        return True
    return False


@dataclass(frozen=True)
class AskedObject:
    """A "which/what <class>" question asking for the object of its act (``asked_object``): ``verbs``, the act's verb
    stems ({"link"} for "Which toys were linked to the choking cases?"); ``joiner``, the preposition a passive
    question puts right after the verb ("to"), or None ("What new dessert did the chain unveil?"); ``nouns``, the class noun and
    its anchor group (``AskedSlot.nouns``): the class again, no member."""

    verbs: frozenset[str]
    joiner: str | None
    nouns: frozenset[str] = frozenset()


def asked_object(question: str) -> AskedObject | None:
    """What a "which/what <class> <auxiliary> …" question asks (``AskedObject``): its class words end on an auxiliary
    ("which toys *were* linked to …", "what new dessert *did* the chain unveil"), so the asked member is its act's
    object, or its passive subject, and the act's verb is read by ``answer_act.asked_act``. None for a question asking
    its act's subject ("Which company recalled …?": the member stands before the verb), one with no act or no class
    words, or a "what is/was it …" question."""
    asked = sentence_texts(without_carried_context(question).strip())[-1] if question.strip() else question
    aux = "|".join(table("answer_kinds")["vocab"]["aux"])
    m = re.match(rf"\s*(?:which|what)\s+((?:(?!(?:{aux})\b)[\w’'-]+\s+){{1,{PHRASE_WORDS}}}?)({aux})\s+(.*)$", asked, re.I)
    if m is None or any(w.lower() in _stops() for w in m.group(1).split()):
        return None
    act = asked_act(question)
    if act is None or not act.verbs:
        return None
    verbs = frozenset(act.verbs)
    words = [w.strip("'’?,.:;") for w in m.group(3).split()]
    k = next((k for k, w in enumerate(words) if w[:1].islower() and stem_word(w.lower()) in verbs), None)
    nxt = words[k + 1].lower() if k is not None and k + 1 < len(words) else ""
    # the passive's preposition ("were linked to …") introduces its complement; an active act's object follows the
    # verb itself ("did Tesla debut at an event": "at" opens an adjunct), as does the passive's agent ("was caught by
    # trawlers": the active report names the member right after the verb, "trawlers caught a rare oarfish")
    passive = m.group(2).lower() in ("is", "are", "was", "were")
    joiner = nxt if passive and nxt != "by" and nxt in _slots()["frame"]["joiners"] else None
    return AskedObject(verbs, joiner, asked_slot(question).nouns)


def names_act_object(asked: AskedObject | None, text: str, question_stems: set[str] | frozenset[str]) -> bool:
    """Whether ``text`` names a member of the asked class in lower case as the object of the asked act (``asked``,
    ``asked_object``): right after the act's verb (a verb, not a noun after a determiner: "the unveiling"), the
    question's preposition after it when it has one ("linked to"), then at most a determiner and ``[object].modifiers``,
    lower-case words the question lacks, none of them the class noun ("… have been linked to magnetic bead sets" for
    "Which toys were linked to the choking cases?"; not "is adding a new menu item": ``[object].vague``).
    A capital there is a name, read by ``fills_slot``; False for no ``asked``."""
    if asked is None:
        return False
    spec = _slots()["object"]
    vague, modifiers = frozenset(spec["vague"]), frozenset(spec["modifiers"])
    determiners = word_set("determiners")
    spans = list(_WORD_RE.finditer(text))
    words = [w.group(0) for w in spans]
    for k, w in enumerate(words):
        if not (w[:1].islower() and stem_word(w.lower()) in asked.verbs):
            continue
        if k and words[k - 1].lower() in determiners:
            continue  # "the unveiling": the act as a noun
        j = k + 1
        if asked.joiner is not None:
            if j >= len(words) or words[j].lower() != asked.joiner:
                continue
            j += 1
        phrase: list[str] = []
        while j < len(words):
            if re.search(r"[.;:!?,()“”\"]", text[spans[j - 1].end(): spans[j].start()]):
                break  # a clause break ends the object
            low = words[j].lower()
            if words[j][:1].isupper() or not re.fullmatch(r"[a-z][a-z-]*", words[j]):
                break
            if not phrase and (low in determiners or low in modifiers):
                j += 1
                continue
            if low in ("and", "or") and phrase:
                phrase.append(low)
                j += 1
                continue
            if low in _stops():
                break
            phrase.append(low)
            j += 1
        while phrase and phrase[-1] in ("and", "or"):
            phrase.pop()
        content = [p for p in phrase if p not in ("and", "or")]
        if not content or content[-1] in vague or any(stem_word(p) in asked.nouns for p in content):
            continue  # nothing named, or the class again ("a new menu item", "to manage reservoirs and rationing")
        if any(stem_word(p) not in question_stems and stem_word(p) not in asked.nouns for p in content):
            return True
    return False


def _asks_recipient(asked: str) -> bool:
    """Whether the asked sentence asks who was given, sent or told something: "Who received …?", "Who was sent …?",
    "To whom was … addressed?", "Who was the request conveyed to?" (``[recipient]`` of answer_slots.toml)."""
    rec = _slots()["recipient"]
    low = asked.lower().strip()
    if re.match(r"to\s+whom\b", low):
        return True
    m = re.match(r"who(?:m)?\s+([a-z]+)(?:\s+([a-z]+))?\b", low)
    if m is None:
        return False
    if m.group(1) in rec["receives"]:
        return True
    passive = m.group(1) in rec["passive"]
    if passive and m.group(2) in rec["passive_receives"]:
        return True  # "Who was given …?", "Who was sent …?"
    # "Who was the request conveyed to?": a giving verb and "to" closing the question
    return passive and bool(re.search(r"\b([a-z]+)\s+to\s*\?\s*$", low)) and any(
        re.search(rf"\b{re.escape(v)}\s+to\s*\?\s*$", low) for v in rec["gives"])


def _values(text: str, question_stems: set[str]) -> list[tuple[int, int]]:
    """Word spans (first, last word index) of the values ``text`` holds that the question lacks: capitalised names
    (not a sentence-initial common word) and quoted terms."""
    spans: list[tuple[int, int]] = []
    starts = [m.start() for m in _WORD_RE.finditer(text)]

    def index(pos: int) -> int:
        return max((k for k, s in enumerate(starts) if s <= pos), default=0)

    for name, initial in entities(text):
        words = [w for w in name.split() if w[:1].isupper() and w.lower() not in ENTITY_NOISE]
        if not words or (initial and len(name.split()) == 1):
            continue
        if all(stem_word(w) in question_stems for w in words):
            continue
        pos = text.find(name)
        if pos >= 0:
            spans.append((index(pos), index(pos + len(name) - 1)))
    for m in _QUOTE_RE.finditer(text):
        if not (text_stems(m.group(1)) <= question_stems):
            spans.append((index(m.start(1)), index(m.end(1) - 1)))
    return spans


@cache
def _naming_re() -> re.Pattern[str]:
    words = sorted(_slots()["anchor"]["naming"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s+(?:the\s+)?$",
                      re.I)


def fills_slot(slot: AskedSlot, text: str, question_stems: set[str]) -> bool:
    """Whether ``text`` puts a value ``question_stems`` lack in ``slot`` (``asked_slot``): a name or quoted term
    within ``[anchor].window`` words of a word of the slot's group (and not merely modifying it: "the OUP word of the
    year" has "OUP" name the word's owner, not the word), or, for a naming question, right after a naming word
    ("called the Respect for Marriage Act"), or a member named in lower case in the class noun's place
    (``names_member``). False for an empty slot."""
    if not slot:
        return False
    if names_member(slot, text, question_stems):
        return True  # "the critically endangered black-naped pheasant-pigeon": a member in the class noun's place
    values = _values(text, question_stems)
    if not values:
        return False
    words = [m.group(0) for m in _WORD_RE.finditer(text)]
    starts = [m.start() for m in _WORD_RE.finditer(text)]
    if slot.naming:
        for first, _ in values:
            if _naming_re().search(text[: starts[first]]):
                return True
    if slot.frame is not None:
        for k, w in enumerate(words):
            if w[:1].islower() and stem_word(w) == slot.frame:
                for first, _ in values:
                    between = text[starts[k] + len(w): starts[first]]
                    if 0 < first - k - 1 <= 3 + (slot.joiner is not None) or first == k + 1:
                        if _joins(between, slot.joiner) and (slot.joiner is None
                                                            or re.search(rf"\b{slot.joiner}\b", between)):
                            return True  # "an affair with Nicole Shanahan", "the brainchild of Emmanuel Macron"
    if slot.acts:
        for first, last in values:
            if any(stem_word(words[k]) in slot.acts for k in range(first + 1, last + 1)):
                return True  # a headline's capitals run the name into its act: "China Imposes Export Restrictions"
            for k in range(last + 1, min(len(words), last + 6)):
                if words[k][:1].isupper() or re.search(r"[.;:!?()]", text[starts[last]: starts[k]]):
                    break
                if words[k].lower() in _slots()["frame"]["subjects"]:
                    break  # "a NCAA title she won": the verb has another subject, the value is its object
                if stem_word(words[k]) in slot.acts:
                    if words[k - 1].lower() in word_set("determiners"):
                        break  # "Analysts in Nairobi said the grounding was …": the act as a noun, not the name's verb
                    return True  # "Kim Jong Un declared victory", "Wasps have been forced into administration"
    if slot.recipient and _gives_to(words, starts, text, values):
        return True
    if slot.objects and _fills_object(slot.objects, words, starts, text, values):
        return True
    if slot.passive and (_fills_object(slot.passive, words, starts, text, values)
                         or _passive_subject(slot.passive, words, starts, text, values)):
        return True
    if not slot.nouns:
        return False
    window = int(_slots()["anchor"]["window"])
    # an anchor is the slot's noun itself, not its possessive ("the country's Vice President", "the team's first
    # Cup": they refer to the answer by its class and name something else)
    anchors = [k for k, w in enumerate(words) if w[:1].islower() and stem_word(w) in slot.nouns
               and not re.search(r"[’']s$", w)]
    for first, last in values:
        for k in anchors:
            if k < first and first - k - 1 <= window and _joins(text[starts[k] + len(words[k]): starts[first]]):
                return True  # "the famed designer Bob Mackie", "designed by Bob Mackie", "guest was … Serena Williams"
            if k > last and k - last - 1 <= window:
                between = text[starts[last] + len(words[last]): starts[k]]
                head = re.match(r"\s*(?:[.,;:!?)”\"’]|$|\s(?:who|which|that|and|of)\b)", text[starts[k] + len(words[k]):])
                if re.match(r"\s*[”\"’]", between) or (
                        head and re.fullmatch(r"\s*,\s+(?:the|a|an|its|their)\s+(?:[a-z-]+\s+){0,2}", between)):
                    return True  # "The “director of rodent mitigation” position", "Bob Mackie, the designer"
    return False


def _fills_object(verbs: frozenset[str], words: list[str], starts: list[int], text: str,
                  values: list[tuple[int, int]]) -> bool:
    """Whether a value (word spans into ``words``) stands in the object phrase of one of the asked act's ``verbs``
    (stems; ``AskedSlot.objects``): within ``[anchor].window`` words after the verb, with only lower-case words
    between them that break no phrase, save ``[whom].object_joiners`` ("booked *the chief executive of* Hanbit
    Trading", "questioned Lena Moro"); not after the act as a noun ("the booking of …": a determiner before it)."""
    window = int(_slots()["anchor"]["window"])
    joiners = frozenset(_slots()["whom"]["object_joiners"])
    breaks = frozenset(_slots()["anchor"]["breaks"]) - joiners
    for k, w in enumerate(words):
        if not w[:1].islower() or stem_word(w) not in verbs:
            continue
        if k and words[k - 1].lower() in word_set("determiners"):
            continue
        for first, _ in values:
            if not 0 < first - k <= window + 1:
                continue
            between = text[starts[k] + len(w): starts[first]]
            if re.search(r"[.,;:!?()\[\]]|\b[A-Z]", between):
                continue
            if not {x.lower() for x in _WORD_RE.findall(between)} & breaks:
                return True
    return False


def _passive_subject(verbs: frozenset[str], words: list[str], starts: list[int], text: str,
                     values: list[tuple[int, int]]) -> bool:
    """Whether a value (word spans into ``words``) is the subject of one of the asked participles ``verbs`` (stems;
    ``AskedSlot.passive``) told in the passive: right after the value (a comma closing an apposition may stand
    between), forms of "be", auxiliaries and adverbs only (``[passive]``), then the participle ("Lim Hao Ran, was
    acquitted", "Ms Oda and Mr Ren were later charged"; not "Ortega acquitted …": the value is the agent there)."""
    passive = _slots()["passive"]
    for _, last in values:
        k, be = last + 1, False
        while k < len(words) and not re.search(r"[.;:!?()]", text[starts[last]: starts[k]]) and (
                words[k].lower() in passive["auxiliaries"] or words[k].lower() in passive["be"] or _adverb(words[k])):
            be = be or words[k].lower() in passive["be"]
            k += 1
        if be and k < len(words) and words[k][:1].islower() and stem_word(words[k]) in verbs:
            return True
    return False


def counted_undergoers(slot: AskedSlot, text: str) -> int | None:
    """How many people ``text`` says the asked act befell when it counts them instead of naming them (``[counted]``):
    a count right after the act's verb (``slot.objects`` or ``slot.passive`` stems: "charged three engineers",
    "indicted two executives of a Yokohama trading company") or a counted subject of its passive ("Three engineers
    were charged"), at least ``[counted].least``; None when the sentence names no such count (a named person:
    "charged Viktor Orlov"; a count of another noun after the act: "charged with three counts" has a preposition
    first)."""
    verbs = slot.objects | slot.passive
    if not verbs:
        return None
    from rag.text.numbers import word_value

    conf = _slots()["counted"]
    words = [m.group(0) for m in _WORD_RE.finditer(text)]
    starts = [m.start() for m in _WORD_RE.finditer(text)]
    least, reach = int(conf["least"]), int(conf["reach"])
    lead = [w.split() for w in conf["before_count"]]

    def count_at(k: int) -> int | None:
        for phrase in lead:  # "a total of five"
            if [w.lower() for w in words[k: k + len(phrase)]] == phrase:
                k += len(phrase)
                break
        if k >= len(words) or k + 1 >= len(words) or re.search(r"[,.;:]", text[starts[k]: starts[k + 1]]):
            return None
        value = word_value(words[k])
        return int(value) if value is not None and value == int(value) and least <= value < 1000 else None

    for k, w in enumerate(words):
        if not w[:1].islower() or stem_word(w) not in verbs:
            continue
        if k and words[k - 1].lower() in word_set("determiners"):
            continue  # "the charging of …": the act as a noun
        if re.search(r"[.;:!?]", text[starts[k - 1] + len(words[k - 1]): starts[k]] if k else ""):
            continue
        passive = _slots()["passive"]
        j, be = k - 1, False  # "Three engineers were charged": back past "be" and auxiliaries to the counted noun
        while j >= 0 and (words[j].lower() in passive["be"] or words[j].lower() in passive["auxiliaries"]):
            be = be or words[j].lower() in passive["be"]
            j -= 1
        if be:
            for c in range(max(0, j - reach), j):
                found = count_at(c)
                if found is not None and not re.search(r"[,.;:]", text[starts[c]: starts[j]]):
                    return found
            continue
        found = count_at(k + 1)
        if found is not None:
            return found
    return None


def named_people(text: str) -> int:
    """How many people ``text`` names: names of two or more capitalised words (``key_terms.entities``) that are no
    place and hold no organisation word ("Viktor Orlov", "Kenji Morita"; not "Hong Kong", "Westrock Minerals")."""
    from rag.text.places import place_mentions

    places = [(p.start, p.end) for p in place_mentions(text)]
    count = 0
    for name, _ in entities(text):
        words = [w for w in name.split() if w[:1].isupper() and w.lower() not in ENTITY_NOISE]
        if len(words) < 2 or any(w.lower().strip(".,") in word_set("org_words") for w in words):
            continue
        pos = text.find(name)
        if any(a < pos + len(name) and pos < b for a, b in places):
            continue
        count += 1
    return count


@cache
def _giving_stems() -> frozenset[str]:
    """The stems of ``[recipient].gives`` (answer_slots.toml), stemmed once."""
    return frozenset(stem_word(w) for w in _slots()["recipient"]["gives"])


def _gives_to(words: list[str], starts: list[int], text: str, values: list[tuple[int, int]]) -> bool:
    """Whether a value (word spans into ``words``) stands right after "to" (or "to the") that follows a giving verb of
    ``[recipient].gives`` within ``[recipient].reach`` words of the same sentence: "conveyed through channels involving
    Gene Raymond, the US Secretary of Commerce, to Yasutoshi Nishimura", "handed the letter to Prime Minister Kishida".
    Not "exports to 20 Japanese companies" (no giving verb) nor "… was sent. To Tokyo's relief …" (another sentence)."""
    gives, reach = _giving_stems(), int(_slots()["recipient"]["reach"])
    for first, _ in values:
        k = first - 1
        if k > 0 and words[k].lower() == "the":
            k -= 1
        if k < 1 or words[k].lower() != "to":
            continue
        for j in range(max(0, k - reach), k):
            if (words[j][:1].islower() and stem_word(words[j]) in gives
                    and not re.search(r"[.;!?]", text[starts[j]: starts[k]])):
                return True
    return False


def _joins(between: str, joiner: str | None = None) -> bool:
    """Whether the words between a slot noun and a value after it join them in one phrase: lower-case words only
    (modifiers, a copula, "by", "as"), no other name, no clause break and no word of ``[anchor].breaks`` (another
    preposition or a relative: "the sale of the franchise to Walmart heir Robert Walton" sells it to him) ("designer Bob Mackie", "first guest was
    friend and tennis champion Serena Williams"; not "… the team. On Sunday Las Vegas …")."""
    if re.search(r"[.;:!?()\[\]]|\b[A-Z]", between):
        return False
    words = {w.lower() for w in _WORD_RE.findall(between)}
    if any(w.endswith("ing") for w in words):
        return False  # "The classic British carmaker is heralding Spectre": another verb's object
    return not (words - {joiner}) & frozenset(_slots()["anchor"]["breaks"])


def slot_lead(question: str, kind: str | None, texts: list[str], order: Sequence[float], pool: Sequence[int],
              picked: list[int], published: Sequence[str | None] | None = None) -> list[int]:
    """The first sentence, given the hand rule's ``picked`` (one index into ``texts``): when ``kind`` is one of
    ``[lead].kinds`` and the pick does not fill the slot ``question`` asks (``fills_slot``) while sentences of
    ``pool`` do, the best of those by ``order`` (the hand rule's value per sentence) that is within ``[lead].gap`` of
    the pick leads ("Elon Musk has denied having an affair with Nicole Shanahan …" before "Just when we think Elon
    Musk might keep his head down …" for "… denied that he had an alleged affair with who?"); for a recipient slot
    (``AskedSlot.recipient``), an object or passive-subject slot (``AskedSlot.objects``, ``.passive``) or a kind of ``[lead].gap_free`` (a list) the
    best of them leads at any gap. A sentence telling an act's recipient, object or passive subject in an earlier
    event than its report's (``tells_earlier_event`` by ``published``, the reports' ISO days per text: "Outgoing
    President Moon Jae-in was elected in 2017 …" in a 2026 report for "Who was elected president …?") does not lead.
    Otherwise ``picked``."""
    lead = _slots()["lead"]
    if not picked or kind not in lead["kinds"]:
        return picked
    slot = asked_slot(question)
    qstems = text_stems(without_carried_context(question))
    fills = _filling(question, kind, slot, qstems)
    if not slot or fills(texts[picked[0]]):
        return picked
    # a recipient is named by the sentence telling the handing over, whatever more of the question's words the
    # premise restated repeats ("… have asked the Japanese government to join efforts …"): that one names the giver
    # and the gift, and a name beside it (the outlet credited: "reported first by Coastline Radio") is no recipient
    # ... so is the act's object by the sentence telling the act with it ("The agency booked the chief executive of
    # …" for "Who did the customs service book?", past "The Korea Customs Service said … it had seized …"), and a
    # list's members by the sentence naming them, whatever more of the question a report restating its premise
    # beside another list repeats (``[lead].gap_free``)
    # ... and a passive subject by the sentence telling the asked act of it ("Lim Hao Ran, was acquitted by a jury"),
    # past the lede telling another act of the story ("The judge sentenced Chen …")
    floor = (float("-inf") if slot.recipient or slot.objects or slot.passive or kind in lead["gap_free"]
             else order[picked[0]] - float(lead["gap"]))
    filled = [i for i in pool if i != picked[0] and order[i] >= floor and fills(texts[i])]
    if published is not None and (slot.recipient or slot.objects or slot.passive):
        # ... but the act's filler in a report's background (an earlier holder, a previous case) tells another event
        years = asked_years(without_carried_context(question))
        filled = [i for i in filled if not tells_earlier_event(texts[i], published[i], years)]
    return [max(filled, key=lambda i: (order[i], -i))] if filled else picked


def tells_earlier_event(text: str, published: str | None, years: frozenset[int] = frozenset()) -> bool:
    """Whether ``text`` (a sentence of a report published on ``published``, ISO day) tells its events in years before
    the report's own, so as its background ("Outgoing President Moon Jae-in was elected in 2017 …", "In a separate
    case last year, two employees were arrested …" in a 2026 report; relative years read against ``published``:
    ``asked_year.event_years``); for a question asking ``years``, whether it tells none of them
    (``asked_year.tells_other_years``). False for a sentence telling no year, or the report's year or a later one,
    and for an undated report."""
    if years:
        return tells_other_years(text, years, published)
    if not published or not published[:4].isdigit():
        return False
    told = event_years(text, published)
    return bool(told) and max(told) < int(published[:4])


def slot_fillers(question: str, kind: str | None, texts: Sequence[str], pool: Sequence[int],
                 eligible: Sequence[int]) -> list[int]:
    """The sentences of ``eligible`` (indices into ``texts``, outside ``pool``) that fill the slot ``question`` asks
    (``fills_slot``), for a kind of ``[lead].kinds``, when no sentence of ``pool`` (the answer pool, cut by relevance)
    fills it: "The request was reportedly conveyed through channels involving Gene Raymond, …, to Yasutoshi
    Nishimura, …" answers "Who received the US request to curb China's semiconductor progress?" though it repeats less
    of the question than "US authorities have asked the Japanese government to join efforts …", which restates the
    premise. [] otherwise (another kind, no slot, or the pool fills it already: ``slot_lead`` chooses among those)."""
    if kind not in _slots()["lead"]["kinds"]:
        return []
    slot = asked_slot(question)
    if not slot:
        return []
    qstems = text_stems(without_carried_context(question))
    fills = _filling(question, kind, slot, qstems)
    if any(fills(texts[i]) for i in pool):
        return []
    return [i for i in eligible if i not in pool and fills(texts[i])]


def _filling(question: str, kind: str | None, slot: AskedSlot, question_stems: set[str]):
    """Whether a sentence fills the asked slot (``fills_slot``), or, for a "which <class> did … <verb>" question of
    kind "thing", names the member in lower case as its act's object ("The bakery unveiled a spiced pear tart …":
    ``names_act_object``); for a list, only a sentence that enumerates (``answer_kind.is_enumeration``)."""
    obj = asked_object(question) if kind == "thing" else None
    if kind == "list":  # a list's slot is filled by a list: "The listed drones include the Kestrel X4, the Harrier
        # Mini and …", not one member beside a word of the class ("… semiconductor giant TSMC" for "Which companies …?")
        return lambda text: is_enumeration(text) and fills_slot(slot, text, question_stems)
    return lambda text: fills_slot(slot, text, question_stems) or names_act_object(obj, text, question_stems)


def fills_count(question: str, text: str) -> bool:
    """Whether ``text``'s first sentence fills the slot of a "how many <noun>" question: a number the question lacks
    counting that very noun ("Truss, 47, lasted 45 days in office" for "… resigned from her post after how many days
    in office?"; ``answer_value.counts_noun``). False for a sentence that restates the premise with a number of
    something else or of the noun's class in another unit ("… resigned Thursday less than two months into the job"),
    and for a question counting no named noun."""
    body = without_carried_context(question)
    return counts_noun(asked_value(body), _first_sentence(text), text_stems(body))


def fills_age(question: str, text: str) -> bool:
    """Whether ``text``'s first sentence fills the slot of an age question ("How old is he?", "What is his age?"): a
    number the question lacks given as an age ("President Joe Biden is turning 80 this weekend", "Truss, 47, lasted
    …"; ``answer_value.states_age``). False for any other number ("Two people familiar with the planning …") and for
    a question asking no age."""
    body = without_carried_context(question)
    asked = asked_value(body)
    return asked.measure == "age" and states_age(_first_sentence(text), text_stems(body), asked.people)


def count_lead(question: str, kind: str | None, texts: list[str], order: Sequence[float], pool: Sequence[int],
               picked: list[int]) -> list[int]:
    """The first sentence of a "how many <noun>" answer, given the hand rule's ``picked`` (one index into ``texts``):
    when ``kind`` is "number" and no number of the pick's text counts the asked noun (nor its class, when that is no
    unit of measure: ``answer_value.counts_in_kind``) while a sentence of ``pool`` opens with one that counts the noun
    itself (``fills_count``), the best of those by ``order`` (the hand rule's value per sentence)
    within ``[count].gap`` of the pick leads. The premise restated with another measure ("Liz Truss … resigned Thursday
    less than two months into the job") repeats more of the question than the count does ("Truss, 47, lasted 45 days
    in office"), so the gap is wider than ``[lead].gap``.

    A count must be of the asked act too: when the pick's first sentence tells none of the question's act verbs
    (``answer_act.asked_act``, ``tells_act``; not a verb too general to tie a count to, ``[count].general_acts``:
    "affected", "involved"; "inspectors tested 1,250 cameras" for "How many cameras must be
    replaced?") and a sentence of ``pool`` within the gap tells one and counts the noun, its class or a counter
    ("Agencies must also replace an estimated 31,000 units …": ``answer_value.counts_by_counter``), the best of those
    leads.

    A count of a state is not a count of a change: when the question asks what something holds (``_asks_state``:
    "How many entities are on the list?") and the pick's first sentence tells a change (``_tells_change``: "…
    added eight Chinese companies to its … list"), the best sentence of ``pool`` counting the noun itself
    (``fills_count``) and telling no change leads, at any gap ("The list now contains 609 entities"). Otherwise
    ``picked``."""
    if not picked or kind != "number":
        return picked
    body = without_carried_context(question)
    asked = asked_value(body)
    qstems = text_stems(body)
    floor = order[picked[0]] - float(_slots()["count"]["gap"])
    act = asked_act(body)
    verbs = tuple(v for v in act.verbs if v not in _general_acts()) if act is not None else ()
    if not asked.head:
        return _amount_lead(body, asked, verbs, texts, order, pool, picked, floor)
    if verbs and not _tells_any(texts[picked[0]], verbs):
        acting = [i for i in pool if i != picked[0] and order[i] >= floor and _tells_any(texts[i], verbs)
                  and (counts_in_kind(asked, _first_sentence(texts[i]), qstems)
                       or counts_by_counter(asked, _first_sentence(texts[i]), qstems))]
        if acting:
            return [max(acting, key=lambda i: (order[i], -i))]
    if change_for_state(question, texts[picked[0]]):
        # "How many entities are on the list?" asks what it holds: a count of what was added ("… added eight Chinese
        # companies to its … entity list", which repeats more of the question) gives way to the pool's count of the
        # noun itself told as a state ("The list now contains 609 entities"), at any gap of the pool
        state = [i for i in pool if i != picked[0] and fills_count(question, texts[i]) and not _tells_change(texts[i])]
        if state:
            return [max(state, key=lambda i: (order[i], -i))]
    if counts_in_kind(asked, texts[picked[0]], qstems):
        return picked  # the pick already counts the noun, or its class where that is no unit ("20 Japanese firms")
    counted = [i for i in pool if i != picked[0] and order[i] >= floor and fills_count(question, texts[i])]
    return [max(counted, key=lambda i: (order[i], -i))] if counted else picked


@cache
def _count_stems(key: str) -> frozenset[str]:
    """The stems of a word list of ``[count]`` (answer_slots.toml)."""
    return frozenset(stem_word(w) for w in _slots()["count"][key])


def change_for_state(question: str, text: str) -> bool:
    """Whether ``text`` counts a change (``_tells_change``: "Taiwan adds eight Chinese firms to …") where the "how
    many" ``question`` asks for a state (``_asks_state``: "How many entities are on the list?"): its number is no
    answer, however much of the question it repeats. False for a question of a change or of no counted noun."""
    body = without_carried_context(question)
    if not asked_value(body).head:
        return False
    act = asked_act(body)  # the act's own verbs: "How many employees were affected?" asks an act in other words
    return _asks_state(act.verbs if act is not None else ()) and _tells_change(text)


def _asks_state(verbs: Sequence[str]) -> bool:
    """Whether a "how many <noun>" question whose act verbs (stems) are ``verbs`` asks for a state, what something
    holds, not a change to it: no act verb ("How many entities are on the list?", "How many members does the club
    have?") or only verbs of holding (``[count].state_verbs``: "How many firms does the list contain?"). "How many
    firms were added?" asks a change; "How many employees were affected?" an act told in other words ("laying off
    11,000 employees, … the most significant job cuts …": a general act is no state)."""
    return all(v in _count_stems("state_verbs") for v in verbs)


def _tells_change(text: str) -> bool:
    """Whether ``text``'s first sentence tells a change by a verb of ``[count].change_verbs`` ("added eight Chinese
    companies to its … list", "removed 12 firms", "raised the number to 16")."""
    return bool(text_stems(_first_sentence(text)) & _count_stems("change_verbs"))


@cache
def _general_acts() -> frozenset[str]:
    """The stems of ``[count].general_acts``: verbs too general to tie a count to its act ("affected")."""
    return frozenset(stem_word(w) for w in _slots()["count"]["general_acts"])


def _amount_lead(body: str, asked, verbs: Sequence[str], texts: list[str], order: Sequence[float],
                 pool: Sequence[int], picked: list[int], floor: float) -> list[int]:
    """For "how much <did X> <verb> …?" / "how much was <participle> …?" (no counted noun; ``count_lead``): when the
    pick's first sentence tells none of the asked act's ``verbs`` ("Hong Kong customs officers inspected 37
    containers …" for "How much was seized by Hong Kong customs …?") and a sentence of ``pool`` within the gap
    (``floor``) tells one with a number that fits the question (``answer_value.number_fits``: "They seized 1,800
    graphics cards worth HK$46 million …"), the best of those by ``order`` leads. Otherwise ``picked``."""
    if not verbs or not re.search(r"\bhow much\b", body.lower()) or _tells_any(texts[picked[0]], verbs):
        return picked
    acting = [i for i in pool if i != picked[0] and order[i] >= floor and _tells_any(texts[i], verbs)
              and _gives_number(asked, _first_sentence(texts[i]))]
    return [max(acting, key=lambda i: (order[i], -i))] if acting else picked


def _gives_number(asked, text: str) -> bool:
    """Whether ``text`` gives a number that fits ``asked`` (``answer_value.number_fits``; no year, dates masked)."""
    return any(fitting_numbers(asked, quantity_text(text)))


def _tells_any(text: str, verbs: Sequence[str]) -> bool:
    """Whether ``text``'s first sentence tells one of the asked act's verb stems (``answer_act.tells_act``)."""
    stems = text_stems(_first_sentence(text))
    return any(tells_act(stems, v) for v in verbs)


def _first_sentence(text: str) -> str:
    parts = sentence_texts(text)
    return parts[0] if parts else text


def _states(question: str, kind: str | None, cand: Candidate, text: str) -> bool | None:
    """Whether ``text`` (``cand``'s text or a part of it) states the value ``question`` asks for: for a name, thing
    or term, a value in the asked slot (``fills_slot``); for a number, date or time, a value of that kind the
    question lacks (``answer_kind.has_answer_kind``, with the asked measure of ``answer_value.asked_value``). None
    when nothing can be told: another kind, or a name question naming no slot (typing by kind would accept the
    premise restated, which names things the question lacks)."""
    if kind in _slots()["opening"]["slot_kinds"]:
        slot = asked_slot(question)
        return fills_slot(slot, text, text_stems(without_carried_context(question))) if slot else None
    if kind in _slots()["opening"]["value_kinds"]:
        part = cand if text == cand.text else replace(cand, text=text, stems=text_stems(text))
        return has_answer_kind(kind, part, text_stems(question), True, None, True, asked_value(question))
    return None


def opens_with_value(question: str, kind: str | None, cand: Candidate) -> bool | None:
    """Whether ``cand``'s first sentence states the value ``question`` asks for (see ``_states``): "Elizabeth ascended
    to the throne in 1952, …" does for "When did she ascend to the throne?", "In an official statement, the Royal
    Family said she died peacefully at Balmoral Castle, …" (the first sentence of a quote whose second gives 1952) does
    not. None when it cannot be told (another kind; a name question naming no slot)."""
    return _states(question, kind, cand, _first_sentence(cand.text))


def opening_lead(question: str, kind: str | None, cands: Sequence[Candidate], order: Sequence[float],
                 pool: Sequence[int], picked: list[int]) -> list[int]:
    """The first sentence, given the hand rule's ``picked`` (one index into ``cands``): when the pick is a quote of
    more than one sentence that states the asked value only after its first sentence (``opens_with_value`` False, the
    whole quote stating it), the best quote of ``pool`` by ``order`` (the hand rule's value per sentence) whose first
    sentence states it, within ``[opening].gap`` of the pick, leads. Otherwise ``picked``: a pick that opens with the
    value, one that states none (other rules judge those: ``slot_lead``, the value-first continuation), a kind this
    rule does not read, or no such quote near enough."""
    if not picked:
        return picked
    lead = cands[picked[0]]
    if len(sentence_texts(lead.text)) < 2 or opens_with_value(question, kind, lead) is not False:
        return picked
    if not _states(question, kind, lead, lead.text):
        return picked
    floor = order[picked[0]] - float(_slots()["opening"]["gap"])
    opening = [i for i in pool if i != picked[0] and order[i] >= floor and opens_with_value(question, kind, cands[i])]
    return [max(opening, key=lambda i: (order[i], -i))] if opening else picked
