"""A monthly series' months are different facts, not versions of one figure: "China exported 15.8 tonnes of indium
in August" over "... 9.4 tonnes ... in October ... Exports in August had been 15.8 tonnes" is August's figure, not
an outdated one, and not a figure swapped into the October sentence (``bindings.figure_month``, read by
``figures.outdated_figure`` and ``bindings.copied_figure_swap``; s67 fresh user F7). The figure moved to another
month stays unsupported. Uses the bundled offline MiniLM."""

from __future__ import annotations

from checker_pairs import misjudged
from rag.support.bindings import figure_month

INDIUM = ("China exported 9.4 tonnes of unwrought indium in October, down 22% from 12.1 tonnes in September and the "
          "third straight monthly fall, customs data showed on Thursday. Exports in August had been 15.8 tonnes.")
CHILE = ("Chile shipped 1,950 tonnes of lithium carbonate to South Korea in April, down from 2,310 tonnes in March, "
         "central bank data showed.")
VIETNAM = ("Vietnam's electronics exports reached $12.6 billion in February, the customs office said; exports in "
           "January had been $11.2 billion.")

EARLIER_MONTHS = [
    ("China exported 15.8 tonnes of indium in August.", INDIUM),
    ("Chile shipped 2,310 tonnes of lithium carbonate in March.", CHILE),
    ("Vietnam's electronics exports were $11.2 billion in January.", VIETNAM),
]

MOVED = [
    ("China exported 15.8 tonnes of indium in October.", INDIUM),
    ("China exported 15.8 tonnes of indium in September.", INDIUM),
    ("Chile shipped 2,310 tonnes of lithium carbonate to South Korea in April.", CHILE),
    ("Vietnam's electronics exports reached $11.2 billion in February.", VIETNAM),
]


def test_a_figure_is_bound_to_the_month_beside_it():
    assert figure_month(INDIUM, "15.8 tonnes") == 8
    assert figure_month(CHILE, "2,310 tonnes") == 3
    assert figure_month(VIETNAM, "$11.2 billion") == 1
    assert figure_month("Prices rose 4% on Tuesday.", "4%") is None


def test_an_earlier_months_figure_is_supported_and_a_moved_one_is_not(checker):
    rows = [(c, p, True) for c, p in EARLIER_MONTHS] + [(c, p, False) for c, p in MOVED]
    assert not misjudged(checker, rows)
