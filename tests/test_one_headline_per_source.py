"""A section says a story's headline once (issue 10, s35: one fact once).

The fresh user of s34 (finding 12) saw the China assessment's Key developments quote seed 003's headline ("China
Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo") and its labelled report
headline ("Intelligence Report: Tokyo protests as China blocks dual-use exports to 20 Japanese companies"): two
titles of one document, one story told twice. The kind: a section picks at most one title of a document
(``section_picks.second_title``), the labelled headline rather than the page title the Sources entry shows
(``page_title_beside_headline``); another document's title, or a sentence of the same document that is no title,
is not held back. Specified beyond the China source on wire pages, digests and reports.
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import Candidate
from rag.writers.section_picks import page_title_beside_headline, second_title


def _cand(doc: str, text: str, start: int, *, title: bool) -> Candidate:
    chunk = Chunk(f"{doc}-0000", doc, text, 0, 4000, 0, {"title": "", "published": "2026-02-25"})
    return Candidate(EvidencePassage(f"S-{doc}", chunk, 1.0), 0, start, start + len(text), text, role="event",
                     is_title=title)


TWO_TITLES = [  # a document's headline, and its second title (a labelled report headline, a wire page's deck)
    ("China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo",
     "Tokyo protests as China blocks dual-use exports to 20 Japanese companies"),
    ("Seoul suspends imports of Japanese beer", "South Korean retailers pull Japanese brands as the row deepens"),
    ("Treasury sanctions Russia's largest banks", "Sberbank and VTB cut off from the dollar system"),
]


@pytest.mark.parametrize("first, second", TWO_TITLES)
def test_a_documents_second_title_is_held_back_once_one_is_picked(first, second):
    cands = [_cand("a", first, 0, title=True), _cand("a", second, 200, title=True)]
    assert second_title(cands, 1, [0]) and second_title(cands, 0, [1])
    assert not second_title(cands, 1, []) and not second_title(cands, 0, [0])


@pytest.mark.parametrize("first, second", TWO_TITLES)
def test_another_documents_title_or_the_same_documents_sentence_is_not(first, second):
    other = [_cand("a", first, 0, title=True), _cand("b", second, 0, title=True)]
    assert not second_title(other, 1, [0])
    body = [_cand("a", first, 0, title=True), _cand("a", second + " on Tuesday, officials said.", 200, title=False)]
    assert not second_title(body, 1, [0])


def _titled(doc: str, text: str, start: int, page_title: str) -> Candidate:
    chunk = Chunk(f"{doc}-0000", doc, text, 0, 4000, 0, {"title": page_title, "published": "2026-02-25"})
    return Candidate(EvidencePassage(f"S-{doc}", chunk, 1.0), 0, start, start + len(text), text, role="event",
                     is_title=True)


@pytest.mark.parametrize("page, labelled", TWO_TITLES)
def test_of_a_page_title_and_a_labelled_headline_the_section_quotes_the_headline(page, labelled):
    cands = [_titled("a", page, 0, page), _titled("a", labelled, 200, page)]
    assert page_title_beside_headline(cands, 0) and not page_title_beside_headline(cands, 1)
    alone = [_titled("a", page, 0, page), _titled("b", labelled, 0, "Another page")]
    assert not page_title_beside_headline(alone, 0) and not page_title_beside_headline(alone, 1)
