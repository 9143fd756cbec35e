"""How an answer credits each quote it gives: one rule for every answer path (full answer, partial answer, a
whether-question's undecided quote), so that one source sentence is credited the same way wherever it is quoted.

A quote is credited by its source's type and the role of each of its sentences (``attribution.attribution``: a
judgement of a generated brief "assesses", a report of it "reports"; a news report's event stands as reporting).
The role of a sentence is what it does in its source, typed alone: a quote of one sentence keeps the role the
writer gave it (the role classifier's, or the writer's reading of the sentence's place: a watch-list item is a
"signal", a source's favoured hypothesis a "hypothesis"); a quote of several sentences (a dependent sentence with
the one it leans on) is typed sentence by sentence, each alone in its passage, and credited with the verb of each
("Intelrift Intelligence Desk (AI-generated brief, 2026), citing Nikkei Asia, reports and assesses: “Japan has
reportedly denied … The decision, reported on 2026-06-30 by Nikkei Asia, signals that …”"), where typing the joined
text as one sentence called the report "assesses" in one answer and, quoted alone, "reports" in another. The
outlet a report credits ("citing Nikkei Asia") is named as ``attribution.credit_outlets`` names it, for the quote's
reported sentences. A source named by the several outlets it relays ("an unnamed roundup citing Kyodo News, Taiwan
International Radio and Financial Times") is credited, for one quote, with the outlet the quote's own part of the
document relays (``relayed_here``): the last of those outlets its text names at or before the quote ("The update
comes from Kyodo News …" two paragraphs before "The US is worried …"), not every outlet the roundup names.
"""

from __future__ import annotations

import os
import re
from typing import Mapping, Sequence

from rag.brief import Claim, Source
from rag.roles import classify
from rag.text.language import detect_language
from rag.text.lexicon import table
from rag.text.sentences import sentence_texts, split_sentences
from rag.text.transcript_turns import turn_at
from rag.types import Chunk
from rag.writers.attribution import ATTRIBUTED_ROLES, NEUTRAL_VERBS, attribution, credit_outlets
from rag.writers.role_typing import ROLE_LANGUAGES, doc_type, position
from rag.writers.stated_reason import without_lead

__all__ = ["credit_answer", "relayed_here", "relayed_names", "sentence_roles_of"]

#: the verb a transcript speaker's quote is credited with ("He Yuntao (…) says": ``transcript_turns.toml``)
SPEAKER_VERB = table("transcript_turns")["speaker_verb"]


def sentence_roles_of(claims: Sequence[Claim], chunks: Mapping[str, Chunk]) -> list[list[str | None]]:
    """Per claim, the role of each of its sentences, in order: ``[claim.role]`` for a claim of one sentence; for a
    claim of several, each sentence typed alone by the role classifier (one batched call for all claims), with its
    position when its cited passage opens its document (``role_typing.position``) and its document's type, and the
    claim's own role added last when it is a view the writer gave the whole quote (``ATTRIBUTED_ROLES``: "another
    party's explanation" typed a judgement) that none of its sentences has. ``chunks``: chunk id -> the cited chunk.
    Text the classifier cannot read (another language) keeps ``[claim.role]``."""
    out: list[list[str | None]] = []
    todo: list[tuple[int, str, tuple[int, int] | None, str]] = []
    for k, claim in enumerate(claims):
        parts = sentence_texts(without_lead(claim.text))  # the quote's sentences, not the answer's own lead
        chunk = chunks.get(claim.citations[0].chunk_id) if claim.citations else None
        if len(parts) < 2 or chunk is None or detect_language(claim.text) not in (None, *ROLE_LANGUAGES):
            out.append([claim.role])
            continue
        out.append([])
        found = list(split_sentences(chunk.text))
        for part in parts:
            at = next((n for n, s in enumerate(found) if " ".join(s.text.split()) == " ".join(part.split())), None)
            todo.append((k, part, position(chunk, at, len(found)) if at is not None else None, doc_type(chunk)))
    if todo:
        preds = classify([t for _, t, _, _ in todo], positions=[p for _, _, p, _ in todo], doc_type=[d for _, _, _, d in todo])
        for (k, _, _, _), pred in zip(todo, preds):
            out[k].append(pred.role)
    for claim, roles in zip(claims, out):
        if len(roles) > 1 and claim.role in ATTRIBUTED_ROLES and claim.role not in roles:
            roles.append(claim.role)
    return out


