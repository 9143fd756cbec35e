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
Word lists: ``[agent]`` of ``rag/text/data/answer_slots.toml`` (the window; the lead words that are no names).
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table, word_set
from rag.writers.answer_act import asked_subject
from rag.writers.answer_kind import asked_sentence
from rag.writers.key_terms import stem as stem_word
from rag.writers.key_terms import stems as text_stems
from rag.writers.sentence_cues import STOPWORDS

__all__ = ["asked_participle", "names_agent"]

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


def names_agent(question: str, text: str) -> bool:
    """Whether ``text`` names the doer of ``question``'s act in an agent phrase (see the module docstring): "The raid,
    led by senior investigator Han Ji-woo, …" or "A Samsung-led consortium …" for "Who led …?". False for any other
    question (``asked_participle`` None) and for a phrase of another object ("the talks were led by …" for "Who led
    the raid?")."""
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
        if low == verb and k + 1 < len(words) and words[k + 1].group(0).lower() == "by":
            before = {stem_word(x.group(0).lower()) for x in words[max(0, k - window):k]} - STOPWORDS
            if before & objects and _name_after(text, words, k + 2, objects):
                return True
        elif low.endswith("-" + verb) and w[:1].isupper() and k + 1 < len(words):
            nxt = words[k + 1].group(0)
            if stem_word(nxt.lower()) in objects and not re.search(r"[,;:.()]", text[m.end():words[k + 1].start()]):
                return True
    return False


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
