"""Detect instruction-like text in untrusted corpus documents (prompt injection)."""

from __future__ import annotations

import re

_PATTERNS = [
    r"\b(?:ignore|disregard|forget|override)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|all|any|your)\b[^.\n]{0,20}\b(?:instructions?|directions?|prompts?|rules?|guidelines?)\b",
    r"^\s*(?:system|assistant|developer)\s*(?:prompt|message)?\s*:",
    r"\byou are now\b",
    r"\bnew (?:instructions?|rules?|system prompt)\s*:",
    r"<\|(?:im_start|im_end|system|endoftext)\|>|<start_of_turn>|<end_of_turn>|\[/?INST\]|<</?SYS>>",
    r"\bas an ai (?:language )?model\b",
    r"\b(?:language model|assistant|ai)s? (?:must|should) (?:now )?(?:write|say|answer|respond|state)\b",
    r"\b(?:write|say|state|answer|respond) (?:only )?that\b[^.\n]{0,80}\b(?:instead|regardless)\b",
]
_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE | re.MULTILINE)


def instruction_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text that address an AI system with instructions."""
    return [m.span() for m in _RE.finditer(text or "")]


def is_instruction_like(text: str) -> bool:
    """True when the text tries to instruct a model ("ignore previous instructions", fake SYSTEM: lines, ...)."""
    return bool(_RE.search(text or ""))
