"""A caption between two sentences is skipped, not the end of the context (issue 10, item 4), specified on fresh pages.

Seen on the sample corpus: in the Taipei Times page a "Photo: AP" line stands between "Such materials can only be
exported to trustworthy trading partners, Japanese officials have said ..." and "They have rejected suggestions
that the move was driven by ...", so the dependent "They ..." sentence was never quoted and the brief never saw the
explanation it denies.

- In a brief, page furniture between two prose sentences (a photo caption or credit line, an "Advertisement" slot)
  is skipped: a dependent sentence after it is quoted with the sentence before it, the furniture left out, and the
  quote cites each of its two parts (each the document's text at its span).
- The citation checker reads those parts as the one passage they make: the quote is kept, citing both.
- Anything else between them still ends the context (a heading), and a paragraph break still does what it did.
"""

from __future__ import annotations

import pytest

from rag.text.sentences import flatten
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates


def passage(text: str, doc: str = "d1") -> EvidencePassage:
    chunk = Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, {"title": "", "published": "2023-03-02", "publisher": doc})
    return EvidencePassage("S1", chunk, 1.0)


BEFORE = "The Hague said on Tuesday it would require licences for exports of ASML's older immersion scanners."
AFTER = "They have rejected suggestions that the licences were driven by pressure from Washington."


@pytest.mark.parametrize("furniture", [
    "Photo: AP", "Photo: Reuters", "(Photo: Kyodo)", "Credit: Getty Images", "Image: Xinhua", "Advertisement",
])
def test_a_dependent_sentence_after_a_caption_is_quoted_with_the_sentence_before_it(furniture):
    text = f"{BEFORE}\n{furniture}\n{AFTER}\n"
    cands, _ = candidates([passage(text)], connectives=True, paragraphs=True)
    joined = next((c for c in cands if c.with_context), None)
    assert joined is not None, [c.text for c in cands]
    assert joined.text == f"{BEFORE} {AFTER}" and furniture not in joined.text
    cites = joined.claim().cites
    assert len(cites) == 2
    assert " ".join(flatten(text[s.start:s.end]) for s in cites) == joined.text  # each part verbatim at its span


def test_a_heading_between_them_still_ends_the_context():
    text = f"{BEFORE}\nMARKET REACTION\n{AFTER}\n"
    cands, dropped = candidates([passage(text)], connectives=True, paragraphs=True)
    assert not any(c.with_context for c in cands) and dropped["dependent"] == 1


def test_a_paragraph_break_around_the_caption_is_still_a_paragraph_break():
    # the sentence before closes a paragraph of two sentences: a brief's quote never joins two paragraphs of prose
    text = f"Dutch officials met ASML executives in Veldhoven. {BEFORE}\n\nPhoto: AP\n\n{AFTER}\n"
    cands, _ = candidates([passage(text)], connectives=True, paragraphs=True)
    assert not any("They have rejected" in c.text for c in cands), [c.text for c in cands]


def test_an_answers_candidates_are_unchanged():
    text = f"{BEFORE}\nPhoto: AP\n{AFTER}\n"
    cands, _ = candidates([passage(text)])
    assert not any("They have rejected" in c.text for c in cands)


def test_the_checker_reads_the_two_parts_as_one_passage(sample_index):
    from rag.support import SupportChecker
    from rag.verify import CitationVerifier

    text = ("Tokyo last week tightened the approval process for shipments of photoresists to South Korean companies. "
            "Such materials can only be exported to trustworthy partners, Japanese officials have said.\n"
            "Photo: AP\n"
            "They have rejected suggestions that the move was driven by worsening ties between the two nations.\n")
    ep = passage(text)
    cands, _ = candidates([ep], connectives=True, paragraphs=True)
    quote = next(c for c in cands if "They have rejected" in c.text)
    assert "Tokyo last week" in quote.text and "Photo" not in quote.text
    embed = sample_index[1].embedder.embed
    claim, repairs = CitationVerifier(SupportChecker(embed), [ep], embed).verify("bluf", quote.claim())
    assert claim is not None, repairs
    assert len(claim.citations) == 2 and all("Photo" not in c.quote for c in claim.citations)
