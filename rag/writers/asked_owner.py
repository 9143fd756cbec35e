"""Whose measure a question asks about, and the sentences telling another's: "Who protested Japan's export
restrictions?" asks about restrictions Japan imposed; "China Imposes Export Restrictions on 20 Japanese Firms" tells
restrictions China imposed on Japan. Such a sentence holds the question's words ("Japan", "export", "restrictions")
with their roles swapped, and led the answer (the sample corpus's fu-103 and seed questions about Japan's 2019
curbs on Korea). The owner is a place named in the possessive before the measure's noun ("Japan's", "Tokyo's",
"South Korea's"); the measure is that noun phrase's head when it belongs to an act family of ``act_roles.toml``
[families] ("restrictions" → restrict, "curbs", "controls", "ban", "embargo"; ``answer_act.in_act_family``): "Japan's
economy", "Japan's trade minister" or "Taiwan's critical infrastructure" name no act.

``owner_measure_view``: a sentence telling the measure's act (its word or its family, ``answer_act``) that names the
owner only as what another place acts on (``answer_actor.actor_role`` "undergoer"), or whose doer of the act is
another place (``answer_actor.act_doer``: "Tokyo protests as China blocks …"), does not hold the owner's place (as
``asked_view.reread`` reads coverage again). A sentence in which the owner does the act ("Tokyo last week tightened
the approval process …") or that does not tell the act keeps it. Off when the owner is the question's asked actor
(``answer_actor.asked_agent``: ``asked_view.actor_act_view`` reads that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rag.text.lexicon import word_set
from rag.text.places import place_mentions, same_place
from rag.writers.answer_act import in_act_family, tells_act
from rag.writers.answer_actor import act_doer, actor_role, asked_agent
from rag.writers.answer_kind import asked_sentence, without_carried_context
from rag.writers.asked_view import reread
from rag.writers.candidates import Scored
from rag.writers.key_terms import stem

__all__ = ["AskedOwner", "asked_owner", "owner_measure_view", "tells_anothers_measure"]

#: at most this many lower-case words after the possessive make the measure's noun phrase ("export restrictions")
PHRASE_WORDS = 3
_POSSESSIVE_RE = re.compile(r"\s*['’]s?\s+")
_WORD_RE = re.compile(r"[a-z][a-z-]*")


@dataclass(frozen=True)
class AskedOwner:
    """``places``: the owner's place keys ({"japan"}); ``measure``: the stem of the measure's noun ("restrict")."""

    places: frozenset[str]
    measure: str


def asked_owner(question: str) -> AskedOwner | None:
    """The owner and measure of the first "<place>'s <measure>" of the question's asked sentence (module docstring);
    None when it has none, the head names no act, or the owner is the asked actor."""
    asked, _ = asked_sentence(without_carried_context(question))
    stops = word_set("stopwords")
    for m in place_mentions(asked):
        pos = _POSSESSIVE_RE.match(asked, m.end)
        if pos is None or not asked[m.end:pos.end()].strip().startswith(("'", "’")):
            continue
        words: list[str] = []
        for w in asked[pos.end():].split()[:PHRASE_WORDS]:
            w = w.strip(",.?!:;\"“”")
            if not _WORD_RE.fullmatch(w) or w in stops:
                break
            words.append(w)
        if not words:
            continue
        head = stem(words[-1])
        if not in_act_family(head):
            continue
        places = frozenset({m.key})
        if any(same_place(a, m.key) for a in asked_agent(question)):
            return None
        return AskedOwner(places, head)
    return None


def tells_anothers_measure(text: str, stems: set[str] | frozenset[str], owner: AskedOwner) -> bool:
    """Whether a sentence (``text``, its word stems ``stems``) tells the measure's act as another place's: it tells the
    act and names the owner, and another place does the act (``act_doer``) or, no doer standing before the act's word,
    the owner is named only as acted on (``actor_role``)."""
    if not tells_act(stems, owner.measure):
        return False
    role = actor_role(text, owner.places)
    if role is None:
        return False
    doer = act_doer(text, owner.measure)  # "Tokyo protests as China blocks …": China does it, though Tokyo opens
    if doer is not None:
        return not any(same_place(doer.key, p) for p in owner.places)
    return role == "undergoer"


def owner_measure_view(question: str, scored: Scored, w_lexical: float) -> Scored:
    """``scored`` with key-term coverage and relevance read for whose measure is asked about (module docstring);
    ``scored`` itself for a question without an owner, or when no sentence tells another's measure."""
    owner = asked_owner(question)
    if owner is None or not scored.cands:
        return scored
    swapped = [tells_anothers_measure(c.text, c.stems, owner) for c in scored.cands]
    if not any(swapped):
        return scored
    alone = [replace(c, stems=set(c.stems) - owner.places, source_stems=frozenset(c.source_stems - owner.places))
             if s else c for c, s in zip(scored.cands, swapped)]
    return reread(question, scored, alone, alone, w_lexical)
