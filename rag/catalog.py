"""The document catalog (SQLite): which files map to which documents, their chunks and ingest state.

Chroma holds vectors; the catalog is the transactional source of truth for bookkeeping. A document
is written as ``pending`` before its chunks reach Chroma and flipped to ``indexed`` after, so a killed
ingest leaves only ``pending`` rows whose chunks the next run deletes (see ``Ingestor.recover``).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Iterator

from rag import crashpoints
from rag.text.keys import author_forms, publisher_forms, publisher_key, publisher_lead
from rag.types import Chunk, SearchFilters, SourceDocument, day_number

SCHEMA_VERSION = 3

# Columns added after v1, applied in order by ``Catalog.__init__`` to older catalogs (rows keep NULL: a NULL
# thread_id means the document's own story, NULL facts are recomputed from the text, NULL source_map means
# "spans in the original file unknown").
_MIGRATIONS = {
    2: (
        "ALTER TABLE documents ADD COLUMN thread_id TEXT",
        "ALTER TABLE documents ADD COLUMN facts TEXT",
        "ALTER TABLE documents ADD COLUMN source_map BLOB",
    ),
    # the reader version a file was read with (rag.reader_version); NULL for files read before: read again
    3: ("ALTER TABLE files ADD COLUMN reader TEXT",),
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    text TEXT NOT NULL,
    title TEXT, publisher TEXT, published TEXT, published_int INTEGER,
    url TEXT, source_path TEXT, language TEXT, authors TEXT, kind TEXT,
    story_id TEXT NOT NULL,
    minhash BLOB,
    n_chunks INTEGER NOT NULL DEFAULT 0,
    added_at REAL NOT NULL,
    thread_id TEXT,
    facts TEXT,
    source_map BLOB
);
CREATE INDEX IF NOT EXISTS documents_story ON documents(story_id);
CREATE TABLE IF NOT EXISTS sources (
    source_path TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    PRIMARY KEY (source_path, doc_id)
);
CREATE INDEX IF NOT EXISTS sources_doc ON sources(doc_id);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    file_sha256 TEXT NOT NULL,
    n_docs INTEGER NOT NULL,
    reader TEXT
);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
"""

# Made after the migrations (v1 catalogs have no thread_id until then). The expression is the one
# ``thread_versions`` filters on, so every search's version lookup is an index search, not a scan of every
# document's text (17 ms of CPU per search on the 4,868-document corpus).
_INDEXES = """
CREATE INDEX IF NOT EXISTS documents_thread ON documents(COALESCE(thread_id, story_id));
"""

@dataclass(frozen=True)
class DocumentRow:
    """What ``begin_documents`` stores for one document besides its text and metadata."""

    doc: SourceDocument
    story_id: str
    minhash: bytes | None = None
    thread_id: str | None = None  # None: the document's own story
    facts: frozenset[str] | None = None
    source_map: bytes | None = None  # rag.text.align.SourceMap.to_bytes()


#: documents whose metadata ``get_chunks`` keeps in memory before starting over (≈ 5 KiB each with the source map)
_DOC_META_CACHE = 20_000

_DOC_COLUMNS = (
    "doc_id, status, text, title, publisher, published, published_int, url, source_path, language, authors, kind, story_id"
)


#: what separates the names of a list typed as one publisher name ("cnn, the week")
_LIST_SEPARATORS = re.compile(r"[,;]")


