"""The ``followups`` suite: multi-turn questions and partial answers through the real ``ask`` path.

``evals/datasets/followups.jsonl`` holds hand-written conversations over the sample corpus (``corpus/``). Each
conversation is a list of turns asked in order through ``Engine.write(question, template="answer",
history=...)``, the history holding the earlier questions and the shown replies, as ``brief ask`` keeps it.
A turn is either answerable::

    {"question": "And for 2025?", "expect": ["70%"], "first": "70%"}

(``expect``: strings that must all occur in the answer, each may give alternatives separated by ``|``;
``first``: what the first sentence must hold, default the first ``expect`` entry) or asks for a fact the
corpus does not give although it covers the topic::

    {"question": "When will it open?", "answerable": false, "says": ["chip hub"], "missing": ["date"]}

(the pipeline must abstain; a *partial* answer — "The sources report: “…”; none gives the date …", or with its
quote attributed, "X (analysis) argues: “…”; none of the sources gives …" (``abstention_text.partial_message``) — is
correct when its quote holds one of ``says`` and its "none gives" clause names one of ``missing``; the quote is
read as shown, a quotation inside it in single marks, and a ``says`` entry holding a quotation is looked for so).

Scores per turn (rates; None where they do not apply):

* ``answer_correct`` (answerable turns): not abstained, every ``expect`` entry found in the answer as shown (its
  claims with their frames: ``_reply``);
* ``first_sentence_correct`` (answerable turns): the ``first`` entry in the answer's first sentence;
* ``new_content`` (answerable later turns whose answer no earlier reply gave): the first sentence is none of the
  earlier replies' first sentences (a follow-up must not return the previous answer);
* ``partial_correct`` (unanswerable turns): abstained with a partial answer that says what the sources say
  and names what is missing.

Totals: ``followup_accuracy`` (answer_correct over later turns), ``first_turn_accuracy``,
``first_sentence_accuracy`` (all answerable turns), ``followup_new_content``, ``partial_accuracy`` and
abstention ``precision``/``recall``/``f1`` with "abstain" (a partial answer included) as the positive class,
plus ``false_abstention_rate`` (abstentions among answerable turns).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Sequence

from evals import metrics
from rag.render import quoted, shown_answer
from rag.writers.abstention_text import partial_parts

SUITE = "followups"
DATASET = Path(__file__).resolve().parent / "datasets" / "followups.jsonl"

__all__ = ["SUITE", "DATASET", "found", "turn_scores", "run_suite", "suite_totals"]


def found(text: str, entry: str) -> bool:
    """Whether one of the ``|``-separated alternatives of ``entry`` occurs in ``text`` (``metrics.fact_coverage``
    matching: normalized, numbers as whole tokens)."""
    return any((metrics.fact_coverage(text, [alt.strip()]) or 0.0) > 0 for alt in entry.split("|") if alt.strip())


def _first_sentence(text: str) -> str:
    from evals.rtqa_answers import first_sentence

    return first_sentence(text)


def _reply(brief) -> tuple[str, str]:
    """(the shown answer text, the message shown instead of an answer) of one brief. The answer is read as shown:
    each claim with its frame (``render.claim_text``: its attribution, a verdict, a count the answer made of named
    items: "The sources name three: fluorinated polyimides, photoresist and hydrogen fluoride …: “…”"), without
    citation marks; the claims' bare texts would miss what the frame says (the count "three")."""
    from rag.render import claim_text

    if brief.abstained:
        return "", brief.message or ""
    return " ".join(claim_text(c) for s in brief.sections if s.kind == "claims" for c in s.claims), ""


def turn_scores(turn: dict, position: int, answer: str, message: str, abstained: bool,
                earlier_firsts: Sequence[str], earlier_replies: Sequence[str] = ()) -> dict[str, float | None]:
    """Scores of one turn (``position`` 0 = the conversation's first question); see the module docstring."""
    scores: dict[str, float | None] = {"answer_correct": None, "first_sentence_correct": None,
                                       "new_content": None, "partial_correct": None}
    if turn.get("answerable", True):
        expect = turn.get("expect") or []
        first = _first_sentence(answer)
        scores["answer_correct"] = float(not abstained and all(found(answer, e) for e in expect))
        want_first = turn.get("first") or (expect[0] if expect else "")
        scores["first_sentence_correct"] = float(not abstained and bool(want_first) and found(first, want_first))
        if position > 0 and not any(found(r, want_first) for r in earlier_replies if want_first):
            norm = metrics.normalize_text(first)
            scores["new_content"] = float(not abstained and bool(norm)
                                          and norm not in {metrics.normalize_text(f) for f in earlier_firsts})
        return scores
    parts = partial_parts(message)  # "The sources report: “…” [1]; none gives …", or attributed: "X assesses: “…” …"
    _, quote, lacking = parts or ("", "", "")
    # the quote is shown with a quotation inside it in single marks (``render.quoted``): a ``says`` entry quoting
    # its source (“sensitive materials”) is looked for as shown
    says_ok = any(found(quote, quoted(s)[1:-1]) for s in turn.get("says") or [])
    missing_ok = any(found(lacking, w) for w in turn.get("missing") or [])
    scores["partial_correct"] = float(abstained and parts is not None and says_ok and missing_ok)
    return scores


