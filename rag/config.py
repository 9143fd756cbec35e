"""One settings object: env vars (``BRIEF_`` prefix, ``__`` for nesting) + an optional TOML file."""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_data_dir
from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from rag.text.lexicon import lexicon_hash

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_FILE = Path(os.environ.get("BRIEF_CONFIG_FILE", "brief.toml"))


# The fitted models' hashes are read when a hash is asked for, never at import: importing the checker, the role
# model or the ranker (numpy, the checker's word classes) costs more than the settings themselves, and every
# command, `brief --help` included, imports the settings.
def model_hash() -> str:
    """sha256 hex of the fitted support-checker model file ('' when absent); imports only rag.support.model."""
    from rag.support.model import model_hash as checker_model_hash

    return checker_model_hash()


def support_data_hash() -> str:
    """sha256 hex over the support checker's word-list files (rag.support.data_files.data_hash; reads no TOML)."""
    from rag.support.data_files import data_hash

    return data_hash()


def role_model_hash() -> str:
    """sha256 hex of the shipped sentence-role model file (rag.roles.model_hash)."""
    from rag.roles import model_hash as roles_hash

    return roles_hash()


def ranker_model_hash() -> str:
    """sha256 hex of the shipped ranker model file ('' when absent; rag.ranker.model_hash)."""
    from rag.ranker import model_hash as ranker_hash

    return ranker_hash()


def answer_model_hash() -> str:
    """sha256 hex of the shipped answer-selector model file ('' when absent; rag.writers.answer_model.model_hash)."""
    from rag.writers.answer_model import model_hash as answer_hash

    return answer_hash()


class EmbeddingSettings(BaseModel):
    backend: Literal["minilm-onnx", "openai", "sentence-transformers"] = Field(
        "minilm-onnx", description="Embedder: bundled offline MiniLM (default), an OpenAI-compatible endpoint, or sentence-transformers."
    )
    model: str = Field("all-MiniLM-L6-v2-onnx-int8", description="Model name (for openai / sentence-transformers backends).")
    base_url: str | None = Field(None, description="OpenAI-compatible /v1 base URL for embeddings (Ollama, vLLM, ...).")
    batch_size: int = Field(4, ge=1, le=1024, description="Texts per embedding batch.")
    max_tokens: int = Field(256, ge=16, le=512, description="Token window of the MiniLM encoder (longer text is truncated).")
    threads: int = Field(0, ge=0, le=256, description="MiniLM batches embedded at once, one core each; 0 = every available core.")


class ChromaSettings(BaseModel):
    mode: Literal["embedded", "http"] = Field("embedded", description="Embedded PersistentClient or a Chroma server.")
    host: str = Field("127.0.0.1", description="Chroma server host (http mode).")
    port: int = Field(8000, description="Chroma server port (http mode).")
    ssl: bool = Field(False, description="Use TLS to reach the Chroma server.")
    token: SecretStr | None = Field(None, description="Bearer token for the Chroma server.")
    collection: str = Field("techsec", description="Collection name.")
    search: Literal["exact", "hnsw"] = Field(
        "exact",
        description="How the embedded store answers an unfiltered dense query: \"exact\" = the cosine of every chunk "
                    "of the snapshot's saved matrix (rag/exact_dense.py; chromadb is not even imported; date_search "
                    "\"overfetch\" then over-fetches from this exact ranking; an index saved without the matrix reads it "
                    "from Chroma once); \"hnsw\" = always Chroma's approximate HNSW index. A Chroma server (mode "
                    "\"http\") is always asked itself.")


class ChunkingSettings(BaseModel):
    chunk_tokens: int = Field(256, ge=32, le=2048, description="Target chunk size in tiktoken tokens.")
    overlap_tokens: int = Field(32, ge=0, le=512, description="Overlap between consecutive chunks in tokens.")


