"""The doer of an asked act named in an agent phrase: "Who led the raid on the Busan warehouse?" is answered by "The
raid, led by senior investigator Han Ji-woo, followed a tip …" and "Who led the consortium …?" by "A Samsung-led
consortium won a bid …", where the doer is no subject: it stands in a passive "by" phrase after the act's participle
or joined by a hyphen before it. ``answer_actor.names_doer`` reads only a place opening the sentence as the doer, so
such a sentence was not read as giving the name: the answer abstained ("none gives the name the question asks for")
or led with the report's headline.

A sentence names the agent of a "who <past tense> <object> …?" question (the wh-word its subject:
``answer_act.asked_subject`` empty) when it holds the question's participle (the same word: "led", "backed",
"organised") with
- a capitalised name right after "by", past lower-case or capitalised title words only ("led by senior investigator
  Han Ji-woo", "was led by Vice Minister Sato Kenji"), and a noun of the question's object among the few words before
  the participle ("The raid, led by", "The delegation was led by"); or
- a capitalised name joined to it by a hyphen ("Samsung-led", "US-backed") right before a noun of the question's
  object ("a Samsung-led consortium").
The object's noun ties the phrase to the asked act: "The talks were led by Sato" does not say who led the raid.

A sentence also names the doer of a "who owns / operates / is building <object>?" question by the act's agent noun
("Its owners include Chunghwa Telecom and …", "The builders, a consortium led by NEC, …": ``names_agent_noun``), the
noun the verb makes with "-er"/"-or" followed within the window by a name the question lacks; the object is tied by
the sentence or, after a possessive ("Its owners"), by the passage it stands in. Without it, "Who owns it?" after an
answer about a subsea cable quoted the regulator's approval of the cable, a sentence naming another act's doer.
Word lists: ``[agent]`` of ``rag/text/data/answer_slots.toml`` (the window; the lead words that are no names; the
verbs whose "-er" noun names no doer of the asked act).
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table, word_set
from rag.writers.answer_act import asked_subject
from rag.writers.answer_kind import asked_sentence, without_carried_context
from rag.writers.key_terms import stem as stem_word
from rag.writers.key_terms import stems as text_stems
from rag.writers.sentence_cues import STOPWORDS

__all__ = ["asked_participle", "asked_agent_verb", "names_agent", "names_agent_noun"]

_WORD_RE = re.compile(r"[A-Za-z][\w’'.&]*(?:-[A-Za-z][\w’'&]*)*")


@cache
def _agent() -> dict:
    return table("answer_slots")["agent"]


def asked_participle(question: str) -> str | None:
    """The past-tense verb right after the "who" opening ``question``'s asked sentence (after any context:
    ``answer_kind.asked_sentence``; "Who led the raid …?" → "led", "Who backed the bid?" → "backed"), when the
    wh-word is the act's subject; None for another question ("Who was …?", "Who did …?", "Who will lead …?")."""
    asked = asked_sentence(question)[0]
    m = re.match(r"\s*who\s+([a-z]+)\b", asked.strip().lower())
    if not m or asked_subject(asked):
        return None
    verb = m.group(1)
    if verb in _agent()["not_acts"]:
        return None
    return verb if verb.endswith("ed") or verb in word_set("irregular_past") else None


def _object_stems(question: str, verb: str) -> frozenset[str]:
    """The stems of the question's words after its verb, save stop words (the asked act's object and its context:
    {"raid", "busan", "warehous"} for "Who led the raid on the Busan warehouse?")."""
    rest = re.split(rf"\b{re.escape(verb)}\b", asked_sentence(question)[0], maxsplit=1, flags=re.I)[-1]
    return frozenset(s for s in text_stems(rest) if s not in STOPWORDS)


