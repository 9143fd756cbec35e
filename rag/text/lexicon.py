"""Versioned word lists of the text layer, loaded once from ``rag/text/data/``.

Two shapes:

- ``word_set("stopwords")`` reads ``data/stopwords.txt``: one entry per line, ``#`` starts a comment, blank
  lines are skipped, entries are kept as written (multi-word entries allowed).
- ``table("places")`` reads ``data/places.toml`` (``tomllib``): structured lists such as country → aliases.

``lexicon_hash()`` is the sha256 of every data file (name and bytes, in name order); it is part of the
settings hash and of every brief's provenance, so editing a list changes what a brief says it was made with.
Errors: a missing file raises ``FileNotFoundError``; malformed TOML raises ``tomllib.TOMLDecodeError``.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any, Iterable

DATA_DIR = Path(__file__).parent / "data"
_DATA_SUFFIXES = (".txt", ".toml")


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Entries of ``data/<name>.txt`` in file order (comments and blank lines dropped)."""
    lines = (DATA_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    entries = (line.split("#", 1)[0].strip() for line in lines)
    return tuple(entry for entry in entries if entry)


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words`` (no group around it): each escaped, a space matching any run of
    white space, longest first so "think tanks" beats "think" and "back-to-back" beats "back"; a repeated word once.
    The project's one such builder (s68: it was written again in eight modules)."""
    unique = sorted(dict.fromkeys(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


@cache
def word_set(name: str) -> frozenset[str]:
    """Entries of ``data/<name>.txt`` as a frozenset."""
    return frozenset(word_list(name))


@cache
def table(name: str) -> dict[str, Any]:
    """The parsed ``data/<name>.toml``."""
    with (DATA_DIR / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def data_files() -> list[Path]:
    """Every lexicon data file, sorted by name."""
    return sorted(p for p in DATA_DIR.iterdir() if p.suffix in _DATA_SUFFIXES and p.is_file())


def files_hash(paths: Iterable[Path]) -> str:
    """sha256 hex digest over the names and bytes of ``paths``, in the order given (stable across runs and machines)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def lexicon_hash() -> str:
    """sha256 hex digest over the names and bytes of all data files (``files_hash`` of ``data_files()``)."""
    return files_hash(data_files())