def _verbs(credits: Sequence[str]) -> tuple[str, list[str]]:
    """(the name, each distinct verb in order) of the credits one source gets for a quote's sentences ("X reports",
    "X assesses" -> ("X ", ["reports", "assesses"])); one distinct credit is its own name with no verb split off."""
    distinct = list(dict.fromkeys(credits))
    if len(distinct) < 2:
        return distinct[0] if distinct else "", []
    common = os.path.commonprefix(distinct)
    name = common[: common.rfind(" ") + 1]
    return name, [d[len(name):] for d in distinct]


#: "an unnamed roundup citing Kyodo News, Taiwan International Radio and Financial Times (2026)": the relayed list
_RELAYS = re.compile(r" citing (?P<names>.+?)(?: \(\d{4}\))?$")


def relayed_names(attributed_as: str | None) -> list[str]:
    """The outlets a source's name says it relays ("an unnamed roundup citing Kyodo News, Taiwan International Radio
    and Financial Times (2026)" -> ["Kyodo News", "Taiwan International Radio", "Financial Times"]); [] for any other
    name."""
    m = _RELAYS.search(attributed_as or "")
    return [n.strip() for n in re.split(r", | and ", m.group("names")) if n.strip()] if m else []


def relayed_here(attributed_as: str | None, text: str, end: int) -> str | None:
    """For a source named by the outlets it relays (``source_types.source_name``: "an unnamed roundup citing Kyodo
    News, Taiwan International Radio and Financial Times"), its name with only the outlet that the part of the
    document up to ``end`` (a character offset in the document's stored ``text``) relays: the one of those outlets
    named last at or before it. None when the name relays fewer than two outlets, or the text names none of them
    before ``end`` (which one relays the quote cannot be told)."""
    names = relayed_names(attributed_as)
    if len(names) < 2:
        return None
    m = _RELAYS.search(attributed_as or "")
    before = text[:end]
    at = {n: before.rfind(n) for n in names}
    last = max(names, key=lambda n: at[n])
    if at[last] < 0:
        return None
    return attributed_as[: m.start("names")] + last + attributed_as[m.end("names"):]


def _relayed_sources(claim: Claim, sources: Mapping[int, Source], texts: Mapping[str, str]) -> Mapping[int, Source]:
    """``sources`` with each source ``claim`` cites that relays several outlets renamed for this claim by the outlet
    its cited passage relays (``relayed_here``); the others as they are (the mapping unchanged when none is)."""
    out = dict(sources)
    for cit in claim.citations:
        src = sources.get(cit.source)
        own = relayed_here(src.attributed_as, texts.get(src.doc_id, ""), cit.end) if src is not None else None
        if own is not None:
            out[cit.source] = src.model_copy(update={"attributed_as": own})
    return out


