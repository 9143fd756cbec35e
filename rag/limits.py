"""Input limits (``limits.*`` settings) enforced while reading: file bytes before the read, extracted text after."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rag.errors import LimitError

if TYPE_CHECKING:
    from rag.config import LimitsSettings


def check_text_size(text: str, limits: LimitsSettings) -> None:
    """Raise ``LimitError`` when extracted text is longer than ``limits.max_text_chars``."""
    if isinstance(text, str) and len(text) > limits.max_text_chars:
        raise LimitError(f"extracted text of {len(text):,} characters exceeds limits.max_text_chars ({limits.max_text_chars:,})")


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; ``LimitError`` before reading when it is larger than ``max_bytes`` (also if it grows)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise LimitError(f"file of {size:,} bytes exceeds limits.max_file_bytes ({max_bytes:,})")
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)  # stat can be stale or 0 (pipes, /proc): never read past the limit
    if len(data) > max_bytes:
        raise LimitError(f"file exceeds limits.max_file_bytes ({max_bytes:,})")
    return data