@dataclass(frozen=True)
class _PublisherTable:
    """The indexed publishers of one corpus snapshot, for looking typed names up."""

    documents: int  # indexed documents, with a publisher or not
    counts: dict[str, int]  # stored name → indexed documents, most first
    spelling: dict[str, str]  # publisher_key → its most common stored name
    by_key: dict[str, list[str]]  # publisher_key → stored names
    by_form: dict[str, list[str]]  # each publisher_forms entry → stored names
    by_lead: dict[str, list[str]]  # each publisher_lead word → stored names
    by_author: dict[str, list[str]]  # each author_forms entry → the stored names of the author's publishers

    @classmethod
    def build(cls, documents: int, counts: dict[str, int],
              authored: Iterable[tuple[str, str]] = ()) -> "_PublisherTable":
        """The table of ``counts`` (stored publisher name → indexed documents) among ``documents`` indexed ones;
        ``authored``: (author, stored publisher name) of each indexed document's authors."""
        spelling: dict[str, str] = {}
        by_key: dict[str, list[str]] = {}
        by_form: dict[str, list[str]] = {}
        for name in counts:
            spelling.setdefault(publisher_key(name), name)
            by_key.setdefault(publisher_key(name), []).append(name)
            for form in publisher_forms(name):
                by_form.setdefault(form, []).append(name)
        by_lead: dict[str, list[str]] = {}
        for name in counts:
            lead = publisher_lead(name)
            if lead and lead not in by_form:
                by_lead.setdefault(lead, []).append(name)
        by_author: dict[str, list[str]] = {}
        for author, publisher in authored:
            for form in author_forms(author):
                if form not in by_form and publisher not in by_author.setdefault(form, []):
                    by_author[form].append(publisher)
        return cls(documents, counts, spelling, by_key, by_form, by_lead, by_author)

    def lookup(self, typed: str) -> list[str]:
        """The stored names ``typed`` means: those with its key, else those sharing one of its whole-name forms with
        one of theirs; [] for none."""
        exact = self.by_key.get(publisher_key(typed))
        if exact:
            return list(exact)
        return sorted({name for form in publisher_forms(typed, notes=False) for name in self.by_form.get(form, ())})

    def named(self, words: str, authors: bool = True) -> list[str]:
        """The stored names a run of a question's words means: ``lookup``'s, else those whose lead word it is
        ("Intelrift" → "Intelrift Intelligence Desk", ``publisher_lead``), else the publishers of an author it names
        ("Hosokawa" → "Discuss Japan (No.57), translated from Chuokoron", ``author_forms``) when ``authors``; [] for
        none."""
        key = publisher_key(words)
        return (self.lookup(words) or list(self.by_lead.get(key, ()))
                or (list(self.by_author.get(key, ())) if authors else []))

    def closest(self, typed: str, n: int) -> list[str]:
        """Up to ``n`` stored names resembling ``typed``, best first: those with a form holding one of its forms or
        held by one (at least 3 characters: "Taipei" → "Taipei Times (…)"), then difflib's close matches among the
        forms (``difflib.get_close_matches``, its default cutoff 0.6: "Wrld Wide Watchers" → "WorldWideWatchers")."""
        from difflib import get_close_matches

        wanted = [t for t in publisher_forms(typed) if len(t) >= 3]
        forms = list(self.by_form)
        near = [f for f in forms if len(f) >= 3 and any(t in f or f in t for t in wanted)]
        for t in sorted(wanted, key=len, reverse=True):
            near += get_close_matches(t, forms, n=n)
        return list(dict.fromkeys(name for f in near for name in self.by_form[f]))[:n]


#: How a listing of publishers (``GET /v1/publishers``) names the documents that give no publisher.
NO_PUBLISHER = "(no publisher)"
#: What a filter can do about them: nothing selects them, and any publisher filter leaves them out.
NO_PUBLISHER_FILTER = "no publisher filter selects the documents that name no publisher: leave the filter out to include them"


#: the source rows of a file's lines ("file.jsonl#L1", "#L2", …): a range of the primary key, not LIKE, whose "_" and
#: "%" are wildcards and whose ASCII letters match either case ("news_1.jsonl#L%" took "News-1.jsonl"'s rows)
_LINES_OF = "(source_path >= ? AND source_path < ?)"


def _line_range(file_path: str) -> tuple[str, str]:
    """The bounds of ``_LINES_OF`` for ``file_path``: every string that starts with ``file_path + "#L"``."""
    return file_path + "#L", file_path + "#M"


def _authors(stored: str | None) -> list[str]:
    """The author names of a document's stored ``authors`` (JSON text); [] for none or unreadable text."""
    try:
        names = json.loads(stored or "[]")
    except ValueError:
        return []
    return [n for n in names if isinstance(n, str) and n.strip()] if isinstance(names, list) else []


def file_key(path: str) -> str:
    """The file part of a source path (``file.jsonl#L3`` → ``file.jsonl``)."""
    return path.split("#L", 1)[0]


