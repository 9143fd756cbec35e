"""`brief eval compare`: candidate report vs baseline, metric by metric, with a regression gate.

A gated metric fails when it drops by more than its allowed drop (for "lower is better" metrics such
as ``uncited_rate``: when it rises by more), or when the baseline has a value and the candidate has
none. Allowed drops come from ``evals/gate.toml`` and ``--max-drop METRIC=VALUE`` overrides; a key is
either ``metric`` (every suite reporting it) or ``suite.metric`` (one suite), the suite-specific key
and command-line overrides winning. Changed corpus snapshots, templates or settings only warn: a prompt
change is exactly what the gate is meant to judge.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from evals.report import fmt, table

DEFAULT_GATE = Path(__file__).resolve().parent / "gate.toml"
EPS = 1e-9


@dataclass
class Gate:
    max_drop: dict[str, float] = field(default_factory=dict)
    lower_is_better: set[str] = field(default_factory=set)

    def allowed(self, suite: str, metric: str, overrides: Mapping[str, float]) -> float | None:
        for source in (overrides, self.max_drop):
            for key in (f"{suite}.{metric}", metric):
                if key in source:
                    return float(source[key])
        return None

    def lower_better(self, suite: str, metric: str) -> bool:
        return metric in self.lower_is_better or f"{suite}.{metric}" in self.lower_is_better


def load_gate(path: Path | None = None) -> Gate:
    path = Path(path) if path else DEFAULT_GATE
    if not path.is_file():
        from evals.run import EvalError

        raise EvalError(f"Gate config {path} does not exist.")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Gate(
        max_drop={str(k): float(v) for k, v in (data.get("max_drop") or {}).items()},
        lower_is_better=set((data.get("direction") or {}).get("lower_is_better") or []),
    )


def parse_overrides(values: Sequence[str]) -> dict[str, float]:
    """``["groundedness=0.05", "seed.hit@5=0"]`` → ``{"groundedness": 0.05, "seed.hit@5": 0.0}``."""
    from evals.run import EvalError

    out: dict[str, float] = {}
    for raw in values:
        key, sep, val = raw.partition("=")
        try:
            if not sep or not key.strip():
                raise ValueError
            out[key.strip()] = float(val)
        except ValueError:
            raise EvalError(f"--max-drop expects METRIC=VALUE, got {raw!r}.") from None
        if out[key.strip()] < 0:
            raise EvalError(f"--max-drop {raw!r}: the allowed drop cannot be negative.")
    return out


@dataclass
class MetricRow:
    suite: str
    metric: str
    baseline: float | None
    candidate: float | None
    allowed: float | None  # None = not gated
    lower_is_better: bool = False
    status: str = "info"  # PASS | FAIL | info

    @property
    def delta(self) -> float | None:
        if self.baseline is None or self.candidate is None:
            return None
        return self.candidate - self.baseline


@dataclass
class ItemChange:
    suite: str
    id: str
    repeat: int
    changes: list[str]
    output_changed: bool
    baseline_text: str = ""
    candidate_text: str = ""


@dataclass
class Comparison:
    rows: list[MetricRow]
    changed: list[ItemChange]
    warnings: list[str]

    @property
    def failures(self) -> list[MetricRow]:
        return [r for r in self.rows if r.status == "FAIL"]

    @property
    def passed(self) -> bool:
        return not self.failures


def _judge(row: MetricRow) -> str:
    if row.allowed is None:
        return "info"
    if row.baseline is None:
        return "PASS"  # nothing to regress from
    if row.candidate is None:
        return "FAIL"  # the baseline has it, the candidate does not
    drop = (row.candidate - row.baseline) if row.lower_is_better else (row.baseline - row.candidate)
    return "FAIL" if drop > row.allowed + EPS else "PASS"


def _output_view(item: dict) -> str:
    o = item.get("output") or {}
    if "text" in o:
        return "(abstained)" if o.get("abstained") else o.get("text", "")
    return json.dumps(o, sort_keys=True, ensure_ascii=False)


def _output_key(item: dict) -> str:
    o = dict(item.get("output") or {})
    return json.dumps(o, sort_keys=True, ensure_ascii=False)


def changed_items(base: dict, cand: dict) -> list[ItemChange]:
    """Items whose outputs or scores differ (stats such as latency are ignored), plus items on one side only."""
    def key(it: dict) -> tuple[str, str, int]:
        return (it["suite"], it["id"], int(it.get("repeat", 0)))

    b = {key(it): it for it in base.get("items") or []}
    c = {key(it): it for it in cand.get("items") or []}
    out: list[ItemChange] = []
    for k in list(dict.fromkeys(list(b) + list(c))):
        bi, ci = b.get(k), c.get(k)
        if bi is None or ci is None:
            out.append(ItemChange(*k, ["only in " + ("candidate" if bi is None else "baseline")], True,
                                  _output_view(bi) if bi else "", _output_view(ci) if ci else ""))
            continue
        changes = []
        bs, cs = bi.get("scores") or {}, ci.get("scores") or {}
        for m in dict.fromkeys(list(bs) + list(cs)):
            x, y = bs.get(m), cs.get(m)
            if (x is None) != (y is None) or (x is not None and abs(x - y) > EPS):
                changes.append(f"{m} {fmt(x, 2)}→{fmt(y, 2)}")
        out_changed = _output_key(bi) != _output_key(ci)
        if changes or out_changed:
            out.append(ItemChange(*k, changes, out_changed, _output_view(bi), _output_view(ci)))
    return out


def compare_reports(base: dict, cand: dict, gate: Gate, overrides: Mapping[str, float] | None = None) -> Comparison:
    overrides = dict(overrides or {})
    rows: list[MetricRow] = []
    bt, ct = base.get("totals") or {}, cand.get("totals") or {}
    for suite in dict.fromkeys(list(bt) + list(ct)):
        bm, cm = bt.get(suite) or {}, ct.get(suite) or {}
        for metric in dict.fromkeys(list(bm) + list(cm)):
            row = MetricRow(suite, metric, bm.get(metric), cm.get(metric), gate.allowed(suite, metric, overrides),
                            gate.lower_better(suite, metric))
            if metric not in bm and metric in cm:
                row.allowed = None  # new in the candidate: nothing to gate against
            row.status = _judge(row)
            rows.append(row)
    unused = [k for k in overrides if not any(k in (r.metric, f"{r.suite}.{r.metric}") for r in rows)]
    return Comparison(rows, changed_items(base, cand), _warnings(base, cand, unused))


def _warnings(base: dict, cand: dict, unused_overrides: list[str]) -> list[str]:
    bp, cp = base.get("provenance") or {}, cand.get("provenance") or {}
    out: list[str] = []
    if bp.get("corpus_snapshot") != cp.get("corpus_snapshot"):
        out.append(f"corpus snapshot differs: {bp.get('corpus_snapshot')} → {cp.get('corpus_snapshot')} (scores may move for reasons other than the change under test)")
    bt, ct = bp.get("templates") or {}, cp.get("templates") or {}
    changed = sorted(n for n in set(bt) | set(ct) if bt.get(n) != ct.get(n))
    if changed:
        out.append("templates changed: " + ", ".join(f"{n} ({bt.get(n, '—')} → {ct.get(n, '—')})" for n in changed))
    for key in ("backend", "model", "embedding_model", "settings_hash", "lexicon_hash", "role_model_hash"):
        if bp.get(key) != cp.get(key):
            out.append(f"{key} differs: {bp.get(key)} → {cp.get(key)}")
    if (bp.get("datasets") or {}) != (cp.get("datasets") or {}):
        out.append(f"datasets differ: {bp.get('datasets')} → {cp.get('datasets')}")
    bs, cs = base.get("selection") or {}, cand.get("selection") or {}
    if (bs.get("items"), bs.get("ids"), bs.get("limit")) != (cs.get("items"), cs.get("ids"), cs.get("limit")):
        out.append(f"item selection differs: {bs.get('items')} → {cs.get('items')}")
    if base.get("repeats", 1) != cand.get("repeats", 1):
        out.append(f"repeats differ: {base.get('repeats', 1)} → {cand.get('repeats', 1)}")
    for k in unused_overrides:
        out.append(f"--max-drop {k}: no such metric in either report")
    return out


# --------------------------------------------------------------------------------------------- rendering


def _rows(result: Comparison, *, all_rows: bool = True) -> list[list[Any]]:
    out = []
    for r in result.rows:
        if not all_rows and r.allowed is None:
            continue
        allowed = "—" if r.allowed is None else ("0" if r.allowed == 0 else f"+{r.allowed:g}" if r.lower_is_better else f"-{r.allowed:g}")
        delta = r.delta
        out.append([r.suite, r.metric, fmt(r.baseline), fmt(r.candidate), "—" if delta is None else f"{delta:+.3f}", allowed, r.status])
    return out


METRIC_HEADERS = ["suite", "metric", "baseline", "candidate", "delta", "allowed", "gate"]
ITEM_HEADERS = ["item", "changed scores", "output", "baseline output", "candidate output"]


def _item_rows(result: Comparison, limit: int) -> list[list[str]]:
    rows = []
    for ch in result.changed[:limit]:
        label = f"{ch.suite}/{ch.id}" + (f"#{ch.repeat}" if ch.repeat else "")
        rows.append([label, "; ".join(ch.changes) or "—", "changed" if ch.output_changed else "same",
                     ch.baseline_text if ch.output_changed else "", ch.candidate_text if ch.output_changed else ""])
    return rows


def render_markdown(result: Comparison, base_name: str, cand_name: str, *, item_limit: int = 200) -> str:
    out = [f"# Eval comparison: `{base_name}` → `{cand_name}`", "",
           f"**{'PASS' if result.passed else 'FAIL'}** — {len(result.failures)} gated metric(s) failed; "
           f"{len(result.changed)} item(s) changed.", ""]
    out += [f"- warning: {w}" for w in result.warnings]
    out += ["", table(METRIC_HEADERS, _rows(result)), ""]
    if result.changed:
        out += ["## Changed items", "", table(ITEM_HEADERS, _item_rows(result, item_limit))]
        if len(result.changed) > item_limit:
            out.append(f"\n… and {len(result.changed) - item_limit} more")
    return "\n".join(out) + "\n"


def print_comparison(result: Comparison, console, err, *, item_limit: int = 40) -> None:
    """Rich tables on ``console``; warnings on ``err``."""
    from rich.markup import escape
    from rich.table import Table

    for w in result.warnings:
        err.print(f"[yellow]warning:[/] {escape(w)}")
    t = Table(title="Metrics (baseline → candidate)")
    for h in METRIC_HEADERS:
        t.add_column(h, justify="right" if h in ("baseline", "candidate", "delta", "allowed") else "left")
    for row in _rows(result):
        style = {"FAIL": "bold red", "PASS": "green"}.get(row[-1], "dim")
        t.add_row(*[escape(str(c)) for c in row[:-1]], f"[{style}]{row[-1]}[/]")
    console.print(t)
    if result.changed:
        it = Table(title=f"Changed items ({len(result.changed)})", show_lines=True)
        for h in ITEM_HEADERS:
            it.add_column(h, overflow="fold")
        for row in _item_rows(result, item_limit):
            it.add_row(*[escape(r if len(r) <= 160 else r[:159] + "…") for r in row])
        console.print(it)
        if len(result.changed) > item_limit:
            console.print(f"… and {len(result.changed) - item_limit} more (see the Markdown with --md)")
    else:
        console.print("No item changed.")
    fails = result.failures
    if fails:
        console.print(f"[bold red]FAIL[/]: {escape(', '.join(f'{r.suite}.{r.metric}' for r in fails))}")
    else:
        console.print("[bold green]PASS[/]: no gated metric dropped beyond its allowance.")


def compare_command(baseline: Path, candidate: Path, *, max_drop: Sequence[str], config: Path | None, md: Path | None,
                    console, err) -> int:
    """`brief eval compare`: print the tables; 0 when the gate passes, 1 when it fails."""
    from evals.run import read_report

    base, cand = read_report(baseline), read_report(candidate)
    result = compare_reports(base, cand, load_gate(config), parse_overrides(max_drop))
    print_comparison(result, console, err)
    if md:
        Path(md).parent.mkdir(parents=True, exist_ok=True)
        Path(md).write_text(render_markdown(result, str(baseline), str(candidate)), encoding="utf-8")
    return 0 if result.passed else 1
