"""An analysis that gives its competing hypotheses as Markdown headings ("## Hypothesis 1: Diversion to restricted end
users", the evidence in the paragraph below, the verdict "We judge Hypothesis 1 the most likely explanation") is read
as a structured source: its hypotheses with their evidence and standing, the verdict naming one (s70's new user, F7:
the headings were not read, "Competing hypotheses" said the sources offer no competing explanation, and the rejected
hypothesis's hedged "could have moved shipments" led the BLUF as the source's argument).

Mechanism: the label patterns of ``data/hypothesis_structure.toml`` let a heading's marks ("#" to "######") open a
label; ``source_structure.parse_structure`` quotes the label without the marks.

The analyses were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from rag.writers.source_structure import parse_structure

TAIWAN = """# Why are Taiwanese machine-tool exports to Kyrgyzstan rising?

Summary: Taiwan's exports of CNC machine tools to Kyrgyzstan rose to $61 million in the first half of 2026, from $4 million a year earlier.

## Hypothesis A: Transshipment to Russian arms makers

Kyrgyzstan has no large machining industry. The rise began a month after Taiwan added Russia to its high-tech export control list.

## Hypothesis B: New factories in Bishkek

Two Turkish firms announced metalworking plants near Bishkek in 2025. However, neither plant had opened by June 2026.

## Hypothesis C: A change in customs coding

A revision of the harmonised tariff codes could have moved some lathes into a new heading. We judge this least likely because the rise shows under both codes.

## Assessment

We judge Hypothesis A the most likely explanation.
"""

JAPAN = """# Three readings of Japan's sudden halt to photoresist sales

### Hypothesis 1 - Pressure from Washington

The halt came a week after a US delegation visited Tokyo. Officials in both capitals declined to comment.

### Hypothesis 2 - A quality recall

The supplier recalled one batch of resist in March. But the recall covered a single grade sold only in Japan.

### Hypothesis 3 - Retaliation for a patent ruling

A Chinese court may have prompted the halt by ruling against the supplier in a patent case. We judge this least likely: the ruling came after the halt.

Verdict: Hypothesis 1 is the most likely explanation, though Hypothesis 2 cannot be ruled out.
"""

KOREA = """# Explaining the spike in Korean HBM shipments to Vietnam

## Hypothesis 1: Assembly lines moving to Bac Ninh

Three Korean packaging firms opened lines in Bac Ninh in 2026. This hypothesis is consistent with the timing of the rise.

## Hypothesis 2: Diversion to Chinese AI labs

Vietnam has few data centres that use HBM. However, Vietnamese customs found no re-exports to China in a September audit.

## Hypothesis 3: Double counting after a reporting change

A change in Korea's trade statistics could have counted some shipments twice. We judge this least likely because the spike also appears in Vietnam's import data.

We judge Hypothesis 1 the most likely explanation.
"""


@pytest.mark.parametrize("text, favoured, hedge", [
    (TAIWAN, 1, "could have moved some lathes"),
    (JAPAN, 1, "may have prompted the halt"),
    (KOREA, 1, "could have counted some shipments twice"),
])
def test_headed_hypotheses_are_read_with_their_evidence_and_the_verdict(text, favoured, hedge):
    s = parse_structure(text)
    assert s is not None
    assert [h.position for h in s.hypotheses] == [1, 2, 3]
    assert all(not h.label.startswith("#") and not h.statement.text.startswith("#") for h in s.hypotheses)
    assert all(text[h.statement.start:h.statement.end].startswith(h.label) for h in s.hypotheses)  # the quote's span
    standing = {h.position: h.standing for h in s.hypotheses}
    assert standing[favoured] == "favoured", standing
    # the hedged "could have" is the rejected hypothesis's own text, inside its block
    third = s.hypotheses[2]
    assert any(hedge in sp.text for sp in third.support + third.against + third.notes), third


def test_a_heading_that_names_no_labelled_hypothesis_is_no_structure():
    assert parse_structure("# Chip exports\n\n## Hypotheses about demand\n\nDemand rose in May.\n\n"
                           "## Explanation of terms\n\nHBM is stacked memory.\n") is None