def names_agent(question: str, text: str, passage: str = "") -> bool:
    """Whether ``text`` names the doer of ``question``'s act in an agent phrase (see the module docstring): "The raid,
    led by senior investigator Han Ji-woo, …" or "A Samsung-led consortium …" for "Who led …?", a few words of time
    or place between the participle and "by" too ("was founded in 1974 by Park Jin-soo", ``[agent].adjunct``); or as
    the act's subject, a name the question lacks opening the sentence, an apposition aside, right before the verb
    and its object ("Vantor Systems, a Taichung trading firm, arranged the freight", ``_subject_doer``). False for
    any other question (``asked_participle`` None) and for a phrase of another object ("the talks were led by …" for
    "Who led the raid?"). The object is tied by the words before the participle, or, when the sentence's subject
    refers back ("The company was founded …", ``[agent].referents``), by ``passage``, the text it stands in."""
    verb = asked_participle(question)
    if verb is None:
        return False
    objects = _object_stems(question, verb)
    if not objects:
        return False
    window = int(_agent()["window"])
    words = list(_WORD_RE.finditer(text))
    for k, m in enumerate(words):
        w = m.group(0)
        low = w.lower()
        by = next((j for j in range(k + 1, min(len(words), k + 2 + int(_agent()["adjunct"])))
                   if words[j].group(0).lower() == "by"), None) if low == verb else None
        if by is not None and re.search(r"[,;:.()]", text[m.end():words[by].start()]):
            by = None
        if by is not None:
            before = {stem_word(x.group(0).lower()) for x in words[max(0, k - window):k]} - STOPWORDS
            if (before & objects or _refers_back(text[:m.start()], objects, passage)) and _name_after(
                    text, words, by + 1, objects):
                return True
        if low == verb and _subject_doer(text, m.start(), objects) and (
                {stem_word(x.group(0).lower()) for x in words[k + 1:k + 1 + window]} & objects):
            return True
        elif low.endswith("-" + verb) and w[:1].isupper() and k + 1 < len(words):
            nxt = words[k + 1].group(0)
            if stem_word(nxt.lower()) in objects and not re.search(r"[,;:.()]", text[m.end():words[k + 1].start()]):
                return True
    return False


def _refers_back(before: str, objects: frozenset[str], passage: str) -> bool:
    """Whether the words ``before`` a participle are a subject referring back (``[agent].referents``: "The company
    was", "It was") and ``passage`` names the question's object (its stems ``objects``, all of them)."""
    subject = re.sub(r"\s+(?:was|were|is|are|has been|had been|have been)\s*$", "", " ".join(before.split()).lower())
    if subject not in _agent()["referents"] or not passage:
        return False
    return objects <= (frozenset(text_stems(passage)) | frozenset(stem_word(w.lower()) for w in re.findall(r"[A-Za-z]+", passage)))


def _subject_doer(text: str, at: int, asked: frozenset[str]) -> bool:
    """Whether ``text`` before offset ``at`` (the asked verb) is a capitalised name the question lacks (its stems not
    all in ``asked``), alone or with an apposition after it: "Vantor Systems", "Vantor Systems, a Taichung trading
    firm,"; not "Prosecutors in Taipei" nor a clause ("After the raid, police …")."""
    subject = re.sub(r",\s+(?:a|an|the|its|their)\s[^,]{1,60},\s*$", "", text[:at].rstrip())
    subject = subject.strip()
    if not re.fullmatch(r"(?:[A-Z][\w&.'’-]*\s+){0,4}[A-Z][\w&.'’-]*", subject):
        return False
    low = subject.lower()
    if low in _agent()["not_names"] or low in _agent()["referents"]:
        return False
    return not {stem_word(w) for w in low.split()} <= asked


def _name_after(text: str, words: list[re.Match[str]], k: int, asked: frozenset[str]) -> bool:
    """Whether a capitalised name the question lacks (its stem not in ``asked``) follows from word ``k`` on, past
    title words (``titles.txt``, ``entity_titles.txt``) and lower-case words, within ``[agent].window`` words and no
    clause mark: "senior investigator Han Ji-woo", "Vice Minister Sato Kenji"; not "the customs service's Busan
    office" for "… the Busan warehouse?"."""
    titles = word_set("titles") | word_set("entity_titles")
    window = int(_agent()["window"])
    start = words[k - 1].end() if k > 0 else 0
    for j in range(k, min(len(words), k + window)):
        if re.search(r"[,;:.()]", text[start:words[j].start()]):
            return False
        w = words[j].group(0)
        low = w.lower().rstrip(".")
        if w[:1].isupper() and low not in titles and low not in _agent()["not_names"]:
            return stem_word(low) not in asked
        start = words[j].end()
    return False


