"""Hybrid retrieval: dense (Chroma) + BM25 (bm25s), reciprocal rank fusion, per-article and per-story grouping."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Sequence

import numpy as np

from rag.catalog import chunk_from_row
from rag.chunking import chunk_id_for
from rag.config import RetrievalSettings
from rag.doc_kind import is_digest, is_live_blog
from rag.decoding import valid_text
from rag.errors import QueryError
from rag.exact_dense import exact_dense
from rag.facts import differing_facts
from rag.feedback import rm3_weights
from rag.index import CorpusIndex
from rag.lexical import bm25_text
from rag.ranker import Pool, RankerModel, load_model, name_words, passage_features, words
from rag.ranking import (article_order, convex_fusion, event_day, keyword_query, names_and_numbers, question_core,
                          recency_factor, title_match, url_slug, weighted_rrf)
from rag.text.analyzer import analyze
from rag.text.cross_lingual import bridge_query, concept_share, translated_share
from rag.text.align import locate
from rag.text.dates import parse_date
from rag.text.normalize import embed_form, normalize_text
from rag.text.asked_period import asked_period
from rag.text.transcript_turns import labelled, lead_before
from rag.types import SearchFilters, SearchHit


def validate_query(query: str, *, max_chars: int) -> str:
    """The query in the corpus's store form (``rag.decoding.valid_text``, then ``normalize_text``: NFC, control,
    zero-width and bidi characters dropped, spaces unified and stripped), so that what is searched and what an answer
    quotes back is the text a reader sees; empty or over-long queries are refused with a ``QueryError``."""
    q = normalize_text(valid_text(query or ""))
    if not q:
        raise QueryError("The query is empty.", help_message="ask a question or give a topic")
    if len(q) > max_chars:
        raise QueryError(
            f"The query is {len(q)} characters long; the limit is {max_chars}.",
            help_message="shorten it or raise BRIEF_RETRIEVAL__MAX_QUERY_CHARS",
        )
    return q


def make_filters(since: str | None = None, until: str | None = None, publishers: Sequence[str] = ()) -> SearchFilters:
    """Parse user date bounds (any common format) into inclusive ISO filters."""
    s = parse_date(since) if since else None
    u = parse_date(until) if until else None
    if since and s is None:
        raise QueryError(f"Cannot read the date {since!r}.", help_message="use YYYY-MM-DD")
    if until and u is None:
        raise QueryError(f"Cannot read the date {until!r}.", help_message="use YYYY-MM-DD")
    if s and u and s > u:
        raise QueryError(f"--since {s} is after --until {u}.")
    return SearchFilters(since=s, until=u, publishers=tuple(p for p in publishers if p))


def _thread(row: dict) -> str:
    return row.get("thread_id") or row.get("story_id") or row["doc_id"]


def _story(row: dict) -> str:
    return row.get("story_id") or row["doc_id"]


def _recency(row: dict) -> tuple[str, float]:
    return (row.get("published") or "", float(row.get("added_at") or 0.0))


def newest_versions_first(order: list[str], rows: dict[str, dict]) -> list[str]:
    """Chunk ids with each thread (versions of one story) shown by its newest version only, at the thread's best rank;
    of that version, by the document of the outlet that published it first (a later outlet's copy is listed in
    ``also_reported_by``: an exact republication led over the original in s60's first cut of outlet copies).

    An update or correction and the version it replaces share a thread; when both are found, the older one's
    passages give way, and the leading document's best passage takes the thread's highest position. A version
    outside the filters is not in ``order`` and so does not displace anything.
    """
    lead: dict[str, dict] = {}
    first_pos: dict[str, int] = {}
    for pos, cid in enumerate(order):
        row = rows.get(cid)
        if row is None:
            continue
        thread = _thread(row)
        first_pos.setdefault(thread, pos)
        if thread not in lead or _recency(row) > _recency(lead[thread]):
            lead[thread] = row
    # ... and of that version, the outlet that reported it first: another outlet's later copy of the same facts (a
    # republication, word for word or nearly) is listed in also_reported_by, not shown in the original's place
    for cid in order:
        row = rows.get(cid)
        if row is None:
            continue
        first = lead[_thread(row)]
        if (_story(row) == _story(first) and row["doc_id"] != first["doc_id"]
                and row.get("published") and row.get("published") < (first.get("published") or "")):
            lead[_thread(row)] = row
    placed: set[str] = set()
    keyed: list[tuple[float, str]] = []
    for pos, cid in enumerate(order):
        row = rows.get(cid)
        if row is None:
            continue
        thread = _thread(row)
        if row["doc_id"] != lead[thread]["doc_id"]:
            continue
        if thread not in placed:  # the leading document's best passage moves up to where its thread first appeared
            placed.add(thread)
            keyed.append((first_pos[thread] - 0.5 if first_pos[thread] < pos else pos, cid))
        else:
            keyed.append((pos, cid))
    return [cid for _, cid in sorted(keyed)]


def version_notes(doc_id: str, thread_docs: list[dict]) -> list[dict]:
    """For a hit's document: the other versions of its story (other stories of its thread) and what each says."""
    me = next((d for d in thread_docs if d["doc_id"] == doc_id), None)
    if me is None:
        return []
    notes = []
    for d in thread_docs:
        if d["story_id"] == me["story_id"]:
            continue  # same facts: an outlet of this story, listed in also_reported_by
        relation = "earlier" if _recency(d) < _recency(me) else "later"
        says = differing_facts(d["facts"], me["facts"])
        who = ", ".join(x for x in (d.get("publisher") or d.get("title") or d["doc_id"], d.get("published")) if x)
        notes.append({
            "doc_id": d["doc_id"], "relation": relation, "publisher": d.get("publisher") or "", "published": d.get("published"),
            "says": says, "note": f"{relation} version: {who}" + (f", says {', '.join(says[:3])}" if says else ""),
        })
    return notes


def _scale_before(scores: dict[str, float], rows: dict[str, dict], day: str, factor: float) -> None:
    """Scale in place the score of every passage whose report was published before ``day`` (ISO) by ``factor``;
    an undated report keeps its score (its date is unknown, not early)."""
    for cid in scores:
        published = (rows.get(cid) or {}).get("published")
        if published and published[:10] < day:
            scores[cid] *= factor


@dataclass
class Candidates:
    """What the two retrievers found for one query, best first: dense chunk ids (with their cosine similarity)
    and BM25 chunk ids. Ranking (``HybridRetriever.rank``) reads only this, so ranking settings can be compared
    on one set of candidates."""

    dense: list[str]
    similarity: dict[str, float]
    lexical: list[str]
    query: str = ""  # the query they were found for (headline matching reads it)
    bm25: dict[str, float] = field(default_factory=dict)  # BM25 score by chunk id (the fitted ranker reads it)
    #: the cross-lingual keyword leg's chunk ids, best first (``HybridRetriever.bridged_results``; empty when the
    #: query names no glossary term or nothing in the other languages holds one)
    bridged: tuple[str, ...] = ()


def dense_date_filtered(store, lexical, vec, *, k: int, filters: SearchFilters, overfetch: int) -> list:
    """The k nearest chunks meeting date bounds by HNSW: over-fetch ``k * overfetch`` unfiltered, keep those in bounds.

    Approximate twice over: the in-bound neighbours HNSW's unfiltered top k·m misses are lost (``date_search``
    "exact", ``rag.exact_dense``, is the default). When fewer than k survive (a narrow date range), the filtered
    Chroma query runs instead, so the result is never shorter than with the filter alone. ``overfetch`` < 2 means
    always the filtered query.
    """
    if overfetch < 2:
        return store.query(vec, k=k, filters=filters)
    got = store.query(vec, k=k * overfetch)
    kept = [d for d, ok in zip(got, lexical.passes([d.chunk_id for d in got], filters)) if ok]
    if len(kept) >= k or len(got) < k * overfetch:  # enough, or the whole collection was read
        return kept[:k]
    return store.query(vec, k=k, filters=filters)


#: words of an untitled article's first passage that stand for its headline (a dateline and the lede's first sentence)
LEDE_WORDS = 40


@lru_cache(maxsize=50_000)
def headline_terms(title: str | None) -> frozenset[str]:
    """The BM25 terms (``rag.text.analyzer.analyze``) of an article's headline; empty without one."""
    return frozenset(analyze(title)) if title else frozenset()


class HybridRetriever:
    """Dense + BM25 over one CorpusIndex, fused with RRF, then grouped so one article or story cannot fill the list."""

    def __init__(self, index: CorpusIndex, settings: RetrievalSettings | None = None, *, model: RankerModel | None = None) -> None:
        self.index = index
        self.settings = settings or index.settings.retrieval
        #: the fitted ranker's model when ``retrieval.ranker`` is "fitted" (default: the shipped one, read on first use)
        self._model = model

    def describe(self) -> dict:
        s = self.settings
        return {
            "mode": f"hybrid-{s.fusion}", "candidates": s.candidates, "date_search": s.date_search, "rrf_k": s.rrf_k, "max_per_doc": s.max_per_doc,
            "dense_weight": s.dense_weight, "bm25_weight": s.bm25_weight, "bridge_weight": s.bridge_weight,
            "recency_half_life_days": s.recency_half_life_days,
            "recency_floor": s.recency_floor, "article_weight": s.article_weight, "context_chunks": s.context_chunks, "name_copies": s.name_copies,
            "digest_factor": s.digest_factor, "live_blog_factor": s.live_blog_factor, "title_weight": s.title_weight,
            "strip_scaffolding": s.strip_scaffolding, "ranker": s.ranker, "event_day_factor": s.event_day_factor,
            "background_slots": s.background_slots, "period_factor": s.period_factor,
            "ranker_model": self.model.sha256 if s.ranker == "fitted" else "",
            "embedding_model": self.index.embedder.model_id, "collection": self.index.collection,
        }

    def search(
        self,
        query: str,
        *,
        k: int | None = None,
        filters: SearchFilters | None = None,
        max_per_doc: int | None = None,
        context: bool = False,
    ) -> list[SearchHit]:
        """The top-k passages for the query: fused, filtered in the stores, at most ``max_per_doc`` per article;
        ``context=True`` also fills each hit's ``context`` window (``retrieval.context_chunks`` passages each side)."""
        s = self.settings
        q = validate_query(query, max_chars=s.max_query_chars)
        k = k or s.top_k
        if k < 1 or k > 200:
            raise QueryError(f"k must be between 1 and 200, got {k}.")
        filters = filters or SearchFilters()
        cands = self.candidates(q, filters=filters, n=max(s.candidates, k * 4))
        if cands is None:
            return []
        return self.rank(cands, k=k, filters=filters, max_per_doc=max_per_doc, context=context)

    def candidates(self, q: str, *, filters: SearchFilters, n: int) -> Candidates | None:
        """Up to ``n`` dense and ``n`` BM25 candidates meeting the filters (None: no chunk can meet them); with
        ``strip_scaffolding`` both retrievers search the question's core (``rag.ranking.question_core``)."""
        if self.settings.strip_scaffolding:
            q = question_core(q)
        vec = self.index.query_vectors.get(embed_form(q))  # as passages are embedded (embedding_text)
        dense_filters = filters
        if filters.publishers and not self.index.store.keyed:  # a v1 collection: its chunks carry names, not keys
            dense_filters = replace(filters, publishers=tuple(self.index.catalog.publisher_names(filters.publishers)))
            if not dense_filters.publishers:
                return None
        if filters.publishers or filters.is_empty():
            dense = self.index.store.query(vec, k=n, filters=dense_filters)
        else:
            dense = self.dense_in_dates(vec, k=n, filters=filters)
        lexical = self.keyword_results(q, filters=filters, n=n)
        bridged = self.bridged_results(q, filters=filters, n=n)
        return Candidates([d.chunk_id for d in dense], {d.chunk_id: d.similarity for d in dense},
                          [r.chunk_id for r in lexical], q, {r.chunk_id: r.score for r in lexical},
                          tuple(r.chunk_id for r in bridged))

    def bridged_results(self, q: str, *, filters: SearchFilters, n: int) -> list:
        """Up to ``n`` BM25 results for the query's domain terms in the other languages (``rag.text.cross_lingual``:
        an English query's Japanese, Chinese and Korean forms, a CJK query's English ones), each term once; empty
        when ``bridge_weight`` is 0 or the query names no glossary term."""
        if self.settings.bridge_weight <= 0:
            return []
        bridge = bridge_query(q)
        if not bridge:
            return []
        return self.index.lexical().weighted_query(dict.fromkeys(analyze(bridge), 1.0), k=n, filters=filters)

    def dense_in_dates(self, vec: np.ndarray, *, k: int, filters: SearchFilters) -> list:
        """The k nearest chunks meeting date bounds (no publisher filter), as ``retrieval.date_search`` finds them:
        exactly (default), by HNSW over-fetch, or by Chroma's filtered HNSW query."""
        s = self.settings
        if s.date_search == "exact":
            return exact_dense(self.index).query(vec, k=k, filters=filters)
        overfetch = s.date_overfetch if s.date_search == "overfetch" else 0
        return dense_date_filtered(self.index.store, self.index.lexical(), vec, k=k, filters=filters, overfetch=overfetch)

    def keyword_results(self, q: str, *, filters: SearchFilters, n: int) -> list:
        """Up to ``n`` BM25 results (chunk id, score) for the query, best first; its names and numbers count
        ``1 + name_copies`` times. With ``feedback_terms`` the query is expanded by RM3 from its first
        ``feedback_docs`` results and run again (``rag.feedback``)."""
        s = self.settings
        query = keyword_query(q, name_copies=s.name_copies)
        lexical = self.index.lexical()
        first = lexical.query(query, k=n, filters=filters)
        if s.feedback_terms <= 0 or not first:
            return first
        top = first[:s.feedback_docs]
        rows = self.index.catalog.get_chunks([r.chunk_id for r in top])
        passages = [(analyze(bm25_text(rows[r.chunk_id])), r.score) for r in top if r.chunk_id in rows]
        weights = rm3_weights(analyze(query), passages, terms=s.feedback_terms, original_weight=s.feedback_original_weight)
        return lexical.weighted_query(weights, k=n, filters=filters)

    def keyword_candidates(self, q: str, *, filters: SearchFilters, n: int) -> list[str]:
        """Up to ``n`` BM25 chunk ids for the query, best first (``keyword_results`` without the scores)."""
        return [r.chunk_id for r in self.keyword_results(q, filters=filters, n=n)]

    @property
    def model(self) -> RankerModel:
        """The fitted ranker's model (``rag.ranker``): the one given, else the shipped file; RankerModelError if unusable."""
        if self._model is None:
            self._model = load_model()
        return self._model

    def rank(self, cands: Candidates, *, k: int, filters: SearchFilters, max_per_doc: int | None = None,
             context: bool = False) -> list[SearchHit]:
        """The top-k hits from candidates: weighted RRF, recency, digests and headlines (``prioritize``),
        article-level order, newest version of a story, one copy per story, at most ``max_per_doc`` passages per
        article, each with its context window when ``context`` is asked for."""
        s = self.settings
        per_doc = max_per_doc or s.max_per_doc
        n = max(s.candidates, k * 4)  # candidates fetched for a larger pool are cut to this search's own
        dense_ids, lex_ids = cands.dense[:n], cands.lexical[:n]
        # the cross-lingual leg ranks by its own order (a candidate set cached before it existed has none)
        bridged = list(getattr(cands, "bridged", ()))[:n] if s.bridge_weight > 0 else []
        if s.fusion == "convex":
            legs = [(dense_ids, cands.similarity, s.dense_weight), (lex_ids, cands.bm25, s.bm25_weight)]
            if bridged:
                legs.append((bridged, {cid: 1.0 / (1 + i) for i, cid in enumerate(bridged)}, s.bridge_weight))
            fused = convex_fusion(legs)
        else:
            fused = weighted_rrf([(dense_ids, s.dense_weight), (lex_ids, s.bm25_weight)], k=s.rrf_k)
        if bridged and s.fusion != "convex":
            # a bridged passage counts by how much of the query the glossary carries (``translated_share``) and by
            # the share of the query's glossary terms its headline and text hold (``concept_share``): one generic
            # term of a several-term query (出口 of "quantum computer export controls") is a weak match, and an
            # article holding the query's own words, some of which no glossary term carries, keeps its place
            # (the rows of every candidate are read here once: a bridged one joins ``fused`` below)
            carried = translated_share(cands.query)
            rows = self.index.catalog.get_chunks(dict.fromkeys([*fused, *bridged]))
            for rank, cid in enumerate(bridged, start=1):
                row = rows.get(cid) or {}
                share = concept_share(cands.query, f"{row.get('title') or ''}\n{row.get('text') or ''}")
                fused[cid] = fused.get(cid, 0.0) + s.bridge_weight * carried * share / (s.rrf_k + rank)
        else:
            rows = self.index.catalog.get_chunks(fused)
        dense_rank = {cid: i + 1 for i, cid in enumerate(dense_ids)}
        lex_rank = {cid: i + 1 for i, cid in enumerate(lex_ids)}
        if s.ranker == "fitted":
            scores = self.fitted_scores(cands, rows, filters, n=n)
        else:
            scores = self.prioritize(fused, rows, filters, query=cands.query)
        doc_of = {cid: r["doc_id"] for cid, r in rows.items()}
        order = newest_versions_first(article_order(scores, doc_of, weight=s.article_weight), rows)
        slots = self.background_slots(k, filters)
        if slots:  # the same candidates without the recency decay: what an "as of" list holds back for being old
            timeless = self.prioritize(fused, rows, filters, query=cands.query, recency=False)
            background = newest_versions_first(article_order(timeless, doc_of, weight=s.article_weight), rows)
            scores = {**timeless, **scores}  # a hit keeps the list's own score

        hits: list[SearchHit] = []
        taken: set[str] = set()
        per_doc_count: dict[str, int] = {}
        story_of_first_doc: dict[str, str] = {}

        def take(sequence: Sequence[str], upto: int) -> None:
            """Append hits from ``sequence`` until the list holds ``upto``: one copy per story, ``per_doc`` per article."""
            for cid in sequence:
                if len(hits) >= upto:
                    return
                row = rows.get(cid)
                if row is None or cid in taken:  # deleted since the vectors were read, or already a hit
                    continue
                story = row.get("story_id") or row["doc_id"]
                lead_doc = story_of_first_doc.setdefault(story, row["doc_id"])
                if lead_doc != row["doc_id"]:
                    continue  # a republished copy of a story already in the list
                if per_doc_count.get(row["doc_id"], 0) >= per_doc:
                    continue
                per_doc_count[row["doc_id"]] = per_doc_count.get(row["doc_id"], 0) + 1
                taken.add(cid)
                hits.append(
                    SearchHit(
                        chunk=chunk_from_row(row), score=scores[cid], rank=len(hits) + 1,
                        dense_rank=dense_rank.get(cid), bm25_rank=lex_rank.get(cid), dense_score=cands.similarity.get(cid),
                        source=locate(row.get("source_map"), row["start"], row["end"]), source_map=row.get("source_map"),
                    )
                )

        take(order, k - slots)
        if slots:
            take(background, k)
            take(order, k)  # fewer background passages than slots: the list goes on in its own order
        self._attach_outlets(hits)
        self._attach_versions(hits)
        self._attach_turn_leads(hits)
        if context:
            self._attach_context(hits)
        return hits

    def _attach_turn_leads(self, hits: list[SearchHit]) -> None:
        """Each hit cut from inside a transcript (a passage past its document's start with a turn's label: ``labelled``)
        gets the document's text right before it (``lead_before``): its turns are read with it."""
        texts: dict[str, str] = {}
        for h in hits:
            if h.chunk.start <= 0 or not labelled(h.chunk.text):
                continue
            if h.chunk.doc_id not in texts:
                texts[h.chunk.doc_id] = (self.index.catalog.get_document(h.chunk.doc_id) or {}).get("text") or ""
            text = texts[h.chunk.doc_id]
            if text[h.chunk.start:h.chunk.end] == h.chunk.text:
                h.lead = lead_before(text, h.chunk.start)

    def background_slots(self, k: int, filters: SearchFilters) -> int:
        """How many of a k-passage list's last places go to passages ranked without the recency decay
        (``retrieval.background_slots``): only in an "as of" search (``until``, no ``since``) with recency on, and
        only in a list longer than 10, so the top 10 a reader sees first is the ranking's own."""
        s = self.settings
        if s.background_slots <= 0 or k <= 10 or not filters.until or filters.since or s.recency_half_life_days <= 0:
            return 0
        return min(s.background_slots, k - 10)

    def prioritize(self, fused: dict[str, float], rows: dict[str, dict], filters: SearchFilters, *, query: str = "",
                   recency: bool = True) -> dict[str, float]:
        """Fused scores scaled by the kind of article (a digest's passage keeps ``digest_factor``, a live blog's
        ``live_blog_factor``: see ``rag.doc_kind``), by how much of the query's keyword weight its headline holds (``title_weight``), and by
        the recency of each passage's report (``recency_half_life_days``; see
        ``rag.ranking.recency_factor``) in an "as of" search, one with an ``until`` bound and no ``since``: the
        news of the days before that date comes first, older reports keep ``recency_floor`` of their score.
        Without ``until`` the question is about a topic, not the news as of a day, and a window with both
        bounds is a period asked for as a whole: both keep the relevance order, so an older report that
        answers the question is not buried under newer ones that merely mention it. In an "as of" search whose
        query names one weekday (``rag.ranking.event_day``), a report published before that day also keeps only
        ``retrieval.event_day_factor`` of its score: it cannot report what happened then. In one whose query names a
        period before ``until`` ("… this week?": ``rag.text.asked_period.asked_period``, the window ``ask``
        bounds an answer's evidence to), a report published before that period keeps ``retrieval.period_factor`` (a
        soft period, a year or recency words, is left to the filter: ``SearchFilters.dated_since``).
        ``recency=False`` leaves the recency decay and the period rule out (the weekday rule stays)."""
        s = self.settings
        scores = dict(fused)
        if s.digest_factor < 1.0 or s.live_blog_factor < 1.0:
            for cid in scores:
                row = rows.get(cid) or {}
                if is_digest(row.get("title"), row.get("url")):
                    scores[cid] *= s.digest_factor
                elif is_live_blog(row.get("title"), row.get("url")):
                    scores[cid] *= s.live_blog_factor
        if s.title_weight > 0 and query:
            weights = self.index.lexical().idf(list(dict.fromkeys(analyze(query))))
            # a headline in another language is matched on the query's terms in that language (the better share)
            bridge = bridge_query(query) if s.bridge_weight > 0 else ""
            bridge_weights = self.index.lexical().idf(list(dict.fromkeys(analyze(bridge)))) if bridge else {}
            heads = self.headlines(rows)
            for cid in scores:
                head = heads.get((rows.get(cid) or {}).get("doc_id"), frozenset())
                share = title_match(weights, head)
                if bridge_weights:
                    share = max(share, title_match(bridge_weights, head))
                scores[cid] *= 1.0 + s.title_weight * share
        if not filters.until or filters.since:
            return scores
        day = event_day(query, filters.until) if s.event_day_factor < 1.0 and query else None
        if day:
            _scale_before(scores, rows, day, s.event_day_factor)
        if not recency:
            return scores
        period = asked_period(query, filters.until) if s.period_factor < 1.0 and query else None
        if period and not period.soft:  # a soft period (a year, "a new report") is the filter's, not the ranking's
            _scale_before(scores, rows, period.since, s.period_factor)
        if s.recency_half_life_days <= 0:
            return scores
        return {
            cid: score * recency_factor((rows.get(cid) or {}).get("published"), filters.until,
                                        half_life_days=s.recency_half_life_days, floor=s.recency_floor)
            for cid, score in scores.items()
        }

    def features(self, cands: Candidates, rows: dict[str, dict], filters: SearchFilters, *, n: int) -> tuple[list[str], np.ndarray]:
        """(candidate ids, feature matrix) of ``rag.ranker.passage_features`` for the first ``n`` dense and BM25
        candidates that have a catalog row (``rows``); what the fitted ranker scores and ``evals.fit_ranker`` fits on."""
        pool = Pool(cands.dense[:n], cands.similarity, cands.lexical[:n], cands.bm25)
        docs = {r["doc_id"]: r for r in rows.values()}
        heads = self.headlines(rows)
        weights = self.index.lexical().idf(list(dict.fromkeys(analyze(cands.query)))) if cands.query else {}
        share = {d: title_match(weights, heads.get(d, frozenset())) for d in docs}
        head_words = {d: words(r.get("title")) for d, r in docs.items()}
        digest = {d: is_digest(r.get("title"), r.get("url")) for d, r in docs.items()}
        live = {d: is_live_blog(r.get("title"), r.get("url")) for d, r in docs.items()}
        as_of = filters.until if filters.until and not filters.since else None
        period = asked_period(cands.query, as_of) if as_of and cands.query else None
        return passage_features(pool, rows, headline_share=share, names=name_words(names_and_numbers(cands.query)),
                                headline_words=head_words, digest=digest, as_of=as_of, live_blog=live,
                                period_since=period.since if period and not period.soft else None,
                                event_day=event_day(cands.query, as_of) if as_of and cands.query else None)

    def fitted_scores(self, cands: Candidates, rows: dict[str, dict], filters: SearchFilters, *, n: int) -> dict[str, float]:
        """chunk id → the fitted ranker's score squashed to 0..1 (a logistic of the model's linear score), for the
        candidates with a catalog row."""
        ids, x = self.features(cands, rows, filters, n=n)
        probs = 1.0 / (1.0 + np.exp(-np.clip(self.model.score(x), -50.0, 50.0)))
        return {cid: float(v) for cid, v in zip(ids, probs)}

    def headlines(self, rows: dict[str, dict]) -> dict[str, frozenset[str]]:
        """doc id → BM25 terms of each candidate article's headline; an article without one is matched on what it
        leads with (the opening ``LEDE_WORDS`` words of its first passage) and on its URL's slug, the headline words
        a news site writes into the address (``rag.ranking.url_slug``: "…/sport/wnba-final-las-vegas-aces/…")."""
        out: dict[str, frozenset[str]] = {}
        untitled: set[str] = set()
        for row in rows.values():
            if row.get("title"):
                out[row["doc_id"]] = headline_terms(row["title"])
            else:
                untitled.add(row["doc_id"])
                slug = headline_terms(url_slug(row.get("url")) or None)
                if slug:
                    out[row["doc_id"]] = slug
        if untitled:
            firsts = self.index.catalog.get_chunks({chunk_id_for(d, 0) for d in untitled})
            for row in firsts.values():
                lede = headline_terms(" ".join(row["text"].split()[:LEDE_WORDS]))
                out[row["doc_id"]] = out.get(row["doc_id"], frozenset()) | lede
        return out

    def _attach_context(self, hits: list[SearchHit]) -> None:
        """Each hit's context window: the document's text from its ``context_chunks``-th passage before to the
        one after (fewer at the document's ends), so a reader sees the sentences around a passage cut."""
        n = self.settings.context_chunks
        if n <= 0 or not hits:
            return
        wanted = {h.chunk.chunk_id: [chunk_id_for(h.chunk.doc_id, i) for i in range(max(0, h.chunk.index - n), h.chunk.index + n + 1)]
                  for h in hits}
        rows = self.index.catalog.get_chunks({cid for cids in wanted.values() for cid in cids})
        texts: dict[str, str] = {}
        for h in hits:
            parts = [rows[c] for c in wanted[h.chunk.chunk_id] if c in rows] or [{"start": h.chunk.start, "end": h.chunk.end}]
            start, end = min(p["start"] for p in parts), max(p["end"] for p in parts)
            if h.chunk.doc_id not in texts:
                texts[h.chunk.doc_id] = (self.index.catalog.get_document(h.chunk.doc_id) or {}).get("text") or ""
            text = texts[h.chunk.doc_id][start:end]
            h.context = (text, start, end) if h.chunk.text in text else (h.chunk.text, h.chunk.start, h.chunk.end)

    def _attach_versions(self, hits: list[SearchHit]) -> None:
        keys = [h.chunk.metadata.get("thread_id") or h.chunk.doc_id for h in hits]
        threads = self.index.catalog.thread_versions(set(keys))
        for h, key in zip(hits, keys):
            docs = threads.get(key)
            if docs:
                h.other_versions = version_notes(h.chunk.doc_id, docs)

    def _attach_outlets(self, hits: list[SearchHit]) -> None:
        stories = {h.chunk.metadata.get("story_id") for h in hits}
        outlets = self.index.catalog.story_outlets([s for s in stories if s])
        for h in hits:
            docs = outlets.get(h.chunk.metadata.get("story_id"), [])
            h.also_reported_by = [
                d.get("publisher") or d.get("title") or d["doc_id"] for d in docs if d["doc_id"] != h.chunk.doc_id
            ]
