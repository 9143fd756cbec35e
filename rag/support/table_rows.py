"""A table cell's amount said of another row: "The United States will provide $2.5 billion in loan guarantees" over
a table whose loan-guarantee row gives $800 million and whose co-financing row gives $2.5 billion (s67 fresh user
F2). A row's amount is bound to that row's subject, as a sentence's figure to its clause's.

``other_row_figure(claim, passage)``: the passage's tables are read row by row (``rag.text.tables``: each row one
line naming its cells by their columns); a claim amount (with a unit or currency) that one row holds is another
row's when a row holding no such amount shares strictly more of the claim's content words (stems, the column names
left out) and gives an amount of the same unit or currency. None when the passage has no table or the claim's row
holds its amount.
"""

from __future__ import annotations

import re

from rag.support.lexicon import STOPWORDS
from rag.text.numbers import Quantity, find_quantities, measure
from rag.text.tables import is_table_row, linearize_tables, without_column_names
from rag.text.tokens import stem

__all__ = ["other_row_figure"]

_WORD = re.compile(r"[A-Za-z][\w-]*")


def _stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS}


def other_row_figure(claim: str, passage: str) -> str | None:
    """A reason ("binding: the passage's row '<row>' gives <amount> (the claim <amount>, another row's)") when the
    claim's amount is another table row's; None otherwise (see the module)."""
    if "|" not in passage:
        return None
    rows = [without_column_names(line) for line in linearize_tables(passage).split("\n") if is_table_row(line)]
    if len(rows) < 2:
        return None
    claimed = [q for q in find_quantities(claim) if q.unit or q.currency]
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
