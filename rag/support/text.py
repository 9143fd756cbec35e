"""Text normalisation for the support checker (sentences come from ``rag.text.sentences``)."""

from __future__ import annotations

import re
import unicodedata

# --------------------------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------------------------

_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": " - ",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
# Citation markers the brief generator may leave in a claim: [1], [2, 3], [S1], [doc-2].
_CITATION_RE = re.compile(r"\[\s*[\w.\-]{0,12}\d[\w.\-]*(?:\s*[,;]\s*[\w.\-]{0,12}\d[\w.\-]*)*\s*\]")


def _normalize(text: str) -> str:
    """NFKC, straight quotes, ASCII hyphens and spaces (so "Japan\u2019s" and "Japan's" compare equal)."""
    return unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
