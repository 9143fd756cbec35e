"""Write ``rag/text/data/general_vocabulary.txt``: the words most news articles use, whatever their story, and
``general_pairs.txt``: the pairs of adjacent general words they use.

A one-word thematic tag must name a theme of its story ("semiconductor", "cyberattacks"), not the vocabulary every
story shares ("measure", "approach", "government", "business"): ``terms_section.keyword_terms`` drops a one-word tag
that is in this list. The list is every word (lower case, letters only, three or more) found in at least
``MIN_SHARE`` of the articles of the RealTime QA 2022 corpus (4,973 news articles of every kind of story). Only the
corpus's text is read, no label: no metric reported on that corpus measures tags (topics-news scores claims and the
timeline, not term lists).

The pairs: two adjacent words of the list (in the same sentence run: no punctuation between them, a hyphen joins)
found together in at least ``MIN_SHARE`` of the articles ("supply chain", "prime minister"). Two general words that
are seldom adjacent name a thing of their own ("rare earth", "heavy rare"): ``on_topic.distinctive_terms`` reads
such a pair of a topic as one distinctive term.

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
PAIRS_OUT = DATA_DIR / "general_pairs.txt"
#: a run of words with spaces or a hyphen between them (punctuation ends the run)
_RUN = re.compile(r"[a-z]+(?:[ -]+[a-z]+)*")


def document_shares(lines) -> tuple[Counter, int]:
    """(word -> number of articles using it, number of articles) over JSONL lines with a ``text`` field."""
    df: Counter = Counter()
    n = 0
    for line in lines:
        if line.strip():
            df.update(set(_WORD.findall((json.loads(line).get("text") or "").lower())))
            n += 1
    return df, n


def pair_shares(lines, general: set[str]) -> Counter:
    """(word, word) -> number of articles where the two general words stand adjacent (a space or hyphen between
    them), over JSONL lines with a ``text`` field."""
    df: Counter = Counter()
    for line in lines:
        if not line.strip():
            continue
        found = set()
        for run in _RUN.findall((json.loads(line).get("text") or "").lower()):
            words = re.split(r"[ -]+", run)
            found.update((a, b) for a, b in zip(words, words[1:]) if a in general and b in general)
        df.update(found)
    return df


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
    with path.open(encoding="utf-8") as fh:
        pairs = pair_shares(fh, set(words))
    kept = sorted(f"{a} {b}" for (a, b), c in pairs.items() if c >= args.min_share * n)
    head = ["# Pairs of adjacent general words (general_vocabulary.txt) found together in at least "
            f"{args.min_share:.0%} of the {n:,}",
            "# articles of the RealTime QA 2022 corpus (written by `python -m evals.general_vocabulary`): two general",
            "# words not listed here name a thing of their own (\"rare earth\"; rag/writers/on_topic.distinctive_terms).",
            "# version 1", ""]
    PAIRS_OUT.write_text("\n".join(head + kept) + "\n", encoding="utf-8")
    print(f"wrote {len(kept)} pairs to {PAIRS_OUT}")


if __name__ == "__main__":
    main()