class RetrievalSettings(BaseModel):
    top_k: int = Field(8, ge=1, le=100, description="Passages returned by search.")
    candidates: int = Field(50, ge=5, le=1000, description="Candidates each retriever (dense, BM25) contributes before fusion.")
    date_search: Literal["exact", "overfetch", "filter"] = Field(
        "exact",
        description="How dense candidates meeting date bounds alone are found: \"exact\" = cosine of every chunk in "
                    "bounds (rows kept in date order, rag/exact_dense.py); \"overfetch\" = the in-bounds ones among "
                    "HNSW's unfiltered top candidates × date_overfetch (approximate: can miss in-bound neighbours); "
                    "\"filter\" = Chroma's metadata-filtered HNSW query.")
    date_overfetch: int = Field(
        4, ge=2, le=100, description="With date_search \"overfetch\": unfiltered dense neighbours fetched per wanted candidate.")
    fusion: Literal["rrf", "convex"] = Field(
        "rrf",
        description="How the dense and BM25 candidate lists are fused: \"rrf\" = weighted reciprocal rank fusion "
                    "(rrf_k); \"convex\" = the weighted sum of each list's min-max normalised scores (cosine, BM25: "
                    "rag.ranking.convex_fusion).")
    rrf_k: int = Field(
        30, ge=1, description="Reciprocal-rank-fusion constant (30 since h/retr-s36: chosen on the fit half and the "
                              "self-supervised questions, benchmarks/full_corpus.md round 11).")
    max_per_doc: int = Field(2, ge=1, le=20, description="At most this many passages from one article in a result list.")
    dense_weight: float = Field(1.0, ge=0.0, le=10.0, description="Weight of the dense (embedding) ranking in the fusion.")
    bm25_weight: float = Field(1.0, ge=0.0, le=10.0, description="Weight of the BM25 (keyword) ranking in the fusion.")
    bridge_weight: float = Field(
        2.0, ge=0.0, le=10.0,
        description="Weight of the cross-lingual keyword ranking in the fusion: BM25 over the other languages' forms of "
                    "the domain terms the query names (an English query's in Japanese, Chinese and Korean, a CJK "
                    "query's in English: rag/text/cross_lingual.py, rag/text/data/cross_lingual.toml); 0 = off. "
                    "2 = dense_weight + bm25_weight: across languages the English embedder is blind, so this leg "
                    "stands in for both; scaled per query by the share the glossary carries and per passage by the share of the "
                    "query's terms it holds (rag.retrieve.HybridRetriever.rank).")
    recency_half_life_days: float = Field(
        30.0, ge=0.0, le=3650.0,
        description="In a search with an `until` date and no `since` (news as of that day), a passage's score decays "
                    "with its report's age before `until` with this half-life in days; 0 = off.")
    event_day_factor: float = Field(
        0.5, ge=0.0, le=1.0,
        description="In a search with an `until` date and no `since` whose query names one weekday (\"... early "
                    "Thursday\"), a report published before that day keeps this share of its score: it cannot report "
                    "what happened then (1 = off).")
    period_factor: float = Field(
        0.3, ge=0.0, le=1.0,
        description="In a search with an `until` date and no `since` whose query names a period before it (\"… this "
                    "week?\": the window `ask` bounds an answer's evidence to, rag.text.asked_period.asked_period), "
                    "a report published before that period keeps this share of its score (1 = off).")
    recency_floor: float = Field(
        0.2, ge=0.0, le=1.0, description="Share of its score an old report keeps under the recency decay (1 = no decay).")
    background_slots: int = Field(
        1, ge=0, le=10,
        description="In a search with an `until` date and no `since`, the last of the k places (at most this many, "
                    "only when k is over 10) go to the best passages scored without the recency decay that the list "
                    "lacks: an evergreen explainer or an older report that answers the question; 0 = off.")
    article_weight: float = Field(
        0.0, ge=0.0, le=1.0,
        description="Article-level scoring: an article's best passage gains this share of its next two passages' scores.")
    name_copies: int = Field(
        0, ge=0, le=4, description="Keyword search counts the query's names, numbers and quoted phrases this many extra times.")
    context_chunks: int = Field(
        1, ge=0, le=3, description="Neighbouring passages on each side returned with a hit as its context window, when the search asks for it.")
    digest_factor: float = Field(
        0.7, ge=0.0, le=1.0,
        description="Share of its score a passage of a digest (the day's \"5 things to know\", a briefing, a newsletter "
                    "issue: rag/doc_kind.py) keeps, so a single-topic report matching as well comes first; 1 = off.")
    live_blog_factor: float = Field(
        0.7, ge=0.0, le=1.0,
        description="Share of its score a passage of a live blog (one subject's running coverage of a day, \"… live "
                    "updates\", \"…: Recap\": rag/doc_kind.py) keeps, so the report of the asked development matching as "
                    "well comes first; 1 = off (0.7 as digest_factor; probe set of s56, benchmarks/full_corpus.md round 15).")
    title_weight: float = Field(
        0.5, ge=0.0, le=2.0,
        description="A passage's score gains this share times the part of the query's keyword weight (IDF) found in "
                    "its article's headline (its lede and URL slug when it has none); 0 = off.")
    feedback_terms: int = Field(
        0, ge=0, le=100,
        description="Pseudo-relevance feedback on the keyword side (RM3, rag/feedback.py): the BM25 query is run "
                    "again with this many terms of its top feedback_docs passages added; 0 = off.")
    feedback_docs: int = Field(5, ge=1, le=50, description="With feedback_terms: the first BM25 passages the feedback terms come from.")
    feedback_original_weight: float = Field(
        0.5, ge=0.0, le=1.0, description="With feedback_terms: the original query's share of the expanded query's weight.")
    strip_scaffolding: bool = Field(
        False, description="Search with the question's phrases that only say how it asks (\"which of the following\", "
                           "\"this week\": rag/text/data/query_scaffolding.txt) dropped; names and numbers stay.")
    ranker: Literal["hand", "fitted"] = Field(
        "hand",
        description="How fused candidates are scored: \"fitted\" = the pairwise-logistic model over per-passage features "
                    "(rag/ranker.py, rag/assets/ranker_model.json, fitted by `python -m evals.fit_ranker`); \"hand\" = "
                    "RRF with the hand-set weights above (dense/bm25 weight, recency, digest factor, headline match).")
    max_query_chars: int = Field(2000, ge=10, description="Longest accepted query.")