def asked_agent_verb(question: str) -> str | None:
    """The base of the verb a "who <verb> …?" question asks the doer of, in any tense the agent noun can be made
    from: "own" for "Who owns it?", "build" for "Who is building the cable?", "operat" for "Who operated the plant?"
    (a past "-ed" stripped); None for another question, a verb of ``[agent].not_nouns`` ("Who says …?", "Who has …?")
    or "who" not the act's subject ("Who did they hire?")."""
    asked = asked_sentence(without_carried_context(question))[0]
    m = re.match(r"\s*who\s+(?:(?:is|are|was|were)\s+([a-z]+ing)|([a-z]+(?:s|ed)))\b", asked.strip().lower())
    if not m or asked_subject(asked):
        return None
    word = m.group(1) or m.group(2)
    base = word[:-3] if word.endswith("ing") else word[:-2] if word.endswith("ed") else word[:-1]
    if len(base) < 3 or base in _agent()["not_nouns"] or word in _agent()["not_acts"]:
        return None
    return base


def _agent_nouns(base: str) -> frozenset[str]:
    """The agent nouns a verb base may make, singular and plural: "owner(s)" of "own", "maker(s)" of "mak"/"make",
    "operator(s)" of "operat"/"operate", "runner(s)" of "run"."""
    stem = base[:-1] if base.endswith("e") else base
    forms = {stem + "er", stem + "or", stem + stem[-1] + "er"}
    return frozenset(forms | {f + "s" for f in forms})


def names_agent_noun(question: str, text: str, passage: str = "") -> bool:
    """Whether ``text`` names the doer of ``question``'s act by its agent noun (module docstring): the noun
    (``_agent_nouns`` of ``asked_agent_verb``), then within ``[agent].window`` words (past lower-case and title words;
    a comma right after the noun opens an apposition) a capitalised name the question lacks; and the question's
    object (its words after the verb, or for a pronoun the carried context's words) among the sentence's stems or,
    when a possessive stands before the noun ("Its owners", "the terminal's operator"), the stems of ``passage``, the text it stands in; a noun
    followed by "of" must have the object in that phrase ("the owners of the hotel, …" names no cable's owners).
    False for another question."""
    base = asked_agent_verb(question)
    if base is None:
        return False
    nouns = _agent_nouns(base)
    asked = asked_sentence(without_carried_context(question))[0]
    rest = re.split(r"\bwho\s+\S+", asked, maxsplit=1, flags=re.I)[-1]
    objects = frozenset(s for s in text_stems(rest + " " + _carried(question)) if s not in STOPWORDS)
    qstems = frozenset(text_stems(question))
    words = list(_WORD_RE.finditer(text))
    for k, m in enumerate(words):
        if m.group(0).lower() not in nouns:
            continue
        after = text[m.end():].lstrip()
        of = re.match(r"of\b([^,;:.()]*)", after)
        if of:  # "the owners of the Baler hotel, Ayala Land": the phrase names whose doers they are
            if not objects & text_stems(of.group(1)):
                continue
            after = after[of.end():].lstrip()
        else:
            before = words[k - 1].group(0).lower() if k > 0 else ""
            possessive = before in _agent()["possessives"] or before.endswith(("'s", "’s"))  # "the terminal's operator"
            if not objects & (text_stems(text) | (text_stems(passage) if possessive else frozenset())):
                continue
        if _name_after(after[1:] if after.startswith(",") else after,
                       list(_WORD_RE.finditer(after[1:] if after.startswith(",") else after)), 0, qstems):
            return True
    return False


def _carried(question: str) -> str:
    """The carried-over context of a resolved follow-up ("" when none): the words its pronoun stands for."""
    return question[len(without_carried_context(question)):]
