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

import re
import threading
from collections import Counter, OrderedDict
from typing import Any, Callable, Iterator, Sequence

import numpy as np

from rag.followup import on_story
from rag.support.name_readings import acronym_reading, topic_acronym_reading, twin_reading
from rag.templates import PromptTemplate, SectionSpec
from rag.text.cross_lingual import crosses_languages, english_gloss
from rag.text.places import place, places
from rag.writers.answer_kind import (SINGLE_VALUE_KINDS, answer_type, answers_anew, asks_for_more,
                                     without_carried_context)
from rag.writers.latest_news import asks_latest, newest_leads
from rag.writers.answer_context import alone_in_conversation, link_dependents
from rag.writers.answer_headline import shown_headline
from rag.writers.author_notes import asks_about_writer
from rag.writers.answering import QuestionAnswering
from rag.types import ResolvedQuestion, Turn
from rag.writers.base import Draft, DraftSection, EvidencePassage, StreamItem
from rag.writers.candidates import (Candidate, Scored, candidates, cap_titles, coverages, is_document_file, is_other_story, paragraph, quotable,
                                    type_roles)
from rag.writers.digest_titles import digest_story, other_stories, split_digest_titles
from rag.writers.title_hedges import drop_strong_titles
from rag.writers.hypotheses import REPORTED
from rag.writers.key_terms import coverage, key_terms, place_keys, stem, term_weights
from rag.writers.key_terms import stems as text_stems
from rag.writers.keyword_query import covered_by_terms, titled_by_terms
from rag.writers.on_topic import (fits_story_time, names_the_story, other_time, story_actors, story_run, story_years, topic_stems,
                                  topic_years, topical_documents)
from rag.writers.role_typing import DOC_TYPE_OF, doc_type
from rag.writers.dimensions import DIMENSIONS
from rag.writers.generic_lines import adds_nothing
from rag.writers.section_picks import SectionPicking
from rag.writers.source_structure import mark_structure
from rag.writers.story_terms import salience
from rag.writers.terms_section import section_terms
from rag.writers.watch_items import section_roles

__all__ = ["ExtractiveWriter"]

EmbedFn = Callable[[Sequence[str]], np.ndarray]

# --------------------------------------------------------------------------------------------
# The writer
# --------------------------------------------------------------------------------------------


def _drop_shown_headline(sections) -> None:
    """An answer whose first claim leads with its document's headline (``answer_headline.headline_lead``) does not
    quote that headline again as a later claim: it was shown already."""
    first = next((sec.claims[0] for sec in sections if sec.claims), None)
    shown = shown_headline(first.text) if first is not None else None
    if shown is None:
        return
    for sec in sections:
        sec.claims = [c for c in sec.claims if c is first or " ".join(c.text.split()) != " ".join(shown.split())]