class DedupSettings(BaseModel):
    near_dup_threshold: float = Field(0.8, ge=0.1, le=1.0, description="MinHash Jaccard threshold for near-duplicate stories.")
    num_perm: int = Field(128, ge=16, le=512, description="MinHash permutations.")


class LLMSettings(BaseModel):
    backend: Literal["extractive", "openai"] = Field(
        "extractive", description="Writer: offline extractive (default) or an OpenAI-compatible chat endpoint."
    )
    base_url: str | None = Field(None, description="OpenAI-compatible base URL (Ollama, vLLM, llama.cpp server). Empty = api.openai.com.")
    model: str = Field("gpt-4o-mini", description="Chat model name.")
    temperature: float = Field(0.1, ge=0.0, le=2.0)
    max_tokens: int = Field(1200, ge=16, le=32000, description="Completion token limit.")
    context_tokens: int = Field(8000, ge=512, description="Context window used when packing evidence.")
    timeout: float = Field(60.0, gt=0, description="Seconds per LLM request.")
    retries: int = Field(2, ge=0, le=10, description="Retries with backoff on transient LLM errors.")
    repair_attempts: int = Field(1, ge=0, le=5, description="Re-asks that feed a validation error back to the model.")
    max_reply_chars: int = Field(
        20_000, ge=256, le=2_000_000,
        description="Longest LLM reply read (characters); streams are cut there, longer non-streamed bodies are rejected.",
    )
    api_key_env: str = Field("OPENAI_API_KEY", description="Name of the env var holding the API key (the key itself is never stored).")

    def api_key(self) -> str | None:
        return os.environ.get(self.api_key_env) or None


class GenerationSettings(BaseModel):
    evidence_k: int = Field(12, ge=1, le=100, description="Passages retrieved as evidence for a brief or answer.")
    evidence_per_doc: int = Field(
        3, ge=1, le=20,
        description="At most this many of those passages from one article (a search's own list: retrieval.max_per_doc).")
    min_support: float | None = Field(
        None, ge=0.0, le=1.0,
        description="Support probability a citation needs to count as verified (default: the fitted checker model's threshold).")
    abstain_threshold: float = Field(0.35, ge=0.0, le=1.0, description="Below this relevance the question is treated as unanswerable.")
    answer_selector: Literal["hand", "fitted"] = Field(
        "hand",
        description="How the offline writer picks an answer's first sentence: \"fitted\" = the logistic model over "
                    "per-sentence features (rag/writers/answer_model.py, rag/assets/answer_model.json, fitted by "
                    "`python -m evals.fit_answers`); \"hand\" = the hand-set lead score.")


class SupportSettings(BaseModel):
    encoder: Literal["minilm", "static", "cascade"] = Field(
        "minilm",
        description="The support checker's sentence and word vectors: \"minilm\" = the embedder's MiniLM through the "
                    "embedding cache (the shipped checker model is fitted on it); \"static\" = static token vectors "
                    "derived from the same graph (rag/support/static_encoder.py, ~50x cheaper per text), scored by "
                    "the model fitted on them (rag/support/data/checker_model_static.json, needed); \"cascade\" = "
                    "static first, MiniLM only for the pairs whose static probability is near the threshold "
                    "(rag/support/data/cascade_band.json; a pair MiniLM checks gets MiniLM's verdict).")


