"""Whose reason a sentence gives, for a question asking the reason an actor itself gave (issue 10, item 8).

"Why did Tokyo say it did so?" asks for Japan's stated reason ("the decision to tighten controls was based on a lack
of trust …, Japanese officials have said"), not the report's own context ("Japan's trade measures followed South
Korean court rulings …"), least of all as Japan's when "They have rejected suggestions that the move was driven by
worsening ties …". The question's actor is its first place (a country by any of its names: Tokyo, Japanese and Japan
are one) or, naming none, its first name; a sentence is the actor's when its reporting frame names the actor
(``hypothesis_stance.speaker``), and it denies an explanation when it states one to deny it (``hypotheses.denied``),
its subject, or the speaker named before a "They", being the actor.

Any "why" answer leads with a sentence that tells a reason, not advice (``tells_reason``), and its later
sentences are the story's context or reasons of the act's own time and kind (``of_the_reason``): a detail from
another article that states no reason ("Together, the two developments frame a coordinated tightening …"), that is
advice ("Japan must step up its efforts regarding risk management …", a 2020 essay's prescription under Tokyo's
2019 reason), a forecast or a watch item, history of another era, or a report a year apart from the answer's own
explains nothing the actor did then.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from rag.text.dates import iso_day
from rag.text.lexicon import table, word_set
from rag.text.places import place_mentions
from rag.writers.answer_kind import answer_type, states_reason, without_carried_context
from rag.writers.candidates import ADJACENT_GAP, Candidate
from rag.writers.hypotheses import MAX_AGE_DAYS, denied, other_era, prescribes
from rag.writers.hypothesis_stance import speaker
from rag.writers.key_terms import key_terms, place_keys
from rag.writers.key_terms import stem as stem_word
from rag.writers.key_terms import stems as text_stems
from rag.writers.sentence_cues import CUES

__all__ = ["cause_after_act", "reacts", "actor_first", "writers_view", "stated_in_story", "account_after", "stated_reason_actor", "reason_actor", "said_by", "denies", "tells_reason", "of_the_reason", "answers_why",
           "bears_on", "NO_REASON_ROLES", "UNSTATED_LEAD", "asks_stated_reason", "reading_after", "reason_phrases", "states_no_reason",
           "without_lead"]

#: roles of a sentence that cannot say why a thing was done: what may happen or is to be watched (a forecast, a
#: signal) and what is unknown (a gap)
NO_REASON_ROLES = frozenset({"forecast", "signal", "gap"})
#: what a "why" answer says before its first quote when the sources state no reason (``answer_kinds.toml``
#: ``[reason] unstated_lead``: "The sources give no stated reason; ")
UNSTATED_LEAD: str = table("answer_kinds")["reason"]["unstated_lead"]
#: the wording of a source's judgement (``role_cues.toml`` ``judgement``)
_JUDGEMENT_RE = re.compile("|".join(rf"\b{p}" for p in table("role_cues")["families"]["judgement"]), re.I)


def _cue(text: str) -> bool:
    lowered = " ".join(re.findall(r"[\w'’-]+", text.lower()))
    return any(re.search(rf"\b{re.escape(cue)}\b", lowered) for cue in word_set("stated_reason_cues"))


def stated_reason_actor(question: str) -> frozenset[str] | None:
    """The stems naming the actor whose own stated reason ``question`` asks for ("Why did Tokyo say it did so?" ->
    the place key of Japan; "Why, according to Nvidia, were sales halted?" -> {"nvidia"}); None when the question
    asks no reason (``answer_kind.answer_type`` is not "reason": no "why" / "what reason"), names no stating cue
    (``stated_reason_cues.txt``: "say", "according to", "claim", "explain", …) or names no actor. A follow-up's
    carried context is not what it asks."""
    own = without_carried_context(question)
    return reason_actor(question) if _cue(own) else None


def reason_actor(question: str) -> frozenset[str] | None:
    """The stems naming the actor whose act a "why" question asks about: its first place (a country by any of its
    names) or, naming none, its first name, in its own words (a follow-up's carried context aside); None when it
    asks no reason or names no actor."""
    own = without_carried_context(question)
    if answer_type(own) != "reason":
        return None
    mentions = place_mentions(own)
    if mentions:
        return frozenset({mentions[0].key})
    names = [t.stem for t in key_terms(own) if t.kind == "entity"]
    return frozenset(names[:1]) or None


def answers_why(text: str, gives_reason: bool, actor: frozenset[str] | None) -> bool:
    """Whether a sentence answers a "why" question as a later sentence of its answer: it gives a reason
    (``gives_reason``: the answer-kind typing of "reason", a cause, purpose or sequence cue: "the measures followed
    court rulings …") and is no advice (``hypotheses.prescribes``), or it reports the act's ``actor`` saying
    something that is no plan nor forecast (the actor's own word on its act: "Such materials can only be exported to
    trustworthy trading partners, Japanese officials have said"; not "Japan yesterday said that it does not plan to
    retract …", the ``forward`` cue family). The act restated ("Tokyo last week tightened the approval process …")
    answers nothing."""
    if gives_reason and not prescribes(text):
        return True
    return actor is not None and said_by(text, actor) and not CUES["forward"].search(text)


def bears_on(claim: str, text: str) -> bool:
    """Whether a sentence may follow a "Yes." or "No." to a question whether ``claim`` is so: it is about the claim
    (``answer_verdict.about_claim``: its actor and another of its terms) and shares one of the claim's terms that
    is neither a place nor a name (its act or object): not a court-rulings sentence after "Yes. The export
    restrictions cover … hydrogen fluoride …"."""
    from rag.writers.answer_verdict import about_claim  # the verdict module loads with the first polar question

    if not about_claim(claim, text):
        return False
    terms = key_terms(claim)
    own = {t.stem for t in terms}
    # ... sharing the claim's act or object, not only its places and names ("South Korean court rulings" shares
    # only South Korea with "Japan restricted exports of hydrogen fluoride to South Korea")
    named = text_stems(" ".join(re.findall(r"\b[A-Z][\w'’-]*", claim)))  # its names, as it writes them
    bare = place_keys(own) | {t.stem for t in terms if t.kind == "entity"} | named
    return bool((own - bare) & {t.stem for t in key_terms(text)})


def _names(words: str | None, actor: frozenset[str]) -> bool:
    if not words:
        return False
    return bool(actor & ({m.key for m in place_mentions(words)} | text_stems(words)))


def said_by(text: str, actor: frozenset[str]) -> bool:
    """Whether a sentence (or a quote of sentences) reports the actor saying it: a reporting frame of one of its
    sentences names the actor ("Japanese officials have said that …" for Japan)."""
    return _names(speaker(text)[0], actor)


def denies(text: str, actor: frozenset[str]) -> bool:
    """Whether a quote states an explanation in order to deny it (``hypotheses.denied``: "They have rejected
    suggestions that the move was driven by …") and the one denying is the actor: named in the denying sentence, or,
    for a pronoun, the speaker its quote named before it ("… Japanese officials have said … They have rejected …")."""
    rest = denied(text)
    if rest is None:
        return False
    before = text[: len(text) - len(rest)]
    return _names(before, actor)


@lru_cache(maxsize=1)
def _views_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in table("answer_kinds")["reason"]["views"]), re.I)


def writers_view(text: str) -> bool:
    """Whether a sentence is its writer's own judgement in the first person, outside quotation marks ("We think the
    measure matters more than its scope suggests, because …", "In our view …": ``answer_kinds.toml`` [reason]
    ``views``): an outlet's opinion of an act, which a "why" answer gives after a reason its actor stated."""
    unquoted = re.sub(r"[“\"][^”\"]*[”\"]", " ", text)
    return bool(_views_re().search(unquoted))


def tells_reason(text: str) -> bool:
    """Whether a sentence tells why something was done: it states a reason (``answer_kind.states_reason``: "was
    based on a lack of trust", "because", "to protect the grid") and is no advice (``hypotheses.prescribes``: "To
    protect its own security interests, Japan must step up its efforts …" says what ought to be done next, not why
    anything was)."""
    return states_reason(text) and not prescribes(text)


def of_the_reason(detail: Candidate, lead: Candidate) -> bool:
    """Whether a sentence may follow ``lead``, the first sentence of an answer to a "why" question: one of the
    lead's own article always may (the story's context); one of another article may when it tells a reason of the
    act's time: it tells one (``tells_reason``: a cause or purpose cue, not only what came before, and no advice:
    "To protect its own security interests, Japan must step up its efforts …"), it is no forecast, watch item or
    gap (``NO_REASON_ROLES``), not set in another era (``hypotheses.other_era``), and its source is dated within
    ``hypotheses.MAX_AGE_DAYS`` of the lead's (either date unknown: yes)."""
    if detail.doc_id == lead.doc_id:
        return True
    if not tells_reason(detail.text) or detail.role in NO_REASON_ROLES or other_era(detail.text):
        return False
    a, b = iso_day(detail.passage.chunk.published), iso_day(lead.passage.chunk.published)
    return a is None or b is None or abs((a - b).days) <= MAX_AGE_DAYS


def states_no_reason(question: str, lead: str, typed: bool) -> bool:
    """Whether the first sentence of an answer to ``question`` (``lead``, the quote chosen) leaves a "why" unanswered
    by any stated reason: the question asks why (``answer_kind.answer_type`` "reason") and the lead is not typed as a
    reason (``typed``: the answer kind's own typing; a first sentence is typed whenever any sentence it may quote is,
    ``QuestionAnswering._pick_answer``), tells none (``tells_reason``) and is not the act's actor speaking
    (``said_by``, or by the class noun of the question's actor: "The authority said …" for "Why did the … Port
    Authority …?", ``_said_by_class``). "Japan has reportedly denied cybersecurity approval … The decision … signals that Tokyo is
    treating battery supply chains as a security domain …" for "Why did Japan deny …?": the act and a source's
    reading of it, no reason given; "Japanese officials have said the decision was based on a lack of trust" states
    one."""
    if answer_type(question) != "reason" or typed or tells_reason(lead) or cause_after_act(question, lead):
        return False
    actor = reason_actor(question)
    own = text_stems(without_carried_context(question))
    return actor is None or not (said_by(lead, actor) or _said_by_class(lead, own))


def without_lead(text: str) -> str:
    """``text`` without the product's words an answer leads with before its quote (the quote the sources must
    support): ``UNSTATED_LEAD``, the holder of a view the quote names by a pronoun (``answer_who.holder_lead``) or
    the quote's headline (``answer_headline.headline_lead``); any other text unchanged."""
    from rag.writers.answer_headline import without_headline
    from rag.writers.answer_who import without_holder

    return text[len(UNSTATED_LEAD):] if text.startswith(UNSTATED_LEAD) else without_holder(without_headline(text))


def reading_after(lead: int, cands: Sequence[Candidate], quotable: Sequence[bool]) -> list[int]:
    """The sources' own reading of the act a reasonless "why" answer leads with (``states_no_reason``): the index of
    the sentence right after candidate ``lead`` in its passage (within ``candidates.ADJACENT_GAP`` characters) when
    it is quotable and the source's judgement of it ("The halt, reported … by the Baltic Ledger, signals that Norvia
    is treating cobalt as a security asset …"), not advice (``hypotheses.prescribes``) and not a turn to another
    story (``story_turn.turns_away``); [] otherwise. Attributed when quoted, as every judgement is."""
    from rag.writers.story_turn import turns_away  # story_turn reads the follow-up module, which loads later

    first = cands[lead]
    after = [i for i, c in enumerate(cands) if c.chunk_id == first.chunk_id and quotable[i]
             and 0 <= c.local_start - first.local_end <= ADJACENT_GAP]
    return [i for i in after[:1] if reads(cands[i]) and not prescribes(cands[i].text) and not turns_away(cands[i].text)]


def account_after(question: str, cands: Sequence[Candidate], told: Sequence[int], quotable: Sequence[bool]) -> list[int]:
    """The asked act's actor's own account of it, told in the sentence right after a sentence of ``told`` (indices
    into ``cands``) that tells the act: "KISA has postponed its decision on … Tencent Cloud" then "KISA said the
    application lacked documents on how …" for "Why did KISA postpone its decision …?". The sentence (in the same
    passage, within ``candidates.ADJACENT_GAP`` characters; quotable) reports the actor (``reason_actor``, or its
    class noun the act's sentence holds: "The authority said …", ``_said_by_class``) saying something that is no plan
    nor forecast (the ``forward`` cue family, as ``answers_why`` reads it) and does not tell the act again ("KISA said it had
    postponed …" restates it). Indices, in ``told``'s order; [] for a question asking no reason or naming no actor."""
    from rag.writers.answer_act import asked_act, tells_act
    from rag.writers.candidates import adjacent_pairs

    actor = reason_actor(question)
    act = asked_act(without_carried_context(question))
    if actor is None or act is None or not act.verbs:
        return []
    verb = act.verbs[0]
    after = dict(adjacent_pairs(cands))
    out: list[int] = []
    for i in told:
        j = after.get(i)
        if (j is not None and j not in out and quotable[j] and tells_act(cands[i].stems, verb)
                and not tells_act(cands[j].stems, verb) and not CUES["forward"].search(cands[j].text)
                and (said_by(cands[j].text, actor) or _said_by_class(cands[j].text, cands[i].stems))):
            out.append(j)
    return out


def stated_in_story(question: str, cands: Sequence[Candidate], quotable: Sequence[bool]) -> list[int]:
    """The reasons stated in the story of the asked act, for a "why" answer whose pool gives none but writers' own
    views (``writers_view``): the indices of the quotable sentences that tell a reason (``tells_reason``), are no
    writer's view and report someone saying it (a reporting frame, ``hypothesis_stance.speaker``: "Trade Minister
    Ahn Duk-geun told reporters the measure was needed to …"), in an article one of whose sentences tells the asked
    act of the question's actor ("Korea tightens review of chip equipment exports to China": ``reason_actor``,
    ``answer_act.tells_act``); in the order of those articles, then of the text; one of sentences written alike. []
    for a question asking no reason, naming no actor or act."""
    from rag.writers.answer_act import asked_act, tells_act

    actor = reason_actor(question)
    act = asked_act(without_carried_context(question))
    if actor is None or act is None or not act.verbs:
        return []
    verb = act.verbs[0]
    docs = list(dict.fromkeys(c.passage.chunk.doc_id for c in cands if tells_act(c.stems, verb) and _names(c.text, actor)))
    found = sorted((docs.index(c.passage.chunk.doc_id), c.local_start, j) for j, c in enumerate(cands)
                   if c.passage.chunk.doc_id in docs and quotable[j] and tells_reason(c.text)
                   and not writers_view(c.text) and speaker(c.text)[0])
    seen: set[str] = set()
    out = []
    for *_, j in found:
        if cands[j].text not in seen:
            seen.add(cands[j].text)
            out.append(j)
    return out


def actor_first(question: str, cands: Sequence[Candidate], reasons: Sequence[int], quotable: Sequence[bool]) -> list[int]:
    """For a question asking the reason an actor itself gave ("Why did METI say it was reviewing photoresist
    licences?": ``stated_reason_actor``), the reasons of ``reasons`` (indices into ``cands``) the actor is reported
    giving (``said_by``, or by the class noun the question names it with: "The trade ministry said …" for "Why did
    Vietnam's trade ministry say …?"; "METI said in a statement that the reviews were 'routine checks on end-use' prompted by a
    rise in re-exports …"), or, none of them being, the reasons the actor gives in the asked act's story
    (``stated_in_story``), though they repeat too little of the question to be among ``reasons``; ``reasons``
    unchanged when the question asks no stated reason or the actor gives none: another voice's reason (a think
    tank's "in our view … because a panel would have to find …") is no answer to what the actor said."""
    actor = stated_reason_actor(question)
    if actor is None:
        return list(reasons)
    # (the actor by its name, or by the class noun the question names it with: "The trade ministry said …" for "Why
    # did Vietnam's trade ministry say …?")
    asked = text_stems(without_carried_context(question))
    gives = lambda i: said_by(cands[i].text, actor) or _said_by_class(cands[i].text, asked)  # noqa: E731
    own = [i for i in reasons if gives(i)]
    if own:
        return own
    story = [i for i in stated_in_story(question, cands, quotable) if gives(i)]
    return story or list(reasons)


def _said_by_class(text: str, before: frozenset[str] | set[str]) -> bool:
    """Whether a sentence's reporting frame names its speaker by a class noun the sentence before it holds ("The
    authority said …" after "The Velmar Port Authority has suspended …"): "the" and at most two words, the last of
    whose stems is in ``before``."""
    who = speaker(text)[0]
    words = who.split() if who else []
    return 2 <= len(words) <= 3 and words[0].lower() == "the" and text_stems(words[-1]) <= set(before)


def reads(cand: Candidate) -> bool:
    """Whether a sentence is a source's reading of what it follows: typed a judgement, or, typed none of what may
    happen or is unknown (``NO_REASON_ROLES``), worded as one (``role_cues.toml`` ``judgement``: "signals", "suggests",
    "indicates", "reflects": "The ban, reported … by the Ostrava Courier, suggests that Ostrava now sees grain supply
    as a matter of state control", which the role model reads as background)."""
    if cand.role == "judgement":
        return True
    return cand.role not in NO_REASON_ROLES and bool(_JUDGEMENT_RE.search(cand.text))


@lru_cache(maxsize=1)
def _phrase_re() -> re.Pattern[str]:
    data = table("answer_kinds")["reason"]
    alt = lambda words: "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))  # noqa: E731
    # the actor as written (capitalised words); the rest in any case
    return re.compile(rf"(?P<actor>(?<![\w’'-])(?:[A-Z][\w.-]*\s+){{0,3}}[A-Z][\w.-]*)[’']s\s+"
                      rf"(?i:(?:{alt(data['phrase_adjectives'])})\s+(?:{alt(data['phrase_nouns'])})\s+(?:of|for|was|is|:)\s+)"
                      r"(?P<reason>[^.;:!?()“”\"]+?)"
                      r"(?=\s*(?:[.;:!?()“”\"]|,\s+(?:but|while|which|although|though|and|citing|according|as|after|who)\b"
                      r"|,\s+(?:[\w’'-]+\s+){0,2}(?:said|says|told|added|stated)\b|$))")


def reason_phrases(text: str, actor: frozenset[str]) -> list[tuple[int, int]]:
    """The (start, end) spans in ``text`` of a noun phrase giving ``actor``'s stated reason (``answer_kinds.toml``
    ``[reason] phrase_adjectives`` / ``phrase_nouns``): "China’s stated rationale of safeguarding national security"
    in "This is supported by China’s stated rationale of safeguarding national security." for China; the possessor
    is the actor by any of its names (a place by its key, "Chinese" and "Beijing" are China) or its stems."""
    out = []
    for m in _phrase_re().finditer(text):
        who = m.group("actor")
        if _names(who, actor):
            out.append((m.start("actor"), m.end("reason")))
    return out


def asks_stated_reason(question: str) -> frozenset[str] | None:
    """The actor whose stated reason ``question`` asks for (``reason_actor``), when it asks for one: it asks why and
    names a stating cue (``stated_reason_actor``: "Why did Tokyo say …?") or a stated reason's noun phrase ("What is
    China's stated rationale for …?", "What was the official reason for …?": ``phrase_adjectives`` before a
    ``phrase_nouns``); None otherwise."""
    actor = stated_reason_actor(question)
    if actor is not None:
        return actor
    data = table("answer_kinds")["reason"]
    own = without_carried_context(question).lower()
    said = any(re.search(rf"\b{re.escape(a)}\s+{re.escape(n)}\b", own)
               for a in data["phrase_adjectives"] for n in data["phrase_nouns"])
    return reason_actor(question) if said else None


@lru_cache(maxsize=1)
def _reaction_re() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(table("answer_kinds")["reason"]["reactions"]) + r")\b", re.I)


