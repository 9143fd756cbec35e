"""Measures for sentence roles: multi-class precision/recall/F1 and section-role precision of a brief.

``classification_report(gold, pred)`` gives accuracy, macro-F1 and per-role precision, recall, F1 and support.
``section_role_precision(sections, accepted)`` gives the share of a brief's quoted sentences whose role
(gold or predicted, whichever the caller passes) is accepted by the section that quotes it.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping, Sequence

from rag.roles import ROLES


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def classification_report(gold: Sequence[str], pred: Sequence[str], roles: Sequence[str] = ROLES) -> dict[str, Any]:
    """{n, accuracy, macro_f1, per_role: {role: {precision, recall, f1, support}}, confusion: {gold: {pred: n}}}.

    Macro-F1 averages the roles with gold support; a role never predicted has precision None and F1 0.
    Raises ValueError when the sequences differ in length.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    per: dict[str, dict[str, Any]] = {}
    for role in roles:
        tp = sum(1 for g, p in zip(gold, pred) if g == role and p == role)
        n_pred = sum(1 for p in pred if p == role)
        n_gold = sum(1 for g in gold if g == role)
        precision = tp / n_pred if n_pred else None
        recall = tp / n_gold if n_gold else None
        f1 = (2 * precision * recall / (precision + recall) if precision and recall else 0.0) if n_gold else None
        per[role] = {"precision": _r(precision), "recall": _r(recall), "f1": _r(f1), "support": n_gold}
    f1s = [m["f1"] for m in per.values() if m["support"]]
    confusion = {g: {p: sum(1 for a, b in zip(gold, pred) if a == g and b == p) for p in roles} for g in roles}
    return {
        "n": len(gold),
        "accuracy": _r(sum(1 for g, p in zip(gold, pred) if g == p) / len(gold)) if gold else None,
        "macro_f1": _r(sum(f1s) / len(f1s)) if f1s else None,
        "per_role": per,
        "confusion": {g: {p: n for p, n in row.items() if n} for g, row in confusion.items()},
    }


def section_role_precision(sections: Mapping[str, Iterable[str]], accepted: Mapping[str, Iterable[str]] | Callable[[str], Iterable[str]],
                           role_of: Callable[[str], str | None] | Mapping[str, str]) -> dict[str, Any]:
    """Share of quoted sentences whose role the quoting section accepts.

    ``sections``: section name -> the sentences it quotes; ``accepted``: section name -> accepted roles (a mapping,
    or a function of the section name, e.g. ``lambda s: rag.roles.accepted_roles("situation", s)``);
    ``role_of``: sentence -> its role (gold labels as a mapping, or a classifier as a function); a sentence whose
    role is unknown (None / missing) is not counted. Returns {precision (None when nothing counted), counted,
    accepted, per_section: {name: {counted, accepted, precision}}, rejected: [(section, sentence, role)]}.
    """
    lookup = role_of.get if isinstance(role_of, Mapping) else role_of
    allowed = (lambda s: accepted.get(s, ())) if isinstance(accepted, Mapping) else accepted
    per: dict[str, dict[str, Any]] = {}
    rejected: list[tuple[str, str, str]] = []
    total = ok = 0
    for name, sentences in sections.items():
        roles = set(allowed(name))
        counted = good = 0
        for sentence in sentences:
            role = lookup(sentence)
            if role is None:
                continue
            counted += 1
            if role in roles:
                good += 1
            else:
                rejected.append((name, sentence, role))
        per[name] = {"counted": counted, "accepted": good, "precision": _r(good / counted) if counted else None}
        total += counted
        ok += good
    return {"precision": _r(ok / total) if total else None, "counted": total, "accepted": ok,
            "per_section": per, "rejected": rejected}
