"""Modality: what the passage only plans, expects or allows, against what the claim says happened or will happen.

``modality_mismatch``: the window governs a verb with a modality cue ("plans to build", "could resume",
``rag/text/data/modality_cues.txt``) that the claim states with no cue at all ("built"). ``hedge_hardened``: the
window only allows it ("could resume") and the claim says it will happen ("will resume", "said it would resume";
cue strengths: ``modality_strength.toml``; what a cue's scope leaves to the claim: ``modality_scope.toml``). A cue
governs the first content token within ``MODAL_REACH`` tokens after it (``modality_mismatch``: the first
``MODAL_VERBS``); an "-ing" verb of the class of an "-ing" cue is a cue too ("is weighing a ban" as "is considering a ban":
``verb_classes.toml``), so a claim that says "weighing" for the passage's "considering" keeps the hedge. A claim
told through a hedging report verb of its own ("Abe hinted at illegal transfers") keeps an epistemic hedge ("might
have been illegal"; ``modality_scope.toml``'s ``report_hedges`` and ``epistemic``). ``hedge_dropped``: the claim
copies a sentence and drops the hedge or plan on one of its verbs ("began shipping" for "could begin shipping"), a
conflict the checker vetoes (``features.window_signals``' ``hardened``), where a freely reworded claim's
``modality_mismatch`` is only weighed.
"""

from __future__ import annotations

from typing import Iterator

from rag.support.edits import EDITED_COPY, alignment
from rag.support.lexicon import NEGATORS, STOPWORDS
from rag.support.polarity import polarity_tokens, predicate_lemma
from rag.text.lexicon import table, word_list

MODAL_REACH = 4  # tokens after a modal cue that it governs
MODAL_VERBS = 2  # content tokens in that reach a cue may govern ("could soon send", "may begin to shrink")
_MODAL_CUES = tuple(tuple(c.split()) for c in word_list("modality_cues"))
_SCOPE = table("modality_scope")
_FUTURE = tuple(tuple(c.split()) for c in _SCOPE["future"])
_CLAIM_HEDGES = tuple(tuple(c.split()) for c in _SCOPE["claim_hedges"])
_REPORTED_FUTURE = frozenset(_SCOPE["reported_future"])
_REPORTED_CUES = frozenset(_SCOPE["reported_cues"])
_SCHEDULES = tuple(tuple(c.split()) for c in _SCOPE["schedules"])
REPORT_REACH = 4  # tokens before a reported "would" its report verb may stand ("said on Sunday it would")
_REPORT_HEDGES = frozenset(predicate_lemma(v) for v in _SCOPE["report_hedges"])
_EPISTEMIC = frozenset(_SCOPE["epistemic"])
_STRENGTH = table("modality_strength")
_POSSIBLE = tuple(tuple(c.split()) for c in _STRENGTH["possible"])
_CERTAIN = tuple(tuple(c.split()) for c in _STRENGTH["certain"])
# the verb classes of the "-ing" cues ("considering"): "weighing", "mulling" hedge as they do
_ING_CUE_LEMMAS = frozenset(predicate_lemma(c[0]) for c in _MODAL_CUES + _POSSIBLE
                            if len(c) == 1 and c[0].endswith("ing"))


