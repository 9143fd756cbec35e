"""Shared fixtures: hermetic settings in temp dirs, the sample corpus indexed once, consistency checks.

* Every test builds its own ``Settings(data_dir=tmp_path / ...)`` through the ``settings`` factory; nothing
  relies on the process-wide ``get_settings()`` object. For the whole session the developer's ``BRIEF_*``
  variables are removed, ``BRIEF_CONFIG_FILE`` points at a file that does not exist (so a ``brief.toml`` in
  the working directory cannot leak in) and ``BRIEF_DATA_DIR`` points into a temp dir (so code that does
  fall back to ``get_settings()`` never touches the real data directory).
* ``sample_index`` ingests ``corpus/`` once per session (about 6 s with the real MiniLM embedder) for
  read-only tests; ``fresh_index`` opens empty indexes whose embedding cache is seeded from it, so
  re-ingesting sample articles into a new data directory costs no embedding time.
"""

from __future__ import annotations

import rag  # noqa: F401  (first: sets TIKTOKEN_CACHE_DIR, HF_HUB_OFFLINE and Chroma telemetry off)

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rag.config import Settings, get_settings
from rag.index import CorpusIndex
from rag.ingest import IngestReport, Ingestor
from rag.loaders import load_file
from rag.types import SourceDocument

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT / "corpus"


# --- environment ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session", autouse=True)
def _hermetic_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No developer BRIEF_* variable, brief.toml or real data directory influences the tests."""
    mp = pytest.MonkeyPatch()
    for key in list(os.environ):
        if key.startswith("BRIEF_"):
            mp.delenv(key)
    scratch = tmp_path_factory.mktemp("env")
    mp.setenv("BRIEF_CONFIG_FILE", str(scratch / "no-such-brief.toml"))
    mp.setenv("BRIEF_DATA_DIR", str(scratch / "default-data-dir"))
    get_settings.cache_clear()
    yield
    mp.undo()
    get_settings.cache_clear()


# --- settings and indexes ------------------------------------------------------------------------------------------

SettingsFactory = Callable[..., Settings]


@pytest.fixture
def settings(tmp_path: Path) -> SettingsFactory:
    """Factory: ``settings(name="data", **overrides)`` → ``Settings(data_dir=tmp_path / name, **overrides)``.

    Built explicitly (env vars still apply on top of defaults, as in production, but init arguments win).
    """

    def factory(name: str = "data", **overrides: Any) -> Settings:
        return Settings(data_dir=tmp_path / name, **overrides)

    return factory


def copy_sqlite(src: Path, dst: Path) -> None:
    """Copy a live SQLite database (WAL mode) consistently with the backup API."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(str(src)) as source, sqlite3.connect(str(dst)) as target:
        source.backup(target)
    source.close()
    target.close()


@pytest.fixture(scope="session")
def minilm():
    """The offline MiniLM embedder (the shipped ONNX weights, one thread), loaded once per session."""
    from rag.embeddings import MiniLMOnnxEmbedder

    return MiniLMOnnxEmbedder(threads=1)


@pytest.fixture(scope="session")
def checker(minilm):
    """The offline support checker as the pipeline builds it: MiniLM over each text's embedding form
    (``rag.pipeline``: full-width ＳＭＩＣ is embedded as SMIC). Stateless per call, so shared by the session."""
    from rag.support import SupportChecker
    from rag.text.normalize import embed_form

    return SupportChecker(lambda texts: minilm.embed([embed_form(t) for t in texts]))


@pytest.fixture(scope="session")
def _sample_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, CorpusIndex, IngestReport]]:
    data_dir = tmp_path_factory.mktemp("sample-index")
    s = Settings(data_dir=data_dir)
    index = CorpusIndex(s)
    report = Ingestor(index).ingest_paths([CORPUS_DIR])
    assert report.added == 5 and not report.failed, report.to_dict()
    yield s, index, report
    index.close()


@pytest.fixture(scope="session")
def sample_index(_sample_build) -> tuple[Settings, CorpusIndex]:
    """(settings, CorpusIndex) of the sample corpus, ingested once per session. Treat as read-only."""
    s, index, _ = _sample_build
    return s, index


@pytest.fixture(scope="session")
def sample_first_report(_sample_build) -> IngestReport:
    """The report of the session's first (cold) ingest of the sample corpus."""
    return _sample_build[2]


@pytest.fixture(scope="session")
def corpus_docs() -> dict[str, SourceDocument]:
    """The sample articles as loaded, keyed by their file-name prefix ("000" … "004")."""
    docs: dict[str, SourceDocument] = {}
    for path in sorted(CORPUS_DIR.glob("*.txt")):
        (doc,) = list(load_file(path))
        assert isinstance(doc, SourceDocument), doc
        docs[path.name[:3]] = doc
    return docs


