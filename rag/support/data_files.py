"""The support checker's versioned data files: ``rag/support/data/<name>.toml``, each read and parsed once.

``data_table("transfers")`` is the parsed ``data/transfers.toml`` as a dict (``tomllib``); every support module
reads its word lists and tables through it (the text layer's own lists are ``rag.text.lexicon``'s).
``data_hash()`` is the sha256 hex over every word-list file's name and bytes: it enters ``Settings.settings_hash``,
so editing ``transfers.toml`` changes every brief's provenance as editing a text-layer list does.
Errors: a missing file raises ``FileNotFoundError``; malformed TOML raises ``tomllib.TOMLDecodeError``.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from rag.text.lexicon import files_hash

DATA_DIR = Path(__file__).parent / "data"


@cache
def data_table(name: str) -> dict[str, Any]:
    """The parsed ``rag/support/data/<name>.toml`` (one read per process; callers must not mutate it)."""
    with (DATA_DIR / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def data_hash() -> str:
    """sha256 hex over the names and bytes of ``rag/support/data/*.toml`` (sorted by name; the fitted models'
    ``.json`` files have their own hashes in the settings hash)."""
    return files_hash(sorted(DATA_DIR.glob("*.toml")))
