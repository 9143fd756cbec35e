"""Who the asked act is done to: "Which company cut ties with Kyrie Irving?" asks for the one who cut ties, so
"Kyrie Irving has cut ties with his longtime agent" tells the act the other way round: Irving is its doer there, the
undergoer in the question. Such a sentence names the question's words and its act, and answers another question.

``asked_undergoer`` reads a question whose wh-phrase does the act, its verb right after it ("Who protested",
"Which company recently cut"; ``answer_act.asked_subject`` empty): the names and places after the act's verb in its
clause ("Kyrie Irving"; "Japan" in "Who protested Japan's export restrictions?"), before a phrase naming another part
("on behalf of Canada", "by", "that": ``act_roles.toml`` [subject]), not the wh-phrase's own ("Which Japanese
official …") and none for a reporting verb, whose object is what was said. ``does_asked_act`` reads a sentence: the
act told by its own verb (``answer_act.tells_act_itself``), with one of those names or places as its subject, the
capitalised words just before the verb (auxiliaries and adverbs of [subject] skipped, no clause mark between), not
in the passive, and not named again in its own clause. ``undergoer_act_view`` takes those names from such a
sentence's key-term coverage, as ``asked_view.actor_act_view`` takes a place acted on from the sentences read for
its actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rag.text.lexicon import table
from rag.text.places import place_mentions, same_place
from rag.text.tokens import stem, word_spans
from rag.writers.answer_act import asked_act, asked_subject, reports_speech, tells_act_itself, verb_form
from rag.writers.answer_kind import asked_sentence, without_carried_context
from rag.writers.asked_view import reread
from rag.writers.candidates import Scored
from rag.writers.key_terms import key_terms

__all__ = ["AskedUndergoer", "asked_undergoer", "does_asked_act", "undergoer_act_view"]

#: words of a wh-phrase before the act's verb, at most ("Which Japanese equipment maker": 4)
WH_WORDS = 4
#: marks ending the subject read before a verb ("The deal, which Irving signed, cut …": not Irving's act)
_CLAUSE_MARKS = frozenset(",;:()[]—–.!?\"“”")


@dataclass(frozen=True)
class AskedUndergoer:
    """The asked act's verb stem and who it is done to: ``names`` (key-term stems: "kyri", "irv") and ``places``
    (place keys: "japan")."""

    verb: str
    names: frozenset[str]
    places: frozenset[str]


@lru_cache(maxsize=1)
def _subject_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(auxiliaries, adverbs) that may stand between a subject and its verb, and the forms of "be" that make a done
    form passive (``act_roles.toml`` [subject])."""
    row = table("act_roles")["subject"]
    return frozenset(row["auxiliaries"]), frozenset(row["adverbs"]), frozenset(row["passive"])


@lru_cache(maxsize=1)
def _clause_openers() -> frozenset[str]:
    """Words opening another clause (``argument_cues.toml`` clause_openers)."""
    return frozenset(table("argument_cues")["clause_openers"])


