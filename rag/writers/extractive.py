"""The offline default writer: every claim is a sentence quoted verbatim from the evidence.

No text is generated. The writer

1. splits every evidence passage into sentences (exact spans, so ``doc_text[start:end] == claim.text``)
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
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Sequence

import numpy as np

from rag.sentences import sentence_spans
from rag.templates import PromptTemplate, SectionSpec
from rag.text.normalize import compat_form
from rag.writers.base import (
    CitedSpan,
    Draft,
    DraftClaim,
    DraftSection,
    EvidencePassage,
    StreamItem,
    Turn,
)
from rag.writers.key_terms import (
    _ENTITY_NOISE,
    _ENTITY_SECTION_RE,
    _PLACE_CANON,
    _contains_words,
    _coverage,
    _entities,
    _key_terms,
    _ngrams,
    _stem,
    _stems,
    _term_weights,
)
from rag.writers.sentence_cues import (
    _ANAPHORA_RE,
    _CUES,
    _DATE_RE,
    _DOMAIN_CUES,
    _ISO_DATE_RE,
    _NUMBER_RE,
    _PLACE_CLASS,
    _QUESTION_LIGHT,
    _SPECULATIVE,
    _STOPWORDS,
    _TERM_RE,
    _TERMINAL_RE,
    _WANTS_DATE,
    _WANTS_NAME,
    _WANTS_NUMBER,
    _WANTS_TERM,
    _YEARISH_RE,
    _is_label,
    _junk_reason,
    _words,
)

__all__ = ["ExtractiveWriter"]

EmbedFn = Callable[[Sequence[str]], np.ndarray]

MAX_CANDIDATES = 150


# --------------------------------------------------------------------------------------------
# The writer
# --------------------------------------------------------------------------------------------


@dataclass
class _Candidate:
    passage: EvidencePassage
    rank: int  # evidence rank (0-based)
    local_start: int
    local_end: int
    text: str
    stems: set[str] = field(default_factory=set)
    cues: frozenset[str] = frozenset()
    source_stems: frozenset[str] = frozenset()

    @property
    def chunk_id(self) -> str:
        return self.passage.chunk.chunk_id

    @property
    def doc_id(self) -> str:
        return self.passage.chunk.doc_id

    @property
    def start(self) -> int:
        return self.passage.chunk.start + self.local_start

    @property
    def end(self) -> int:
        return self.passage.chunk.start + self.local_end

    def key(self) -> tuple[str, int]:
        return (self.chunk_id, self.local_start)

    def claim(self) -> DraftClaim:
        return DraftClaim(text=self.text, cites=[CitedSpan(self.chunk_id, self.start, self.end)])


@dataclass
class _Scored:
    cands: list[_Candidate]
    cos: np.ndarray  # cosine to the query
    cov: np.ndarray  # weighted share of the query's key terms the sentence contains
    window_cov: np.ndarray  # the same over the sentence and a neighbour in its passage
    rel: np.ndarray  # relevance used for ranking: cosine blended with key-term coverage
    cent: np.ndarray
    sims: np.ndarray  # candidate x candidate cosine
    fit: dict[str, np.ndarray]
    dropped: Counter
    neighbours: list[list[int]] = field(default_factory=list)  # the next sentence when it continues this one


class ExtractiveWriter:
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
    ) -> Draft:
        is_answer = template.kind == "answer"
        query = self._query(topic, history) if is_answer else topic
        claim_specs = [s for s in template.sections if s.kind == "claims"]
        scored = self._score(query, claim_specs, evidence, topic=not is_answer)
        notes = [
            f"extractive: {len(scored.cands)} candidate sentences from {len(evidence)} passages considered"
            + (f"; {sum(scored.dropped.values())} dropped ({self._fmt_dropped(scored.dropped)})" if scored.dropped else "")
        ]
        if not scored.cands:
            return self._abstain(notes + ["abstained: no quotable sentence in the evidence"])
        best = float(scored.cos.max())
        if best < self.abstain_threshold:
            return self._abstain(notes + [f"abstained: best relevance {best:.2f} < {self.abstain_threshold:.2f}"])

        if is_answer:
            verdict = self._answerable(query, scored)
            if verdict is not None:
                return self._abstain(notes + [f"abstained: {verdict}"])
        else:
            verdict = self._topic_covered(topic, scored)
            if verdict is not None:
                return self._abstain(notes + [f"abstained: {verdict}"])

        chosen: list[int] = []
        used_docs: set[str] = set()
        sections: list[DraftSection] = []
        terms_specs: list[SectionSpec] = []
        for spec in template.sections:
            if spec.kind == "claims":
                if is_answer and spec is claim_specs[0]:
                    picks = self._pick_answer(query, spec, scored)
                elif spec.max_items == 1 and "fact" in spec.cues and spec is claim_specs[0]:
                    picks = self._pick_headline(spec, scored)
                elif is_answer:
                    picks = self._pick_details(query, spec, scored, chosen, used_docs)
                else:
                    picks = self._pick_section(spec, scored, chosen, used_docs)
                for i in picks:
                    chosen.append(i)
                    used_docs.add(scored.cands[i].doc_id)
                sections.append(DraftSection(spec.name, claims=[scored.cands[i].claim() for i in picks]))
            elif spec.kind == "terms":
                sections.append(DraftSection(spec.name))
                terms_specs.append(spec)
            else:  # "stat": computed by the pipeline
                sections.append(DraftSection(spec.name))
        if not chosen:
            return self._abstain(notes + ["abstained: no sentence passed the relevance floor"])
        for spec in terms_specs:
            section = next(s for s in sections if s.name == spec.name)
            section.terms = self._terms(spec, scored, chosen, evidence)
        return Draft(sections=sections, abstain=False, backend=self.name, model=self.model, notes=notes)

    def stream(
        self,
        topic: str,
        template: PromptTemplate,
        evidence: Sequence[EvidencePassage],
        *,
        as_of: str | None,
        history: Sequence[Turn] = (),
    ) -> Iterator[StreamItem]:
        draft = self.write(topic, template, evidence, as_of=as_of, history=history)
        for section in draft.sections:
            for j, claim in enumerate(section.claims):
                yield claim.text + ("\n" if j == len(section.claims) - 1 else " ")
        yield draft

    # ---------------------------------------------------------------- candidates and scores

    def _abstain(self, notes: list[str]) -> Draft:
        return Draft(sections=[], abstain=True, backend=self.name, model=self.model, notes=notes)

    @staticmethod
    def _fmt_dropped(dropped: Counter) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(dropped.items()))

    @staticmethod
    def _query(question: str, history: Sequence[Turn]) -> str:
        """The question, plus the last user turn's content words when it looks like a follow-up."""
        last_user = next((t.content for t in reversed(history) if t.role == "user" and t.content.strip() != question.strip()), None)
        if not last_user:
            return question
        content = [w for w in _words(question) if w.lower() not in _STOPWORDS and w.lower() not in _QUESTION_LIGHT]
        pronoun = re.search(r"\b(?:it|its|they|them|their|that|this|those|these|he|him|his|she|her)\b", question, re.I)
        if len(content) > 4 and not pronoun:
            return question
        extra = [w for w in _words(last_user) if w.lower() not in _STOPWORDS and w.lower() not in _QUESTION_LIGHT]
        return question.rstrip() + " (" + " ".join(dict.fromkeys(extra)) + ")" if extra else question

    def _candidates(self, evidence: Sequence[EvidencePassage]) -> tuple[list[_Candidate], Counter]:
        per_passage: list[list[_Candidate]] = []
        seen_spans: set[tuple[str, int, int]] = set()
        seen_text: set[str] = set()
        dropped: Counter = Counter()
        for rank, ep in enumerate(evidence):
            mine: list[_Candidate] = []
            source = frozenset(_stems(ep.chunk.publisher)) if ep.chunk.publisher else frozenset()
            for sent in sentence_spans(ep.chunk.text):
                span = (ep.chunk.doc_id, ep.chunk.start + sent.start, ep.chunk.start + sent.end)
                if span in seen_spans:
                    continue
                seen_spans.add(span)
                reason = _junk_reason(sent.text)
                if not reason and (
                    sent.text[:1].islower()  # starts mid-sentence: the passage was cut before it
                    or (sent.end >= len(ep.chunk.text.rstrip()) and not _TERMINAL_RE.search(sent.text))
                ):
                    reason = "truncated"
                if reason:
                    dropped[reason] += 1
                    continue
                norm = re.sub(r"\W+", " ", sent.text.lower()).strip()
                if norm in seen_text:
                    dropped["duplicate"] += 1
                    continue
                seen_text.add(norm)
                cues = frozenset(name for name, rx in _CUES.items() if rx.search(sent.text))
                mine.append(_Candidate(ep, rank, sent.start, sent.end, sent.text, _stems(sent.text), cues, source))
            per_passage.append(mine)
        # Bound the candidate count fairly: round-robin over passages in evidence order.
        out: list[_Candidate] = []
        depth = 0
        while len(out) < MAX_CANDIDATES and any(depth < len(p) for p in per_passage):
            for p in per_passage:
                if depth < len(p) and len(out) < MAX_CANDIDATES:
                    out.append(p[depth])
            depth += 1
        total = sum(len(p) for p in per_passage)
        if total > len(out):
            dropped["over cap"] += total - len(out)
        out.sort(key=lambda c: (c.rank, c.local_start))
        return out, dropped

    def _score(
        self, query: str, specs: Sequence[SectionSpec], evidence: Sequence[EvidencePassage], *, topic: bool = False
    ) -> _Scored:
        cands, dropped = self._candidates(evidence)
        if not cands:
            z = np.zeros(0)
            return _Scored([], z, z, z, z, z, np.zeros((0, 0)), {}, dropped)
        texts = [query] + [s.description for s in specs] + [c.text for c in cands]
        mat = np.asarray(self._embed(texts), dtype=np.float32)
        q, descs, sents = mat[0], mat[1 : 1 + len(specs)], mat[1 + len(specs) :]
        cos = (sents @ q).astype(np.float64)
        cov, window_cov, neighbours = self._coverages(query, cands, topic=topic)
        rel = (1 - self.W_LEXICAL) * cos + self.W_LEXICAL * cov
        sims = sents @ sents.T
        n = len(cands)
        cent = (sims.sum(axis=1) - np.diag(sims)) / max(n - 1, 1) if n > 1 else np.zeros(n)
        raw = {spec.name: (sents @ d).astype(np.float64) for spec, d in zip(specs, descs)}
        # fit to a section, sharpened by how much better it fits this section than the average one
        mean = np.mean(list(raw.values()), axis=0) if raw else np.zeros(n)
        fit = {name: f + self.FIT_CONTRAST * (f - mean) for name, f in raw.items()}
        return _Scored(
            cands, cos, cov, window_cov, rel, cent.astype(np.float64), sims.astype(np.float64), fit, dropped, neighbours
        )

    @staticmethod
    def _coverages(query: str, cands: list[_Candidate], *, topic: bool = False) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
        """Key-term coverage per sentence, and per sentence plus one neighbour (an answer may span two)."""
        terms = _key_terms(query, topic=topic)
        # a sentence also "mentions" its publisher: questions say "the X brief" for a source's own claims
        stems = [c.stems | c.source_stems for c in cands]
        weights = _term_weights(terms, stems)
        cov = np.array([_coverage(terms, st, weights) for st in stems], dtype=np.float64)
        window = cov.copy()
        neighbours: list[list[int]] = [[] for _ in cands]
        by_chunk: dict[str, list[int]] = {}
        for i, c in enumerate(cands):
            by_chunk.setdefault(c.chunk_id, []).append(i)
        for idxs in by_chunk.values():
            idxs.sort(key=lambda i: cands[i].local_start)
            for a, b in zip(idxs, idxs[1:]):
                if cands[b].local_start - cands[a].local_end > 3:  # not adjacent: a junk line between them
                    continue
                if _ANAPHORA_RE.match(cands[b].text):  # b continues a: "The decision, reported by ..."
                    neighbours[a].append(b)
                joined = _coverage(terms, stems[a] | stems[b], weights)
                window[a] = max(window[a], joined)
                window[b] = max(window[b], joined)
        return cov, window, neighbours

    def _cue_bonus(self, spec: SectionSpec, cand: _Candidate) -> float:
        hits = sum(1 for c in spec.cues if c in cand.cues)
        bonus = min(self.CUE_CAP, self.CUE_BONUS * hits)
        if "fact" in spec.cues and not set(spec.cues) & _SPECULATIVE:
            bonus -= self.SPECULATION_PENALTY * min(2, len(cand.cues & _SPECULATIVE))  # speculation fits less
        return bonus

    def _on_topic(self, scored: _Scored, gap: float | None = None) -> np.ndarray:
        """Candidates relevant enough to quote.

        For a brief: within REL_FLOOR_GAP of the third most relevant sentence (one outlier that repeats the
        topic's words must not make everything else look off-topic) and within COS_FLOOR_GAP of the closest
        sentence in meaning. For an answer (``gap`` given): within ``gap`` of the most relevant sentence.
        Never far below the abstention line.
        """
        floor_cos = self.abstain_threshold - 0.05
        if gap is not None:
            return (scored.rel >= float(scored.rel.max()) - gap) & (scored.cos >= floor_cos)
        ranked = np.sort(scored.rel)[::-1]
        ref = float(ranked[min(2, len(ranked) - 1)])
        floor_cos = max(floor_cos, float(scored.cos.max()) - self.COS_FLOOR_GAP)
        return (scored.rel >= ref - self.REL_FLOOR_GAP) & (scored.cos >= floor_cos)

    def _order(self, scored: _Scored, values: np.ndarray, pool: Sequence[int]) -> list[int]:
        return sorted(pool, key=lambda i: (-round(float(values[i]), 9), scored.cands[i].key()))

    # ---------------------------------------------------------------- selection

    def _pick_headline(self, spec: SectionSpec, scored: _Scored) -> list[int]:
        ok = self._on_topic(scored)
        pool = [i for i in range(len(scored.cands)) if ok[i]]
        # a headline states something that happened: prefer fact sentences without hedges or conditions
        facts = [i for i in pool if "fact" in scored.cands[i].cues]
        pool = facts or pool
        statements = [i for i in pool if not _is_label(scored.cands[i].text)]
        pool = statements or pool
        style = np.array([self._cue_bonus(spec, c) for c in scored.cands])
        value = 0.6 * scored.rel + 0.25 * scored.cent + 0.15 * scored.fit[spec.name] + style
        return self._order(scored, value, pool)[:1]

    def _pick_section(self, spec: SectionSpec, scored: _Scored, chosen: list[int], used_docs: set[str]) -> list[int]:
        """A brief's section: on-topic sentences that fit it, by MMR."""
        cands = scored.cands
        ok = self._on_topic(scored)
        fit = scored.fit[spec.name]
        domain_cues = [c for c in spec.cues if c in _DOMAIN_CUES]
        pool = []
        for i, c in enumerate(cands):
            if i in chosen or not ok[i]:
                continue
            if not spec.required and fit[i] < self.OPTIONAL_FIT_FLOOR and not (
                domain_cues and any(d in c.cues for d in domain_cues)
            ):
                continue
            pool.append(i)
        # a required section gets its best on-topic candidate even if only weakly fitting
        rel = self._relative_relevance(scored)
        base = np.array(
            [
                self.W_REL * rel[i] + self.W_FIT * fit[i] + self.W_CENT * scored.cent[i] + self._cue_bonus(spec, cands[i])
                for i in range(len(cands))
            ]
        )
        return self._mmr(spec.max_items, scored, pool, base, chosen, used_docs)

    def _relative_relevance(self, scored: _Scored) -> np.ndarray:
        """Relevance stretched over the on-topic range (0 at the floor, 1 at the best sentence): cosines are
        compressed into a narrow band, and relevance must outweigh how well an off-topic sentence fits a section."""
        ok = self._on_topic(scored)
        if not ok.any():
            return scored.rel
        low = float(scored.rel[ok].min())
        top = float(scored.rel.max())
        stretched = np.clip((scored.rel - low) / max(top - low, 1e-6), 0.0, 1.0)
        return top * (1.0 - self.REL_STRETCH + self.REL_STRETCH * stretched)

    def _mmr(
        self, limit: int, scored: _Scored, pool: list[int], base: np.ndarray, chosen: list[int], used_docs: set[str]
    ) -> list[int]:
        """Maximal marginal relevance over ``pool``; sources not yet used in the section or brief get a bonus."""
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
                if redundancy >= self.NEAR_DUPLICATE:
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
            elif best_v < first_value - self.FILLER_GAP:
                break  # the rest would be filler
            picks.append(best_i)
            section_docs.add(cands[best_i].doc_id)
            used_docs.add(cands[best_i].doc_id)
            pool.remove(best_i)
        return picks

    # ---------------------------------------------------------------- questions

    @staticmethod
    def _answer_type(question: str) -> str | None:
        if _WANTS_DATE.search(question):
            # "when" is answered by "last week" too; "on what date" needs the date
            return "when" if re.match(r"\s*(?:since )?when\b", question, re.I) else "date"
        if _WANTS_NUMBER.search(question):
            return "number"
        if _WANTS_TERM.search(question):
            return "term"
        if _WANTS_NAME.search(question):
            return "name"
        return None

    @staticmethod
    def _has_type(kind: str | None, cand: _Candidate, question_stems: set[str], places_ok: bool = True) -> bool:
        """Whether the sentence holds the kind of answer asked for, beyond what the question already says."""
        if kind is None:
            return True
        text = compat_form(cand.text)  # "ＳＭＩＣ" is a name and "７ｎｍ" a number, as in ASCII
        if kind == "when":
            return any(_stem(m.group(0)) not in question_stems for m in _DATE_RE.finditer(text))
        if kind == "date":
            return any(
                _stem(m.group(0)) not in question_stems
                for m in _DATE_RE.finditer(text)
                if not re.match(r"yesterday|today|last|earlier", m.group(0), re.I)
            )
        if kind == "term":  # a quoted or named term
            return bool(_TERM_RE.search(text))
        if kind == "number":  # a quantity: not a year or a date
            masked = _ISO_DATE_RE.sub(" ", text)
            return any(
                _stem(m.group(0)) not in question_stems and not _YEARISH_RE.match(m.group(0))
                for m in _NUMBER_RE.finditer(masked)
            )
        for name, initial in _entities(text):
            words = [w for w in name.split() if w[0].isupper() and w.lower() not in _ENTITY_NOISE]
            if not words or (initial and len(name.split()) == 1):
                continue
            new = [w for w in words if _stem(w) not in question_stems]
            # a country or capital only answers a question that asks for a place
            if new and (places_ok or any(w.lower() not in _PLACE_CANON for w in new)):
                return True
        return False

    def _typed(self, query: str, scored: _Scored) -> tuple[str | None, np.ndarray]:
        kind = self._answer_type(query)
        qstems = _stems(query)
        places_ok = bool(_PLACE_CLASS.search(query))
        return kind, np.array([1.0 if self._has_type(kind, c, qstems, places_ok) else 0.0 for c in scored.cands])

    def _answerable(self, query: str, scored: _Scored) -> str | None:
        """Why the evidence does not answer the question, or None when it does.

        The question is answered when one of the most relevant sentences (with a neighbour) holds most of the
        question's key terms, weighted by how rare they are in the evidence, and, for who/when/how-many
        questions, a name, date or number the question does not already contain.
        """
        kind, typed = self._typed(query, scored)
        best = float(scored.rel.max())
        pool = [i for i in self._order(scored, scored.rel, range(len(scored.cands)))[: self.ANSWER_POOL]
                if scored.rel[i] >= best - self.DETAIL_GAP]
        covered = [i for i in pool if scored.window_cov[i] >= self.ANSWER_COVERAGE_MIN]
        if not covered:
            top = max(float(scored.window_cov[i]) for i in pool)
            return f"the question's key terms are missing from the most relevant sentences (coverage {top:.2f})"
        # a term is often paraphrased rather than quoted, so only names, dates and numbers are required
        typed_ok = [i for i in covered if kind == "term" or typed[i] or any(typed[j] for j in scored.neighbours[i])]
        if not typed_ok:
            return f"no relevant sentence gives the {kind} the question asks for"
        # the countries (or capitals) a focused question names must all be in the answering passage: an answer
        # about Taiwan does not answer a question about Japan (a question naming three or more compares them)
        places = {_PLACE_CANON[t.stem] for t in _key_terms(query) if t.stem in _PLACE_CANON}
        if 0 < len(places) <= 2 and not any(places <= self._passage_stems(scored, i) for i in typed_ok):
            return "the most relevant sentences are about other countries than the question"
        return None

    @staticmethod
    def _passage_stems(scored: _Scored, i: int) -> set[str]:
        """Stems of the passage a sentence comes from (what the sentence's context talks about)."""
        chunk = scored.cands[i].passage.chunk
        return _stems(chunk.text)

    def _answer_value(self, query: str, spec: SectionSpec, scored: _Scored) -> np.ndarray:
        """How well each sentence answers the question: relevance dominates; key terms and the wanted kind of
        answer (a name, date or number) add to it."""
        kind, typed = self._typed(query, scored)
        bonus = self.TYPED_BONUS * typed if kind else np.zeros(len(scored.cands))
        return scored.rel + 0.15 * scored.window_cov + bonus + 0.05 * scored.fit[spec.name]

    def _pick_answer(self, query: str, spec: SectionSpec, scored: _Scored) -> list[int]:
        ok = self._on_topic(scored, self.DETAIL_GAP)
        pool = [i for i in range(len(scored.cands)) if ok[i]]
        return self._order(scored, self._answer_value(query, spec, scored), pool)[:1]

    def _pick_details(
        self, query: str, spec: SectionSpec, scored: _Scored, chosen: list[int], used_docs: set[str]
    ) -> list[int]:
        """Supporting detail: the answer's continuation when it holds the name/date/number asked for, then the
        sentences that best answer the question from preferably other sources."""
        kind, typed = self._typed(query, scored)
        forced: list[int] = []
        if kind and chosen and not typed[chosen[0]]:
            forced = [j for j in scored.neighbours[chosen[0]] if typed[j]][:1]
        ok = self._on_topic(scored, self.DETAIL_GAP)
        pool = [i for i in range(len(scored.cands)) if ok[i] and i not in chosen and i not in forced]
        value = self._answer_value(query, spec, scored) + np.array([self._cue_bonus(spec, c) for c in scored.cands]) / 2
        for j in forced:
            used_docs.add(scored.cands[j].doc_id)
        rest = self._mmr(spec.max_items - len(forced), scored, pool, value, chosen + forced, used_docs)
        return forced + rest

    def _topic_covered(self, topic: str, scored: _Scored) -> str | None:
        """Why the evidence does not cover a brief's topic, or None when it does: the topic names places, people
        or organisations none of the evidence mentions, or its key terms are mostly missing from the most
        relevant sentences."""
        names = [t for t in _key_terms(topic, topic=True) if t.kind in ("entity", "number")]
        all_stems: set[str] = set().union(*(c.stems for c in scored.cands))
        if names and not any(t.stem in all_stems for t in names):
            return "none of the names in the topic occur in the evidence"
        missing = sorted(t.stem for t in names if t.stem in _PLACE_CANON and t.stem not in all_stems)
        if missing:
            return f"the evidence never mentions {', '.join(missing)}"
        pool = self._order(scored, scored.rel, range(len(scored.cands)))[: self.ANSWER_POOL]
        top = max(float(scored.window_cov[i]) for i in pool)
        if top < self.BRIEF_COVERAGE_MIN:
            return f"the topic's key terms are missing from the most relevant sentences (coverage {top:.2f})"
        return None

    # ---------------------------------------------------------------- terms

    def _terms(
        self, spec: SectionSpec, scored: _Scored, chosen: list[int], evidence: Sequence[EvidencePassage]
    ) -> list[str]:
        # terms come from quotable sentences (not headings or boilerplate) of the passages the brief cites
        cited_chunks = {scored.cands[i].chunk_id for i in chosen}
        cited_texts = [c.text for c in scored.cands if c.chunk_id in cited_chunks]
        by_chunk: dict[str, list[str]] = {}
        for c in scored.cands:
            by_chunk.setdefault(c.chunk_id, []).append(c.text)
        passages = [" ".join(v) for v in by_chunk.values()]
        all_low = "\n".join(ep.chunk.text for ep in evidence).lower()
        selected = [scored.cands[i].text for i in chosen]
        if _ENTITY_SECTION_RE.search(spec.name) or _ENTITY_SECTION_RE.search(spec.description):
            terms = self._entity_terms(selected, cited_texts, [c.text for c in scored.cands], spec.max_items)
        else:
            terms = self._keyword_terms(selected, cited_texts, passages, spec.max_items)
        out: list[str] = []
        for t in terms:
            if t.lower() in all_low and t.lower() not in {o.lower() for o in out}:
                out.append(t)
            if len(out) >= spec.max_items:
                break
        return out

    @staticmethod
    def _entity_terms(selected: list[str], cited: list[str], candidates: list[str], limit: int) -> list[str]:
        mid_sentence: set[str] = set()  # names seen capitalized inside a sentence somewhere
        lower_words: set[str] = set()  # words seen in lower case: common nouns, not names
        for text in candidates:
            lower_words.update(w for w in re.findall(r"[a-z][a-z\-]+", text))
            for name, initial in _entities(text):
                if not initial:
                    mid_sentence.add(name)
        score: Counter = Counter()
        first_seen: dict[str, int] = {}
        order = 0
        for weight, texts in ((3.0, selected), (1.0, cited)):
            for text in texts:
                for name, initial in _entities(text):
                    words = name.split()
                    if len(words) == 1 and (name.lower() in _STOPWORDS or name.lower() in _ENTITY_NOISE or len(name) < 2):
                        continue
                    if len(words) == 1 and _PLACE_CANON.get(name.lower(), name.lower()) != name.lower():
                        continue  # a demonym ("Japanese") is not an entity; the country is

                    if len(words) == 1 and (
                        (initial and name not in mid_sentence) or (name.lower() in lower_words and not name.isupper())
                    ):
                        continue
                    if len(words) > 6:
                        continue
                    score[name] += weight * (1.0 + 0.3 * (len(words) > 1))
                    if name not in first_seen:
                        first_seen[name] = order
                        order += 1
        ranked = sorted(score, key=lambda n: (-score[n], first_seen[n], n))
        out: list[str] = []
        for name in ranked:
            low = name.lower()
            # skip a name that is part of a longer one already listed (keep "Yoshihide Suga", drop "Suga")
            if any(_contains_words(o.lower(), low) for o in out):
                continue
            out.append(name)
            if len(out) >= 2 * limit:
                break
        return out

    @staticmethod
    def _keyword_terms(selected: list[str], cited: list[str], passages: list[str], limit: int) -> list[str]:
        df: Counter = Counter()
        total: Counter = Counter()
        for text in passages:
            grams = [g.lower() for g in _ngrams(text)]
            df.update(set(grams))
            total.update(grams)
        n_docs = max(len(passages), 1)
        tf: Counter = Counter()
        surface: dict[str, str] = {}
        for weight, texts in ((3.0, selected), (1.0, cited)):
            for text in texts:
                for g in _ngrams(text):
                    low = g.lower()
                    tf[low] += weight
                    if low not in surface or (surface[low][0].isupper() and not g[0].isupper()):
                        surface[low] = g
        scores: dict[str, float] = {}
        for low, f in tf.items():
            n = low.count(" ") + 1
            if total[low] < (3 if n == 1 else 2):
                continue  # a tag is a theme the evidence returns to
            idf = math.log(1.0 + n_docs / (1.0 + df[low]))
            proper = all(w[0].isupper() for w in surface[low].split())
            # a tag names a theme; names of countries and people belong to the entities
            scores[low] = f * idf * (1.0 + 0.6 * (n - 1)) * (0.4 if proper else 1.0)
        ranked = sorted(scores, key=lambda g: (-round(scores[g], 9), g))
        out: list[str] = []
        for low in ranked:
            if any(_contains_words(low, o.lower()) or _contains_words(o.lower(), low) for o in out):
                continue
            out.append(surface[low])
            if len(out) >= 2 * limit:
                break
        return out
