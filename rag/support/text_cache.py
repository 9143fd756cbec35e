"""In-process caches of the checker's text analyses: a cited article's and a window's index, a claim's facts and
words, a window's words, a text's sentences. Each is a pure function of its text, read-only to its users."""

from __future__ import annotations

from functools import lru_cache

from rag.support.calibration import MAX_PASSAGE_WORDS
from rag.support.facts import Facts, TextIndex, content_words, extract_facts, index_text
from rag.text.sentences import Sentence, split_sentences

# A brief's verification checks one claim against its cited chunk, each of the chunk's sentences and the other
# citations in turn (rag/verify.py), so the claim's facts and a window's index recur within a process.


@lru_cache(maxsize=64)
def article_index(text: str, published: str | None = None) -> TextIndex:
    """``index_text`` of a whole cited text, kept for the next claim on the same article."""
    return index_text(text, published)


@lru_cache(maxsize=256)  # a window's index is ~10-20 KB; a brief's claims pick a few hundred windows
def window_index(text: str, published: str | None = None) -> TextIndex:
    """``index_text`` of a support window (one to three sentences), kept for the next check that picks it."""
    return index_text(text, published)


@lru_cache(maxsize=256)
def claim_facts(claim: str) -> tuple[Facts, tuple[str, ...]]:
    """A claim's facts and its distinct content words, in order."""
    facts = extract_facts(claim, claim=True)
    return facts, tuple(dict.fromkeys(content_words(facts.masked)))


@lru_cache(maxsize=256)
def window_words(near: str) -> tuple[str, ...]:
    """The distinct content words (at most ``MAX_PASSAGE_WORDS``) of a support window, in order."""
    return tuple(dict.fromkeys(content_words(extract_facts(near, claim=False).masked)))[:MAX_PASSAGE_WORDS]


@lru_cache(maxsize=64)
def sentences_of(text: str) -> tuple[Sentence, ...]:
    """``split_sentences`` of a claim or passage, kept: the feature readers and the window choice ask it of the
    same claim."""
    return tuple(split_sentences(text))
