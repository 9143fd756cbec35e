"""RealTime QA answer accuracy through the real ``ask`` path (``Engine.write(question, template="answer")``).

For each multiple-choice question the pipeline writes its answer with the corpus bounded by the quiz date
(``until``); the choices are never shown to it. Scores per question:

* ``answer_accuracy``: a correct choice's text occurs in the answer and no wrong choice's text does;
* ``first_sentence_accuracy``: a correct choice's text occurs in the answer's first sentence;
* ``abstained``: the pipeline declined to answer (counted wrong by both accuracies).

Over a run (``abstention_totals``): ``abstention_recall``, the share of questions the corpus cannot answer on which
``ask`` abstained, and ``false_abstention_rate``, the share of answerable ones on which it did (issue 10's abstention
precision/recall on external questions). A question counts as answerable when a correct choice's text occurs in
the retrieval's top-10 passages (``answer_recall@10``, ``evals.realtimeqa.contains``): a proxy that reads a
paraphrased answer ("extended six months" for "6") as absent, so the recall is a lower bound's complement.

Choice matching is ``evals.realtimeqa.contains`` (normalized text; numbers match whole tokens only). The
``*_number_words`` variants read the answer's number words as digits first ("extended six months" matches the choice
"6 months"), the same rule for the correct and the wrong choices; the literal figures stay the headline.
"""

from __future__ import annotations

from typing import Any, Sequence

from evals import metrics


def answer_text(brief) -> str:
    """The shown answer: its claims' text in order ('' when the pipeline abstained)."""
    if brief.abstained:
        return ""
    return " ".join(c.text for s in brief.sections if s.kind == "claims" for c in s.claims)


def first_sentence(text: str) -> str:
    """The first sentence of the answer (the project's sentence splitter); '' for an empty answer."""
    from rag.text.sentences import sentence_texts

    sents = [s for s in sentence_texts(text) if s.strip()] if text.strip() else []
    return sents[0] if sents else ""


def digits_for_words(text: str) -> str:
    """``text`` with the spelled whole numbers (``rag.text.numbers.spelled_wholes``: one … ten) written
    as digits: "extended six months" → "extended 6 months". A word glued to a capitalised word ("One-China") is a
    name and stays."""
    import re

    from rag.text.numbers import spelled_wholes

    wholes = {w: int(v) for w, v in spelled_wholes().items()}
    alt = "|".join(sorted(wholes, key=len, reverse=True))
    return re.sub(rf"\b((?i:{alt}))\b(?!-[A-Z])", lambda m: str(wholes[m.group(1).lower()]), text)


def choice_scores(text: str, choices: Sequence[str], correct: Sequence[int], *,
                  number_words: bool = False) -> dict[str, float | None]:
    """answer_accuracy and first_sentence_accuracy of one answer text (None when the question has no choices).
    ``number_words``: read the answer's number words as digits first (``digits_for_words``), for every choice."""
    from evals.realtimeqa import contains

    if not choices or not correct:
        return {"answer_accuracy": None, "first_sentence_accuracy": None}
    if number_words:
        text = digits_for_words(text)
    right = set(correct)
    has_right = any(contains(text, choices[i]) for i in right)
    has_wrong = any(contains(text, c) for i, c in enumerate(choices) if i not in right)
    first = first_sentence(text)
    return {
        "answer_accuracy": float(has_right and not has_wrong),
        "first_sentence_accuracy": float(any(contains(first, choices[i]) for i in right)),
    }


def answer_question(engine, question: dict, until: str | None) -> dict[str, Any]:
    """Ask one question through the pipeline (``until`` = quiz date) and score it: {scores, answer, abstained}."""
    from rag.types import SearchFilters

    brief = engine.write(question["question"], template="answer", filters=SearchFilters(until=until))
    text = answer_text(brief)
    scores = choice_scores(text, question.get("choices") or [], question.get("answer") or [])
    words = choice_scores(text, question.get("choices") or [], question.get("answer") or [], number_words=True)
    scores.update({f"{k}_number_words": v for k, v in words.items()})
    scores["abstained"] = float(bool(brief.abstained))
    return {"scores": scores, "answer": text, "cited_docs": list(dict.fromkeys(
        x.doc_id for s in brief.sections for c in s.claims for x in c.citations))}


def totals(rows: Sequence[dict[str, Any]]) -> dict[str, float | None]:
    """Means of the per-question answer scores (None-skipping)."""
    return metrics.summarize([r["scores"] for r in rows])


def half(question_id: str) -> str:
    """"fit" or "held_out": a fixed split of the questions by ``sha256(id) % 2`` (even = fit). Failures are read
    only on the fit half; the held-out half measures whether a change carries over to questions not looked at."""
    import hashlib

    return "fit" if int(hashlib.sha256(question_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "held_out"


def half_totals(items: Sequence[dict[str, Any]]) -> dict[str, float | None]:
    """Answer and first-sentence accuracy per half, over all questions and over those with the gold article in the
    index: ``answer_accuracy_fit``, ``answer_accuracy_held_out_gold_in_index``, … (items: RealTime QA report rows
    with ``id``, ``gold_doc_ids`` and ``ask``)."""
    out: dict[str, float | None] = {}
    for name in ("fit", "held_out"):
        rows = [it for it in items if half(it["id"]) == name]
        for scope, chosen in (("", rows), ("_gold_in_index", [it for it in rows if it["gold_doc_ids"]])):
            t = totals([it["ask"] for it in chosen])
            for k in ("answer_accuracy", "first_sentence_accuracy", "answer_accuracy_number_words",
                      "first_sentence_accuracy_number_words"):
                out[f"{k}_{name}{scope}"] = None if t.get(k) is None else round(t[k], 4)
            out[f"questions_{name}{scope}"] = len(chosen)
    return out


def abstention_totals(items: Sequence[dict[str, Any]], system: str) -> dict[str, float | None]:
    """``abstention_recall`` (abstained among the questions whose ``system`` top-10 passages hold no correct choice's
    text) and ``false_abstention_rate`` (abstained among the others), over all questions and per half
    (``abstention_recall_fit``, ``false_abstention_rate_held_out``, …), with the counts (``unanswerable``,
    ``answerable``, per half too); None where a group is empty or the run asked nothing (items: RealTime QA report
    rows with ``id``, ``systems`` and ``ask``)."""
    out: dict[str, float | None] = {}
    for name in ("", "fit", "held_out"):
        rows = [it for it in items if "ask" in it and (not name or half(it["id"]) == name)]
        recall = [(it["systems"][system]["scores"].get("answer_recall@10"), it["ask"]["scores"].get("abstained"))
                  for it in rows]
        none = [a for r, a in recall if r == 0]
        some = [a for r, a in recall if r]
        suffix = f"_{name}" if name else ""
        out[f"abstention_recall{suffix}"] = round(sum(none) / len(none), 4) if none else None
        out[f"false_abstention_rate{suffix}"] = round(sum(some) / len(some), 4) if some else None
        out[f"unanswerable{suffix}"] = len(none)
        out[f"answerable{suffix}"] = len(some)
    return out
