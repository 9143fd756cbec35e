"""A "sentence" that is several page snippets run together is not quoted (issue 10, item 2: sections filled by what
they promise).

The sample corpus's Taipei Times page ends with related-story snippets, each a kicker label, a sub-headline without a
full stop and a first sentence cut off mid-line. The sentence splitter joins them, and the topics suite's "What
happened" quoted "China’s cyberarmy last year launched ... targeting Taiwan’s critical ‘SLICING METHOD’: In the event
of a blockade, the China Coast Guard would intercept ..." (the role model read its "would" as a forecast). A kicker
label after other text marks such a run (``sentence_cues.glued_snippets``).
"""

from __future__ import annotations

import pytest

from rag.writers.sentence_cues import glued_snippets, junk_reason

GLUED = [
    "China’s cyberarmy last year launched an average of 2.63 million intrusion attempts per day targeting Taiwan’s "
    "critical ‘SLICING METHOD’: In the event of a blockade, the China Coast Guard would intercept Taiwanese ships.",
    "The ministry said exports fell for a third month in a row and the central bank UNDER PRESSURE: The yen slid "
    "to a 24-year low against the dollar on Thursday.",
    "Officials toured the flooded districts on Monday and promised aid to farmers in the region "
    "“UNRELENTING”: Rescue teams pulled 12 people from the rubble of a collapsed hotel.",
    "Police detained six protesters outside the legislature in the capital BACKLASH: Lawmakers voted to delay the "
    "bill until next year.",
]

NOT_GLUED = [
    # a dateline or a sentence's own label opens it
    "BEIJING: China's commerce ministry said on Friday it would restrict exports of gallium and germanium.",
    "UNRELENTING: China attempted cyberattacks on Taiwan’s critical infrastructure 2.63 million times per day last year.",
    # acronyms and ordinary colons inside prose
    "The alliance issued a statement after the summit, NATO: the statement said members would meet again in July.",
    "The report listed three items: photoresists, hydrogen fluoride and fluorinated polyimides.",
    "The PLA said in a statement that the drills around Taiwan ended on Tuesday.",
    "Kishida told reporters: “We will respond firmly to any attempt to change the status quo by force.”",
]


@pytest.mark.parametrize("text", GLUED)
def test_snippets_run_together_by_a_kicker_label_are_not_quoted(text):
    assert glued_snippets(text)
    assert junk_reason(text) == "glued"


@pytest.mark.parametrize("text", NOT_GLUED)
def test_a_sentence_with_a_label_at_its_start_an_acronym_or_a_plain_colon_is_quotable(text):
    assert not glued_snippets(text)
    assert junk_reason(text) is None