class APISettings(BaseModel):
    api_keys_sha256: list[str] = Field(default_factory=list, description="sha256 hex digests of accepted API keys.")
    keys_file: Path | None = Field(None, description="File with one sha256 key digest per line.")
    max_upload_bytes: int = Field(20_000_000, ge=1024, description="Largest accepted upload.")


class LimitsSettings(BaseModel):
    max_file_bytes: int = Field(50_000_000, ge=1024, description="Largest input file read by ingest (checked before reading; larger files are skipped with an error).")
    max_text_chars: int = Field(2_000_000, ge=1000, description="Longest extracted text of one document in characters (longer documents are skipped with an error).")
    max_documents_per_request: int = Field(10_000, ge=1, description="Most documents one file or one API upload may yield (the rest are reported as failed).")


class IngestSettings(BaseModel):
    batch_docs: int = Field(64, ge=1, le=10_000, description="Documents written per batch: one catalog transaction and one Chroma write each.")
    embed_flush: int = Field(64, ge=1, le=100_000, description="Texts embedded between embedding-cache writes (a killed ingest keeps every finished sub-batch).")


class Settings(BaseSettings):
    """Effective configuration: defaults < TOML file < environment."""

    model_config = SettingsConfigDict(env_prefix="BRIEF_", env_nested_delimiter="__", extra="ignore")

    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir("techsec-brief")), description="Where the index, catalog and caches live.")
    prompts_dir: Path = Field(PROJECT_ROOT / "prompts", description="Prompt template directory.")
    hf_offline: bool = Field(True, description="Set HF_HUB_OFFLINE=1 so nothing tries to reach a model hub.")
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    chroma: ChromaSettings = Field(default_factory=ChromaSettings)
    chunking: ChunkingSettings = Field(default_factory=ChunkingSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    dedup: DedupSettings = Field(default_factory=DedupSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    generation: GenerationSettings = Field(default_factory=GenerationSettings)
    support: SupportSettings = Field(default_factory=SupportSettings)
    api: APISettings = Field(default_factory=APISettings)
    limits: LimitsSettings = Field(default_factory=LimitsSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        config_file = Path(os.environ.get("BRIEF_CONFIG_FILE", str(DEFAULT_CONFIG_FILE)))
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if config_file.is_file():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config_file))
        return tuple(sources)

    def masked(self) -> dict[str, Any]:
        """Settings as plain data with secrets masked (for display): SecretStr values and URL credentials."""
        from rag.redact import mask_url

        data = json.loads(self.model_dump_json())
        for group in ("llm", "embedding"):
            data[group]["base_url"] = mask_url(data[group].get("base_url"))
        return data

    def retrieval_fingerprint(self) -> str:
        payload = {
            "embedding": self.embedding.model_dump(),
            "chunking": self.chunking.model_dump(),
            "retrieval": self.retrieval.model_dump(),
            # exact cosine over the saved matrix or Chroma's approximate HNSW: the top k can differ
            "dense_search": self.chroma.search,
            # a refitted ranker changes every ranking it makes
            "ranker_model": ranker_model_hash() if self.retrieval.ranker == "fitted" else "",
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:16]

    def settings_hash(self) -> str:
        """16 hex chars over everything that shapes a brief: retrieval, generation, LLM settings (not the key),
        the lexicons' and the support checker's word lists' content hashes and the fitted checker and role models'
        hashes, so editing a word list or refitting either model changes every brief's provenance."""
        payload = {
            "retrieval": self.retrieval_fingerprint(),
            "generation": self.generation.model_dump(),
            "llm": {k: v for k, v in self.llm.model_dump().items() if k != "api_key_env"},
            "lexicon": lexicon_hash(),
            "support_data": support_data_hash(),
            "role_model": role_model_hash(),
            "checker_model": model_hash(),
            # a refitted answer selector changes the answers it picks
            "answer_model": answer_model_hash() if self.generation.answer_selector == "fitted" else "",
        }
        if self.support.encoder != "minilm":  # (absent by default: the default's hash stays what it was)
            from rag.support.encoders import checker_model_path
            from rag.support.model import model_hash as checker_hash
            from rag.support.static_encoder import TABLE_VERSION

            # the static table is a pure function of the sha256-checked MiniLM graph and TABLE_VERSION
            payload["support"] = {"encoder": self.support.encoder, "table_version": TABLE_VERSION,
                                  "checker_model": checker_hash(checker_model_path(self.support.encoder))}
            if self.support.encoder == "cascade":  # the band decides which stage's verdict a pair gets
                from rag.support.encoders import CASCADE_BAND_PATH

                payload["support"]["band"] = checker_hash(CASCADE_BAND_PATH)
        return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, built on first use (never at import)."""
    return Settings()
