"""A quote is credited with one verb, not a chain (issue 10, attribution; F19 of s65's new user; h/briefs-s66).

The kind: "Dr. Haruki Ozawa (2026 analysis) writes and argues and flags: “…”": a quote of three sentences of an
analysis took each sentence's verb. A source's own view takes one verb, its first view's; a sentence the source only
writes ("writes", ``source_types.toml`` [neutral_verbs]) gives way to it; a sentence it reports keeps "reports"
before the view's verb ("reports and assesses"), never a third. New analyses and briefs of our own.
"""

from __future__ import annotations

import pytest

from test_answer_credit import _credit, _verbs

QUOTES = [  # (type, name, sentences: a background line, a judgement, a recommendation or signal)
    ("analysis", "Mirela Voss (2026 analysis)",
     ["Unlike the 2021 quotas, which named four minerals, the new rules have no legal text.",
      "We assess with moderate confidence that the rules aim at re-exports rather than at Lumera itself.",
      "Watch whether the trade ministry publishes its review criteria before March."]),
    ("analysis", "Kenji Arata (2026 essay)",
     ["The ban followed two years of falling salmon prices in Calder.",
      "In my view the ban will hurt Calder's own processors more than Brenmark's farms.",
      "Calder should propose a joint inspection regime rather than litigate."]),
    ("generated", "Polaris Watch (AI-generated brief, 2026)",
     ["Norvia halted exports of refined cobalt to Kestria on Monday.",
      "The decision likely signals that Norvia now treats cobalt as a strategic asset.",
      "Key signal to watch: whether Kestria's battery makers seek supplies in Ostrava."]),
]


@pytest.mark.parametrize("kind, name, sentences", QUOTES, ids=[q[1].split()[0] for q in QUOTES])
def test_a_quote_of_several_sentences_takes_one_verb_for_its_view(kind, name, sentences):
    text = " ".join(sentences)
    joined = _credit(kind, name, text, *sentences)
    assert joined is not None
    verbs = _verbs(joined, name)
    views = [v for v in verbs if v != "reports"]
    assert len(views) == 1, joined  # one verb for the source's view, never "writes and argues and flags"
    assert len(verbs) <= 2 and (len(verbs) == 1 or verbs[0] == "reports"), joined
