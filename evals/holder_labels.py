"""Who holds an explanation, measured on labelled items (``evals/datasets/hypothesis_holders.jsonl``; issue 10).

Each item is an explanation a brief lists (the quote it is listed from), its evidence for (quotes, best first), the
sentence before it when that sentence leaves a reporting frame open for it, and the holder(s) an analyst would name
(any one of them is right; none: the explanation is the source's own sentence or its holders are not named), with a
one-line reason. The brief's rule (``hypotheses.stated_in``'s holder, else the speaker of an open frame before it,
else ``hypotheses.holder_in_evidence``) names at most one holder per item:

- **precision**: of the items where the rule names a holder, the share where it names one of the labelled holders;
- **recall**: of the items with labelled holders, the share where the rule names one of them;
- **false holders** (named where the label names none) and **missed** (none named where the label names one) are
  listed by id.

A name matches when one contains the other after case folding and a leading "the" ("Moon" and "Moon Jae-in";
"the DBS analysts" and "DBS analysts"). Run: ``python -m evals.holder_labels [PATH]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rag.writers.hypotheses import full_name, holder_in_evidence, stated_in
from rag.writers.hypothesis_stance import speaker

DATASET = Path(__file__).resolve().parent / "datasets" / "hypothesis_holders.jsonl"
#: a reporting frame left open for the next sentence does not end like a sentence
_ENDS = (".", "!", "?", "”", '"', "’")


def predicted(item: dict) -> str | None:
    """The holder the brief's rule names for a labelled item (None: none)."""
    text, fors, topic = item["explanation"], item.get("evidence_for") or [], item["topic"]
    texts = [text, *fors, item.get("before") or ""]
    st = stated_in(text)
    if st.held_by:
        return st.held_by
    before = (item.get("before") or "").rstrip()
    if before and not before.endswith(_ENDS):
        who, rest = speaker(before)
        if who and len(rest) < len(before):
            return full_name(who, texts)
    who = holder_in_evidence(text, fors, topic)
    return full_name(who, texts) if who else None


def _norm(name: str) -> str:
    n = " ".join(name.lower().replace("’", "'").split())
    return n[4:] if n.startswith("the ") else n


def matches(name: str, holders: list[str]) -> bool:
    """Whether ``name`` is one of ``holders`` (see the module)."""
    a = _norm(name)
    return any(a in _norm(h) or _norm(h) in a for h in holders)


def score(items: list[dict]) -> dict:
    """{"precision", "recall", "items", "named", "labelled", "false_holders", "missed", "wrong", "rows"}."""
    rows, named, right, labelled = [], 0, 0, 0
    false_holders, missed, wrong = [], [], []
    for item in items:
        who, gold = predicted(item), item["holders"]
        ok = (who is None and not gold) or (who is not None and matches(who, gold))
        rows.append({"id": item["id"], "predicted": who, "holders": gold, "right": ok})
        labelled += bool(gold)
        if who is not None:
            named += 1
            right += bool(gold) and matches(who, gold)
            if not gold:
                false_holders.append(item["id"])
            elif not matches(who, gold):
                wrong.append(item["id"])
        elif gold:
            missed.append(item["id"])
    return {"items": len(items), "named": named, "labelled": labelled,
            "precision": round(right / named, 3) if named else None,
            "recall": round(right / labelled, 3) if labelled else None,
            "false_holders": false_holders, "missed": missed, "wrong": wrong, "rows": rows}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DATASET
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = score(items)
    for r in out["rows"]:
        print(f"{'ok ' if r['right'] else 'BAD'} {r['id']}: {r['predicted']!r} / {r['holders']}")
    print(f"holders: precision {out['precision']} ({out['named']} named), recall {out['recall']} "
          f"({out['labelled']} labelled), {out['items']} items; false holders {out['false_holders']}; "
          f"missed {out['missed']}; wrong {out['wrong']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
