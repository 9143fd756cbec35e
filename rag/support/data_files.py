"""The support checker's versioned data files: ``rag/support/data/<name>.toml``, each read and parsed once.

``data_table("transfers")`` is the parsed ``data/transfers.toml`` as a dict (``tomllib``); every support module
reads its word lists and tables through it (the text layer's own lists are ``rag.text.lexicon``'s).
Errors: a missing file raises ``FileNotFoundError``; malformed TOML raises ``tomllib.TOMLDecodeError``.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


@cache
def data_table(name: str) -> dict[str, Any]:
    """The parsed ``rag/support/data/<name>.toml`` (one read per process; callers must not mutate it)."""
    with (DATA_DIR / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)
