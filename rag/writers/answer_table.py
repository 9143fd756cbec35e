"""A question asking for the members of a class answered by the column of a table that lists them.

"Which companies get Japanese subsidies for new chip plants?" over a table of planned fabs (columns Company, Site,
Subsidy, Start; rows stored one line each, "Company: Rapidus; Site: Chitose, Hokkaido; …", ``rag.text.tables``) was
answered "none gives the name the question asks for": no row is a sentence naming a company, and the one row quoted
for "Which technologies need an export licence?" named one of four. A row whose column is the asked class (its name
is the class noun, "Company" for "companies", or a noun counting the same members, "Firm" for "companies":
``member_classes.toml``) gives a member; a question asking for several ("companies", a list) is answered by every
row of that table the evidence holds, in the table's order.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Sequence

from rag.text.lexicon import table
from rag.text.tables import is_table_row, named_cells
from rag.writers.candidates import Candidate
from rag.writers.key_terms import stem as stem_word

__all__ = ["asks_several", "class_column", "column_rows"]


@cache
def _groups() -> tuple[frozenset[str], ...]:
    """The stems of each ``member_classes.toml`` group (singular and plural forms)."""
    return tuple(frozenset(stem_word(w) for w in group) | frozenset(stem_word(w + "s") for w in group)
                 for group in table("member_classes")["groups"])


def _counts_as(label: str, class_stems: frozenset[str]) -> bool:
    """Whether a column named ``label`` ("Company", "Technology", "Item") names the asked class: its last word's stem
    is one of ``class_stems`` or of the same ``member_classes`` group."""
    words = label.split()
    if not words:
        return False
    head = stem_word(words[-1].lower())
    return head in class_stems or any(head in g and g & class_stems for g in _groups())


def class_column(text: str, class_stems: frozenset[str]) -> str | None:
    """The name of the column of table row ``text`` ("Company: Rapidus; Site: …") that names the asked class, or
    None (no row, or no such column)."""
    if not class_stems or not is_table_row(text):
        return None
    return next((label for label, _ in named_cells(text) if _counts_as(label, class_stems)), None)


def column_rows(cands: Sequence[Candidate], class_stems: frozenset[str], docs: Sequence[str]) -> list[int]:
    """The indices of the rows of one table that lists the asked class, in the table's order: of the first of
    ``docs`` (the documents in order of relevance) holding such rows, the rows sharing the columns of its first such
    row (one table, not another table of the same page). Empty when none holds one."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        if class_column(c.text, class_stems) is not None:
            by_doc[c.doc_id].append(i)
    for doc in docs:
        rows = sorted(by_doc.get(doc, []), key=lambda i: (cands[i].passage.chunk.start + cands[i].local_start))
        if rows:  # one table: the rows naming the class under the first row's column (a row may leave a cell empty)
            column = class_column(cands[rows[0]].text, class_stems)
            return [i for i in rows if class_column(cands[i].text, class_stems) == column]
    return []


def asks_several(question: str, class_stems: frozenset[str]) -> bool:
    """Whether ``question`` asks for several members of its class: it names the class in the plural ("Which
    *companies* …", "What *items* …")."""
    words = [w.strip("?,.:;'’").lower() for w in question.split()]
    return any(w.endswith("s") and not w.endswith("ss") and stem_word(w) in class_stems for w in words)
