"""Sentence-splitter throughput on hostile inputs: one huge paragraph, no punctuation, wrapped lines, CJK.

    python benchmarks/sentences.py [--mb 20] [--only prose,nopunct]

Each input is generated in memory (``--mb`` megabytes of characters) and split once with
``rag.text.sentences.split_sentences``; the script prints MB/s, sentences found and the growth of the
process's peak resident memory. Linear time shows as a flat MB/s when ``--mb`` grows (try 2 and 20).
"""

from __future__ import annotations

import argparse
import resource
import time

from rag.text.sentences import split_sentences

_PROSE = (
    "The U.S. Commerce Department added 31 Chinese entities to its list on Oct. 7, officials said. "
    "Mr. Estevez told reporters the measures were \"narrowly tailored.\" Shares of Applied Materials Inc. "
    "fell 4% in New York, and analysts at Morgan Stanley & Co. cut their targets to $112.40 per share. "
    "Exports of eight gallium-related items will require a licence from August 1, 2023. "
)
_CJK = "経済産業省は半導体製造装置23品目を輸出管理の対象に加えると発表した。商务部宣布对镓、锗相关物项实施出口管制！"


def _inputs(n: int) -> dict[str, str]:
    wrapped_line = "exports of eight gallium-related and six germanium-related items will"
    return {
        "prose (one paragraph)": (_PROSE * (n // len(_PROSE) + 1))[:n],
        "no punctuation (one paragraph)": ("word " * (n // 5 + 1))[:n],
        "no spaces at all": "x" * n,
        "wrapped lines (72 columns)": ((wrapped_line + "\n") * (n // (len(wrapped_line) + 1) + 1))[:n],
        "CJK (one paragraph)": (_CJK * (n // len(_CJK) + 1))[:n],
    }


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="input size in megabytes of characters")
    ap.add_argument("--only", default="", help="comma-separated prefixes of input names to run")
    args = ap.parse_args()
    n = int(args.mb * 1_000_000)
    split_sentences("Warm up. Load the lists.")
    print(f"{'input':34} {'MB':>6} {'seconds':>8} {'MB/s':>7} {'sentences':>10} {'peak RSS +MB':>13}")
    for name, text in _inputs(n).items():
        if args.only and not any(name.startswith(p) for p in args.only.split(",")):
            continue
        before = _peak_mb()
        t0 = time.perf_counter()
        count = len(split_sentences(text))
        secs = time.perf_counter() - t0
        mb = len(text) / 1e6
        print(f"{name:34} {mb:6.1f} {secs:8.2f} {mb / secs:7.2f} {count:10d} {_peak_mb() - before:13.0f}")


if __name__ == "__main__":
    main()
