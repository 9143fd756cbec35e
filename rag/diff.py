"""Compare the claims of two Briefs: what was added, dropped or reworded (pure; no I/O, no models).

Claims are matched on their text. Identical text (after case and whitespace folding) is *unchanged*;
remaining pairs whose ``difflib.SequenceMatcher`` ratio reaches ``threshold`` (0.6 by default) are
*changed*, best pairs first, each claim used at most once; the rest of the old brief is *dropped* and
the rest of the new one *added*. Claims may move between sections and still match; the section of
each side is reported. Timeline entries take part with the section name ``"timeline"``.
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass, field
from typing import Any

from rag.brief import Brief, Claim

DEFAULT_THRESHOLD = 0.6


@dataclass(frozen=True)
class ClaimRef:
    """One claim of a brief, located by its section and position."""

    section: str
    position: int
    text: str
    sources: tuple[str, ...] = ()  # doc ids the claim cites

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["sources"] = list(self.sources)
        return d


@dataclass(frozen=True)
class ChangedClaim:
    before: ClaimRef
    after: ClaimRef
    ratio: float

    def to_dict(self) -> dict[str, Any]:
        return {"before": self.before.to_dict(), "after": self.after.to_dict(), "ratio": round(self.ratio, 4)}


@dataclass
class BriefDiff:
    base_id: str
    other_id: str
    added: list[ClaimRef] = field(default_factory=list)
    dropped: list[ClaimRef] = field(default_factory=list)
    changed: list[ChangedClaim] = field(default_factory=list)
    unchanged: list[tuple[ClaimRef, ClaimRef]] = field(default_factory=list)
    threshold: float = DEFAULT_THRESHOLD

    def to_dict(self) -> dict[str, Any]:
        return {
            "base_id": self.base_id,
            "other_id": self.other_id,
            "threshold": self.threshold,
            "added": [c.to_dict() for c in self.added],
            "dropped": [c.to_dict() for c in self.dropped],
            "changed": [c.to_dict() for c in self.changed],
            "unchanged": len(self.unchanged),
        }


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def claim_refs(brief: Brief) -> list[ClaimRef]:
    """Every claim of the brief (sections in order, then the timeline) as a ClaimRef."""

    def ref(section: str, position: int, claim: Claim) -> ClaimRef:
        docs = tuple(dict.fromkeys(c.doc_id for c in claim.citations))
        return ClaimRef(section=section, position=position, text=claim.text, sources=docs)

    refs = [ref(s.name, i, c) for s in brief.sections for i, c in enumerate(s.claims)]
    refs += [ref("timeline", i, c) for i, c in enumerate(brief.timeline)]
    return refs


def diff_claims(old: list[ClaimRef], new: list[ClaimRef], *, threshold: float = DEFAULT_THRESHOLD) -> BriefDiff:
    """Match two claim lists; see the module docstring. Deterministic for equal inputs."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    result = BriefDiff(base_id="", other_id="", threshold=threshold)
    old_left = list(range(len(old)))
    new_left = list(range(len(new)))

    # 1. identical text (first unused occurrence on each side)
    by_text: dict[str, list[int]] = {}
    for j in new_left:
        by_text.setdefault(_fold(new[j].text), []).append(j)
    still_old = []
    used_new: set[int] = set()
    for i in old_left:
        candidates = by_text.get(_fold(old[i].text))
        if candidates:
            j = candidates.pop(0)
            used_new.add(j)
            result.unchanged.append((old[i], new[j]))
        else:
            still_old.append(i)
    still_new = [j for j in new_left if j not in used_new]

    # 2. similar text: all pairs at or above the threshold, best first
    pairs: list[tuple[float, int, int]] = []
    for i in still_old:
        a = _fold(old[i].text)
        for j in still_new:
            b = _fold(new[j].text)
            matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            r = matcher.ratio()
            if r >= threshold:
                pairs.append((r, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    matched: dict[int, tuple[int, float]] = {}
    matched_new: set[int] = set()
    for r, i, j in pairs:
        if i in matched or j in matched_new:
            continue
        matched[i] = (j, r)
        matched_new.add(j)
    result.changed = [ChangedClaim(before=old[i], after=new[j], ratio=r) for i, (j, r) in sorted(matched.items())]

    # 3. the rest
    result.dropped = [old[i] for i in still_old if i not in matched]
    result.added = [new[j] for j in still_new if j not in matched_new]
    return result


def diff_briefs(base: Brief, other: Brief, *, threshold: float = DEFAULT_THRESHOLD) -> BriefDiff:
    """Claims of ``other`` compared with ``base``: added (only in other), dropped (only in base), changed."""
    result = diff_claims(claim_refs(base), claim_refs(other), threshold=threshold)
    result.base_id = base.id
    result.other_id = other.id
    return result
