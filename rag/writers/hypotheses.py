"""Evidence for and against an explanation the sources give (issue 10, item 5), chosen from on-topic quotes.

A section that declares ``weigh_evidence = true`` (the assessment's competing hypotheses) lists explanations the
sources themselves give; for each, the offline writer looks among the other on-topic sentences for

- **evidence for**: a reported event or statement (roles ``event``/``statement``) about the same thing that does
  not contradict it;
- **evidence against**: a sentence about the same thing that contradicts or qualifies it (the ``contrary`` cue
  family: "however", "denied", "rejected", ...) within itself: a "But ..." that only opens a sentence answers the
  sentence before it in its own source ("... intimidated by that rhetoric." "But ... Zhang Jun warned again ..."),
  and is no more against the explanation than any other report (``contradicts``).

"About the same thing" is lexical and relative to the topic: the other sentence names at least ``SHARED`` of the
explanation's own content words (its stems that are not the topic's words nor the words that only frame it,
``frame_stems``: "reasons", "because", "said", "could"; "wartime", "labour", "ruling" in
an explanation of trade curbs). Candidates are ranked by what they share of what is *distinctive* in the
explanation (each shared word weighted by its rarity among the on-topic sentences, an inverse document frequency),
then by similarity in meaning: every on-topic sentence is close in meaning to the explanation because both are
about the topic, and a complaint that shares "pressure" and "rules" with "Tokyo's curbs aim at pressuring Seoul
over the court rulings on wartime labour" bears on it less than the court ruling itself. When nothing qualifies
the explanation stands without evidence, and the brief says so; nothing is invented.

Evidence from another source must also be about the same actors (it names the explanation's own names: at least
two of them, or its only one) and of the same story's time: a source published more than ``MAX_AGE_DAYS`` before
the explanation's is background, not evidence ("a 2020 essay on the Diet's investment law" is no evidence for a
2026 judgement of China's export curbs), unless the classifier types the sentence as background (it then offers
context, and is never evidence for: ``REPORTED``).

An explanation a source states in order to deny it ("They have rejected suggestions that the move was driven by
...": ``denied``) is read in the words it denies: it is evidence against the listed explanation that says the same,
and against no other; when none does, it is listed as a competing explanation with the denial against it.

A source that is itself an analytic brief labels its own hypotheses (``source_structure``): ``source_claims``
lists each once, role ``hypothesis`` (attributed as offered, never adopted), with that source's own sentences for
and against it and the source's verdict between them.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Sequence

import numpy as np

from rag.roles import classify
from rag.text.dates import iso_day
from rag.text.lexicon import table
from rag.text.places import place_mentions
from rag.text.sentences import split_sentences
from rag.writers.base import DraftClaim
from rag.writers.candidates import Candidate
from rag.writers.key_terms import key_terms
from rag.writers.on_topic import LIGHT_STEMS, topic_stems
from rag.writers.key_terms import stems as stems_of
from rag.writers.hypothesis_stance import Stance, asserted_by, characterisation, clause_of, speaker, stance
from rag.writers.sentence_cues import CUES, is_noun_phrase, junk_reason
from rag.writers.source_structure import Segment, Structure

__all__ = ["SHARED", "BEARING", "REPORTED", "REPORTED_MAX", "HYPOTHESIS_ROLE", "STANDING_ROLES", "SOURCE_HYPOTHESIS_ROLES", "MAX_AGE_DAYS", "EVIDENCE_MAX", "FRAME_FAMILIES", "actors", "against_by_way_of", "contradicts",
           "denied", "explains", "frame_stems", "lead_sentence", "negates", "quote_denies", "quote_explains", "other_era", "is_recent", "prescribes", "reported_explanations", "same_time",
           "source_claims", "specific_stems", "topic_stems", "weigh", "weighed", "motives", "disputes", "stated", "stated_in", "WEIGHED_MAX",
           "evidence_claim", "bearing_clause", "holder_in_evidence", "RESTATES_KIND_SHARE", "reports_act", "bears_on_why", "held_through_evidence", "full_name"]

SHARED = 2
REPORTED = frozenset({"event", "statement"})
#: roles of a sentence that can be evidence for an explanation: what was done or said, and the background it came from
BEARING = REPORTED | {"background"}
#: the role of a hypothesis a source labels itself: attributed as the source's offer ("... offers: “Hypothesis B: ...”")
HYPOTHESIS_ROLE = "hypothesis"
#: evidence from a source this much older than the explanation's is of another time (days)
MAX_AGE_DAYS = 365
#: the explanations a brief lists when the sources report them in prose (``reported_explanations``), with any the
#: sources label themselves: competing explanations need two, and a third is usually a restatement
REPORTED_MAX = 3
#: at most this many of a source's own sentences for, and against, one of its hypotheses
EVIDENCE_MAX = 2
#: at most this many sentences for, and against, an explanation the sources report (``weighed``)
WEIGHED_MAX = 3
#: why a sentence of a source's structure is not quoted (``sentence_cues.junk_reason``); a short label is fine
_UNQUOTABLE = frozenset({"instruction", "long", "boilerplate", "glued", "question", "not prose"})


def _quotable(text: str) -> bool:
    return junk_reason(text) not in _UNQUOTABLE


#: the role of a source's labelled hypothesis by its standing in that source's own verdict (``Structure``'s
#: ``standing``): attributed as the source's judgement of it ("… judges better supported: “Hypothesis A: …”")
STANDING_ROLES = {"open": HYPOTHESIS_ROLE, "favoured": "hypothesis_favoured", "rejected": "hypothesis_rejected"}
#: the roles of a hypothesis a source labels itself, whatever its standing
SOURCE_HYPOTHESIS_ROLES = frozenset(STANDING_ROLES.values())


def source_claims(structures: Sequence[tuple[Segment, Structure]]) -> list[DraftClaim]:
    """One claim per hypothesis the sources label themselves (in evidence order, then the source's order), each
    with its source's sentences for and against it (``evidence_for``/``evidence_against``, at most EVIDENCE_MAX each)
    and its standing in the source's verdict as its role (``STANDING_ROLES``: the verdict's better-supported one is
    "hypothesis_favoured", the other "hypothesis_rejected"): a source that is itself an analytic brief states its
    hypotheses as judgements, and the brief carries them as judged. The source's verdict (``verdict``: its verdicts
    that name one of them, each once, at most EVIDENCE_MAX) is quoted once, on the source's last listed hypothesis.
    The verdict is never itself a hypothesis; a hypothesis whose statement could not be quoted (an instruction, a
    run-on) is left out, and so is one its source gives no evidence for or against and no verdict on: listed, it
    would be a bare offer, neither weighed nor judged."""
    out: list[DraftClaim] = []
    for seg, structure in structures:
        def quotes(spans) -> list[DraftClaim]:
            found = (seg.claim(s, "judgement") for s in spans if _quotable(s.text))
            return [c for c in found if c is not None][:EVIDENCE_MAX]

        mine: list[DraftClaim] = []
        verdicts: list = []
        for h in structure.hypotheses:
            claim = seg.claim(h.statement, STANDING_ROLES.get(h.standing, HYPOTHESIS_ROLE)) if _quotable(h.statement.text) else None
            if claim is None:
                continue
            claim.evidence_for, claim.evidence_against = quotes(h.support), quotes(h.against)
            if not (claim.evidence_for or claim.evidence_against or h.verdict is not None):
                continue  # neither weighed nor judged by its source: a bare offer
            if h.verdict is not None and all((v.start, v.end) != (h.verdict.start, h.verdict.end) for v in verdicts):
                verdicts.append(h.verdict)
            mine.append(claim)
        if mine:  # the verdict weighs the hypotheses against each other: said once, after the last of them
            mine[-1].verdict = quotes(verdicts)
        out += mine
    return out


def actors(text: str) -> set[str]:
    """The stems of the names (places, people, organisations) a sentence mentions."""
    return {t.stem for t in key_terms(text) if t.kind == "entity"}


def is_recent(published: str | None, reference: str | None) -> bool:
    """Whether an ISO date is not more than MAX_AGE_DAYS before ``reference`` (either unknown: True)."""
    a, b = iso_day(published), iso_day(reference)
    return a is None or b is None or (b - a).days <= MAX_AGE_DAYS


def same_time(evidence: Candidate, explanation: Candidate) -> bool:
    """Whether ``evidence``'s source is not more than MAX_AGE_DAYS older than ``explanation``'s (unknown dates: yes)."""
    return is_recent(evidence.passage.chunk.published, explanation.passage.chunk.published)


#: cue families that frame a statement (it reports, explains, hedges, contrasts, looks ahead) rather than say what it
#: is about: an explanation's "reasons" or "because" is not its subject, and a sentence sharing only the frame
#: ("There's no reason for any actions to be taken") does not bear on it
FRAME_FAMILIES = ("fact", "causal", "hedged", "contrary", "forward", "assumption", "signal")
_WORD_END = re.compile(r"[\w'’-]*")
#: where a sentence starts inside a quote (the text itself, or after the previous sentence's end)
_SENTENCE_START = re.compile(r"(?:^|[.!?…][\"'’”)\]]*\s+)[\"'‘“(\[]*$")


@cache
def _backward_opener() -> re.Pattern[str]:
    words = table("hypothesis_structure")["weighing"]["backward_openers"]
    return re.compile(r"(?:" + "|".join(words) + r")", re.I)


@cache
def _other_era() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(table("hypothesis_structure")["explanations"]["other_era"]) + r")", re.I)


@cache
def _explanation_cues(kind: str) -> re.Pattern[str]:
    return re.compile("|".join(table("hypothesis_structure")["explanations"][kind]), re.I)


def explains(text: str) -> bool:
    """Whether a sentence gives a reason or motive for an action ("the decision was based on a lack of trust",
    "suggestions that the move was driven by worsening ties"; ``hypothesis_structure.toml`` [explanations] reason;
    a motive critics allege, "critics say the licence is politically motivated", "... say it is linked to the
    election": ``alleged`` with ``disputed_reason``) and is no prescription (``prescribes``)."""
    if prescribes(text):
        return False
    if _explanation_cues("reason").search(text):
        return True
    alleged = _explanation_cues("alleged").search(text)
    return bool(alleged and _explanation_cues("disputed_reason").search(text, alleged.end()))


def denied(text: str) -> str | None:
    """The explanation a sentence states in order to deny it: its words after the denial ("They have rejected
    suggestions that the move was driven by worsening ties ..." -> "that the move was driven by worsening ties ...";
    ``hypothesis_structure.toml`` [explanations] denial, then reason or disputed_reason: "denied that the
    inspections were retaliation for ...", "dismissed claims it was linked to ..."); None when the sentence denies
    no explanation: a denial of a fact gives no reason ("denied that any shipments had been diverted"), and a
    disputed prescription is advice."""
    m = _explanation_cues("denial").search(text)
    if m is None or prescribes(text):
        return None
    rest = text[m.end():]
    if _explanation_cues("reason").search(rest) or _explanation_cues("disputed_reason").search(rest):
        return rest
    return None


def quote_denies(c: Candidate) -> bool:
    """Whether a quote states an explanation to deny it (``denied``), in itself or, quoted with its context, in its
    dependent sentence ("... Japanese officials have said ... They have rejected suggestions that ...")."""
    return denied(c.text) is not None


def _subject_stems(c: Candidate) -> set[str]:
    """The stems of what a quote says an explanation is: for a denial, of the explanation it denies (who denies it,
    and the context it is quoted with, are not what is denied); otherwise all of its stems."""
    rest = denied(c.text)
    return set(stems_of(rest)) if rest is not None else set(c.stems)


def lead_sentence(c: Candidate) -> str:
    """The sentence a quote stands on: the quote itself, or for a dependent sentence quoted with its context
    (``with_context``) the context before it ("‘... no intention of withdrawing it,’ Suga told a news conference.")."""
    return _parts(c)[0]


def _parts(c: Candidate) -> tuple[str, str]:
    """(the sentence a quote stands on, the dependent sentence quoted with it or "")."""
    if not c.with_context:
        return c.text, ""
    parts = [s.flat for s in split_sentences(c.text)]
    return (" ".join(parts[:-1]), parts[-1]) if len(parts) > 1 else (c.text, "")


#: roles of a dependent sentence that explains what its context reports: an interpretation, not a further report
#: ("He was responding to Moon's appeal ..." reports a response; "However, they also pointed out that ..., given that
#: the depreciation was driven by ..." is the analysts' explanation)
_INTERPRETING = frozenset({"judgement", "background"})


def quote_explains(c: Candidate) -> bool:
    """Whether a quote gives a reason or motive (``explains``): in the sentence it stands on (``lead_sentence``), or
    in the dependent sentence quoted with it when that sentence interprets rather than reports (the role classifier
    types it a judgement or background). A refusal followed by "He was responding to ... what he described as a
    politically motivated measure" states what happened."""
    lead, tail = _parts(c)
    if explains(lead):
        return True
    return bool(tail) and explains(tail) and classify([tail])[0].role in _INTERPRETING


def negates(text: str) -> bool:
    """Whether a sentence reports a finding that something was not so ("an emergency inspection found no sign of
    illegal transactions"; ``hypothesis_structure.toml`` [weighing] negated_finding)."""
    return bool(_negated_finding().search(text))


@cache
def _negated_finding() -> re.Pattern[str]:
    return re.compile("|".join(table("hypothesis_structure")["weighing"]["negated_finding"]), re.I)


def prescribes(text: str) -> bool:
    """Whether a sentence says what someone should do ("Japan should ...", "The government must improve ...",
    "it is essential that ..."): advice, which explains nothing that happened."""
    return bool(_explanation_cues("prescription").search(text))


#: roles of a sentence that can say why something happened: what someone says or judges was the reason, or the
#: background it came from. A forecast, a signal to watch or a gap cannot ("Any reciprocal actions ... in response to
#: ..." is an item of a watch list), and an event reports what was done, its purpose included ("US authorities have
#: asked Japan to join efforts aimed at curbing China's progress"), not why
_EXPLAINING = frozenset({"statement", "judgement", "background"})


def _says_why(c: Candidate) -> bool:
    """Whether a quote is of a role that can say why (``_EXPLAINING``), or reports someone saying why: a reason in
    a reporting frame with a named speaker is that speaker's explanation whatever role the classifier gives it
    ("Dutch officials said the ASML restrictions were based on national security ...", typed an event)."""
    if c.role in _EXPLAINING:
        return True
    lead = lead_sentence(c)
    return speaker(lead)[0] is not None and explains(lead)


def reported_explanations(cands: Sequence[Candidate], rel: np.ndarray, on_topic: np.ndarray, listed: Sequence[int],
                          topic: str, limit: int) -> list[int]:
    """Up to ``limit`` indices of on-topic sentences that give a reason or motive for the story's action
    (``explains``) and are not yet ``listed``: the explanations the sources report ("Japanese officials have said
    ... the decision ... was based on a lack of trust"; "They have rejected suggestions that the move was driven by
    worsening ties ..."), whoever they are quoted from, most relevant first. A sentence quoted in another section
    may be listed (an explanation reported as a development is still an explanation). Each is a different
    explanation: one that shares SHARED of its specific words with one already listed says the same thing; only a
    sentence that can say why (a statement, judgement or background, not an event, a forecast or a watch item; a
    sentence, not a caveat's label such as "Risk of deception in statements about the reasons for ...") that names
    one of the topic's terms (a "because" about something else, "With borders closed because of the Covid pandemic,
    most ministers attend by video link", explains no part of the story) is listed; a quote joined to its context
    explains only when the sentence it stands on gives the reason, or the dependent one interprets it
    (``quote_explains``: "‘The measure is not a subject for consultation ...,’ Suga told a news conference. He was
    responding to Moon's appeal ..., urging Tokyo to withdraw what he described as a politically motivated measure."
    states a refusal, what happened); one set in another era (``other_era``) or of another time than the newest on-topic source (``is_recent``) explains
    another story. The sources' own labelled hypotheses (``structure``) and titles are never listed here.

    An explanation a source states to deny it (``denied``: "They have rejected suggestions that the move was driven
    by worsening ties ...", of any role: the denial is what was done) is considered after the others: when what it
    denies says the same as one listed (SHARED specific words), it is that one's evidence against and is not
    listed; otherwise it is listed as a competing explanation, the denial its evidence against (``weigh``)."""
    newest = max((c.passage.chunk.published or "" for i, c in enumerate(cands) if on_topic[i]), default="")
    about = topic_stems(topic)
    chosen = list(listed)
    out: list[int] = []
    order = sorted(range(len(cands)), key=lambda i: (-round(float(rel[i]), 9), cands[i].key()))
    # the explanations the sources give first, then those they state to deny: a denial of one already listed is
    # that one's evidence against (``weigh``), not another explanation
    for denials in (False, True):
        for i in order:
            c = cands[i]
            if len(out) >= limit:
                break
            if quote_denies(c) is not denials:
                continue
            if (not on_topic[i] or i in chosen or c.is_title or c.structure is not None
                    or not denials and (not _says_why(c) or not quote_explains(c))  # a denial is what was done: any role
                    or is_noun_phrase(c.text) or other_era(c.text)
                    or not is_recent(c.passage.chunk.published, newest) or not c.stems & about):
                continue
            mine = _specific(c, topic)
            if any(cands[j].overlaps(c) or len(mine & _specific(cands[j], topic)) >= SHARED for j in chosen):
                continue
            out.append(i)
            chosen.append(i)
    return out


def _specific(c: Candidate, topic: str) -> set[str]:
    """What an explanation is about: the specific stems (``specific_stems``) of what it says the reason is
    (``_subject_stems``), less the words that frame it."""
    return specific_stems(_subject_stems(c), topic) - frame_stems(c.text)


def _specific_text(text: str, topic: str) -> set[str]:
    """``_specific`` of a quote's text."""
    rest = denied(text)
    return specific_stems(set(stems_of(rest if rest is not None else text)), topic) - frame_stems(text)


def other_era(text: str) -> bool:
    """Whether a sentence is set in another era ("During the Cold War period, ...", "in the 1990s"): history that is
    background to the story, not an explanation of it (``hypothesis_structure.toml`` [explanations])."""
    return bool(_other_era().search(text))


def frame_stems(text: str) -> set[str]:
    """The stems of the words of ``text`` that only frame it (``FRAME_FAMILIES`` cue words: "reasons", "because",
    "said", "could", "however")."""
    out: set[str] = set()
    for family in FRAME_FAMILIES:
        for m in CUES[family].finditer(text):
            end = _WORD_END.match(text, m.end()).end()  # the whole last word of a stem or phrase ("in response to")
            out |= set(stems_of(text[m.start():end]))
    return out


def contradicts(text: str) -> bool:
    """Whether a sentence states a contrast within itself ("Beijing denied ...", "... despite ...", "..., but
    ...", "Although ..., ..."): a "But"/"However" that only opens the sentence (``hypothesis_structure.toml``
    ``[weighing] backward_openers``) answers the sentence before it in its own source, not an explanation the brief
    lists."""
    for m in CUES["contrary"].finditer(text):
        if not (_SENTENCE_START.search(text[:m.start()]) and _backward_opener().match(text, m.start())):
            return True
    return False


def specific_stems(stems: set[str], topic: str) -> set[str]:
    """The content stems of a sentence that are not the topic's key terms or words (nor stopwords, nor shorter than 4)."""
    own = topic_stems(topic)  # its stopwords and numbers are excluded below anyway
    return {s for s in stems if len(s) >= 4 and s not in own and s not in LIGHT_STEMS and not s.isdigit()}


def weigh(h: int, cands: Sequence[Candidate], sims: np.ndarray, on_topic: np.ndarray, taken: Sequence[int],
          topic: str) -> tuple[int | None, int | None]:
    """(index of the best evidence for, index of the best evidence against) candidate ``h``, or None each; never
    a sentence in ``taken`` (the other explanations) or one overlapping ``h``. A sentence quoted in another section
    (a key development) may be evidence; background bears on an explanation as much as a reported event does
    ("Japan's trade measures followed South Korean court rulings ..." for a political motive).

    Against: a sentence about the same thing that contradicts itself (``contradicts``) or reports a finding that
    something was not so (``negates``); or, when none does, a negated finding about what a sentence bearing on the
    explanation asserts (``against_by_way_of``: "an emergency inspection found no sign of illegal transactions"
    against Tokyo's security reason, by way of Abe's hint of "illegal transfers of sensitive materials"). A denial
    (``denied``) bears on the explanation it denies and on no other: it is against ``h`` when what it denies shares
    SHARED of ``h``'s specific words; an explanation a source states only to deny it ("They have rejected suggestions
    that the move was driven by ...") has, when no other sentence is against it, that denial itself (``h``)."""
    hyp = cands[h]
    subject = _specific(hyp, topic)
    names = actors(hyp.text)
    need = min(SHARED, len(names))
    pool = [i for i in range(len(cands)) if on_topic[i]]
    df = {s: sum(1 for i in pool if s in cands[i].stems) for s in subject}
    idf = {s: math.log((len(pool) + 1) / (df[s] + 0.5)) for s in subject}
    shared = [sum(idf[s] for s in subject & c.stems) for c in cands]
    best_for = best_against = None
    bearing: list[int] = []
    for i in sorted(range(len(cands)), key=lambda i: (-round(shared[i], 9), -float(sims[h, i]), i)):
        c = cands[i]
        # a denial bears on the explanation it denies only: what it shares is read in that explanation's words
        said = _subject_stems(c)
        if i == h or not on_topic[i] or i in taken or c.overlaps(hyp) or c.is_title or len(subject & said) < SHARED:
            continue
        if len(subject & (said - frame_stems(c.text))) < SHARED:
            continue  # what it shares is how it is said ("warnings" / "warned"), not what it is about
        if c.doc_id != hyp.doc_id and (len(names & c.stems) < need or not same_time(c, hyp) and c.role != "background"):
            continue  # another source's sentence about other actors, or of another time (unless it is background)
        if quote_denies(c) or "contrary" in c.cues and contradicts(c.text) or negates(c.text):
            best_against = i if best_against is None else best_against
        elif c.role in BEARING and bears_on_why(c):  # an opening "But ..." answers its own source's sentence before
            best_for = i if best_for is None else best_for
            bearing.append(i)
    if best_against is None and quote_denies(hyp):
        best_against = h  # the source states the explanation to deny it: the denial, attributed, is against it
    if best_against is None:
        best_against = against_by_way_of(h, bearing, cands, on_topic, taken, topic)
    return best_for, best_against


def against_by_way_of(h: int, bearing: Sequence[int], cands: Sequence[Candidate], on_topic: np.ndarray,
                      taken: Sequence[int], topic: str) -> int | None:
    """The first on-topic sentence that reports a finding that something was not so (``negates``) and shares a
    rare specific word (one that at most two on-topic sentences use: those two speak of one thing) with a sentence
    ``bearing`` on explanation ``h``, and names its actors as evidence must; None when there is none. "found no sign
    of illegal transactions" shares "illegal" with "... hinted that there might have been illegal transfers of
    sensitive materials ...", which bears on the security reason."""
    hyp = cands[h]
    names = actors(hyp.text)
    need = min(SHARED, len(names))
    pool = [i for i in range(len(cands)) if on_topic[i]]
    df: dict[str, int] = {}
    for i in pool:
        for st in specific_stems(cands[i].stems, topic):
            df[st] = df.get(st, 0) + 1
    rare = [{st for st in specific_stems(cands[b].stems, topic) - frame_stems(cands[b].text) if df.get(st, 0) <= 2}
            for b in bearing]
    for i in pool:
        c = cands[i]
        if i == h or i in taken or i in bearing or c.overlaps(hyp) or c.is_title or not negates(c.text) or quote_denies(c):
            continue  # a denial of an explanation is against that explanation only (``weigh``)
        if c.doc_id != hyp.doc_id and (len(names & c.stems) < need or not same_time(c, hyp)):
            continue
        mine = specific_stems(c.stems, topic) - frame_stems(c.text)
        if any(mine & r for r in rare):
            return i
    return None


@cache
def _motive_patterns() -> dict[str, re.Pattern[str]]:
    return {kind: re.compile("|".join(p), re.I) for kind, p in table("hypothesis_structure")["motives"].items()}


def motives(text: str) -> frozenset[str]:
    """The kinds of motive a text names (``hypothesis_structure.toml`` [motives]: security, political, economic,
    criminal, state, environment): "a lack of trust that posed a risk to national security" -> {"security"};
    "court rulings ... for forced World War II labor" -> {"political"}; empty when it names none."""
    return frozenset(k for k, rx in _motive_patterns().items() if rx.search(text))


@cache
def _disputing() -> re.Pattern[str]:
    return re.compile("|".join(table("hypothesis_structure")["disputing"]["patterns"]), re.I)


def disputes(text: str) -> bool:
    """Whether a sentence disputes what someone suggested, did or found ("summoned a Japanese embassy official to
    protest Abe's suggestion that ...", "found no sign of ..."; ``hypothesis_structure.toml`` [disputing])."""
    return bool(_disputing().search(text))


def _said_motives(c: Candidate) -> frozenset[str]:
    """The motives a quote names in what it says the reason is: a denial in the words it denies."""
    return _said_motives_of(c.text)


def _said_motives_of(text: str) -> frozenset[str]:
    rest = denied(text)
    return motives(rest if rest is not None else text)


@cache
def _reason_or_disputed() -> re.Pattern[str]:
    ex = table("hypothesis_structure")["explanations"]
    return re.compile("|".join(ex["reason"] + ex["disputed_reason"]), re.I)


def stated(c: Candidate) -> Stance:
    """The explanation a listed quote gives or denies, as a short claim with who holds it and who denies it
    (``hypothesis_stance.stance``)."""
    return stated_in(c.text)


def stated_in(text: str) -> Stance:
    """``stated`` of a quote's text."""
    return stance(text, _reason_or_disputed(), _explanation_cues("denial"))


def weighed(h: int, cands: Sequence[Candidate], sims: np.ndarray, on_topic: np.ndarray, taken: Sequence[int],
            topic: str) -> tuple[list[int], list[int]]:
    """(indices of the evidence for, of the evidence against) explanation ``h``, at most WEIGHED_MAX each: the
    best of each by shared words (``weigh``), then every on-topic sentence that names the same kind of motive
    (``motives``) by its content, nearest in meaning first: against when it disputes, contradicts or denies it
    (``disputes``, ``contradicts``, ``quote_denies``), for when it reports, states or gives the background of it
    (``BEARING``). "Japan's trade measures followed South Korean court rulings ordering Japanese firms to compensate
    ... for forced World War II labor" shares no word with "the move was driven by worsening ties ... related to
    historical issues" and is evidence for it; Moon's "what he described as a politically motivated measure" too.

    A sentence that names a motive of another listed explanation (``taken``) that ``h`` does not name bears on that
    one, not on ``h``; a sentence never counts twice, nor one overlapping ``h`` or evidence already chosen; another
    source's sentence must name ``h``'s actors and be of its time, as in ``weigh``."""
    pro, con = weigh(h, cands, sims, on_topic, taken, topic)
    fors = [pro] if pro is not None else []
    against = [con] if con is not None else []
    hyp = cands[h]
    mine = _said_motives(hyp)
    if not mine:
        return fors, against
    others = frozenset().union(*(_said_motives(cands[j]) for j in taken if j != h)) - mine
    names = actors(hyp.text)
    need = min(SHARED, len(names))
    for i in sorted(range(len(cands)), key=lambda i: (-float(sims[h, i]), i)):
        c = cands[i]
        if i == h or not on_topic[i] or i in taken or c.is_title or c.overlaps(hyp) or i in fors or i in against:
            continue
        if any(c.overlaps(cands[j]) for j in fors + against):
            continue
        said = _said_motives(c)
        if not said & mine or said & others:
            continue
        if c.doc_id != hyp.doc_id and (len(names & c.stems) < need or not same_time(c, hyp) and c.role != "background"):
            continue
        if quote_denies(c) or disputes(c.text) or negates(c.text) or "contrary" in c.cues and contradicts(c.text):
            if len(against) < WEIGHED_MAX:
                against.append(i)
        elif c.role in BEARING and len(fors) < WEIGHED_MAX and bears_on_why(c):
            fors.append(i)
    return fors, against


def evidence_claim(i: int, h: int, cands: Sequence[Candidate]) -> DraftClaim:
    """Candidate ``i`` as evidence on explanation ``h``: its quote, with ``statement`` the clause of it that bears on
    the explanation (``bearing_clause``), so that a later mention of a passage quoted before can show the words that
    matter (``quoted_once``)."""
    claim = cands[i].claim()
    claim.statement = bearing_clause(claim.text, cands[h].text)
    return claim


def bearing_clause(text: str, explanation: str) -> str | None:
    """The clause of evidence ``text`` that bears on ``explanation`` (the quote it was listed from): ``clause_of``
    the first match of the motive kinds the explanation names, of a denial, a dispute or a negated finding ("South
    Korean Minister ... said that an “emergency inspection” found no sign of illegal transactions" -> its last
    clause), read in the sentences that do more than report the act (``reports_act``); None when none matches and
    every sentence bears (the whole quote is what bears)."""
    kinds = _said_motives_of(explanation)
    # the clause is read in the sentences that bear on why: a sentence of the quote that only reports the act is not it
    why = [s.text for s in split_sentences(text) if not reports_act(s.text)]
    bearing = text if len(why) in (0, len(split_sentences(text))) else " ".join(why)
    rx = [_motive_patterns()[k] for k in sorted(kinds)] + [_disputing(), _negated_finding(), _explanation_cues("denial")]
    for pattern in rx:
        if pattern.search(bearing):
            return clause_of(bearing, pattern)
    if bearing is not text and why:
        return _tidy_sentence(why[0])
    return None


def _tidy_sentence(text: str) -> str:
    return text.strip().rstrip(".").strip()


@cache
def _acts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    acts = table("hypothesis_structure")["acts"]
    return re.compile("|".join(acts["verbs"]), re.I), re.compile("|".join(acts["reason_links"]), re.I)


#: where a sentence's main clause ends: its first comma, semicolon or "that"
_MAIN_CLAUSE_END = re.compile(r"[,;:]|\bthat\b")


def reports_act(sentence: str) -> bool:
    """Whether a sentence only reports a measure being taken (``hypothesis_structure.toml`` [acts]): its main clause
    (or that of what its speaker says: "the ministry said it imposed …") has a verb of a measure ("tightened",
    "imposed", "banned", "added … to its entity list"), it gives no reason (``explains``), disputes or finds nothing, and no reason link
    introduces a motive after the verb ("…, citing national security", "over espionage concerns"). "Tokyo last week
    tightened the approval process for … sensitive materials to South Korean companies" reports the act an
    explanation of the curbs explains: it is no evidence for why they were imposed."""
    verbs, links = _acts()
    act = None
    for text in dict.fromkeys((sentence, speaker(sentence)[1])):  # "X said it imposed …" reports the act too
        end = _MAIN_CLAUSE_END.search(text)
        act = verbs.search(text[:end.start()] if end else text)
        if act is not None:
            rest = text[act.end():]
            break
    if act is None or explains(sentence):
        return False
    besides = text[:act.start()] + text[act.end():]  # "denied … approval" is the act, not a denial of it
    if disputes(besides) or negates(besides):
        return False
    return not any(motives(rest[m.end():]) for m in links.finditer(rest))


def bears_on_why(c: Candidate) -> bool:
    """Whether a quote can be evidence for why something happened: at least one of its sentences does more than
    report the act explained (``reports_act``)."""
    return not all(reports_act(s.text) for s in split_sentences(c.text))


#: an asserted clause states an explanation when it holds at least this share of what the explanation says the
#: reason is (``_specific``): Moon's "what he described as a politically motivated measure" shares none of "the move
#: was driven by worsening ties between the two nations related to historical issues", though both are political
RESTATES_SHARE = 0.5


def held_through_evidence(h: int, fors: Sequence[int], cands: Sequence[Candidate], topic: str) -> str | None:
    """Who asserts explanation ``h`` when its own quote names no one: the speaker of a sentence that states it.

    That is the sentence just before it in its passage when that sentence's reporting frame is left open for it
    ("When asked …, J. Michael Cole, a Taipei-based senior fellow …, said" then "That's because …": ``opens_for``),
    or a piece of evidence for (``fors``) whose asserted clause (``hypothesis_stance.asserted_by`` of the clause
    ``evidence_claim`` finds) restates it: RESTATES_SHARE of its specific stems. Evidence that only bears on it (a
    motive of the same kind, a word in common) is someone's words, not their holding this explanation: None then,
    as for a report's own sentences."""
    hyp = cands[h]
    texts = [c.text for c in cands]
    for c in cands:
        if opens_for(c, hyp) and (who := speaker(c.text)[0]):
            return full_name(who, texts)
    who = holder_in_evidence(hyp.text, [cands[i].claim().text for i in fors], topic)
    return full_name(who, texts) if who else None


#: an asserted clause that names a kind of motive the explanation names (``motives``) states it with this share of
#: its specific stems: Landsbergis's "the block was retaliation for the Taiwan office in Vilnius" states "The block is
#: widely believed to be retaliation for Lithuania allowing Taiwan to open a representative office in Vilnius …"
RESTATES_KIND_SHARE = 0.3


@cache
def _unnamed_frames() -> re.Pattern[str]:
    return re.compile("|".join(table("hypothesis_structure")["holders"]["unnamed_frames"]), re.I)


def holder_in_evidence(explanation: str, evidence_for: Sequence[str], topic: str) -> str | None:
    """Who asserts the explanation listed from quote ``explanation``, read from its evidence for (quotes, best
    first), measured on labelled items (``evals/holder_labels.py``, ``evals/datasets/hypothesis_holders.jsonl``):

    - the speaker (``hypothesis_stance.asserted_by``) of the first whose bearing clause (``bearing_clause``) restates
      it: RESTATES_SHARE of its specific stems (the words of a frame that names no one, "widely believed to be",
      ``[holders] unnamed_frames``, left out), or RESTATES_KIND_SHARE when the clause names a kind of motive the
      explanation names ("Trade Minister Simon Birmingham said the duties were retaliation for …");
    - else the speaker of a characterisation of the act (``hypothesis_stance.characterisation``) that names a motive
      the explanation names *and* one of its specific words: Weidemann's "what he described as a politically motivated
      tariff" holds "suggestions that the duties were politically motivated".

    None when no evidence does: a report's own sentence that bears on it (court rulings), a speaker talking of
    something else (Cole on how others will respond, not on why the island matters), or one who names only the kind
    of motive of a more specific explanation: Moon's "a politically motivated measure" does not hold "suggestions
    that the move was driven by worsening ties … related to historical issues" (the suggestions' holders are not
    named; Moon's words bear on it, s34: a holder is who the sentences say holds it, not a nearby name). A place the
    characterisation names is a party, not a motive's words (Peskov's "attack on Russian business" and "a row with
    Moscow")."""
    subject = _specific_text(_unnamed_frames().sub(" ", explanation), topic)
    kinds = _said_motives_of(explanation)
    if not subject:
        return None
    for text in evidence_for:
        clause = bearing_clause(text, explanation)
        who = asserted_by(text, clause)
        if not who:
            continue
        said = clause or text
        restated = specific_stems(set(stems_of(said)), topic) - frame_stems(said) & subject
        share = RESTATES_KIND_SHARE if motives(said) & kinds else RESTATES_SHARE
        if len(restated) >= share * len(subject):
            return who
    for text in evidence_for:
        found = characterisation(text)
        if found is not None and motives(found[1]) & kinds and _specific_text(_without_places(found[1]), topic) & subject:
            return found[0]
    return None


def _without_places(text: str) -> str:
    """``text`` with its place names cut ("an attack on Russian business" -> "an attack on  business"): a party named
    is not what a motive is (Peskov's "Russian" does not restate a "row with Moscow")."""
    for m in reversed(place_mentions(text)):
        text = text[:m.start] + text[m.end:]
    return text


def opens_for(frame: Candidate, c: Candidate) -> bool:
    """Whether ``frame`` is the sentence just before ``c`` in its passage and ends in a reporting frame left open
    for what follows ("…, a senior fellow with Global Taiwan Institute said" with no full stop, "Officials said:"):
    ``c`` is then what its speaker said."""
    if frame.chunk_id != c.chunk_id or not 0 <= c.local_start - frame.local_end <= 3:
        return False
    text = frame.text.rstrip()
    who, rest = speaker(text)
    return bool(who) and not text.endswith((".", "!", "?", "”", '"', "’")) and len(rest) < len(text)


def full_name(who: str, texts: Sequence[str]) -> str:
    """A one-word name as the sources give it in full, its given name after it ("Moon" -> "Moon Jae-in", from
    "President Moon Jae-in urged …"); ``who`` itself when it is longer or no text extends it."""
    if " " in who or not who[:1].isupper():
        return who
    rx = re.compile(rf"(?<![\w-]){re.escape(who)}((?:[ -][A-Z][\w-]*){{1,2}})(?![\w-])")
    longer = [m.group(0) for t in texts for m in rx.finditer(t)]
    return max(longer, key=longer.count) if longer else who
