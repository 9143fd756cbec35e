"""A brief's claim is checked against its cited passage's publication date.

An LLM writes "in 2021" for a 2022 article's "last year": the verifier keeps the claim because the chunk carries its
publication date (the checker reads "last year" by it), and still removes a claim that names another year. A claim
citing passages of different dates gets no date (the checker then does not guess).
"""

from __future__ import annotations

from rag.types import Chunk
from rag.verify import CitationVerifier
from rag.writers.base import CitedSpan, DraftClaim, EvidencePassage

CARS = ("A third of last year's inflation was due to higher car prices, he said. Biden said the pandemic disrupted "
        "global supply chains and in turn boosted inflation.")


def passage(doc: str, text: str, published: str | None) -> EvidencePassage:
    meta = {"published": published} if published else {}
    return EvidencePassage("S1", Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta), 1.0)


def verify(checker, claim: str, evidence: list[EvidencePassage]):
    verifier = CitationVerifier(checker, evidence, checker.embed)
    cites = [CitedSpan(p.chunk.chunk_id, 0, len(p.chunk.text)) for p in evidence]
    return verifier.verify("key_developments", DraftClaim(text=claim, cites=cites))


def test_a_dated_passage_supports_the_year_its_last_year_names(checker):
    claim, _ = verify(checker, "Higher car prices caused about a third of inflation in 2021.", [passage("a", CARS, "2022-01-20")])
    assert claim is not None and claim.verified


def test_another_year_is_removed_even_with_the_date(checker):
    claim, repairs = verify(checker, "Higher car prices caused about a third of inflation in 2019.", [passage("a", CARS, "2022-01-20")])
    assert claim is None and repairs[-1].action == "removed"


def test_an_undated_passage_does_not_let_the_year_be_guessed(checker):
    claim, _ = verify(checker, "Higher car prices caused about a third of inflation in 2021.", [passage("a", CARS, None)])
    assert claim is None
