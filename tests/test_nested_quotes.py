"""A quoted sentence that itself holds a quotation is shown with the inner one in single marks, never with a doubled
opening mark (“““The measure …” in a fresh user's /sources, ““The measure …” in a brief's hypotheses)."""

from __future__ import annotations

import pytest

from rag.brief import Claim
from rag.render import claim_text, quoted


@pytest.mark.parametrize(("text", "shown"), [
    ("“The measure is not a subject for consultation,” Suga said.", "“‘The measure is not a subject for consultation,’ Suga said.”"),
    ('"We will respond," the ministry said, calling it "regrettable".', "“‘We will respond,’ the ministry said, calling it ‘regrettable’.”"),
    ("Exports fell 5% in July.", "“Exports fell 5% in July.”"),
    ('The fab makes 12" wafers.', '“The fab makes 12" wafers.”'),  # an unpaired mark is not a quotation
])
def test_a_quotation_inside_a_quote_takes_single_marks(text: str, shown: str) -> None:
    assert quoted(text) == shown
    assert "““" not in quoted(text)


def test_an_attributed_claim_is_quoted_with_the_nested_rule_and_a_fact_is_not_quoted() -> None:
    said = Claim(text="“The measure is not a subject for consultation,” Suga said.", attribution="Taipei Times reports")
    assert claim_text(said) == "Taipei Times reports: “‘The measure is not a subject for consultation,’ Suga said.”"
    fact = Claim(text="“The measure is not a subject for consultation,” Suga said.")
    assert claim_text(fact) == fact.text
