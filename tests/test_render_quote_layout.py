"""How a quote reads: on one line, and in sentence case after the product's semicolon lead (issue 10, context;
F19 of s65's new user; h/briefs-s66).

The kind: `/sources` printed "“ASML⏎said the rules …”" with the source file's hard line break inside the quote, and
a "why" answer read "The sources give no stated reason; The review was opened …". Every quote the product shows
passes ``render.one_line`` (through ``quoted`` and ``claim_text``); a claim after a lead ended by a semicolon opens
with its common first word in lower case (``render.sentence_case_after_lead``), a name unchanged. New texts of our own.
"""

from __future__ import annotations

import pytest

from rag.brief import Citation, Claim
from rag.render import claim_text, quoted, sentence_case_after_lead
from rag.writers.stated_reason import UNSTATED_LEAD


@pytest.mark.parametrize("text", [
    "Vestra said the rules\nwould affect less than 4% of its service revenue.",
    "The licence requirement   closes a gap,\r\nthe minister said.",
    "Exports fell 12%\n\tin the third quarter, customs data showed.",
])
def test_a_quote_is_shown_on_one_line(text):
    shown = quoted(text)
    assert "\n" not in shown and "\r" not in shown and "\t" not in shown and "  " not in shown, shown
    claim = Claim(text=text, citations=[Citation(source=1, chunk_id="c", doc_id="d", start=0, end=len(text), quote=text)])
    assert "\n" not in claim_text(claim) and "  " not in claim_text(claim)
    claim.attribution = "Mirela Voss (2026 analysis) argues"
    assert "\n" not in claim_text(claim) and "  " not in claim_text(claim)


@pytest.mark.parametrize("quote, shown", [
    ("The inquiry was opened a week after Brenmark added 9 firms to its list.",
     "the inquiry was opened a week after Brenmark added 9 firms to its list."),
    ("A ministry spokesman said the probe followed complaints.", "a ministry spokesman said the probe followed complaints."),
    ("This decision came after the tariff ruling.", "this decision came after the tariff ruling."),
    ("Norvia said the review followed a request from its buyers.", "Norvia said the review followed a request from its buyers."),
    ("MOFCOM opened the review in March.", "MOFCOM opened the review in March."),
], ids=["the", "a", "this", "name", "acronym"])
def test_a_quote_after_the_semicolon_lead_reads_in_sentence_case(quote, shown):
    claim = Claim(text=UNSTATED_LEAD + quote)
    assert claim_text(claim) == UNSTATED_LEAD + shown
    assert sentence_case_after_lead("Yes. " + quote) == "Yes. " + quote  # a lead ended by a full stop is not touched
