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

import re

from rag.text.tables import is_table_row, named_cells, without_column_names
from rag.writers.key_terms import key_terms, stem, stems

__all__ = ["prose_names_more", "restricted_rows", "row_off_subject", "table_about", "table_caption"]


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


def _cell_stems(row: str) -> frozenset[str]:
    return frozenset(stems(without_column_names(row)))


def table_about(rows: list[str], subject: str) -> set[str]:
    """The stems of what every row of a table is about: its ``subject`` (its document's title and caption) and its
    column names; they restrict no row."""
    return set(stems(subject)) | {t.stem for t in key_terms(subject)} | {
        s for r in rows if is_table_row(r) for label, _ in named_cells(r) for s in stems(label)}


def restricted_rows(restriction: frozenset[str] | set[str], rows: list[str], subject: str | None = None) -> list[int]:
    """The indices of ``rows`` (one table's rows, in order) whose cells hold most of the question's ``restriction``
    (key-term stems beyond the asked class), among the stems some rows hold and others not: "Which entities did BIS
    add for *hypersonic* weapons?" keeps "…; Reason given by BIS: hypersonic wind-tunnel testing." and drops the
    quantum rows (s66's user, F16: the first rows were quoted by position). All of them when no row holds a stem
    that another lacks. ``subject`` (the table's title and caption), when given: its stems and the column names
    (``table_about``) are no restriction ("How much will the two sides *co-finance* under the US-Korea MOU?" keeps
    the co-financing row, not the row naming the US, under a title naming both). Shapes: stems and row texts in,
    indices out, in the rows' order."""
    if subject is not None:
        restriction = set(restriction) - table_about(rows, subject)
    held = [_cell_stems(r) & set(restriction) for r in rows]
    shared = set.intersection(*map(set, held)) if held else set()
    counts = [len(h - shared) for h in held]
    best = max(counts, default=0)
    return [k for k, n in enumerate(counts) if n == best] if best else list(range(len(rows)))


def prose_names_more(restriction: frozenset[str] | set[str], rows: list[str],
                     prose: list[tuple[str, frozenset[str] | set[str]]], subject: str = "",
                     members: frozenset[str] = frozenset()) -> bool:
    """Whether a sentence of the rows' document (``prose``: (text, stems), not rows) names members of the table (the
    first word of a row's first cell, no place: "QuantaCore" of "Entity: QuantaCore Instruments Ltd.; …"; or the
    asked class's noun ``members``, stems, in lower case, with a name that is no place: "Two of the *companies*,
    QuantaCore and …", not "the Entity List" nor "Two firms shipped … to Iran") and holds more of ``restriction`` than any row's cells, counting only
    stems beyond the table's ``subject`` (its document's title, its caption and its column names: what every row is
    about): "Two of the companies, QuantaCore and Anhui Cryo-Systems, bought U.S.-made cryogenic components through a
    distributor in Singapore" answers "Which companies bought U.S. cryogenic components through Singapore?" better
    than the row whose reason is "cryogenic amplifiers …"."""
    restriction = set(restriction) - table_about(rows, subject)
    if not restriction or not rows:
        return False
    best = max(len(_cell_stems(r) & restriction) for r in rows)
    names = {first for r in rows if is_table_row(r) and named_cells(r) and (first := _name_word(named_cells(r)[0][1]))}
    return any(len(set(s) & restriction) > best
               and (any(re.search(rf"\b{re.escape(n)}\b", text) for n in names)
                    or (any(stem(w) in members for w in re.findall(r"\b[a-z]+\b", text))
                        and any(_name_word(w) for w in text.split()[1:])))
               for text, s in prose)


def _name_word(cell: str) -> str | None:
    """The first word of a member's name in a row's first cell when it is no place ("QuantaCore" of "QuantaCore
    Instruments Ltd."; "Hefei" of "Hefei Quantum Photonics Co." names a city, which prose names of other things)."""
    from rag.writers.list_members import names_place

    word = cell.split()[0].strip(".,;") if cell.split() else ""
    return word if word[:1].isupper() and not names_place(word) else None
