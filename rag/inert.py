"""JSON text that carries corpus text inert: control and bidi characters written as ``\\uXXXX`` escapes.

``json.dumps(ensure_ascii=False)`` and pydantic's ``model_dump_json`` escape C0 controls but write DEL, C1
controls (e.g. U+009B, a one-byte CSI to many terminals) and bidi embedding/override/isolate controls raw, so
``curl`` or ``brief ask -f json`` in a terminal would let a hostile title reorder or recolour what the reader
sees. The escaped form decodes to exactly the same strings.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Outside JSON strings only ASCII structure and whitespace occur, so every match is inside a string.
_RAW_IN_JSON = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def inert_json_text(text: str) -> str:
    """A JSON document (str) with DEL, C0/C1 controls and bidi controls inside its strings as ``\\uXXXX``."""
    return _RAW_IN_JSON.sub(_escaped, text)


def inert_dumps(obj: Any, **kwargs: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False, **kwargs)`` with the characters above escaped."""
    return inert_json_text(json.dumps(obj, ensure_ascii=False, **kwargs))


# The same characters outside JSON (plain text, Markdown); CR and LF and tab stay.
_RAW_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible_controls(text: str) -> str:
    """Plain text with DEL, C0 (except tab/LF/CR), C1 and bidi controls shown as ``\\xNN``/``\\uNNNN``."""
    return _RAW_IN_TEXT.sub(_visible, text)
