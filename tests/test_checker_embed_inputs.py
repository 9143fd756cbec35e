"""What the checker sends to the embedder: the claim and its candidate sentences, then the claim's novel words
with the words of the window it chose, never the words of the other candidate sentences."""

from __future__ import annotations

import pytest

from rag.support import SupportChecker
from rag.support.facts import content_words

PASSAGE = (
    "The regulator fined the carrier for repeated outages of its emergency line. "
    "Engineers blamed a faulty router in the northern data centre. "
    "Shareholders asked the board to replace the chief executive after the quarterly results."
)
CLAIM = "The watchdog penalised the carrier over recurring failures of its emergency line."


class Recording:
    def __init__(self, embed) -> None:
        self.embed, self.calls = embed, []

    def __call__(self, texts):
        self.calls.append(list(texts))
        return self.embed(texts)


@pytest.fixture(scope="module")
def embed():
    from rag.embeddings import MiniLMOnnxEmbedder

    return MiniLMOnnxEmbedder().embed


def test_sentences_first_then_novel_words_and_the_chosen_windows_words(embed):
    rec = Recording(embed)
    result = SupportChecker(rec).check(CLAIM, [PASSAGE])
    assert len(rec.calls) == 2
    sentences, words = rec.calls
    assert CLAIM in sentences and all(len(t.split()) > 3 for t in sentences)
    window_words = set(content_words(result.best_sentence.lower()))
    claim_words = set(content_words(CLAIM.lower()))
    assert words and set(words) <= window_words | claim_words
    others = set(content_words(PASSAGE.lower())) - window_words - claim_words
    assert others and not others & set(words)  # e.g. "shareholders", "router" are not embedded


def test_a_claim_the_cited_words_cover_embeds_no_words(embed):
    rec = Recording(embed)
    SupportChecker(rec).check("Engineers blamed a faulty router in the northern data centre.", [PASSAGE])
    assert len(rec.calls) == 1