class Catalog:
    """Thread-safe wrapper over one SQLite file; every public method is one transaction."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._snapshot: tuple[tuple[int, int], str] | None = None  # (change stamp, snapshot id)
        self._doc_meta: dict[str, dict[str, Any]] = {}  # doc_id → metadata for get_chunks, valid at _doc_meta_stamp
        self._doc_meta_stamp: tuple[int, int] | None = None
        self._publisher_cache: tuple[tuple[int, int], _PublisherTable] | None = None  # (change stamp, table)
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        with self._db:
            fresh = self._db.execute("SELECT name FROM sqlite_master WHERE name='documents'").fetchone() is None
            self._db.executescript(_SCHEMA)
        version = self.get_meta("schema_version")
        if version is None or fresh:
            self.set_meta("schema_version", str(SCHEMA_VERSION))
        elif int(version) < SCHEMA_VERSION:
            with self._lock, self._db:
                for number in range(int(version) + 1, SCHEMA_VERSION + 1):
                    for statement in _MIGRATIONS[number]:
                        self._db.execute(statement)
                self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(version) != SCHEMA_VERSION:
            from rag.errors import IndexMismatchError

            raise IndexMismatchError(
                f"Data directory {path.parent} has catalog schema v{version}; this version needs v{SCHEMA_VERSION}.",
                help_message="re-ingest into a new data directory (BRIEF_DATA_DIR) or delete the old one",
            )
        with self._lock, self._db:
            self._db.executescript(_INDEXES)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- meta -----------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row["value"] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # -- sources (files) --------------------------------------------------------
    def source_state(self, file_path: str) -> dict[str, str]:
        """doc_id → file sha256 for every document last read from this file (any ``#L`` line)."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT source_path, doc_id, file_sha256 FROM sources WHERE source_path=? OR {_LINES_OF}",
                (file_path, *_line_range(file_path)),
            ).fetchall()
        return {r["doc_id"]: r["file_sha256"] for r in rows}

    def file_hash(self, file_path: str) -> str | None:
        """sha256 of the file as last ingested to completion (None if never finished)."""
        with self._lock:
            row = self._db.execute("SELECT file_sha256 FROM files WHERE path=?", (file_path,)).fetchone()
        return row["file_sha256"] if row else None

    def file_reader(self, file_path: str) -> str | None:
        """The reader version (``rag.reader_version``) the file was last read to completion with (None if never, or
        before the catalog recorded it)."""
        with self._lock:
            row = self._db.execute("SELECT reader FROM files WHERE path=?", (file_path,)).fetchone()
        return row["reader"] if row else None

    def known_files(self) -> set[str]:
        with self._lock:
            rows = self._db.execute("SELECT path FROM files").fetchall()
        return {r["path"] for r in rows}

    def forget_file(self, file_path: str) -> list[str]:
        """Drop a file's source rows; returns the documents it yielded."""
        state = self.source_state(file_path)
        with self._lock, self._db:
            self._db.execute(f"DELETE FROM sources WHERE source_path=? OR {_LINES_OF}", (file_path, *_line_range(file_path)))
            self._db.execute("DELETE FROM files WHERE path=?", (file_path,))
        return list(state)

    def replace_file_sources(self, file_path: str, entries: Iterable[tuple[str, str]], file_sha256: str,
                             reader: str | None = None) -> None:
        """Record which documents (source_path, doc_id) a file now yields, and that it was read to the end by the
        reader version ``reader``."""
        rows = [(sp, did, file_sha256) for sp, did in entries]
        with self._lock, self._db:
            self._db.execute(
                f"DELETE FROM sources WHERE source_path=? OR {_LINES_OF}", (file_path, *_line_range(file_path))
            )
            self._db.executemany("INSERT OR REPLACE INTO sources(source_path, doc_id, file_sha256) VALUES (?, ?, ?)", rows)
            self._db.execute(
                "INSERT OR REPLACE INTO files(path, file_sha256, n_docs, reader) VALUES (?, ?, ?, ?)",
                (file_path, file_sha256, len(rows), reader),
            )

    def line_documents(self, file_path: str) -> dict[int, str]:
        """Line number → doc id for each line of a JSONL file that yielded a document, a duplicate copy's line
        included (it names the document it repeats)."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT source_path, doc_id FROM sources WHERE {_LINES_OF}", _line_range(file_path)
            ).fetchall()
        out: dict[int, str] = {}
        for r in rows:
            line = r["source_path"][len(file_path) + 2 :]
            if line.isdigit():
                out[int(line)] = r["doc_id"]
        return out

    def files_of(self, doc_id: str) -> set[str]:
        """The files (without ``#L`` line suffixes) a document was read from."""
        with self._lock:
            rows = self._db.execute("SELECT source_path FROM sources WHERE doc_id=?", (doc_id,)).fetchall()
        return {file_key(r["source_path"]) for r in rows}

    def mark_files_stale(self, paths: Iterable[str]) -> None:
        """Forget that these files were fully ingested, so the next ingest reads them again."""
        with self._lock, self._db:
            self._db.executemany("DELETE FROM files WHERE path=?", [(p,) for p in paths])

    def source_map(self, doc_id: str) -> bytes | None:
        """The document's stored source map (``rag.text.align.SourceMap.to_bytes()``), None when it has none."""
        with self._lock:
            row = self._db.execute("SELECT source_map FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return bytes(row[0]) if row and row[0] is not None else None

    def set_source_map(self, doc_id: str, blob: bytes | None) -> None:
        """Replace the document's source map (where its text is in the original file: a reader's new alignment)."""
        with self._lock, self._db:
            self._db.execute("UPDATE documents SET source_map=? WHERE doc_id=?", (blob, doc_id))

    def doc_source_count(self, doc_id: str) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM sources WHERE doc_id=?", (doc_id,)).fetchone()[0]

    def orphan_documents(self) -> list[str]:
        """Documents no source file yields any more."""
        with self._lock:
            rows = self._db.execute(
                "SELECT doc_id FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM sources)"
            ).fetchall()
        return [r["doc_id"] for r in rows]

    # -- documents --------------------------------------------------------------
    def has_document(self, doc_id: str, status: str = "indexed") -> bool:
        with self._lock:
            row = self._db.execute("SELECT status FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return bool(row) and row["status"] == status

    def begin_documents(self, docs: list[DocumentRow]) -> None:
        """Write documents as ``pending`` before their chunks reach the store."""
        now = time.time()
        with self._lock, self._db:
            self._db.executemany(
                f"INSERT OR REPLACE INTO documents({_DOC_COLUMNS}, minhash, n_chunks, added_at, thread_id, facts, source_map) "
                "VALUES (?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
                [
                    (
                        r.doc.doc_id, r.doc.text, r.doc.title, r.doc.publisher, r.doc.published, r.doc.published_int,
                        r.doc.url, r.doc.source_path, r.doc.language, json.dumps(list(r.doc.authors)), r.doc.kind,
                        r.story_id, r.minhash, now, r.thread_id or r.story_id,
                        None if r.facts is None else json.dumps(sorted(r.facts), ensure_ascii=False), r.source_map,
                    )
                    for r in docs
                ],
            )

    def commit_documents(self, chunks_by_doc: dict[str, list[Chunk]], sources: Iterable[tuple[str, str, str]] = ()) -> None:
        """Record chunks, flip documents to ``indexed`` and note (source_path, doc_id, sha) in one transaction."""
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO sources(source_path, doc_id, file_sha256) VALUES (?, ?, ?)", list(sources))
            for doc_id, chunks in chunks_by_doc.items():
                self._db.execute("DELETE FROM chunks WHERE doc_id=?", (doc_id,))
                self._db.executemany(
                    "INSERT INTO chunks(chunk_id, doc_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?, ?)",
                    [(c.chunk_id, c.doc_id, c.index, c.start, c.end, c.text) for c in chunks],
                )
                self._db.execute(
                    "UPDATE documents SET status='indexed', n_chunks=? WHERE doc_id=?", (len(chunks), doc_id)
                )
            crashpoints.reached("catalog.inside")  # written, not committed: SQLite rolls it back on the next open

    def pending_documents(self) -> list[str]:
        with self._lock:
            return [r["doc_id"] for r in self._db.execute("SELECT doc_id FROM documents WHERE status='pending'")]

    def delete_documents(self, doc_ids: Iterable[str]) -> tuple[dict[str, str], dict[str, str]]:
        """Delete documents; returns {deleted lead: new lead} for the stories, and for the threads, that lost their lead."""
        ids = list(doc_ids)
        new_leads: dict[str, str] = {}
        new_thread_leads: dict[str, str] = {}
        with self._lock, self._db:
            for doc_id in ids:
                self._db.execute("DELETE FROM chunks WHERE doc_id=?", (doc_id,))
                self._db.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))
                self._db.execute("DELETE FROM sources WHERE doc_id=?", (doc_id,))
                # The other outlets of a story whose lead article is gone stay one story, led by the earliest.
                lead = self._db.execute(
                    "SELECT doc_id FROM documents WHERE story_id=? ORDER BY added_at, doc_id LIMIT 1", (doc_id,)
                ).fetchone()
                if lead:
                    self._db.execute("UPDATE documents SET story_id=? WHERE story_id=?", (lead[0], doc_id))
                    new_leads[doc_id] = lead[0]
                thread_lead = self._db.execute(
                    "SELECT doc_id FROM documents WHERE thread_id=? ORDER BY added_at, doc_id LIMIT 1", (doc_id,)
                ).fetchone()
                if thread_lead:
                    self._db.execute("UPDATE documents SET thread_id=? WHERE thread_id=?", (thread_lead[0], doc_id))
                    new_thread_leads[doc_id] = thread_lead[0]
        return new_leads, new_thread_leads

    def holders(self, doc_ids: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        """doc_id → (publisher, source_path) of the stored documents among ``doc_ids`` (any status; a pending one is
        recovered before an ingest reads this)."""
        ids = list(set(doc_ids))
        out: dict[str, tuple[str | None, str | None]] = {}
        with self._lock:
            for at in range(0, len(ids), 500):
                part = ids[at : at + 500]
                rows = self._db.execute(
                    f"SELECT doc_id, publisher, source_path FROM documents WHERE doc_id IN ({','.join('?' * len(part))})", part
                ).fetchall()
                out.update((r["doc_id"], (r["publisher"], r["source_path"])) for r in rows)
        return out

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute(f"SELECT {_DOC_COLUMNS}, n_chunks, added_at FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return _doc_row(row) if row else None

    def list_documents(self, *, offset: int = 0, limit: int = 50, status: str | None = "indexed") -> tuple[list[dict], int]:
        where, args = ("WHERE status=?", [status]) if status else ("", [])
        with self._lock:
            total = self._db.execute(f"SELECT COUNT(*) FROM documents {where}", args).fetchone()[0]
            rows = self._db.execute(
                f"SELECT {_DOC_COLUMNS}, n_chunks, added_at FROM documents {where} ORDER BY added_at DESC, doc_id LIMIT ? OFFSET ?",
                [*args, limit, offset],
            ).fetchall()
        return [_doc_row(r, with_text=False) for r in rows], total

    def newest_documents(self, filters: SearchFilters, limit: int) -> list[str]:
        """The ids of the newest dated indexed documents within ``filters`` (its date bounds; its publishers as
        stored, ``resolve_filters``), newest first, one per story (its newest copy), at most ``limit``: the evidence
        of a question asking for the latest news with no topic of its own (``rag.writers.latest_news``)."""
        where, args = ["status='indexed'", "published_int > 0"], []
        if filters.since:
            where.append("published_int >= ?")
            args.append(day_number(filters.since))
        if filters.dated_since:
            where.append("published_int >= ?")
            args.append(day_number(filters.dated_since))
        if filters.until:
            where.append("published_int <= ?")
            args.append(day_number(filters.until))
        if filters.publishers:
            where.append(f"publisher IN ({','.join('?' * len(filters.publishers))})")
            args.extend(filters.publishers)
        out: list[str] = []
        stories: set[str] = set()
        with self._lock:
            rows = self._db.execute(
                f"SELECT doc_id, story_id FROM documents WHERE {' AND '.join(where)} "
                "ORDER BY published_int DESC, added_at DESC, doc_id LIMIT ?", [*args, max(limit, 0) * 4]
            ).fetchall()
        for doc_id, story in rows:
            if story in stories:
                continue
            stories.add(story)
            out.append(doc_id)
            if len(out) >= limit:
                break
        return out

    def minhashes(self) -> Iterator[tuple[str, str, str, bytes, frozenset[str] | None]]:
        """(doc_id, story_id, thread_id, minhash, facts or None) of indexed documents, for the near-duplicate index."""
        with self._lock:
            rows = self._db.execute(
                "SELECT doc_id, story_id, COALESCE(thread_id, story_id) AS thread_id, minhash, facts FROM documents "
                "WHERE status='indexed' AND minhash IS NOT NULL"
            ).fetchall()
        for r in rows:
            facts = None if r["facts"] is None else frozenset(json.loads(r["facts"]))
            yield r["doc_id"], r["story_id"], r["thread_id"], r["minhash"], facts

    def thread_versions(self, thread_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        """thread_id → its documents (doc_id, story_id, publisher, published, added_at, facts), only for threads
        holding more than one story (versions of a story: updates or corrections)."""
        ids = list(set(thread_ids))
        if not ids:
            return {}
        with self._lock:
            rows = self._db.execute(
                "SELECT doc_id, story_id, COALESCE(thread_id, story_id) AS thread_id, publisher, title, published, "
                "added_at, facts FROM documents WHERE status='indexed' "
                f"AND COALESCE(thread_id, story_id) IN ({','.join('?' * len(ids))}) ORDER BY published, added_at",
                ids,
            ).fetchall()
        out: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            d = dict(r)
            d["facts"] = frozenset(json.loads(d["facts"])) if d["facts"] else frozenset()
            out.setdefault(d["thread_id"], []).append(d)
        return {t: docs for t, docs in out.items() if len({d["story_id"] for d in docs}) > 1}

    def story_outlets(self, story_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        """story_id → its documents (doc_id, publisher, title, url), lead first."""
        ids = list(set(story_ids))
        out: dict[str, list[dict[str, Any]]] = {s: [] for s in ids}
        if not ids:
            return out
        with self._lock:
            rows = self._db.execute(
                f"SELECT doc_id, story_id, publisher, title, url FROM documents WHERE status='indexed' "
                f"AND story_id IN ({','.join('?' * len(ids))}) ORDER BY (doc_id = story_id) DESC, added_at",
                ids,
            ).fetchall()
        for r in rows:
            out[r["story_id"]].append(dict(r))
        return out

    def publisher_names(self, wanted: Iterable[str]) -> list[str]:
        """The stored spellings of indexed publishers whose ``publisher_key`` equals a wanted name's key."""
        keys = {publisher_key(w) for w in wanted} - {""}
        with self._lock:
            rows = self._db.execute("SELECT DISTINCT publisher FROM documents WHERE publisher IS NOT NULL").fetchall()
        return sorted(r["publisher"] for r in rows if publisher_key(r["publisher"]) in keys)

    def publishers(self) -> dict[str, int]:
        """Indexed documents per publisher (its stored spelling), most documents first; documents without a
        publisher are counted by ``documents_without_publisher``. Cached until the database changes (``_stamp``)."""
        return dict(self._publisher_table().counts)

    def source_files(self) -> list[str]:
        """Every file the indexed documents were read from (``file_key`` of their source paths: a JSONL file once), as
        ingest recorded them (absolute paths; an article posted to the API as ``upload:<sha256>``), sorted."""
        with self._lock:
            rows = self._db.execute("SELECT DISTINCT source_path FROM sources").fetchall()
        return sorted({file_key(r["source_path"]) for r in rows if r["source_path"]})

    def documents_without_publisher(self) -> int:
        """Indexed documents that name no publisher (listed as ``NO_PUBLISHER``): no publisher filter selects them,
        every one leaves them out."""
        table = self._publisher_table()
        return table.documents - sum(table.counts.values())

    def undated_documents(self) -> int:
        """Indexed documents without a publication date: the ones any ``since``/``until`` bound leaves out."""
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM documents WHERE status='indexed' AND "
                                    "(published IS NULL OR published = '')").fetchone()[0]

    def require_publishers(self, wanted: Iterable[str], *, shown: int = 5) -> tuple[str, ...]:
        """The stored publisher names a publisher filter means, as a user types it; raises ``UnknownPublisherError``
        for a typed name no indexed publisher answers to.

        A typed name means the publishers with its ``publisher_key`` ("wire a" → "Wire A"); when none has it, every
        publisher sharing one of its ``publisher_forms`` ("taipei times" → "Taipei Times (page with related-story
        snippets appended)", "CNN" → "cnn.com" and "e.newsletters.cnn.com"), else those it is the distinctive lead
        word of ("Intelrift" → "Intelrift Intelligence Desk", ``publisher_lead``); when none does, a name holding
        commas or semicolons is read as a list of names ("cnn, the week"). The error names the typed names (or list
        items) that matched nothing, with up to ``shown`` suggestions (``_PublisherTable.closest``), or with none
        close the largest publishers. An empty collection passes every
        name through unchanged: nothing was ingested, which the caller reports as such. The lookup table is built
        once per corpus snapshot, not per request.
        """
        from rag.errors import UnknownPublisherError

        names = [w for w in dict.fromkeys(wanted) if publisher_key(w)]
        table = self._publisher_table()
        if not names or table.documents == 0:
            return tuple(names)
        for name in names:
            if publisher_key(name).strip("()[] ") == publisher_key(NO_PUBLISHER).strip("()") and not table.lookup(name):
                raise UnknownPublisherError(f"{name!r} is not a publisher: it lists the documents that name none",
                                            help_message=NO_PUBLISHER_FILTER)
        found: list[str] = []
        unknown: list[str] = []
        for name in names:
            matched = table.named(name, authors=False)  # a whole-name form, or a lead word ("Intelrift")
            if not matched:
                items = [p.strip() for p in _LIST_SEPARATORS.split(name) if publisher_key(p)]
                parts = [table.lookup(p) for p in items] if len(items) > 1 else []
                if any(parts):
                    unknown += [item for item, part in zip(items, parts) if not part]
                    matched = [n for part in parts for n in part]
                else:
                    unknown.append(name)
            found += matched
        if not unknown:
            return tuple(dict.fromkeys(found))
        near = list(dict.fromkeys(n for w in unknown for n in table.closest(w, shown)))[:shown]
        raise UnknownPublisherError.for_names(unknown, suggested=near or list(table.spelling.values())[:shown],
                                              similar=bool(near), known=len(table.spelling))

    def publishers_named(self, words: str, authors: bool = True) -> list[str]:
        """The indexed publishers a run of a question's words names (``_PublisherTable.named``: a whole-name form,
        or the distinctive lead word of a longer name); [] for none. Read per question by ``rag.text.asked_source``;
        the table is built once per corpus snapshot."""
        return self._publisher_table().named(words, authors)

    def resolve_filters(self, filters: SearchFilters) -> SearchFilters:
        """``filters`` with its publishers replaced by the stored names they mean (``require_publishers``, which
        raises ``UnknownPublisherError``), so every store matches them exactly."""
        if not filters.publishers:
            return filters
        return replace(filters, publishers=self.require_publishers(filters.publishers))

    def _publisher_table(self) -> "_PublisherTable":
        with self._lock:
            stamp = self._stamp()
            cached = self._publisher_cache
            if cached is not None and cached[0] == stamp:
                return cached[1]
            documents = self._db.execute("SELECT COUNT(*) FROM documents WHERE status='indexed'").fetchone()[0]
            rows = self._db.execute("SELECT publisher, COUNT(*) AS n FROM documents WHERE status='indexed' AND "
                                    "publisher IS NOT NULL AND publisher != '' GROUP BY publisher "
                                    "ORDER BY n DESC, publisher").fetchall()
            authored = self._db.execute("SELECT authors, publisher FROM documents WHERE status='indexed' AND "
                                        "publisher IS NOT NULL AND publisher != '' AND authors IS NOT NULL AND "
                                        "authors NOT IN ('', '[]')").fetchall()
        pairs = [(a, r["publisher"]) for r in authored for a in _authors(r["authors"])]
        table = _PublisherTable.build(documents, {r["publisher"]: r["n"] for r in rows}, pairs)
        self._publisher_cache = (stamp, table)
        return table

    # -- chunks -------------------------------------------------------------------
    def chunks_for(self, doc_id: str) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT chunk_id, idx, start, end, text FROM chunks WHERE doc_id=? ORDER BY idx", (doc_id,)
            ).fetchall()
        return [dict(r) for r in rows]

    def all_chunks(self) -> list[dict[str, Any]]:
        """Every indexed chunk with the metadata BM25 and filters need, in a stable order."""
        with self._lock:
            rows = self._db.execute(
                "SELECT c.chunk_id, c.doc_id, c.idx, c.start, c.end, c.text, d.title, d.publisher, d.published, "
                "d.published_int, d.url, d.source_path, d.language, d.authors, d.kind, d.story_id "
                "FROM chunks c JOIN documents d ON d.doc_id = c.doc_id WHERE d.status='indexed' ORDER BY c.chunk_id"
            ).fetchall()
        return [dict(r) for r in rows]

    def get_chunks(self, chunk_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """chunk id → the chunk (chunk_id, doc_id, idx, start, end, text) with its document's metadata (title,
        publisher, published, published_int, url, source_path, language, authors (JSON text), kind, story_id,
        added_at, thread_id, source_map); ids the catalog does not hold are left out."""
        ids = list(chunk_ids)
        if not ids:
            return {}
        with self._lock:
            rows = self._db.execute(
                f"SELECT chunk_id, doc_id, idx, start, end, text FROM chunks WHERE chunk_id IN ({','.join('?' * len(ids))})",
                ids,
            ).fetchall()
            docs = self._document_meta({r[1] for r in rows})
        out: dict[str, dict[str, Any]] = {}
        for r in rows:
            meta = docs.get(r[1])
            if meta is not None:  # a chunk whose document row is gone is not served
                out[r[0]] = {"chunk_id": r[0], "doc_id": r[1], "idx": r[2], "start": r[3], "end": r[4], "text": r[5], **meta}
        return out

    def _document_meta(self, doc_ids: set[str]) -> dict[str, dict[str, Any]]:
        # Caller holds the lock. A document's metadata sits after its full text in the row, so reading it walks
        # the text's overflow pages: search hits read it from this per-process cache, kept until the database
        # changes (this connection's writes or another's commits, as for ``snapshot_id``).
        stamp = self._stamp()
        if self._doc_meta_stamp != stamp or len(self._doc_meta) > _DOC_META_CACHE:
            self._doc_meta.clear()
            self._doc_meta_stamp = stamp
        missing = [d for d in doc_ids if d not in self._doc_meta]
        for start in range(0, len(missing), 500):
            part = missing[start : start + 500]
            for r in self._db.execute(
                "SELECT doc_id, title, publisher, published, published_int, url, source_path, language, authors, kind, "
                "story_id, added_at, COALESCE(thread_id, story_id) AS thread_id, source_map "
                f"FROM documents WHERE doc_id IN ({','.join('?' * len(part))})",
                part,
            ):
                meta = dict(r)
                del meta["doc_id"]
                self._doc_meta[r["doc_id"]] = meta
        return {d: self._doc_meta[d] for d in doc_ids if d in self._doc_meta}

    def _stamp(self) -> tuple[int, int]:
        """Changes whenever the database does: this connection's writes, or another connection's commits."""
        return (self._db.total_changes, self._db.execute("PRAGMA data_version").fetchone()[0])

    # -- snapshot -----------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        with self._lock:
            docs = self._db.execute("SELECT COUNT(*) FROM documents WHERE status='indexed'").fetchone()[0]
            chunks = self._db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
            stories = self._db.execute("SELECT COUNT(DISTINCT story_id) FROM documents WHERE status='indexed'").fetchone()[0]
        return {"documents": docs, "chunks": chunks, "stories": stories}

    def snapshot_id(self) -> str:
        """A hash of every indexed chunk id: changes exactly when the searchable corpus changes.

        Cached until the database changes: ``total_changes`` counts this connection's writes and
        ``PRAGMA data_version`` another connection's commits, so a search does not re-hash every chunk id.
        """
        with self._lock:
            stamp = self._stamp()
            if self._snapshot is not None and self._snapshot[0] == stamp:
                return self._snapshot[1]
        h = hashlib.sha256()
        with self._lock:
            for (cid,) in self._db.execute(
                "SELECT c.chunk_id FROM chunks c JOIN documents d ON d.doc_id=c.doc_id WHERE d.status='indexed' ORDER BY c.chunk_id"
            ):
                h.update(cid.encode())
                h.update(b"\n")
            self._snapshot = (stamp, h.hexdigest()[:16])
        return self._snapshot[1]


def _doc_row(row: sqlite3.Row, *, with_text: bool = True) -> dict[str, Any]:
    d = dict(row)
    d["authors"] = json.loads(d.get("authors") or "[]")
    if not with_text:
        d.pop("text", None)
    return d


def chunk_from_row(row: dict[str, Any]) -> Chunk:
    """Rebuild a Chunk (with document metadata) from a catalog row."""
    meta = {
        "doc_id": row["doc_id"],
        "title": row.get("title") or "",
        "publisher": row.get("publisher") or "",
        "published": row.get("published") or "",
        "published_int": row.get("published_int") or 0,
        "url": row.get("url") or "",
        "source_path": row.get("source_path") or "",
        "language": row.get("language") or "",
        "kind": row.get("kind") or "",
        "story_id": row.get("story_id") or row["doc_id"],
        "thread_id": row.get("thread_id") or row.get("story_id") or row["doc_id"],
    }
    return Chunk(
        chunk_id=row["chunk_id"], doc_id=row["doc_id"], text=row["text"], start=row["start"], end=row["end"],
        index=row["idx"], metadata=meta,
    )
