"""Bounded input: limits.* checked while reading, one bad file or JSONL line costs only itself, honest exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.config import LimitsSettings
from rag.errors import LimitError
from rag.limits import read_bounded
from rag.loaders import LoadFailure, load_file

ARTICLE = "Korea expanded its lithography subsidy for domestic chip fabs, the industry ministry said on Monday. "


def _load(path: Path, **limits) -> tuple[list, list[LoadFailure]]:
    items = list(load_file(path, limits=LimitsSettings(**limits)))
    return [i for i in items if not isinstance(i, LoadFailure)], [i for i in items if isinstance(i, LoadFailure)]


def test_a_file_over_the_byte_limit_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # sparse: 8 GB on paper, nothing on disk; reading it would exhaust memory
        fh.truncate(8 << 30)
    docs, failed = _load(huge, max_file_bytes=1_000_000)
    assert docs == [] and len(failed) == 1
    assert failed[0].kind == "limit" and "limits.max_file_bytes" in failed[0].reason and "8,589,934,592" in failed[0].reason


def test_read_bounded_stops_at_the_limit_when_stat_does_not_know_the_size():
    status = Path("/proc/self/status")  # st_size 0, content > 1 kB
    if not status.exists():
        pytest.skip("needs /proc")
    assert status.stat().st_size == 0
    with pytest.raises(LimitError, match="max_file_bytes"):
        read_bounded(status, 1024)
    assert read_bounded(status, 1 << 20).startswith(b"Name:")


@pytest.mark.parametrize("suffix, wrap", [
    (".txt", lambda t: t),
    (".md", lambda t: t),
    (".html", lambda t: f"<html><head><title>Chips</title></head><body><article><p>{t}</p></article></body></html>"),
])
def test_extracted_text_over_the_char_limit_is_refused_with_a_clear_reason(tmp_path, suffix, wrap):
    path = tmp_path / f"long{suffix}"
    path.write_text(wrap(ARTICLE * 200), encoding="utf-8")  # ~20,000 characters
    docs, failed = _load(path, max_text_chars=5_000)
    assert docs == [] and [f.kind for f in failed] == ["limit"]
    assert "limits.max_text_chars (5,000)" in failed[0].reason
    docs, failed = _load(path, max_text_chars=50_000)
    assert len(docs) == 1 and failed == []


def _jsonl(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _record(i: int) -> bytes:
    return json.dumps({"title": f"Story {i}", "text": f"Story number {i}. " + ARTICLE}).encode()


@pytest.mark.parametrize("bad, reason", [
    (b'{"title": "x", "text": "nul\x00 inside"}', "NUL"),
    (b'{"title": "x", "text": "caf\xe9 \xff\xfe"}', "invalid UTF-8"),
    (b'\x00\x00\x00\x00', "NUL"),
    (b'{"title": "unterminated', "invalid JSON"),
    (b'{"title": "no text field"}', ""),
])
def test_a_bad_jsonl_line_rejects_only_itself_and_keeps_its_line_number(tmp_path, bad, reason):
    path = _jsonl(tmp_path / "feed.jsonl", [_record(1), _record(2), bad, _record(4), b"", _record(6)])
    docs, failed = _load(path)
    assert [d.title for d in docs] == ["Story 1", "Story 2", "Story 4", "Story 6"]
    assert [f.path for f in failed] == [f"{path}#L3"] and reason in failed[0].reason


def test_a_legacy_charset_jsonl_file_is_still_decoded_as_a_whole(tmp_path):
    lines = [json.dumps({"title": f"Caf\u00e9 {i}", "text": f"Le caf\u00e9 num\u00e9ro {i}. " + ARTICLE}, ensure_ascii=False).encode("cp1252")
             for i in range(4)]
    docs, failed = _load(_jsonl(tmp_path / "legacy.jsonl", lines))
    assert failed == [] and [d.title for d in docs] == [f"Caf\u00e9 {i}" for i in range(4)]


def test_documents_per_file_are_bounded_and_the_cut_is_reported(tmp_path):
    path = _jsonl(tmp_path / "many.jsonl", [_record(i) for i in range(1, 6)])
    docs, failed = _load(path, max_documents_per_request=3)
    assert len(docs) == 3
    assert [(f.path, f.kind) for f in failed] == [(f"{path}#L4", "limit")] and "max_documents_per_request" in failed[0].reason


def test_a_jsonl_line_over_the_text_limit_rejects_only_that_line(tmp_path):
    long = json.dumps({"title": "Long", "text": ARTICLE * 100}).encode()
    path = _jsonl(tmp_path / "mixed.jsonl", [_record(1), long, _record(3)])
    docs, failed = _load(path, max_text_chars=2_000)
    assert [d.title for d in docs] == ["Story 1", "Story 3"]
    assert [(f.path, f.kind) for f in failed] == [(f"{path}#L2", "limit")]


def test_cli_ingest_goes_on_after_an_oversize_file_and_exits_non_zero(cli, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a-big.txt").write_text(ARTICLE * 500, encoding="utf-8")
    (src / "b-small.txt").write_text(ARTICLE, encoding="utf-8")
    _jsonl(src / "c-feed.jsonl", [_record(1), b'{"text": "bad\x00"}', _record(3)])
    env = {"BRIEF_DATA_DIR": str(tmp_path / "data"), "BRIEF_LIMITS__MAX_FILE_BYTES": "20000"}
    result = cli(["ingest", str(src), "--json"], **env)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["added"] == 3
    failed = {Path(f["path"]).name: f["reason"] for f in report["failed"]}
    assert set(failed) == {"a-big.txt", "c-feed.jsonl#L2"}
    assert "limits.max_file_bytes" in failed["a-big.txt"] and "NUL" in failed["c-feed.jsonl#L2"]
    plain = cli(["ingest", str(src)], **{**env, "BRIEF_DATA_DIR": str(tmp_path / "data2")})
    assert plain.exit_code == 1 and "2 inputs failed" in plain.stderr


def test_cli_ingest_exits_zero_only_when_nothing_failed(cli, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE, encoding="utf-8")
    assert cli(["ingest", str(src)], BRIEF_DATA_DIR=str(tmp_path / "data")).exit_code == 0
    (src / "empty.md").write_text("   ")
    every = cli(["ingest", str(src / "empty.md")], BRIEF_DATA_DIR=str(tmp_path / "data2"))
    assert every.exit_code == 1 and "1 input failed" in every.stderr


def test_html_with_a_text_block_too_large_for_the_parser_says_so(tmp_path):
    path = tmp_path / "one-paragraph.html"
    body = ARTICLE * (10_500_000 // len(ARTICLE))  # one <p> of ~10.5 MB: libxml2 drops text nodes over 10 MB
    path.write_text(f"<html><head><title>Big</title></head><body><article><p>{body}</p></article></body></html>", encoding="utf-8")
    docs, failed = _load(path, max_text_chars=20_000_000)
    assert docs == [] and len(failed) == 1 and "single text block over 10 MB" in failed[0].reason


def test_interleaved_writers_still_see_each_others_stories(fresh_index, fake_embedder_cls):
    """Writers interleave between batches now (the lock is not held while reading): a second Ingestor's story
    index must not miss what the first one wrote after it was loaded."""
    from rag.ingest import Ingestor
    from rag.loaders import build_document

    index = fresh_index(warm=False, embedder=fake_embedder_cls())
    story = ("Seoul unveils Yongin semiconductor cluster incentives. South Korea's trade ministry announced a package of "
             "tax credits for foreign chipmakers that build fabrication plants in the Yongin cluster, officials said. ") * 3
    first, second = Ingestor(index), Ingestor(index)
    first.ingest_documents([build_document("Unrelated: " + ARTICLE * 3, "upload:a")], source_key="upload:a")  # loads its story index
    second.ingest_documents([build_document(story, "upload:b")], source_key="upload:b")
    report = first.ingest_documents([build_document(story + " Reporting by staff.", "upload:c")], source_key="upload:c")
    assert report.near_duplicates == 1, report.to_dict()


def test_a_pdf_stops_being_read_at_the_page_that_passes_the_char_limit(tmp_path, monkeypatch):
    """A small file can expand to far more text than the limit (pages that share one huge compressed stream): the
    pages after the one that passes ``max_text_chars`` are never extracted."""
    from pypdf import PageObject

    from pdfs import make_pdf

    read = []
    extract = PageObject.extract_text
    monkeypatch.setattr(PageObject, "extract_text", lambda self, *a, **k: read.append(1) or extract(self, *a, **k))
    path = tmp_path / "many.pdf"
    path.write_bytes(make_pdf([[ARTICLE * 10] for _ in range(20)]))  # ~1,000 characters a page
    docs, failed = _load(path, max_text_chars=2_500)
    assert docs == [] and [f.kind for f in failed] == ["limit"]
    assert "limits.max_text_chars (2,500)" in failed[0].reason
    assert len(read) == 3
    read.clear()
    docs, failed = _load(path, max_text_chars=50_000)
    assert len(docs) == 1 and failed == [] and len(read) == 20