def reacts(text: str) -> bool:
    """Whether a sentence tells a reaction to an act rather than its reason (``[reason] reactions`` of
    answer_kinds.toml): a verb of reacting within ``reaction_reach`` words of its start and before any causal cue
    ("Washington condemned the move as economic coercion", "Beijing lodged a protest and urged Tokyo to correct …",
    "Passengers reacted with anger on Tuesday after the island ferry service was suspended"); not "The ministry said
    the restrictions were imposed to safeguard national security"."""
    m = _reaction_re().search(text)
    if m is None:
        return False
    reach = int(table("answer_kinds")["reason"]["reaction_reach"])
    if len(re.findall(r"[\w'’-]+", text[: m.start()])) > reach:
        return False
    cause = CUES["causal"].search(text)
    return cause is None or cause.start() > m.start()


@lru_cache(maxsize=1)
def _after_re() -> re.Pattern[str]:
    words = sorted(table("answer_kinds")["reason"]["act_then_cause"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)


def cause_after_act(question: str, text: str) -> bool:
    """Whether ``text`` tells the asked act's cause by "after" right after the act (``[reason] act_then_cause``): the
    question's act verb (``answer_act.asked_act``, or a word of its family: ``answer_act.tells_act``) before the cue,
    within ``act_cause_reach`` words and no clause break ("The operator suspended the ferry service after a crew
    member tested positive for measles" for "Why was the ferry service suspended?"); not the act after the cue
    ("Passengers reacted with anger after the ferry service was suspended": the act is what the reaction followed),
    nor the act as a noun ("The grounding came after an engine fire": what came before, ``[reason] sequence_cues``)."""
    from rag.writers.answer_act import asked_act, tells_act

    act = asked_act(question)
    if act is None or not act.verbs:
        return False
    reach = int(table("answer_kinds")["reason"]["act_cause_reach"])
    words = list(re.finditer(r"[A-Za-z][\w'’-]*", text))
    for m in _after_re().finditer(text):
        before = [w for w in words if w.end() <= m.start()][-reach:]
        for w in reversed(before):
            if re.search(r"[;:.!?]", text[w.end(): m.start()]):
                break
            k = before.index(w)
            noun = k > 0 and before[k - 1].group(0).lower() in word_set("determiners")  # "The grounding came after …"
            if w.group(0)[:1].islower() and not noun and tells_act({stem_word(w.group(0))}, act.verbs[0]):
                return True
    return False
