"""SQLite persistence of generated briefs and answers (and async jobs), with numbered schema migrations.

The database is ``settings.data_dir / "briefs.sqlite"``. Its schema version is ``PRAGMA user_version``;
opening a file runs every migration above that number in order, each in one transaction, so an older
file is upgraded in place and a newer one (written by a later release) is refused.

* v1 — ``briefs(id, created_at, template, topic, kind, brief_json)``: the full Brief JSON (provenance
  included) plus the columns the list endpoint filters and sorts on.
* v2 — adds ``headline``, ``abstained``, ``backend``, ``corpus_snapshot`` (back-filled from the JSON) and
  indexes on ``created_at`` and ``template``.
* v3 — ``jobs`` table for asynchronous brief requests (status survives a restart; jobs that were
  queued or running when their process died are marked failed on open).
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from rag.brief import Brief
from rag.errors import IndexMismatchError

DB_NAME = "briefs.sqlite"


def _v1(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE IF NOT EXISTS briefs (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            template TEXT NOT NULL,
            topic TEXT NOT NULL,
            kind TEXT NOT NULL,
            brief_json TEXT NOT NULL
        )"""
    )


def _v2(db: sqlite3.Connection) -> None:
    cols = {r[1] for r in db.execute("PRAGMA table_info(briefs)")}
    for name, decl in (
        ("headline", "TEXT"),
        ("abstained", "INTEGER NOT NULL DEFAULT 0"),
        ("backend", "TEXT NOT NULL DEFAULT ''"),
        ("corpus_snapshot", "TEXT NOT NULL DEFAULT ''"),
    ):
        if name not in cols:
            db.execute(f"ALTER TABLE briefs ADD COLUMN {name} {decl}")
    rows = db.execute("SELECT id, brief_json FROM briefs").fetchall()
    for brief_id, raw in rows:
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        prov = data.get("provenance") or {}
        db.execute(
            "UPDATE briefs SET headline=?, abstained=?, backend=?, corpus_snapshot=? WHERE id=?",
            (data.get("headline"), int(bool(data.get("abstained"))), prov.get("backend") or "",
             prov.get("corpus_snapshot") or "", brief_id),
        )
    db.execute("CREATE INDEX IF NOT EXISTS briefs_created ON briefs(created_at DESC, id)")
    db.execute("CREATE INDEX IF NOT EXISTS briefs_template ON briefs(template)")


