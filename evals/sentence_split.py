"""Sentence-boundary precision/recall/F1 of the candidate libraries and of the project's splitter.

    python -m evals.sentence_split [--data evals/datasets/sentence_boundaries.jsonl]

Each dataset line is ``{"id", "kind", "text", "sentences"}`` where ``sentences`` are exact slices of
``text`` in order. A boundary is the end offset of a sentence other than the text's last one; a
candidate's boundaries are the ends of its (whitespace-trimmed) spans. "raw" rows run the library on the
text as stored (newlines included); "+layer" rows run it inside ``rag.text.sentences.split_sentences``
(layout units, list markers, CJK terminators, abbreviation guard). ``exact`` is the share of gold
sentences returned with exactly the gold span. pySBD and blingfire are optional
(``pip install -e ".[sentence-eval]"``); a missing one is reported and skipped.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable

from rag.text.sentences import Segmenter, punkt_segmenter, split_sentences

DATA = Path(__file__).parent / "datasets" / "sentence_boundaries.jsonl"
CHOSEN = "punkt +layer"

Spans = list[tuple[int, int]]


def gold_spans(item: dict) -> Spans:
    """Offsets of the item's gold sentences, located in order (ValueError if one is not a slice)."""
    spans, pos = [], 0
    for sent in item["sentences"]:
        start = item["text"].index(sent, pos)
        spans.append((start, start + len(sent)))
        pos = start + len(sent)
    return spans


def _pysbd() -> Segmenter:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda text: [(s.start, s.end) for s in seg.segment(text)]


def _blingfire() -> Segmenter:
    import blingfire

    return lambda text: blingfire.text_to_sentences_and_offsets(text)[1] if text.strip() else []


def _raw(seg: Segmenter) -> Callable[[str], Spans]:
    def run(text: str) -> Spans:
        out = []
        for a, b in seg(text):
            piece = text[a:b]
            a, b = a + len(piece) - len(piece.lstrip()), b - (len(piece) - len(piece.rstrip()))
            if b > a:
                out.append((a, b))
        return out

    return run


def _layer(seg: Segmenter) -> Callable[[str], Spans]:
    return lambda text: [(s.start, s.end) for s in split_sentences(text, segmenter=seg)]


def candidates() -> tuple[dict[str, Callable[[str], Spans]], list[str]]:
    """Name -> splitter for every installed library (raw and inside the layer), and the names skipped."""
    libs: dict[str, Callable[[], Segmenter]] = {"pysbd": _pysbd, "blingfire": _blingfire, "punkt": lambda: punkt_segmenter}
    found: dict[str, Callable[[str], Spans]] = {}
    missing = []
    for name, make in libs.items():
        try:
            seg = make()
        except ImportError:
            missing.append(name)
            continue
        found[f"{name} raw"] = _raw(seg)
        found[f"{name} +layer"] = _layer(seg)
    return found, missing


def _boundaries(spans: Iterable[tuple[int, int]]) -> set[int]:
    ends = sorted(b for _, b in spans)
    return set(ends[:-1])


def score(items: list[dict], split: Callable[[str], Spans]) -> dict[str, dict[str, float]]:
    """Per kind and pooled ("all"): tp, fp, fn, precision, recall, f1, exact (share of gold spans hit)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for item in items:
        gold = gold_spans(item)
        pred = split(item["text"])
        g, p = _boundaries(gold), _boundaries(pred)
        for key in (item["kind"], "all"):
            c = counts[key]
            c["tp"] += len(g & p)
            c["fp"] += len(p - g)
            c["fn"] += len(g - p)
            c["gold"] += len(gold)
            c["exact"] += len(set(gold) & set(pred))
    out = {}
    for key, c in counts.items():
        prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[key] = {"tp": c["tp"], "fp": c["fp"], "fn": c["fn"], "precision": prec, "recall": rec, "f1": f1,
                    "exact": c["exact"] / c["gold"] if c["gold"] else 1.0}
    return out


def load(path: Path) -> list[dict]:
    """The dataset's items (one JSON object per line)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)
    items = load(args.data)
    kinds = sorted({it["kind"] for it in items})
    n_bound = sum(len(it["sentences"]) - 1 for it in items)
    print(f"{len(items)} texts, {sum(len(it['sentences']) for it in items)} sentences, {n_bound} boundaries")
    found, missing = candidates()
    for name in missing:
        print(f"(skipped {name}: not installed)")
    cols = kinds + ["all"]
    print("\nBoundary F1 by kind (P/R pooled in the last columns; * = the project's splitter)\n")
    print("| splitter | " + " | ".join(cols) + " | P all | R all | exact spans |")
    print("|---" * (len(cols) + 4) + "|")
    for name, split in found.items():
        res = score(items, split)
        mark = " *" if name == CHOSEN else ""
        row = [f"{res[k]['f1']:.3f}" for k in cols]
        tail = [f"{res['all']['precision']:.3f}", f"{res['all']['recall']:.3f}", f"{res['all']['exact']:.3f}"]
        print(f"| {name}{mark} | " + " | ".join(row + tail) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
