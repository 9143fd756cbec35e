"""Pack retrieved evidence into the prompt's token budget (pure functions, no I/O).

Evidence is rendered as delimited blocks::

    <evidence id="S3" source="title — publisher — 2026-06-30">
    ...article text...
    </evidence>

Article text is untrusted: any ``<evidence`` / ``</evidence`` look-alike inside it (any case, with
whitespace or zero-width characters, full-width brackets) and chat-template control markers such as
``<|im_end|>`` or ``<start_of_turn>`` have their opening bracket replaced by ``&lt;``, so a passage can
neither close its own block nor open a forged one. Attribute values are XML-escaped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import rag  # noqa: F401  (sets TIKTOKEN_CACHE_DIR before tiktoken is used)

__all__ = ["EvidenceBlock", "count_tokens", "neutralize", "pack_evidence", "render_block", "render_evidence"]

DEFAULT_MODEL = "gpt-4o-mini"
BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class EvidenceBlock:
    """One passage offered to the model. ``header`` is e.g. ``'title — publisher — 2026-06-30'``."""

    source_id: str
    text: str
    header: str


# --------------------------------------------------------------------------- tokens


@lru_cache(maxsize=32)
def _encoding(model: str):
    import tiktoken

    try:
        return tiktoken.encoding_for_model(model)
    except KeyError:  # unknown names ("gemma", "llama3.1:8b", ...) get a generic BPE
        return tiktoken.get_encoding("cl100k_base")
    except Exception:  # noqa: BLE001 - e.g. o200k_base is not in the bundled offline cache and cannot download
        # cl100k_base ships with llama-index-core; counts differ from o200k by a few percent, fine for budgets.
        return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str, model: str = DEFAULT_MODEL) -> int:
    """tiktoken count for ``model`` (``cl100k_base`` for model names tiktoken does not know).

    Special-token text such as ``<|endoftext|>`` is counted as ordinary text, never rejected.
    """
    if not text:
        return 0
    return len(_encoding(model).encode(text, disallowed_special=()))


# --------------------------------------------------------------------------- rendering

_ZW = "\u200b\u200c\u200d\u2060\ufeff"
_LT = "<\uff1c\ufe64"  # '<', full-width '＜', small '﹤'
_GAP = rf"[\s{_ZW}]*"
# An opening bracket that starts an evidence tag or a chat-template control marker.
_DELIMITER_RE = re.compile(
    rf"[{_LT}](?={_GAP}/?{_GAP}evidence"  # <evidence, </evidence, < / EVIDENCE, <\u200b/evidence
    rf"|{_GAP}/?{_GAP}(?:start_of_turn|end_of_turn)"  # Gemma turns
    rf"|\|)",  # <|im_start|>, <|eot_id|>, <|endoftext|> ...
    re.IGNORECASE,
)


def neutralize(text: str) -> str:
    """Defuse delimiter look-alikes in untrusted text (the rest of the text is left untouched)."""
    return _DELIMITER_RE.sub("&lt;", text)


def _attr(value: str) -> str:
    value = " ".join(value.split())  # no newlines inside an attribute
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def render_block(block: EvidenceBlock) -> str:
    text = neutralize(block.text.strip("\n"))
    return f'<evidence id="{_attr(block.source_id)}" source="{_attr(block.header)}">\n{text}\n</evidence>'


def render_evidence(blocks: Sequence[EvidenceBlock]) -> str:
    """All blocks, in order, separated by blank lines."""
    return BLOCK_SEPARATOR.join(render_block(b) for b in blocks)


# --------------------------------------------------------------------------- packing

_SENTENCE_END_RE = re.compile(r"(?:[.!?…][\"'”’)\]]*\s)|[。！？]")


def _boundary_cut(text: str, cut: int) -> int:
    """Move ``cut`` back to a sentence end, else a word boundary, if that keeps at least half of it."""
    if cut >= len(text):
        return len(text)
    floor = cut // 2
    head = text[:cut]
    best = -1
    for m in _SENTENCE_END_RE.finditer(head):
        best = m.end()
    if best > floor:
        return len(head[:best].rstrip())
    ws = max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"))
    if ws > floor:
        return len(head[:ws].rstrip())
    # No usable boundary (e.g. CJK without spaces): cut between characters, never inside a
    # combining sequence.
    while cut > 0 and unicodedata.combining(text[cut]):
        cut -= 1
    return cut


def _truncate_to_fit(block: EvidenceBlock, budget_tokens: int, model: str) -> EvidenceBlock | None:
    """The longest prefix of ``block.text`` (ending on a boundary) whose rendered block fits, or None."""
    if count_tokens(render_block(replace(block, text="")), model) >= budget_tokens:
        return None
    lo, hi = 0, len(block.text)  # invariant: prefix of length lo fits
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if count_tokens(render_block(replace(block, text=block.text[:mid])), model) <= budget_tokens:
            lo = mid
        else:
            hi = mid - 1
    cut = _boundary_cut(block.text, lo)
    text = block.text[:cut].rstrip()
    if not text.strip():
        return None
    return replace(block, text=text)


def pack_evidence(
    blocks: Sequence[EvidenceBlock], *, budget_tokens: int, model: str = DEFAULT_MODEL
) -> list[EvidenceBlock]:
    """The leading blocks whose rendering fits in ``budget_tokens`` (tiktoken count for ``model``).

    Blocks are kept in the given (ranked) order and included whole until the next one does not fit;
    packing stops there. If even the first block does not fit it is truncated at a sentence or word
    boundary (its text stays a verbatim prefix of the original) instead of returning nothing.
    Guarantee: ``count_tokens(render_evidence(result), model) <= budget_tokens``.
    """
    if budget_tokens <= 0 or not blocks:
        return []
    # Extra tokens a separator adds between two rendered blocks (BPE may merge it with the ">" before it).
    tail, head = "</evidence>", "<evidence"
    sep = max(0, count_tokens(tail + BLOCK_SEPARATOR + head, model) - count_tokens(tail, model) - count_tokens(head, model))
    packed: list[EvidenceBlock] = []
    used = 0
    for block in blocks:
        cost = count_tokens(render_block(block), model) + (sep if packed else 0)
        if used + cost > budget_tokens:
            break
        packed.append(block)
        used += cost
    if not packed:
        first = _truncate_to_fit(blocks[0], budget_tokens, model)
        return [first] if first is not None else []
    # BPE merges across block boundaries can make the joint count differ slightly from the sum.
    while packed and count_tokens(render_evidence(packed), model) > budget_tokens:
        packed.pop()
    return packed
