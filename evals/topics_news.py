"""`brief eval run --suite topics-news`: briefs on hand-labelled 2022 news stories (RealTime QA corpus).

The topics are ``evals/datasets/topics_news.jsonl`` (ids, key facts and event dates written by hand; see
the datasets README). The articles stay in ``../shared/data/realtimeqa-2022/corpus.jsonl`` (evaluation
only, never copied into the repository): the suite writes a slice — every gold article of the selected
topics plus ``distractors`` other articles, chosen deterministically by the sha256 of their id — to the
data dir and ingests it (incrementally) into its own collection ``topics-news-<digest>``. Each topic's brief
is written by the real pipeline (``Engine.write(topic, template=...)``, as ``brief write`` does) and scored
with :mod:`evals.news_metrics`: on-topic rate, key-fact coverage, timeline accuracy / event recall / missing
timeline, overconfidence, as-of correctness and the share of empty claims sections; and section-role precision (the
share of quoted spans whose role, as the role classifier reads it with the document's type and the sentence's
position, the quoting section accepts: ``evals.roles_suite``), recorded per citation without the quoted text.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path
from typing import Callable

from evals import news_metrics as nm
from evals.hypothesis_metrics import hypothesis_scores, hypothesis_view
from evals.roles_suite import brief_section_role_precision, cited_roles
from evals import shared_data
from rag.config import PROJECT_ROOT, Settings

SUITE = "topics-news"
DATASET = Path(__file__).resolve().parent / "datasets" / "topics_news.jsonl"
# held-out topics (`brief eval run --suite topics-news --topics HELDOUT`): run before and after a change, never tuned on
HELDOUT = DATASET.with_name("topics_news_heldout.jsonl")
ENV_VAR = shared_data.DIR_ENV
DEFAULT_DISTRACTORS = 150  # with the ~150 gold articles a ~300-article slice: minutes to ingest on a shared 2-core machine
LOWER_IS_BETTER = ("overconfident", "empty_section_rate", "timeline_missing")
_STATED = re.compile(r"\b(high|moderate|medium|low)\s+confidence\b|\bconfidence\b\W{0,3}(is\s+)?(high|moderate|medium|low)\b", re.I)


data_dir = shared_data.realtimeqa_dir


def missing_reason(data: Path) -> str | None:
    """Why the suite cannot run (no corpus file), or None when it can."""
    corpus = Path(data) / "corpus.jsonl"
    return None if corpus.is_file() else f"the RealTime QA corpus is not at {corpus} (put ../shared beside the repository or set ${ENV_VAR})"


def _rank(article_id: str) -> str:
    return hashlib.sha256(article_id.encode()).hexdigest()


def slice_lines(corpus: Path, gold_ids: set[str], distractors: int) -> tuple[list[str], list[str]]:
    """(lines, article ids): the gold articles in corpus order, then the ``distractors`` other articles with
    the smallest sha256(id) (deterministic, independent of corpus order). Undated articles are skipped as
    distractors (a brief's evidence window cannot place them)."""
    gold, others = [], []
    for line in Path(corpus).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec["id"] in gold_ids:
            gold.append((rec["id"], line))
        elif rec.get("published"):
            others.append((_rank(rec["id"]), rec["id"], line))
    others = sorted(others)[:max(0, distractors)]
    rows = gold + [(i, line) for _, i, line in others]
    return [line for _, line in rows], [i for i, _ in rows]


def write_slice(settings: Settings, corpus: Path, gold_ids: set[str], distractors: int) -> tuple[Path, list[str], str]:
    """Write the slice under ``<data dir>/eval-subsets/`` (never the repository): (path, article ids, digest)."""
    lines, ids = slice_lines(corpus, gold_ids, distractors)
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:12]
    base = Path(settings.data_dir).resolve() / "eval-subsets"
    if base.is_relative_to(PROJECT_ROOT):
        raise ValueError(f"refusing to write benchmark articles inside the repository ({base})")
    base.mkdir(parents=True, exist_ok=True)
    path = base / f"topics-news-{digest}.jsonl"
    if not path.is_file():
        tmp = path.with_suffix(".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(path)
    return path, ids, digest


def article_docs(path: Path, ids: list[str]) -> dict[str, str]:
    """Corpus article id -> document id, by loading the slice file (one document per line, in order)."""
    from rag.loaders import load_file

    loaded = list(load_file(path))
    if len(loaded) != len(ids):
        raise ValueError(f"{path}: {len(loaded)} records loaded for {len(ids)} lines")
    return {i: d.doc_id for i, d in zip(ids, loaded) if hasattr(d, "doc_id")}


def view(brief, story: Callable[[str], str], catalog_doc: Callable[[str], dict]) -> nm.BriefView:
    """The metrics' view of a Brief; cited doc ids become story ids (near-duplicate copies count as one)."""
    def entry(c, section: str = "") -> nm.Entry:
        return nm.Entry(c.text, tuple(dict.fromkeys(story(x.doc_id) for x in c.citations)), section, c.date)

    claims = [entry(c, s.name) for s in brief.sections if s.kind == "claims" for c in s.claims]
    confidence = next((s.text for s in brief.sections if s.name == "confidence" and s.kind == "stat" and s.text), None)
    if confidence is None:  # a confidence stated in the brief's prose ("high confidence"), not in source titles
        from rag.render import brief_markdown

        text = brief_markdown(brief, provenance=False).split("\n## Sources")[0]
        confidence = next((line for line in text.splitlines() if _STATED.search(line)), None)
    cited = {x.doc_id for s in brief.sections for c in s.claims for x in c.citations} | {x.doc_id for c in brief.timeline for x in c.citations}
    publisher, published = {}, {}
    for d in cited:
        meta = catalog_doc(d) or {}
        publisher[story(d)] = meta.get("publisher") or story(d)
        if meta.get("published"):
            published[story(d)] = max(published.get(story(d), ""), meta["published"])
    return nm.BriefView(
        claims=claims, timeline=[entry(c, "timeline") for c in brief.timeline], confidence=confidence, as_of=brief.as_of,
        sections={s.name: len(s.claims) for s in brief.sections if s.kind == "claims"}, publisher=publisher, published=published,
    )


def cited_span(x, roles: dict, article: Callable[[str], str]) -> dict:
    """A citation as the report records it, without its text (RealTime QA text is not copied): the corpus article id,
    the span's offsets in the stored text, and the role classifier's reading of it (``evals.roles_suite.cited_roles``;
    None: not typed), from which ``section_role_precision`` is computed."""
    pred = roles.get((x.doc_id, x.start, x.end))
    return {"doc": article(x.doc_id), "start": x.start, "end": x.end, "role": pred.role if pred else None}


def score(v: nm.BriefView, topic: dict, gold: set[str], claims_sections: list[str]) -> dict[str, float | None]:
    """Per-topic scores (rates in [0, 1], None = undefined); ``gold`` are story ids of the gold articles."""
    over = nm.overconfident(v, gold)
    return {
        "on_topic_rate": nm.on_topic_rate(v, gold),
        "key_fact_coverage": nm.key_fact_coverage(v, topic.get("key_facts") or []),
        **nm.timeline_scores(v, gold, topic.get("events") or []),
        "overconfident": None if over is None else float(over),
        "as_of_correct": nm.as_of_correct(v, gold, topic.get("as_of")),
        "empty_section_rate": nm.empty_section_rate(v, claims_sections),
    }


def run_suite(settings: Settings, rows: list[dict], *, data: Path | str | None = None, distractors: int = DEFAULT_DISTRACTORS,
              backend: str | None = None, progress: Callable[[int, int, str], None] | None = None) -> tuple[list[dict], dict]:
    """Ingest the slice, write each topic's brief through ``Engine.write`` and score it: (items, info)."""
    from rag.index import open_index
    from rag.ingest import Ingestor
    from rag.pipeline import Engine

    data = data_dir(data)
    reason = missing_reason(data)
    if reason:
        raise FileNotFoundError(reason)
    gold_ids = {g for r in rows for g in r["gold_docs"]}
    path, ids, digest = write_slice(settings, data / "corpus.jsonl", gold_ids, distractors)
    collection = f"topics-news-{digest}"
    t0 = time.perf_counter()
    index = open_index(settings, collection=collection)
    ingest = Ingestor(index).ingest_paths([path]).to_dict()
    ingest.pop("documents", None)
    engine = Engine.from_settings(settings, collection=collection, backend=backend)
    to_doc = article_docs(path, ids)
    stories: dict[str, str] = {}

    def story(doc_id: str) -> str:
        if doc_id not in stories:
            stories[doc_id] = (engine.index.catalog.get_document(doc_id) or {}).get("story_id") or doc_id
        return stories[doc_id]

    article_of = {story(d): a for a, d in reversed(list(to_doc.items()))}  # story -> a corpus id (gold first)

    def names(docs) -> list[str]:
        return [article_of.get(d, d) for d in docs]

    info = {"data": str(data), "slice": str(path), "collection": collection, "articles": len(ids),
            "gold_articles": len(gold_ids), "distractors": len(ids) - len([i for i in ids if i in gold_ids]),
            "ingest": ingest, "ingest_seconds": round(time.perf_counter() - t0, 1),
            "corpus_snapshot": engine.index.snapshot_id(), "corpus_counts": engine.index.catalog.counts()}
    items = []
    for n, row in enumerate(rows):
        if progress:
            progress(n, len(rows), row["id"])
        gold = {story(to_doc[g]) for g in row["gold_docs"] if g in to_doc}
        template = row.get("template") or "situation"
        t1 = time.perf_counter()
        brief = engine.write(row["topic"], template=template)
        seconds = time.perf_counter() - t1
        sections = [s.name for s in engine.library.get(template).sections if s.kind == "claims" and s.name != "headline"]
        v = view(brief, story, engine.index.catalog.get_document)
        listed = [c for s in brief.sections if s.name == "hypotheses" for c in s.claims]
        written = [c for s in brief.sections if s.kind == "claims" for c in s.claims]  # v.claims, in order
        roles = cited_roles([x for c in written for x in c.citations], engine.index.catalog)
        claims_out = [{"section": c.section, "on_topic": nm.is_on_topic(c, gold), "docs": names(c.docs),
                       "citations": [cited_span(x, roles, lambda d: names([story(d)])[0]) for x in w.citations]}
                      for c, w in zip(v.claims, written)]
        scores = {**score(v, row, gold, sections), **hypothesis_scores(listed),
                  "section_role_precision": brief_section_role_precision(claims_out, template)["precision"]}
        items.append({
            "suite": SUITE, "id": row["id"],
            "input": {"topic": row["topic"], "template": template, "gold_docs": row["gold_docs"], "as_of": row.get("as_of"),
                      "events": [e["date"] for e in row.get("events") or []]},
            "output": {"abstained": brief.abstained, "as_of": brief.as_of,  # no brief text: it quotes the articles
                       "confidence_level": nm.confidence_level(v.confidence), "confidence_reason": nm.has_reason(v.confidence),
                       "claims": claims_out,
                       "timeline": [{"date": t.date, "on_topic": nm.is_on_topic(t, gold), "docs": names(t.docs)}
                                    for t in v.timeline],
                       "facts_found": [kf["fact"] for kf in row.get("key_facts") or [] if nm.fact_found(nm.brief_text(v), kf["any"])],
                       "independent_on_topic_sources": nm.independent_sources(v, gold),
                       "hypotheses": hypothesis_view(listed)},
            "scores": {k: (None if x is None else round(x, 4)) for k, x in scores.items()},
            "stats": {"latency_s": round(seconds, 3), "claims": len(v.claims), "timeline_entries": len(v.timeline),
                      "hypotheses_listed": len(listed),
                      "timeline_unverified": nm.timeline_unverified(v, row.get("events") or [])},
        })
    return items, info


def suite_totals(items: list[dict]) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """(rates, stats): means of the per-topic scores; ``overconfident_count`` and claim counts in stats."""
    from evals import metrics

    rates = metrics.summarize([it["scores"] for it in items])
    stats = metrics.summarize([it["stats"] for it in items])
    stats["overconfident_count"] = float(sum(1 for it in items if it["scores"].get("overconfident") == 1.0))
    # entries of topics with no labelled event: not in timeline_accuracy, counted here so they stay visible
    stats["timeline_unverified_entries"] = float(sum(it["stats"].get("timeline_unverified", 0) for it in items))
    stats["topics"] = float(len(items))
    return rates, stats
