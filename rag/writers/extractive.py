"""The offline default writer: every claim is a sentence quoted verbatim from the evidence.

No text is generated. The writer

1. splits every evidence passage into sentences (exact spans: ``flatten(doc_text[start:end]) == claim.text``,
   a wrapped sentence is quoted on one line)
   and drops junk: fragments, headings, boilerplate, questions and anything that reads like an
   instruction aimed at a model (corpus text is untrusted, so such sentences are never quoted);
2. embeds the query, the section descriptions and all candidates in ONE batched call and scores each
   candidate for relevance (to the topic or question), centrality (agreement with the other
   candidates) and fit to each section (description similarity plus lexical cue families);
3. fills the template's "claims" sections in order with maximal marginal relevance, preferring sources
   not yet used so that a brief quotes different articles, and never quoting a sentence twice;
4. derives "terms" sections (entities, topics, tags) from the selected sentences and cited passages;
   every term occurs verbatim in the evidence;
5. abstains when the evidence does not address the topic or, for questions, when the question's key
   terms or the kind of answer it asks for (a number, a date, a name) are missing from the best
   sentences.

Everything is deterministic: ties are broken by chunk id and offset.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, OrderedDict
from typing import Any, Callable, Iterator, Sequence

import numpy as np

from rag.templates import PromptTemplate, SectionSpec
from rag.text.places import place, places
from rag.writers.answer_kind import SINGLE_VALUE_KINDS, answer_type, answers_anew
from rag.writers.answering import QuestionAnswering, alone_in_conversation, link_dependents
from rag.types import ResolvedQuestion, Turn
from rag.writers.base import Draft, DraftSection, EvidencePassage, StreamItem
from rag.writers.candidates import Candidate, Scored, candidates, cap_titles, coverages, is_other_story, quotable, type_roles
from rag.writers.key_terms import key_terms
from rag.writers.hypotheses import REPORTED, weigh
from rag.writers.on_topic import topical_documents
from rag.writers.role_typing import DOC_TYPE_OF, doc_type
from rag.writers.sentence_cues import (
    DOMAIN_CUES,
    SPECULATIVE,
    is_noun_phrase,
    is_label,
)
from rag.writers.terms_section import section_terms

__all__ = ["ExtractiveWriter"]

EmbedFn = Callable[[Sequence[str]], np.ndarray]
#: Roles a noun phrase can fill: an information gap ("Details of the items restricted.") or a signal to watch
#: ("Indicators of retaliation in the customs data."); every other section quotes statements.
LABELLED_ROLES = frozenset({"gap", "signal"})

# --------------------------------------------------------------------------------------------
# The writer
# --------------------------------------------------------------------------------------------


class ExtractiveWriter(QuestionAnswering):
    """Quote the most relevant, central and section-fitting sentences of the evidence; generate nothing."""

    name = "extractive"
    model = "extractive-mmr-v1"
    label = "Extractive: every sentence is quoted from the cited source; no text is generated."

    # MMR and scoring weights
    LAMBDA = 0.7
    W_REL, W_FIT, W_CENT = 0.45, 0.35, 0.10
    CUE_BONUS, CUE_CAP = 0.06, 0.12
    SPECULATION_PENALTY = 0.05  # per speculative cue, in sections that want facts (capped at 2)
    NEW_DOC_SECTION_BONUS = 0.05
    NEW_DOC_BRIEF_BONUS = 0.03
    NEAR_DUPLICATE = 0.9
    # what counts as on-topic for a brief (see _on_topic)
    REL_FLOOR_GAP = 0.20
    COS_FLOOR_GAP = 0.30
    REL_STRETCH = 0.8  # how far relevance is stretched over the on-topic range (0: not at all, 1: down to 0)
    OPTIONAL_FIT_FLOOR = 0.30
    FIT_CONTRAST = 0.5
    W_LEXICAL = 0.3  # share of relevance that comes from the query's key terms
    CONTEXT_WEIGHT = 0.5  # weight of a follow-up's carried-over terms relative to the words asked
    DETAIL_GAP = 0.15
    TYPED_BONUS = 0.15
    FILLER_GAP = 0.15  # stop filling a section once the next pick scores this far below its first
    # question answering
    ANSWER_COVERAGE_MIN = 0.3
    BRIEF_COVERAGE_MIN = 0.4
    ANSWER_POOL = 10
    CACHE_SIZE = 8192

    def __init__(self, embed: EmbedFn | Any, *, abstain_threshold: float = 0.35) -> None:
        method = getattr(embed, "embed", None)
        self._embed_fn: EmbedFn = method if callable(method) else embed
        self._model_id: str | None = getattr(embed, "model_id", None)  # its vectors feed the role classifier when it is MiniLM
        self.abstain_threshold = abstain_threshold
        # Sentences recur across briefs and answers on the same corpus: keep their vectors (bounded).
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed in one call, reusing cached rows; the result does not depend on what was cached."""
        with self._cache_lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            rows = np.asarray(self._embed_fn(missing), dtype=np.float32)
            with self._cache_lock:
                for t, row in zip(missing, rows):
                    self._cache[t] = row
                    self._cache.move_to_end(t)
        with self._cache_lock:
            out = np.stack([self._cache[t] for t in texts])
            while len(self._cache) > self.CACHE_SIZE:
                self._cache.popitem(last=False)
        return out

    # ---------------------------------------------------------------- public API

    def write(
        self,
        topic: str,
        template: PromptTemplate,
        evidence: Sequence[EvidencePassage],
        *,
        as_of: str | None,
        history: Sequence[Turn] = (),
        resolved: ResolvedQuestion | None = None,
    ) -> Draft:
        is_answer = template.kind == "answer"
        query = topic  # a follow-up arrives resolved by the pipeline: its standalone form
        # a follow-up is ranked by the words asked this turn; the carried-over context counts CONTEXT_WEIGHT
        context = resolved.context if is_answer and resolved is not None and resolved.is_follow_up else ()
        # an open follow-up ("and what did they do?") asks for something new: the sentences already given in the
        # conversation are not candidates (nor for a follow-up asking for an action or a list). A follow-up for a
        # name, date or number may repeat the sentence holding it.
        said = self._already_said(history) if context and answer_type(resolved.asked) in (None, "action", "intent", "list") else ()
        claim_specs = [s for s in template.sections if s.kind == "claims"]
        scored = self._score(query, claim_specs, evidence, topic=not is_answer, asked=resolved.asked if context else None,
                             context=context, said=said,
                             # a follow-up for a name, number or date: the sentence holding it may lead, alone
                             given=self._already_said(history)
                             if context and answer_type(resolved.asked) in SINGLE_VALUE_KINDS else ())
        notes = [
            f"extractive: {len(scored.cands)} candidate sentences from {len(evidence)} passages considered"
            + (f"; {sum(scored.dropped.values())} dropped ({self._fmt_dropped(scored.dropped)})" if scored.dropped else "")
        ]
        if not scored.cands:
            return self._abstain(notes + ["abstained: no quotable sentence in the evidence"])
        best = float(scored.cos.max())
        if best < self.abstain_threshold:
            return self._abstain(notes + [f"abstained: best relevance {best:.2f} < {self.abstain_threshold:.2f}"])

        # what the question asks, without the names carried over from the previous answer (they may be its answer)
        asked_q = resolved.question if is_answer and resolved is not None and context else query
        if is_answer:
            verdict = self._answerable(asked_q, scored)
            if verdict is not None:
                draft = self._abstain(notes + [f"abstained: {verdict}"])
                # the evidence covers what was asked about but not the fact asked for: say what it does say
                draft.partial, draft.missing = self._partial(asked_q, claim_specs[0], scored, verdict)
                return draft
        else:
            verdict = self._topic_covered(topic, scored)
            if verdict is not None:
                return self._abstain(notes + [f"abstained: {verdict}"])

        chosen: list[int] = []
        used_docs: set[str] = set()
        sections: list[DraftSection] = []
        terms_specs: list[SectionSpec] = []
        picks_of: dict[str, list[int]] = {}
        for spec in template.sections:
            if spec.kind == "claims":
                if is_answer and spec is claim_specs[0]:
                    picks = self._pick_answer(asked_q, spec, scored, as_of=as_of)
                elif spec.max_items == 1 and "fact" in spec.cues and spec is claim_specs[0]:
                    picks = self._pick_headline(spec, scored)
                elif is_answer:
                    picks = self._pick_details(asked_q, spec, scored, chosen, used_docs, as_of=as_of)
                else:
                    picks = self._pick_section(spec, scored, chosen, used_docs, alone=self._alone(spec, claim_specs))
                for i in picks:
                    chosen.append(i)
                    used_docs.add(scored.cands[i].doc_id)
                picks_of[spec.name] = picks
                sections.append(DraftSection(spec.name))
            elif spec.kind == "terms":
                sections.append(DraftSection(spec.name))
                terms_specs.append(spec)
            else:  # "stat": computed by the pipeline
                sections.append(DraftSection(spec.name))
        if not chosen:
            return self._abstain(notes + ["abstained: no sentence passed the relevance floor"])
        if not is_answer and scored.near is not None:
            # a section the on-topic documents leave empty looks one cut further: a related report of the same
            # actors (``on_topic.near``), still only for the roles the section takes
            for spec in claim_specs[1:]:
                if not picks_of[spec.name]:
                    picks_of[spec.name] = self._pick_section(spec, scored, chosen, used_docs, near=True,
                                                             alone=self._alone(spec, claim_specs))
                    chosen.extend(picks_of[spec.name])
        for spec, section in ((sp, next(s for s in sections if s.name == sp.name)) for sp in claim_specs):
            section.claims = [scored.cands[i].claim() for i in picks_of[spec.name]]
            if spec.weigh_evidence and not is_answer:
                self._weigh(query, section.claims, picks_of[spec.name], scored, chosen)
        for spec in terms_specs:
            section = next(s for s in sections if s.name == spec.name)
            section.terms = section_terms(spec, scored, chosen, evidence)
        return Draft(sections=sections, abstain=False, backend=self.name, model=self.model, notes=notes)

    def stream(
        self,
        topic: str,
        template: PromptTemplate,
        evidence: Sequence[EvidencePassage],
        *,
        as_of: str | None,
        history: Sequence[Turn] = (),
        resolved: ResolvedQuestion | None = None,
    ) -> Iterator[StreamItem]:
        draft = self.write(topic, template, evidence, as_of=as_of, history=history, resolved=resolved)
        for section in draft.sections:
            for j, claim in enumerate(section.claims):
                yield claim.text + ("\n" if j == len(section.claims) - 1 else " ")
        yield draft

    # ---------------------------------------------------------------- candidates and scores

    def _abstain(self, notes: list[str]) -> Draft:
        return Draft(sections=[], abstain=True, backend=self.name, model=self.model, notes=notes)

    @staticmethod
    def _already_said(history: Sequence[Turn]) -> tuple[str, ...]:
        """The assistant turns of the conversation, whitespace-collapsed (quoted sentences are found in them)."""
        return tuple(" ".join(t.content.split()) for t in history if t.role == "assistant" and t.content.strip())

    @staticmethod
    def _fmt_dropped(dropped: Counter) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(dropped.items()))

    def _score(
        self, query: str, specs: Sequence[SectionSpec], evidence: Sequence[EvidencePassage], *, topic: bool = False,
        asked: str | None = None, context: Sequence[str] = (), said: Sequence[str] = (), given: Sequence[str] = (),
    ) -> Scored:
        cands, dropped = candidates(evidence)
        # an answer's follow-up: a dependent sentence whose context the conversation gave is quoted alone
        cands = alone_in_conversation(cands, given)
        if topic:  # a brief is about one story: "In related news, ..." (and what is quoted with it) is another one
            kept = [c for c in cands if not is_other_story(c.text)]
            if len(kept) < len(cands):
                dropped["another story"] += len(cands) - len(kept)
            cands = kept
        if said:
            fresh = [c for c in cands if not any(" ".join(c.text.split()) in turn for turn in said)
                     or (asked is not None and answers_anew(c.text, asked))]
            if len(fresh) < len(cands):
                dropped["already said"] += len(cands) - len(fresh)
            cands = fresh
        if not cands:
            z = np.zeros(0)
            return Scored([], z, z, z, z, z, np.zeros((0, 0)), {}, dropped)
        texts = [query] + [s.description for s in specs] + [c.text for c in cands]
        mat = np.asarray(self._embed(texts), dtype=np.float32)
        q, descs, sents = mat[0], mat[1 : 1 + len(specs)], mat[1 + len(specs) :]
        # every sentence typed by the role classifier; furniture (bylines, captions, "Read more") is never quoted
        type_roles(cands, sents, self._model_id)
        keep = quotable(cands)
        if len(keep) < len(cands):
            dropped["furniture"] += len(cands) - len(keep)
            cands, sents = [cands[i] for i in keep], sents[keep]
        if not cands:
            z = np.zeros(0)
            return Scored([], z, z, z, z, z, np.zeros((0, 0)), {}, dropped)
        cos = (sents @ q).astype(np.float64)
        cos = cap_titles(cands, cos)
        cov, window_cov, neighbours = self._coverages(asked or query, cands, topic=topic, context=context)
        if given:
            link_dependents(cands, neighbours)
        rel = cap_titles(cands, (1 - self.W_LEXICAL) * cos + self.W_LEXICAL * cov)
        sims = sents @ sents.T
        n = len(cands)
        cent = (sims.sum(axis=1) - np.diag(sims)) / max(n - 1, 1) if n > 1 else np.zeros(n)
        raw = {spec.name: (sents @ d).astype(np.float64) for spec, d in zip(specs, descs)}
        # fit to a section, sharpened by how much better it fits this section than the average one
        mean = np.mean(list(raw.values()), axis=0) if raw else np.zeros(n)
        fit = {name: f + self.FIT_CONTRAST * (f - mean) for name, f in raw.items()}
        topical = None
        if topic:  # a brief quotes only sentences of on-topic documents that speak to the topic themselves
            docs = topical_documents(query, [c.doc_id for c in cands], [c.stems for c in cands], sents, q,
                                     {c.doc_id: c.passage.chunk.title for c in cands}, [c.text for c in cands],
                                     {c.doc_id: c.passage.chunk.published for c in cands},
                                     news={c.doc_id for c in cands if doc_type(c.passage.chunk) == DOC_TYPE_OF["news"]})
            topical = np.array([docs[c.doc_id].on_topic and window_cov[i] > 0 for i, c in enumerate(cands)])
            near = np.array([docs[c.doc_id].near and window_cov[i] > 0 for i, c in enumerate(cands)])
        return Scored(
            cands, cos, cov, window_cov, rel, cent.astype(np.float64), sims.astype(np.float64), fit, dropped, neighbours,
            topical, near if topic else None,
        )

    @classmethod
    def _coverages(
        cls, query: str, cands: list[Candidate], *, topic: bool = False, context: Sequence[str] = ()
    ) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
        """Key-term coverage per sentence and per sentence plus a neighbour (see ``candidates.coverages``)."""
        return coverages(query, cands, topic=topic, context=context, context_weight=cls.CONTEXT_WEIGHT)

    def _cue_bonus(self, spec: SectionSpec, cand: Candidate) -> float:
        hits = sum(1 for c in spec.cues if c in cand.cues)
        bonus = min(self.CUE_CAP, self.CUE_BONUS * hits)
        if "fact" in spec.cues and not set(spec.cues) & SPECULATIVE:
            bonus -= self.SPECULATION_PENALTY * min(2, len(cand.cues & SPECULATIVE))  # speculation fits less
        return bonus

    def _on_topic(self, scored: Scored, gap: float | None = None, *, near: bool = False) -> np.ndarray:
        """Candidates relevant enough to quote.

        For a brief: a sentence of an on-topic document (``on_topic.topical_documents``) that names one of the
        topic's key terms; when documents were not judged, within REL_FLOOR_GAP of the third most relevant
        sentence (one outlier that repeats the topic's words must not make everything else look off-topic) and
        within COS_FLOOR_GAP of the closest sentence in meaning. For an answer (``gap`` given): within ``gap`` of the most relevant sentence.
        ``near``: the documents of the relaxed cut (``on_topic``), for a section the on-topic documents leave empty.
        Never far below the abstention line.
        """
        floor_cos = self.abstain_threshold - 0.05
        if gap is not None:
            return (scored.rel >= float(scored.rel.max()) - gap) & (scored.cos >= floor_cos)
        judged = scored.near if near else scored.topical
        topical = judged if judged is not None else np.ones(len(scored.cands), dtype=bool)
        if not topical.any():
            return topical
        if scored.topical is not None and not near:  # the documents were judged: relevance ranks, FILLER_GAP stops padding
            return topical & (scored.cos >= floor_cos)
        # documents not judged, or only near the topic: the sentence itself must be close to the most relevant ones
        ranked = np.sort(scored.rel)[::-1]
        ref = float(ranked[min(2, len(ranked) - 1)])
        floor_cos = max(floor_cos, float(scored.cos.max()) - self.COS_FLOOR_GAP)
        return topical & (scored.rel >= ref - self.REL_FLOOR_GAP) & (scored.cos >= floor_cos)

    def _order(self, scored: Scored, values: np.ndarray, pool: Sequence[int]) -> list[int]:
        return sorted(pool, key=lambda i: (-round(float(values[i]), 9), scored.cands[i].key()))

    # ---------------------------------------------------------------- selection

    def _weigh(self, topic: str, claims: list, picks: list[int], scored: Scored, chosen: list[int]) -> None:
        """Attach to each explanation the on-topic quotes for and against it (``hypotheses.weigh``)."""
        ok = self._on_topic(scored)
        for claim, h in zip(claims, picks):
            pro, con = weigh(h, scored.cands, scored.sims, ok, picks, topic)  # a development may be evidence too
            claim.evidence_for = [scored.cands[pro].claim()] if pro is not None else []
            claim.evidence_against = [scored.cands[con].claim()] if con is not None else []

    def _pick_headline(self, spec: SectionSpec, scored: Scored) -> list[int]:
        ok = self._on_topic(scored)
        pool = [i for i in range(len(scored.cands)) if ok[i]]
        # a headline states something that happened: prefer fact sentences without hedges or conditions
        facts = [i for i in pool if "fact" in scored.cands[i].cues]
        pool = facts or pool
        statements = [i for i in pool if not is_label(scored.cands[i].text)]
        pool = statements or pool
        pool = [i for i in pool if self._accepts(spec, scored.cands[i])]  # a forecast is not the headline
        # the brief's headline states what happened in a source's sentence, not in another outlet's headline (its
        # framing, written to share the topic's vocabulary)
        pool = [i for i in pool if not scored.cands[i].is_title] or pool
        style = np.array([self._cue_bonus(spec, c) for c in scored.cands])
        value = 0.6 * scored.rel + 0.25 * scored.cent + 0.15 * scored.fit[spec.name] + style
        return self._order(scored, value, pool)[:1]

    @staticmethod
    def _alone(spec: SectionSpec, specs: Sequence[SectionSpec]) -> bool:
        """Whether the section alone in its template takes its roles (then the role classifier is its fit test)."""
        others = {r for s in specs if s is not spec for r in s.roles}
        return bool(spec.roles) and not set(spec.roles) & others

    def _pick_section(self, spec: SectionSpec, scored: Scored, chosen: list[int], used_docs: set[str], *,
                      near: bool = False, alone: bool = False) -> list[int]:
        """A brief's section: on-topic sentences that fit it, by MMR (``near``: from the relaxed document cut).

        An optional section takes only sentences close to its description (OPTIONAL_FIT_FLOOR) when other sections
        take the same roles (the implications by domain: the description tells them apart); a section that
        ``alone`` takes its roles (background, gaps) is fitted by the role classifier, not by wording.

        A section that takes only reported roles (what happened: events and statements), once the filler stop ends
        its MMR, takes the remaining sentences typed as its roles up to its ``max_items``: a reported event of an
        on-topic document that names the topic is not filler, and the key facts of a story sit in the events the
        brief would otherwise drop."""
        cands = scored.cands
        ok = self._on_topic(scored, near=near)
        fit = scored.fit[spec.name]
        domain_cues = [c for c in spec.cues if c in DOMAIN_CUES]
        pool = []
        for i, c in enumerate(cands):
            if i in chosen or not ok[i] or not self._accepts(spec, c):
                continue
            if not spec.required and not alone and fit[i] < self.OPTIONAL_FIT_FLOOR and not (
                domain_cues and any(d in c.cues for d in domain_cues)
            ):
                continue
            pool.append(i)
        # a required section gets its best on-topic candidate even if only weakly fitting
        rel = self._relative_relevance(scored, near=near)
        base = np.array(
            [
                self.W_REL * rel[i] + self.W_FIT * fit[i] + self.W_CENT * scored.cent[i] + self._cue_bonus(spec, cands[i])
                for i in range(len(cands))
            ]
        )
        picks = self._mmr(spec.max_items, scored, pool, base, chosen, used_docs)
        if bool(spec.roles) and set(spec.roles) <= REPORTED and not near and len(picks) < spec.max_items:
            # what happened takes the on-topic events and statements the filler stop left, up to its max: only
            # sentences the classifier types as one of its roles (not a forecast half-read as an event)
            typed = [i for i in pool if i not in picks and (cands[i].role is None or cands[i].role in spec.roles)]
            picks += self._mmr(spec.max_items - len(picks), scored, typed, base, chosen + picks, used_docs, filler_stop=False)
        return picks

    @staticmethod
    def _accepts(spec: SectionSpec, cand: Candidate) -> bool:
        """Whether a section takes the sentence: one of its required cue families, and (once typed) its role, or
        roles it accepts that are together more probable than not (the classifier hesitates between neighbours:
        an event it half-reads as background is still an event; a forecast stays out of "what happened"). A news
        report's lede is what happened: "X said Monday that Y would ..." reports a statement, not a forecast."""
        if spec.require_cues and not cand.cues & set(spec.require_cues):
            return False
        if not cand.is_title and not set(spec.roles) & LABELLED_ROLES and is_noun_phrase(cand.text):
            return False  # a judgement, forecast or event states something: a caveat's label ("Potential bias in ...") does not
        if not spec.roles or cand.role is None or cand.role in spec.roles:
            return True
        if cand.is_lede and set(spec.roles) & REPORTED and doc_type(cand.passage.chunk) == DOC_TYPE_OF["news"]:
            return True  # a news report's lede states its main event (issue 10, item 4), however the model reads its "would"
        return sum(cand.role_probs.get(r, 0.0) for r in spec.roles) >= 0.5

    def _relative_relevance(self, scored: Scored, *, near: bool = False) -> np.ndarray:
        """Relevance stretched over the on-topic range (0 at the floor, 1 at the best sentence): cosines are
        compressed into a narrow band, and relevance must outweigh how well an off-topic sentence fits a section."""
        ok = self._on_topic(scored, near=near)
        if not ok.any():
            return scored.rel
        low = float(scored.rel[ok].min())
        top = float(scored.rel.max())
        stretched = np.clip((scored.rel - low) / max(top - low, 1e-6), 0.0, 1.0)
        return top * (1.0 - self.REL_STRETCH + self.REL_STRETCH * stretched)

    def _mmr(
        self, limit: int, scored: Scored, pool: list[int], base: np.ndarray, chosen: list[int], used_docs: set[str],
        *, filler_stop: bool = True,
    ) -> list[int]:
        """Maximal marginal relevance over ``pool``; sources not yet used in the section or brief get a bonus.
        ``filler_stop``: stop once the next pick scores FILLER_GAP below the first."""
        cands = scored.cands
        pool = list(pool)
        picks: list[int] = []
        # the new-source bonus favours other articles among comparably relevant sentences only
        if pool:
            top = max(float(scored.rel[i]) for i in pool)
            low = min(float(scored.rel[i]) for i in pool)
            span = max(top - low, 1e-6)
            diversity = {i: min(1.0, max(0.0, (float(scored.rel[i]) - low) / span)) for i in pool}
        section_docs: set[str] = set()
        first_value: float | None = None
        while len(picks) < limit and pool:
            best_i, best_v = None, -math.inf
            for i in pool:
                taken = chosen + picks
                redundancy = max((scored.sims[i, j] for j in taken), default=0.0)
                if redundancy >= self.NEAR_DUPLICATE or any(cands[i].overlaps(cands[j]) for j in taken):
                    continue
                v = self.LAMBDA * base[i] - (1 - self.LAMBDA) * max(redundancy, 0.0)
                if cands[i].doc_id not in section_docs:
                    v += self.NEW_DOC_SECTION_BONUS * diversity[i]
                if cands[i].doc_id not in used_docs:
                    v += self.NEW_DOC_BRIEF_BONUS * diversity[i]
                v = round(float(v), 9)
                if v > best_v or (v == best_v and best_i is not None and cands[i].key() < cands[best_i].key()):
                    best_i, best_v = i, v
            if best_i is None:
                break
            if first_value is None:
                first_value = best_v
            elif filler_stop and best_v < first_value - self.FILLER_GAP:
                break  # the rest would be filler
            picks.append(best_i)
            section_docs.add(cands[best_i].doc_id)
            used_docs.add(cands[best_i].doc_id)
            pool.remove(best_i)
        return picks

    def _topic_covered(self, topic: str, scored: Scored) -> str | None:
        """Why the evidence does not cover a brief's topic, or None when it does: the topic names places, people
        or organisations none of the evidence mentions, or its key terms are mostly missing from the most
        relevant sentences."""
        names = [t for t in key_terms(topic, topic=True) if t.kind in ("entity", "number")]
        all_stems: set[str] = set().union(*(c.stems for c in scored.cands))
        if names and not any(t.stem in all_stems for t in names):
            return "none of the names in the topic occur in the evidence"
        missing = sorted(t.stem for t in names if t.stem in places() and t.stem not in all_stems)
        if missing:
            return f"the evidence never mentions {', '.join(place(k).name for k in missing)}"
        pool = self._most_relevant(scored, self.ANSWER_POOL)
        top = max(float(scored.window_cov[i]) for i in pool)
        if top < self.BRIEF_COVERAGE_MIN:
            return f"the topic's key terms are missing from the most relevant sentences (coverage {top:.2f})"
        return None
