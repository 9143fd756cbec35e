"""The items of the ``seed`` and ``topics`` suites: one question or topic through the real pipeline, scored.

``SuiteContext`` maps gold file stems to indexed document ids; ``run_seed_item`` / ``run_topic_item`` return the
report's item dicts (inputs, outputs, citations, ``scores`` as rates in [0, 1] or None, ``stats`` as counts and
seconds); ``CitationJudge`` is ALCE's ``supports(claim, citation ids)`` backed by the support checker.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from evals import metrics
from evals.roles_suite import cited_roles
from rag.brief import Brief, Claim

def doc_stems(index) -> dict[str, str]:
    """doc_id → corpus file stem (the basename of the document's source path, without suffix or #L…)."""
    docs, _ = index.catalog.list_documents(limit=10**9)
    out = {}
    for d in docs:
        src = (d.get("source_path") or "").split("#", 1)[0]
        out[d["doc_id"]] = Path(src).stem if src else d["doc_id"]
    return out


def stem_to_doc(stems: dict[str, str]) -> dict[str, str]:
    """Corpus file stem → doc_id (the first id in sorted order when a stem repeats)."""
    out: dict[str, str] = {}
    for doc_id, stem in sorted(stems.items()):
        out.setdefault(stem, doc_id)
    return out


def rounded(x: float | None, nd: int = 4) -> float | None:
    """``x`` rounded to ``nd`` decimals for a report (None stays None)."""
    return None if x is None else round(float(x), nd)


def shown_claims(brief: Brief) -> list[tuple[str, Claim]]:
    """(section, claim) of the written sections, in order (the timeline is quoted evidence, not written claims)."""
    return [(s.name, c) for s in brief.sections for c in s.claims]


def citation_key(c) -> str:
    """``chunk_id@start-end``: one cited span."""
    return f"{c.chunk_id}@{c.start}-{c.end}"


class CitationJudge:
    """ALCE ``supports(claim, citation ids)`` backed by the support checker over the cited quotes (memoized). A
    claim is judged as ``rag.verify`` checks it: without the product's own lead before its quote (an answer's verdict
    "Yes. ", "The sources give no stated reason; ", a document's "Headline: “…”. ": ``answer_verdict.without_verdict``),
    which is the product's reading, not a statement the quote must support."""

    def __init__(self, checker) -> None:
        self.checker = checker
        self.quotes: dict[str, str] = {}
        self._memo: dict[tuple[str, tuple[str, ...]], bool] = {}

    def cited(self, claims: Iterable[Claim]) -> list[metrics.CitedClaim]:
        out = []
        for c in claims:
            keys = []
            for cit in c.citations:
                k = citation_key(cit)
                self.quotes[k] = cit.quote
                keys.append(k)
            out.append(metrics.CitedClaim(c.text, tuple(keys)))
        return out

    def __call__(self, claim_text: str, ids: Sequence[str]) -> bool:
        key = (claim_text, tuple(ids))
        if key not in self._memo:
            from rag.writers.answer_verdict import without_verdict

            quotes = [self.quotes[i] for i in ids if self.quotes.get(i)]
            self._memo[key] = bool(quotes) and self.checker.check(without_verdict(claim_text), quotes).supported
        return self._memo[key]


def claims_out(brief: Brief, stems: dict[str, str], roles: Mapping[tuple[str, int, int], Any] | None = None) -> list[dict]:
    """The report's view of a brief's written claims: section, text, support and citations (doc stems); with
    ``roles`` ((doc id, start, end) -> ``RolePrediction``, ``evals.roles_suite.cited_roles``) each citation also
    records the role classifier's reading of its span as ``role`` (None: not typed)."""
    out = []
    roles = {} if roles is None else roles
    for section, c in shown_claims(brief):
        out.append({
            "section": section, "text": c.text, "verified": c.verified, "support": c.support,
            "citations": [
                {"doc_id": x.doc_id, "stem": stems.get(x.doc_id, x.doc_id), "chunk_id": x.chunk_id, "start": x.start,
                 "end": x.end, "quote": x.quote, "support": x.support,
                 **({"role": getattr(roles.get((x.doc_id, x.start, x.end)), "role", None)} if roles else {})}
                for x in c.citations
            ],
        })
    return out


def brief_common(brief: Brief, index, stems: dict[str, str], judge: CitationJudge, seconds: float) -> tuple[dict, dict, dict]:
    """Outputs, citation scores and stats shared by the seed and topics suites."""
    prov = brief.provenance
    rows = index.catalog.get_chunks(prov.evidence)
    ranked_docs = list(dict.fromkeys(rows[c]["doc_id"] for c in prov.evidence if c in rows))
    shown = [c for _, c in shown_claims(brief)]
    cited = judge.cited(shown)
    removed = sum(1 for r in prov.repairs if r.action == "removed")
    # Written claims only: timeline entries quote evidence sentences verbatim (verified by construction)
    # and answers do not show them. = Brief.claims_verified / claims_total without the timeline.
    flags = [c.verified for c in shown] + [False] * removed
    output = {
        "abstained": brief.abstained,
        "message": brief.message,
        "text": " ".join(c.text for c in shown),
        "claims": claims_out(brief, stems, cited_roles([x for c in shown for x in c.citations], index.catalog)),
        "timeline": [{"date": c.date, "text": c.text} for c in brief.timeline],
        "retrieved_docs": [stems.get(d, d) for d in ranked_docs],
        "evidence": list(prov.evidence),
        "repairs": [{"action": r.action, "section": r.section, "claim": r.claim, "reason": r.reason} for r in prov.repairs],
        "notes": list(prov.notes),
        "backend": prov.backend,
    }
    scores = {
        "citation_recall": metrics.citation_recall(cited, judge),
        "citation_precision": metrics.citation_precision(cited, judge),
        "uncited_rate": metrics.uncited_rate(cited),
        "groundedness": metrics.groundedness(flags),
    }
    stats = {
        "latency_s": round(seconds, 3),
        "prompt_tokens": int(prov.usage.get("prompt_tokens", 0)),
        "completion_tokens": int(prov.usage.get("completion_tokens", 0)),
        "claims": len(shown),
        "claims_total": brief.claims_total,
        "claims_verified": brief.claims_verified,
        "repair_removed": metrics.repair_removed(len(shown) + removed, len(shown)),
        "repair_recited": sum(1 for r in prov.repairs if r.action == "recited"),
        "citations_dropped": sum(1 for r in prov.repairs if r.action == "citation_dropped"),
    }
    return output, scores, {"ranked_docs": ranked_docs, **stats}


# --------------------------------------------------------------------------------------------- suites


@dataclass
class SuiteContext:
    """What every item of a run shares: the engine, the index's doc stems, warnings and per-suite info."""

    engine: Any
    stems: dict[str, str]
    stem_to_doc: dict[str, str]
    warnings: list[str] = field(default_factory=list)
    suite_info: dict[str, dict] = field(default_factory=dict)  # per suite: data slice, collection, ingest (topics-news)

    def gold_ids(self, gold_stems: Sequence[str]) -> list[str]:
        out = []
        for stem in gold_stems:
            doc = self.stem_to_doc.get(stem)
            if doc is None:
                msg = f"gold document {stem!r} is not in the index (wrong corpus ingested?)"
                if msg not in self.warnings:
                    self.warnings.append(msg)
                out.append(f"missing:{stem}")
            else:
                out.append(doc)
        return out


def item_filters(item: dict):
    """The retrieval date filters of a dataset row (``since`` / ``until``)."""
    from rag.retrieve import make_filters

    return make_filters(item.get("since"), item.get("until"))


def run_seed_item(ctx: SuiteContext, item: dict) -> dict:
    """One ``seed`` question through the ``answer`` template: retrieval, ALCE citation, groundedness, facts, abstention."""
    engine = ctx.engine
    judge = CitationJudge(engine.checker)
    gold = ctx.gold_ids(item.get("gold_docs") or [])
    t0 = time.perf_counter()
    brief = engine.write(item["question"], template="answer", filters=item_filters(item))
    seconds = time.perf_counter() - t0
    output, cite_scores, stats = brief_common(brief, engine.index, ctx.stems, judge, seconds)
    ranked = stats.pop("ranked_docs")
    answerable = bool(item.get("answerable", True))
    scores: dict[str, float | None] = {
        "abstention_correct": float(metrics.abstention_correct(brief.abstained, answerable)),
    }
    if answerable:
        scores.update({
            "hit@1": metrics.hit_at_k(ranked, gold, 1),
            "hit@5": metrics.hit_at_k(ranked, gold, 5),
            "recall@10": metrics.recall_at_k(ranked, gold, 10),
            "mrr@10": metrics.mrr_at_k(ranked, gold, 10),
            "ndcg@10": metrics.ndcg_at_k(ranked, gold, 10),
            **cite_scores,
            "fact_coverage": metrics.fact_coverage(output["text"], item.get("facts") or []),
        })
    else:  # unanswerable: only abstention (and latency) count
        stats = {k: v for k, v in stats.items() if k in ("latency_s", "prompt_tokens", "completion_tokens")}
    return {
        "suite": "seed", "id": item["id"],
        "input": {
            "question": item["question"], "template": "answer", "since": item.get("since"), "until": item.get("until"),
            "gold_docs": item.get("gold_docs") or [], "gold_doc_ids": gold, "facts": item.get("facts") or [],
            "answerable": answerable, "type": item.get("type"),
        },
        "output": output,
        "scores": {k: rounded(v) for k, v in scores.items()},
        "stats": stats,
    }


def run_topic_item(ctx: SuiteContext, item: dict) -> dict:
    """One ``topics`` row through its brief template: sections, sources, gold recall, terms, citations."""
    engine = ctx.engine
    judge = CitationJudge(engine.checker)
    template = item.get("template") or "situation"
    gold = ctx.gold_ids(item.get("gold_docs") or [])
    t0 = time.perf_counter()
    brief = engine.write(item["topic"], template=template, filters=item_filters(item))
    seconds = time.perf_counter() - t0
    output, cite_scores, stats = brief_common(brief, engine.index, ctx.stems, judge, seconds)
    stats.pop("ranked_docs")
    tpl = engine.library.get(template)
    required = [s.name for s in tpl.sections if s.kind == "claims" and s.required]
    present = {s.name: len(s.claims) for s in brief.sections}
    cited_docs = list(dict.fromkeys(c.doc_id for _, cl in shown_claims(brief) for c in cl.citations))
    terms = [t for s in brief.sections for t in s.terms]
    brief_text = " ".join([output["text"], " ".join(terms), " ".join(c.text for c in brief.timeline)])
    output["terms"] = terms
    output["cited_docs"] = [ctx.stems.get(d, d) for d in cited_docs]
    output["headline"] = brief.headline
    scores = {
        "section_completeness": metrics.section_completeness(present, required),
        "gold_recall": metrics.recall_at_k(cited_docs, gold, max(1, len(cited_docs))),
        "expect_coverage": metrics.fact_coverage(brief_text, item.get("expect") or []),
        **cite_scores,
    }
    stats["distinct_sources"] = metrics.distinct_sources(cited_docs)
    return {
        "suite": "topics", "id": item["id"],
        "input": {
            "topic": item["topic"], "template": template, "since": item.get("since"), "until": item.get("until"),
            "gold_docs": item.get("gold_docs") or [], "gold_doc_ids": gold, "expect": item.get("expect") or [],
            "required_sections": required,
        },
        "output": output,
        "scores": {k: rounded(v) for k, v in scores.items()},
        "stats": stats,
    }
