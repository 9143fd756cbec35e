"""A table cell's amount said of another row: "The United States will provide $2.5 billion in loan guarantees" over
a table whose loan-guarantee row gives $800 million and whose co-financing row gives $2.5 billion (s67 fresh user
F2). A row's amount is bound to that row's subject, as a sentence's figure to its clause's.

``other_row_figure(claim, passage)``: the passage's tables are read row by row (``rag.text.tables``: each row one
line naming its cells by their columns, as ingest stores them; a passage with pipe rows is linearized first); a claim amount (with a unit or currency) that one row holds is another
row's when a row holding no such amount shares strictly more of the claim's content words (stems, the column names
left out) and gives an amount of the same unit or currency. None when the passage has no table or the claim's row
holds its amount.

A plain count (no unit or currency: "Shipments to Malaysia totalled 2,400" over a table whose Vietnam row gives
2,400 shipments and whose Malaysia row 1,750) is read the same way, against the rows' plain counts; a bare year
("2025") is no count.
"""

from __future__ import annotations

import re

from rag.support.lexicon import STOPWORDS
from rag.text.numbers import Quantity, find_quantities, measure
from rag.text.tables import is_table_row, linearize_tables, without_column_names
from rag.text.tokens import stem

__all__ = ["other_row_figure"]

_WORD = re.compile(r"[A-Za-z][\w-]*")
_BARE_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS}


def other_row_figure(claim: str, passage: str) -> str | None:
    """A reason ("binding: the passage's row '<row>' gives <amount> (the claim <amount>, another row's)") when the
    claim's amount is another table row's; None otherwise (see the module)."""
    # a passage as stored is already linearized ("Port: Busan; Cases: 61."): ingest writes every table so
    # (rag.loaders), so the rows are read whether or not pipes are left
    lines = (linearize_tables(passage) if "|" in passage else passage).split("\n")
    rows = [without_column_names(line) for line in lines if ": " in line and is_table_row(line)]
    if len(rows) < 2:
        return None
    claimed = [q for q in find_quantities(claim) if q.unit or q.currency or not _BARE_YEAR.fullmatch(q.text)]
    words = _stems(re.sub(r"\S*\d\S*", " ", claim))
    held = {row: find_quantities(row) for row in rows}
    for q in claimed:
        def same(x: Quantity, q: Quantity = q) -> bool:
            return measure(x) == measure(q) and abs(x.value - q.value) < 1e-9 * max(1.0, abs(q.value))
        holding = [r for r in rows if any(same(x) for x in held[r])]
        if not holding:
            continue
        best = max(len(words & _stems(r)) for r in holding)
        for row in rows:
            others = [x for x in held[row] if measure(x) == measure(q) and not same(x)]
            if row not in holding and others and len(words & _stems(row)) > best:
                return (f"binding: the passage's row '{row}' gives {others[0].text} (the claim {q.text}, "
                        "another row's)")
    return None
