"""Citation markers a claim may carry, removed before the support checker compares it."""

from __future__ import annotations

import re


# --------------------------------------------------------------------------------------------
# Citation markers
# --------------------------------------------------------------------------------------------

# Citation markers the brief generator may leave in a claim: [1], [2, 3], [S1], [doc-2].
CITATION_RE = re.compile(r"\[\s*[\w.\-]{0,12}\d[\w.\-]*(?:\s*[,;]\s*[\w.\-]{0,12}\d[\w.\-]*)*\s*\]")


