"""Write ``rag/text/data/general_vocabulary.txt``: the words most news articles use, whatever their story.

A one-word thematic tag must name a theme of its story ("semiconductor", "cyberattacks"), not the vocabulary every
story shares ("measure", "approach", "government", "business"): ``terms_section.keyword_terms`` drops a one-word tag
that is in this list. The list is every word (lower case, letters only, three or more) found in at least
``MIN_SHARE`` of the articles of the RealTime QA 2022 corpus (4,973 news articles of every kind of story). Only the
corpus's text is read, no label: no metric reported on that corpus measures tags (topics-news scores claims and the
timeline, not term lists).

Usage: ``python -m evals.general_vocabulary [--corpus PATH] [--min-share 0.03]``.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from evals.shared_data import realtimeqa_corpus
from rag.text.lexicon import DATA_DIR

MIN_SHARE = 0.03
_WORD = re.compile(r"[a-z]{3,}")
OUT = DATA_DIR / "general_vocabulary.txt"


def document_shares(lines) -> tuple[Counter, int]:
    """(word -> number of articles using it, number of articles) over JSONL lines with a ``text`` field."""
    df: Counter = Counter()
    n = 0
    for line in lines:
        if line.strip():
            df.update(set(_WORD.findall((json.loads(line).get("text") or "").lower())))
            n += 1
    return df, n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--min-share", type=float, default=MIN_SHARE)
    args = ap.parse_args(argv)
    path = realtimeqa_corpus(args.corpus)
    with path.open(encoding="utf-8") as fh:
        df, n = document_shares(fh)
    words = sorted(w for w, c in df.items() if c >= args.min_share * n)
    head = [f"# Words found in at least {args.min_share:.0%} of the {n:,} articles of the RealTime QA 2022 corpus",
            "# (written by `python -m evals.general_vocabulary`): the vocabulary every news story shares. A one-word",
            "# thematic tag in this list names no theme of its own (rag/writers/terms_section.py).", ""]
    OUT.write_text("\n".join(head + words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {OUT}")


if __name__ == "__main__":
    main()
