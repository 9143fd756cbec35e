"""The own claims set (``evals/datasets/claims.jsonl``): load rows and resolve their passages.

Two kinds of row (see ``evals/datasets/README.md``):

* ``"source": "sample"`` (or no source): the passage is in the row, an excerpt of a ``corpus/`` file.
* ``"source": "realtimeqa"``: the RealTime QA articles are evaluation-only and may not be copied into the
  repository, so the row holds only ``doc`` (the article id) and ``passage_start``/``passage_end``
  (character offsets into the article's ``text``) plus ``passage_sha256`` (first 16 hex digits of the
  SHA-256 of the resolved passage). The passage is read from ``../shared/data/realtimeqa-2022/corpus.jsonl``
  at load time; without that file those rows are skipped, each with a reason.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Iterable

from evals import shared_data
from evals.jsonl import read_jsonl
from rag.text.dates import parse_date

ENV_VAR = shared_data.CORPUS_ENV
SOURCE_REALTIMEQA = "realtimeqa"


corpus_path = shared_data.realtimeqa_corpus


def normalize_space(text: str) -> str:
    """``text`` with every run of whitespace collapsed to one space and the ends stripped."""
    return " ".join(text.split())


def passage_digest(passage: str) -> str:
    """First 16 hex digits of the SHA-256 of the whitespace-normalised passage (UTF-8)."""
    return hashlib.sha256(normalize_space(passage).encode("utf-8")).hexdigest()[:16]


def article_texts(path: Path, ids: Iterable[str]) -> dict[str, str]:
    """{article id: text} for the wanted ids of a RealTime QA ``corpus.jsonl`` (lines of other ids are not parsed)."""
    return {i: row.get("text") or "" for i, row in article_rows(path, ids).items()}


def article_rows(path: Path, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """{article id: corpus row} for the wanted ids of a RealTime QA ``corpus.jsonl`` (other lines are not parsed)."""
    wanted = set(ids)
    out: dict[str, dict[str, Any]] = {}
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            # cheap pre-filter: the id is near the start of each line; parse only the lines that may match
            head = line[:80]
            if not any(i in head for i in wanted):
                continue
            row = json.loads(line)
            if row.get("id") in wanted:
                out[row["id"]] = row
    return out


def resolve_passages(rows: list[dict[str, Any]], corpus: Path | str | None = None) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """(rows with ``passage`` filled in, [(row id, reason skipped)]); rows that carry a passage pass unchanged.
    A RealTime QA row also gets its article's ``published`` date (ISO) when the corpus gives one: the checker
    reads the passage's "last year" by it."""
    external = [r for r in rows if "passage" not in r]
    if not external:
        return list(rows), []
    path = corpus_path(corpus)
    articles = article_rows(path, {r["doc"] for r in external}) if path.is_file() else {}
    ready: list[dict[str, Any]] = []
    skipped: list[tuple[str, str]] = []
    for r in rows:
        if "passage" in r:
            ready.append(r)
            continue
        if not path.is_file():
            skipped.append((r["id"], f"RealTime QA corpus not found at {path}"))
            continue
        article = articles.get(r["doc"])
        if article is None:
            skipped.append((r["id"], f"article {r['doc']} is not in {path}"))
            continue
        passage = normalize_space((article.get("text") or "")[r["passage_start"]:r["passage_end"]])
        if r.get("passage_sha256") and passage_digest(passage) != r["passage_sha256"]:
            skipped.append((r["id"], f"passage of article {r['doc']} at {r['passage_start']}:{r['passage_end']} "
                                     "does not match passage_sha256 (a different corpus version?)"))
            continue
        published = parse_date(article.get("published"))
        ready.append({**r, "passage": passage, **({"published": published} if published else {})})
    return ready, skipped


def load_claims(path: Path | str, corpus: Path | str | None = None) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """(claims rows with passages, [(row id, reason skipped)]) from a claims .jsonl file; ValueError on bad JSON."""
    return resolve_passages(read_jsonl(path), corpus)


def report_input(row: dict[str, Any]) -> dict[str, Any]:
    """A claims row as an eval report shows it; RealTime QA rows give offsets and a word count, not the passage text."""
    # a report can become a committed baseline, and the RealTime QA articles may not be copied into the repo
    out = {"claim": row["claim"], "doc": row.get("doc"), "supported": bool(row["supported"]), "kind": row.get("kind"),
           "source": row.get("source") or "sample"}
    if out["source"] == SOURCE_REALTIMEQA:
        out.update(passage_start=row["passage_start"], passage_end=row["passage_end"],
                   passage_words=len(row["passage"].split()))
    else:
        out["passage"] = row["passage"]
    if row.get("long"):
        out["long"] = True
    return out
