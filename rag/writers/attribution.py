"""Attribution: which claims a brief may state as reporting and which it attributes to their source.

A judgement, forecast or signal is always attributed ("WorldWideWatchers (AI-generated brief, 2026) assesses: …");
any claim whose only sources are analysis/opinion or generated briefs, or reports no one can be named for (no
publisher, no title: "an unnamed roundup citing Kyodo News"), is attributed too, so it is never presented as fact.
A claim's role comes from the sentence-role classifier (``rag.roles``): the extractive writer types every quote;
an LLM's claims are typed here. ``cue_role`` (cue words, ``role_openers.toml``) remains for the answer writer's
quick checks of what a sentence does.
"""

from __future__ import annotations

from functools import cache
from typing import Iterable, Mapping

from rag.brief import Claim, Source
from rag.roles import classify
from rag.text.language import detect_language
from rag.writers.role_typing import ROLE_LANGUAGES
from rag.text.lexicon import table, word_set
from rag.writers.sentence_cues import CUES
from rag.text.places import place_mentions
from rag.writers.source_types import REPORTING, UNNAMED, is_unnamed

__all__ = ["ROLES", "ATTRIBUTED_ROLES", "cue_role", "attribution", "attribute_claims", "attribute_names", "unnamed"]

ROLES = ("event", "statement", "judgement", "forecast", "signal", "gap", "background", "furniture")
#: Roles that are the source's view, not a report of what happened: always attributed. "hypothesis": an
#: explanation a source labels itself ("Hypothesis B: ..."), offered by it, never adopted (``hypotheses.source_claims``).
ATTRIBUTED_ROLES = frozenset({"judgement", "forecast", "signal", "hypothesis"})


@cache
def _verbs() -> dict[str, dict[str, str]]:
    return table("source_types")["verbs"]


def cue_role(text: str) -> str:
    """A provisional role from cue families (used until a classifier types the sentence): a gap states what is
    unknown, a signal what to watch, a statement reports what someone said, a forecast what will happen, a
    judgement hedges; a sentence with a finite action verb is an event; anything else is background."""
    low = text.lstrip(" \"'“‘-•*").lower()
    for role, openers in table("role_openers")["openers"].items():
        if any(low.startswith(o + " ") or low.startswith(o + ",") for o in openers):
            return role
    cues = {name for name, rx in CUES.items() if rx.search(text)}
    words = {w.strip(".,;:\"'’”“").lower() for w in text.split()}
    fact = "fact" in cues
    if "assumption" in cues:
        return "gap"
    if "signal" in cues and not fact:
        return "signal"
    if fact and words & word_set("reporting_verbs"):
        return "statement"  # hedges and plans inside reported speech are the speaker's, reported
    if "forward" in cues and not fact:
        return "forecast"
    if "hedged" in cues:
        return "judgement"
    return "event" if fact else "background"


def attribution(role: str, sources: Iterable[Source]) -> str | None:
    """"<source> <verb>" for a claim of ``role`` cited to ``sources``, or None when it may stand as reporting."""
    srcs = list(sources)
    if not srcs:
        return None
    # a report no one can be named for (no publisher, no title) is not stated as fact: the reader could not weigh it
    reporting = [s for s in srcs if s.source_type in REPORTING and not unnamed(s)]
    if reporting and role not in ATTRIBUTED_ROLES:
        return None
    src = (reporting or srcs)[0]
    verbs = _verbs().get(role if role in ATTRIBUTED_ROLES else "other", _verbs()["other"])
    verb = verbs.get(src.source_type, "reports")
    name = src.attributed_as or src.publisher or (f"“{src.title}”" if src.title else "")
    if is_unnamed(name):
        return f"According to {name or UNNAMED + ' source'}"  # no one to name: "According to an unnamed report"
    return f"{name} {verb}"


def unnamed(source: Source) -> bool:
    """Whether a source names no publisher and no title (it is attributed as "an unnamed report ...")."""
    name = source.attributed_as
    return is_unnamed(name) if name else not (source.publisher or source.title)


def attribute_claims(claims: Iterable[Claim], sources: Mapping[int, Source]) -> int:
    """Set ``role`` (by the role classifier, one batched call, when the writer did not type the claim) and
    ``attribution`` on each claim; returns how many are attributed."""
    claims = list(claims)
    untyped = [c for c in claims if not c.role and detect_language(c.text) in (None, *ROLE_LANGUAGES)]
    for claim, pred in zip(untyped, classify([c.text for c in untyped])):
        claim.role = pred.role
    n = 0
    for claim in claims:
        cited = [sources[i] for i in dict.fromkeys(c.source for c in claim.citations) if i in sources]
        claim.attribution = attribution(claim.role, cited)
        n += claim.attribution is not None
    return n


def attribute_names(names: Iterable[str], sources: Iterable[Source], texts: Mapping[str, str]) -> list[str]:
    """A name list (key individuals and entities) with each name that no named report gives attributed to the
    sources that do: "Gene Raymond (named only by an unnamed roundup citing Kyodo News ... [1])". ``texts``: doc id
    -> the text a source was cited from (its cited passages). A name only generated briefs or reports no one can be
    named for give is theirs, not a fact the reader can weigh (a roundup's "Gene Raymond, the US Secretary of
    Commerce": the secretary was Gina Raimondo); a name a named report, statement or essay gives, a place, or a
    name the source is attributed by ("citing Kyodo News") is left as it is."""
    srcs = list(sources)
    out = []
    for name in names:
        low = name.lower()
        naming = [s for s in srcs if low in texts.get(s.doc_id, "").lower()]
        if (not naming or is_place(name) or any(s.source_type != "generated" and not unnamed(s) for s in naming)
                or any(low in (s.attributed_as or "").lower() for s in naming)):
            out.append(name)  # a place is no source's claim; a name a source is attributed by is its origin
            continue
        who = "; ".join(f"{s.attributed_as or s.publisher or UNNAMED + ' source'} [{s.index}]" for s in naming)
        out.append(f"{name} (named only by {who})")
    return out


def is_place(name: str) -> bool:
    """Whether a name is a place (a country, region or city of ``rag.text.places``) and nothing more."""
    found = place_mentions(name)
    return bool(found) and any(m.end - m.start >= len(name.strip()) - 1 for m in found)
