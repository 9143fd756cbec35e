"""Tables as lines that can be read, searched and quoted one row at a time, each cell with its column's name.

HTML extraction (trafilatura) and Markdown write a table as pipe rows::

    | Company | City | Sector |
    |---|---|---|
    | Shanghai Micro Electronics Equipment | Shanghai | Lithography tools |

A row alone ("| Shanghai Micro Electronics Equipment | Shanghai | Lithography tools |") does not say which value is
the city, and its pipes are no sentence: answers and briefs passed it over (a question about the lithography maker a
list named abstained), and a cited row meant nothing without its header. ``linearize_tables`` writes each row as
one line naming its cells by their columns ("Company: Shanghai Micro Electronics Equipment; City: Shanghai; Sector:
Lithography tools."), the way table-to-text and table QA systems feed rows to a reader (e.g. Herzig et al. 2020,
TAPAS; Chen et al. 2020, "TabFact": "row i, column is value"). Which first row is a header:

- the row before a ``|---|`` separator (Markdown's and trafilatura's mark of ``<th>`` cells);
- otherwise a first row of at least two cells, every one filled, short (at most ``HEADER_MAX_WORDS`` words) and
  without digits but for years ("2022", "FY2023"), above at least two rows: a header written with ``<td>`` cells;
- a first row with a single filled cell across several columns is the table's caption, kept as its own line.

A row of two cells under no header reads as "label: value" (key-value tables: "Fine: up to 3 million yen."); other
rows join their cells with "; ". A one-column table is its cells, one line each (layout tables holding prose).
"""

from __future__ import annotations

import re

_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_SEPARATOR = re.compile(r"^\s*\|(?:\s*:?-+:?\s*\|)+\s*$")  # GFM: a cell of one or more hyphens, a colon either side to align
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"^(?:FY\s?)?(?:19|20)\d\d$")  # a column per year: "2022", "FY2023"
_END = re.compile(r"[.!?。！？:;,)）」』\"'”’]$")
HEADER_MAX_WORDS = 4


#: a row as ``linearize_tables`` writes it under a header: "Name: value; Name: value." (two or more named cells)
_ROW_LINE = re.compile(r"^[^:;\n]{1,40}: [^;\n]+(?:; [^:;\n]{1,40}: [^;\n]+)+[.!?]?$")


def is_table_row(text: str) -> bool:
    """Whether ``text`` is one table row as ``linearize_tables`` writes it under a header ("Company: SMEE; City:
    Shanghai; Sector: Lithography tools."): a fact to quote, though it has no verb and its words are capitalised.
    Every column name is a header cell's kind (at most ``HEADER_MAX_WORDS`` words, not starting lower-case), so a
    headline with colons and a semicolon ("Park flooding: Waters 'still raging'; more than 10,000 visitors
    evacuated: What we know") is none."""
    text = text.strip()
    if not _ROW_LINE.match(text):
        return False
    return all(len(label.split()) <= HEADER_MAX_WORDS and not label[:1].islower() for label, _ in named_cells(text))


def named_cells(row: str) -> list[tuple[str, str]]:
    """(column name, value) of each cell of a row as ``linearize_tables`` writes it ("Company: SMEE; City:
    Shanghai." → [("Company", "SMEE"), ("City", "Shanghai.")]: the row's closing stop stays on its last value); for
    a line ``is_table_row`` accepts."""
    return [(label, value) for label, _, value in (part.partition(": ") for part in row.strip().split("; "))]


def without_column_names(text: str) -> str:
    """``text`` with each table row's column names left out ("Technology: HBM stacks; Effective date: October 1."
    → "HBM stacks; October 1."): the names repeat on every row, so counted as the text's words they read as what it
    is about (a brief's topics were "Effective date · Licence threshold"). Other lines are left as they are."""
    if ": " not in text:
        return text
    return "\n".join("; ".join(value for _, value in named_cells(line)) if is_table_row(line) else line
                     for line in text.split("\n"))


def column_name_words(text: str) -> frozenset[str]:
    """The lower-case words of the column names of ``text``'s table rows ("Agency: Ministry of Trade; Licences
    issued: 3,120." → {"agency", "licences", "issued"}); empty when it has none. A row's column names label its
    cells; a restatement of the row puts its own words (an article, a verb) where they stand."""
    if ": " not in text:
        return frozenset()
    return frozenset(w.lower() for line in text.split("\n") if is_table_row(line)
                     for label, _ in named_cells(line) for w in re.findall(r"\w+", label))


def cells(row: str) -> list[str]:
    """The cells of one pipe row, stripped ("| a | b |" → ["a", "b"]); an escaped pipe (``\\|``) stays in its cell."""
    inner = _ROW.match(row).group(1)  # type: ignore[union-attr]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]


def linearize_tables(text: str) -> str:
    """``text`` with every block of pipe rows (two or more consecutive lines) written as one line per row (see the
    module docstring; a block holds several tables when a separator or a change in the number of cells says so);
    other lines, and a single pipe line, are left as they are."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _ROW.match(lines[j]):
            j += 1
        if j - i >= 2:
            out.extend(_table_lines(lines[i:j]))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


def _tables(block: list[str]) -> list[list[str]]:
    """A block of consecutive pipe lines cut into its tables: a new one starts at a row followed by a separator
    (its header) and at a row whose number of cells differs from the row before."""
    starts = [0]
    for i in range(1, len(block)):
        if _SEPARATOR.match(block[i]):
            continue
        header_here = i + 1 < len(block) and bool(_SEPARATOR.match(block[i + 1]))
        previous = next(k for k in range(i - 1, -1, -1) if not _SEPARATOR.match(block[k]))
        if header_here or len(cells(block[i])) != len(cells(block[previous])):
            starts.append(i)
    return [block[a:b] for a, b in zip(starts, starts[1:] + [len(block)])]


def _table_lines(block: list[str]) -> list[str]:
    return [line for table in _tables(block) for line in _one_table(table)]


def _one_table(block: list[str]) -> list[str]:
    marked = len(block) > 1 and bool(_SEPARATOR.match(block[1]))
    rows = [cells(line) for line in block if not _SEPARATOR.match(line)]
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    out: list[str] = []
    first = rows[0]
    filled = [c for c in first if c]
    header: list[str] | None = None
    if len(first) >= 2 and len(filled) == 1 and len(rows) > 1:
        out.append(filled[0])  # a caption spanning the columns
        rows = rows[1:]
    elif len(first) >= 2 and (marked or _looks_like_header(rows)):
        header, rows = first, rows[1:]
    out.extend(_row_line(row, header) for row in rows)
    return [line for line in out if line]


def _looks_like_header(rows: list[list[str]]) -> bool:
    first = rows[0]
    return (len(rows) >= 3 and all(first) and all(len(c.split()) <= HEADER_MAX_WORDS for c in first)
            and not any(_DIGIT.search(c) and not _YEAR.match(c) for c in first))


def _row_line(row: list[str], header: list[str] | None) -> str:
    filled = [(k, c) for k, c in enumerate(row) if c]
    if not filled:
        return ""
    if header is not None:
        parts = [f"{header[k]}: {c}" if k < len(header) and header[k] and header[k] != c else c for k, c in filled]
    elif len(row) == 2 and len(filled) == 2:
        parts = [f"{row[0]}: {row[1]}"]
    else:
        parts = [c for _, c in filled]
    line = "; ".join(parts)
    return line if _END.search(line) else line + "."