def run_conversation(engine, conv: dict) -> list[dict]:
    """Ask a conversation's turns in order with the history so far; one item per turn."""
    from rag.types import Turn

    history: list[Turn] = []
    firsts: list[str] = []
    replies: list[str] = []  # earlier answers' texts (scored against), as the history holds them shown
    items = []
    for pos, turn in enumerate(conv["turns"]):
        t0 = time.perf_counter()
        brief = engine.write(turn["question"], template="answer", history=list(history))
        seconds = time.perf_counter() - t0
        answer, message = _reply(brief)
        scores = turn_scores(turn, pos, answer, message, bool(brief.abstained), firsts,
                             replies)
        resolved = next((n.split(": ", 1)[1] for n in brief.provenance.notes
                         if n.startswith("follow-up resolved as: ")), None)
        items.append({
            "suite": SUITE, "id": f"{conv['id']}#{pos + 1}",
            "input": {"conversation": conv["id"], "turn": pos + 1, "question": turn["question"],
                      "answerable": bool(turn.get("answerable", True)), "expect": turn.get("expect"),
                      "first": turn.get("first"), "says": turn.get("says"), "missing": turn.get("missing"),
                      "history": [h.content for h in history]},
            "output": {"abstained": bool(brief.abstained), "text": answer, "message": message,
                       "resolved_as": resolved},
            "scores": {k: (None if v is None else round(v, 4)) for k, v in scores.items()},
            "stats": {"latency_s": round(seconds, 3)},
        })
        firsts.append(_first_sentence(answer))
        replies.append(answer or message)
        # the history holds what a chat user was shown (``brief chat``): the answer with its attribution frames and
        # citation marks, from which a follow-up reads what was said (``followup.answered_passages``)
        history += [Turn("user", turn["question"]), Turn("assistant", shown_answer(brief))]
    return items


def run_suite(engine, rows: Sequence[dict], progress: Callable[[int, int, str], None] | None = None) -> list[dict]:
    """Items (one per turn) for the conversations ``rows``."""
    out: list[dict] = []
    for i, conv in enumerate(rows):
        if progress:
            progress(i, len(rows), conv["id"])
        out.extend(run_conversation(engine, conv))
    if progress:
        progress(len(rows), len(rows), "")
    return out


def suite_totals(items: Sequence[dict]) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """(rates, stats) of the suite; see the module docstring."""
    def mean_of(key: str, keep: Callable[[dict], bool] = lambda it: True) -> float | None:
        return metrics.mean(it["scores"][key] for it in items if keep(it))

    later = lambda it: it["input"]["turn"] > 1  # noqa: E731
    pairs = [(it["output"]["abstained"], it["input"]["answerable"]) for it in items]
    prf = metrics.abstention_prf(pairs)
    answerable = [a for a, ans in pairs if ans]
    rates = {
        "followup_accuracy": mean_of("answer_correct", later),
        "first_turn_accuracy": mean_of("answer_correct", lambda it: not later(it)),
        "first_sentence_accuracy": mean_of("first_sentence_correct"),
        "followup_new_content": mean_of("new_content"),
        "partial_accuracy": mean_of("partial_correct"),
        "abstention_precision": prf["precision"],
        "abstention_recall": prf["recall"],
        "abstention_f1": prf["f1"],
        "false_abstention_rate": metrics.mean(float(a) for a in answerable) if answerable else None,
    }
    stats = {
        "items": len(items),
        "conversations": len({it["input"]["conversation"] for it in items}),
        "followup_turns": sum(1 for it in items if later(it) and it["input"]["answerable"]),
        "unanswerable_turns": sum(1 for it in items if not it["input"]["answerable"]),
        "abstained": sum(1 for a, _ in pairs if a),
        "mean_latency_s": metrics.mean(it["stats"]["latency_s"] for it in items),
    }
    return ({k: None if v is None else round(v, 4) for k, v in rates.items()},
            {k: None if v is None else round(v, 4) for k, v in stats.items()})
