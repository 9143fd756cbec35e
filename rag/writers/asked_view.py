"""A question's asked sentence decides its answer: "Queen Elizabeth II ... died Thursday. When did she ascend to the
throne?" is answered by "Elizabeth ascended to the throne in 1952", not by a sentence restating the background."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

import numpy as np

from rag.text.places import same_place
from rag.writers.answer_act import AskedAct, asked_act, tells_act_itself, tells_act_otherwise
from rag.writers.answer_actor import act_doer, actor_role, asked_agent, swaps_roles
from rag.writers.answer_class import names_only_class
from rag.writers.answer_kind import answer_type, asked_sentence
from rag.writers.answer_premise import acted_on_places
from rag.writers.asked_referent import with_referent
from rag.writers.candidates import Candidate, Scored, cap_titles, coverages
from rag.writers.key_terms import key_terms

__all__ = ["ASKED_COS_SHARE", "BACKGROUND_SHARE", "TOLD_ROLES", "actor_act_view", "asked_view", "background_weight",
           "reread"]

#: The background sentences' key terms together weigh this share of the asked sentence's (before rarity): the
#: background names the story (retrieval has already used it to find it), the asked sentence names the fact wanted.
#: Counted in full, the background's names (weight 2 each) outweigh the asked sentence's two or three words, and a
#: sentence restating the background outranks the one that answers.
BACKGROUND_SHARE = 0.5
#: Share of the asked sentence's own cosine in the cosine part of relevance (the rest: the whole question's): the
#: whole question's embedding is mostly its background, so a sentence restating the background is closest to it.
ASKED_COS_SHARE = 0.5
#: Roles of a sentence that may tell the asked act in other words (``actor_act_view``): one reporting what was done
#: or said, or the story's background (and an untyped one); not a source's judgement, forecast or advice, whose
#: "technology controls" are what ought to be or may be, not what the actor did.
TOLD_ROLES = frozenset({"event", "statement", "background", None})
#: Kinds of question whose answer may be a source's view, or tell the actor's act in a neighbouring sentence: why a
#: place acted ("Japanese officials said the chemicals could be used in weapons"), what it intends.
OWN_WINDOW_KINDS = frozenset({"reason", "intent"})


def background_weight(asked: str, background: str) -> float:
    """The weight of each background key term relative to an asked one: ``BACKGROUND_SHARE`` x the asked sentence's
    total key-term weight / the background's, at most 1; 0.0 when either has no key term."""
    terms = key_terms(asked)
    own = {t.stem for t in terms}
    asked_total = sum(t.weight for t in terms)
    back_total = sum(t.weight for t in key_terms(background, topic=True) if t.stem not in own)
    if asked_total <= 0 or back_total <= 0:
        return 0.0
    return min(1.0, BACKGROUND_SHARE * asked_total / back_total)


def asked_view(question: str, scored: Scored, w_lexical: float, asked_cos: Callable[[str], np.ndarray] | None = None) -> Scored:
    """``scored`` with key-term coverage (``cov``, ``window_cov``) and relevance (``rel`` = (1 - ``w_lexical``) x
    cosine + ``w_lexical`` x coverage, as ``ExtractiveWriter._score``) measured on the asked sentence: its key terms,
    the background's at ``background_weight``, and, when ``asked_cos`` (asked sentence -> cosine per candidate) is
    given, its cosine at ``ASKED_COS_SHARE``. ``scored`` itself for a one-sentence question or an asked sentence
    without key terms ("Which one?"); for one naming only the class asked for ("Which animal was it?":
    ``answer_class.names_only_class``; the answer names the member, not the class) the whole question's coverage,
    with the asked sentence's cosine. ``cos`` (the whole question's, which the relevance floors use), the candidates
    and their neighbours are kept."""
    asked, background = asked_sentence(question)
    if not background or not scored.cands or not key_terms(asked):
        return scored
    if names_only_class(asked):  # "Which animal was it?": the answer names the member, not the class; the whole
        # question's key terms are read (``scored``'s), the asked sentence's cosine still weighs in
        cov, window_cov = scored.cov, scored.window_cov
    else:
        cov, window_cov, _ = coverages(asked, scored.cands, context=(background,),
                                       context_weight=background_weight(asked, background))
    cos = scored.cos
    if asked_cos is not None:
        # "... Mirela Vass has been moved to an open prison. How long is she facing in prison?": the asked sentence's
        # embedding is of Vass, not of whoever else "she" is in the evidence (``asked_referent``); its key terms keep
        # the background's weight (read as the asked sentence's, the name outranked the asked act: "Queen Elizabeth
        # II … has died" over "Elizabeth ascended to the throne in 1952" for "When did she ascend to the throne?")
        cos = ((1 - ASKED_COS_SHARE) * cos
               + ASKED_COS_SHARE * np.asarray(asked_cos(with_referent(asked, background)), dtype=np.float64))
    rel = cap_titles(scored.cands, (1 - w_lexical) * cos + w_lexical * cov)
    return replace(scored, cov=cov, window_cov=window_cov, rel=rel)