@pytest.fixture
def fresh_index(settings: SettingsFactory, sample_index) -> Iterator[Callable[..., CorpusIndex]]:
    """Factory: an empty CorpusIndex in a new temp data dir (closed at teardown).

    ``warm=True`` (default) seeds its embedding cache with the sample corpus's vectors.
    """
    opened: list[CorpusIndex] = []

    def factory(name: str = "data", *, warm: bool = True, embedder=None, **overrides: Any) -> CorpusIndex:
        s = settings(name, **overrides)
        if warm:
            copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", s.data_dir / "embedding-cache.sqlite")
        index = CorpusIndex(s, embedder=embedder)
        opened.append(index)
        return index

    yield factory
    for index in opened:
        index.close()


def copy_corpus(dst: Path) -> Path:
    """A writable copy of the sample corpus (the originals are read-only files)."""
    shutil.copytree(CORPUS_DIR, dst, copy_function=shutil.copyfile)
    return dst


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of corpus/ in a temp dir."""
    return copy_corpus(tmp_path / "corpus")


# --- consistency -----------------------------------------------------------------------------------------------------


def chroma_chunk_ids(index: CorpusIndex) -> set[str]:
    return set(index.store.collection.get(include=[])["ids"])


def catalog_chunk_ids(index: CorpusIndex) -> set[str]:
    return {row["chunk_id"] for row in index.catalog.all_chunks()}


def indexed_doc_ids(index: CorpusIndex) -> set[str]:
    docs, total = index.catalog.list_documents(limit=1_000_000)
    assert len(docs) == total
    return {d["doc_id"] for d in docs}


def assert_consistent(index: CorpusIndex, expected_doc_ids: set[str] | None = None) -> None:
    """Catalog and Chroma agree: same documents, same chunks, nothing pending, no orphan rows or vectors."""
    catalog_docs = indexed_doc_ids(index)
    assert index.catalog.pending_documents() == [], "pending documents left behind"
    assert index.catalog.orphan_documents() == [], "documents no source file yields"
    assert index.store.doc_ids() == catalog_docs, "Chroma and the catalog disagree about documents"
    assert chroma_chunk_ids(index) == catalog_chunk_ids(index), "orphan or missing chunk vectors"
    for doc_id in catalog_docs:
        doc = index.catalog.get_document(doc_id)
        assert doc["n_chunks"] == len(index.catalog.chunks_for(doc_id)) > 0
    if expected_doc_ids is not None:
        assert catalog_docs == expected_doc_ids


@pytest.fixture
def check_consistency() -> Callable[..., None]:
    """``check_consistency(index, expected_doc_ids=None)``: see ``assert_consistent``."""
    return assert_consistent


# --- fake embedders ----------------------------------------------------------------------------------------------------


class FakeEmbedder:
    """A tiny deterministic embedder (bag of hashed words, unit norm) for store tests and model-mismatch checks."""

    def __init__(self, model_id: str = "fake-hash-8", dim: int = 8) -> None:
        self.model_id = model_id
        self.dim = dim

    def embed(self, texts) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in str(text).lower().split():
                out[row, sum(word.encode()) % self.dim] += 1.0
            out[row, 0] += 1e-3
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture
def fake_embedder_cls() -> type[FakeEmbedder]:
    return FakeEmbedder


@pytest.fixture
def cli():
    """Invoke ``brief`` in-process with the given env; settings and opened indexes are reset around it."""
    from typer.testing import CliRunner

    from rag.cli import app
    from rag.config import get_settings
    from rag.index import close_all

    runner = CliRunner()

    def invoke(args: list[str], input: str | None = None, **env: str):
        get_settings.cache_clear()
        try:
            return runner.invoke(app, args, env=env, input=input, catch_exceptions=False)
        finally:
            get_settings.cache_clear()

    yield invoke
    close_all()


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    """An offline ``Engine`` over the sample index, one per test module (a module may define its own)."""
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


@pytest.fixture(scope="module")
def sample_api(tmp_path_factory, sample_index):
    """A TestClient over the API with its own copy of the sample corpus (the app writes its brief store into the data
    dir), up for one test module."""
    from fastapi.testclient import TestClient

    from api.main import create_app
    from rag.index import open_index

    data_dir = tmp_path_factory.mktemp("sample-api")
    copy_sqlite(sample_index[0].data_dir / "embedding-cache.sqlite", data_dir / "embedding-cache.sqlite")
    Ingestor(open_index(Settings(data_dir=data_dir))).ingest_paths([CORPUS_DIR])
    with TestClient(create_app(Settings(data_dir=data_dir), warm_up=False)) as client:
        yield client


@pytest.fixture(scope="module")
def server():
    """A real OpenAI-compatible HTTP server with scripted replies, up for one test module."""
    from scripted_llm import ScriptedLLMServer

    with ScriptedLLMServer() as srv:
        yield srv


@pytest.fixture
def llm(server):
    """The module's scripted server, emptied before and after each test."""
    server.reset()
    server.default = None
    yield server
    server.default = None


