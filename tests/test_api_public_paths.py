"""The API names a source by its place in the corpus ("corpus/001.txt:12-14"), never by the server's filesystem layout:
no response carries the absolute path of a corpus file, of an upload or of the data directory. (The CLI, run where
the files are, shows local paths.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from api.public_paths import PublicPaths
from conftest import CORPUS_DIR

QUESTION = "Why did Japan deny cybersecurity approval to Chinese battery makers?"
CORPUS_FILE = re.compile(r"^corpus/\d{3}_[0-9a-f]{16}\.txt$")


@pytest.fixture(scope="module")
def client(sample_api):
    return sample_api


def _server_paths(text: str) -> list[str]:
    """Absolute paths in a response: the corpus folder's, or any /tmp or /home or /work one (the test's data dirs)."""
    return [p for p in (str(CORPUS_DIR.resolve()), str(CORPUS_DIR.parent)) if p in text] + re.findall(r"/(?:tmp|home|work|root)/[^\s\"`]*", text)


def _responses(client) -> dict[str, str]:
    """Every route that names sources, called as a client would (the id of one document and passage taken from the
    listing), by name → response text."""
    out: dict[str, str] = {}
    out["search"] = client.get("/v1/search", params={"q": "battery makers cybersecurity approval", "k": 5}).text
    out["documents"] = client.get("/v1/documents", params={"limit": 100}).text
    doc_id = json.loads(out["documents"])["items"][0]["doc_id"]
    out["document"] = client.get(f"/v1/documents/{doc_id}").text
    chunk_id = json.loads(out["document"])["chunks"][0]["chunk_id"]
    out["passage"] = client.get(f"/v1/passages/{chunk_id}").text
    out["ask"] = client.post("/v1/ask", json={"question": QUESTION}).text
    brief_id = json.loads(out["ask"])["id"]
    out["brief"] = client.get(f"/v1/briefs/{brief_id}").text
    out["brief markdown"] = client.get(f"/v1/briefs/{brief_id}", params={"format": "markdown"}).text
    out["write"] = client.post("/v1/briefs", json={"topic": "battery cybersecurity approval"}).text
    out["write markdown"] = client.post("/v1/briefs", json={"topic": "battery cybersecurity approval", "format": "markdown"}).text
    out["ask stream"] = client.post("/v1/ask", json={"question": QUESTION, "stream": True}).text
    chat = {"messages": [{"role": "user", "content": QUESTION}]}
    out["chat"] = client.post("/v1/chat/completions", json=chat).text
    out["chat stream"] = client.post("/v1/chat/completions", json={**chat, "stream": True}).text
    out["abstention"] = client.post("/v1/ask", json={"question": "How many F-35 fighters did Poland order in 2024?"}).text
    return out


def test_no_response_names_a_server_path(client) -> None:
    leaks = {name: _server_paths(text) for name, text in _responses(client).items()}
    assert not {name: found for name, found in leaks.items() if found}, leaks


def test_sources_are_named_by_their_place_in_the_corpus(client) -> None:
    hits = client.get("/v1/search", params={"q": "battery makers cybersecurity approval", "k": 5}).json()["hits"]
    assert hits and all(CORPUS_FILE.match(h["source_path"]) for h in hits), [h["source_path"] for h in hits]
    assert all(h["source_ref"].startswith(h["source_path"] + ":") for h in hits)
    body = client.post("/v1/ask", json={"question": QUESTION}).json()
    sources = body["sources"]
    assert sources and all(CORPUS_FILE.match(s["source_path"]) for s in sources)
    assert all(r.startswith(s["source_path"] + ":") for s in sources for r in s["source_refs"])
    cited = [c for sec in body["brief"]["sections"] for claim in sec["claims"] for c in claim["citations"]]
    assert cited and all(CORPUS_FILE.match(c["source_path"]) and c["source_ref"].startswith("corpus/") for c in cited)
    assert f"`{sources[0]['source_refs'][0]}`" in body["answer"]  # the rendered source list says the same


def test_an_upload_is_named_under_uploads_and_a_posted_article_by_its_key(client) -> None:
    upload = client.post("/v1/documents", files={"file": ("note.txt", b"Japan restricted photoresist exports to Korea.", "text/plain")})
    assert upload.status_code == 200, upload.text
    (outcome,) = upload.json()["documents"]
    assert re.fullmatch(r"uploads/[0-9a-f]{32}\.txt", outcome["source_path"]) and not _server_paths(upload.text)
    detail = client.get(f"/v1/documents/{outcome['doc_id']}").json()
    assert detail["source_path"] == outcome["source_path"]
    article = client.post("/v1/documents", json={"title": "T", "text": "Seoul said it would file a WTO complaint."}).json()
    assert article["documents"][0]["source_path"].startswith("upload:")


@pytest.mark.parametrize(("recorded", "shown"), [
    ("/srv/app/corpus/001.txt", "corpus/001.txt"),
    ("/srv/app/corpus/sub/002.md", "corpus/sub/002.md"),
    ("/srv/app/corpus/feeds/news.jsonl#L3", "corpus/feeds/news.jsonl#L3"),
    ("/srv/data/uploads/ab12.pdf", "uploads/ab12.pdf"),
    ("/elsewhere/gone.txt", "gone.txt"),  # a stored brief citing a file no longer indexed: its name alone
    ("upload:0123abcd", "upload:0123abcd"),
    ("corpus/001.txt", "corpus/001.txt"),
    ("", ""),
])
def test_a_recorded_path_is_shown_below_the_corpus_folder(recorded: str, shown: str) -> None:
    paths = PublicPaths(["/srv/app/corpus/001.txt", "/srv/app/corpus/sub/002.md", "/srv/app/corpus/feeds/news.jsonl",
                         "/srv/data/uploads/ab12.pdf", "upload:0123abcd"], Path("/srv/data/uploads"))
    assert paths.path(recorded) == shown
    assert paths.ref(recorded + ":4-6", recorded) == shown + ":4-6" if recorded else True


def test_one_folder_of_files_keeps_its_name() -> None:
    paths = PublicPaths(["/data/realtimeqa-2022/a.jsonl", "/data/realtimeqa-2022/b.jsonl"], Path("/var/lib/brief/uploads"))
    assert paths.path("/data/realtimeqa-2022/b.jsonl#L7") == "realtimeqa-2022/b.jsonl#L7"
    assert paths.ref("/data/realtimeqa-2022/a.pdf p.3", "/data/realtimeqa-2022/a.pdf") == "realtimeqa-2022/a.pdf p.3"