@lru_cache(maxsize=1)
def _other_parts() -> re.Pattern[str]:
    """The phrases after which a question's clause names another part than the undergoer (``act_roles.toml``
    [subject] other_parts)."""
    phrases = sorted(table("act_roles")["subject"]["other_parts"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\b", re.I)


def _wh_doing(question: str, verb: str) -> str | None:
    """The wh-phrase of a question whose asked sentence opens with one of at most ``WH_WORDS`` words ("Who", "Which
    Japanese official") followed by the act's verb in a done form, adverbs of ``act_roles.toml`` [subject] allowed
    between and no auxiliary: "Which company" for "Which company recently cut ties with …?"; None for "Which slang
    term was selected as …?", "What breed of dog is Mr. Happy Face …?" or "What is the nickname of …?"."""
    asked, _ = asked_sentence(without_carried_context(question))
    spans = word_spans(asked)
    words = [w.group(0) for w in spans]
    low = [w.lower() for w in words]
    if not low or low[0] not in {"who", "which", "what"}:
        return None
    auxiliaries, adverbs, _ = _subject_words()
    for k in range(1, min(len(low), WH_WORDS + 2)):
        if low[k] in adverbs:
            continue
        if low[k] in auxiliaries:
            return None  # "Which slang term was selected …": the wh-phrase undergoes the act
        if stem(low[k]) == verb:
            return asked[:spans[k].start()] if verb_form(low[k]) else None
        if k > WH_WORDS or not (words[k][:1].islower() or words[k][:1].isdigit()) and k > 1:
            return None
    return None


def asked_undergoer(question: str) -> AskedUndergoer | None:
    """Who the asked act is done to, when the question asks who did it (its wh-phrase the act's subject) and names
    someone or somewhere after the act's verb; None otherwise ("What did Japan restrict?" asks the thing done)."""
    act = asked_act(question)
    if act is None or not act.verbs or asked_subject(question):
        return None
    wh = _wh_doing(question, act.verbs[0])
    if wh is None:
        return None
    if reports_speech(act.verbs[0]):
        return None  # "Which outlet reported that Japan had refused …": what follows is what was said, not its undergoer
    clause = _other_parts().split(act.clause, maxsplit=1)[0]
    own = {t.stem for t in key_terms(wh)}  # "Which Japanese official …": the doer's own words are not its undergoer
    names = frozenset(t.stem for t in key_terms(clause) if t.kind == "entity") & act.objects - own
    places = frozenset(m.key for m in place_mentions(clause)
                       if not any(same_place(m.key, w.key) for w in place_mentions(wh)))
    if not names and not places:
        return None
    return AskedUndergoer(act.verbs[0], names, places)


def _names(text: str, asked: AskedUndergoer) -> bool:
    """Whether ``text`` names one of the asked undergoer's names (capitalised words) or places."""
    if any(same_place(m.key, p) for m in place_mentions(text) for p in asked.places):
        return True
    return any(w.group(0)[:1].isupper() and stem(w.group(0).lower()) in asked.names for w in word_spans(text))


def _own_clause(rest: str) -> str:
    """The start of ``rest`` up to a clause mark or a word opening another clause (``argument_cues.toml``
    clause_openers: "as", "while", "after" …): "Tokyo protests as China blocks … to 20 Japanese companies" names
    Japan in China's clause, not in Tokyo's."""
    cut = next((i for i, ch in enumerate(rest) if ch in _CLAUSE_MARKS), len(rest))
    word = next((w for w in word_spans(rest[:cut]) if w.group(0).lower() in _clause_openers()), None)
    return rest[:word.start() if word is not None else cut]


def does_asked_act(text: str, asked: AskedUndergoer) -> bool:
    """Whether the sentence ``text`` tells the asked act with its undergoer as the doer (see the module docstring):
    "Kyrie Irving has cut ties with his longtime agent" for "Which company cut ties with Kyrie Irving?"."""
    auxiliaries, adverbs, passive = _subject_words()
    spans = word_spans(text)
    for k, m in enumerate(spans):
        word = m.group(0).lower()
        if not tells_act_itself({stem(word)}, asked.verb) or not (verb_form(word) or k > 0):
            continue
        if verb_form(word) and any(w.group(0).lower() in passive for w in spans[max(0, k - 2):k]):
            return False  # "Irving was cut by Nike": the passive's subject undergoes the act
        j, start = k - 1, None
        while j >= 0 and not any(ch in _CLAUSE_MARKS for ch in text[spans[j].end():spans[j + 1].start()]):
            w = spans[j].group(0)
            if w.lower() in auxiliaries or w.lower() in adverbs:
                j -= 1
                continue
            if not w[:1].isupper():
                break
            start = spans[j].start()
            j -= 1
        if start is None:
            return False  # the first telling of the act has no named subject just before it
        return _names(text[start:m.start()], asked) and not _names(_own_clause(text[m.end():]), asked)
    return False


def undergoer_act_view(question: str, scored: Scored, w_lexical: float) -> Scored:
    """``scored`` with key-term coverage and relevance read for who the asked act is done to: a sentence in which the
    question's undergoer does the act (``does_asked_act``) does not hold the undergoer's names or places (as
    ``asked_view.reread`` reads them again); ``scored`` itself for a question without such an undergoer, or when no
    sentence is so read."""
    asked = asked_undergoer(question)
    if asked is None or not scored.cands:
        return scored
    dropped = asked.names | asked.places
    swapped = [does_asked_act(c.text, asked) for c in scored.cands]
    if not any(swapped):
        return scored
    alone = [replace(c, stems=set(c.stems) - dropped, source_stems=frozenset(c.source_stems - dropped)) if s else c
             for c, s in zip(scored.cands, swapped)]
    return reread(question, scored, alone, alone, w_lexical)
