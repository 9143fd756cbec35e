"""Markdown renderings of eval reports and comparisons (kept next to the JSON they summarize)."""

from __future__ import annotations

from typing import Any

SEED_COLUMNS = ("hit@1", "hit@5", "mrr@10", "citation_recall", "citation_precision", "groundedness", "fact_coverage", "abstention_correct")
TOPIC_COLUMNS = ("section_completeness", "gold_recall", "expect_coverage", "citation_recall", "citation_precision", "groundedness")


def fmt(value: Any, nd: int = 3) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.{nd}f}"
    return str(value)


def _stat(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return fmt(v, 2)


def _cell(text: Any, limit: int = 90) -> str:
    s = " ".join(str(text).split()).replace("|", "\\|")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def table(headers: list[str], rows: list[list[Any]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(_cell(c) if isinstance(c, str) else fmt(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def render_report(report: dict[str, Any]) -> str:
    """A Markdown summary: provenance, totals per suite (± std over repeats) and one row per item."""
    p = report.get("provenance", {})
    out = [f"# Eval report{': ' + report['name'] if report.get('name') else ''}", ""]
    sel = report.get("selection") or {}
    out.append(
        f"- created {report.get('created_at')} · suites {', '.join(report.get('suites', []))} · repeats {report.get('repeats', 1)}"
        + (f" · limit {sel.get('limit')}" if sel.get("limit") else "")
        + (f" · ids {', '.join(sel['ids'])}" if sel.get("ids") else "")
    )
    out.append(f"- backend `{p.get('backend')}` · model `{p.get('model')}` · embedding `{p.get('embedding_model')}`")
    out.append(
        f"- corpus snapshot `{p.get('corpus_snapshot')}` ({(p.get('corpus_counts') or {}).get('documents', '?')} documents, "
        f"collection `{p.get('collection')}`) · settings `{p.get('settings_hash')}` · lexicons `{str(p.get('lexicon_hash') or '')[:16]}` · git `{p.get('git_commit')}`"
    )
    tpls = p.get("templates") or {}
    out.append(f"- prompts `{p.get('prompts_dir')}`: " + ", ".join(f"{n} `{h}`" for n, h in sorted(tpls.items())))
    for w in report.get("warnings") or []:
        out.append(f"- **warning:** {w}")
    std = report.get("totals_std") or {}
    for suite, totals in (report.get("totals") or {}).items():
        out += ["", f"## {suite}: totals", ""]
        headers = ["metric", "value"] + (["std"] if suite in std else [])
        rows = [[k, v] + ([std[suite].get(k)] if suite in std else []) for k, v in totals.items()]
        out.append(table(headers, rows))
        stats = (report.get("stats") or {}).get(suite) or {}
        if stats:
            out += ["", "Stats: " + " · ".join(f"{k} {_stat(v)}" for k, v in stats.items())]
    items = report.get("items") or []
    first = [it for it in items if it.get("repeat", 0) == 0]
    seed = [it for it in first if it["suite"] == "seed"]
    if seed:
        out += ["", "## seed: items", ""]
        rows = []
        for it in seed:
            o = it["output"]
            answer = "(abstained)" if o["abstained"] else o["text"]
            rows.append([it["id"], it["input"].get("type") or ""] + [it["scores"].get(c) for c in SEED_COLUMNS]
                        + [it["stats"].get("latency_s"), answer])
        out.append(table(["id", "type", *SEED_COLUMNS, "s", "answer"], rows))
    topics = [it for it in first if it["suite"] == "topics"]
    if topics:
        out += ["", "## topics: items", ""]
        rows = []
        for it in topics:
            rows.append([it["id"], it["input"]["template"]] + [it["scores"].get(c) for c in TOPIC_COLUMNS]
                        + [it["stats"].get("distinct_sources"), it["output"].get("headline") or ("(abstained)" if it["output"]["abstained"] else "")])
        out.append(table(["id", "template", *TOPIC_COLUMNS, "sources", "headline"], rows))
    claims = [it for it in first if it["suite"] == "claims"]
    if claims:
        wrong = [it for it in claims if it["scores"]["correct"] < 1]
        out += ["", f"## claims: {len(wrong)} misclassified of {len(claims)}", ""]
        if wrong:
            rows = [[it["id"], it["input"]["kind"], fmt(it["input"]["supported"]), it["output"]["score"], it["input"]["claim"]] for it in wrong]
            out.append(table(["id", "kind", "gold supported", "score", "claim"], rows))
    return "\n".join(out) + "\n"
