"""Documents: upload (multipart file or JSON article), list, fetch with chunks, delete.

Uploads are streamed to ``data_dir/uploads/.incoming`` while their size is counted (413 as soon as
``api.max_upload_bytes`` is passed, before the rest is read), then checked by content (a ``.pdf`` must
start with ``%PDF-``, ``.html`` must look like HTML, text types must decode and not be binary; 415
otherwise), stored as ``uploads/<sha256[:32]><suffix>`` and ingested with ``Ingestor.ingest_paths``.
JSON articles are normalized like loaded files and ingested under the source key ``upload:<sha256>``.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from python_multipart.multipart import MultipartParser, parse_options_header

from rag.errors import DependencyError, DocumentError, LimitError, NoArticleError
from rag.loaders import SUPPORTED_SUFFIXES

from api.deps import AuthDep, IndexDep, PathsDep, Services, ServicesDep
from api.errors import ApiError, not_found
from api.schemas import ArticleIn, DocumentDetail, DocumentOut, ErrorBody, IngestResponse, Page, UndatedDocuments

log = logging.getLogger("api.documents")

router = APIRouter(prefix="/v1", tags=["documents"], dependencies=[AuthDep])

MULTIPART_SLACK = 16 * 1024  # boundaries and part headers on top of the file itself
SNIFF_BYTES = 64 * 1024
_BINARY_MAGIC = {
    b"%PDF-": "PDF", b"\x89PNG": "PNG image", b"GIF8": "GIF image", b"\xff\xd8\xff": "JPEG image", b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "executable", b"\x1f\x8b": "gzip archive", b"BZh": "bzip2 archive", b"7z\xbc\xaf": "7z archive",
    b"Rar!": "RAR archive", b"\xd0\xcf\x11\xe0": "MS Office file", b"OggS": "audio", b"ID3": "audio", b"RIFF": "media file",
}
_HTML_TAG = re.compile(r"<\s*(!doctype\s+html|html|head|body|meta|title|article|main|section|div|p|h[1-6]|span|table|ul|br)\b", re.I)
UPLOAD_FORM = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary", "description": f"One of {', '.join(sorted(SUPPORTED_SUFFIXES))}."}},
                }
            },
            "application/json": {"schema": ArticleIn.model_json_schema()},
        },
    }
}


#: How to send a document: the help of every upload the route cannot read.
UPLOAD_HELP = (f"send multipart/form-data with the document in a part named 'file' (one of {', '.join(sorted(SUPPORTED_SUFFIXES))}), "
               "or an application/json article {\"title\", \"text\", \"published\", \"publisher\", \"url\", \"authors\"} "
               "(or under the names JSONL ingest reads: \"headline\", \"body\", \"date\", …)")


def _upload_help(max_bytes: int) -> str:
    return f"send a document of at most {max_bytes:,} bytes (api.max_upload_bytes), or split it (a .jsonl file: one article per line)"


class _TooLarge(Exception):
    pass


# --------------------------------------------------------------------------- content checks


def _decode_head(head: bytes, *, complete: bool) -> str:
    """Text of the first bytes, or DocumentError if it is not text."""
    from rag.decoding import decode_bytes

    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return decode_bytes(head if complete else head[: len(head) - len(head) % 4])
    if b"\x00" in head:
        raise DocumentError("binary content (NUL bytes)")
    try:
        return codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=complete)
    except UnicodeDecodeError:
        return decode_bytes(head)  # a legacy charset; raises DocumentError for non-text


def check_content(suffix: str, head: bytes, *, complete: bool) -> None:
    """Raise DocumentError (415) when the bytes do not match the type the file name claims."""
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"unsupported file type {suffix or '(none)'}", help_message=f"upload one of {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )
    if not head.strip():
        raise DocumentError("empty file")
    if suffix == ".pdf":
        if b"%PDF-" not in head[:1024]:
            raise DocumentError("the file is named .pdf but is not a PDF (no %PDF- header)")
        return
    stripped = head.lstrip()
    for magic, kind in _BINARY_MAGIC.items():
        if head.startswith(magic) or stripped.startswith(magic):
            raise DocumentError(f"the file is named {suffix} but contains a {kind}")
    if suffix == ".jsonl" and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # lines are read one by one (a NUL or bad byte on a later line rejects only that line): check the first
        lines = head.split(b"\n")
        at = next((i for i, line in enumerate(lines) if line.strip()), 0)
        head, complete = lines[at], complete or at < len(lines) - 1  # the last piece may be cut by the sniff window
    text = _decode_head(head, complete=complete)
    if suffix in (".html", ".htm") and not _HTML_TAG.search(text[:16384]):
        raise DocumentError(f"the file is named {suffix} but does not look like HTML (no HTML tags)")
    if suffix == ".jsonl":
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        if not first.startswith("{"):
            raise DocumentError("the file is named .jsonl but its first line is not a JSON object")
    if suffix == ".json" and not text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
        raise DocumentError("the file is named .json but holds no JSON object or array")


# --------------------------------------------------------------------------- streaming multipart


@dataclass
class _Upload:
    filename: str = ""
    tmp_path: FsPath | None = None
    size: int = 0
    sha256: str = ""
    head: bytes = b""
    fields: dict[str, str] = field(default_factory=dict)


async def _receive_multipart(request: Request, services: Services) -> _Upload:
    """Stream the body to a temp file, counting bytes; the first part with a filename is the upload."""
    max_bytes = services.settings.api.max_upload_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes + MULTIPART_SLACK:
        raise ApiError(413, f"Upload of {int(declared)} bytes exceeds the limit of {max_bytes} bytes.", help=_upload_help(max_bytes))
    _, params = parse_options_header(request.headers.get("content-type"))
    boundary = params.get(b"boundary")
    if not boundary:
        raise ApiError(400, "multipart/form-data body without a boundary.", help=UPLOAD_HELP)

    incoming = services.upload_dir / ".incoming"
    incoming.mkdir(parents=True, exist_ok=True)
    up = _Upload()
    hasher = hashlib.sha256()
    head = bytearray()
    state: dict[str, Any] = {"headers": {}, "field": b"", "value": b"", "target": None, "name": None, "buf": bytearray(), "files": 0}
    fh = None

    def on_part_begin() -> None:
        state.update(headers={}, field=b"", value=b"", target=None, name=None, buf=bytearray())

    def on_header_field(data: bytes, start: int, end: int) -> None:
        state["field"] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        state["value"] += data[start:end]

    def on_header_end() -> None:
        state["headers"][state["field"].decode("latin-1").strip().lower()] = state["value"]
        state["field"], state["value"] = b"", b""

    def on_headers_finished() -> None:
        nonlocal fh
        _, disp = parse_options_header(state["headers"].get("content-disposition", b""))
        name = disp.get(b"name", b"").decode("utf-8", "replace")
        filename = disp.get(b"filename")
        state["name"] = name
        if filename is not None and state["files"] == 0:
            state["files"] = 1
            up.filename = FsPath(filename.decode("utf-8", "replace").replace("\\", "/")).name
            fd, tmp = tempfile.mkstemp(dir=incoming, prefix="up-")
            fh = os.fdopen(fd, "wb")
            up.tmp_path = FsPath(tmp)
            state["target"] = "file"
        elif filename is not None:
            state["target"] = "skip"  # only one file per request
        else:
            state["target"] = "field"

    def on_part_data(data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if state["target"] == "file":
            up.size += len(chunk)
            if up.size > max_bytes:
                raise _TooLarge()
            hasher.update(chunk)
            if len(head) < SNIFF_BYTES:
                head.extend(chunk[: SNIFF_BYTES - len(head)])
            fh.write(chunk)
        elif state["target"] == "field":
            if len(state["buf"]) + len(chunk) > 4096:
                raise ApiError(413, "Form fields are limited to 4096 bytes.", help="send the document in the 'file' part; other form fields hold at most 4096 bytes")
            state["buf"].extend(chunk)

    def on_part_end() -> None:
        if state["target"] == "field" and state["name"]:
            up.fields[state["name"]] = state["buf"].decode("utf-8", "replace")

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": on_part_begin, "on_header_field": on_header_field, "on_header_value": on_header_value,
            "on_header_end": on_header_end, "on_headers_finished": on_headers_finished, "on_part_data": on_part_data,
            "on_part_end": on_part_end,
        },
    )
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except _TooLarge:
        _discard(fh, up.tmp_path)
        raise ApiError(413, f"Upload exceeds the limit of {max_bytes} bytes.", help=_upload_help(max_bytes)) from None
    except HTTPException:
        _discard(fh, up.tmp_path)
        raise
    except Exception as exc:  # malformed multipart
        _discard(fh, up.tmp_path)
        raise ApiError(400, f"Malformed multipart body: {type(exc).__name__}.", help=UPLOAD_HELP) from None
    if fh is not None:
        fh.close()
    if up.tmp_path is None:
        raise ApiError(422, "No file in the form: send the file in a part named 'file'.", help=UPLOAD_HELP)
    up.sha256 = hasher.hexdigest()
    up.head = bytes(head)
    return up


def _discard(fh, path: FsPath | None) -> None:
    if fh is not None:
        fh.close()
    if path is not None:
        path.unlink(missing_ok=True)


async def _read_json(request: Request, max_bytes: int) -> Any:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise ApiError(413, f"Body of {int(declared)} bytes exceeds the limit of {max_bytes} bytes.", help=_upload_help(max_bytes))
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise ApiError(413, f"Body exceeds the limit of {max_bytes} bytes.", help=_upload_help(max_bytes))
    try:
        return json.loads(bytes(body))
    except ValueError as exc:
        raise RequestValidationError([{"type": "json_invalid", "loc": ("body",), "msg": f"invalid JSON: {exc}", "input": None}]) from None
    except RecursionError:
        raise RequestValidationError([{"type": "json_invalid", "loc": ("body",), "input": None,
                                       "msg": "invalid JSON: nested deeper than the JSON parser follows"}]) from None


# --------------------------------------------------------------------------- ingestion (threads)


def _outcomes(report, fallback_ids: list[str], source_path: str) -> list[dict[str, Any]]:
    """Per-document outcomes; an identical re-upload (nothing re-read) reports its documents as duplicates."""
    out = []
    for o in report.outcomes:
        status = "duplicate" if o["status"] == "unchanged" else o["status"]
        out.append({**o, "status": status})
    if not out:
        out = [{"doc_id": d, "status": "duplicate", "source_path": source_path} for d in fallback_ids]
    return out


def _ingest_upload(services: Services, up: _Upload) -> IngestResponse:
    from rag.ingest import Ingestor

    suffix = FsPath(up.filename).suffix.lower()
    try:
        check_content(suffix, up.head, complete=up.size <= len(up.head))
    except DocumentError:
        up.tmp_path.unlink(missing_ok=True)
        raise
    final = services.upload_dir / f"{up.sha256[:32]}{suffix}"
    if final.exists():
        up.tmp_path.unlink(missing_ok=True)
    else:
        os.replace(up.tmp_path, final)
    index = services.index()
    key = str(final.resolve())
    with index.write_lock:  # only for this check: reading and embedding below run without the lock
        if index.catalog.file_hash(key) is not None and not index.catalog.source_state(key):
            index.catalog.forget_file(key)  # its documents were deleted: read it again
    report = Ingestor(index).ingest_paths([final])
    index.refresh_lexical()  # as `brief ingest`: the new snapshot's BM25 index and dense matrix, before the next search
    known = list(index.catalog.source_state(key))
    failed = [{"path": up.filename + f.path.removeprefix(key), "reason": f.reason} for f in report.failed]
    if report.failed and not report.outcomes and not known:
        final.unlink(missing_ok=True)
        first = report.failed[0]
        if first.kind == "dependency":  # the server's fault, not the file's: a 500 with the reason in the log
            log.error("upload %s failed: %s", up.filename, first.reason)
            raise DependencyError(first.reason, help_message="the server is missing a package; tell its operator")
        error = {"limit": LimitError, "no_article": NoArticleError}.get(first.kind, DocumentError)
        raise error(first.reason if len(failed) == 1 else f"{len(failed)} failures; first: {failed[0]['path']}: {first.reason}",
                    help_message=None if first.kind == "no_article" else f"'{up.filename}' could not be read as {suffix}")
    shown = services.public_paths()
    return IngestResponse(
        documents=[{**o, "source_path": shown.path(o.get("source_path") or "")} for o in _outcomes(report, known, key)], failed=failed,
        warnings=[{"path": up.filename + w.path.removeprefix(key), "message": w.message} for w in report.warnings],
        undated=_undated([up.filename + path.removeprefix(key) for path in report.undated]),
        chunks_added=report.chunks_added, seconds=round(report.seconds, 3),
    )


def _undated(paths: list[str]) -> UndatedDocuments:
    return UndatedDocuments(count=len(paths), documents=paths)


def _ingest_article(services: Services, article: ArticleIn) -> IngestResponse:
    from rag.ingest import UPLOAD_PREFIX, Ingestor
    from rag.limits import check_text_size
    from rag.loaders import LoadWarning, build_document  # the loaders' normalization (text + metadata layers)

    # fields added after the first uploads count only when sent, so a re-sent article keeps its source key
    record = article.model_dump(exclude={name for name in ("language", "kind") if getattr(article, name) is None})
    digest = hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    key = f"{UPLOAD_PREFIX}{digest[:32]}"
    warnings: list[LoadWarning] = [LoadWarning(key, note) for note in article.notes]
    check_text_size(article.text, services.settings.limits)
    doc = build_document(article.text, key, {k: v for k, v in record.items() if k != "text"}, warnings=warnings)
    index = services.index()
    report = Ingestor(index).ingest_documents([doc], source_key=key)
    index.refresh_lexical()  # as `brief ingest`: the new snapshot's BM25 index and dense matrix, before the next search
    return IngestResponse(
        documents=_outcomes(report, [doc.doc_id], key), warnings=[{"path": key, "message": w.message} for w in warnings],
        undated=_undated(list(report.undated)), chunks_added=report.chunks_added, seconds=round(report.seconds, 3),
    )


def _delete(services: Services, doc_id: str) -> bool:
    from rag.catalog import file_key
    from rag.ingest import Ingestor

    index = services.index()
    with index.write_lock:
        doc = index.catalog.get_document(doc_id)
        if doc is None or not Ingestor(index).delete_document(doc_id):
            return False
        # an upload that now yields nothing is forgotten (and its stored copy removed)
        source = file_key(doc.get("source_path") or "")
        upload_dir = str(services.upload_dir.resolve())
        if source and (source.startswith("upload:") or source.startswith(upload_dir + os.sep)):
            if not index.catalog.source_state(source):
                index.catalog.forget_file(source)
                if not source.startswith("upload:"):
                    FsPath(source).unlink(missing_ok=True)
    index.refresh_lexical()  # outside the write lock: the next search finds the snapshot's indexes built
    return True


# --------------------------------------------------------------------------- routes


@router.post(
    "/documents",
    response_model=IngestResponse,
    summary="Add a document: multipart file upload or a JSON article",
    description=__doc__,
    openapi_extra=UPLOAD_FORM,
    responses={
        401: {"model": ErrorBody}, 413: {"model": ErrorBody, "description": "Larger than api.max_upload_bytes."},
        415: {"model": ErrorBody, "description": "Unsupported type, or content that does not match it."},
        422: {"model": ErrorBody},
    },
)
async def add_document(request: Request, services: ServicesDep):
    ctype = (request.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
    if ctype == "multipart/form-data":
        up = await _receive_multipart(request, services)
        return await run_in_threadpool(_ingest_upload, services, up)
    if ctype in ("application/json", "") or ctype.endswith("+json"):
        data = await _read_json(request, services.settings.api.max_upload_bytes)
        try:
            article = ArticleIn.model_validate(data)
        except ValidationError as exc:
            # the route reads its body itself: the problems name the model, for the error's help (api.field_help)
            errors = [{**e, "loc": ("body", *e["loc"]), "model": ArticleIn} for e in exc.errors(include_url=False)]
            raise RequestValidationError(errors) from None
        return await run_in_threadpool(_ingest_article, services, article)
    raise ApiError(415, "Send multipart/form-data with a 'file' part, or an application/json article.", help=UPLOAD_HELP)


@router.get("/documents", response_model=Page[DocumentOut], summary="List indexed documents (newest first)", responses={401: {"model": ErrorBody}, 422: {"model": ErrorBody}})
def list_documents(index: IndexDep, paths: PathsDep, offset: int = Query(0, ge=0, le=1_000_000), limit: int = Query(20, ge=1, le=100)):
    docs, total = index.catalog.list_documents(offset=offset, limit=limit)
    items = [DocumentOut(**{**d, "source_path": paths.path(d.get("source_path") or "")}) for d in docs]
    return Page[DocumentOut](items=items, total=total, offset=offset, limit=limit)


@router.get("/documents/{doc_id}", response_model=DocumentDetail, summary="A document's metadata and chunks", responses={401: {"model": ErrorBody}, 404: {"model": ErrorBody}})
def get_document(index: IndexDep, paths: PathsDep, doc_id: str = Path(min_length=1, max_length=128)):
    catalog = index.catalog
    doc = catalog.get_document(doc_id)
    if doc is None:
        raise not_found("document", doc_id)
    doc.pop("text", None)
    doc["source_path"] = paths.path(doc.get("source_path") or "")
    return DocumentDetail(**doc, chunks=catalog.chunks_for(doc_id))


@router.delete("/documents/{doc_id}", status_code=204, summary="Delete a document and its chunks", responses={401: {"model": ErrorBody}, 404: {"model": ErrorBody}})
def delete_document(services: ServicesDep, doc_id: str = Path(min_length=1, max_length=128)):
    if not _delete(services, doc_id):
        raise not_found("document", doc_id)
    return None
