"""Whose action a sentence reports: a question about what a country did, or why, is answered by sentences whose
actor is that country, not by another country's action that names it ("Hypothesis A: Canada is using export
restrictions as a direct response to Vietnam's naval posture" does not say why Vietnam restricted its exports).

The actor is read as the first place a sentence names (``rag.text.places``: countries, their demonyms and capitals)
when it stands among the sentence's first three words (after a label such as "Hypothesis A:"), where an English
sentence's subject stands: "Canada's restriction …", "The Chinese government's …", "Officials in Washington …"; not
"Another important point for the United States …", whose subject is the point."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice
from typing import Iterable, Sequence

from rag.text.cjk_actors import cjk_place_roles
from rag.text.lexicon import alternation, table
from rag.text.places import PlaceMention, place_mentions, same_place
from rag.text.scripts import is_mostly_cjk
from rag.text.tokens import stem, word_spans
from rag.writers.agent_phrase import names_agent
from rag.writers.answer_act import asked_act, asked_subject, tells_act, verb_form

#: The first place named among this many words of a sentence's start is its actor ("The Chinese government's
#: restriction …", "Hypothesis A: Canada is using …"); one named later is what the sentence is about, not who acts.
ACTOR_WORDS = 3
#: A label before the sentence proper ("Hypothesis A:", "Key judgment:"): up to four words and a colon.
LABEL_RE = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}[\w'’-]+:\s+")
_WORD_RE = re.compile(r"\S+")
#: a place ending a name ("the Bank of England", "the University of Texas"): an organisation, not the place
_OF_NAME = re.compile(r"\b[A-Z][\w'’-]*\s+of\s+(?:the\s+)?$")
#: Kinds of answer for which the actor matters: what was done, why, what will be done.
ACTOR_KINDS = frozenset({"action", "reason", "intent"})

__all__ = ["ACTOR_KINDS", "ACTOR_WORDS", "LABEL_RE", "act_doer", "actor_role", "asked_agent", "led_by_another_place",
           "names_asked_doer", "names_doer", "relayed_clause", "swaps_roles"]


@dataclass(frozen=True)
class _Reading:
    """One sentence read once for the actor checks: ``stripped`` (without its opening marks and label, an outlet's
    report as the clause it relays), ``first`` (its opening place, or None), ``mentions`` (every place mention of
    ``stripped``) and ``words`` (``stripped``'s word spans, for looking back from a mention without tokenising its
    prefix again)."""

    stripped: str
    first: PlaceMention | None
    mentions: tuple[PlaceMention, ...]
    words: tuple[re.Match[str], ...]


@lru_cache(maxsize=4096)  # actor_role, led_by_another_place, names_doer and swaps_roles read one sentence many times
def _reading(text: str) -> _Reading:
    """``text`` read once (``_Reading``): its place mentions and words are found one time each, so that the checks
    reading it per mention stay linear in its length (5,000 place mentions took 7.8 s when each re-read the prefix)."""
    stripped = (relayed_clause(text) or text).lstrip(" \"'“‘-•*")
    label = LABEL_RE.match(stripped)
    stripped = stripped[label.end():] if label else stripped
    mentions = tuple(place_mentions(stripped))
    words = tuple(word_spans(stripped))
    return _Reading(stripped, _opening_of(stripped, mentions), mentions, words)


def _opening_of(stripped: str, mentions: tuple[PlaceMention, ...]) -> PlaceMention | None:
    """The first of ``mentions`` (the place mentions of ``stripped``) when it stands among the first ``ACTOR_WORDS``
    words of ``stripped``, else None."""
    first = next(iter(mentions), None)
    if first is None:
        return None
    # a fronted adverbial naming no place is not the subject: "Since August 2018, the Trump administration has moved
    # …" reads its words from "the" ("In Beijing, the ministry said …" names its place there and keeps it)
    skip = _fronted_end(stripped)
    words = []
    for w in _WORD_RE.finditer(stripped):
        if first.start < skip or w.start() >= skip:
            words.append(w)
            if len(words) == ACTOR_WORDS:
                break
    if not words or first.start > words[-1].start():
        return None
    return first


def _opening_place(text: str) -> tuple[str, PlaceMention | None]:
    """(the sentence without its opening marks and label, its first place mention when that stands among its first
    ``ACTOR_WORDS`` words: the sentence's actor; else None). An outlet's report is read as the clause it relays
    (``relayed_clause``: "In related news, Taiwan International Radio reported that Chinese authorities halted …"
    is China's act)."""
    reading = _reading(text)
    return reading.stripped, reading.first


def _fronted_end(text: str) -> int:
    """The offset just after a fronted adverbial opening ``text`` (``act_roles.toml`` [fronted]: a phrase of at
    most ``reach`` words opening with one of its words and ending with a comma: "Since August 2018, "), else 0."""
    openers, reach = _fronted()
    words = list(islice(_WORD_RE.finditer(text), reach))
    if not words or words[0].group(0).lower().strip(",") not in openers:
        return 0
    return next((w.end() for w in words if w.group(0).endswith(",")), 0)


@cache
def _fronted() -> tuple[frozenset[str], int]:
    """(the words opening a fronted adverbial, the most words it has): ``act_roles.toml`` [fronted]."""
    row = table("act_roles")["fronted"]
    return frozenset(row["openers"]), int(row["reach"])


@cache
def _relay_re() -> re.Pattern[str]:
    relay = table("premise_words")["relay_verbs"]
    verbs = alternation(relay)
    return re.compile(rf"^(?:[^,]{{0,40}},\s*)?(?:(?:[A-Z][\w'’.&-]*\s+){{1,6}}|the\s+[a-z]+\s+)(?:{verbs})\s+"
                      rf"(?:[\w-]+\s+){{0,6}}?that\s+(?P<clause>\S.*)$", re.S)


def relayed_clause(text: str) -> str | None:
    """The event an outlet's report relays, as its own clause: "In related news, Taiwan International Radio reported
    that Chinese authorities halted imports …" → "Chinese authorities halted imports …" (its actor is the clause's,
    not the outlet's nor the place the outlet's name holds); None for a sentence that relays nothing this way
    (``premise_words.toml`` [relay_verbs], after up to six capitalised words of the outlet's name or "the media")."""
    m = _relay_re().match(text.strip())
    return m.group("clause") if m else None


def _looked_back(text: str, at: int, words: Sequence[re.Match[str]] | None = None) -> str | None:
    """"undergoer" or "agent" when a word of ``act_roles.toml`` [roles] stands within ``reach`` words before offset
    ``at`` of ``text`` (numbers, determiners and adjectives between them skipped; a verb form or a clause mark ends
    the look back); None otherwise. ``words``: ``text``'s word spans when the caller has them (read once per
    sentence), else the words before ``at`` are found here."""
    roles = table("act_roles")["roles"]
    reach = int(roles["reach"])
    if words is None:
        before = list(word_spans(text[:at]))[-reach:]
    else:
        end = bisect_right(words, at, key=lambda m: m.end())  # the words ending at or before ``at``
        before = list(words[max(0, end - reach):end])
    for m in reversed(before):
        word = m.group(0).lower()
        if word in roles["undergoer"]:
            return "undergoer"
        if word in roles["agent"]:
            return "agent"
        if verb_form(word) or any(ch in text[m.end():at] for ch in ",;:.()"):
            return None
    return None


def actor_role(text: str, actor: Iterable[str]) -> str | None:
    """The part the places ``actor`` (place keys) play in a sentence: "agent" when one of them is its actor (the
    opening place, ``_opening_place``) or follows "by"; else "undergoer" when another place is its actor or each
    mention follows a word of acting on ("on", "against", "to" …: ``act_roles.toml`` [roles]); else "named" when
    the sentence names one; None when it names none. "China Imposes Export Restrictions on 20 Japanese Firms,
    Sparking Diplomatic Tensions with Tokyo": undergoer for Japan, agent for China. A sentence written mostly in
    CJK characters is read by its particles and prepositions (``rag.text.cjk_actors``: 中国商務省は日本への輸出を制限
    is China's act on Japan)."""
    actor = set(actor)
    if is_mostly_cjk(text):
        return _cjk_role(text, actor)
    reading = _reading(text)
    stripped, first = reading.stripped, reading.first
    if first is not None and _looked_back(stripped, first.start, reading.words) == "undergoer":
        first = None  # "Sanctions on Brazil's exporters …": the opening place is acted on
    if first is not None and any(same_place(first.key, a) for a in actor):
        return "agent"
    mine = [m for m in reading.mentions if any(same_place(m.key, a) for a in actor)]
    if not mine:
        return None
    looked = [_looked_back(stripped, m.start, reading.words) for m in mine]
    if "agent" in looked:
        return "agent"
    # another place opens the sentence as its actor: the asked one is named as what it acts on or with
    return "undergoer" if first is not None or all(r == "undergoer" for r in looked) else "named"


def _cjk_role(text: str, actor: set[str]) -> str | None:
    """``actor_role`` of a sentence written mostly in CJK characters, from its countries' roles
    (``rag.text.cjk_actors.cjk_place_roles``)."""
    roles = cjk_place_roles(text)
    mine = [r.role for r in roles if any(same_place(r.key, a) for a in actor)]
    if not mine:
        return None
    if "agent" in mine:
        return "agent"
    others_act = any(r.role == "agent" for r in roles if not any(same_place(r.key, a) for a in actor))
    return "undergoer" if others_act or all(r == "undergoer" for r in mine) else "named"


def act_doer(text: str, verb: str) -> PlaceMention | None:
    """The place a sentence gives as the doer of the act ``verb`` (the asked act's verb stem, ``answer_act.asked_act``)
    where a word tells that act (its own stem or a word of its family, ``answer_act``): the last place named within
    ``ACTOR_WORDS`` words before the first such word, not acted on (``act_roles.toml`` [roles]) and with no clause mark
    between. "China" in "Tokyo protests as China blocks dual-use exports to 20 Japanese companies": China blocks,
    Tokyo protests, so the sentence's opening place is not the doer of "restrict". None when no word tells the act
    or no place stands so before it ("Japan's trade ministry on Monday tightened …": the opening place decides)."""
    spans = list(word_spans(text))
    for k, m in enumerate(spans):
        s = stem(m.group(0).lower())
        if not tells_act({s}, verb):
            continue
        window = spans[max(0, k - ACTOR_WORDS)].start()
        near = [p for p in place_mentions(text[:m.start()]) if p.start >= window]
        if not near:
            return None
        last = near[-1]
        if any(ch in text[last.end:m.start()] for ch in ",;:.()") or _looked_back(text, last.start) == "undergoer":
            return None
        return last
    return None


def asked_agent(question: str) -> frozenset[str]:
    """The place keys of the actor a question asks about, as the doer of its asked act: the places named in the
    subject of its act (``answer_act.asked_subject``), not as an undergoer ("What did Japan restrict?": {"japan"};
    "Why did Tokyo tighten controls on Seoul?": {"japan"}); empty when the question has no act or its wh-phrase is
    the subject ("Which country restricted exports to Japan?"); a place ending an organisation's name ("has the Bank
    of England raised") is not the actor."""
    subject = asked_subject(question)
    return frozenset(m.key for m in place_mentions(subject) if _looked_back(subject, m.start) != "undergoer"
                     and not _OF_NAME.search(subject[:m.start]))


def led_by_another_place(text: str, asked: Iterable[str]) -> bool:
    """Whether the sentence's actor is a place none of ``asked`` (the question's place keys) is: its first place
    mention, starting among its first ``ACTOR_WORDS`` words (after a label), neither covers nor is covered by an
    asked place ("South Korean" covers "Korea"). False when the question names no place or the sentence opens with
    none. A sentence written mostly in CJK characters is led by the countries its particles and prepositions give
    as acting (``rag.text.cjk_actors``: 商务部宣布…限制出口…，日本企业将受到影响 is led by China, not Japan)."""
    asked = set(asked)
    if not asked:
        return False
    if is_mostly_cjk(text):
        acting = {r.key for r in cjk_place_roles(text) if r.role == "agent"}
        return bool(acting) and not any(same_place(a, p) for a in acting for p in asked)
    _, first = _opening_place(text)
    return first is not None and not any(same_place(first.key, p) for p in asked)


def names_doer(question: str, text: str, stems: set[str] | frozenset[str]) -> bool:
    """Whether a sentence (``text``, its word stems ``stems``) answers a who-question asking who did an act ("Who
    protested …?") by a place: a country or its capital opening the sentence as the doer (``_opening_place``, not
    acted on) of the asked act, told by its own word or its family (``answer_act``): "Ottawa protested the move" names
    Canada's government, as "Tokyo protests as China blocks …" does Japan's. False for any other question (the
    wh-phrase must be the act's subject: ``answer_act.asked_subject`` empty)."""
    if not question.lstrip().lower().startswith("who ") or asked_subject(question):
        return False
    act = asked_act(question)
    if act is None or not act.verbs:
        return False
    reading = _reading(text)
    if reading.first is None or _looked_back(reading.stripped, reading.first.start, reading.words) == "undergoer":
        return False
    return tells_act(stems, act.verbs[0])


def names_asked_doer(question: str, text: str, stems: set[str] | frozenset[str], passage: str = "") -> bool:
    """Whether a sentence (``text``, its word stems ``stems``) names the doer of the act a who-question asks about:
    a country or its capital doing it as the sentence's subject (``names_doer``: "Seoul plans to file a complaint
    with the WTO") or a doer in an agent phrase (``agent_phrase.names_agent``: "The raid, led by senior investigator
    Han Ji-woo, …", "The company was founded … by …" in a ``passage`` naming the company). False for any other
    question."""
    return names_doer(question, text, stems) or names_agent(question, text, passage)


def swaps_roles(text: str, agent: Iterable[str], acted_on: Iterable[str], verb: str | None = None) -> bool:
    """Whether a sentence tells the asked act the other way round: the places ``acted_on`` (what a question's actor
    acts on, ``answer_premise.acted_on_places``) are its actor and the asked actor's places ``agent`` are acted on
    (``actor_role``): "China Imposes Export Restrictions on 20 Japanese Firms" for "Which Chinese companies did Japan
    restrict?"; with the asked act's ``verb`` stem, the doer of that act decides where a word tells it (``act_doer``:
    "Tokyo protests as China blocks dual-use exports to 20 Japanese companies" is swapped, "Beijing criticised Japan
    for restricting exports to Chinese chipmakers" is not). False when either is empty."""
    agent, acted_on = set(agent), set(acted_on)
    if not (agent and acted_on):
        return False
    # the doer of the asked act, where a word tells it, decides: "Beijing criticised Japan for restricting exports to
    # Chinese chipmakers" is Japan's act, though China opens it
    doer = act_doer(relayed_clause(text) or text, verb) if verb else None
    if doer is not None:
        return any(same_place(doer.key, p) for p in acted_on) and not any(same_place(doer.key, a) for a in agent)
    return actor_role(text, agent) == "undergoer" and actor_role(text, acted_on) == "agent"
