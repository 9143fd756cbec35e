"""Read .txt/.md/.html/.pdf/.jsonl files into normalized ``SourceDocument``s; bad input becomes a ``LoadFailure``.

Bytes are decoded by ``rag.decoding``; JSONL field names are mapped by ``rag.jsonl_records``.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse
from typing import TYPE_CHECKING, Any

from rag.feeds import FEED_SUFFIXES, load_feed
from rag.date_bounds import date_problem
from rag.decoding import declared_charset, decode_bytes, decode_lines
from rag.errors import DependencyError, DocumentError, LimitError, NoArticleError
from rag.limits import check_text_size, read_bounded
from rag.pdf_metadata import pdf_metadata
from rag.jsonl_records import map_record
from rag.text.datelines import dateline_outlet
from rag.text.dates import derive_date, parse_date
from rag.text.file_headers import read_header
from rag.text.language import detect_language
from rag.text.lexicon import table
from rag.text.markdown import plain_markdown
from rag.text.normalize import derive_title, doc_id_for, normalize_text
from rag.text.page_walls import wall_kind
from rag.text.scripts import cjk_count
from rag.text.tables import linearize_tables
from rag.text.teasers import teaser_xpaths
from rag.text.align import Origin, json_string_region
from rag.types import SourceDocument

if TYPE_CHECKING:
    from rag.config import LimitsSettings

logger = logging.getLogger(__name__)
# pypdf logs what it notices in a damaged file ("EOF marker not found") as warnings; with no logging configured
# Python's last-resort handler prints them to stderr beside the loader's own one-line reason. A NullHandler keeps
# them out of a CLI user's terminal; an application that configures logging still receives them (they propagate).
logging.getLogger("pypdf").addHandler(logging.NullHandler())

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".jsonl", ".json", *FEED_SUFFIXES}
MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True)
class LoadFailure:
    """A file (or one jsonl line, ``path#L<n>``) that was skipped, and why.

    ``kind``: "input" (the file's fault), "limit" (larger than a ``limits.*`` setting), "no_article" (the page
    holds only a consent notice, a paywall or the like: ``rag.text.page_walls``) or "dependency" (a reader's package
    is missing: this installation's fault, a 500 over the API).
    """

    path: str
    reason: str
    kind: str = "input"


@dataclass(frozen=True)
class LoadWarning:
    """A document that was loaded, but with something the ingest summary must tell (e.g. an unreadable date)."""

    path: str
    message: str


# --- file discovery ----------------------------------------------------------------------------------------------


def iter_files(paths: Iterable[Path]) -> list[Path]:
    """Expand directories recursively (sorted; hidden entries and manifest.json skipped); explicit files are kept."""
    found: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for path in map(Path, paths):
        if not path.is_dir():
            add(path)  # a missing or unsupported file is reported by load_file, not silently dropped
            continue
        for file in folder_files(path):
            if is_ingestible(file):
                add(file)
    return found


def folder_files(path: Path) -> Iterator[Path]:
    """Every file under directory ``path``, recursively and sorted; hidden entries and the manifest are skipped."""
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name != MANIFEST_NAME:
                yield Path(root) / name


def is_ingestible(path: Path) -> bool:
    """Whether `brief ingest` reads files of ``path``'s type (its suffix is one of SUPPORTED_SUFFIXES)."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES


# --- manifest ----------------------------------------------------------------------------------------------------

_MANIFEST_CACHE: dict[Path, tuple[tuple[int, int] | None, dict[str, dict[str, Any]]]] = {}


def load_manifest(directory: Path) -> dict[str, dict[str, Any]]:
    """Entries of ``directory/manifest.json`` keyed by file name; {} when absent or malformed (with a warning)."""
    path = Path(directory) / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        logger.warning("ignoring malformed manifest %s: %s", path, exc)
        return {}
    articles = data.get("articles") if isinstance(data, dict) else data
    if not isinstance(articles, list):
        logger.warning("ignoring manifest %s: expected {'articles': [...]}", path)
        return {}
    entries: dict[str, dict[str, Any]] = {}
    for entry in articles:
        if isinstance(entry, dict) and isinstance(entry.get("file"), str) and entry["file"]:
            entries[Path(entry["file"]).name] = entry
        else:
            logger.warning("ignoring manifest entry without a 'file' name in %s: %r", path, entry)
    return entries


def _manifest_for(directory: Path) -> dict[str, dict[str, Any]]:
    """``load_manifest`` cached per directory, re-read when the manifest file changes."""
    directory = directory.resolve()
    try:
        st = (directory / MANIFEST_NAME).stat()
        stamp: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = None
    cached = _MANIFEST_CACHE.get(directory)
    if cached is None or cached[0] != stamp:
        cached = (stamp, load_manifest(directory) if stamp else {})
        _MANIFEST_CACHE[directory] = cached
    return cached[1]


# --- per-format readers: each returns (text, embedded metadata; "notes": sentences for the load warnings) ---------

Meta = dict[str, Any]


def _read_plain(data: bytes) -> tuple[str, Meta]:
    """The text after the file's own header (front matter or ``Key: value`` lines: ``rag.text.file_headers``), its
    pipe tables one line per row (``rag.text.tables``), and the header's metadata; the origin is the whole decoded
    file, aligned from where the text starts."""
    text = decode_bytes(data)
    notes: list[str] = []
    body, meta, offset = read_header(text, notes)
    origin = Origin(text, region=(offset, len(text))) if offset else Origin(text)
    return linearize_tables(body), {**meta, "origin": origin, "notes": notes}


def _read_markdown(data: bytes) -> tuple[str, Meta]:
    """``_read_plain`` for a Markdown file: the text after its header as a reader sees it, without the marks that
    format it (``rag.text.markdown``: "# " heading marks, "**", "_", backticks, a link's destination), its pipe tables
    one line per row; the origin's kind "markdown" has the aligner hide the same marks."""
    text = decode_bytes(data)
    notes: list[str] = []
    body, meta, offset = read_header(text, notes)
    origin = Origin(text, "markdown", region=(offset, len(text)) if offset else None)
    return linearize_tables(plain_markdown(body)), {**meta, "origin": origin, "notes": notes}


_LXML_TEXT_LIMIT = re.compile(r"[^<]{10000000}")  # libxml2's XML_MAX_TEXT_LENGTH: larger text nodes are dropped


def _read_html(data: bytes) -> tuple[str, Meta]:
    import trafilatura

    html = decode_bytes(data, declared_charset(data))
    origin = Origin(html, "html")
    head = html[:2048].lower()
    if "<html" not in head and "<body" not in head:
        html = f"<html><body>{html}</body></html>"  # trafilatura rejects bare fragments as "not HTML"
    html = without_hidden(html)  # text a reader never sees (display:none, hidden, aria-hidden) is no evidence
    # favor_precision drops navigation-only pages that the default fallback would return as "text"
    # links to other stories in or beside the body ("Read more: …", a "Most read" box) are pruned by trafilatura's
    # own prune_xpath option (rag/text/teasers.py: the labels are data)
    teasers = list(teaser_xpaths())
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True,
                               prune_xpath=teasers)
    loose = trafilatura.extract(html, include_comments=False, include_tables=True, prune_xpath=teasers)
    if not text:
        if loose and any(len(line.split()) >= 10 for line in loose.splitlines()):
            text = loose
    elif loose:
        # ... but it also drops a short run of body text written straight into a <div> between paragraphs ("The move
        # takes over licensing from the United States …<br><br>"): the default extraction's prose lines come back, in
        # its order, while the lines it adds that are no prose (menus, labels) stay out
        text = with_prose_of(text, loose)
    if (not text or not text.strip()) and _LXML_TEXT_LIMIT.search(html):
        raise DocumentError("HTML with a single text block over 10 MB, more than the HTML parser (lxml) accepts; convert it to .txt")
    if not text or not text.strip():
        raise DocumentError("no main text found in HTML (boilerplate only or malformed)")
    text = linearize_tables(text)  # a table's rows as lines naming their cells by column (rag/text/tables.py)
    meta = trafilatura.extract_metadata(html, extensive=False)  # no date guessing from free text
    return text, {
        "title": meta.title,
        "publisher": _site_name(meta, html),
        "published": meta.date,
        "url": meta.url,
        "authors": meta.author.split(";") if meta.author else None,
        "origin": origin,
    }


_HIDDEN_XPATH = ("//*[@hidden or @aria-hidden='true' or contains(translate(@style, ' ', ''), 'display:none')"
                 " or contains(translate(@style, ' ', ''), 'visibility:hidden')]")
_PROSE_END = re.compile(r"[.!?。！？．][\"'”’」』)）]*$")
_PROSE_MIN_WORDS = 8


def without_hidden(html: str) -> str:
    """``html`` without the elements a browser does not show: the ``hidden`` attribute, ``aria-hidden="true"``, an
    inline ``display: none`` or ``visibility: hidden`` (the hiding place of text planted for a model to read). The
    page as it was when nothing is hidden or it cannot be parsed."""
    low = html.lower()
    if "hidden" not in low and "display" not in low:
        return html
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    hidden = root.xpath(_HIDDEN_XPATH)
    if not hidden:
        return html
    for element in hidden:
        if element.getparent() is not None:
            element.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")


def _prose(line: str) -> bool:
    words = len(line.split()) + cjk_count(line) // 2
    return words >= _PROSE_MIN_WORDS and bool(_PROSE_END.search(line.strip()))


_MARKUP = re.compile(r"<(?:/?(?:p|br|div|span|a|b|i|em|strong|li|ul|ol|h[1-6]|table|tr|td|th|blockquote|figure|"
                     r"figcaption|img|section|article|header|footer|script|style)\b[^>]*|!--)", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_BLOCKS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "blockquote", "figure",
           "section", "article", "header", "footer")


def markup_text(value: str) -> str:
    """The text of a record field that holds HTML markup ("<p>Japan's trade ministry said …</p><p>…</p>"): block
    elements and <br> become line breaks, scripts, styles and comments go, entities are decoded; a field with only
    entities ("equipment.&nbsp;The change") is decoded; any other text is returned as is."""
    import html as markup

    if not _MARKUP.search(value):
        return markup.unescape(value) if _ENTITY.search(value) else value
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return value
    for element in root.xpath("//script|//style|//comment()"):
        element.drop_tree()
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    return root.text_content().strip()


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_SITE_SUFFIX = re.compile(r"^\s*[|\-–—]\s*(?P<site>\S.{0,60}?)\s*$")
_SITE_MAX_WORDS = 6


def _site_name(meta: Any, html: str) -> str | None:
    """The page's publisher: its own site name (``og:site_name``, …), else the site its <title> names after the
    headline (``title_site``). A "site name" that is only the page's web host (trafilatura falls back to the URL's
    host, "example.com") yields to the title's name ("… | Example Daily"), which is what the site calls itself."""
    site = meta.sitename
    if site and site.lower().removeprefix("www.") != (meta.hostname or "").lower().removeprefix("www."):
        return site
    return title_site(html, meta.title) or site


def title_site(html: str, title: str | None) -> str | None:
    """The site a page's <title> names after its headline ("Netherlands expands ASML export curbs | Tech Desk" ->
    "Tech Desk"), when the extracted ``title`` is that headline and what follows a bar or dash is a short name
    (at most ``_SITE_MAX_WORDS`` words, capitalised); None otherwise."""
    import html as markup

    found = _TITLE_TAG.search(html[:200_000])
    if not found or not title:
        return None
    raw = " ".join(markup.unescape(found.group(1)).split())
    head = " ".join(title.split())
    if not raw.startswith(head) or raw == head:
        return None
    m = _SITE_SUFFIX.match(raw[len(head):])
    site = m.group("site") if m else None
    if not site or len(site.split()) > _SITE_MAX_WORDS or not site[0].isupper():
        return None
    return site


def with_prose_of(precise: str, loose: str) -> str:
    """``precise`` with the prose lines only ``loose`` holds (``_PROSE_MIN_WORDS`` words or more, ending as a
    sentence ends) put back, in ``loose``'s order: ``loose``'s lines that are ``precise``'s text (however it wraps
    them) or such prose. ``precise`` itself when ``loose`` adds no prose line or does not hold all of ``precise``."""
    flat, loose_flat = " ".join(precise.split()), " ".join(loose.split())
    if not all(" ".join(line.split()) in loose_flat for line in precise.splitlines()):
        return precise
    ours = lambda line: bool(line.split()) and re.search(  # noqa: E731
        r"(?<!\w)" + re.escape(" ".join(line.split())) + r"(?!\w)", flat) is not None
    kept, added = [], 0
    for line in loose.splitlines():
        if ours(line):
            kept.append(line)
        elif _prose(line):
            kept.append(line)
            added += 1
    return "\n".join(kept) if added else precise


def _missing_crypto(exc: Exception) -> DependencyError:
    return DependencyError(
        f"missing dependency: the 'cryptography' package is needed to decrypt this PDF "
        f"(install pypdf[crypto]; {type(exc).__name__}: {exc})"
    )


def _read_pdf(data: bytes, limits: LimitsSettings | None = None) -> tuple[str, Meta]:
    """The text of each page, pages joined by a blank line, and the file's own metadata (``pdf_metadata``);
    ``LimitError`` as soon as the pages read so far exceed
    ``limits.max_text_chars`` (a small file whose pages share one huge compressed stream is not read to the end)."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data))
    except DependencyError as exc:  # pypdf opens permission-only AES files with the empty password at once
        raise _missing_crypto(exc) from exc
    except Exception as exc:  # pypdf raises many types on damaged files
        raise DocumentError(f"malformed PDF: {type(exc).__name__}: {exc}") from exc
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError as exc:
            raise _missing_crypto(exc) from exc
        except Exception as exc:
            raise DocumentError(f"encrypted PDF cannot be opened: {exc}") from exc
        if not opened:
            raise DocumentError("encrypted PDF (password required)")
    pages: list[str] = []
    total = -2  # the joined length: each page and the blank line before it
    try:
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            total += len(pages[-1]) + 2
            if limits is not None and total > limits.max_text_chars:
                check_text_size("\n\n".join(pages), limits)  # raises LimitError, naming the length read so far
    except LimitError:
        raise
    except DependencyError as exc:
        raise _missing_crypto(exc) from exc
    except Exception as exc:
        raise DocumentError(f"malformed PDF: {type(exc).__name__}: {exc}") from exc
    text = "\n\n".join(pages)
    starts = [0]
    for page in pages[:-1]:
        starts.append(starts[-1] + len(page) + 2)
    if not text.strip():
        raise DocumentError("PDF has no extractable text (scanned images?)")
    meta = pdf_metadata(reader)  # title, authors, publisher, creation date (rag/pdf_metadata.py)
    meta.pop("producer")  # the software that wrote the file, not its publisher
    return text, {**meta, "origin": Origin(text, "pdf", page_starts=tuple(starts))}


_READERS = {".txt": _read_plain, ".md": _read_markdown, ".markdown": _read_markdown, ".html": _read_html, ".htm": _read_html, ".pdf": _read_pdf}


# --- assembling documents ----------------------------------------------------------------------------------------


def _clean_str(value: Any) -> str | None:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


def _clean_authors(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = value.split(";")
    if isinstance(value, (list, tuple)):
        authors = tuple(a for a in (_clean_str(v) for v in value) if a)
        return authors or None
    return None


def _clean_language(value: Any) -> str | None:
    """The primary subtag of a declared language ("zh-TW" -> "zh"); None when it is not a language tag."""
    value = _clean_str(value)
    primary = value.replace("_", "-").split("-")[0].lower() if value else ""
    return primary if 2 <= len(primary) <= 3 and primary.isascii() and primary.isalpha() else None


def _clean_published(value: Any, notes: list[str] | None) -> str | None:
    if value is None or isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
        return None
    iso = parse_date(value) if isinstance(value, (str, int, float)) else None
    if iso is None and notes is not None:
        notes.append(f"publication date: {date_problem(value)}")
    return iso


def _layer(raw: Meta, notes: list[str] | None = None) -> Meta:
    """One metadata source cleaned: unknown/invalid values become None (so a lower-precedence source can fill in)."""
    return {
        "title": _clean_str(raw.get("title")),
        "publisher": _clean_str(raw.get("publisher")) or _clean_str(raw.get("source")),
        "published": _clean_published(raw.get("published"), notes),
        "url": _clean_str(raw.get("url")),
        "authors": _clean_authors(raw.get("authors")) or _clean_authors(raw.get("author")),
        "kind": _clean_str(raw.get("kind")),
        "language": _clean_language(raw.get("language")),
    }


def build_document(
    raw_text: str,
    source_path: str,
    *layers: Meta,
    origin: Origin | None = None,
    warnings: list[LoadWarning] | None = None,
) -> SourceDocument:
    """Normalize the text and merge metadata layers, highest precedence first, then text-derived values.

    ``origin``: the decoded original the text came from, so citations can point into the file (``rag.text.align``).
    Metadata the document cannot use (an unreadable date) is appended to ``warnings`` when a list is given.

    Raises ``DocumentError`` when no text is left, ``NoArticleError`` when the page holds only what stood in front of
    its story (a consent notice, a paywall, an ad-feedback form: ``rag.text.page_walls.wall_kind``).
    """
    text = normalize_text(raw_text)
    if not text:
        raise DocumentError("empty document (no text after normalization)")
    wall = wall_kind(text)
    if wall:
        raise NoArticleError(f"no article text: the page holds only {wall}")
    notes: list[str] = []
    cleaned = [_layer(layer, notes) for layer in layers]
    cleaned.append(_layer({"title": derive_title(text), "published": derive_date(text)}))
    url = next((layer["url"] for layer in cleaned if layer["url"]), None)
    if url:  # the site a URL names is what we know of the publisher when nothing else says
        host = urlparse(url).hostname or ""
        cleaned.append(_layer({"publisher": host.removeprefix("www.") or None}))
    # last: the outlet signing the story's dateline ("TOKYO, March 3 (Reuters) - …"), when nothing else names one
    cleaned.append(_layer({"publisher": dateline_outlet(text)}))

    if warnings is not None:
        warnings.extend(LoadWarning(source_path, note) for note in notes)

    def pick(field: str) -> Any:
        return next((layer[field] for layer in cleaned if layer[field]), None)

    return SourceDocument(
        doc_id=doc_id_for(text),
        text=text,
        source_path=source_path,
        title=pick("title"),
        publisher=pick("publisher"),
        published=pick("published"),
        url=pick("url"),
        language=pick("language") or detect_language(text),
        authors=pick("authors") or (),
        kind=pick("kind"),
        origin=origin,
    )


_TOO_DEEP = "invalid JSON: nested deeper than the JSON parser follows (a hostile or broken file)"


def _load_jsonl(
    data: bytes, source: str, warnings: list[LoadWarning] | None, limits: LimitsSettings
) -> Iterator[SourceDocument | LoadFailure]:
    loaded = 0
    for number, line, problem in decode_lines(data):
        where = f"{source}#L{number}"
        if problem is not None:
            yield LoadFailure(where, problem)
            continue
        if not line.strip():
            continue
        if loaded >= limits.max_documents_per_request:
            yield too_many_documents(where, limits, "line")
            return
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise DocumentError("line is not a JSON object")
            doc = _record_document(line, record, where, number, warnings, limits)
            loaded += 1
            yield doc
        except (ValueError, RecursionError, LimitError, NoArticleError, DocumentError) as exc:
            # "[[[[…" (RecursionError) too: the line fails alone, the lines after it are still read
            yield record_failure(where, exc)


def _record_document(raw: str, record: dict, where: str, line: int, warnings: list[LoadWarning] | None,
                     limits: LimitsSettings, within: tuple[int, int] | None = None) -> SourceDocument:
    """The document of one exporter record: a JSONL line (``raw``, line ``line`` of the file; citations give offsets
    in that line) or an item of a .json file (``raw`` the whole file, ``within`` the item's [start, end); citations
    give the file's own lines and offsets). Raises ``DocumentError`` (no usable text), ``LimitError``,
    ``NoArticleError``."""
    mapped = map_record(record)
    check_text_size(mapped.text, limits)
    if within is not None:
        start, end = within
        found = json_string_region(raw[start:end], mapped.written or mapped.text)
        origin = Origin(raw, "json", region=(start + found[0], start + found[1]) if found else within)
    else:
        region = json_string_region(raw, mapped.written or mapped.text)
        origin = Origin(raw, "jsonl", line=line, region=region)
    text = markup_text(mapped.text)  # a scraper's record may keep the page's markup ("<p>…</p>", "&nbsp;")
    doc = build_document(text, where, mapped.meta, origin=origin, warnings=warnings)
    if warnings is not None:
        warnings.extend(LoadWarning(where, note) for note in mapped.notes)
    return doc


def too_many_documents(where: str, limits: LimitsSettings, unit: str) -> LoadFailure:
    """The failure of the first ``unit`` ("line", "record", "item") of a file past ``limits.max_documents_per_request``:
    it and the rest of the file are skipped."""
    return LoadFailure(where, f"more than {limits.max_documents_per_request} documents in one file "
                              f"(limits.max_documents_per_request): this {unit} and the rest are skipped", "limit")


def record_failure(where: str, exc: Exception) -> LoadFailure:
    """The failure of one record, by what went wrong."""
    if isinstance(exc, RecursionError):
        return LoadFailure(where, _TOO_DEEP)
    if isinstance(exc, LimitError):
        return LoadFailure(where, str(exc), "limit")
    if isinstance(exc, NoArticleError):
        return LoadFailure(where, str(exc), "no_article")
    if isinstance(exc, DocumentError):
        return LoadFailure(where, str(exc))
    return LoadFailure(where, f"invalid JSON: {exc}")


def _json_records(text: str) -> tuple[list[tuple[Any, int, int]], bool]:
    """The article records of a .json file's decoded ``text``: ([(record, start, end) of each in ``text``], whether
    the file is one article). One object with a text field is one record; an array's items are the records; an
    object without a text field gives the list under its first ``containers`` key (``jsonl_fields.toml``). Raises
    ``ValueError`` for invalid JSON and ``DocumentError`` for JSON that holds no list of records."""
    decoder = json.JSONDecoder()
    start = _space_end(text, 0)
    value, end = decoder.raw_decode(text, start)
    if text[end:].strip():
        raise ValueError(f"extra data after the JSON value at offset {end}")
    if isinstance(value, dict):
        try:
            map_record(value)
            return [(value, start, end)], True
        except DocumentError:
            names = table("jsonl_fields")["containers"]
            key = next((k for k in names if isinstance(value.get(k), list)), None)
            if key is None:
                keys = ", ".join(repr(k) for k in names)
                raise DocumentError(f"the JSON object is no article (no text field: {', '.join(table('jsonl_fields')['text'])}) "
                                    f"and holds no list of articles (under {keys})") from None
        # where the list starts: scan the object's members as written, to give each record its place in the file
        pos = start + 1  # after the object's "{"
        while True:
            name, pos = decoder.raw_decode(text, _space_end(text, pos))
            pos = _space_end(text, _space_end(text, pos) + 1)  # past the colon
            if name == key:
                break
            _member, after = decoder.raw_decode(text, pos)
            pos = _space_end(text, after) + 1  # past the comma
    elif isinstance(value, list):
        pos = start
    else:
        raise DocumentError("the JSON value is neither an article object nor a list of them")
    records = []
    pos = _space_end(text, pos) + 1  # past the list's "["
    while True:
        pos = _space_end(text, pos)
        if text[pos] == "]":
            return records, False
        item, after = decoder.raw_decode(text, pos)
        records.append((item, pos, after))
        pos = _space_end(text, after)
        if text[pos] == ",":
            pos += 1


def _space_end(text: str, pos: int) -> int:
    """Where the JSON whitespace at ``pos`` ends (the json module's own definition of it)."""
    return json.decoder.WHITESPACE.match(text, pos).end()


def _load_json(data: bytes, source: str, warnings: list[LoadWarning] | None, limits: LimitsSettings
               ) -> Iterator[SourceDocument | LoadFailure]:
    """The articles of a .json file (``_json_records``). A file of one article is one document named by the file's
    path; each record of a list is named ``file.json#L<n>`` by the line it starts on, as a JSONL line is."""
    text = decode_bytes(data)
    try:
        records, single = _json_records(text)
    except ValueError as exc:
        yield LoadFailure(source, f"invalid JSON: {exc}")
        return
    except RecursionError:
        yield LoadFailure(source, _TOO_DEEP)
        return
    for number, (record, start, end) in enumerate(records, start=1):
        line = text.count("\n", 0, start) + 1
        where = source if single else f"{source}#L{line}"
        if number > limits.max_documents_per_request:
            yield too_many_documents(where, limits, "record")
            return
        try:
            if not isinstance(record, dict):
                raise DocumentError(f"record {number} is not a JSON object")
            yield _record_document(text, record, where, line, warnings, limits, within=(start, end))
        except (LimitError, NoArticleError, DocumentError) as exc:
            yield record_failure(where, exc)


def load_file(
    path: Path, warnings: list[LoadWarning] | None = None, limits: LimitsSettings | None = None
) -> Iterator[SourceDocument | LoadFailure]:
    """Load one file: one document (or one per jsonl line), or ``LoadFailure``s; never raises on bad input.

    ``warnings`` (when given) collects a ``LoadWarning`` for each loaded document with unusable metadata.
    ``limits`` (default: the settings' defaults) bounds the bytes read and the text extracted.
    """
    if limits is None:
        from rag.config import LimitsSettings

        limits = LimitsSettings()
    path = Path(path).absolute()
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield LoadFailure(source, f"unsupported file type {suffix or '(none)'}")
        return
    try:
        data = read_bounded(path, limits.max_file_bytes)
    except LimitError as exc:
        yield LoadFailure(source, str(exc), "limit")
        return
    except OSError as exc:
        yield LoadFailure(source, f"cannot read file: {exc.strerror or exc}")
        return
    if not data.strip():
        yield LoadFailure(source, "empty or whitespace-only file")
        return
    try:
        if suffix == ".jsonl":
            # manifest entries describe single articles; each jsonl line carries its own metadata
            yield from _load_jsonl(data, source, warnings, limits)
            return
        if suffix == ".json":
            yield from _load_json(data, source, warnings, limits)
            return
        if suffix in FEED_SUFFIXES:  # RSS / Atom: one document per item (rag/feeds.py)
            yield from load_feed(data, source, warnings, limits)
            return
        reader = _READERS[suffix]
        # the PDF reader stops at the page that passes the text limit; every reader is looked up in _READERS
        raw_text, embedded = reader(data, limits) if reader is _read_pdf else reader(data)
        del data  # the decoded text and the parser's copy are enough; do not hold three copies of a large file
        check_text_size(raw_text, limits)
        origin = embedded.pop("origin", None)
        if warnings is not None:  # a header the reader could not use (bad front matter): the file is read as text
            warnings.extend(LoadWarning(source, note) for note in embedded.get("notes", ()))
        embedded.pop("notes", None)
        manifest_entry = _manifest_for(path.parent).get(path.name, {})
        yield build_document(raw_text, source, manifest_entry, embedded, origin=origin, warnings=warnings)
    except LimitError as exc:
        yield LoadFailure(source, str(exc), "limit")
    except NoArticleError as exc:
        yield LoadFailure(source, str(exc), "no_article")
    except DocumentError as exc:
        yield LoadFailure(source, str(exc))
    except DependencyError as exc:
        logger.error("missing dependency loading %s: %s", source, exc)
        yield LoadFailure(source, str(exc), "dependency")
    except ImportError as exc:  # a reader's package is not installed: say which, it is not the file's fault
        logger.error("missing dependency loading %s", source, exc_info=True)
        yield LoadFailure(source, f"missing dependency: {exc.name or 'a package'} cannot be imported ({exc})", "dependency")
    except Exception as exc:  # a parser bug on odd input must not stop a whole ingest
        logger.warning("unexpected error loading %s", source, exc_info=True)
        yield LoadFailure(source, f"unexpected error: {type(exc).__name__}: {exc}")
