"""Runs `brief` commands in processes forked from one warmed-up parent, for the crash tests.

Why: a fresh `brief` process spends seconds importing chromadb, llama-index and onnxruntime and loading the
MiniLM graph; the crash tests start ~80 of them. This parent pays that once, then each job is a forked child
that runs the real CLI (``rag.cli.app``) with the job's environment, argv and working directory, its output in
files, so ``BRIEF_CRASH_AT`` SIGKILLs a real, separate process. ``kind: "call"`` jobs run a function of
``tests/crash_checks.py`` instead (the post-crash checks).

Protocol: one JSON job per stdin line → one JSON line ``{"returncode": n}`` (``-9`` when killed by SIGKILL).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import rag  # noqa: E402,F401  (first: offline hub, telemetry off)
import rag.cli  # noqa: E402  every command module
import rag.crashpoints  # noqa: E402
import rag.doctor  # noqa: E402,F401
import rag.index  # noqa: E402,F401
import rag.ingest  # noqa: E402,F401
import rag.retrieve  # noqa: E402,F401
from rag.config import EmbeddingSettings  # noqa: E402
from rag.embeddings import get_embedder  # noqa: E402



def _warm_up() -> None:
    """Import what the commands import lazily (nltk, scipy, chromadb, bm25s, ...) by running the pure steps once.

    Nothing here opens a data directory or a Chroma client: those start threads, which a fork does not copy.
    """
    import tempfile

    import bm25s  # noqa: F401
    import chromadb  # noqa: F401
    import llama_index.vector_stores.chroma  # noqa: F401

    from rag.chunking import chunk_document, embedding_text
    from rag.dedup import minhash_of, story_body
    from rag.facts import salient_facts
    from rag.loaders import load_file
    from rag.text.analyzer import analyze

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "warm.jsonl"
        sample.write_text('{"title": "Warm up", "published": "2024-01-02", "text": "Chips were shipped. Export rules tightened on Monday."}\n')
        (doc,) = [d for d in load_file(sample) if hasattr(d, "doc_id")]
    body = story_body(doc.text)
    minhash_of(body, 128)
    salient_facts(body)
    chunks = chunk_document(doc)
    analyze(doc.text)
    # the MiniLM session, shared copy-on-write by every child (the embedder re-creates its thread pool after a fork)
    get_embedder(EmbeddingSettings()).embed([embedding_text(c) for c in chunks])


_warm_up()


def _child(job: dict) -> int:
    os.chdir(job["cwd"])
    os.environ.clear()
    os.environ.update(job["env"])
    rag.crashpoints.arm(job["env"].get(rag.crashpoints.ENV))
    with open(job["stdout"], "wb") as out, open(job["stderr"], "wb") as err:
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
    try:
        if job.get("kind") == "call":
            import crash_checks

            result = getattr(crash_checks, job["function"])(*job.get("args", []))
            sys.stdout.write(json.dumps(result))
            return 0
        rag.cli.app(args=job["args"], prog_name="brief")
        return 0
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - reported through the exit code and stderr
        traceback.print_exc()
        return 70
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


def main() -> None:
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 70
            try:
                code = _child(job)
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    main()