def _v3(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE IF NOT EXISTS jobs (
            id TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            request_json TEXT NOT NULL,
            brief_id TEXT,
            error_json TEXT,
            owner TEXT NOT NULL DEFAULT ''
        )"""
    )


#: Migration n brings the schema from version n-1 to n. Append only; never edit a released step.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2, _v3)
SCHEMA_VERSION = len(MIGRATIONS)

_LIST_COLUMNS = "id, created_at, template, topic, kind, headline, abstained, backend, corpus_snapshot"


_OWNER = f"{socket.gethostname()}:{os.getpid()}"


def _owner_alive(owner: str) -> bool:
    host, _, pid = owner.rpartition(":")
    if host and host != socket.gethostname():
        return True  # another machine's job (shared data dir): not ours to judge
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass
class Job:
    id: str
    status: str  # queued | running | done | failed
    created_at: str
    updated_at: str
    request: dict[str, Any]
    brief_id: str | None = None
    error: dict[str, Any] | None = None


class BriefStore:
    """Thread-safe; one connection guarded by a lock (writes are tiny)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self.migrated_from = self._migrate()
        self._fail_orphaned_jobs()

    @classmethod
    def for_data_dir(cls, data_dir: Path) -> "BriefStore":
        return cls(Path(data_dir) / DB_NAME)

    # -- schema ------------------------------------------------------------------------
    @property
    def version(self) -> int:
        with self._lock:
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> int:
        with self._lock:
            start = int(self._db.execute("PRAGMA user_version").fetchone()[0])
            if start > SCHEMA_VERSION:
                raise IndexMismatchError(
                    f"{self.path} has brief-store schema v{start}; this version knows up to v{SCHEMA_VERSION}.",
                    help_message="upgrade techsec-brief or use another data directory",
                )
            for number in range(start + 1, SCHEMA_VERSION + 1):
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    MIGRATIONS[number - 1](self._db)
                    self._db.execute(f"PRAGMA user_version = {number}")
                    self._db.execute("COMMIT")
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
            return start

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def ping(self) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1").fetchone()[0] == 1

    # -- briefs ------------------------------------------------------------------------
    def save(self, brief: Brief) -> str:
        if not brief.id:
            brief.id = brief.compute_id()
        p = brief.provenance
        with self._lock:
            self._db.execute(
                f"INSERT OR REPLACE INTO briefs({_LIST_COLUMNS}, brief_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (brief.id, p.created_at, brief.template, brief.topic, brief.kind, brief.headline, int(brief.abstained),
                 p.backend, p.corpus_snapshot, brief.model_dump_json()),
            )
        return brief.id

    def get(self, brief_id: str) -> Brief | None:
        with self._lock:
            row = self._db.execute("SELECT brief_json FROM briefs WHERE id=?", (brief_id,)).fetchone()
        return Brief.model_validate_json(row["brief_json"]) if row else None

    def list(
        self, *, offset: int = 0, limit: int = 20, template: str | None = None, topic: str | None = None,
        kind: str | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """Summaries newest first, optionally filtered by template, kind and a case-insensitive topic substring."""
        where, args = [], []
        if template:
            where.append("template = ?")
            args.append(template)
        if kind:
            where.append("kind = ?")
            args.append(kind)
        if topic:
            escaped = topic.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            where.append("topic LIKE ? ESCAPE '\\'")
            args.append(f"%{escaped}%")
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        with self._lock:
            total = self._db.execute(f"SELECT COUNT(*) FROM briefs {clause}", args).fetchone()[0]
            rows = self._db.execute(
                f"SELECT {_LIST_COLUMNS} FROM briefs {clause} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?",
                [*args, limit, offset],
            ).fetchall()
        items = []
        for r in rows:
            d = dict(r)
            d["abstained"] = bool(d["abstained"])
            items.append(d)
        return items, total

    # -- jobs --------------------------------------------------------------------------
    def create_job(self, request: dict[str, Any]) -> Job:
        now = _now()
        job = Job(id=uuid.uuid4().hex, status="queued", created_at=now, updated_at=now, request=request)
        with self._lock:
            self._db.execute(
                "INSERT INTO jobs(id, status, created_at, updated_at, request_json, owner) VALUES (?, ?, ?, ?, ?, ?)",
                (job.id, job.status, now, now, json.dumps(request, ensure_ascii=False), _OWNER),
            )
        return job

    def update_job(self, job_id: str, status: str, *, brief_id: str | None = None, error: dict[str, Any] | None = None) -> None:
        with self._lock:
            self._db.execute(
                "UPDATE jobs SET status=?, updated_at=?, brief_id=COALESCE(?, brief_id), error_json=? WHERE id=?",
                (status, _now(), brief_id, json.dumps(error) if error else None, job_id),
            )

    def get_job(self, job_id: str) -> Job | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM jobs WHERE id=?", (job_id,)).fetchone()
        if row is None:
            return None
        return Job(
            id=row["id"], status=row["status"], created_at=row["created_at"], updated_at=row["updated_at"],
            request=json.loads(row["request_json"]), brief_id=row["brief_id"],
            error=json.loads(row["error_json"]) if row["error_json"] else None,
        )

    def _fail_orphaned_jobs(self) -> None:
        """Jobs left queued/running by a process that is gone will never finish: say so."""
        error = json.dumps({"type": "interrupted", "message": "the server stopped before the job finished", "help": "submit it again"})
        with self._lock:
            rows = self._db.execute("SELECT id, owner FROM jobs WHERE status IN ('queued', 'running')").fetchall()
            dead = [r["id"] for r in rows if not _owner_alive(r["owner"])]
            for job_id in dead:
                self._db.execute(
                    "UPDATE jobs SET status='failed', updated_at=?, error_json=? WHERE id=?", (_now(), error, job_id)
                )
