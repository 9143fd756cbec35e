"""Sentence splitting never depends on machine load.

nltk ≥ 3.9.3 runs its regexes under a 5 s wall-clock limit (``nltk.redos``); on a loaded machine a match step of
punkt's sentence-context pattern overran it on an ordinary article and killed the full RealTime QA ingest with
``TimeoutError``. The splitter runs punkt's own constant patterns without that limit. Here the clock is stalled: the
limit is a nanosecond, so every timed match fails and only untimed ones can pass.
"""

import pytest

from rag.text import sentences

# The punkt module the splitter was built from (``punkt_module`` loads nltk's modules afresh on each call).
SPLITTER = sentences._punkt()
PunktSentenceTokenizer = type(SPLITTER).__mro__[1]
redos = PunktSentenceTokenizer.span_tokenize.__globals__.get("redos")
pytestmark = pytest.mark.skipif(redos is None, reason="this nltk has no wall-clock regex limit (nltk.redos)")

TEXT = ("Japan tightened export rules on Monday. Shipments to Seoul fell 3.5 per cent. Mr. Abe said so... " * 20
        + "The ministry (METI) declined to comment? Yes! It did, on Jan. 3 at No. 4 Kasumigaseki.")


@pytest.fixture
def stalled_clock(monkeypatch):
    """Every regex match that runs under nltk's default limit times out."""
    monkeypatch.setattr(redos, "DEFAULT_TIMEOUT", 1e-9)


def test_punkt_as_shipped_fails_under_a_stalled_clock(stalled_clock):
    # The control: the library's own classes cannot split here, so the next test can fail.
    with pytest.raises(TimeoutError):
        list(PunktSentenceTokenizer().span_tokenize(TEXT))


def test_the_splitter_splits_under_a_stalled_clock_as_it_does_normally(monkeypatch):
    # Stalled first: the splitter memoizes boundary decisions by context, so the stalled run is the one that
    # computes them (with punkt's token patterns); this text's contexts occur nowhere else in the tests.
    text = ("Qoravex halted shipments on Tuesday. Zentrial said. Mr. Vokel left... Tariffs rose 4.5 pct. " * 5
            + "Did Ulvaro (UVX) agree? No! On Feb. 2 at No. 9 Yrsk Street it did.")
    with monkeypatch.context() as stalled:
        stalled.setattr(redos, "DEFAULT_TIMEOUT", 1e-9)
        under_stall = list(sentences.punkt_segmenter(text))
    assert under_stall == list(sentences.punkt_segmenter(text))
    assert text[slice(*under_stall[0])] == "Qoravex halted shipments on Tuesday."
    assert len(under_stall) >= 5 * 4
