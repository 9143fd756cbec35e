"""Where the shared RealTime QA 2022 data is: evaluation data read from ``../shared``, never copied into the repository."""

from __future__ import annotations

import os
from pathlib import Path

from rag.config import PROJECT_ROOT

DIR_ENV = "BRIEF_REALTIMEQA"  # the folder (corpus.jsonl, questions-dev.jsonl)
CORPUS_ENV = "BRIEF_REALTIMEQA_CORPUS"  # the corpus file alone
DEFAULT_DIR = PROJECT_ROOT.parent / "shared" / "data" / "realtimeqa-2022"
DEFAULT_CORPUS = DEFAULT_DIR / "corpus.jsonl"


def realtimeqa_dir(override: Path | str | None = None) -> Path:
    """The RealTime QA folder: ``override``, else ``$BRIEF_REALTIMEQA``, else ``../shared/data/realtimeqa-2022``."""
    if override:
        return Path(override)
    env = os.environ.get(DIR_ENV)
    return Path(env) if env else DEFAULT_DIR


def realtimeqa_corpus(override: Path | str | None = None) -> Path:
    """The corpus file: ``override``, else ``$BRIEF_REALTIMEQA_CORPUS``, else ``corpus.jsonl`` in :func:`realtimeqa_dir`."""
    if override:
        return Path(override)
    env = os.environ.get(CORPUS_ENV)
    return Path(env) if env else realtimeqa_dir() / "corpus.jsonl"
