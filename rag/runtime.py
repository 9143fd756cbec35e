"""Process-wide environment every entry point sets before touching llama-index, tiktoken or Chroma."""

from __future__ import annotations

import os
from importlib.util import find_spec
from pathlib import Path

_DONE = False


def tiktoken_cache_dir() -> Path | None:
    """llama-index-core's bundled BPE files, so tiktoken never downloads."""
    spec = find_spec("llama_index.core")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "_static" / "tiktoken_cache"
    return path if path.is_dir() else None


def configure_process(hf_offline: bool | None = None) -> None:
    """Set TIKTOKEN_CACHE_DIR, HF_HUB_OFFLINE and Chroma telemetry off (idempotent; user values win)."""
    global _DONE
    if _DONE and hf_offline is None:
        return
    cache = tiktoken_cache_dir()
    if cache is not None:
        os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(cache))
    if hf_offline is None:
        hf_offline = os.environ.get("BRIEF_HF_OFFLINE", "1").lower() not in {"0", "false", "no"}
    if hf_offline:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    _DONE = True