def _by_first_word(cues: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """``cues`` grouped by their first word (each list is read once per token, so only a token's own cues are
    compared); built once per cue list."""
    found = _CUE_INDEX.get(id(cues))
    if found is None or found[0] is not cues:
        index: dict[str, list[tuple[str, ...]]] = {}
        for c in cues:
            if c:
                index.setdefault(c[0], []).append(c)
        found = _CUE_INDEX[id(cues)] = (cues, {w: tuple(cs) for w, cs in index.items()})
    return found[1]


_CUE_INDEX: dict[int, tuple[tuple[tuple[str, ...], ...], dict[str, tuple[tuple[str, ...], ...]]]] = {}


def _cue_length(toks: list[str], at: int, cues: tuple[tuple[str, ...], ...]) -> int:
    """Tokens of the cue of ``cues`` that starts at ``toks[at]`` (the longest), or of an "-ing" verb of the class of
    a cue's own "-ing" verb ("weighing", "mulling" as "considering": ``verb_classes.toml``), else 0."""
    starting = _by_first_word(cues).get(toks[at], ())
    n = max((len(c) for c in starting if tuple(toks[at : at + len(c)]) == c), default=0)
    if not n and toks[at].endswith("ing") and toks[at][:1].isalpha() and predicate_lemma(toks[at]) in _ING_CUE_LEMMAS:
        n = 1
    return n


def _modal_heads(toks: list[str], cues: tuple[tuple[str, ...], ...] | None = None, verbs: int = 1) -> list[tuple[int, int]]:
    """(cue start, governed token) pairs: the first ``verbs`` content tokens within ``MODAL_REACH`` tokens after a
    cue (``cues``: the modality cues by default), up to a punctuation mark."""
    cues = _MODAL_CUES if cues is None else cues
    out = []
    for i in range(len(toks)):
        n = _cue_length(toks, i, cues)
        if n:
            found = 0
            for j in range(i + n, min(len(toks), i + n + MODAL_REACH)):
                if not toks[j][:1].isalpha():
                    break
                if toks[j] not in STOPWORDS:
                    out.append((i, j))
                    found += 1
                    if found == verbs:
                        break
    return out


def _keeps_hedge(toks: list[str]) -> bool:
    """Whether a claim hedges or plans itself: a modality cue, a word of ``claim_hedges`` or a verb of an "-ing"
    cue's class in any form ("weighed")."""
    return any(_cue_length(toks, i, _MODAL_CUES) or _cue_length(toks, i, _CLAIM_HEDGES)
               or (toks[i][:1].isalpha() and predicate_lemma(toks[i]) in _ING_CUE_LEMMAS) for i in range(len(toks)))


def _hedged_report_at(toks: list[str], i: int) -> bool:
    """Whether ``toks[i]`` is a hedging report verb (``modality_scope.toml``'s ``report_hedges``: "hinted",
    "has suggested", "alleged") in a form that says the act happened or after an auxiliary, not a noun ("the claims")."""
    t = toks[i]
    return bool(t[:1].isalpha() and predicate_lemma(t) in _REPORT_HEDGES
                and (done_form(t) or i and toks[i - 1] in ("has", "have", "had")))


def _reports_hedged(toks: list[str]) -> bool:
    """Whether a claim tells its content through a hedging report verb of its own ("Abe hinted at", "has suggested
    that", "alleged that": ``_hedged_report_at``)."""
    return any(_hedged_report_at(toks, i) for i in range(len(toks)))


def _hedge_frames(toks: list[str]) -> list[tuple[int, int]]:
    """(report verb, governed token) pairs of a window's hedging report verbs ("have suggested they have exhausted",
    "alleged that members had accepted"): the first content token, adverbs skipped ("alleged he was physically
    [...] abused"), within ``MODAL_REACH`` + 2 tokens after a verb of ``report_hedges`` said as done
    (``_hedged_report_at``)."""
    out = []
    for i in range(len(toks)):
        if not _hedged_report_at(toks, i):
            continue
        for j in range(i + 1, min(len(toks), i + 3 + MODAL_REACH)):
            if not toks[j][:1].isalpha():
                break
            if toks[j] not in STOPWORDS and not (toks[j].endswith("ly") and len(toks[j]) > 4):
                out.append((i, j))
                break
    return out


def done_form(word: str) -> bool:
    """Whether a verb form says the act happened: a past tense or participle that is not also the base form
    ("reopened", "took"; not "reopens", "cut")."""
    from lemminflect import getAllLemmas, getInflection  # tables load once, on the first call

    for lemma in getAllLemmas(word, upos="VERB").get("VERB", ()):
        if word != lemma and word in (*getInflection(lemma, tag="VBD"), *getInflection(lemma, tag="VBN")):
            return True
    return False


def modality_mismatch(claim: str, window: str) -> str | None:
    """A reason when the window only plans, expects or allows a verb the claim states as done, else None."""
    return next((reason for reason, _ in _conflicts(claim, window)), None)


def _conflicts(claim: str, window: str) -> Iterator[tuple[str, int]]:
    """``modality_mismatch``'s conflicts in window order: (reason, the index of the governed token in
    ``polarity_tokens(window)``), the modality cues' first, then the hedging report frames'."""
    ct = polarity_tokens(claim)
    if _keeps_hedge(ct):
        return
    claim_forms: dict[str, list[str]] = {}  # predicate lemma -> the claim's forms of it
    for t in ct:
        if t[:1].isalpha() and t not in STOPWORDS:
            claim_forms.setdefault(predicate_lemma(t), []).append(t)
    wt = polarity_tokens(window)
    reported = _reports_hedged(ct)
    done = any(t[:1].isalpha() and done_form(t) for t in ct)
    for i, j in _modal_heads(wt, verbs=MODAL_VERBS):
        if any(t in NEGATORS for t in wt[i : j + 1]):  # "would not confirm": a refusal, for the polarity check
            continue
        if reported and wt[i] in _EPISTEMIC:  # "hinted at illegal transfers" for "hinted ... might have been illegal"
            continue
        lemma = predicate_lemma(wt[j])
        if lemma not in claim_forms or len(lemma) < 3:
            continue
        # a plain future ("will reopen", or a reported one with a start: "said it would ban ... from December 1") is
        # said faithfully in the present ("reopens"): only "reopened" conflicts; a reported one only for a claim
        # that says nothing as done ("China's ban took effect in December 2024" tells the announced ban as past)
        future = any(tuple(wt[i : i + len(c)]) == c for c in _FUTURE) or _scheduled_report(wt, i) and not done
        if future and not any(done_form(t) for t in claim_forms[lemma]):
            continue
        yield "modality: passage says '" + " ".join(wt[i : j + 1]) + "'", j
    if not reported:  # the passage's hedging report frame dropped: "have exhausted" for "have suggested they have exhausted"
        for i, j in _hedge_frames(wt):
            lemma = predicate_lemma(wt[j])
            if lemma in claim_forms and len(lemma) >= 3 and predicate_lemma(wt[i]) not in claim_forms:
                yield "modality: passage says '" + " ".join(wt[i : j + 1]) + "'", j


def _scheduled_report(wt: list[str], i: int) -> bool:
    """Whether the cue at ``wt[i]`` is a reported future with a schedule (``modality_scope.toml``'s
    ``reported_future``): "would" within ``REPORT_REACH`` tokens after a report verb ("said on Sunday it would ban"),
    in a text that gives a start ("with effect from December 1", "starting January 15")."""
    return _reported(wt, i) and _scheduled(wt)


def _reported(wt: list[str], i: int) -> bool:
    """Whether ``wt[i]`` is a reported-future cue ("would") with a report verb within ``REPORT_REACH`` tokens before."""
    return wt[i] in _REPORTED_CUES and any(t in _REPORTED_FUTURE for t in wt[max(0, i - REPORT_REACH) : i])


def _scheduled(wt: list[str]) -> bool:
    """Whether the tokens ``wt`` give a start of an act (``schedules``: "with effect from", "starting", "from")."""
    return any(tuple(wt[k : k + len(c)]) == c for k in range(len(wt)) for c in _SCHEDULES)


def scheduled_frame(skipped: list[str], sentence: str) -> bool:
    """Whether ``skipped`` (lower-cased words a near-copied claim leaves out of ``sentence``) is the frame of a
    reported future, ending on its cue, in a sentence with a schedule: "[said on Sunday it would] ban exports ...,
    with effect from December 1" read as "China bans exports from December 1" (``_scheduled_report``)."""
    return bool(skipped) and _reported(skipped, len(skipped) - 1) and _scheduled(polarity_tokens(sentence))


def hedge_dropped(claim: str, sentence: str) -> str | None:
    """A reason when the claim is an edited copy of ``sentence`` (at least ``edits.EDITED_COPY`` of its tokens
    aligned, ``edits.alignment``: a reworded run of function words, as the hedge's own edit leaves, counts) that
    drops the hedge or plan the sentence puts on a verb: "Tokyo Electron began shipping the tools in March" for "… said it could begin shipping the tools as early as March", "has reopened the park" for "plans to
    reopen the park", "have exhausted" for "have suggested they have exhausted" (``modality_mismatch``'s conflicts).
    Not when the sentence also tells the act without a cue ("Hitachi cut 2,000 jobs" from "Hitachi cut 2,000 jobs
    last year and may cut more"; "recalled its ambassador" from "…, which had threatened to recall its ambassador,
    recalled him"), nor on a cue's second word after a verb of its own ("its ambassador" of "threatened to expel its
    ambassador": the object, not the act), nor for a free restatement (the fitted model weighs ``modality`` there:
    a summary that states as fact what its article hedges is sometimes judged faithful). Else None."""
    # the copy is read through the hedge's own edit: dropping "could be" or "expected to" puts other function words
    # or another form of the verb in its place ("has been targeted", "declined"), which a token-level share counts
    # against the copy; ``edits.alignment`` counts such rewordings as aligned ("Seoul has been drawn into the trade
    # dispute for hosting the summit" for "… concern that Seoul could be drawn into the trade dispute if it hosts the
    # summit": 0.67 of its tokens, all its words)
    if alignment(claim, sentence).share < EDITED_COPY:
        return None
    conflicts = list(_conflicts(claim, sentence))
    if not conflicts:
        return None
    wt = polarity_tokens(sentence)
    heads = _modal_heads(wt, verbs=MODAL_VERBS) + _hedge_frames(wt)
    plain = _told_plainly(wt, heads)
    scopes: dict[int, list[int]] = {}  # cue -> the tokens it governs, in order
    for i, j in heads:
        scopes.setdefault(i, []).append(j)
    for reason, j in conflicts:
        for scope in (sc for sc in scopes.values() if j in sc):
            if predicate_lemma(wt[scope[0]]) in plain or predicate_lemma(wt[j]) in plain:  # told without the cue too
                continue
            if j != scope[0] and _verb_word(wt[scope[0]]):  # "expel its ambassador": the second word is the object
                continue
            return reason + ", the claim copies it without the hedge"
    return None


# words before a verb's base form that leave its act unstated ("to reduce", "did not", "help cut"): no present tense
_UNSTATED = frozenset(_SCOPE["unstated_before"])


def _told_plainly(wt: list[str], heads: list[tuple[int, int]]) -> set[str]:
    """The predicate lemmas of the content words of ``wt`` that no cue of ``heads`` (cue, governed token) governs:
    the acts the text also tells without a hedge ("Hitachi cut 2,000 jobs last year and may cut more")."""
    governed = {j for _, j in heads}
    return {predicate_lemma(t) for k, t in enumerate(wt) if k not in governed and t[:1].isalpha() and t not in STOPWORDS}


def stated_as_done(claim: str, window: str) -> str | None:
    """A reason when a reworded claim states as having happened, or as happening, an act the window only allows,
    plans or expects (``modality_mismatch``'s conflicts) and the claim's word for it is a verb said as done or in the
    present ("shrinks" for "may begin to shrink", "paid" for "would pay", "has chipped away" for "could chip
    away"): the window's governed word can be the cue's verb, and the claim's form of it is a past tense or
    participle (``done_form``), a present "-s" form or a base form after no "to" or auxiliary (``unstated_before``).
    A conflict on a noun or a name the two share ("could accelerate China's", "may have been a failed ICBM") is
    left to the weighed ``modality``, and so is an act the window also tells without a cue (``_told_plainly``, as
    ``hedge_dropped`` reads it). Else None."""
    ct, wt = polarity_tokens(claim), polarity_tokens(window)
    first = {j for _, j in _modal_heads(wt)}  # the first word each cue governs
    plain = _told_plainly(wt, _modal_heads(wt, verbs=MODAL_VERBS) + _hedge_frames(wt))
    for reason, j in _conflicts(claim, window):
        # the cue's verb: its first governed word, or a later one after "to" or an adverb ("may begin to shrink",
        # "may have sexually assaulted"); not the verb's object ("may raise fares")
        if not _verb_word(wt[j]) or not (j in first or wt[j - 1] == "to" or wt[j - 1].endswith("ly")):
            continue
        lemma = predicate_lemma(wt[j])
        if lemma in plain:  # the window tells the act without the cue too ("recalled 40,000 … and could recall more")
            continue
        for k, t in enumerate(ct):
            if predicate_lemma(t) != lemma or t in STOPWORDS:
                continue
            # a present form: "-s", or the base form after no "to" or auxiliary ("longer days reduce scores")
            present = t.endswith("s") and t != lemma or t == lemma and k and ct[k - 1] not in _UNSTATED
            if done_form(t) or present:
                return f"{reason}, the claim '{t}'"
    return None


def _verb_word(word: str) -> bool:
    """Whether ``word`` can be a verb ("expel", "begin"; not "soon", "likely", "ambassador"): lemminflect's tables."""
    from lemminflect import getAllLemmas  # tables load once, on the first call

    return bool(getAllLemmas(word, upos="VERB"))


def hedge_hardened(claim: str, window: str) -> str | None:
    """A reason when the window only allows a verb ("could resume") that the claim says will happen ("will
    resume", "said it would resume"), else None; cue strengths: ``modality_strength.toml``. A claim that hedges
    the verb itself ("will likely resume", "could resume") or says less than the window is no conflict."""
    ct, wt = polarity_tokens(claim), polarity_tokens(window)
    possible = {}  # window lemma -> the window's words for it ("could resume")
    for i, j in _modal_heads(wt, _POSSIBLE):
        if not any(t in NEGATORS for t in wt[i : j + 1]) and len(predicate_lemma(wt[j])) >= 3:
            possible.setdefault(predicate_lemma(wt[j]), " ".join(wt[i : j + 1]))
    if not possible:
        return None
    hedged = {predicate_lemma(ct[j]) for _, j in _modal_heads(ct, _POSSIBLE)}
    for i, j in _modal_heads(ct, _CERTAIN):
        lemma = predicate_lemma(ct[j])
        if lemma in possible and lemma not in hedged and not any(t in NEGATORS for t in ct[i : j + 1]):
            return f"modality: passage says '{possible[lemma]}', the claim '{' '.join(ct[i : j + 1])}'"
    return None
