"""Citation markers in model-written text: ``[S1]``, ``[S1, S3]``, ``[1]``, ``(S2)`` read into evidence ids, and
the replies that say the evidence does not answer (``NO_EVIDENCE`` or "the passages do not mention ...")."""

from __future__ import annotations

import re

from rag.brief import NO_EVIDENCE
from rag.text.sentences import split_sentences

__all__ = ["is_no_evidence", "parse_cited_text", "says_evidence_does_not_answer", "source_id", "source_ids",
           "without_markers"]

_ID_RE = re.compile(r"(?:S|SOURCE|SRC)?#?0*(\d+)")
_MARK_ID = r"[Ss]?\s*\d+"
_MARK_SEP = r"\s*(?:,|;|&|and)\s*"
# [S1]  [S1, S3]  [1]  (S2)  (S1; S4) — parentheses need the S so "(3)" list numbers are left alone.
_MARKER_RE = re.compile(
    rf"\[\s*{_MARK_ID}(?:{_MARK_SEP}{_MARK_ID})*\s*\]"
    rf"|\(\s*[Ss]\s*\d+(?:{_MARK_SEP}{_MARK_ID})*\s*\)"
)
_LEADING_MARKERS_RE = re.compile(rf"^(?:\s*(?:{_MARKER_RE.pattern}))+\s*")
_DOES_NOT_ANSWER_RE = re.compile(
    r"\b(?:evidence|passages?|sources?|corpus|documents?)\b[^.]{0,60}?"
    r"\b(?:does not|doesn't|do not|don't|did not|cannot|can't)\b[^.]{0,30}?"
    r"\b(?:answer|address|mention|contain|say|cover|include|provide|discuss)"
    r"|^(?:there is |there's )?no (?:relevant |direct )?(?:evidence|information)\b",
    re.IGNORECASE,
)


def source_id(raw: str) -> str | None:
    """'S3', '[S3]', 's3', '3', 'S 03', '(S3)' → 'S3'; None when it is not a single id."""
    s = re.sub(r"\s+", "", str(raw)).strip("[]()【】<>\"'").upper()
    m = _ID_RE.fullmatch(s)
    return f"S{m.group(1)}" if m else None


def source_ids(raw: str) -> list[str]:
    """Ids in one ``sources`` entry: usually one, sometimes 'S1, S3' or '[S1][S3]' (unparseable: ``[raw]``)."""
    one = source_id(raw)
    if one is not None:
        return [one]
    out = []
    for piece in re.split(r"[\s,;\[\]()]+|\band\b", str(raw)):
        if piece and (n := source_id(piece)) is not None:
            out.append(n)
    return out if out else [str(raw).strip()]  # unparseable: kept raw so it is reported as unknown


def without_markers(text: str) -> str:
    """``text`` with every citation marker replaced by a space."""
    return _MARKER_RE.sub(" ", text)


def _marker_ids(marker: str) -> list[str]:
    return [f"S{int(d)}" for d in re.findall(r"\d+", marker)]


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", without_markers(text)).strip()
    text = re.sub(r"\s+([.,;:!?…])", r"\1", text)
    return text


def parse_cited_text(text: str) -> list[tuple[str, list[str]]]:
    """Sentences of ``text`` with their citation markers: ``[(sentence without markers, ['S1', ...])]``.

    Markers at the start of a sentence (``"... in May. [S1] Next ..."``) belong to the sentence before.
    """
    out: list[tuple[str, list[str]]] = []
    for sent in split_sentences(text):
        body = sent.text
        lead = _LEADING_MARKERS_RE.match(body)
        if lead and out:
            out[-1][1].extend(i for i in _marker_ids(lead.group(0)) if i not in out[-1][1])
            body = body[lead.end():]
        ids: list[str] = []
        for m in _MARKER_RE.finditer(body):
            ids.extend(i for i in _marker_ids(m.group(0)) if i not in ids)
        clean = _clean(body)
        if re.search(r"\w", clean):
            out.append((clean, ids))
        elif ids and out:  # a sentence made only of markers
            out[-1][1].extend(i for i in ids if i not in out[-1][1])
    return out


def is_no_evidence(text: str) -> bool:
    """Whether ``text`` starts with the ``NO_EVIDENCE`` sentence (quotes, bullets and case ignored)."""
    return text.lstrip(" \t\n\"'“‘*>-").casefold().startswith(NO_EVIDENCE.casefold())


def says_evidence_does_not_answer(sentence: str) -> bool:
    """Whether a sentence says the evidence does not answer ("the passages do not mention ...", "no evidence ...")."""
    return _DOES_NOT_ANSWER_RE.search(sentence) is not None
