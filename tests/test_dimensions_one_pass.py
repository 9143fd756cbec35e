"""The quotes bearing on some dimension (``dimensions.bearing_on_any``), found in one pass (issue 10, s37 code finding).

``bearing_on_any`` used to run ``bearing_on`` once per dimension, find each returned claim's index by identity in a
loop over all claims and score it again: quadratic in the brief's quotes. Specified here: the same answer as the
per-dimension definition (a quote bears on a dimension it says the most about, with ``BEARING_MIN`` cue words; most
cue words first, then brief order; each claim once, at its first place), with each quote scored once.
"""

from __future__ import annotations

import pytest

from rag.brief import Citation, Claim
from rag.writers import dimensions
from rag.writers.dimensions import BEARING_MIN, DIMENSIONS, bearing_on, bearing_on_any, dimension_scores, dimensions_of


def _c(text: str) -> Claim:
    return Claim(text=text, citations=[Citation(source=1, chunk_id="d-0", doc_id="d", start=0, end=5, quote="x")])


TEXTS = [
    "The curbs raised concern over disruptions for manufacturers and global supply chains and firms' investment.",  # economic 4+
    "Tokyo's missile defence drills were read in Beijing as military deterrence.",  # security
    "The hack exposed data of the ministry, a cyber espionage campaign, officials said.",  # cyber
    "Diplomats said the summit would ease bilateral tensions between the two governments.",  # political
    "The weather was mild.",  # none
    "Trade and security officials met.",  # one cue each: below BEARING_MIN
    "Market prices and company shares fell as investors weighed tariffs.",  # economic
]


def _reference(claims, own=frozenset(), limit=3):
    """The per-dimension definition, written out: each claim's best bearing score over the dimensions it bears on."""
    best: dict[int, int] = {}
    for n, (_, c) in enumerate(claims):
        if any(c is other for _, other in claims[:n]):
            continue
        scores, dims = dimension_scores(c.text, own), dimensions_of(c.text, own)
        bears = [scores[d] for d in DIMENSIONS if d in dims and scores[d] >= BEARING_MIN]
        if bears:
            best[n] = max(bears)
    return [claims[n] for n in sorted(best, key=lambda n: (-best[n], n))[:limit]]


@pytest.mark.parametrize("limit", [1, 2, 3, 10])
def test_same_quotes_as_the_per_dimension_definition(limit):
    claims = [(f"S{n}", _c(t)) for n, t in enumerate(TEXTS)]
    assert bearing_on_any(claims, limit=limit) == _reference(claims, limit=limit)
    assert bearing_on_any(claims, limit=limit), "the economic, security, cyber and political quotes bear on something"


def test_each_dimension_still_finds_its_own_quote():
    claims = [(f"S{n}", _c(t)) for n, t in enumerate(TEXTS)]
    assert [t for t, _ in bearing_on("cyber", claims)] == ["S2"]
    assert "S4" not in [t for t, _ in bearing_on_any(claims, limit=10)] and "S5" not in [t for t, _ in bearing_on_any(claims, limit=10)]


def test_a_claim_listed_twice_is_returned_once_at_its_first_place():
    econ = _c(TEXTS[0])
    claims = [("What happened", econ), ("Security", _c(TEXTS[1])), ("Implications", econ)]
    out = bearing_on_any(claims, limit=5)
    assert [c for _, c in out].count(econ) == 1 and ("What happened", econ) in out and ("Implications", econ) not in out


def test_topic_words_say_nothing_about_a_dimension():
    claims = [("S", _c("Market prices and company shares fell as investors weighed tariffs."))]
    own = frozenset({"market", "price", "compani", "share", "investor", "tariff"})
    assert bearing_on_any(claims, own) == _reference(claims, own)


def test_each_quote_is_scored_once(monkeypatch):
    calls: list[str] = []
    real = dimensions.dimension_scores

    def counting(text, topic_stems=()):
        calls.append(text)
        return real(text, topic_stems)

    monkeypatch.setattr(dimensions, "dimension_scores", counting)
    claims = [(f"S{n}", _c(t)) for n, t in enumerate(TEXTS * 5)]
    bearing_on_any(claims, limit=3)
    assert len(calls) == len(claims), "one scoring per quote, not one per dimension and returned claim"
