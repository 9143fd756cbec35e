"""Does a fitted answerability model beat the story-held rule? Cross-validation on RealTime QA's fit half only.

``python -m evals.answerable_cv --questions FIT.jsonl --report MAIN-RT.json --cache TRACE.pkl`` (BRIEF_DATA_DIR: an
index holding the corpus; needs scikit-learn: ``pip install -e ".[fit]"``). Every question id must be of the fit half
(``evals.rtqa_answers.half``); the held-out half is never read.

Each question is asked through the real ``ask`` path as of its quiz date, with ``QuestionAnswering._story_missing``
wrapped to record what the writer sees when its hand rules let the question through: per evidence document, its
key-term coverage of the whole question (``answer_story_held.doc_coverages``) and date; the candidates' relevance,
cosine and coverage. Rows are the questions that reached that decision (a follow-up's carried context is not read,
as ``_story_missing`` does). Features per row (``FEATURES``):

* ``best_doc_cov``: the best document's coverage (the story-held model's one feature), ``second_cov`` the next
  document's, ``cov_margin`` the difference (another story sharing the topic's words leaves several near);
* ``lead_doc_cov``: the coverage of the most relevant sentence's document; ``lead_cov`` / ``lead_wcov`` that
  sentence's own key-term coverage (alone, with a neighbour); ``top_cos`` the best cosine;
* ``log_gap``: log(1 + days) from the best document's date to the quiz date (capped at 60; 60 for an undated
  document): a question about a newer event than the corpus holds reads an older report; ``lead_log_gap`` the same
  for the most relevant sentence's document;
* ``act_told`` / ``act_object``: the answer's first sentence tells the question's asked act by stem or paraphrase,
  and the share of the act's object words it holds (``answer_act.act_features``, without the embedder).

Label: 1 when the question is answerable by the report's proxy (a correct choice's text in the top-10 passages,
``answer_recall@10``) **or** ``ask`` answered it right (answer accuracy, literal or number words): a right answer is
never to be abstained on, whatever the proxy says; 0 otherwise. Scored by 10-fold stratified CV (one row per
question, so the folds are grouped by question), repeated over three seeds: on each fold the model is fitted on the
training rows (standardized, logistic, C=1) and its cut set at the ``lose``-th lowest training score of a label-1 row;
"caught" counts test rows of label 0 below the cut, "lost" those of label 1. The story-held rule's own verdicts
(in-sample: fitted on an older trace of the same half) are printed beside.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from evals.realtimeqa import question_date
from evals.rtqa_answers import answer_text, first_sentence, half

SYSTEM = "techsec-brief hybrid"
FEATURES = ("best_doc_cov", "second_cov", "cov_margin", "lead_doc_cov", "lead_cov", "lead_wcov", "top_cos", "log_gap",
            "lead_log_gap", "act_told", "act_object")
MAX_GAP_DAYS = 60


def record(engine, questions: Sequence[dict]) -> dict[str, dict[str, Any]]:
    """Question id → {calls, until, abstained, answer, message}: each question asked through ``engine`` as of its
    quiz date, ``calls`` the readings of every ``_story_missing`` decision the writer made for it (documents'
    coverages and dates, candidates' relevance/cosine/coverage, the rule's verdict)."""
    import rag.writers.answering as answering
    from rag.types import SearchFilters
    from rag.writers.answer_kind import without_carried_context
    from rag.writers.answer_story_held import doc_coverages

    original = answering.QuestionAnswering._story_missing
    calls: list[dict[str, Any]] = []

    def reading(query, scored):
        verdict = original(query, scored)
        passages = scored.passages()
        top = int(np.argmax(scored.rel))
        calls.append({
            "carried": without_carried_context(query) != query,
            "covs": doc_coverages(query, [(p.chunk.doc_id, p.chunk.title or "", p.chunk.text) for p in passages]),
            "pub": {p.chunk.doc_id: p.chunk.published for p in passages},
            "top_doc": scored.cands[top].doc_id, "top": top,
            "cos": [float(x) for x in scored.cos], "cov": [float(x) for x in scored.cov],
            "wcov": [float(x) for x in scored.window_cov], "verdict": verdict})
        return verdict

    answering.QuestionAnswering._story_missing = staticmethod(reading)
    out: dict[str, dict[str, Any]] = {}
    try:
        for q in questions:
            calls.clear()
            until = question_date(q)
            brief = engine.write(q["question"], template="answer", filters=SearchFilters(until=until))
            out[q["id"]] = {"calls": list(calls), "until": until, "abstained": bool(brief.abstained),
                            "answer": answer_text(brief), "message": brief.message}
    finally:
        answering.QuestionAnswering._story_missing = staticmethod(original)
    return out


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def rows(trace: dict[str, dict[str, Any]], report: dict[str, dict[str, Any]],
         also_right: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """One row per traced question that reached the story-held decision: {id, f (feature → value), y, rule}
    (``report``: id → RealTime QA report item of the same questions, for the labels; ``also_right``: ids whose
    answer a reader judged right though no choice's text matches it, "extended six months" for "6", labelled 1)."""
    from rag.writers.answer_act import act_features

    out = []
    for qid, r in trace.items():
        calls = [c for c in r["calls"] if not c["carried"]]
        if not calls:
            continue
        c, item = calls[-1], report[qid]
        covs = sorted(c["covs"].values(), reverse=True) or [0.0]
        second = covs[1] if len(covs) > 1 else 0.0
        best_doc = max(c["covs"], key=c["covs"].get) if c["covs"] else None
        until, published = _day(r["until"]), _day(c["pub"].get(best_doc)) if best_doc else None
        gap = (until - published).days if until and published else MAX_GAP_DAYS
        lead_published = _day(c["pub"].get(c["top_doc"]))
        lead_gap = (until - lead_published).days if until and lead_published else MAX_GAP_DAYS
        act = (act_features(item["question"], [first_sentence(r["answer"])])[0] if r["answer"]
               else np.zeros(6))
        scores = item["ask"]["scores"]
        right = bool(scores.get("answer_accuracy") or scores.get("answer_accuracy_number_words")) or qid in also_right
        answerable = bool(item["systems"][SYSTEM]["scores"].get("answer_recall@10"))
        f = {"best_doc_cov": covs[0], "second_cov": second, "cov_margin": covs[0] - second,
             "lead_doc_cov": c["covs"].get(c["top_doc"], 0.0), "lead_cov": c["cov"][c["top"]],
             "lead_wcov": c["wcov"][c["top"]], "top_cos": max(c["cos"]),
             "log_gap": float(np.log1p(min(max(gap, 0), MAX_GAP_DAYS))),
             "lead_log_gap": float(np.log1p(min(max(lead_gap, 0), MAX_GAP_DAYS))),
             "act_told": float(act[0] or act[1]), "act_object": float(act[2])}
        out.append({"id": qid, "f": f, "y": int(answerable or right), "rule": c["verdict"] is not None})
    return out


def cv(table: list[dict[str, Any]], features: Sequence[str], lose: int = 0, seeds: Sequence[int] = (0, 1, 2),
       folds: int = 10) -> tuple[float, float]:
    """(caught, lost) per repetition, averaged over ``seeds``, of a logistic model over ``features`` cut to lose at
    most ``lose`` label-1 training rows (see the module docstring)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    x = np.array([[r["f"][k] for k in features] for r in table], dtype=np.float64)
    y = np.array([r["y"] for r in table])
    caught = lost = 0
    for seed in seeds:
        for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(x, y):
            mu, sd = x[tr].mean(0), x[tr].std(0) + 1e-9
            model = LogisticRegression(C=1.0).fit((x[tr] - mu) / sd, y[tr])
            kept = np.sort(model.decision_function((x[tr] - mu) / sd)[y[tr] == 1])
            cut = kept[min(lose, len(kept) - 1)]
            abstain = model.decision_function((x[te] - mu) / sd) < cut
            caught += int((abstain & (y[te] == 0)).sum())
            lost += int((abstain & (y[te] == 1)).sum())
    return caught / len(seeds), lost / len(seeds)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=Path, required=True, help="JSONL of fit-half RealTime QA questions")
    ap.add_argument("--report", type=Path, required=True, help="a RealTime QA report of the same tree (labels)")
    ap.add_argument("--cache", type=Path, required=True, help="trace pickle: read when present, else written")
    ap.add_argument("--collection", default="techsec")
    ap.add_argument("--also-right", type=Path, help="fit-half ids (one a line) whose answers a reader judged right")
    args = ap.parse_args(argv)
    questions = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    if any(half(q["id"]) != "fit" for q in questions):
        raise SystemExit("only fit-half questions may be traced (evals.rtqa_answers.half)")
    if args.cache.exists():
        trace = pickle.loads(args.cache.read_bytes())
    else:
        from rag.config import get_settings
        from rag.pipeline import Engine

        trace = record(Engine.from_settings(get_settings(), collection=args.collection), questions)
        args.cache.write_bytes(pickle.dumps(trace))
    report = {it["id"]: it for it in json.loads(args.report.read_text(encoding="utf-8"))["items"]
              if half(it["id"]) == "fit"}
    also = frozenset(args.also_right.read_text(encoding="utf-8").split()) if args.also_right else frozenset()
    if any(half(i) != "fit" for i in also):
        raise SystemExit("--also-right names a held-out id")
    table = rows({k: v for k, v in trace.items() if k in report}, report, also)
    y = np.array([r["y"] for r in table])
    rule = np.array([r["rule"] for r in table])
    print(f"rows {len(table)}: label 1 {int(y.sum())}, label 0 {int((1 - y).sum())}")
    print(f"story-held rule (in-sample): caught {int((rule & (y == 0)).sum())}, lost {int((rule & (y == 1)).sum())}")
    sets = [("best_doc_cov",)] + [("best_doc_cov", k) for k in FEATURES if k != "best_doc_cov"] + [
        ("best_doc_cov", "lead_doc_cov", "act_told"), ("best_doc_cov", "log_gap", "act_told"),
        ("lead_doc_cov", "log_gap"), ("lead_doc_cov", "lead_log_gap"), ("best_doc_cov", "lead_doc_cov", "log_gap"),
        ("best_doc_cov", "lead_doc_cov", "lead_log_gap"), tuple(FEATURES)]
    for features in sets:
        for lose in (0, 1, 2):
            c, lo = cv(table, features, lose)
            print(f"{'+'.join(features):70s} lose {lose}: caught {c:5.1f} lost {lo:4.1f}")


if __name__ == "__main__":
    main()