def engine_over(data_dir: Path, *sources: Path):
    """An offline ``Engine`` over ``sources`` ingested into a fresh index at ``data_dir`` (module-scoped fixtures use it)."""
    from rag.pipeline import Engine

    settings = Settings(data_dir=data_dir)
    index = CorpusIndex(settings)
    Ingestor(index).ingest_paths(list(sources))
    index.close()
    return Engine.from_settings(settings)


def stems_of(*texts: str) -> set[str]:
    """The stems of ``texts`` together (``rag.writers.key_terms.stems``), as the on-topic readers hold a document's."""
    from rag.writers.key_terms import stems

    return set().union(*(set(stems(t)) for t in texts))


def engine_over_texts(root: Path, texts: dict[str, str]):
    """An offline ``Engine`` over articles written for a test: ``texts`` maps a file name ("01_report.md") to its
    text, written under ``root / "docs"``; the index lives in ``root / "data"`` (``engine_over``)."""
    docs = root / "docs"
    docs.mkdir()
    for name, text in texts.items():
        (docs / name).write_text(text, encoding="utf-8")
    return engine_over(root / "data", docs)


def engine_over_headed(root: Path, articles: dict[str, tuple[str, str, str, str]]):
    """``engine_over_texts`` over plain-text news articles written for a test: ``articles`` maps a file name to its
    (title, publisher, ISO day, body), written with a ``Title:``/``Publisher:``/``Date:`` header block (metadata, not
    text: the body's first paragraph is the report's lede)."""
    texts = {name: f"Title: {title}\nPublisher: {publisher}\nDate: {day}\n\n{body}\n"
             for name, (title, publisher, day, body) in articles.items()}
    return engine_over_texts(root, texts)


def engine_over_articles(root: Path, articles):
    """``engine_over_texts`` over news articles written for a test: ``articles`` are (file name, ISO day, title, body)
    rows, each written as Markdown with its title, a "Published: … · Publisher: Wire" line and its body."""
    texts = {name: f"# {title}\n\nPublished: {day} · Publisher: Wire\n\n{body}\n" for name, day, title, body in articles}
    return engine_over_texts(root, texts)


def article_evidence(*articles: tuple[str, str], published: str = "2022-09-10"):
    """One ``EvidencePassage`` per (title, text) article written for a test, ranked in the order given, each its own
    document of "Test Wire" published on ``published`` (for the writer alone, without an index)."""
    from rag.types import Chunk
    from rag.writers.base import EvidencePassage

    out = []
    for i, (title, text) in enumerate(articles):
        chunk = Chunk(f"c{i}", f"doc{i}", text, 0, len(text), 0,
                      {"title": title, "published": published, "publisher": "Test Wire"})
        out.append(EvidencePassage(f"S{i + 1}", chunk, 1.0 - i / 10))
    return out


def place_stories(*texts: str):
    """Place article ``texts`` in order in a fresh story index as the ingestor does (body, MinHash, salient facts);
    returns the placements (``rag.dedup.StoryIndex.assign``)."""
    from rag.dedup import StoryIndex, minhash_of, story_body
    from rag.facts import salient_facts

    stories = StoryIndex()
    out = []
    for i, text in enumerate(texts):
        body = story_body(text)
        out.append(stories.assign(f"doc{i}", minhash_of(body), salient_facts(body)))
    return out


def answer_of(engine, question: str, until: str) -> str:
    """``engine``'s answer to ``question`` as of ``until`` (ISO day): its claims' text in order, as RealTime QA reads
    it (``evals.rtqa_answers.answer_text``); the answer must not abstain (its message is the assertion's)."""
    from evals.rtqa_answers import answer_text
    from rag.types import SearchFilters

    brief = engine.write(question, template="answer", filters=SearchFilters(until=until))
    assert not brief.abstained, brief.message
    return answer_text(brief)


def answer_lead(engine, question: str, until: str) -> str:
    """The first sentence of ``answer_of`` (``evals.rtqa_answers.first_sentence``), as RealTime QA scores it."""
    from evals.rtqa_answers import first_sentence

    return first_sentence(answer_of(engine, question, until))


@pytest.fixture(scope="module")
def writer(sample_index):
    """The offline extractive writer on the sample index's embedder (a module may define its own `writer`)."""
    from rag.writers.extractive import ExtractiveWriter

    return ExtractiveWriter(sample_index[1].embedder)


@pytest.fixture(scope="module")
def library():
    """The shipped prompt templates (`prompts/`)."""
    from rag.templates import TemplateLibrary

    return TemplateLibrary(Path(__file__).resolve().parents[1] / "prompts")
