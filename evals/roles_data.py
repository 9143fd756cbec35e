"""The roles set (``evals/datasets/roles.jsonl``): load it and resolve every row to its sentence.

Sample-corpus rows carry their ``text``; RealTime QA rows carry only ``doc``, ``start``, ``end`` and a ``sha256``
prefix of the sentence (the RealTime QA data may not be copied into the repository), and are resolved here from
``../shared/data/realtimeqa-2022/corpus.jsonl``. A row resolves when its span is exactly one sentence of the
project's splitter (``rag.text.sentences.split_sentences``) over the document; ``load`` returns the rows that
resolve, with ``text`` and ``position`` = (sentence index, sentence count), and the ids it skipped with a reason.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evals import shared_data
from rag.config import PROJECT_ROOT
from rag.text.sentences import split_sentences

DATASET = Path(__file__).resolve().parent / "datasets" / "roles.jsonl"
SAMPLE_CORPUS = PROJECT_ROOT / "corpus"
REALTIMEQA_CORPUS = shared_data.DEFAULT_CORPUS
FIELDS = ("id", "doc", "source", "start", "end", "role", "doc_type", "split")


@dataclass
class RolesSet:
    """Resolved rows (each with ``text`` and ``position``) and ``skipped``: (row id, reason)."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def split(self, name: str) -> list[dict[str, Any]]:
        """The rows of one split (``fit`` or ``test``)."""
        return [r for r in self.rows if r["split"] == name]


def sha_prefix(text: str) -> str:
    """The 16-hex sha256 prefix stored for a sentence whose text may not be stored."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_rows(path: Path = DATASET) -> list[dict[str, Any]]:
    """The raw rows of the roles set; ValueError when a line is not JSON or lacks a field."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        missing = [f for f in FIELDS if f not in row]
        if missing:
            raise ValueError(f"{path}:{n}: missing {missing}")
        rows.append(row)
    return rows


def _documents(rows: list[dict[str, Any]], realtimeqa: Path) -> dict[str, str]:
    """doc id -> text for every document the rows need that can be found."""
    docs: dict[str, str] = {}
    for doc in {r["doc"] for r in rows if r["source"] == "sample"}:
        path = SAMPLE_CORPUS / f"{doc}.txt"
        if path.is_file():
            docs[doc] = path.read_text(encoding="utf-8")
    wanted = {r["doc"] for r in rows if r["source"] == "realtimeqa"}
    if wanted and realtimeqa.is_file():
        with realtimeqa.open(encoding="utf-8") as fh:
            for line in fh:
                # cheap pre-filter before parsing: the id is near the start of each line
                if any(d in line[:80] for d in wanted):
                    rec = json.loads(line)
                    if rec["id"] in wanted:
                        docs[rec["id"]] = rec.get("text") or ""
    return docs


def load(path: Path = DATASET, realtimeqa: Path = REALTIMEQA_CORPUS) -> RolesSet:
    """The roles set with every resolvable row's sentence text and position; unresolved rows are skipped with a reason."""
    rows = read_rows(path)
    docs = _documents(rows, Path(realtimeqa))
    spans: dict[str, dict[tuple[int, int], tuple[int, int]]] = {}
    out = RolesSet()
    for row in rows:
        text = docs.get(row["doc"])
        if text is None:
            where = realtimeqa if row["source"] == "realtimeqa" else SAMPLE_CORPUS
            out.skipped.append((row["id"], f"document {row['doc']} not found in {where}"))
            continue
        if row["doc"] not in spans:
            sents = split_sentences(text)
            spans[row["doc"]] = {(s.start, s.end): (i, len(sents)) for i, s in enumerate(sents)}
        pos = spans[row["doc"]].get((row["start"], row["end"]))
        if pos is None:
            out.skipped.append((row["id"], f"span {row['start']}-{row['end']} is not a sentence of {row['doc']}"))
            continue
        sentence = text[row["start"]:row["end"]]
        expected = row.get("text")
        if (expected is not None and expected != sentence) or (row.get("sha256") and row["sha256"] != sha_prefix(sentence)):
            out.skipped.append((row["id"], f"sentence text of {row['doc']} at {row['start']}-{row['end']} changed"))
            continue
        out.rows.append({**row, "text": sentence, "position": pos})
    return out