def credit_answer(claims: Sequence[Claim], sources: Mapping[int, Source], chunks: Mapping[str, Chunk],
                  doc_texts: Mapping[str, str] | None = None, *, leads: Mapping[str, str] | None = None) -> int:
    """Set ``attribution`` on each of an answer's claims (``claim.citations`` numbered into ``sources``): the
    credit of each of its sentences (``sentence_roles_of``; ``attribution.attribution`` by the cited sources'
    types), merged into one ("X reports and assesses"), with the outlet its reported sentences credit
    (``attribution.credit_outlets``); None when every sentence stands as reporting. Returns how many are
    attributed. ``chunks``: chunk id -> the cited chunk; ``doc_texts``: doc id -> a cited document's stored text, for
    the sources that relay several outlets (``relayed_here``; without it such a source keeps its whole name); ``leads``:
    chunk id -> the document's text before a passage cut from inside a transcript (``SearchHit.lead``), whose
    turns name the quote's speaker (``_credit_speakers``)."""
    claims = list(claims)
    roles_of = sentence_roles_of(claims, chunks)
    passages = {cid: (ch.start, ch.text) for cid, ch in chunks.items()}
    n = 0
    every = sources
    for claim, roles in zip(claims, roles_of):
        sources = _relayed_sources(claim, every, doc_texts) if doc_texts else every
        cited = [sources[i] for i in dict.fromkeys(c.source for c in claim.citations) if i in sources]
        texts = sentence_texts(without_lead(claim.text)) if len(roles) > 1 else [claim.text]
        texts = texts + [claim.text] * (len(roles) - len(texts))
        credits = [attribution(role, cited, text) for role, text in zip(roles, texts)]
        said = [c for c in credits if c]
        if not said:
            claim.attribution = None
            continue
        name, verbs = _verbs(said)
        # the outlet a reported sentence credits, read as ``credit_outlets`` reads a claim of that sentence's role
        lead = next((k for k, (r, c) in enumerate(zip(roles, credits)) if c and r not in ATTRIBUTED_ROLES), None)
        own_role = claim.role
        claim.attribution = credits[lead] if lead is not None else said[0]
        if lead is not None:
            claim.role = roles[lead]
            credit_outlets([claim], sources, passages)
            claim.role = own_role
        first = credits[lead][len(name):] if lead is not None else (verbs[0] if verbs else "")
        # one verb for the source's own view: a quote of its views, or of its views and sentences it only writes
        # ("writes": ``attribution.NEUTRAL_VERBS``), takes its first view's verb ("Ozawa (2026 analysis) argues: …", not
        # "writes and argues and flags"); a sentence it reports keeps "reports" before the first view's verb ("…
        # reports and assesses"), never a chain (s65's new user, F19)
        views = [c[len(name):] for c, r in zip(credits, roles) if c and r in ATTRIBUTED_ROLES]
        if views and (lead is None or first in NEUTRAL_VERBS):
            claim.attribution, first = name + views[0], views[0]
        rest = [v for v in dict.fromkeys(views) if v != first][: 0 if first in views else 1]
        claim.attribution += "".join(f" and {v}" for v in rest)
        if claim.role == "list" and claim.statement:  # a captioned list: what the list is, as its source calls it
            claim.attribution += f" under “{claim.statement}”"
        n += 1
    return n + _credit_speakers(claims, every, chunks, leads or {})


def _credit_speakers(claims: Sequence[Claim], sources: Mapping[int, Source], chunks: Mapping[str, Chunk],
                     leads: Mapping[str, str]) -> int:
    """Credit each claim quoted from a transcript's answer turn (``transcript_turns.turn_at``: "He Yuntao: China
    firmly opposes …") to the turn's speaker, in its source: "He Yuntao (Ministry of Foreign Affairs) says: …" — the
    spokesperson said it, not the outlet that asked, and not the ministry's text as reporting. Returns how many claims
    were credited that were not attributed before."""
    n = 0
    for claim in claims:
        cit = claim.citations[0] if claim.citations else None
        chunk = chunks.get(cit.chunk_id) if cit is not None else None
        src = sources.get(cit.source) if cit is not None else None
        if chunk is None or src is None:
            continue
        turn = turn_at(chunk.text, cit.start - chunk.start, leads.get(cit.chunk_id, ""))
        if turn is None or turn.role != "answer" or not turn.speaker:
            continue
        # the publisher as it names itself ("Ministry of Economy, Trade and Industry"): where the speaker spoke
        name = src.publisher or src.attributed_as or (f"“{src.title}”" if src.title else "")
        n += claim.attribution is None
        claim.attribution = f"{turn.speaker} ({name}) {SPEAKER_VERB}" if name else f"{turn.speaker} {SPEAKER_VERB}"
    return n