class ExtractiveWriter(QuestionAnswering, SectionPicking):
    """Quote the most relevant, central and section-fitting sentences of the evidence; generate nothing."""

    name = "extractive"
    model = "extractive-mmr-v1"
    label = "Extractive: every sentence is quoted from the cited source; no text is generated."

    # scoring weights (the selection weights are SectionPicking's)
    FIT_CONTRAST = 0.5
    W_LEXICAL = 0.3  # share of relevance that comes from the query's key terms
    CONTEXT_WEIGHT = 0.5  # weight of a follow-up's carried-over terms relative to the words asked
    DETAIL_GAP = 0.15
    TYPED_BONUS = 0.15
    # question answering
    ANSWER_COVERAGE_MIN = 0.3
    BRIEF_COVERAGE_MIN = 0.4
    #: the most of a brief topic's key-term weight (rarity-weighted over the evidence) its words no evidence sentence
    #: or headline holds may carry: above it the evidence tells other stories about the rest of the topic
    #: ("Chinese export controls on gallium and germanium" over reports of other Chinese export controls: 0.45 to
    #: 0.58). Measured (s54) on the 15 seed topics and the 37 topics-news topics, all covered: at most 0.24, one word
    #: absent ("dispute", "spring")
    BRIEF_ABSENT_MAX = 0.4
    ANSWER_POOL = 10
    #: how many of a named writer's recommendations an answer quotes: its first sentence and three details (the
    #: answer template's one and three)
    RECOMMENDATIONS_QUOTED = 4
    CACHE_SIZE = 8192

    def __init__(self, embed: EmbedFn | Any, *, abstain_threshold: float = 0.35) -> None:
        method = getattr(embed, "embed", None)
        self._embed_fn: EmbedFn = method if callable(method) else embed
        self._model_id: str | None = getattr(embed, "model_id", None)  # its vectors feed the role classifier when it is MiniLM
        self.abstain_threshold = abstain_threshold
        # Sentences recur across briefs and answers on the same corpus: keep their vectors (bounded).
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()

    @staticmethod
    def _embedding_texts(query: str, cands: Sequence[Candidate]) -> list[str]:
        """What the embedder reads for each candidate: its text, or, for a CJK sentence under a question that is not
        in CJK, its English gloss (``rag.text.cross_lingual.english_gloss``: the English readings of the domain
        terms it and its headline name). The embedder is English MiniLM: it cannot compare an English question with
        a Japanese or Chinese sentence, and a Japanese sentence giving the asked fine fell under the relevance floor."""
        return [(crosses_languages(query, c.text) and english_gloss(c.text, c.passage.chunk.title or "")) or c.text
                for c in cands]

    def _query_cosines(self, query: str, cands: Sequence[Candidate], q: np.ndarray, own: np.ndarray) -> np.ndarray:
        """Each candidate's cosine to the question (``q``, its vector), from ``own`` (the candidates' own vectors'
        cosines), titles capped (``cap_titles``). A transcript's answer sentence (``Candidate.asked_in``) is read with
        the question turn it answers, and is as near the question as the better of the two readings: "China firmly
        opposes the abuse of export control measures." answers "Kyodo News: Japan … will add 18 types of
        semiconductor manufacturing equipment to its export control list. What is China's response?", and is as near
        "What did the spokesperson say about Japan's export controls?" as the two together."""
        cos = np.asarray(own, dtype=np.float64).copy()
        asked = [i for i, c in enumerate(cands) if c.asked_in]
        if asked:
            own_texts = self._embedding_texts(query, [cands[i] for i in asked])
            vecs = np.asarray(self._embed([f"{cands[i].asked_in} {t}" for i, t in zip(asked, own_texts)]), dtype=np.float64)
            cos[asked] = np.maximum(cos[asked], vecs @ np.asarray(q, dtype=np.float64))
        return cap_titles(list(cands), cos)

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
        if is_answer:  # "TSMC" asked, "Taiwan Semiconductor Manufacturing Co." written: read in the evidence's form,
            # and an acronym the evidence only spells out ("TAO": "Taiwan Affairs Office") as its full name
            written = "\n".join(ep.chunk.text for ep in evidence)
            query = acronym_reading(twin_reading(query, written), written)
        else:  # a brief's "GPU smuggling" over reports of "smuggled GPUs" or "graphics processors": its acronym in a
            # form the evidence's text writes (``topic_acronym_reading``; a title is no quotable sentence)
            query = topic_acronym_reading(query, "\n".join(ep.chunk.text for ep in evidence))
        # a follow-up is ranked by the words asked this turn; the carried-over context counts CONTEXT_WEIGHT
        context = resolved.context if is_answer and resolved is not None and resolved.is_follow_up else ()
        # an open follow-up ("and what did they do?") asks for something new: the sentences already given in the
        # conversation are not candidates (nor for a follow-up asking for an action or a list). A follow-up for a
        # name, date or number may repeat the sentence holding it.
        # The kind is the standalone question's: an elliptical follow-up ("And the year before?") asks for the kind
        # its carried context leads with ("How many ..."), as the rest of the answer reads it.
        kind = answer_type(resolved.standalone) if context else None
        # ... nor for one asking for more of a kind ("Who else was sentenced?": the members not already given)
        more = bool(context) and asks_for_more(resolved.asked)
        said = (self._already_said(history) if context and (kind in (None, "action", "intent", "list") or more)
                else ())
        claim_specs = [s for s in template.sections if s.kind == "claims"]
        # what the question asks, without the names carried over from the previous answer (they may be its answer)
        asked_q = resolved.question if is_answer and resolved is not None and context else query
        scored = self._score(query, claim_specs, evidence, topic=not is_answer, asked=resolved.asked if context else None,
                             polar=is_answer and self._polar_claim(asked_q) is not None,
                             context=context, said=said, story=resolved.said if context else (),
                             # a follow-up for a name, number or date: the sentence holding it may lead, alone
                             given=(self._already_said(history) if context and kind in SINGLE_VALUE_KINDS
                                    and not more else ()))
        notes = [
            f"extractive: {len(scored.cands)} candidate sentences from {len(evidence)} passages considered"
            + (f"; {sum(scored.dropped.values())} dropped ({self._fmt_dropped(scored.dropped)})" if scored.dropped else "")
        ]
        # "Who is Sato Kei?": the sentence or list line naming the person with a title answers it, however short
        who = self._who_is_answer(resolved.asked if context else query, evidence) if is_answer else None
        if who is not None:
            claim, note = who
            return Draft(sections=[DraftSection(spec.name, claims=[claim] if spec is claim_specs[0] else [])
                                   for spec in template.sections], backend=self.name, model=self.model,
                         notes=notes + [note])
        if not scored.cands:
            return self._abstain(notes + ["abstained: no quotable sentence in the evidence"])
        if is_answer and not history and asks_latest(asked_q):
            # "What happened this week?": no topic words to be near; the evidence is the newest reports
            # (``latest_news``): their leads answer, newest first, the first as the answer, the rest as its details
            leads = newest_leads([(c.doc_id, str(c.passage.chunk.metadata.get("published") or ""), i)
                                  for titles in (False, True) for i, c in enumerate(scored.cands)
                                  if c.is_title is titles and c.role not in ("furniture",)],
                                 limit=sum(s.max_items for s in claim_specs))
            if leads:
                sections, k = [], 0
                for spec in template.sections:
                    take = leads[k:k + spec.max_items] if spec.kind == "claims" else []
                    k += len(take)
                    sections.append(DraftSection(spec.name, claims=[scored.cands[i].claim() for i in take]))
                return Draft(sections=sections, abstain=False, backend=self.name, model=self.model,
                             notes=notes + [f"the latest news: the leads of the {len(leads)} newest reports, newest first"])
        # (a sentence in another language from a report not telling the question's story does not lift it over the
        # floor: ``_off_story_across``)
        kept = ~self._off_story_across(asked_q, scored) if is_answer else np.ones(len(scored.cands), dtype=bool)
        best = float(scored.cos[kept].max()) if kept.any() else 0.0
        # a keyword query's or a short question's cosine is low even against a sentence about it: its terms, all in
        # one sentence, show it
        # ... and a question asking what a named writer recommends ("What does Mori Haruka recommend?") is answered
        # by the writer's recommending sentences, however little they resemble it (``_writer_recommendations``)
        # ... and a keyword query whose words meet only in a report's title ("… over chip smuggling networks") is
        # covered by that report (an answer reads no title as a sentence: ``titled_by_terms``)
        if best < self.abstain_threshold and not covered_by_terms(query, scored.window_cov[kept]) and not titled_by_terms(
                query, {c.passage.chunk.title or "" for c in scored.cands}) and not (
                is_answer and self._writer_recommendations(asked_q, scored)):
            draft = self._abstain(notes + [f"abstained: best relevance {best:.2f} < {self.abstain_threshold:.2f}"])
            # a count no source gives, of a thing they report: say what they report of it (``count_partial_at_floor``)
            verdict = self.count_partial_at_floor(asked_q, scored) if is_answer else None
            if verdict is not None:
                draft.notes.append(f"abstained: {verdict}")
                draft.partial, draft.missing = self._partial(asked_q, claim_specs[0], scored, verdict)
            return draft

        # a question asking whether something is so is answered by the checker's verdict on its claim (answering)
        polar = self._polar_answer(asked_q, scored) if is_answer else None
        if polar is not None and not polar.decided:
            draft = self._abstain(notes + [f"abstained: the sources do not say {polar.missing}"])
            draft.partial = scored.cands[polar.index].claim() if polar.index is not None else None  # none about it
            draft.missing = polar.missing  # marked when the quote tells the act only as intended
            return draft
        if is_answer:
            verdict = self._answerable(asked_q, scored, as_of) if polar is None else None
            if verdict is not None:
                draft = self._abstain(notes + [f"abstained: {verdict}"])
                # the evidence covers what was asked about but not the fact asked for: say what it does say
                draft.partial, draft.missing = self._partial(asked_q, claim_specs[0], scored, verdict)
                return draft
        else:
            verdict = self._topic_covered(query, scored)
            if verdict is not None:
                return self._abstain(notes + [f"abstained: {verdict}"])

        chosen: list[int] = []
        used_docs: set[str] = set()
        sections: list[DraftSection] = []
        terms_specs: list[SectionSpec] = []
        picks_of: dict[str, list[int]] = {}
        # the dimensions that have a section of their own: a source's item labelled with one goes there only
        domains = frozenset(d for s in claim_specs for d in s.require_cues if d in DIMENSIONS)
        for spec in template.sections:
            if spec.kind == "claims":
                if is_answer and spec is claim_specs[0]:
                    picks = [polar.index] if polar is not None else self._pick_answer(asked_q, spec, scored, as_of=as_of)
                    if polar is None and picks:  # a body sentence stating what the headline would add leads instead
                        body = self._body_over_headline(asked_q, scored, picks[0])
                        picks = [body, *picks[1:]] if body is not None else picks
                elif "fact" in spec.cues and spec is claim_specs[0]:
                    # the headline or BLUF leads with the story's main event; a BLUF of two adds its best other claim
                    picks = self._pick_headline(spec, scored)
                    if picks and spec.max_items > 1:
                        picks += self._pick_section(spec, scored, chosen + picks, used_docs | {scored.cands[picks[0]].doc_id},
                                                    alone=self._alone(spec, claim_specs), room=spec.max_items - 1,
                                                    domains=domains, titles=False)
                elif is_answer:
                    picks = self._verdict_details(asked_q, spec, scored, chosen, used_docs, polar, as_of=as_of)
                else:
                    picks = self._pick_section(spec, scored, chosen, used_docs, alone=self._alone(spec, claim_specs),
                                               domains=domains)
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
        if not is_answer and claim_specs and picks_of.get(claim_specs[0].name):
            # the BLUF summarises the body: an explanation it quotes is still the sources' explanation, so a
            # section that weighs explanations and found none left may list it again (with its evidence) rather
            # than say the sources offer none
            summary = set(picks_of[claim_specs[0].name])
            for spec in claim_specs[1:]:
                if spec.weigh_evidence and not picks_of[spec.name]:
                    picks_of[spec.name] = self._pick_section(spec, scored, [i for i in chosen if i not in summary],
                                                             used_docs, alone=self._alone(spec, claim_specs))
        if not is_answer and claim_specs:
            # a section of one dimension the first round left empty takes a sentence that speaks to its dimension
            # at all, once every section has had its pick (``_pick_section(weakly=True)``)
            for spec in claim_specs[1:]:
                if not picks_of[spec.name] and set(spec.require_cues) & set(DIMENSIONS):
                    picks_of[spec.name] = self._pick_section(spec, scored, chosen, used_docs, weakly=True,
                                                             alone=self._alone(spec, claim_specs), domains=domains)
                    chosen.extend(picks_of[spec.name])
        if not is_answer and scored.near is not None:
            # a section the on-topic documents leave empty looks one cut further: a related report of the same
            # actors (``on_topic.near``), still only for the roles the section takes
            for spec in claim_specs[1:]:
                if not picks_of[spec.name]:
                    picks_of[spec.name] = self._pick_section(spec, scored, chosen, used_docs, near=True,
                                                             alone=self._alone(spec, claim_specs), domains=domains)
                    chosen.extend(picks_of[spec.name])
        lead = picks_of.get(claim_specs[0].name) if claim_specs else None
        if not is_answer and lead and len(lead) == 1 and claim_specs[0].max_items == 1 and not scored.cands[lead[0]].is_title:
            # a headline of one sentence is shown as the brief's title, not as a section: when it is the only event
            # the sources tell (a title stronger than its text left out), "What happened" states it too rather than
            # say the corpus has no evidence of what happened. Not another outlet's title: that is the headline only
            # for want of a sentence, and often of a neighbouring story
            for spec in claim_specs[1:]:
                if spec.required and set(spec.roles) and set(spec.roles) <= REPORTED and not picks_of[spec.name]:
                    picks_of[spec.name] = list(picks_of[claim_specs[0].name])
                    break
        for spec, section in ((sp, next(s for s in sections if s.name == sp.name)) for sp in claim_specs):
            section.claims = [scored.cands[i].claim() for i in picks_of[spec.name]]
            if polar is not None and spec is claim_specs[0]:  # "Yes. <the sentence that says so>"
                section.claims[0] = polar.lead(section.claims[0])
            elif is_answer and spec is claim_specs[0] and section.claims:  # "The sources give no stated reason; …", "Moon Jae-in (the “he” …)."
                section.claims[0] = self._answer_lead(asked_q, scored, picks_of[spec.name][0], section.claims[0])
            if spec.weigh_evidence and not is_answer:
                self._weigh(query, section.claims, picks_of[spec.name], scored, chosen)
        if is_answer:
            _drop_shown_headline(sections)
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
        story: Sequence[str] = (), polar: bool = False,
    ) -> Scored:
        # an answer may quote "In other words, ..." alone, and join a sentence to the paragraph before; a yes/no
        # answer reads a sentence across a caption with the one it leans on ("… Japanese officials have said … Photo:
        # AP They have rejected suggestions that …": the denial that settles "Has Japan denied that …?"). Not every
        # answer: measured on the follow-ups, the three-sentence quote across the caption then led "Why did Japan
        # tighten export controls on South Korea?" (its "driven by" read as a reason), first sentence 1 -> 0 on three
        # turns
        # a note on a piece's author is quoted only in an answer about the writer (``author_notes.asks_about_writer``)
        notes_off = topic or not asks_about_writer(without_carried_context(asked or query))
        cands, dropped = candidates(evidence, connectives=topic, paragraphs=topic, captions=polar,
                                     author_of=(self.doc_author or (lambda doc_id: None)) if notes_off else None)
        # an answer's follow-up: a dependent sentence whose context the conversation gave is quoted alone
        cands = alone_in_conversation(cands, given)
        if story:  # a follow-up of asking words only stays on the story its previous answer told, not on its file
            kept = [c for c, ok in zip(cands, on_story([c.text for c in cands], [c.doc_id for c in cands], story,
                                                       _follows(cands))) if ok]
            if len(kept) < len(cands):
                dropped["another story of the file"] += len(cands) - len(kept)
            cands = kept
        if topic:  # the paragraphs the brief's off-story judgement set aside (``EvidencePassage.aside``) are not quoted
            kept = [c for c in cands if not any(a <= c.local_start < b for a, b in c.passage.aside)]
            if len(kept) < len(cands):
                dropped["another story's paragraph"] += len(cands) - len(kept)
            cands = kept
        if topic:  # a brief is about one story: "In related news, ..." (and what is quoted with it) is another one
            cands = split_digest_titles(cands, query)  # a digest's title: the part that is this story's
            strong = drop_strong_titles(cands)  # a title its own text tells only as reported
            if len(strong) < len(cands):
                dropped["title stronger than its text"] += len(cands) - len(strong)
            cands = strong
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
        texts = [query] + [s.description for s in specs] + self._embedding_texts(query, cands)
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
        if topic:  # a source's own hypotheses and verdict are for a brief's hypotheses section only
            mark_structure(cands, evidence)
            section_roles(cands)  # a source's own "Implications", "Outlook", "Information Gaps" decide its items' roles
        cos = self._query_cosines(query, cands, q, (sents @ q).astype(np.float64))
        cov, window_cov, neighbours = self._coverages(asked or query, cands, topic=topic, context=context)
        if given:
            link_dependents(cands, neighbours)
        rel = cap_titles(cands, (1 - self.W_LEXICAL) * cos + self.W_LEXICAL * cov)
        sims = sents @ sents.T
        # two sentences read through their English glosses (``_embedding_texts``) name the same domain terms, and two
        # glosses of one article's sentences are near-identical ("drone export control. MOFCOM parts"): how alike they
        # are is how alike their own texts are, or every sentence of a Chinese report but one is a near-duplicate
        glossed = [i for i, c in enumerate(cands) if crosses_languages(query, c.text)]
        if len(glossed) > 1:
            own = np.asarray(self._embed([cands[i].text for i in glossed]), dtype=np.float32)
            sims[np.ix_(glossed, glossed)] = own @ own.T
        n = len(cands)
        cent = (sims.sum(axis=1) - np.diag(sims)) / max(n - 1, 1) if n > 1 else np.zeros(n)
        raw = {spec.name: (sents @ d).astype(np.float64) for spec, d in zip(specs, descs)}
        # fit to a section, sharpened by how much better it fits this section than the average one
        mean = np.mean(list(raw.values()), axis=0) if raw else np.zeros(n)
        fit = {name: f + self.FIT_CONTRAST * (f - mean) for name, f in raw.items()}
        topical, elsewhen, lone = None, set(), None
        if topic:  # a brief quotes only sentences of on-topic documents that speak to the topic themselves
            openings = [*dict.fromkeys(c.passage.chunk.title for c in cands if c.passage.chunk.title),
                        *(c.text for c in cands if c.is_lede)]
            news_docs = {c.doc_id for c in cands if doc_type(c.passage.chunk) == DOC_TYPE_OF["news"]}
            texts = [c.text for c in cands]
            # the story's subject (a lower-case topic word its openings make their subject: ``actor_names._head``) is
            # read from the news reports' titles and ledes when there are any: an analysis echoing the topic's words
            # in its title and lede ("Philippine curbs on nickel ore exports signal …") does not make "curbs" an actor
            # every report must name (the report says "halts … shipments" and was set aside: s63's new user, F14)
            reported = [*dict.fromkeys(c.passage.chunk.title for c in cands if c.passage.chunk.title and c.doc_id in news_docs),
                        *(c.text for c in cands if c.is_lede and c.doc_id in news_docs)]
            reading = story_actors(query, texts, reported or openings)
            published = {c.doc_id: c.passage.chunk.published for c in cands}
            news = {c.doc_id for c in cands if doc_type(c.passage.chunk) == DOC_TYPE_OF["news"]}
            docs = topical_documents(query, [c.doc_id for c in cands], [c.stems for c in cands], sents, q,
                                     {c.doc_id: c.passage.chunk.title for c in cands}, texts, published,
                                     news=news, openings=openings, story=reading,
                                     ledes={c.doc_id: c.text for c in cands if c.is_lede},
                                     glossed={c.doc_id for c in cands if crosses_languages(query, c.text)})
            # a topic of common nouns: a generated brief covers several stories, and its document names the topic's
            # words anywhere, so each of its sentences must name them as fully as the best sentence does (the cut
            # confidence.on_topic_sources makes). Not for a topic with names: measured on the topics suite, gating a
            # digest's sentences by actors dropped 51 claims, 28 of them citing gold documents (a broad topic, "East
            # Asia in 2026", names a region its sentences name by country), section completeness 0.85 -> 0.65; nor for
            # an analysis (it argues one story: gating it emptied tn-024's political implications)
            actors, units, common = reading
            story = (names_the_story(actors, units, texts, [c.stems for c in cands], [docs[c.doc_id].on_topic for c in cands])
                     if common else [True] * len(cands))
            digest = [doc_type(c.passage.chunk) == DOC_TYPE_OF["generated"] for c in cands]
            # the story's time: a topic naming a year, or the run of its dated reports; a sentence of another era
            # (a 2026 digest's paragraph in a brief on Japan's 2019 curbs on Korea) is another story
            reports = {d for d in news if docs[d].on_topic}  # the story's on-topic news reports
            run = story_run({d: published[d] for d in reports}, {d: t.meaning for d, t in docs.items()})
            # ... unless the evidence contradicts the topic's year ("China's 2024 export restrictions …" over a
            # report of 2026: the year is a gap the brief says, not a time that sets the story's report aside)
            speaks = {}
            for c, w in zip(cands, window_cov):
                if docs[c.doc_id].on_topic and w > 0:
                    speaks.setdefault(c.doc_id, []).append(paragraph(c))
            main = max(speaks, key=lambda d: docs[d].meaning, default=None)
            years = topic_years(query, run, (published[main], speaks[main]) if main else None,
                                [(published[d], texts) for d, texts in speaks.items()])
            named = story_years(query, None) if years == story_years(query, run) else None
            timely = [fits_story_time(paragraph(c), c.passage.chunk.published, years) for c in cands]
            # a document of another story's time (a 2020 essay in a brief on a 2026 event) tells this story only in
            # a sentence that names it; a digest's sentence of another of its stories is that story's
            # (``digest_titles.digest_story``): the one off-story judgement, for every section
            elsewhen = other_time(query, {c.doc_id: c.passage.chunk.title for c in cands}, published,
                                  {d: t.meaning for d, t in docs.items()},
                                  [d for d, t in docs.items() if t.on_topic], named, run)
            own_story = self._digest_stories(query, cands, digest)
            # ... naming its actors as fully as the best sentence does, and its event in one of the topic's own words
            # ("export", "restrict" beside "China" and "Japan": a 2020 essay's investment-control law names both)
            event = topic_stems(query) - set().union(*actors) if actors else topic_stems(query)
            names = (names_the_story(actors, units, texts, [c.stems for c in cands], by_words=False)
                     if elsewhen or actors else [])
            fully = [n and bool(c.stems & event) for c, n in zip(cands, names)] if elsewhen else [True] * len(cands)
            # a digest of several stories, none of them the topic's (``digest_titles.other_stories``), is another
            # story's unless one of its sentences names this one: the 2026 digest on Japan's battery makers, China's
            # chip smugglers and Korea's chip hub filled the implications and outlook of an assessment of Japan's
            # 2019 export curbs on South Korea; "… technology security across East Asia" keeps it in a brief on East
            # Asia's technology security
            elsewhere = self._other_stories(query, cands, digest, names, event) if actors else set()
            told = [(s or not k) and t and o and (c.doc_id not in elsewhen or f) and c.doc_id not in elsewhere
                    for c, s, k, t, o, f in zip(cands, story, digest, timely, own_story, fully)]
            # an item of an on-topic source's own labelled section ("Political / Geopolitical: Potential escalation in
            # diplomatic hostilities …" under its "Implications") is of its source's story without naming the topic
            # a story told by one news report: that report is the story, so its sentences that name none of the
            # topic's words (the fine, the co-defendants, the appeal after "... sentenced a former engineer ...") are
            # the story's facts too (``Scored.lone``; with two reports or more, the story terms they share find them)
            # ... not its sentences naming a place none of its sentences about the topic names: a related story's
            # snippet appended to the page ("Conflict with Taiwan could leave China …" under a report of Japan's curbs
            # on South Korea)
            spoken = [c.doc_id in reports and (window_cov[i] > 0 or c.is_title) for i, c in enumerate(cands)]
            seen = set().union(*(place_keys(c.stems) for c, s in zip(cands, spoken) if s))
            lone = np.array([len(reports) == 1 and c.doc_id in reports and place_keys(c.stems) <= seen for c in cands],
                            dtype=bool)
            # ... and a signal of an on-topic news report (typed so by the role classifier) is its story's next step
            # whatever words it names: "The court will decide in March whether to admit the cloud logs as evidence."
            # in a report of the leak case names no topic word, yet is what to watch (s68's "Key signals to watch"
            # left empty with two reports; s69). Not a place its topical sentences do not name (a related snippet's)
            steps = np.array([c.role == "signal" and c.doc_id in reports and place_keys(c.stems) <= seen
                              for c in cands], dtype=bool)
            lone = lone | steps
            # ... and a sentence of an analysis or opinion piece that names nothing (no name, place, number or
            # reference back to the story: "Companies should review their exposure to export controls.") pads the
            # brief with what any story's analysis says; quoted joined to the sentence before it, that one is
            # quoted alone (``generic_lines``). Not a generated brief's: it is written on its topic's stories (the
            # sample corpus's digests: their "Market implications are likely to concentrate in semiconductors, …"
            # is the battery assessment's outlook)
            arguing = {c.doc_id for c in cands if doc_type(c.passage.chunk) == DOC_TYPE_OF["analysis"]}
            padding = [adds_nothing(c.text, joined=c.with_context, news=c.doc_id not in arguing) for c in cands]
            topical = np.array([docs[c.doc_id].on_topic and (window_cov[i] > 0 or c.own_section is not None or lone[i])
                                and told[i] and not padding[i] for i, c in enumerate(cands)])
            near = np.array([docs[c.doc_id].near and window_cov[i] > 0 and told[i] and not padding[i]
                             for i, c in enumerate(cands)])
            said = frozenset(t.stem for t in key_terms(query, topic=True)) | frozenset(text_stems(query))
            weights = salience([c.stems for c in cands], [c.doc_id for c in cands], [docs[c.doc_id].on_topic for c in cands], said)
        return Scored(
            cands, cos, cov, window_cov, rel, cent.astype(np.float64), sims.astype(np.float64), fit, dropped, neighbours,
            topical, near if topic else None, weights if topic else None, said if topic else frozenset(),
            frozenset(elsewhen) if topic else frozenset(), lone,
        )

    @staticmethod
    def _other_stories(query: str, cands: Sequence[Candidate], digest: Sequence[bool], names: Sequence[bool],
                       event: frozenset[str] | set[str]) -> set[str]:
        """The generated digests among ``cands`` whose titles tell other stories than the topic's
        (``other_stories``) and none of whose sentences names the topic's story: its actors as fully as the best
        sentence does (``names``) and one of its ``event`` words that the digest's title does not already hold (a
        digest of chip stories writes "chip" beside "Taiwan" and "China" in a sentence on any of them; any of them
        when the title holds them all). A hyphenated word is one term: "dual-use" is not named by "hardware used in
        critical infrastructure"."""
        # a hyphenated word is the stems of its parts, written with the hyphen or without ("dual-use", "dual use")
        words = [st for w in re.findall(r"[\w’'-]+", query)
                 if (st := frozenset(x for part in w.split("-") for x in text_stems(part))) and st <= set(event)]
        # per digest of other stories: the topic words its title lacks (each title read once)
        own: dict[str, list[frozenset[str]]] = {}
        for c, k in zip(cands, digest):
            title = c.passage.chunk.title
            if k and title and c.doc_id not in own and other_stories(query, title):
                held = set(text_stems(title))
                own[c.doc_id] = [w for w in words if not w <= held] or words
        named = {d for c, n in zip(cands, names) if n and (d := c.doc_id) in own
                 and (not own[d] or any(w <= c.stems for w in own[d]))}
        return set(own) - named

    @staticmethod
    def _digest_stories(query: str, cands: Sequence[Candidate], digest: Sequence[bool]) -> list[bool]:
        """Per candidate: False when it is a generated digest's sentence of another of the digest's stories
        (``digest_story`` over its document's title), True otherwise."""
        out = [True] * len(cands)
        by_doc: dict[str, list[int]] = {}
        for i, (c, k) in enumerate(zip(cands, digest)):
            if k and c.passage.chunk.title:
                by_doc.setdefault(c.doc_id, []).append(i)
        for idx in by_doc.values():
            title = cands[idx[0]].passage.chunk.title
            for i, ok in zip(idx, digest_story(query, title, [cands[i].text for i in idx])):
                out[i] = ok
        return out

    @classmethod
    def _coverages(
        cls, query: str, cands: list[Candidate], *, topic: bool = False, context: Sequence[str] = ()
    ) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
        """Key-term coverage per sentence and per sentence plus a neighbour (see ``candidates.coverages``)."""
        return coverages(query, cands, topic=topic, context=context, context_weight=cls.CONTEXT_WEIGHT)

    def _topic_covered(self, topic: str, scored: Scored) -> str | None:
        """Why the evidence does not cover a brief's topic, or None when it does: the topic names places, people
        or organisations none of the evidence mentions, words no evidence sentence or headline holds weigh more
        than ``BRIEF_ABSENT_MAX`` of it, or its key terms are mostly missing from the most relevant sentences."""
        terms = key_terms(topic, topic=True)
        names = [t for t in terms if t.kind in ("entity", "number")]
        all_stems: set[str] = set().union(*(c.stems for c in scored.cands))
        # a PDF's title is context, not a quotable sentence (``candidates.is_document_file``): it still names what the
        # document is about
        all_stems |= set().union(*(text_stems(t) for t in {c.passage.chunk.title for c in scored.cands
                                                            if is_document_file(c.passage.chunk.metadata)} if t))
        if names and not any(t.stem in all_stems for t in names):
            return "none of the names in the topic occur in the evidence"
        missing = sorted(t.stem for t in names if t.stem in places() and t.stem not in all_stems)
        if missing:
            return f"the evidence never mentions {', '.join(place(k).name for k in missing)}"
        weights = term_weights(terms, [c.stems for c in scored.cands])
        # the topic's words that no sentence or headline of the evidence holds, when they weigh most of the topic
        held = all_stems.union(*(text_stems(title) for title in {c.passage.chunk.title or "" for c in scored.cands}))
        absent = [t for t in terms if t.kind == "word" and t.stem not in held]
        total = sum(weights.values())
        if absent and total and sum(weights[t.stem] for t in absent) / total > self.BRIEF_ABSENT_MAX:
            said = {stem(w): w for w in re.findall(r"[^\W\d_][\w'’-]*", topic)}
            return "the evidence never mentions " + ", ".join(f"“{said.get(t.stem, t.stem)}”" for t in absent)
        pool = self._most_relevant(scored, self.ANSWER_POOL)
        # a sentence under its article's headline says what the headline says it is about: "South Korea's trade
        # ministry … published a list of technologies that now need an export licence" under "Korea lists new
        # strategic items" covers the topic "Korea strategic items controls"
        headlined = [scored.cands[i].stems | text_stems(scored.cands[i].passage.chunk.title or "") for i in pool]
        top = max(max(float(scored.window_cov[i]) for i in pool), *(coverage(terms, st, weights) for st in headlined))
        if top < self.BRIEF_COVERAGE_MIN:
            return f"the topic's key terms are missing from the most relevant sentences (coverage {top:.2f})"
        return None


def _follows(cands: Sequence[Candidate]) -> list[int | None]:
    """Per candidate, the index of the candidate just before it in its passage (the nearest ending at or before its
    start in the same chunk), or None: what "the sentence right after a quoted one" is (``followup.on_story``)."""
    out: list[int | None] = []
    for c in cands:
        prior = [(d.local_end, j) for j, d in enumerate(cands) if d.chunk_id == c.chunk_id and d.local_end <= c.local_start]
        out.append(max(prior)[1] if prior else None)
    return out
