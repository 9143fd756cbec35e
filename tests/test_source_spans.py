"""Citations a reader can find: every hit and citation locates its text in the original file, not only in the
stored (normalized, extracted, decoded) text.

For each format the loader reads, ``original[source_span]`` must contain the quote's words in order, where the
original is the decoded file (.txt/.md/.html), the record's line (.jsonl) or the page's extracted text (.pdf).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

import pytest

from pdfs import make_pdf
from rag.ingest import Ingestor
from rag.loaders import load_file
from rag.retrieve import HybridRetriever
from rag.text.align import Origin, SourceMap

WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def in_order(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(any(w == h for h in it) for w in needle)


def readable(original: str, kind: str) -> str:
    """What a reader sees in a slice of the original: tags dropped and entities decoded (HTML), escapes decoded (JSON)."""
    if kind == "html":
        return html.unescape(re.sub(r"<[^>]*>", " ", original))
    if kind == "jsonl":
        return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), original).replace("\\n", "\n").replace('\\"', '"')
    return original


def check_quotes(doc, original: str, kind: str, quotes: list[str], *, page_texts: list[str] | None = None) -> None:
    smap = SourceMap.from_bytes(SourceMap.build(doc.text, doc.origin).to_bytes())
    for quote in quotes:
        start = doc.text.index(quote)
        where = smap.locate(start, start + len(quote))
        assert where is not None, quote
        a, b = where["span"]
        base = page_texts[where["page"] - 1] if page_texts else original
        got = words(readable(base[a:b], kind))
        assert in_order(words(quote), got), (quote, base[a:b])
        assert got[:1] == words(quote)[:1] and got[-1:] == words(quote)[-1:], "the span starts and ends on the quote"


def load_one(path: Path):
    (doc,) = list(load_file(path))
    assert doc.origin is not None
    return doc


def test_txt_with_hard_wraps_odd_spaces_tabs_and_crlf(tmp_path):
    original = (
        "Chip rules tightened\r\n\r\n"
        "   The  ministry said on\tFriday that exporters of   advanced\r\n"
        "chipmaking equipment\u00a0must obtain individual\r\n"
        "licences,  and that the measure covers 23 types\u2009of equipment.\r\n\r\n"
        "Cafe\u0301 owners in Tokyo were not affected.\r\n"
    )
    path = tmp_path / "wrapped.txt"
    path.write_bytes(original.encode("utf-8"))
    doc = load_one(path)
    decoded = path.read_bytes().decode("utf-8")
    check_quotes(doc, decoded, "text", ["exporters of advanced\nchipmaking equipment must obtain", "covers 23 types of equipment", "Café owners in Tokyo"])
    smap = SourceMap.build(doc.text, doc.origin)
    start = doc.text.index("licences")
    assert smap.locate(start, start + 8)["line"] == 5, "line numbers count the file's lines"


def test_markdown_with_markup(tmp_path):
    original = "# Export curbs\n\nJapan's **trade ministry** said the *rules*\nwill take effect in July.\n\n- Tokyo Electron\n- Nikon\n"
    path = tmp_path / "note.md"
    path.write_text(original, encoding="utf-8")
    doc = load_one(path)
    # stored without the inline marks (rag.text.markdown), located on the words' own characters in the file; the
    # heading keeps its mark, the text layer's sign of a heading
    assert "*" not in doc.text and doc.text.startswith("# Export curbs\n\n")
    check_quotes(doc, original, "text", ["said the rules\nwill take effect", "Tokyo Electron"])


#: each table with the rows that hold data (not its header)
TABLES = {
    "four columns, a cell with a comma": (
        "| Company | Site | Subsidy (yen) | Start |\n|---|---|---|---|\n",
        ["| TSMC (JASM) | Kumamoto | 476 billion | 2024 |", "| Rapidus | Chitose, Hokkaido | 920 billion | 2027 |",
         "| Micron | Hiroshima | 192 billion | 2026 |"],
    ),
    "key-value rows under no header": ("", ["| Fine | up to 3 million yen |", "| Prison term | up to five years |", "| Agency | METI |"]),
    "aligned separator, repeated cells": (
        "| Item | Control | Date |\n|:--|:-:|--:|\n",
        ["| Fluorinated polyimide | Licence | July 4 |", "| Photoresist | Licence | July 4 |", "| Hydrogen fluoride | Licence | July 4 |"],
    ),
}


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


@pytest.mark.parametrize("last_in_file", [False, True], ids=["prose after", "table last"])
@pytest.mark.parametrize("table", TABLES.values(), ids=TABLES.keys())
def test_a_cited_table_row_spans_all_its_cells_in_the_file_and_no_other_row(tmp_path, table, last_in_file):
    """A Markdown row is stored as its cells named by column ("Company: Micron; Site: Hiroshima; ..."): the column
    names are not in the row's line of the file, yet the cited span must run from the row's first cell to its last
    (it covered only the middle cells of one row, and none of the table's last row)."""
    header, rows = table
    original = "# Planned fabs\n\nThe ministry published the list below.\n\n" + header + "\n".join(rows) + "\n"
    if not last_in_file:
        original += "\nMore may follow next year, the ministry said.\n"
    path = tmp_path / "fabs.md"
    path.write_text(original, encoding="utf-8")
    doc = load_one(path)
    smap = SourceMap.build(doc.text, doc.origin)
    for k, row in enumerate(rows):
        cells = _cells(row)
        line = next(s for s in doc.text.splitlines() if all(c in s for c in cells) and "|" not in s)
        start = doc.text.index(line)
        where = smap.locate(start, start + len(line))
        assert where is not None, line
        a, b = where["span"]
        assert all(c in original[a:b] for c in cells), (row, original[a:b])
        assert not any(_cells(other)[0] in original[a:b] for i, other in enumerate(rows) if i != k), original[a:b]


def test_html_through_tags_entities_and_boilerplate(tmp_path):
    original = """<!doctype html><html><head><meta charset="utf-8"><title>Japan widens chip curbs</title>
<script>var x = "Japan's trade ministry";</script><style>p{color:red}</style></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Japan widens chip curbs</h1>
<p>Japan&#8217;s <b>trade ministry</b> on Friday finalized rules that will require exporters of advanced
chipmaking equipment to obtain individual licences &amp; file quarterly reports with the agency.</p>
<p>The ministry said the measure covers 23 types of equipment used for cleaning, deposition, lithography,
etching and inspection, and that it would publish guidance for companies such as Tokyo&nbsp;Electron.</p>
<p>Analysts said the impact on sales in China would depend on how strictly licences are granted in practice.</p>
</article><footer>&copy; 2024 Example News</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(original, encoding="utf-8")
    doc = load_one(path)
    quotes = [q for q in ["trade ministry on Friday finalized rules", "licences & file quarterly reports", "Tokyo Electron", "how strictly licences are granted"] if q in doc.text]
    assert len(quotes) >= 3, doc.text
    check_quotes(doc, original, "html", quotes)
    start = doc.text.index("trade ministry")
    a, _ = SourceMap.build(doc.text, doc.origin).locate(start, start + 14)["span"]
    assert a > original.index("<article>"), "the passage is found in the article, not in the <head> or a script"


def test_jsonl_fields_with_escapes_point_into_their_line(tmp_path):
    records = [
        {"title": "Other", "text": "Seoul expands subsidies for memory chip factories.", "publisher": "Yonhap"},
        {"title": "Japan rules", "text": "Japan\u2019s \"trade ministry\" said:\nthe measure covers 23 types of equipment.\n\nCafé owners in Tōkyō were not affected.", "publisher": "Wire A"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    docs = [d for d in load_file(path)]
    doc = docs[1]
    line = path.read_text(encoding="utf-8").split("\n")[1]
    assert "\\u2019" in line and "\\n" in line, "the file holds JSON escapes"
    check_quotes(doc, line, "jsonl", ["trade ministry\" said:\nthe measure covers 23 types", "Café owners in Tōkyō"])
    where = SourceMap.build(doc.text, doc.origin).locate(0, 10)
    assert where["line"] == 2 and doc.source_path.endswith("#L2")


def test_a_jsonl_title_that_repeats_the_text_opening_is_not_taken_for_it(tmp_path):
    # Chinese and Japanese exports often open the body with the headline's words; the span is in the text field.
    text = "經濟部公告擴大出口管制清單。新增工具機及半導體相關項目共計45項。"
    record = {"title": "經濟部公告擴大出口管制清單", "summary": "經濟部公告擴大", "maintext": text}
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    doc = load_one(path)
    line = path.read_text(encoding="utf-8").split("\n")[0]
    a, b = SourceMap.build(doc.text, doc.origin).locate(0, len(doc.text))["span"]
    assert line[a:b] == text


def test_a_quote_span_in_the_original_keeps_its_closing_punctuation(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text("Tokyo, May 19\n\nThe measure covers 23 types\nof equipment.  Officials said so.\n", encoding="utf-8")
    doc = load_one(path)
    original = path.read_text(encoding="utf-8")
    start = doc.text.index("The measure")
    end = doc.text.index("equipment.") + len("equipment.")
    a, b = SourceMap.build(doc.text, doc.origin).locate(start, end)["span"]
    assert original[a:b] == "The measure covers 23 types\nof equipment."


def test_pdf_quotes_point_to_their_page_and_offsets_in_its_text(tmp_path):
    from pypdf import PdfReader

    pages = [
        ["Export controls report", "The ministry said on Friday that exporters", "of advanced chipmaking equipment must apply."],
        ["Second page", "The measure covers 23 types of equipment", "used for cleaning and lithography."],
    ]
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(pages))
    doc = load_one(path)
    page_texts = [p.extract_text() for p in PdfReader(path).pages]
    smap = SourceMap.build(doc.text, doc.origin)
    for quote, page in [("exporters\nof advanced chipmaking", 1), ("covers 23 types of equipment\nused for cleaning", 2)]:
        start = doc.text.index(quote)
        assert smap.locate(start, start + len(quote))["page"] == page
    check_quotes(doc, "", "pdf", ["exporters\nof advanced chipmaking", "covers 23 types of equipment\nused for cleaning"], page_texts=page_texts)


def test_words_missing_from_the_original_do_not_derail_the_rest():
    stored = "Alpha beta gamma. Inserted words here. Delta epsilon zeta eta theta."
    original = "NAV Home World Alpha beta gamma. Delta epsilon zeta eta theta. Footer links"
    smap = SourceMap.build(stored, Origin(original))
    start = stored.index("Delta")
    a, b = smap.locate(start, len(stored) - 1)["span"]
    assert original[a:b] == "Delta epsilon zeta eta theta"
    assert smap.locate(stored.index("Inserted"), stored.index("here") + 4) is None, "nothing to point at"


# --- through ingest, search and the CLI ------------------------------------------------------------------------------


def test_search_hits_carry_the_source_path_and_the_span_in_the_file(fresh_index, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    text = "Japan rules\n\nThe ministry   said on Friday that exporters of advanced\nchipmaking equipment must obtain licences.\n"
    (src / "a.txt").write_text(text, encoding="utf-8")
    index = fresh_index(warm=False)
    Ingestor(index).ingest_paths([src])
    (hit,) = HybridRetriever(index).search("chipmaking equipment licences", k=1)
    d = hit.to_dict()
    assert d["source_path"] == str((src / "a.txt").resolve())
    a, b = d["source_span"]
    assert in_order(words(d["text"]), words(text[a:b]))
    assert d["source_line"] == 1 and d["source_ref"] == f"{d['source_path']}:1-4"


def test_cli_search_json_includes_source_path_and_span(cli, sample_index):
    result = cli(["search", "photoresist hydrogen fluoride exports", "--json", "-k", "3"], BRIEF_DATA_DIR=str(sample_index[0].data_dir))
    assert result.exit_code == 0, result.output
    for hit in json.loads(result.stdout):
        original = Path(hit["source_path"]).read_text(encoding="utf-8")
        a, b = hit["source_span"]
        assert in_order(words(hit["text"]), words(original[a:b]))


def test_brief_citations_and_sources_point_into_the_original_files(cli, sample_index):
    env = {"BRIEF_DATA_DIR": str(sample_index[0].data_dir)}
    result = cli(["ask", "What did South Korea's trade ministry say Seoul plans to do?", "--format", "json"], **env)
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    citations = [c for s in brief["sections"] for claim in s["claims"] for c in claim["citations"]]
    assert citations
    for c in citations:
        original = Path(c["source_path"]).read_text(encoding="utf-8")
        a, b = c["source_span"]
        assert in_order(words(c["quote"]), words(original[a:b]))
        assert c["source_line"] == original.count("\n", 0, a) + 1
        assert c["source_ref"].startswith(c["source_path"] + ":")
    for source in brief["sources"]:
        assert len(source["source_spans"]) == len(source["spans"]) == len(source["source_refs"])
    markdown = cli(["ask", "What did South Korea's trade ministry say Seoul plans to do?"], **env).stdout
    assert f"`{citations[0]['source_ref']}`" in markdown, "the source list tells the reader where to look"
