"""Specification of chunking (rag.chunking): token-bounded passages whose spans point exactly into the text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rag.chunking import chunk_document, chunk_id_for, count_tokens, embedding_text
from rag.text.normalize import doc_id_for, normalize_text
from rag.types import Chunk, SourceDocument

TOKEN_SLACK = 8  # tiktoken counts of a substring can differ by a few tokens from the splitter's own split counts
SETTINGS = [(256, 32), (64, 16), (64, 0), (32, 8)]


def make_doc(text: str, *, normalize: bool = True, **meta) -> SourceDocument:
    """A SourceDocument as the loaders build it (normalized text, content-hash id)."""
    text = normalize_text(text) if normalize else text
    return SourceDocument(doc_id=doc_id_for(text), text=text, source_path="/synthetic.txt", **meta)


# Odd whitespace, invisible and combining characters, CJK without spaces, emoji, a long run with no break
# opportunity, and repeated sentences and paragraphs (text that occurs more than once must still be placed at
# the right occurrence).
ODD_TEXT = (
    "Export\u00a0controls\u2003tightened\t\tagain.\r\n\r\n\r\n"
    "Zero\u200bwidth and soft\u00adhyphen and cafe\u0301 and Åström and ﬁne ligatures.\n"
    + "Seoul and Tokyo traded accusations over hydrogen fluoride shipments. " * 30
    + "\n\n"
    + "日本政府は韓国向けの半導体材料の輸出管理を強化した。" * 25
    + "\n"
    + "🚀🇯🇵🇰🇷 " * 40
    + "\n"
    + "x" * 2500
    + "\n\n"
    + ("The same paragraph appears twice in scraped pages. It mentions photoresists, "
       "etching gas and fluorinated polyimide.\n\n") * 6
    + "The end."
)

SYNTHETIC = {
    "normalized odd text": make_doc(ODD_TEXT),
    "raw odd text (not normalized)": make_doc(ODD_TEXT, normalize=False),
    "one short sentence": make_doc("Japan restricts exports."),
    "no sentence punctuation at all": make_doc(" ".join(f"word{i}" for i in range(1500))),
}


def all_docs(corpus_docs: dict[str, SourceDocument]) -> list[tuple[str, SourceDocument]]:
    return [(f"corpus/{k}", d) for k, d in corpus_docs.items()] + list(SYNTHETIC.items())


def uncovered_text(doc: SourceDocument, chunks: list[Chunk]) -> str:
    """The non-whitespace characters of the document no chunk contains."""
    covered = bytearray(len(doc.text))
    for c in chunks:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    return "".join(ch for ch, flag in zip(doc.text, covered) if not flag and not ch.isspace())


@pytest.mark.parametrize("chunk_tokens,overlap_tokens", SETTINGS)
def test_every_chunk_span_is_exactly_its_text_and_the_chunks_cover_the_document(corpus_docs, chunk_tokens, overlap_tokens):
    """``doc.text[start:end] == chunk.text`` for every chunk; spans move forward and no text is dropped."""
    for name, doc in all_docs(corpus_docs):
        chunks = chunk_document(doc, chunk_tokens=chunk_tokens, overlap_tokens=overlap_tokens)
        assert chunks, name
        for c in chunks:
            assert doc.text[c.start : c.end] == c.text, (name, c.index)
            assert c.text.strip(), (name, c.index)
        starts = [c.start for c in chunks]
        assert starts == sorted(set(starts)), f"{name}: chunk starts must strictly increase"
        assert uncovered_text(doc, chunks) == "", f"{name}: text lost between chunks"


def test_repeated_text_is_placed_at_the_right_occurrence():
    """A chunk whose text also occurs earlier points at its own occurrence, not the first one."""
    paragraph = "Tokyo tightened export approvals for three chemicals used in chipmaking. " * 12
    doc = make_doc((paragraph + "\n\n") * 4)
    chunks = chunk_document(doc, chunk_tokens=64, overlap_tokens=0)
    assert len(chunks) > 4
    for a, b in zip(chunks, chunks[1:]):
        assert b.start >= a.end, "with no overlap configured, spans must not overlap"
    assert chunks[-1].end == len(doc.text)


@pytest.mark.parametrize("chunk_tokens,overlap_tokens", SETTINGS)
def test_chunks_stay_within_the_token_budget(corpus_docs, chunk_tokens, overlap_tokens):
    """No chunk exceeds ``chunk_tokens`` tiktoken tokens (plus a few tokens of counting slack)."""
    for name, doc in all_docs(corpus_docs):
        for c in chunk_document(doc, chunk_tokens=chunk_tokens, overlap_tokens=overlap_tokens):
            assert count_tokens(c.text) <= chunk_tokens + TOKEN_SLACK, (name, c.index, count_tokens(c.text))


def test_smaller_chunk_size_gives_more_chunks(corpus_docs):
    doc = corpus_docs["004"]
    big = chunk_document(doc, chunk_tokens=256, overlap_tokens=0)
    small = chunk_document(doc, chunk_tokens=64, overlap_tokens=0)
    assert len(small) > 3 * len(big)


def overlaps_in_tokens(doc: SourceDocument, chunks: list[Chunk]) -> list[int]:
    return [count_tokens(doc.text[b.start : a.end]) if a.end > b.start else 0 for a, b in zip(chunks, chunks[1:])]


@pytest.mark.parametrize("overlap_tokens", [0, 16, 32])
def test_overlap_between_consecutive_chunks_is_bounded_by_the_setting(corpus_docs, overlap_tokens):
    """Consecutive chunks share at most ``overlap_tokens`` tokens; with 0, spans never overlap."""
    for key, doc in corpus_docs.items():
        chunks = chunk_document(doc, chunk_tokens=64, overlap_tokens=overlap_tokens)
        for a, b in zip(chunks, chunks[1:]):
            if overlap_tokens == 0:
                assert b.start >= a.end, (key, a.index)
        assert max(overlaps_in_tokens(doc, chunks), default=0) <= overlap_tokens + 2, key


def test_overlap_is_actually_used_when_configured(corpus_docs):
    """With an overlap setting, some consecutive chunks do share text (the setting is not ignored)."""
    doc = corpus_docs["004"]
    with_overlap = overlaps_in_tokens(doc, chunk_document(doc, chunk_tokens=256, overlap_tokens=32))
    without = overlaps_in_tokens(doc, chunk_document(doc, chunk_tokens=256, overlap_tokens=0))
    assert sum(with_overlap) > 0
    assert sum(without) == 0


def test_chunk_ids_are_stable_and_derive_from_the_content_hash(corpus_docs):
    """Same text → same chunks and ids, whatever the file is called; ids are ``{doc_id}-{index:04d}``."""
    doc = corpus_docs["003"]
    first = chunk_document(doc)
    again = chunk_document(doc)
    elsewhere = chunk_document(replace(doc, source_path="/somewhere/else.txt"))
    assert [(c.chunk_id, c.start, c.end, c.text) for c in first] == [(c.chunk_id, c.start, c.end, c.text) for c in again]
    assert [c.chunk_id for c in elsewhere] == [c.chunk_id for c in first]
    assert [c.index for c in first] == list(range(len(first)))
    assert [c.chunk_id for c in first] == [chunk_id_for(doc.doc_id, i) for i in range(len(first))]
    assert len({c.chunk_id for c in first}) == len(first)
    edited = make_doc(doc.text + "\n\nOne more sentence.")
    assert edited.doc_id != doc.doc_id
    assert not {c.chunk_id for c in chunk_document(edited)} & {c.chunk_id for c in first}


def test_chunks_carry_the_document_metadata():
    doc = make_doc(
        "Japan added 20 Chinese entities to its end-user list. " * 60,
        title="Japan expands end-user list",
        publisher="Nikkei Asia",
        published="2026-02-25",
        url="https://example.org/a",
        authors=("A. Writer",),
        kind="news",
    )
    chunks = chunk_document(doc, chunk_tokens=64, overlap_tokens=8)
    assert len(chunks) > 1
    for c in chunks:
        assert c.doc_id == doc.doc_id
        assert c.metadata == doc.metadata()
        assert (c.title, c.publisher, c.published, c.url) == (
            "Japan expands end-user list", "Nikkei Asia", "2026-02-25", "https://example.org/a",
        )
        assert c.metadata["published_int"] == 20260225
        assert embedding_text(c) == f"Japan expands end-user list\n{c.text}"


def test_untitled_chunks_embed_their_text_only():
    doc = make_doc("An untitled note about lithography export licences.")
    (chunk,) = chunk_document(doc)
    assert chunk.title == "" and chunk.published is None
    assert embedding_text(chunk) == chunk.text
