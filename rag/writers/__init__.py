"""Writers turn evidence into a Draft (sections of cited claims); the pipeline verifies and assembles it."""

from rag.writers.base import (
    CitedSpan,
    Draft,
    DraftClaim,
    DraftSection,
    EvidencePassage,
    Writer,
)

__all__ = ["CitedSpan", "Draft", "DraftClaim", "DraftSection", "EvidencePassage", "Writer"]
