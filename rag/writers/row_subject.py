"""A table row is about its table's subject: it answers a question only through that subject or its own cells.

s65's new user F4: a Markdown table's rows, stored one line each ("Technology: Quantum; Prohibited: quantum
computers, …": ``rag.text.tables``), led answers to questions about another story ("Which technologies did MOTIE
designate as national core technologies?", "What is the maximum prison term for leaking a national core
technology?") because the row's column names ("Technology", "Prohibited") repeat the question's words. A column name
is the table's heading, not the row's subject: a row shares the question's key terms through its own cells
(``tables.without_column_names``) or through what the table is about, its document's title and the caption line
right above the table ("Thresholds under the final rule:"). A row sharing none of them is off the question's subject.

Shapes: strings in, bool out. Errors: none.
"""

from __future__ import annotations

from rag.text.tables import is_table_row, without_column_names
from rag.writers.key_terms import stems

__all__ = ["row_off_subject", "table_caption"]


def table_caption(chunk_text: str, row_start: int) -> str:
    """The line right above the table whose row starts at ``row_start`` (a character offset into ``chunk_text``): the
    first non-empty line before it that is not itself a row of the table ("" when none)."""
    lines = chunk_text[:row_start].split("\n")
    for line in reversed(lines[:-1] if lines and not lines[-1].strip() else lines):
        if line.strip() and not is_table_row(line):
            return line.strip()
    return ""


def row_off_subject(asked: frozenset[str] | set[str], row: str, title: str, caption: str) -> bool:
    """Whether table row ``row`` is off the subject of a question whose key-term stems are ``asked``: it is a row
    (``tables.is_table_row``) and none of ``asked`` is a stem of its cells (column names left out), of its document's
    ``title`` or of its table's ``caption``. False for any other sentence, and for a question with no key terms."""
    if not asked or not is_table_row(row):
        return False
    return not (set(asked) & (stems(without_column_names(row)) | stems(title) | stems(caption)))
