"""Attribution: which claims a brief may state as reporting and which it attributes to their source.

A judgement, forecast or signal is always attributed ("WorldWideWatchers (AI-generated brief, 2026) assesses: …");
any claim whose only sources are analysis/opinion or generated briefs, or reports no one can be named for (no
publisher, no title: "an unnamed roundup citing Kyodo News"), is attributed too, so it is never presented as fact.
A claim's role comes from the sentence-role classifier (``rag.roles``): the extractive writer types every quote;
an LLM's claims are typed here. ``cue_role`` (cue words, ``role_openers.toml``) remains for the answer writer's
quick checks of what a sentence does.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable, Mapping

from rag.brief import Claim, Source
from rag.roles import classify
from rag.text.language import detect_language
from rag.writers.role_typing import ROLE_LANGUAGES
from rag.text.lexicon import table, word_set
from rag.writers.sentence_cues import CUES
from rag.text.places import place_mentions
from rag.text.dates import find_dates
from rag.text.sentences import sentence_texts
from rag.writers.source_types import REPORTING, UNNAMED, credited_outlets, is_unnamed

__all__ = ["ROLES", "ATTRIBUTED_ROLES", "NEUTRAL_VERBS", "cue_role", "attribution", "attribute_claims", "attribute_names", "credit_outlets", "joined_views", "JOINABLE_VIEWS", "reports_a_view",
           "recounts_the_past", "unnamed"]

ROLES = ("event", "statement", "judgement", "forecast", "signal", "gap", "background", "furniture")
#: Roles that are the source's view, not a report of what happened: always attributed. "hypothesis": an
#: explanation a source labels itself ("Hypothesis B: ..."), offered by it, never adopted (``hypotheses.source_claims``);
#: "hypothesis_favoured" / "hypothesis_rejected": one its own verdict judges the better / the less supported
#: ("WorldWideWatchers (AI-generated brief, 2026) judges better supported: “Hypothesis A: …”").
#: "assumption": an item a source lists under its own "Assumptions:" caption (``source_structure``);
#: "list": a source's own captioned list of names (``list_members.captioned_names``), credited
#: "<source> lists under “<caption>”". Roles a quote is always credited in (never stands as reporting).
ATTRIBUTED_ROLES = frozenset({"judgement", "forecast", "signal", "hypothesis", "hypothesis_favoured", "hypothesis_rejected",
                              "assumption", "list"})


#: verbs that say only that a source wrote a sentence ("writes"): a view's verb replaces them in a joined quote's
#: credit (``source_types.toml`` [neutral_verbs]; ``answer_credit.credit_answer``)
NEUTRAL_VERBS = frozenset(table("source_types")["neutral_verbs"]["verbs"])


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


def attribution(role: str, sources: Iterable[Source], text: str = "") -> str | None:
    """"<source> <verb>" for a claim of ``role`` cited to ``sources``, or None when it may stand as reporting.
    ``text``: the claim, when known; a judgement that only recounts the past (``recounts_the_past``) takes the
    verb of a recounted fact ("Hosokawa Masahiko (2020 essay) recounts"), not "argues"."""
    srcs = list(sources)
    if not srcs:
        return None
    # a report no one can be named for (no publisher, no title) is not stated as fact: the reader could not weigh it
    reporting = [s for s in srcs if s.source_type in REPORTING and not unnamed(s)]
    if reporting and role not in ATTRIBUTED_ROLES:
        return None
    src = (reporting or srcs)[0]
    kind = role if role in _verbs() else "other"  # a role with verbs of its own ("gap"), else "other"
    if role == "judgement" and text and recounts_the_past(text, src.published):
        kind = "recounted"  # a statement of past fact is recounted, not argued
    if role in _VIEWS and text and reports_a_view(text):
        kind = "reported"  # "Analysts estimate …": the quote names who estimates; the source reports it
    verbs = _verbs().get(kind, _verbs()["other"])
    verb = verbs.get(src.source_type, "reports")
    name = src.attributed_as or src.publisher or (f"“{src.title}”" if src.title else "")
    if is_unnamed(name):
        return f"{NAMES_NO_ONE}{name or UNNAMED + ' source'}"  # no one to name: "According to an unnamed report"
    return f"{name} {verb}"


_VIEWS = frozenset({"judgement", "forecast", "signal"})
_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*|[,;:()—–]")
#: auxiliaries before a past participle that make the verb passive ("are expected to"): no one named estimates
_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being", "as"})
#: a modal before the verb prescribes or supposes ("Investors should expect …"): no one is reported estimating
_MODALS = frozenset({"should", "must", "could", "would", "may", "might", "can", "will", "shall", "ought"})


@cache
def _reported_views() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    t = table("source_types")["reported_views"]
    return frozenset(t["verbs"]), frozenset(t["own"]), frozenset(t["nouns"])


def reports_a_view(text: str) -> bool:
    """Whether a sentence credits an estimate, expectation or projection to a party it names, other than its own
    writer: "Analysts estimate the curbs will cost $2bn", "The ministry estimated that 40 percent … had been resold",
    "The curbs will cost $2bn, analysts estimate", "According to Nomura's estimates, …" — but not "We estimate …",
    "The curbs are expected to cost …" (passive: no one is named) or "The project will cost …" (a noun). Verbs,
    nouns and first-person subjects: ``source_types.toml`` [reported_views]."""
    verbs, own, nouns = _reported_views()
    low = text.lower()
    tokens = [m.group(0).lower() for m in _WORD_RE.finditer(text)]
    determiners = word_set("determiners")
    for i, tok in enumerate(tokens):
        if tok in verbs and i > 0:
            prev = tokens[i - 1]
            if prev in determiners or prev in _PASSIVE or prev in _MODALS or prev in {"to", ",", "(", "—", "–", ";", ":"}:
                continue  # "the forecast", "are expected", "should expect", "declined to estimate"
            start = max((k + 1 for k in range(i) if tokens[k] in {",", ";", ":", "(", "—", "–"}), default=0)
            subject = tokens[start:i]
            said = " ".join(subject)
            if subject and not any(w in own for w in subject) and not any(o in said for o in own if " " in o):
                return True
            return False
    m = re.search(r"\baccording to\b([^,;]*)", low)
    if m and not any(w in own for w in re.findall(r"[\w’']+", m.group(1))):
        return any(w.strip("’'") in nouns for w in re.findall(r"[\w’']+", m.group(1)))
    return False


#: how ``attribution`` opens when it has no one to name ("According to an unnamed report"); any other attribution
#: is "<name> <verb>"
NAMES_NO_ONE = "According to "


def names_no_one(attribution: str | None) -> bool:
    """Whether an ``attribution`` string credits a source no one can be named for ("According to an unnamed
    roundup citing Kyodo News"), not a named one ("WorldWideWatchers (AI-generated brief, 2026) assesses")."""
    return bool(attribution) and attribution.startswith(NAMES_NO_ONE)


#: words that weigh, hedge or prescribe: a sentence with one judges, whatever its tense
_WEIGHING = re.compile(r"\b(?:should|must|ought|need(?:s|ed)? to|seems?|seemed|appears?|likely|unlikely|could|may|"
                       r"might|would|will|perhaps|probably|arguably|clearly|indeed|necessary|impossible|inevitabl\w*|"
                       r"effective|ineffective|serious|important|crucial|key|only|just)\b", re.I)


def recounts_the_past(text: str, published: str | None = None) -> bool:
    """Whether a sentence states a past fact and weighs nothing: it is set in another era ("During the Cold War
    period, ...", ``hypotheses.other_era``) or names a year before its source's publication (``published``, ISO;
    an undated source's years cannot be placed, so only the era cue counts there), and it has no
    hedge, forecast, assumption or weighing word (``_WEIGHING``: "should", "seems", "effective", "only")."""
    from rag.writers.hypotheses import other_era  # hypotheses imports this module's users

    if _WEIGHING.search(text) or any(CUES[f].search(text) for f in ("hedged", "forward", "assumption")):
        return False
    if other_era(text):
        return True
    if not published:
        return False  # an undated source's years cannot be placed before it: only the era cue says "the past"
    year = int(published[:4])
    return any(not m.relative and m.value[:4].isdigit() and int(m.value[:4]) < year for m in find_dates(text))


def credit_outlets(claims: Iterable[Claim], sources: Mapping[int, Source], chunks: Mapping[str, tuple[int, str]]) -> int:
    """Name in an attributed report the outlet its source credits for it: "Intelrift Intelligence Desk (AI-generated
    brief, 2026), citing Nikkei Asia, reports: “Japan has reportedly denied …”" when the quote itself credits an
    outlet or the sentence right after it in its passage refers back to it and does ("The decision, reported on
    2026-06-30 by Nikkei Asia, signals …": ``source_types.credited_outlets``, a reference back by
    ``candidates.is_dependent``). Only reported claims (events, statements: not a judgement, which is the source's
    own) that are already attributed; an outlet the attribution already names ("an unnamed roundup citing Kyodo
    News") is not repeated. ``chunks``: chunk id -> (the passage's start in its document's stored text, the passage
    text); a citation's ``end`` is an offset in that document text. Returns how many attributions changed."""
    from rag.writers.candidates import is_dependent  # candidates imports the role model this module's users load

    n = 0
    for claim in claims:
        if not claim.attribution or claim.role in ATTRIBUTED_ROLES or not claim.citations:
            continue
        last = claim.citations[-1]
        start, text = chunks.get(last.chunk_id, (0, ""))
        after = sentence_texts(text[max(0, last.end - start):])[:1]
        found = credited_outlets(claim.text) + [o for s in after if is_dependent(s, connectives=True) for o in credited_outlets(s)]
        cited = [sources[i] for i in dict.fromkeys(c.source for c in claim.citations) if i in sources]
        said = " ".join([claim.attribution] + [f"{s.publisher} {s.attributed_as}" for s in cited]).lower()
        found = [o for o in dict.fromkeys(found) if o.lower() not in said]
        if not found:
            continue
        named = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " and " + found[-1]
        if names_no_one(claim.attribution):
            claim.attribution = f"{claim.attribution}, citing {named}"
        else:  # "<name> <verb>": the credit goes between them
            head, _, verb = claim.attribution.rpartition(" ")
            claim.attribution = f"{head}, citing {named}, {verb}"
        n += 1
    return n


#: the views a source states as its own that may join a sentence it reports (a hypothesis, with the source's verdict,
#: keeps the verbs of its own kind: ``hypotheses.source_claims``)
JOINABLE_VIEWS = frozenset({"judgement", "forecast", "signal"})


def joined_views(claims: Iterable[Claim]) -> list[Claim]:
    """The claims quoted as the source's own view (``JOINABLE_VIEWS``, already attributed) that are more than one
    sentence (``rag.text.sentences.sentence_texts``): a quote the writer joined ("Japan has reportedly denied … The
    decision, reported … by Nikkei Asia, signals …"), whose sentences may each take their own credit
    (``answer_credit.credit_answer``: "… reports and assesses") rather than the whole the view's verb."""
    return [c for c in claims if c.attribution and c.role in JOINABLE_VIEWS and len(sentence_texts(c.text)) > 1]


def relayed_outlets(attribution: str | None) -> str:
    """The outlets an attribution says its source relays (``credit_outlets``: "Intelrift Intelligence Desk
    (AI-generated brief, 2026), citing Nikkei Asia, reports" -> "Nikkei Asia"), or "". A source attributed by whom it
    cites ("an unnamed roundup citing Kyodo News") relays nothing more: that is its name."""
    if not attribution or ", citing " not in attribution:
        return ""
    relay = attribution.split(", citing ", 1)[1]
    return relay.rsplit(", ", 1)[0] if ", " in relay else relay


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
        claim.attribution = attribution(claim.role, cited, claim.text)
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
