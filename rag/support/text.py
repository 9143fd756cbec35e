"""Sentence splitting for the support checker (text is compared in ``rag.text.normalize.compat_form``)."""

from __future__ import annotations

import re

from rag.text.normalize import compat_form

# --------------------------------------------------------------------------------------------
# Sentence splitting
# --------------------------------------------------------------------------------------------

# Citation markers the brief generator may leave in a claim: [1], [2, 3], [S1], [doc-2].
_CITATION_RE = re.compile(r"\[\s*[\w.\-]{0,12}\d[\w.\-]*(?:\s*[,;]\s*[\w.\-]{0,12}\d[\w.\-]*)*\s*\]")


_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen gov sen rep rev col lt sgt capt cmdr adm pres sec dept
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros no nos vol vols fig figs p pp ed eds approx est vs etc al
    e.g i.e u.s u.k u.n a.m p.m""".split()
)
# Abbreviations that are also words ("he said no.", "under the sun."): only before a number.
_ABBREV_BEFORE_NUMBER = frozenset("no nos mar sun sat wed fig figs p pp vol vols ed est".split())
_SENT_END_RE = re.compile(r"([.!?]+[\"')\]]*)(\s+)(?=[\"'(\[]?[A-Z0-9\u3040-\u9fff])")
_CJK_END_RE = re.compile(r"(?<=[\u3002\uff01\uff1f])")
_BULLET_RE = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u25e6\u2023*\-]+|\(?\d{1,2}[.)])\s+")


def split_sentences(text: str) -> list[str]:
    """Split text into sentences: lines first, then terminal punctuation, minding abbreviations.

    Handles "U.S.", "Mar. 31", "Prof. Lee", initials ("J. Smith"), bullets and CJK full stops.
    Lines that were hard-wrapped mid-sentence (next line starts lower-case) are re-joined.
    """
    text = compat_form(text or "")
    lines = [ln.strip() for ln in text.splitlines()]
    merged: list[str] = []
    for ln in lines:
        if not ln:
            merged.append("")
            continue
        ln = _BULLET_RE.sub("", ln)
        if merged and merged[-1] and not re.search(r"[.!?:;\"')\u3002]$", merged[-1]) and ln[:1].islower():
            merged[-1] = merged[-1] + " " + ln
        else:
            merged.append(ln)
    out: list[str] = []
    for ln in merged:
        if not ln:
            continue
        ln = re.sub(r"\s+", " ", ln)
        pieces: list[str] = []
        start = 0
        for m in _SENT_END_RE.finditer(ln):
            before = ln[start : m.start(1)]
            last = before.rsplit(" ", 1)[-1].lstrip("\"'([").lower()
            punct = m.group(1)
            if punct.startswith(".") and len(punct.rstrip("\"')]")) == 1:
                nxt_digit = ln[m.end() : m.end() + 1].isdigit()
                ambiguous = last in _ABBREV_BEFORE_NUMBER and not nxt_digit  # "he said no."
                if not ambiguous and (
                    last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", last)
                ):
                    continue
            pieces.append(ln[start : m.end(1)].strip())
            start = m.end()
        pieces.append(ln[start:].strip())
        for piece in pieces:
            out.extend(p.strip() for p in _CJK_END_RE.split(piece) if p.strip())
    return [s for s in out if re.search(r"\w", s)]
