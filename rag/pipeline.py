"""The main job: retrieve evidence → write a draft → verify and repair every citation → assemble a Brief."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from rag.brief import Brief, Citation, Claim, Provenance, Repair, Section, Source
from rag.config import Settings
from rag.embed_cache import CachedEmbed
from rag.text.normalize import embed_form
from rag.errors import LLMError, LLMTimeoutError, TemplateError
from rag.answer_parts import joined_answer, joined_partials, part_note, tells_story, unasked_part_message
from rag.followup import RESOLVED_NOTE, asks_response, resolve_follow_up, stay_on_story
from rag.question_parts import QuestionPart, asks_only, question_parts
from rag.writers.report_date import report_dated
from rag.index import CorpusIndex, open_index
from rag.injection import is_instruction_like
from rag.reread import catalog_hit, other_passages
from rag.catalog import chunk_from_row
from rag.writers.latest_news import LATEST_ITEMS, asks_latest
from rag.headlines import Headline, headlines, states_response
from rag.chunking import chunk_id_for
from rag.text.places import place_mentions
from rag.writers.answer_kind import SINGLE_VALUE_KINDS, answer_type, recommender, without_carried_context
from rag.writers.base import CitedSpan, DraftClaim, DraftSection
from rag.render import claim_text, placed_dates, quoted as quote, shown_answer, source_facts, source_title, title_text
from rag.retrieve import HybridRetriever, validate_query
from rag.support import SupportChecker
from rag.support.encoders import support_checker
from rag.templates import OUTPUT_KINDS, PromptTemplate, TemplateLibrary
from rag.text.align import locate, source_fields
from rag.roles import classify, model_hash as role_model_hash
from rag.quoted_once import REPORTED_ROLES, distinct_quotes, reported_elsewhere
from rag.support.model import model_hash
from rag.text.lexicon import lexicon_hash
from rag.types import SearchFilters, SearchHit, Turn
from rag.verify import CitationVerifier
from rag.writers.abstention_text import (denies_premise, empty_collection_message, left_out_message, no_evidence_within,
                                         outside_filters_message, partial_message, unmentioned_message)
from rag.writers.unmentioned import unmentioned_names, unmentioned_quotes
from rag.text.asked_period import asked_period, bounded
from rag.text.asked_source import asked_source
from rag.writers.attribution import attribute_claims, attribute_names, credit_outlets, joined_views
from rag.writers.answer_credit import credit_answer, relayed_names
from rag.writers.dimensions import DIMENSIONS, bearing_on, bearing_on_any, implication_note, pending_steps, signal_note
from rag.writers.key_terms import ENTITY_SECTION_RE
from rag.writers.terms_section import merge_own, own_list
from rag.writers.on_topic import lede, off_story_undated, paragraphs, topic_stems
from rag.writers.placement import identity_to_background, mark_undated, undated_sources
from rag.writers.base import Draft, EvidencePassage, Writer
from rag.writers.confidence import assess_confidence, on_topic_sources
from rag.writers.source_types import DOCUMENT_TYPE_KEY, REPORTING, byline, source_name, source_type, type_label
from rag.writers.timeline import article_texts, as_of_date, lede_passages, story_sources
from rag.writers.timeline import timeline as event_timeline
from rag.writers.watch_items import labelled_sections
from rag.writers.digest_titles import story_parts, topic_part

log = logging.getLogger(__name__)

UNSUPPORTED = "The model's claims were not supported by the sources"
#: a second read of the lead article answers only when its first sentence's cosine to the question is at least the
#: partial answer's quote's less this (``Engine._as_close``). A hand threshold between the measured cases: right
#: answers at +0.09 (qa-032), -0.14 and -0.16 (tests/data/reread: a value sentence that says "the rule" where the
#: question names it), a wrong one at -0.30 (followups pa-013: Huawei among "200 Chinese suppliers" for "which
#: Japanese universities refused Huawei funding?")
REREAD_MARGIN = 0.2


@dataclass(frozen=True)
class DraftDiscarded:
    """Stream item: the draft text streamed so far is void (the LLM failed); a fallback draft may follow."""

    reason: str


@dataclass
class Engine:
    """The collaborators one brief needs, built from settings (tests pass their own)."""

    settings: Settings
    index: CorpusIndex
    retriever: HybridRetriever
    library: TemplateLibrary
    checker: SupportChecker
    writer: Writer
    fallback: Writer | None = None
    _injection_cache: dict[str, bool] = field(default_factory=dict)
    _doc_cache: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    _author_cache: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings, *, collection: str | None = None, backend: str | None = None) -> "Engine":
        index = open_index(settings, collection=collection)
        embed = cls._embed_fn(index)
        library = TemplateLibrary(settings.prompts_dir)
        from rag.writers.extractive import ExtractiveWriter

        extractive = ExtractiveWriter(embed, abstain_threshold=settings.generation.abstain_threshold)
        extractive.answer_selector = settings.generation.answer_selector
        checker = support_checker(settings.support.encoder, embed, min_support=settings.generation.min_support)
        extractive.verdict_checker = checker  # a polar question's verdict is read by the engine's checker
        writer: Writer = extractive
        fallback: Writer | None = None
        if (backend or settings.llm.backend) == "openai":
            from rag.llm import OpenAIChatBackend
            from rag.writers.llm_writer import LLMWriter

            writer = LLMWriter(OpenAIChatBackend(settings.llm), library, settings=settings.llm)
            fallback = extractive
        engine = cls(
            settings=settings, index=index, retriever=HybridRetriever(index), library=library,
            checker=checker, writer=writer, fallback=fallback,
        )
        extractive.doc_author = engine.doc_author  # "Did Hosokawa say …?" reads his essay as what he said
        return engine

    def doc_author(self, doc_id: str) -> str | None:
        """Who speaks a document's own sentences: the first author of an analysis or opinion piece (its byline,
        ``source_types.byline``, as ``source_name`` names it: "Hosokawa Masahiko"); None for a report, a statement or
        a generated brief, and for a document without an author."""
        if doc_id not in self._author_cache:
            doc = self.index.catalog.get_document(doc_id) or {}
            kind = source_type(doc, doc.get("text") or "") if doc else None
            self._author_cache[doc_id] = (byline(doc)[1] or None) if kind == "analysis" else None
        return self._author_cache[doc_id]

    @staticmethod
    def _embed_fn(index: CorpusIndex):
        cached = CachedEmbed(index.embedder, index.cache)  # one embedder call per check_many (rag/embed_cache.py)

        def embed(texts: Sequence[str]):
            # the writer and checker embed in the form passages and queries are embedded in (ＳＭＩＣ = SMIC)
            return cached([embed_form(t) for t in texts])

        return embed

    # -- public API ----------------------------------------------------------------
    def write(
        self, topic: str, *, template: str = "situation", filters: SearchFilters | None = None, history: Sequence[Turn] = ()
    ) -> Brief:
        """A verified brief (or answer, for the 'answer' template) on the topic."""
        brief = None
        for item in self._run(topic, template=template, filters=filters, history=history, streaming=False):
            if isinstance(item, Brief):
                brief = item
        assert brief is not None
        return self._answered_outside(topic, template, filters, history, brief)

    def stream(
        self, topic: str, *, template: str = "answer", filters: SearchFilters | None = None, history: Sequence[Turn] = ()
    ) -> Iterator[str | DraftDiscarded | Brief]:
        """Unverified draft deltas (``str``), ``DraftDiscarded`` when the LLM failed mid-draft, then the verified Brief."""
        for item in self._run(topic, template=template, filters=filters, history=history, streaming=True):
            yield self._answered_outside(topic, template, filters, history, item) if isinstance(item, Brief) else item

    def _answered_outside(self, topic: str, template: str, filters: SearchFilters | None, history: Sequence[Turn],
                          brief: Brief) -> Brief:
        """``brief``, and when it abstained under a start date or a publisher filter, what the corpus holds outside
        them: the same question written without those filters (its end date, the "as of" of a question asked in the
        past, is kept), and when that does not abstain, the sources it cites are named in the message ("Without the
        filters, the corpus has evidence on it in “Planned fabs in Japan” (Policy Notes, 2024-07-01), which the filters
        (publisher Tech Desk) left out."): the filters, not the corpus, left it unanswered. One more search and writing, only then."""
        if not brief.abstained or filters is None or not (filters.since or filters.publishers):
            return brief
        wider = SearchFilters(until=filters.until)
        other = self.write(topic, template=template, filters=wider, history=history)
        if other.abstained or not other.sources:
            return brief
        def named_source(s: Source) -> str:
            publisher, _type, published = source_facts(s)  # with their words for "not known"
            return f"“{source_title(s)}” ({publisher}, {published})"

        named = "; ".join(named_source(s) for s in other.sources[:3])
        more = f" and {len(other.sources) - 3} more" if len(other.sources) > 3 else ""
        note = outside_filters_message(filters, f"{named}{more}")
        brief.provenance.notes.append(note)
        return _noted(brief, note)

    # -- internals -------------------------------------------------------------------
    def _run(self, topic, *, template, filters, history, streaming, split: bool = True) -> Iterator[str | Brief]:
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        topic = validate_query(topic, max_chars=self.settings.retrieval.max_query_chars)
        tpl = self.library.get(template)
        if tpl.kind not in OUTPUT_KINDS:
            raise TemplateError(f"Template '{template}' is a {tpl.kind} template, not a brief or answer.")
        filters = filters or SearchFilters()
        # a question asking two things ("Which materials did Japan restrict, and how did South Korea respond?") is
        # answered part by part, here, once: every way of asking gets each part answered or said to be unanswered
        parts = question_parts(topic) if tpl.kind == "answer" and split else ()
        if parts:
            yield from self._run_parts(topic, parts, template=template, filters=filters, history=history,
                                       streaming=streaming)
            return
        # follow-ups are resolved here, once: retrieval and the writer see the same standalone question
        resolved = resolve_follow_up(topic, history) if tpl.kind == "answer" else None
        query = resolved.standalone if resolved else topic
        # a question's own "this week" / "last month" bounds how old its evidence may be (as of --until, or today)
        period = asked_period(query, filters.until) if tpl.kind == "answer" else None
        filters = bounded(filters, period)
        # ... and the source it names ("according to the Intelrift brief") bounds which publishers it is answered from
        # (the user's own publisher filter stands)
        source = asked_source(query, self.index.catalog.publishers_named) if tpl.kind == "answer" and not filters.publishers else None
        unbound = filters
        if source is not None:
            # (a recommendation question keeps the writer it cites: "What should Japan do, according to Mori Haruka?"
            # asks for Mori Haruka's recommendations, ``answer_kind.recommender``, not anyone's)
            if not (recommender(query) is not None and recommender(source.content_question) is None):
                query = source.content_question
            filters = replace(filters, publishers=source.publishers)
        # a brief's timeline reads each hit's window (timeline.story_sources: a report restates the event's day a
        # paragraph away from the quoted passage); an answer has no timeline and skips the window's reads
        hits = self.retriever.search(query, k=self.settings.generation.evidence_k, filters=filters,
                                     max_per_doc=self.settings.generation.evidence_per_doc,
                                     context=tpl.kind == "brief")
        # "What happened this week?" names no topic: its evidence is the newest reports (``latest_news``); not a
        # follow-up ("What happened?" after an answer asks about that answer's story)
        latest = tpl.kind == "answer" and asks_latest(query) and not history
        if latest:
            hits = self._newest_hits(filters) or hits
        timings["retrieve"] = time.perf_counter() - t0
        notes: list[str] = []
        if latest:
            notes.append("the question asks for the latest news: the evidence is the newest reports within the filters")
        if resolved is not None and (resolved.is_follow_up or (history and resolved.asked != topic.strip())):
            notes.append(f"{RESOLVED_NOTE}{query}")  # carried words, or the standalone question it asks
        if period is not None:
            bound, undated = period.bound(filters)
            notes.append(f"the question's {period.described()} bounds the evidence to {bound} or later"
                         + (" (or undated)" if undated else ""))
        if source is not None:
            notes.append(f"the question names its source: {source.described()} bounds the evidence to its documents")
        set_aside = self._untrusted_leading(hits)
        hits = self._drop_untrusted(hits, notes)
        if resolved is not None and resolved.said:  # "When?" is asked of the story just answered, not of another
            kept = stay_on_story(hits, resolved.said, lambda h: self._doc_facts(h.chunk.doc_id, h.chunk.metadata)[1])
            if len(kept) < len(hits):
                notes.append(f"the follow-up stays on the previous answer's story: {len(hits) - len(kept)} passages of other stories set aside")
            hits = kept
        off_story: list[Source] = []
        aside: dict[str, set[str]] = {}
        if tpl.kind == "brief":  # an undated report whose lede tells another story is no evidence of this one
            hits, off_story, aside = self._set_aside_off_story(query, hits, notes)
        if tpl.kind == "brief":  # a source's own labelled sections ("Scenario Outlook:") past the evidence cap
            hits = self._own_sections(query, hits, aside, notes)
        for h in hits:  # every passage of a document has the type its whole text gives (an institute report's later chunks)
            h.chunk.metadata.setdefault(DOCUMENT_TYPE_KEY, self._doc_facts(h.chunk.doc_id, h.chunk.metadata)[0])
        evidence = _evidence(hits, aside)
        # documents the filters could not judge (undated under a date bound, unnamed under a publisher filter) that
        # answer the question are said, with the answer or the abstention: the filter removed them, not the corpus
        # (a source the question names is no filter that left documents out: what it did not write is not asked)
        left_out, answering = self._left_out(query, tpl, unbound, history, resolved) if tpl.kind == "answer" else ("", 0)
        if left_out:
            notes.append(left_out)
        if not evidence:
            # say what left nothing: an empty collection (nothing ingested yet), or the filters ("--since 2030" is
            # not "no evidence on export controls"), before blaming the topic
            empty = self.index.store.count() == 0
            yield _noted(_noted(self._abstain(topic, tpl, filters, hits, timings, asked=period,
                                notes=notes + ["the collection is empty" if empty else "no passage matched the query and filters"],
                                message=empty_collection_message(self.index.collection) if empty
                                else no_evidence_within(topic, filters, undated=self._undated(filters), asked=period,
                                                        left_out=left_out)), source.searched() if source else None),
                         set_aside)
            return

        # a name the question gives that no passage mentions ("Kumamoto") is a story the corpus does not hold: no
        # writer answers it from passages about other things (``unmentioned``); so is a phrase it quotes (“a reckless
        # gamble”: its own words, not the ones a follow-up carries from the answer before)
        absent = []
        if tpl.kind == "answer":
            texts = self._evidence_texts(evidence)
            absent = unmentioned_names(query, texts) + unmentioned_quotes(without_carried_context(query), texts)
        if absent:
            notes.append(f"abstained: no passage mentions {', '.join(absent)}")
            message = no_evidence_within(topic, filters, matched=True, undated=self._undated(filters), asked=period,
                                         left_out=left_out)
            yield _noted(_noted(self._abstain(topic, tpl, filters, hits, timings, notes=notes, asked=period, left_out=left_out,
                                              message=f"{message} {unmentioned_message(absent)}"),
                                source.searched() if source else None), set_aside)
            return

        t1 = time.perf_counter()
        writer = self.writer
        draft: Draft | None = None
        fallback_note: str | None = None
        streamed = False
        try:
            if streaming:
                for item in writer.stream(query, tpl, evidence, as_of=filters.until, history=history, resolved=resolved):
                    if isinstance(item, Draft):
                        draft = item
                    else:
                        streamed = streamed or bool(item)
                        yield item
            else:
                draft = writer.write(query, tpl, evidence, as_of=filters.until, history=history, resolved=resolved)
        except LLMError as exc:
            # transient or misbehaving server (unreachable, timeout, 429/5xx, bad body, oversize, wrong
            # language): a labelled offline answer. Configuration errors (retryable=False) and timeouts (the
            # reader already waited timeout x attempts) are reported as errors.
            if self.fallback is None or not exc.retryable or isinstance(exc, LLMTimeoutError):
                if streamed:
                    yield DraftDiscarded(_first_line(exc))
                raise
            log.warning("LLM writer failed, falling back to the offline writer: %s", exc)
            fallback_note = (
                f"Note: the LLM writer failed ({_first_line(exc)}); this answer was written by the offline "
                f"{self.fallback.name} writer instead."
            )
            kind = {"LLMUnavailableError": "unavailable", "LLMTimeoutError": "timed out"}.get(type(exc).__name__, "failed")
            notes.append(f"LLM backend {kind} ({_first_line(exc)}); served by the offline {self.fallback.name} writer.")
            if streamed:
                yield DraftDiscarded(_first_line(exc))
            writer = self.fallback
            draft = writer.write(query, tpl, evidence, as_of=filters.until, history=history, resolved=resolved)
            if streaming:
                yield from _draft_text(draft)
        assert draft is not None
        if draft.abstain and draft.partial is not None and draft.missing and draft.partial.cites:
            # the answer lacks the asked value: its article's passages the evidence cap left out are read again
            reread = self._reread(query, tpl, hits, draft, writer, filters.until, history, resolved, notes)
            if reread is not None:
                hits, draft = reread
                evidence = _evidence(hits)
        counted, caveat = None, None
        if tpl.kind == "answer" and draft.backend == "extractive" and draft.abstain:
            # ... and a count none states may be the count of the items the lead article names ("cover A, B and C")
            found = self._counted_list_answer(query, tpl, hits, draft, notes)
            if found is not None:
                hits, draft, counted = found
                evidence = _evidence(hits)
        if tpl.kind == "answer" and draft.backend == "extractive":
            # ... and the names a count leaves out may stand in the article's own captioned list ("Key Entities")
            listed = self._listed_answer(query, tpl, hits, draft, notes)
            if listed is not None:
                hits, draft, caveat = listed
                evidence = _evidence(hits)
        headline = None
        if tpl.kind == "answer" and draft.backend == "extractive" and (draft.abstain or not _tells_response(draft, query)):
            # ... and a response none of the sentences tells may be told by a headline ("Tokyo protests as …")
            told = self._headline_answer(query, tpl, hits, draft, notes)
            if told is not None:
                hits, draft, headline = told
                evidence = _evidence(hits)
        timings["write"] = time.perf_counter() - t1
        notes.extend(draft.notes)
        if draft.abstain:
            message = None
            # "No source reports <premise>" is not said when the filters left out a document that answers the
            # question: the filters, not the corpus, are why nothing in the evidence reports it
            denied_in_filters = answering and denies_premise(draft.missing)
            if draft.partial is not None and draft.missing and draft.partial.cites and not denied_in_filters:
                hits = _first_doc(hits, draft.partial.cites[0].chunk_id)
                published = hits[0].chunk.metadata.get("published") or None
                # a when-question its sources date only by their own date: that date, labelled the report's
                missing, dates = report_dated(draft.missing, published, placed_dates(draft.partial.text, published))
                message = partial_message(draft.partial.text, missing, self._said_by(draft.partial, hits[0]), dates)
                message = f"{message} {caveat}" if caveat else message  # a list whose caption does not say the act
                message = f"{message} {left_out}" if answering else message
            abstained = _noted(self._abstain(topic, tpl, filters, hits, timings, notes=notes, writer=writer, draft=draft,
                                             message=message, asked=period, left_out=left_out),
                               # (a partial answer's quote is credited to the named source already)
                               source.searched() if source and message is None else None)
            yield _noted(_noted(abstained, set_aside if message is None else None), fallback_note)
            return

        t2 = time.perf_counter()
        verifier = CitationVerifier(self.checker, evidence, self.checker.embed)
        sections, repairs = self._verify_sections(tpl, draft, verifier)
        # Answers show no timeline, so they must not number sources that only a timeline would cite.
        cited = {c.doc_id for s in sections for claim in s.claims for c in claim.citations}
        timeline = []
        if tpl.kind == "brief":  # the cited stories' ledes too: where a news story states its main event and day
            ledes = lede_passages(self.index.catalog.get_chunks, cited, evidence)
            # the whole cited articles for the day each was last written (an updated story keeps its old stamp)
            articles = article_texts(self.index.catalog.get_chunks, cited)
            timeline = event_timeline(topic, evidence + ledes, cited, self.checker.embed, self.checker.check_many, articles=articles)
        timings["verify"] = time.perf_counter() - t2
        if not any(s.claims for s in sections):
            notes.append("no claim survived citation checking")
            # an LLM's draft had claims, and they failed the check: say that, not "the corpus has no evidence"
            message = f"{UNSUPPORTED} (all {sum(len(s.claims) for s in draft.sections)} removed by citation checking)." if writer is not self.fallback and self.fallback is not None else None
            brief = _noted(self._abstain(topic, tpl, filters, hits, timings, notes=notes, writer=writer, draft=draft, repairs=repairs, message=message,
                                         asked=period, left_out=left_out), source.searched() if source else None)
            yield _noted(_noted(brief, set_aside if message is None else None), fallback_note)
            return
        timings["total"] = time.perf_counter() - t0
        brief = self._assemble(topic, tpl, filters, hits, sections, timeline, repairs, timings, notes, writer, draft, off_story)
        if headline is not None:
            _cite_as_headline(brief, headline)
        if counted is not None:
            _cite_as_count(brief, *counted)
        # the window the question's own "this week" set is shown with the answer, not only in the notes
        if period is not None:
            bound, undated = period.bound(filters)
            brief = _noted(brief, period.searched(bound, undated=undated))
        brief = _noted(brief, source.searched() if source else None)
        yield _noted(_noted(brief, left_out if answering else None), fallback_note)

    def _run_parts(self, topic: str, parts: Sequence[QuestionPart], *, template, filters, history,
                   streaming) -> Iterator[str | Brief]:
        """A compound question's answer: each part through the answer path on its own, in order, a later part with
        the earlier parts and their answers as its conversation (its pronouns and elided words refer back to them, as
        a follow-up's do: ``resolve_follow_up``); joined (``answer_parts.joined_answer``). When no part is answered,
        the question is answered whole, as one question is."""
        turns = list(history)
        answers: list[tuple[QuestionPart, Brief]] = []
        for part in parts:
            brief = None
            leans = part.elided and bool(answers) and asks_only(part.asked)  # "… and when?": asks of the part before
            told = leans and tells_story(answers[-1][1])
            if leans and not told:
                # after a part the corpus has nothing on there is no story to ask it of, and asked in full ("When did
                # South Korea ban?") it would take another story's date
                before_part, before = answers[-1]
                answers.append((part, before.model_copy(deep=True, update={
                    "topic": part.standalone, "message": unasked_part_message(part.standalone, before_part.standalone)})))
                continue
            # an elided part of asking words only ("… and when?", "… and by how much?": ``asks_only``) is asked of
            # the story the earlier part's answer told, as the follow-up "When?" is (``followup.stay_on_story``):
            # said in full, "When did Japan restrict?" is any restriction's. One with words of its own ("and for how
            # long, according to the FT?") is asked in full: as a follow-up it lost the clause it borrows (seed
            # qa-020 abstained on its second part); so is one after an abstention (no story to stay on). A partial
            # answer tells its story ("… reports: “China Imposes Export Restrictions on 20 Japanese Firms …”; none of
            # the sources gives the names"): "… and when?" is asked of it, not of any restriction
            asked = part.asked if told else part.standalone
            for item in self._run(asked, template=template, filters=filters, history=turns,
                                  streaming=streaming, split=False):
                if isinstance(item, Brief):
                    brief = item
                else:
                    yield item
            assert brief is not None
            answers.append((part, brief))
            turns += [Turn("user", part.standalone), Turn("assistant", shown_answer(brief))]
        if all(brief.abstained for _, brief in answers):
            *_, whole = self._run(topic, template=template, filters=filters, history=history, streaming=False,
                                  split=False)
            if whole.abstained and any(tells_story(brief) for _, brief in answers):
                yield joined_partials(topic, answers)  # each part's partial answer says what the whole's cannot
                return
            whole.provenance.notes.append(part_note([p for p, _ in answers]) + ", none answered")
            yield whole
            return
        yield joined_answer(topic, answers)

    def _own_lists(self, tpl, texts: dict[str, str], sections: Sequence[Section],
                   cited_text: dict[str, str]) -> dict[str, str]:
        """A brief's entities and tags with its on-topic cited sources' own lists first ("6. Key Individuals and
        Entities", "7. Thematic Tags": ``terms_section.own_list`` over each source's whole text, which a search for
        the topic rarely returns as a passage); ``texts``: the on-topic sources' doc id -> stored text. Returns
        ``cited_text`` (doc id -> the text a source was cited from) with each listing source's list text added, so a
        name only its list gives is attributed to it."""
        if tpl.kind != "brief":
            return cited_text
        texts = {doc_id: text for doc_id, text in texts.items() if text}
        out = dict(cited_text)
        for s in sections:
            if s.kind != "terms":
                continue
            kind = "entities" if (ENTITY_SECTION_RE.search(s.name) or ENTITY_SECTION_RE.search(tpl.section(s.name).description)) else "tags"
            listed: list[str] = []
            for doc_id, text in texts.items():
                own = own_list([text], kind)
                listed += own
                if own:
                    out[doc_id] = out.get(doc_id, "") + "\n" + "\n".join(own)
            if listed:
                s.terms = merge_own(kind, listed, s.terms, tpl.section(s.name).max_items)
        return out

    @staticmethod
    def _empty_text(topic: str, spec, sections: Sequence[Section]) -> str:
        """What an empty required section of a brief says: the template's "No evidence in the corpus for …", or, for
        an implications section of one dimension, the quotes of the brief's other sections that bear on that
        dimension (``dimensions.implication_note``: reported, not assessed; for implications of no one dimension, a
        situation's, the quotes bearing on any: ``bearing_on_any``); for a signals section, the quotes reporting a
        step still to come (``dimensions.pending_steps``, ``signal_note``); for a section of reported events only
        ("What happened", "Key developments"), where the brief's other sections quote the event
        (``quoted_once.reported_elsewhere``: never "no evidence" beside a headline that reports it)."""
        dims = [d for d in spec.require_cues if d in DIMENSIONS]
        if spec.roles and set(spec.roles) <= REPORTED_ROLES:
            quoted = [(s.title, c) for s in sections if s.kind == "claims" and s.name != spec.name for c in s.claims]
            return reported_elsewhere(spec.title, quoted, lambda texts: [p.role for p in classify(texts)],
                                      spec.empty_text(), quote)
        quoted = [(s.title, c) for s in sections if s.kind == "claims" and s.claims and not s.name.startswith("implications")
                  and s.name != spec.name for c in s.claims]
        if not dims and spec.roles and set(spec.roles) <= {"signal"}:  # a signals section: the steps still to come
            return signal_note(pending_steps(quoted), spec.empty_text(), quote)
        if not dims and spec.name.startswith("implications"):  # implications of no one dimension: any dimension
            return implication_note(bearing_on_any(quoted, topic_stems(topic)), spec.empty_text(), quote)
        if len(dims) != 1:
            return spec.empty_text()
        return implication_note(bearing_on(dims[0], quoted, topic_stems(topic), limit=3), spec.empty_text(), quote)

    def _said_by(self, claim, hit: SearchHit) -> str | None:
        """Who a partial answer's quote (a draft claim citing ``hit``) is attributed to ("WorldWideWatchers
        (AI-generated brief, 2026) assesses"), by the rule a full answer's quote is credited by
        (``answer_credit.credit_answer``: its source's type and each sentence's role); None when it stands as
        reporting."""
        src = _source(1, hit.chunk.doc_id, hit.chunk.metadata, [], [])
        src.source_type, _, src.attributed_as = self._doc_facts(src.doc_id, hit.chunk.metadata)
        cites = [Citation(source=1, chunk_id=c.chunk_id, doc_id=hit.chunk.doc_id, start=c.start, end=c.end, quote="")
                 for c in claim.cites if c.chunk_id == hit.chunk.chunk_id]
        quote = Claim(text=claim.text, citations=cites, role=claim.role)
        # a roundup relaying several outlets is credited with the one its quoted paragraph relays, as a full answer is
        doc = self.index.catalog.get_document(hit.chunk.doc_id) or {}
        credit_answer([quote], {1: src}, {hit.chunk.chunk_id: hit.chunk},
                      {hit.chunk.doc_id: doc["text"]} if doc.get("text") else None)
        return quote.attribution

    def _drop_untrusted(self, hits: list[SearchHit], notes: list[str]) -> list[SearchHit]:
        """Evidence from documents that address an AI with instructions is not citable (prompt injection)."""
        flagged = {d for d in {h.chunk.doc_id for h in hits} if self._instruction_like(d)}
        if not flagged:
            return hits
        notes.append(
            f"excluded {sum(h.chunk.doc_id in flagged for h in hits)} passages from {len(flagged)} document(s) "
            f"containing instruction-like text: {', '.join(sorted(flagged))}"
        )
        return [h for h in hits if h.chunk.doc_id not in flagged]

    def _untrusted_leading(self, hits: list[SearchHit], top: int = 3) -> str | None:
        """What an abstention adds when documents among the ``top`` hits were set aside as instruction-like (the
        answer may stand in them, but they are never quoted): "Set aside: “Chip smuggling case” (meta.html), which
        ranked 1st, contains text addressed to an AI system (prompt injection), so it is never quoted." None when
        no leading hit was set aside."""
        ranked: dict[str, int] = {}
        for rank, h in enumerate(hits[:top], start=1):
            if h.chunk.doc_id not in ranked and self._instruction_like(h.chunk.doc_id):
                ranked[h.chunk.doc_id] = rank
        if not ranked:
            return None
        shown = []
        for doc_id, rank in ranked.items():
            doc = self.index.catalog.get_document(doc_id) or {}
            title = " ".join(str(doc.get("title") or "").split())[:80]
            title = "" if is_instruction_like(title) else title  # the title may be the injection itself
            where = Path(str(doc.get("source_path") or "")).name
            label = " ".join(p for p in (f"“{title}”" if title else "", f"({where})" if where else "") if p) or doc_id
            shown.append(f"{label}, which ranked {_ordinal(rank)}")
        it = "it is" if len(shown) == 1 else "they are"
        return (f"Set aside: {'; '.join(shown)}, {'contains' if len(shown) == 1 else 'contain'} text addressed to an AI "
                f"system (prompt injection), so {it} never quoted.")

    def _instruction_like(self, doc_id: str) -> bool:
        if doc_id not in self._injection_cache:
            doc = self.index.catalog.get_document(doc_id)
            # metadata too: a title, publisher or author line reaches the model in each evidence header
            fields = [doc.get(k) for k in ("text", "title", "publisher", "authors", "url")] if doc else []
            texts = [" ; ".join(map(str, f)) if isinstance(f, (list, tuple)) else f for f in fields]
            self._injection_cache[doc_id] = any(isinstance(t, str) and is_instruction_like(t) for t in texts)
        return self._injection_cache[doc_id]

    def _verify_sections(self, tpl: PromptTemplate, draft: Draft, verifier: CitationVerifier):
        by_name = {s.name: s for s in draft.sections}
        sections: list[Section] = []
        repairs: list[Repair] = []
        evidence_text = " ".join(p.chunk.text for p in verifier.passages.values()).lower()
        for spec in tpl.sections:
            got = by_name.get(spec.name)
            section = Section(name=spec.name, title=spec.title, kind=spec.kind, required=spec.required)
            if spec.kind == "claims" and got:
                for dc in got.claims[: spec.max_items]:
                    claim = self._verify_one(spec.name, dc, verifier, repairs)
                    if claim is not None:
                        claim.evidence_for, claim.evidence_against, claim.verdict = (
                            self._verified(spec.name, dc.evidence_for, verifier, repairs),
                            self._verified(spec.name, dc.evidence_against, verifier, repairs),
                            self._verified(spec.name, dc.verdict, verifier, repairs))
                        section.claims.append(claim)
            elif spec.kind == "terms" and got:
                for term in got.terms[: spec.max_items]:
                    if term.strip() and term.strip().lower() in evidence_text:
                        section.terms.append(term.strip())
                    else:
                        repairs.append(Repair(action="term_dropped", section=spec.name, claim=term, reason="term not in the evidence"))
            sections.append(section)
        return sections, repairs

    @staticmethod
    def _verify_one(section: str, dc, verifier: CitationVerifier, repairs: list) -> Claim | None:
        """The draft claim after citation checking, typed as drafted (None when dropped); its repairs go to ``repairs``."""
        claim, rep = verifier.verify(section, dc)
        repairs.extend(rep)
        if claim is not None:
            claim.role = dc.role
            claim.statement, claim.held_by, claim.denied_by = dc.statement, dc.held_by, dc.denied_by
        return claim

    @classmethod
    def _verified(cls, section: str, drafts, verifier: CitationVerifier, repairs: list) -> list[Claim]:
        """The draft claims that pass citation checking (evidence for or against a hypothesis), in order."""
        return [c for dc in drafts if (c := cls._verify_one(section, dc, verifier, repairs)) is not None]

    def _evidence_texts(self, evidence: Sequence[EvidencePassage]) -> list[str]:
        """What the evidence mentions: each passage's text and its document's title, publisher and attribution name
        (its byline: "Did Lena Ortiz say …?" names the author of an essay whose text never does)."""
        texts = [p.chunk.text for p in evidence]
        for doc_id in dict.fromkeys(p.chunk.doc_id for p in evidence):
            meta = next(p.chunk.metadata for p in evidence if p.chunk.doc_id == doc_id)
            texts += [meta.get("title") or "", meta.get("publisher") or "", self._doc_facts(doc_id, meta)[2]]
        return texts

    def _doc_facts(self, doc_id: str, meta: dict) -> tuple[str, str, str]:
        """(source type, story id, attribution name) of a document: the type from its metadata (the catalog's
        kind and authors, which passages do not carry) or, failing that, its text."""
        if doc_id not in self._doc_cache:
            doc = self.index.catalog.get_document(doc_id) or {}
            full = {**meta, **{k: doc[k] for k in ("kind", "authors") if doc.get(k)}}
            kind = source_type(full, doc.get("text") or "")
            self._doc_cache[doc_id] = (kind, doc.get("story_id") or doc_id, source_name(full, kind, doc.get("text") or ""))
        return self._doc_cache[doc_id]

    def _provenance(self, tpl, filters, writer: Writer, draft: Draft | None, timings, notes, repairs, hits) -> Provenance:
        return Provenance(
            template=tpl.name, template_version=tpl.version, template_hash=tpl.hash,
            backend=writer.name, model=writer.model, retrieval={**self.retriever.describe(), "evidence_k": self.settings.generation.evidence_k,
                                                                  "max_per_doc": self.settings.generation.evidence_per_doc},
            corpus_snapshot=self.index.snapshot_id(), settings_hash=self.settings_hash(), lexicon_hash=lexicon_hash(), role_model_hash=role_model_hash(), checker_model_hash=model_hash(), query="",
            filters={"since": filters.since, "until": filters.until, "publishers": list(filters.publishers),
                     "dated_since": filters.dated_since},
            timings={k: round(v, 4) for k, v in timings.items()}, usage=dict(draft.usage) if draft else {},
            repairs=repairs, notes=notes, evidence=[h.chunk.chunk_id for h in hits],
        )

    def settings_hash(self) -> str:
        """The settings hash of this engine's settings (lexicons included): see ``Settings.settings_hash``."""
        return self.settings.settings_hash()

    def _undated(self, filters: SearchFilters) -> int:
        """The corpus's undated documents when ``filters`` has a date bound (they are outside it), else 0."""
        return self.index.catalog.undated_documents() if filters.since or filters.until else 0

    def _left_out(self, query: str, tpl: PromptTemplate, filters: SearchFilters, history, resolved) -> tuple[str, int]:
        """What ``filters`` left out (``abstention_text.left_out_message``: "" when they left out nothing they could
        not judge) and how many of those documents answer ``query``. A date bound cannot judge an undated document,
        nor a publisher filter one naming no publisher: the question is searched again without that filter and
        answered by the offline writer; when that answer leads with such a document, the ones it cites answer the
        question. Costs one search and one offline answer, only when the filters could leave such documents out."""
        undated = self._undated(filters)
        unnamed = self.index.catalog.documents_without_publisher() if filters.publishers else 0
        if not (undated or unnamed):
            return "", 0
        relaxed = SearchFilters(since=None if undated else filters.since, until=None if undated else filters.until,
                                publishers=() if unnamed else filters.publishers)
        hits = self.retriever.search(query, k=self.settings.generation.evidence_k, filters=relaxed,
                                       max_per_doc=self.settings.generation.evidence_per_doc)
        hits = self._drop_untrusted(hits, [])
        lacking = {h.chunk.doc_id for h in hits if _lacks_filtered_field(h.chunk, filters)}
        answering = 0
        if lacking:
            offline = self.fallback if self.fallback is not None else self.writer
            draft = offline.write(query, tpl, _evidence(hits), as_of=filters.until, history=history, resolved=resolved)
            doc_of = {h.chunk.chunk_id: h.chunk.doc_id for h in hits}
            cited = [doc_of.get(c.chunk_id) for s in draft.sections for cl in s.claims for c in cl.cites]
            if not draft.abstain and cited and cited[0] in lacking:  # the answer leads with a left-out document
                answering = len(lacking & set(cited))
        return left_out_message(filters, undated=undated, unnamed=unnamed, answering=answering), answering

    def _lead_article(self, hits: list[SearchHit], chunk_id: str) -> tuple[SearchHit, list[SearchHit]] | None:
        """The hit of ``chunk_id`` (the passage an answer's quote leads with) and its article's passages the
        per-article cap left out of ``hits`` (``reread.other_passages``, possibly none); None when the passage is not
        among ``hits`` or its document is no longer in the catalog."""
        lead = next((h for h in hits if h.chunk.chunk_id == chunk_id), None)
        doc = self.index.catalog.get_document(lead.chunk.doc_id) if lead is not None else None
        if lead is None or doc is None:
            return None
        return lead, other_passages(lead, hits, int(doc.get("n_chunks") or 0), self.index.catalog.get_chunks)

    def _reread(self, query: str, tpl: PromptTemplate, hits: list[SearchHit], draft: Draft, writer: Writer,
                as_of: str | None, history, resolved, notes: list[str]) -> tuple[list[SearchHit], Draft] | None:
        """A second read of the lead article when an answer lacks the asked value (``draft`` is a partial answer:
        its quote and what none of the sources gives): the article of the partial answer's quote is read whole
        (``reread.other_passages``: its passages the per-article cap left out) and the question is answered again
        from the evidence with them. (hits with those passages, the new draft) when the new answer is no abstention
        and leads with a sentence of that article; None otherwise (the partial answer stands). What was read again,
        and whether it answered, goes to ``notes`` (the brief's provenance)."""
        found = self._lead_article(hits, draft.partial.cites[0].chunk_id)
        if found is None or not found[1]:
            return None
        lead, extra = found
        more = hits + extra
        again = writer.write(query, tpl, _evidence(more), as_of=as_of, history=history, resolved=resolved)
        lead_claim = next((c for s in again.sections for c in s.claims if c.cites), None)
        first = lead_claim.cites[0].chunk_id if lead_claim is not None else None
        doc_of = {h.chunk.chunk_id: h.chunk.doc_id for h in more}
        answered = (not again.abstain and first is not None and doc_of.get(first) == lead.chunk.doc_id
                    and self._as_close(query, lead_claim.text, draft.partial.text))
        read = ", ".join(h.chunk.chunk_id for h in extra)
        notes.append(f"read again for {draft.missing}: {len(extra)} other passage(s) of the lead article "
                     f"{lead.chunk.doc_id} ({read}); " + (f"answered from {first}" if answered else "none gives it"))
        return (more, again) if answered else None

    def _listed_answer(self, query: str, tpl: PromptTemplate, hits: list[SearchHit], draft: Draft,
                       notes: list[str]) -> tuple[list[SearchHit], Draft, str | None] | None:
        """For a list question of a class of named members ("which <class>?", or a request: "List the Japanese
        companies affected by …", ``list_members.list_class``) that the offline answer does not answer with names:
        the draft abstains with a partial answer (its quote counts the class and no sentence names a member), or its
        first quote lists no names and one of its quotes counts the class without naming any
        (``list_members.counts_without_naming``: the count need not lead, a 2020 essay's forecast may), or the
        question asks for a source's own list ("Which companies are named as key entities?",
        ``list_members.asks_source_list``). The counting quote's article is read first (any of its passages: the
        sentence reader skips a list's short lines), then, for a question asking for a source's own list, every
        retrieved article: its own captioned list of names (``list_members.captioned_names``: a caption naming the
        class or a class containing it, "6. Key Individuals and Entities" over six companies and an official).

        When the caption states the asked act (``list_members.caption_states_act``: "Sanctioned firms:" for "Which
        firms did the EU sanction?", "Key entities" for a question asking for the source's list), (hits with that
        passage, an answer draft: the list's members of the asked class, verbatim each, credited "<source> lists
        under “<caption>”" (``answer_credit``), then the counting quote of its article, if any, as its detail, None).
        When it does not ("Key Individuals and Entities" for "Which Japanese companies did China restrict?"), the list
        does not answer: (hits with that passage, the partial answer on the count, abstaining with what none of the
        sources gives, the caveat its message adds: "<source> lists A, B and C under “<caption>” [1]; none of the
        sources says which of them China restricted." (``list_members.list_caveat``)). None when no such list is
        found. The caption says what the list is; the answer never calls its members the class the count is of."""
        from rag.writers.answer_kind import lists_names  # the writers' reading of the question and of a quote
        from rag.writers.answer_value import asked_value
        from rag.writers.list_members import (asks_source_list, caption_states_act, captioned_names, class_noun,
                                              counts_without_naming, list_caveat, list_class, names_member)

        wanted = asked_value(query)
        member = list_class(query, wanted.member)
        quotes = [c for sec in draft.sections for c in sec.claims if c.cites]
        if not member or (draft.abstain and not (draft.partial and draft.partial.cites and draft.missing)):
            return None
        own_list = asks_source_list(without_carried_context(query))
        if draft.abstain:
            base = draft.partial
        else:
            counting = [c for c in quotes if counts_without_naming(c.text, member) and not lists_names(c.text)]
            if quotes and counting and counting[0] is quotes[0]:
                base = quotes[0]  # the answer leads with the count
            elif not quotes or names_member(quotes[0].text, query, member, person=wanted.person):
                return None  # the answer names a member itself
            elif not counting and not own_list:
                return None
            else:
                base = counting[0] if counting else None
        starts = [base.cites[0].chunk_id] if base is not None else []
        if own_list:  # the source's own list may stand in any retrieved article (followups fu-019#1)
            starts += [h.chunk.chunk_id for h in hits]
        seen: set[str] = set()
        for start in starts:
            if (found := self._lead_article(hits, start)) is None or found[0].chunk.doc_id in seen:
                continue
            lead, extra = found
            seen.add(lead.chunk.doc_id)
            listed = self._captioned(query, tpl, hits, draft, notes, lead, extra, member,
                                     base if base is not None and base.cites[0].chunk_id == start else None)
            if listed is not None:
                return listed
        return None

    def _captioned(self, query: str, tpl: PromptTemplate, hits: list[SearchHit], draft: Draft, notes: list[str],
                   lead: SearchHit, extra: list[SearchHit], member: frozenset[str],
                   base: DraftClaim | None) -> tuple[list[SearchHit], Draft, str | None] | None:
        """``_listed_answer`` over one article (``lead`` and the passages ``extra`` the evidence left out); ``base``:
        the quote of that article counting the asked class, or None (a question asking for the source's own list)."""
        from rag.writers.answer_value import asked_value
        from rag.writers.list_members import (asks_people, caption_states_act, captioned_names, list_caveat,
                                              names_missing)

        person = asked_value(query).person or asks_people(member)  # "List the officials named": people's names
        own = [h for h in hits if h.chunk.doc_id == lead.chunk.doc_id]
        for hit in own + extra:
            found = captioned_names(hit.chunk.text, member, person=person)
            if not found:
                continue
            cl = found[0]
            more = hits if hit in own else hits + [hit]
            if not caption_states_act(query, cl.caption, member):
                if base is None:
                    continue  # no count to leave partial: the list is no answer, and none is missing
                text = " ".join(hit.chunk.text[cl.first:cl.end].split())
                span = CitedSpan(hit.chunk.chunk_id, hit.chunk.start + cl.first, hit.chunk.start + cl.end)
                lister = (self._said_by(DraftClaim(text, [span], role="list"), hit) or "").strip() or "The source lists"
                # the names none gives are those of the members the question asks about, not of the listed ones
                # (s44's fresh user: "none of the sources gives the names of the companies", then six names)
                missing = names_missing(query, member)
                caveat = list_caveat(lister, cl.caption, cl.members, query, member)
                notes.append(f"{lead.chunk.doc_id} lists {len(cl.members)} names of the asked class under its own caption "
                             f"“{cl.caption}” ({hit.chunk.chunk_id}), which does not state the asked act: a caveat, no answer")
                partial = Draft(sections=[DraftSection(spec.name) for spec in tpl.sections], abstain=True,
                                backend=draft.backend, model=draft.model, usage=draft.usage, notes=list(draft.notes),
                                partial=base, missing=missing)
                return more, partial, caveat
            listed = DraftClaim(*self._members_quote(hit, cl), role="list", statement=cl.caption)
            specs = [spec for spec in tpl.sections if spec.kind == "claims"]
            given = [[listed], [base] if base is not None else []]  # the list, then the count
            sections = [DraftSection(spec.name, claims=given[specs.index(spec)] if spec in specs[:2] else [])
                        for spec in tpl.sections]
            notes.append(f"{lead.chunk.doc_id} lists {len(cl.members)} names of the asked class under its own caption "
                         f"“{cl.caption}” ({hit.chunk.chunk_id}), which no quoted sentence names")
            answer = Draft(sections=sections, abstain=False, backend=draft.backend, model=draft.model, usage=draft.usage,
                           notes=list(draft.notes))
            return more, answer, None
        return None

    @staticmethod
    def _members_quote(hit: SearchHit, cl) -> tuple[str, list[CitedSpan]]:
        """The quote of a captioned list (``list_members.CaptionedList``) an answer gives: its items verbatim, line
        breaks read as spaces, when all are of the asked class; else its members of that class alone, in its order,
        joined as ``list_caveat`` joins them ("A, B and C"), cited from the first member's line through the last's
        ("Key Individuals and Entities" for "which companies?": the six companies, not the Deputy Chief Cabinet
        Secretary listed before them). A verbatim run of bulleted lines cut short of the list is no sentence the
        support checker reads as said (0.17 for the six companies' lines; 0.53 joined)."""
        text = hit.chunk.text
        if cl.members == cl.items:
            return " ".join(text[cl.first:cl.end].split()), [CitedSpan(hit.chunk.chunk_id, hit.chunk.start + cl.first,
                                                                       hit.chunk.start + cl.end)]
        a = text.find(cl.members[0], cl.first, cl.end)
        b = text.rfind(cl.members[-1], cl.first, cl.end) + len(cl.members[-1])
        if a < 0 or b < a:  # not found as written: the whole list
            a, b = cl.first, cl.end
        joined = ", ".join(cl.members[:-1]) + " and " + cl.members[-1]
        return joined, [CitedSpan(hit.chunk.chunk_id, hit.chunk.start + a, hit.chunk.start + b)]

    def _counted_list_answer(self, query: str, tpl: PromptTemplate, hits: list[SearchHit], draft: Draft,
                             notes: list[str]) -> tuple[list[SearchHit], Draft, tuple[str, str]] | None:
        """For a "how many <noun>?" question the offline answer leaves partial (``draft`` abstains with a partial
        answer: none of the sentences gives the number): a sentence of the partial answer's article that names the
        counted set item by item (``list_count.named_count``: "The export restrictions cover fluorinated polyimides,
        … as well as photoresist and hydrogen fluoride" for "How many materials did Japan restrict?"), read from any
        of its passages. (hits with that passage, an answer draft leading with that sentence and followed by the
        partial answer's quote, (the sentence, what the answer says of it: ``list_count.count_phrase``, "The sources
        name three: …")); None when the article names no such list. The count is the answer's, said as a count of
        the items named, never as a number the source states."""
        from rag.text.sentences import split_sentences
        from rag.writers.answer_value import asked_value
        from rag.writers.list_count import count_phrase, named_count

        wanted = asked_value(query)
        base = draft.partial
        if not wanted.counted or base is None or not base.cites or not draft.missing:
            return None
        if (found := self._lead_article(hits, base.cites[0].chunk_id)) is None:
            return None
        lead, extra = found
        own = [h for h in hits if h.chunk.doc_id == lead.chunk.doc_id]
        article = "\n".join(h.chunk.text for h in own + extra)
        for hit in own + extra:
            for sent in split_sentences(hit.chunk.text):
                named = named_count(query, sent.text, article, wanted)
                if named is None:
                    continue
                text = " ".join(sent.text.split())
                span = CitedSpan(hit.chunk.chunk_id, hit.chunk.start + sent.start, hit.chunk.start + sent.end)
                role = classify([text])[0].role
                claims = [DraftClaim(text, [span], role=role)] + ([base] if base.text != text else [])
                specs = [spec for spec in tpl.sections if spec.kind == "claims"]
                sections = [DraftSection(spec.name, claims=claims if spec is specs[0] else []) for spec in tpl.sections]
                notes.append(f"{lead.chunk.doc_id} names {named.count} items of the counted set in {hit.chunk.chunk_id} "
                             f"({'some' if named.some else 'all'} of them) where no sentence states {draft.missing}")
                answer = Draft(sections=sections, abstain=False, backend=draft.backend, model=draft.model,
                               usage=draft.usage, notes=list(draft.notes))
                return (hits if hit in own else hits + [hit]), answer, (text, count_phrase(named))
        return None

    def _headline_answer(self, query: str, tpl: PromptTemplate, hits: list[SearchHit], draft: Draft,
                         notes: list[str]) -> tuple[list[SearchHit], Draft, Headline] | None:
        """For a question asking how a country responded (``followup.asks_response`` on its own words, naming the
        responder) that the offline answer does not tell (``draft`` abstains, with a partial answer or none, or its
        first sentence states no response of the responder's): the story's own headline, when it states the
        responder's response (``headlines.states_response``: "Tokyo protests as China blocks dual-use exports to 20
        Japanese companies"). The story is the document the answer (or the partial answer) quotes first, else the
        first hit's; its headlines are read from its opening passage (from the catalog when the evidence lacks it).
        (hits with that passage, an answer draft leading with the headline and followed by the quote it replaces, the
        headline); None when no headline states it (a headline that only names the topic does not). An LLM's answer
        is left as it is."""
        responder = _responder(query)
        if responder is None:
            return None
        # the story's own headline: of the document the answer (or the partial answer) quotes first, else of the
        # first hit ("Tokyo protests as China blocks …" does not tell how Japan answered Seoul's appeal)
        doc_of = {h.chunk.chunk_id: h.chunk.doc_id for h in hits}
        quoted = [draft.partial] if draft.abstain else [c for sec in draft.sections for c in sec.claims]
        cited = next((doc_of.get(c.cites[0].chunk_id) for c in quoted if c is not None and c.cites), None)
        docs = [cited or hits[0].chunk.doc_id] if hits else []
        have = {h.chunk.chunk_id: h for h in hits}
        rows = self.index.catalog.get_chunks([chunk_id_for(d, 0) for d in docs if chunk_id_for(d, 0) not in have])
        for doc in docs:
            cid = chunk_id_for(doc, 0)
            lead = next(h for h in hits if h.chunk.doc_id == doc)
            hit = have.get(cid) or (catalog_hit(rows[cid], lead, len(hits) + 1) if cid in rows else None)
            told = next((h for h in headlines(hit.chunk) if states_response(h.text, responder)), None) if hit else None
            if told is None:
                continue
            claims = [DraftClaim(told.text, [CitedSpan(told.chunk_id, told.start, told.end)], role="event")]
            if draft.abstain:
                claims += [draft.partial] if draft.partial is not None and draft.partial.cites else []
            else:  # the answer's sentences follow the headline as its context
                claims += [c for sec in draft.sections for c in sec.claims][:1]
            specs = [spec for spec in tpl.sections if spec.kind == "claims"]
            sections = [DraftSection(spec.name, claims=claims if spec is specs[0] else []) for spec in tpl.sections]
            notes.append(f"the headline of {doc} states the response the sentences do not: {told.text}")
            answer = Draft(sections=sections, abstain=False, backend=draft.backend, model=draft.model, usage=draft.usage,
                           notes=list(draft.notes))
            return (hits if cid in have else hits + [hit]), answer, told
        return None

    def _as_close(self, query: str, answer: str, partial: str) -> bool:
        """Whether a second read's first sentence is about what was asked at least as much as the partial answer's
        quote, within ``REREAD_MARGIN`` (cosine of each to the question, the checker's embedding): "Nearly 200
        Chinese suppliers have been added to the Entity List …" for "Roughly how many Chinese suppliers …?" (0.72
        against the partial's 0.63), not for "Which Japanese universities refused Huawei funding?" (0.42 against
        0.73: a list naming Huawei is not the universities asked for)."""
        mat = np.asarray(self.checker.embed([query, answer, partial]), dtype=np.float64)
        mat /= np.maximum(np.linalg.norm(mat, axis=1, keepdims=True), 1e-12)
        return float(mat[1] @ mat[0]) >= float(mat[2] @ mat[0]) - REREAD_MARGIN

    def _newest_hits(self, filters: SearchFilters) -> list[SearchHit]:
        """The first passage of each of the newest dated reports within ``filters``, one per story, as search hits
        in that order (``Catalog.newest_documents``; ``latest_news.LATEST_ITEMS`` of them and as many again, so
        the writer can pass over one whose first passage has no quotable sentence)."""
        catalog = self.index.catalog
        docs = catalog.newest_documents(catalog.resolve_filters(filters), 2 * LATEST_ITEMS)
        rows = catalog.get_chunks([chunk_id_for(d, 0) for d in docs])
        out: list[SearchHit] = []
        for d in docs:
            row = rows.get(chunk_id_for(d, 0))
            if row is not None:
                out.append(SearchHit(chunk=chunk_from_row(row), score=0.0, rank=len(out) + 1,
                                     source=locate(row.get("source_map"), row["start"], row["end"]),
                                     source_map=row.get("source_map")))
        return out

    def _abstain(self, topic, tpl, filters, hits: list[SearchHit], timings, *, notes, writer=None, draft=None, repairs=(), message=None,
                 asked=None, left_out: str = "") -> Brief:
        writer = writer or self.writer
        prov = self._provenance(tpl, filters, writer, draft, timings, notes, list(repairs), hits)
        prov.query = topic
        closest, seen = [], set()
        for h in hits:
            if h.chunk.doc_id in seen:
                continue
            seen.add(h.chunk.doc_id)
            src = _source(len(closest) + 1, h.chunk.doc_id, h.chunk.metadata, [(h.chunk.start, h.chunk.end)], [h.chunk.chunk_id])
            where = source_fields(src.source_path, h.source)
            src.source_spans, src.source_refs = [where["source_span"]], [where["source_ref"]]
            # typed as a brief's sources are: an essay is not labelled a news report because the brief abstained
            src.source_type, _, src.attributed_as = self._doc_facts(src.doc_id, h.chunk.metadata)
            src.type_label = type_label(src.source_type)
            closest.append(src)
            if len(closest) == 3:
                break
        brief = Brief(
            kind="answer" if tpl.kind == "answer" else "brief", template=tpl.name, topic=topic, abstained=True,
            message=message or no_evidence_within(topic, filters, matched=True, undated=self._undated(filters), asked=asked,
                                                  left_out=left_out),
            label=writer.label, closest_sources=closest,
            as_of=filters.until, provenance=prov,
        )
        brief.id = brief.compute_id()
        return brief

    def _set_aside_off_story(self, topic: str, hits: list[SearchHit],
                             notes: list[str]) -> tuple[list[SearchHit], list[Source], dict[str, set[str]]]:
        """(the hits less those all of whose paragraphs are another story's, the reports set aside whole as Sources,
        doc id -> the paragraphs set aside, for ``_evidence``): the brief's one off-story judgement (``on_topic.off_story_undated``: an undated report whose lede
        tells another story keeps only the paragraphs that are themselves within the cut), made before any section
        is written, so that no section quotes what the confidence line rules off the story. A hit left with no
        paragraph left is dropped (``EvidencePassage.aside`` marks the rest, see ``_evidence``); a report dropped whole is
        named as set aside by the confidence line."""
        undated = {}
        for h in hits:
            d = h.chunk.doc_id
            if d in undated or h.chunk.metadata.get("published"):
                continue
            kind, _, _ = self._doc_facts(d, h.chunk.metadata)
            if kind in REPORTING:
                undated[d] = lede((self.index.catalog.get_document(d) or {}).get("text") or "")
        by_doc: dict[str, list[str]] = {}
        for h in hits:
            by_doc.setdefault(h.chunk.doc_id, []).append(h.chunk.text)
        off = off_story_undated(topic, undated, by_doc, self.checker.embed) if undated else {}
        if not any(off.values()):
            return hits, [], {}
        kept: list[SearchHit] = []
        for h in hits:
            if h.chunk.doc_id in off and all(p in off[h.chunk.doc_id] for _, _, p in paragraphs(h.chunk.text)):
                continue
            kept.append(h)
        whole = [d for d in dict.fromkeys(h.chunk.doc_id for h in hits) if d in off and not any(k.chunk.doc_id == d for k in kept)]
        aside = []
        for d in whole:
            meta = next(h.chunk.metadata for h in hits if h.chunk.doc_id == d)
            src = _source(0, d, meta, [], [])
            src.source_type, _, src.attributed_as = self._doc_facts(d, meta)
            aside.append(src)
        notes.append(f"set aside {sum(len(ps) for ps in off.values())} paragraphs of {len(off)} undated report(s) whose "
                     f"lede reports another story ({len(hits) - len(kept)} passages dropped whole): {', '.join(sorted(off))}")
        return kept, aside, {d: ps for d, ps in off.items() if ps}

    def _own_sections(self, topic: str, hits: list[SearchHit], aside: dict[str, set[str]],
                      notes: list[str]) -> list[SearchHit]:
        """The hits with, for each source that labels its own sections (``watch_items.labelled_sections``: at least
        ``LABELLED_MIN`` headings of the kinds a brief's sections take, "Implications and Strategic Risks", "Scenario
        Outlook:", "Information Gaps:"), its passages under such a heading that the per-document evidence cap
        (``generation.evidence_per_doc``) left out (``reread.other_passages``, ranked after the search's hits). A source
        that labels its sections gives them to the brief's matching sections: its "Scenario Outlook" to the Outlook,
        not a neighbour story's forecast. A report whose paragraphs were set aside as another story's (``aside``) is
        not read further, nor a digest whose title names several stories none of which is the ``topic``'s
        (``digest_titles.topic_part``): its sections are its other stories' ("South Korea's chip-hub pitch …")."""
        extra: list[SearchHit] = []
        for d in dict.fromkeys(h.chunk.doc_id for h in hits):
            if d in aside:
                continue
            doc = self.index.catalog.get_document(d) or {}
            text = doc.get("text") or ""
            if not labelled_sections(text):
                continue
            title = hits[[h.chunk.doc_id for h in hits].index(d)].chunk.title or ""
            parts = [title[a:b] for a, b in story_parts(title)]
            if len(parts) > 1 and topic_part(topic, parts) is None:
                continue
            lead = next(h for h in hits if h.chunk.doc_id == d)
            more = other_passages(lead, hits + extra, int(doc.get("n_chunks") or 0), self.index.catalog.get_chunks)
            extra += [h for h in more if labelled_sections(text, h.chunk.start, h.chunk.start + len(h.chunk.text))]
        if extra:
            notes.append(f"read {len(extra)} passage(s) under sources' own labelled sections past the evidence cap: "
                         + ", ".join(h.chunk.chunk_id for h in extra))
        return hits + extra

    def _assemble(self, topic, tpl, filters, hits, sections, timeline, repairs, timings, notes, writer, draft,
                  off_story: Sequence[Source] = ()) -> Brief:
        meta_by_doc = {h.chunk.doc_id: h.chunk.metadata for h in hits}
        map_by_doc = {h.chunk.doc_id: h.source_map for h in hits}
        order: dict[str, Source] = {}
        weighed = [e for s in sections for c in s.claims for e in c.evidence_for + c.evidence_against + c.verdict]
        for claim in [c for s in sections for c in s.claims] + weighed + timeline:
            for cit in claim.citations:
                src = order.get(cit.doc_id)
                if src is None:
                    src = _source(len(order) + 1, cit.doc_id, meta_by_doc.get(cit.doc_id, {}), [], [])
                    order[cit.doc_id] = src
                cit.source = src.index
                # where a reader finds the quote in the original file, not just in the stored text
                where = source_fields(src.source_path, locate(map_by_doc.get(cit.doc_id), cit.start, cit.end))
                for key, value in where.items():
                    setattr(cit, key, value)
                if (cit.start, cit.end) not in src.spans:
                    src.spans.append((cit.start, cit.end))
                    src.source_spans.append(where["source_span"])
                    src.source_refs.append(where["source_ref"])
                if cit.chunk_id not in src.chunk_ids:
                    src.chunk_ids.append(cit.chunk_id)
        sources = list(order.values())
        story_of: dict[str, str] = {}
        for src in sources:
            meta = meta_by_doc.get(src.doc_id, {})
            src.source_type, story_of[src.doc_id], src.attributed_as = self._doc_facts(src.doc_id, meta)
            src.type_label = type_label(src.source_type)
        claims = [c for s in sections for c in s.claims]
        attributed = attribute_claims(claims, {src.index: src for src in sources})
        by_index = {src.index: src for src in sources}
        if tpl.kind == "answer":  # one rule credits a quote on every answer path (answer_credit), sentence by sentence
            # a source relaying several outlets is credited, per quote, with the one its own part relays
            relays = {s.doc_id: (self.index.catalog.get_document(s.doc_id) or {}).get("text") or ""
                      for s in sources if len(relayed_names(s.attributed_as)) > 1}
            attributed = credit_answer(claims, by_index, {h.chunk.chunk_id: h.chunk for h in hits}, relays,
                                       leads={h.chunk.chunk_id: h.lead for h in hits if h.lead})
        else:
            # a report the source credits to an outlet ("reported ... by Nikkei Asia") names it in its attribution
            credit_outlets(claims, by_index, {h.chunk.chunk_id: (h.chunk.start, h.chunk.text) for h in hits})
            # a quote joining a reported sentence and the source's judgement of it ("Japan has reportedly denied … The
            # decision … signals …") is credited sentence by sentence, as an answer's is: "X, citing Nikkei Asia,
            # reports and assesses", never the report labelled a judgement
            credit_answer(joined_views(claims), by_index, {h.chunk.chunk_id: h.chunk for h in hits})
        # a name only a generated brief or an unnamed report gives is attributed to it, like its claims
        cited_text = {src.doc_id: " ".join(h.chunk.text for h in hits if h.chunk.chunk_id in src.chunk_ids) for src in sources}
        # the on-topic evidence: the sources the sections cite (a timeline entry alone does not make a source) for a
        # claim about the topic's actors (confidence.on_topic_sources); it dates the brief, decides its confidence and
        # whose own entity and tag lists it takes; their stored texts are read once for both
        on_topic = (on_topic_sources(topic, sources, claims) if tpl.kind == "brief"  # it keeps the cited ones only
                    else [src for src in sources if any(c.doc_id == src.doc_id for cl in claims for c in cl.citations)])
        texts = ({s.doc_id: (self.index.catalog.get_document(s.doc_id) or {}).get("text") or "" for s in on_topic}
                 if tpl.kind == "brief" else {})
        own_texts = self._own_lists(tpl, texts, sections, cited_text)
        for s in sections:
            if s.kind == "terms" and (ENTITY_SECTION_RE.search(s.name) or ENTITY_SECTION_RE.search(tpl.section(s.name).description)):
                s.terms = attribute_names(s.terms, sources, own_texts)
        attribute_claims(timeline + weighed, {src.index: src for src in sources})
        if tpl.kind != "answer":  # a timeline entry or an explanation's evidence keeps the outlet its source relays
            credit_outlets(timeline + weighed, by_index, {h.chunk.chunk_id: (h.chunk.start, h.chunk.text) for h in hits})
        confidence = None
        if tpl.kind == "brief":  # the undated reports set aside as another story's (``_set_aside_off_story``) are named
            # ... and every source the brief cites is accounted for: a cited source off the topic's story is named
            # ... and a commentary source the lead section or the timeline tells the story from is on its story
            lead_sec = next((s for s in sections if s.kind == "claims" and s.claims), None)
            told_by = {c.source for cl in (lead_sec.claims if lead_sec else []) + timeline for c in cl.citations}
            confidence = assess_confidence(on_topic, story_of, off_story=off_story, cited=sources,
                                           told=[s for s in sources if s.index in told_by])
        publishers = {s.publisher or s.doc_id for s in sources}
        for s in sections:
            if s.kind == "stat":
                s.text = confidence.text() if s.name == "confidence" and confidence else _coverage_text(sources, publishers)
            elif s.kind == "claims" and s.required and not s.claims and tpl.kind == "brief":
                s.text = self._empty_text(topic, tpl.section(s.name), sections)
        if attributed:
            notes.append(f"{attributed} claim(s) attributed to their source (judgements, forecasts, or sources that are not reporting)")
        # "as of" is the newest source that reports the story's dated events, not a later one recalling them
        story = story_sources(hits, [c.date for c in timeline])
        as_of = as_of_date([s.published for s in on_topic if not story or s.doc_id in story], [c.date for c in timeline], filters.until)
        if tpl.kind == "brief":
            # who someone is, from a source no one can be named for, is background; an undated source's quotes come
            # after the dated story's, marked as undated (``placement``)
            identity_to_background(sections, by_index)
            mark_undated(sections, by_index, undated_sources(sources, story_of, dated_by=on_topic))
        headline_sec = next((s for s in sections if s.name == "headline" and s.claims), None)
        lead = headline_sec.claims[0] if headline_sec else next((c for s in sections for c in s.claims), None)
        # the headline is a claim like any other: one whose only source is commentary is attributed, never stated;
        # a brief's headline is its title line, the same in JSON as in Markdown (``render.title_text``), an answer's
        # its lead claim
        headline = claim_text(lead) if lead else None
        prov = self._provenance(tpl, filters, writer, draft, timings, notes, repairs, hits)
        prov.query = topic
        quoted = distinct_quotes(claims + timeline)  # each passage once, as every format counts it
        brief = Brief(
            kind="answer" if tpl.kind == "answer" else "brief", template=tpl.name, topic=topic, headline=headline,
            as_of=as_of, label=writer.label, sections=sections, timeline=timeline, sources=sources, confidence=confidence,
            claims_total=len(quoted) + sum(1 for r in repairs if r.action == "removed"),
            claims_verified=sum(1 for c in quoted if c.verified), provenance=prov,
        )
        if tpl.kind == "brief" and lead is not None:
            brief.headline = title_text(brief)
        brief.id = brief.compute_id()
        return brief


def _source(index: int, doc_id: str, meta: dict, spans, chunk_ids) -> Source:
    return Source(
        index=index, doc_id=doc_id, title=meta.get("title") or "", publisher=meta.get("publisher") or "",
        published=meta.get("published") or None, url=meta.get("url") or "", source_path=meta.get("source_path") or "",
        spans=list(spans), chunk_ids=list(chunk_ids),
    )


def _coverage_text(sources: list[Source], publishers: set[str]) -> str:
    n_art, n_pub = len(sources), len(publishers)
    return f"{n_art} article{'s' if n_art != 1 else ''} · {n_pub} source{'s' if n_pub != 1 else ''}"


def _first_doc(hits: list[SearchHit], chunk_id: str) -> list[SearchHit]:
    """The hits with the one holding ``chunk_id`` first (it is then source [1] of the closest sources)."""
    return sorted(hits, key=lambda h: h.chunk.chunk_id != chunk_id)


def _evidence(hits: list[SearchHit], aside: dict[str, set[str]] | None = None) -> list[EvidencePassage]:
    """The writer's evidence: each hit as a passage labelled S1, S2, … in rank order; ``aside``: doc id -> the texts
    of its paragraphs set aside as another story's (``Engine._set_aside_off_story``), marked on each passage as
    (start, end) offsets in its text (``EvidencePassage.aside``)."""
    aside = aside or {}
    return [EvidencePassage(f"S{i + 1}", h.chunk, h.score,
                            tuple((a, b) for a, b, p in paragraphs(h.chunk.text) if p in aside.get(h.chunk.doc_id, ())),
                            lead=h.lead)
            for i, h in enumerate(hits)]


def _responder(query: str) -> str | None:
    """The place key of the country whose response ``query`` asks for ("What did Japan say in response?" ->
    "japan"): its own words (a follow-up's carried context aside) hold a response cue and name a place, and it asks
    for no name, number or date; None otherwise."""
    own = without_carried_context(query)
    mentions = place_mentions(own)
    if not (asks_response(own) and mentions) or answer_type(query) in SINGLE_VALUE_KINDS:
        return None
    return mentions[0].key


def _tells_response(draft: Draft, query: str) -> bool:
    """Whether the answer's first sentence itself states the response ``query`` asks for (True when it asks for
    none): it is led by the responder and holds a response cue (``headlines.states_response``: "South Korea has
    summoned a Japanese embassy official to protest …"). "South Korean chipmakers said they held stocks …" and "The
    boats were towed to Hainan …" do not: a headline stating the response leads before them."""
    responder = _responder(query)
    first = next((c.text for s in draft.sections for c in s.claims), "")
    return responder is None or states_response(first, responder)


def _cite_as_headline(brief: Brief, headline: Headline) -> None:
    """The answer's claim quoting ``headline`` is cited as the headline it is: "Headline of [1]: “…”", or, for a
    source whose quotes are attributed, "WorldWideWatchers (AI-generated brief, 2026) reports in the headline of
    [1]: “…”" (``brief.id`` recomputed)."""
    for claim in (c for s in brief.sections for c in s.claims):
        if claim.text == headline.text and claim.citations:
            n = claim.citations[0].source
            claim.attribution = f"{claim.attribution} in the headline of [{n}]" if claim.attribution else f"Headline of [{n}]"
    brief.id = brief.compute_id()


def _cite_as_count(brief: Brief, text: str, phrase: str) -> None:
    """The answer's claim quoting ``text`` (a sentence naming a counted set item by item) is led by the count the
    answer made of it (``phrase``: "The sources name three: A, B and C (a count of the items named; none states the
    number)"), before the quote's own credit if it has one (``brief.id`` recomputed)."""
    for claim in (c for s in brief.sections for c in s.claims):
        if claim.text == text and claim.citations:
            claim.attribution = f"{phrase}; {claim.attribution}" if claim.attribution else phrase
            break
    brief.id = brief.compute_id()


def _first_line(exc: Exception) -> str:
    from rag.llm_replies import without_urls

    return without_urls((str(exc).splitlines() or [type(exc).__name__])[0][:300])


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _noted(brief: Brief, note: str | None) -> Brief:
    """The brief with the fallback note shown to the reader (``message``) when the offline writer stood in."""
    if note:
        brief.message = f"{brief.message} {note}" if brief.message else note
    return brief


def _lacks_filtered_field(chunk, filters: SearchFilters) -> bool:
    """Whether ``filters`` leave ``chunk`` out only for lacking what they filter on: no publication date under a date
    bound, no publisher under a publisher filter (and it meets every filter it has the field for)."""
    dated = bool(filters.since or filters.until)
    no_date, no_publisher = dated and not chunk.published, bool(filters.publishers) and not chunk.publisher
    date_ok = not dated or no_date or (filters.since or "") <= chunk.published <= (filters.until or "9999-12-31")
    publisher_ok = not filters.publishers or no_publisher or chunk.publisher in filters.publishers
    return (no_date or no_publisher) and date_ok and publisher_ok


def _draft_text(draft: Draft) -> Iterator[str]:
    for s in draft.sections:
        for c in s.claims:
            yield c.text + " "
