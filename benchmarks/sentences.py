"""Text readers on hostile inputs: the sentence splitter, the page-wall reader and the actor reader.

    python benchmarks/sentences.py [--mb 20] [--only prose,nopunct] [--parts splitter,walls,actor]

splitter: each input is generated in memory (``--mb`` megabytes of characters) and split once with
``rag.text.sentences.split_sentences``; the script prints MB/s, sentences found and the growth of the
process's peak resident memory. Linear time shows as a flat MB/s when ``--mb`` grows (try 2 and 20).

walls: ``rag.text.page_walls.wall_kind`` on 100 KB of spaces (alone and after a control), 100 KB of one control
word repeated, 1 MB of a CJK paywall phrase repeated and 100,000 short lines, with seconds, ms per KB (flat across
rows: linear) and the ratio to a 1,000-word article (which is told from a wall within its first lines, so the ratio
is large for any wall of many units).

actor: ``rag.writers.answer_actor.actor_role`` on one sentence of 5,000 place mentions ("Japan, China, Korea, …"),
its caches cleared, with seconds and the ratio to a one-line news sentence (a linear reader's ratio is about the
length ratio, ~370).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from typing import Callable

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


def _seconds(fn: Callable[[], object], repeat: int = 1) -> float:
    """The median wall-clock seconds of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _article(words: int = 1000) -> str:
    """A news article of about ``words`` words in paragraphs of four sentences."""
    sentences = [s.strip() + "." for s in _PROSE.split(". ") if s.strip()]
    out, n = [], 0
    while n < words:
        paragraph = " ".join(sentences)
        out.append(paragraph)
        n += len(paragraph.split())
    return "\n\n".join(out)


def wall_inputs() -> dict[str, str]:
    """The hostile page-wall inputs, by name (as ``wall_kind`` would get them after ``normalize_text``, which
    collapses a run of spaces: the spaces rows test the reader itself)."""
    return {
        "100 KB of spaces": " " * 100_000,
        "a control, then 100 KB of spaces": "Sign in" + " " * 100_000,
        "100 KB of one control word": "Subscribe " * 10_000,
        "1 MB of a CJK paywall phrase": ("この記事は有料会員限定です。" * (1_000_000 // 14 + 1))[:1_000_000],
        "100k short lines": "Sign in\n" * 100_000,
    }


def run_walls() -> None:
    from rag.text.page_walls import wall_kind

    article = _article()
    wall_kind(article)  # load the lists
    base = _seconds(lambda: wall_kind(article), repeat=50)
    print(f"\n{'wall_kind input':34} {'KB':>7} {'seconds':>8} {'ms/KB':>7} {'x article':>10}  kind")
    print(f"{'a 1,000-word article':34} {len(article) / 1e3:7.1f} {base:8.4f} {base * 1e6 / len(article):7.3f} "
          f"{1:10.0f}  {wall_kind(article)}")
    for name, text in wall_inputs().items():
        secs = _seconds(lambda: wall_kind(text))
        print(f"{name:34} {len(text) / 1e3:7.1f} {secs:8.4f} {secs * 1e6 / len(text):7.3f} {secs / base:10.0f}  "
              f"{wall_kind(text)}")


def _clear_actor_caches() -> None:
    from rag.writers import answer_actor

    for name in ("_reading", "_opening_place"):  # the cached sentence reading (before 8cc7b8c: _opening_place)
        fn = getattr(answer_actor, name, None)
        if hasattr(fn, "cache_clear"):
            fn.cache_clear()


def run_actor(mentions: int = 5000) -> None:
    from rag.writers.answer_actor import actor_role

    hostile = ("Japan, China, Korea, " * (mentions // 3 + 1)).split(", ")[:mentions]
    sentence = ", ".join(hostile) + "."
    normal = "Japan restricted exports of three chemicals to South Korea on Monday, the trade ministry said."

    def role(text: str) -> Callable[[], object]:
        def call() -> object:
            _clear_actor_caches()
            return actor_role(text, {"south_korea"})
        return call

    base = _seconds(role(normal), repeat=200)
    print(f"\n{'actor_role input':34} {'KB':>7} {'seconds':>8} {'x sentence':>10}  role")
    print(f"{'one news sentence':34} {len(normal) / 1e3:7.1f} {base:8.4f} {1:10.0f}  {role(normal)()}")
    for actor in ({"south_korea"}, {"united_states"}):
        def call(actor: set[str] = actor) -> object:
            _clear_actor_caches()
            return actor_role(sentence, actor)
        secs = _seconds(call)
        name = f"{mentions:,} mentions, actor {next(iter(actor))}"
        print(f"{name:34} {len(sentence) / 1e3:7.1f} {secs:8.4f} {secs / base:10.0f}  {call()}")


def run_splitter(n: int, only: str) -> None:
    split_sentences("Warm up. Load the lists.")
    print(f"{'input':34} {'MB':>6} {'seconds':>8} {'MB/s':>7} {'sentences':>10} {'peak RSS +MB':>13}")
    for name, text in _inputs(n).items():
        if only and not any(name.startswith(p) for p in only.split(",")):
            continue
        before = _peak_mb()
        t0 = time.perf_counter()
        count = len(split_sentences(text))
        secs = time.perf_counter() - t0
        mb = len(text) / 1e6
        print(f"{name:34} {mb:6.1f} {secs:8.2f} {mb / secs:7.2f} {count:10d} {_peak_mb() - before:13.0f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="splitter input size in megabytes of characters")
    ap.add_argument("--only", default="", help="comma-separated prefixes of splitter input names to run")
    ap.add_argument("--parts", default="splitter,walls,actor", help="comma-separated parts to run")
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    if "splitter" in parts:
        run_splitter(int(args.mb * 1_000_000), args.only)
    if "walls" in parts:
        run_walls()
    if "actor" in parts:
        run_actor()


if __name__ == "__main__":
    main()