def _actor_and_act(question: str) -> tuple[frozenset[str], AskedAct] | None:
    """(the asked actor's place keys, the asked act) of a question asking what a place did (``asked_agent``,
    ``asked_act``), or None."""
    agent = asked_agent(question)
    act = asked_act(question) if agent else None
    return (agent, act) if act is not None and act.verbs else None


def actor_act_view(question: str, scored: Scored, w_lexical: float) -> Scored:
    """``scored`` with key-term coverage and relevance read for the question's asked actor and act: when the question
    asks what a place did (``answer_actor.asked_agent``: "What did Japan restrict?"), a sentence telling the act in
    other words (``answer_act.tells_act_otherwise``: "Tokyo last week tightened …", "stricter controls"; a sentence of
    ``TOLD_ROLES`` only) holds the act's key term, and one naming the place only as what another acts on
    (``answer_actor.actor_role`` "undergoer": "China Imposes Export Restrictions on 20 Japanese Firms") or only in its
    publisher's name ("Discuss Japan") does not hold the place's. Beside a sentence, one in which the place does
    something else ("Ottawa protested the move") does not lend it the place either (the window of a question not
    asking why or what is intended). ``cov`` and ``window_cov`` move by the change in coverage so read (the same
    terms, background and weights as ``asked_view``), ``rel`` by ``w_lexical`` x the change in ``cov`` (titles capped
    again); ``scored`` itself for a question without such an actor and act, or when nothing changes."""
    found = _actor_and_act(question)
    if found is None or not scored.cands:
        return scored
    agent, act = found
    verb = act.verbs[0]  # the asked actor's own act; "to stop selling" after "did Washington ask" is what it asked
    acted_on = acted_on_places(question, agent)
    query, _, _ = _coverage_query(question)
    verbs = {t.stem for t in key_terms(query) if t.stem == verb or t.stem.startswith(verb)}
    alone, lent = [], []
    window_too = answer_type(question) not in OWN_WINDOW_KINDS
    for c in scored.cands:
        stems, source = set(c.stems), set(c.source_stems)
        role = actor_role(c.text, agent)
        doer = act_doer(c.text, verb) if role == "agent" else None
        if doer is not None and not any(same_place(doer.key, a) for a in agent):
            role = "undergoer"  # "Tokyo protests as China blocks …": another place does the asked act
        if role == "undergoer":
            stems -= agent
            source -= agent
            # "China Imposes Export Restrictions on 20 Japanese Firms" for "Which Chinese companies did Japan
            # restrict?" names China as the doer, not as what Japan acted on
            if swaps_roles(c.text, agent, acted_on, verb):
                stems -= acted_on
                source -= acted_on
        elif role is None:  # named only by its publisher ("Discuss Japan"): not the asked actor acting
            source -= agent
        tells = tells_act_itself(stems, verb)
        if c.role in TOLD_ROLES and not tells and tells_act_otherwise(stems, verb):
            stems |= verbs
            tells = True
        alone.append(replace(c, stems=stems, source_stems=frozenset(source)))
        other_act = window_too and role == "agent" and not tells
        lent.append(replace(c, stems=stems - agent, source_stems=frozenset(source - agent)) if other_act else alone[-1])
    return reread(question, scored, alone, lent, w_lexical)


def _coverage_query(question: str) -> tuple[str, tuple[str, ...], float]:
    """(the text whose key terms coverage is read for, the context sentences, their weight): the asked sentence with
    its background at ``background_weight``; the whole question, no context and 0.5 for a one-sentence question or
    an asked sentence without key terms or naming only the class asked for ("Which animal was it?")."""
    asked, background = asked_sentence(question)
    if background and key_terms(asked) and not names_only_class(asked):
        return asked, (background,), background_weight(asked, background)
    return question, (), 0.5


def reread(question: str, scored: Scored, alone: list[Candidate], lent: list[Candidate], w_lexical: float) -> Scored:
    """``scored`` with coverage read again on candidates whose stems a view changed: ``alone`` (each sentence's own
    stems, for ``cov``) and ``lent`` (what each lends its neighbours, for ``window_cov``), both parallel to
    ``scored.cands``. The asked sentence's key terms, the background's at ``background_weight`` (as ``asked_view``);
    ``cov`` and ``window_cov`` move by the change so read, ``rel`` by ``w_lexical`` x the change in ``cov`` (titles
    capped again); ``scored`` itself when nothing changes."""
    query, context, weight = _coverage_query(question)
    old_cov, old_window, _ = coverages(query, scored.cands, context=context, context_weight=weight)
    cov, _, _ = coverages(query, alone, context=context, context_weight=weight)
    _, window, _ = coverages(query, lent, context=context, context_weight=weight)
    window = np.maximum(window, cov)
    if np.array_equal(cov, old_cov) and np.array_equal(window, old_window):
        return scored
    moved = cov - old_cov
    return replace(scored, cov=scored.cov + moved, window_cov=scored.window_cov + (window - old_window),
                   rel=cap_titles(scored.cands, scored.rel + w_lexical * moved))

