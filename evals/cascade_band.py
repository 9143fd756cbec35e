"""Choose the support cascade's band (``support.encoder = "cascade"``) on out-of-fold fittable rows.

    python -m evals.cascade_band --records /tmp/cascade-records.jsonl --out rag/support/data/cascade_band.json
    python -m evals.cascade_band --records /tmp/cascade-records.jsonl --reuse --out ...   # re-choose, no checking

Rows: the project's own claims (``evals/datasets/claims.jsonl``) and the FactCC rows of
``../shared/data/claims-news/dev.jsonl`` (fittable; AggreFact rows are evaluation-only and never read here). Each
row is checked by the static checker (static encoder, ``checker_model_static.json``) and by the MiniLM checker
(the shipped ``checker_model.json``); a training row's verdicts are its fold models' (``held_out``), as the
evaluations report them. The band is the pair of log-odds margins (below, above the static threshold) that sends
the fewest rows to MiniLM while the cascade's decisions agree with MiniLM's on at least ``--agreement`` of the
rows (``decision.settled`` decides, as ``checker.CascadeChecker`` does); ties go to the narrower band. The output
records the band, the agreement and escalated share by source and kind, the disagreements, and the sha256 of both
model files: after a refit of either model, run the command again (``tests/test_cascade.py`` fails until then).
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from rag.support.decision import settled

REPO_ROOT = Path(__file__).resolve().parent.parent
OWN = REPO_ROOT / "evals" / "datasets" / "claims.jsonl"
BATCH = 16
GRID = np.round(np.arange(0.0, 6.0001, 0.05), 2)  # candidate margins, log-odds


def fittable_rows(shared: Path) -> list[dict]:
    """(set, id, kind, label, claim, passage) of the own claims and the FactCC rows of the claims-news file."""
    from evals.claims_data import load_claims
    from evals.claims_news import fittable

    own, skipped = load_claims(OWN, shared / "data" / "realtimeqa-2022" / "corpus.jsonl")
    if skipped:
        sys.exit(f"{len(skipped)} own claims skipped: {skipped[:3]}")
    news = [json.loads(line) for line in (shared / "data" / "claims-news" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rows = [{"set": "own", "id": r["id"], "kind": r.get("kind") or "?", "supported": bool(r["supported"]),
             "claim": r["claim"], "passage": r["passage"]} for r in own]
    rows += [{"set": "factcc", "id": r["id"], "kind": "factcc", "supported": bool(r["supported"]),
              "claim": r["claim"], "passage": r["passage"]} for r in news if fittable(r)]
    return rows


def verdicts(checker, rows: list[dict]) -> list[dict]:
    """Per row: the main verdict's score and the held-out (fold model) verdict's decision and score."""
    out = []
    for b in range(0, len(rows), BATCH):
        batch = rows[b : b + BATCH]
        for r, res in zip(batch, checker.check_many([(r["claim"], [r["passage"]]) for r in batch])):
            held = checker.held_out(res, [r["passage"]])
            out.append({"score": float(res.score), "held_score": float(held.score) if held is not res else None,
                        "supported": bool(held.supported), "reasons": list(held.reasons)})
    return out


def record(rows: list[dict]) -> list[dict]:
    """Both checkers' verdicts on every row (the records ``choose`` reads)."""
    from rag.embeddings import MiniLMOnnxEmbedder
    from rag.support import SupportChecker
    from rag.support.encoders import support_checker

    embedder = MiniLMOnnxEmbedder(threads=1)
    static = verdicts(support_checker("static", embedder.embed), rows)
    minilm = verdicts(SupportChecker(embedder.embed), rows)
    return [{k: r[k] for k in ("set", "id", "kind", "supported")} | {"static": s, "minilm": m}
            for r, s, m in zip(rows, static, minilm)]


