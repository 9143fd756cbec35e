"""A reported estimate is credited to whoever makes it, not to the outlet as its own forecast (issue 10, F17: a new
user's brief read "<analysis site> expects: “Analysts estimate the curbs will cost $2bn”" — the outlet reported
the analysts' estimate; it did not expect anything).

A sentence that names the party estimating, expecting or projecting ("Analysts estimate …", "the ministry
estimated …", "…, analysts estimate", "According to Nomura's estimates, …") is reported by its source, whatever
the source's type; the source's own view ("We estimate …", "This analysis expects …") and an estimate no one is
named for ("are expected to …") keep the verb of their role. Sentences written for this test.
"""

from __future__ import annotations

import pytest

from rag.brief import Source
from rag.writers.attribution import attribution, reports_a_view

REPORTED = [
    "Analysts estimate the curbs will cost South Korean chipmakers $2bn this year.",
    "The ministry estimated that 40 percent of the oxides exported in 2025 had been resold.",
    "The ban will wipe $4 billion off Huawei's annual revenue, Bloomberg Intelligence estimates.",
    "Industry groups expect the rules to cut equipment sales to China by a third next year.",
    "According to Nomura's estimates, the licensing delays could halve photoresist shipments to Korea.",
    "Taiwan's economics ministry projects that chip exports will grow 12 percent in 2027 despite the curbs.",
]
OWN = [
    "We estimate the curbs will cost South Korean chipmakers $2bn this year.",
    "In our estimate, the licensing delays could halve photoresist shipments to Korea.",
    "This analysis expects Beijing to retaliate within weeks.",
    "I expect Tokyo to widen the list of controlled chemicals.",
    "Chip exports are expected to grow 12 percent in 2027 despite the curbs.",  # no one named: the source's line
    "The forecast of a rebound in 2027 looks optimistic.",  # a noun, not a party estimating
    "Investors should expect more volatility in chip stocks as export controls spread.",  # a prescription
]


def _source(kind: str) -> Source:
    return Source(index=1, doc_id="d1", publisher="Pacific Strategy Review", source_type=kind,
                  attributed_as="Pacific Strategy Review (analysis, 2026)" if kind == "analysis" else "")


@pytest.mark.parametrize("text", REPORTED)
def test_a_sentence_naming_who_estimates_reports_a_view(text):
    assert reports_a_view(text)


@pytest.mark.parametrize("text", OWN)
def test_the_sources_own_estimate_or_an_unnamed_one_is_not_a_reported_view(text):
    assert not reports_a_view(text)


@pytest.mark.parametrize("text", REPORTED)
@pytest.mark.parametrize("role", ["forecast", "judgement", "signal"])
def test_an_analysis_reports_another_partys_estimate_it_does_not_expect_it(text, role):
    said = attribution(role, [_source("analysis")], text)
    assert said == "Pacific Strategy Review (analysis, 2026) reports"


@pytest.mark.parametrize("text", REPORTED)
def test_a_generated_brief_reports_another_partys_estimate_it_does_not_forecast_it(text):
    assert attribution("forecast", [_source("generated")], text).endswith(" reports")


@pytest.mark.parametrize("text", OWN[:4])
def test_an_analysis_still_expects_what_it_estimates_itself(text):
    assert attribution("forecast", [_source("analysis")], text) == "Pacific Strategy Review (analysis, 2026) expects"
