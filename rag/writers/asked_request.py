"""The act a request question asks about: "Who asked Japan to investigate the shipments?" asks who requested an
investigation, not who asked Japan anything. A sentence telling another request ("US authorities have asked the
Japanese government to join efforts aimed at curbing China's progress …") holds the question's request verb and its
addressee, yet answers nothing: it led the answer (s44's fresh user, on the sample corpus). The request is a verb of
``act_roles.toml`` [request] ("ask", "urge", "call on", "press" …) followed, within a few words, by "to <verb>"; the
asked act is that verb.

``tells_asked_request``: a sentence in which a request verb is followed by "to <the asked verb>" (or a verb of its
class in ``verb_classes.toml`` or of its family in ``act_roles.toml`` [families]; "and to <verb>" after the first
act counts too). Only such a sentence is typed as naming who made the request (``QuestionAnswering._typed``): the
answer to a request no source tells says that no source reports it (``request_event``: "No source reports anyone
asking Japan to investigate the shipments") and what the sources do say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rag.support.lexicon import VERB_CLASS
from rag.text.lexicon import table
from rag.text.tokens import stem
from rag.writers.answer_act import family_stems
from rag.writers.answer_kind import asked_sentence, without_carried_context

__all__ = ["AskedRequest", "asked_request", "request_event", "tells_asked_request", "REACH"]

#: at most this many words between a request verb and the "to" of its act ("asked the Japanese government to join")
REACH = 6


@dataclass(frozen=True)
class AskedRequest:
    """``verb``: the request verb's dictionary form ("ask", "call on"); ``act``: the base form of the requested act
    ("investigate")."""

    verb: str
    act: str


@cache
def _verbs() -> dict[str, str]:
    """Every written form of a request verb (lower case, "call on" as two words) → its base form."""
    from lemminflect import getAllInflections

    out: dict[str, str] = {}
    for entry in table("act_roles")["request"]["verbs"]:
        head, *rest = entry.split()
        forms = {head} | {f for fs in getAllInflections(head, upos="VERB").values() for f in fs}
        for f in forms:
            out[" ".join([f, *rest])] = entry
    return out


@cache
def _pattern() -> re.Pattern[str]:
    alts = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(_verbs(), key=len, reverse=True))
    return re.compile(rf"\b(?P<verb>{alts})\b\s+(?:[\w’'.,-]+\s+){{0,{REACH}}}?to\s+(?P<act>[a-z]+)\b", re.I)


#: a wh-phrase that is a request's subject: "Who", "Which country", "What two groups", "Which of the ministers",
#: with an auxiliary after it ("Who has urged", "Which country had asked")
_ASKS_REQUESTER = re.compile(r"(?i:who|(?:which|what)(?:\s+[\w’'-]+){1,3})(?:\s+(?i:has|have|had|did|was|were))?")


def _base(verb: str) -> str:
    from lemminflect import getAllLemmas

    return (getAllLemmas(verb.lower()).get("VERB") or (verb.lower(),))[0]


def _same_act(a: str, b: str) -> bool:
    """Whether two verbs' base forms tell one act: the same stem, one class of ``verb_classes.toml``
    (``rag.support.lexicon.VERB_CLASS``) or one act family of ``act_roles.toml`` (``answer_act.family_stems``)."""
    sa, sb = stem(a), stem(b)
    return (sa == sb or (VERB_CLASS.get(sa) is not None and VERB_CLASS.get(sa) == VERB_CLASS.get(sb))
            or any(sa in f and sb in f for f in family_stems()))


def _requester_match(question: str) -> tuple[str, re.Match[str]] | None:
    """(the question's asked sentence, its request's match) when the question asks who made a request (see
    ``asked_request``), else None."""
    asked, _ = asked_sentence(without_carried_context(question))
    m = _pattern().search(asked)
    # the requester is what is asked: the wh-phrase is the request's subject ("Who asked …", "Which country urged
    # …"), not a premise the question states ("Estonia and Latvia have asked the EU to stop … which nation?") nor a
    # noun ("Who received Valdoria's request to curb …?")
    if m is None or not _ASKS_REQUESTER.fullmatch(asked[:m.start()].strip()) or _base(m.group("act")) in ("do", "be"):
        return None
    return asked, m


def asked_request(question: str) -> AskedRequest | None:
    """The request the question asks who made ("Who asked Japan to investigate …?" → ask, investigate); None when it
    names none, asks what was requested ("What did the US ask Japan to do?"), or asks something else of a request it
    states ("Estonia and Latvia have asked the EU to stop issuing work permits to people from which nation?")."""
    found = _requester_match(question)
    if found is None:
        return None
    m = found[1]
    return AskedRequest(_verbs()[" ".join(m.group("verb").lower().split())], _base(m.group("act")))


def _acts(text: str) -> list[str]:
    """The base forms of the acts a sentence's requests ask for, a coordinated "and to <verb>" included ("urged Tokyo
    to look into the shipments and to investigate the exporters" → look, investigate)."""
    acts = []
    for m in _pattern().finditer(text):
        acts.append(_base(m.group("act")))
        tail = text[m.end():m.end() + 120]
        acts += [_base(a) for a in _COORDINATED.findall(tail.split(".")[0])]
    return acts


_COORDINATED = re.compile(r"\b(?:and|or)\s+(?:then\s+)?to\s+([a-z]+)\b", re.I)


def tells_asked_request(text: str, asked: AskedRequest) -> bool:
    """Whether a sentence tells a request of the asked act ("Seoul asked Japan to investigate the exports", "…
    urged Tokyo to look into the shipments and to investigate the exporters")."""
    return any(_same_act(a, asked.act) for a in _acts(text))


def request_event(question: str) -> str | None:
    """The request a who-question presupposes, as the event a partial answer says no source reports: "Who asked
    Japan to investigate the shipments?" → "anyone asking Japan to investigate the shipments" (written "No source
    reports anyone asking Japan to investigate the shipments; …", never "none gives the name" after a quote naming
    another request's maker). None when the question asks no requester (``asked_request``)."""
    from rag.writers.answer_premise import gerund

    found = _requester_match(question)
    if found is None:
        return None
    asked, m = found
    head, *particle = m.group("verb").split()
    verb = " ".join([gerund(_base(head)), *particle])
    rest = asked[m.end("verb"):].strip().rstrip("?.! ")
    return f"anyone {verb} {rest}"

