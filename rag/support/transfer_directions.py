"""The direction of a transfer or a communication: who sent, conveyed, handed, wrote or requested something, and who
received it or was asked. "Gene Raymond received a request from Yasutoshi Nishimura" against "The request was
conveyed through channels involving Gene Raymond ... to Yasutoshi Nishimura" tells the transfer the wrong way round
with a verb and prepositions the passage does not have, so neither a shared verb (``roles.argument_swap``) nor the
same words between two names (``roles.order_swap``) sees it.

Each sentence's transfers are read as (giver, receiver) pairs of word-key sets (``roles.tokens`` keys: places by
country, other words by stem), without a parser, from the verb classes of ``data/transfers.toml`` (``direction``):

* a giver's verb ("sent", "conveyed", "handed", "forwarded", "wrote", "told"): its subject gives, to the name right
  after the verb ("sent Biden a request") or after "to" ("sent a letter to Kraft"); in the passive ("was conveyed
  ... to Y"), the one "by", "through", "via" or "involving" names gives (and the possessor of the thing: "Japan's
  request was conveyed to the US"), or, with no "to", the subject receives from the "by" phrase ("had been told of
  the decision by Mexican officials");
* a receiver's verb ("received", "got", "bought", "rejected"): its subject receives from the "from" phrase;
* a requester's verb ("requested", "asked", "sought", "urged", "pressed", "called on"): its subject asks the name
  right after the verb, its determiner or its particle ("asked China and India for help", "have asked the Japanese
  government to join", "called on Garland to resign"), the speaker a pronoun stands for ("Moderna said the FDA has
  asked it") or the "from" phrase ("requested help from China"); in the passive ("were asked by the FTC", "was urged
  by Katie Hobbs") the subject is asked; a verb of ``direction.particles`` asks only with its particle ("called on",
  not "called the isolation incomprehensible");
* "from X to Y" anywhere: X gives to Y.

``reversed_transfer`` gives a reason when a claim's pair is a passage pair with its two ends swapped and the passage
has it nowhere the claim's way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from rag.support.lexicon import STOPWORDS
from rag.support.base_forms import base_form
from rag.support.polarity import predicate_lemma
from rag.support.roles import _TRANSFERS, _key, _shown, name_keys, tokens
from rag.text.lexicon import table
from rag.text.sentences import split_sentences
from rag.text.tokens import irregular_forms

_DIRECTION = _TRANSFERS["direction"]  # transfers.toml, read once (by ``roles``, whose give/take pairs it also holds)
_CUES = table("argument_cues")
_BE = frozenset(_CUES["be"]) | {"had", "has", "have"}
_AUX = frozenset(_CUES["auxiliaries"]) | frozenset(_DIRECTION["skipped"])
_DETERMINERS = frozenset(_DIRECTION["determiners"])
_SKIPPED_IN_END = frozenset(_DIRECTION["inside_end"])  # "other", "others": skipped, the end goes on
_PREPOSITIONS = frozenset(_DIRECTION["prepositions"])
_CHANNELS = frozenset(_DIRECTION["channels"])  # "through", "via", "involving": the giver's side of a passive
_RELATIVE = frozenset(("who", "which", "that"))
_PRONOUNS = frozenset(_DIRECTION["pronouns"])
_OBJECT_PRONOUNS = frozenset(("him", "her", "it", "them"))
_CLAUSE = frozenset(_CUES["clause_openers"]) - {"and"}
PARTY = 4  # content words read for one end
REACH = 16  # tokens after the verb searched for its "to" / "from" / "by" phrase (an apposition may come between)


@lru_cache(maxsize=1)
def _particles() -> dict[str, frozenset[str]]:
    """predicate lemma -> the particles an ask verb needs ("call" -> "on", "upon"; ``direction.particles``)."""
    return {predicate_lemma(verb): frozenset(ps) for verb, ps in _DIRECTION["particles"].items()}


@lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    """predicate lemma -> "give" | "take" | "ask" (``data/transfers.toml``, ``direction``)."""
    out = {}
    for cls in ("give", "take", "ask"):
        for verb in _DIRECTION[cls]:
            out[predicate_lemma(verb)] = cls
    return out


@dataclass(frozen=True)
class Transfer:
    """``giver`` gives (sends, tells, asks) ``receiver`` something: each end as its word keys, and as written."""

    giver: frozenset[str]
    receiver: frozenset[str]
    giver_text: str
    receiver_text: str


def _word(t: str) -> bool:
    return t[:1].isalnum()


def _verb_form(t: str) -> bool:
    return len(t) > 4 and t.endswith(("ing", "ed"))


def _verb_shape(t: str) -> bool:
    """A verb by its shape: "-ed" / "-ing", or an irregular past whose lemma differs ("wrote", "sent", "felt"; not a
    plural: "requests")."""
    return _verb_form(t) or t in irregular_forms() or not t.endswith("s") and base_form(t) != t


_JOINERS = frozenset(_DIRECTION["name_joiners"])
_SPEECH = frozenset(_DIRECTION["speech"])


def _name(toks: Sequence[str], j: int, names: set[str] | frozenset[str]) -> bool:
    return 0 <= j < len(toks) and _key(toks[j]) in names


def _forward(toks: Sequence[str], at: int, names: set[str], appositions: bool = True) -> list[int]:
    """Token indices of the end read from ``toks[at]`` on: up to ``PARTY`` content words, determiners skipped, "and"
    kept between words, "of" / "for" between two names ("the US Center for SafeSport"), one apposition after a comma
    when it opens with a name or a determiner ("Yasutoshi Nishimura, Japan's minister"); it stops at a preposition, a
    verb form, a clause word or other punctuation. A pronoun end is the speaker of a speech frame before it ("Parlow
    Cone said the Center has forwarded the reports to her")."""
    if at < len(toks) and toks[at] in _PRONOUNS:
        return _speaker(toks, at)
    out: list[int] = []
    j = at
    while j < len(toks) and len(out) < PARTY:
        t = toks[j]
        if t in _DETERMINERS or t in _SKIPPED_IN_END or t == "s" or t == "and" and out:
            j += 1
            continue
        if t in _JOINERS and out and _name(toks, j - 1, names) and _name(toks, j + 1, names):
            j += 1
            continue
        if t == "," and out and appositions and (_name(toks, j + 1, names) or j + 1 < len(toks) and toks[j + 1] in _DETERMINERS):
            appositions = False
            j += 1
            continue
        if not _word(t) or t in _PREPOSITIONS or t in _CLAUSE or t in _PRONOUNS or t in STOPWORDS or _verb_form(t):
            break
        out.append(j)
        j += 1
    return out


def _speaker(toks: Sequence[str], at: int) -> list[int]:
    """The subject of the nearest speech verb before the pronoun at ``toks[at]`` ("Parlow Cone said she ..."), or
    nothing."""
    for j in range(at - 1, max(-1, at - REACH), -1):
        if toks[j] in _SPEECH:
            return [k for k in _subject(toks, j, speech=False)]
    return []


def _subject(toks: Sequence[str], i: int, speech: bool = True, names: frozenset[str] = frozenset()) -> list[int]:
    """Token indices of the subject of the verb at ``toks[i]``: the words right before it (auxiliaries, "be" and
    adverbs skipped); a pronoun subject is the speaker of a speech frame before it, else no end (empty); a phrase
    after a preposition is not the subject ("who early on in the Russian invasion sent": the relative clause's
    antecedent before "who" is); a verb after "and" with nothing between has the subject of the verb before it ("Eric
    Adams felt schools must remain open and rejected a request")."""
    j = i - 1
    while j >= 0 and (toks[j] in _AUX or toks[j] in _BE or toks[j].endswith("ly") and len(toks[j]) > 4):
        j -= 1
    for _ in range(3):  # past a prepositional phrase to a relative pronoun's antecedent
        if j < 0:
            return []
        if toks[j] in _PRONOUNS and toks[j] not in _RELATIVE:
            return _speaker(toks, j) if speech else []
        out: list[int] = []
        while j >= 0 and len(out) < PARTY:
            t = toks[j]
            if t == "s" or t in _SKIPPED_IN_END or t == "and" and out:
                j -= 1
                continue
            if t in _JOINERS and out and j > 0 and _word(toks[j - 1]) and toks[j - 1] not in STOPWORDS:
                j -= 1  # "Secretary of Commerce", "Center for SafeSport"
                continue
            if t in _DETERMINERS:
                j -= 1
                if out and (j < 0 or toks[j] not in _PREPOSITIONS or toks[j] in _CLAUSE):
                    return out  # "after the Speaker asked": "after" opens a clause here, not a phrase
                continue
            if not _word(t) or t in STOPWORDS or t in _PREPOSITIONS or t in _CLAUSE or _verb_form(t) or t[0].isdigit():
                break
            out.append(j)
            j -= 1
        stop = toks[j] if j >= 0 else ""
        if out and (stop not in _PREPOSITIONS or stop in _CLAUSE):
            return out
        if stop == "," and not out:  # "Katie Hobbs, the Arizona secretary of state ..., urged": past the apposition
            k = j - 1
            while k >= 0 and toks[k] not in (",", ";", ":", ".") and i - k < 2 * REACH:
                k -= 1
            if k > 0 and toks[k] == "," and toks[k + 1] in _DETERMINERS:
                j = k - 1
                continue
            return []
        if stop in _RELATIVE:
            j -= 1 + (j > 0 and toks[j - 1] == ",")
            continue
        if stop == "and" and not out:  # a second verb of one subject
            # back to the first verb with a subject: a verb form, the clause's earliest first ("The US joined allies
            # ... in condemning the launch and called on"), else the word after a name, nearest first ("Eric Adams
            # felt"); a verb form with none is an adjective ("trading practices") or a second verb itself
            start = j - 1
            while start >= 0 and toks[start] not in (",", ";", ":", "."):
                start -= 1
            shaped = [k for k in range(start + 1, j) if _verb_shape(toks[k])]
            after_name = [k for k in range(j - 1, start, -1) if k > 0 and _name(toks, k - 1, names)
                          and not _name(toks, k, names) and toks[k] not in STOPWORDS]
            for k in shaped + after_name:
                first = _subject(toks, k, speech, names)
                if first:
                    return first
            return []
        if stop in _PREPOSITIONS:  # a prepositional phrase: its object is not the subject; read on to a "who"
            j -= 1
            while j >= 0 and toks[j] not in _RELATIVE and toks[j] not in (",", ";", ":") and i - j < 2 * REACH:
                j -= 1
            if j >= 0 and toks[j] in _RELATIVE:
                j -= 1 + (j > 0 and toks[j - 1] == ",")
                continue
        return []
    return []


def _after(toks: Sequence[str], i: int, marker: str) -> int:
    """Index of the first ``marker`` within ``REACH`` tokens after ``toks[i]`` and before clause punctuation other than
    a comma, or -1."""
    for j in range(i + 1, min(len(toks), i + 1 + REACH)):
        if toks[j] == marker:
            return j
        if toks[j] in (";", ":", ".", "—", "–") or toks[j] in _CLAUSE:
            break
    return -1


def _channel(toks: Sequence[str], i: int, names: set[str]) -> list[int]:
    """Indices of the words a passive names its giver with, after the verb at ``toks[i]``: "by X", or "through / via
    / involving ... X" (read across an apposition up to "to")."""
    out: list[int] = []
    for j in range(i + 1, min(len(toks), i + 1 + REACH)):
        if toks[j] in (";", ":", ".") or toks[j] in _CLAUSE:
            break
        if toks[j] == "by" or toks[j] in _CHANNELS:
            k = j + 1
            while k < len(toks) and toks[k] in _CHANNELS | {"channels", "channel"}:
                k += 1
            return _forward(toks, k, names)
    return out


def _object(toks: Sequence[str], i: int, names: set[str]) -> list[int]:
    """Indices of a name right after the verb at ``toks[i]`` ("sent Biden a request", "asked China and India for
    help"): its indirect or direct object when that is a name."""
    if i + 1 < len(toks) and _key(toks[i + 1]) in names:
        return [j for j in _forward(toks, i + 1, names, appositions=False) if _key(toks[j]) in names]
    return []


def _asked(toks: Sequence[str], at: int, names: set[str]) -> list[int]:
    """Indices of the one asked, after the verb (or its particle) at ``toks[at]``: a name, also after a determiner
    ("asked China", "have asked the Japanese government", "called on the State Department"), or an object pronoun
    before "to" / "for", read as the speaker of a speech frame before it ("Moderna said the FDA has asked it to")."""
    j = at + 1
    if j + 1 < len(toks) and toks[j] in _OBJECT_PRONOUNS and toks[j + 1] in ("to", "for"):
        return _speaker(toks, j)
    while j < len(toks) and toks[j] in _DETERMINERS:
        j += 1
    return _object(toks, j - 1, names)


def _passive(toks: Sequence[str], i: int) -> bool:
    j = i - 1
    while j >= 0 and toks[j].endswith("ly") and len(toks[j]) > 4:
        j -= 1
    return j >= 0 and toks[j] in _CUES["be"] and _verb_form(toks[i]) or j >= 0 and toks[j] == "been"


def _recipient(toks: Sequence[str], to: int, names: set[str]) -> list[int]:
    """The end after "to" at ``toks[to]``, when "to" opens a noun phrase: a determiner, a name, a pronoun or a plural
    ("to the hall", "to Kraft", "to her", "to consumers"), not an infinitive ("to begin the month", "to address")."""
    if to < 0 or to + 1 >= len(toks):
        return []
    t = toks[to + 1]
    if t in _DETERMINERS or t in _PRONOUNS or _name(toks, to + 1, names) or t.endswith("s") and not t.endswith("ss"):
        return _forward(toks, to + 1, names)
    return []


def _giver_in_subject(toks: Sequence[str], i: int, names: set[str]) -> list[int]:
    """Names in the subject of a passive giver's verb at ``toks[i]`` (its possessor or its "from" phrase: "The US
    request was passed to", "A request from Japan was conveyed to"): the name words of the clause before it."""
    j = i - 1
    while j >= 0 and toks[j] not in (",", ";", ":", ".") and toks[j] not in _CLAUSE and i - j <= REACH:
        j -= 1
    return [k for k in range(j + 1, i) if _name(toks, k, names)]


@lru_cache(maxsize=1024)
def transfers(text: str) -> tuple[Transfer, ...]:
    """The (giver, receiver) pairs of each sentence of ``text`` (see the module docstring)."""
    out: list[Transfer] = []
    classes, particles = _classes(), _particles()
    for sentence in split_sentences(text) or [text]:
        s = getattr(sentence, "text", sentence)
        toks = tokens(s)
        names = name_keys(s)

        def add(giver: list[int], receiver: list[int]) -> None:
            g = frozenset(_key(toks[j]) for j in giver)
            r = frozenset(_key(toks[j]) for j in receiver) - g
            if g - r and r:
                out.append(Transfer(g - r, r, " ".join(_shown(toks[j]) for j in sorted(set(giver))),
                                    " ".join(_shown(toks[j]) for j in sorted(set(receiver)))))

        for i, t in enumerate(toks):
            if t == "from":
                to = next((j for j in range(i + 2, min(len(toks), i + 2 + PARTY + 2)) if toks[j] == "to"), -1)
                src = _forward(toks, i + 1, names, appositions=False)
                if to > 0 and src and src[-1] == to - 1:
                    add(src, _recipient(toks, to, names))
                continue
            if not _word(t) or t in STOPWORDS:
                continue
            lemma = predicate_lemma(t)
            cls = classes.get(lemma)
            needs = particles.get(lemma)
            if needs is not None and (i + 1 >= len(toks) or toks[i + 1] not in needs):
                continue  # "called the isolation incomprehensible": no request
            if cls is None or not (_verb_shape(t) or i and toks[i - 1] in _AUX or needs):
                continue
            passive = _passive(toks, i)
            subject = _subject(toks, i, names=frozenset(names))
            if cls == "give":
                target = _recipient(toks, _after(toks, i, "to"), names)
                if passive:
                    source = _channel(toks, i, names)
                    if target:
                        add(source + _giver_in_subject(toks, i, names), target)
                    elif source and subject:
                        add(source, subject)
                elif subject:
                    add(subject, _object(toks, i, names) or target)
            elif cls == "take" and not passive and subject:
                fr = _after(toks, i, "from")
                add(_forward(toks, fr + 1, names) if fr > 0 else _channel(toks, i, names), subject)
            elif cls == "ask":
                if passive and subject:
                    add(_channel(toks, i, names), subject)
                elif subject:
                    fr = _after(toks, i, "from")
                    add(subject, _asked(toks, i + (needs is not None), names)
                        or (_forward(toks, fr + 1, names) if fr > 0 else []))
    return tuple(out)


def _way(claim: Transfer, passage: Transfer) -> tuple[bool, bool]:
    """(same way, the other way): whether the claim's two ends meet the passage pair's ends in order, or swapped."""
    same = bool(claim.giver & passage.giver) and bool(claim.receiver & passage.receiver)
    other = bool(claim.giver & passage.receiver) and bool(claim.receiver & passage.giver)
    return same, other


def transfer_way(claim: str, passage: str) -> tuple[str | None, bool]:
    """(reason, agreed) for the transfers of ``claim`` against ``passage``'s: a reason when one is a passage transfer
    with its giver and receiver swapped and the passage never tells it the claim's way ("role: the passage has the
    transfer from 'fda' to 'kraft'"); ``agreed`` when none is, and at least one is told the passage's way ("Kraft
    received a letter from the FDA" for "the FDA sent a letter to Kraft": the names in the other order by design)."""
    told = transfers(claim)
    held = transfers(passage) if told else ()
    if not held:
        return None, False
    agreed = False
    for c in told:
        ways = [(_way(c, p), p) for p in held]
        if any(same for (same, _), _p in ways):
            agreed = True
            continue
        for (_, other), p in ways:
            if other:
                return f"role: the passage has the transfer from '{p.giver_text}' to '{p.receiver_text}'", False
    return None, agreed


def reversed_transfer(claim: str, passage: str) -> str | None:
    """``transfer_way``'s reason alone: a transfer of ``claim`` told the wrong way round, else None."""
    return transfer_way(claim, passage)[0]