def outcome(records: list[dict], threshold: float, margins: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    """(escalated, agrees) per record: sent to MiniLM, and the cascade's decision equal to MiniLM's."""
    esc, agree = [], []
    for r in records:
        s = r["static"]
        scores = [s["score"]] + ([s["held_score"]] if s["held_score"] is not None else [])
        up = not all(settled(x, threshold, margins) for x in scores)
        esc.append(up)
        agree.append(up or s["supported"] == r["minilm"]["supported"])
    return np.array(esc), np.array(agree)


def choose(records: list[dict], threshold: float, agreement: float) -> tuple[float, float]:
    """The margins (below, above) with the fewest escalated rows whose agreement is >= ``agreement``, narrowest on
    ties; ValueError when even escalating every row falls short (it cannot: MiniLM agrees with itself)."""
    best = None
    for lo in GRID:
        for hi in GRID:
            esc, agree = outcome(records, threshold, (float(lo), float(hi)))
            if agree.mean() >= agreement:
                key = (int(esc.sum()), float(lo + hi))
                if best is None or key < best[0]:
                    best = (key, (float(lo), float(hi)))
                break  # a wider upper margin only escalates more
    if best is None:
        raise ValueError("no band reaches the agreement")
    return best[1]


def summary(records: list[dict], threshold: float, margins: tuple[float, float]) -> dict:
    """Agreement and escalated share, pooled, by set and by kind; the disagreements (id, kind, label, decisions)."""
    esc, agree = outcome(records, threshold, margins)

    def part(idx: list[int]) -> dict:
        return {"rows": len(idx), "agreement": round(float(agree[idx].mean()), 4),
                "escalated": round(float(esc[idx].mean()), 4)}

    groups: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        groups.setdefault(f"{r['set']}", []).append(i)
        if r["set"] == "own":
            groups.setdefault(f"own:{r['kind']}", []).append(i)
    return {"pooled": part(list(range(len(records)))), "by_part": {k: part(v) for k, v in sorted(groups.items())},
            "disagreements": [{"set": r["set"], "id": r["id"], "kind": r["kind"], "label": r["supported"],
                               "static": r["static"]["supported"], "static_score": r["static"]["score"],
                               "minilm": r["minilm"]["supported"], "static_reasons": r["static"]["reasons"][:1]}
                              for r, a in zip(records, agree) if not a]}


def main() -> None:
    from evals.claims_news import DEFAULT_PATH
    from rag.support.encoders import CASCADE_BAND_PATH, STATIC_MODEL_PATH
    from rag.support.model import MODEL_PATH, load_model, model_hash

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=Path, required=True, help="both checkers' verdicts per row (JSON lines)")
    ap.add_argument("--reuse", action="store_true", help="read --records instead of checking the rows again")
    ap.add_argument("--agreement", type=float, default=0.99, help="least share of rows decided as MiniLM decides")
    ap.add_argument("--out", type=Path, default=CASCADE_BAND_PATH)
    ap.add_argument("--shared", type=Path, default=DEFAULT_PATH.parent.parent.parent, help="the shared data folder")
    args = ap.parse_args()
    if args.reuse:
        records = [json.loads(line) for line in args.records.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        records = record(fittable_rows(args.shared))
        args.records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    threshold = load_model(STATIC_MODEL_PATH).threshold
    margins = choose(records, threshold, args.agreement)
    report = {"margins_logit": list(margins), "static_threshold": threshold,
              "band": [round(1 / (1 + np.exp(-(np.log(threshold / (1 - threshold)) + m))), 4) for m in (-margins[0], margins[1])],
              "agreement_target": args.agreement, "chosen": dt.date.today().isoformat(),
              "models": {"minilm": model_hash(MODEL_PATH), "static": model_hash(STATIC_MODEL_PATH)},
              "rows": dict(Counter(r["set"] for r in records))} | summary(records, threshold, margins)
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: report[k] for k in ("margins_logit", "band", "pooled")} | {"by_part": {k: v for k, v in report["by_part"].items() if ":" not in k}}))


if __name__ == "__main__":
    main()
