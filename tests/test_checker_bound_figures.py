"""A figure the passage states as a bound or a rule is not what was decided: "The engineer was sentenced to 10 years"
over "convicted under the act, which carries a prison term of up to 10 years" copies the law's maximum as the
sentence (s68 user: "up to 10 years" accepted as the sentence given). A bound phrase (``rag/text/data/
amount_bounds.toml`` [sentence]: "up to", "could reach", "a maximum of") owns the figure after it, as an act word does
(``act_bindings.act_figures``); a claim giving that figure to a decided act ("sentenced", "fined", "jailed") moves it
when the passage gives it only as a bound (``act_bindings.moved_figure``, under the vetoed ``slot_swap``). A claim
that keeps the bound ("faces up to 10 years") or a passage that also gives the figure to the decision is supported.
Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.act_bindings import act_figures, moved_figure
from rag.support.edits import aligned_tokens

SUWON = ("A former battery engineer was convicted on Thursday of leaking cathode designs to a Chinese rival under the "
         "Industrial Technology Protection Act, which carries a prison term of up to 10 years.")
KAOHSIUNG = ("The broker was found guilty of smuggling machine tools to Iran, an offence punishable by up to five years "
             "in prison. Sentencing is set for May.")
OSAKA = ("Violations of the revised foreign exchange law carry fines of up to 300 million yen. Kansai Tooling has "
         "denied wrongdoing and is cooperating with investigators.")
GDANSK = ("The shipping agent faces up to eight years in prison if convicted of breaching the sanctions on drone "
          "parts, prosecutors said on Friday.")
INCHEON = ("Under the amended act, penalties could reach 2 billion won per violation. Hanseo Materials, the first "
           "company charged under it, says the cargo was cleared by customs.")
BOTH = ("The court sentenced the engineer to six years in prison, below the maximum of 10 years the act allows. "
        "Prosecutors had sought eight years.")

MOVED = [
    ("The engineer was sentenced to 10 years in prison.", SUWON),
    ("The broker was jailed for five years.", KAOHSIUNG),
    ("Kansai Tooling was fined 300 million yen.", OSAKA),
    ("The shipping agent was sentenced to eight years in prison.", GDANSK),
    ("Hanseo Materials was fined 2 billion won.", INCHEON),
    ("The engineer was sentenced to 10 years in prison.", BOTH),
]

KEPT = [
    ("The Industrial Technology Protection Act carries a prison term of up to 10 years.", SUWON),
    ("The shipping agent faces up to eight years in prison.", GDANSK),
    ("Penalties under the amended act could reach 2 billion won per violation.", INCHEON),
    ("The engineer was sentenced to six years in prison.", BOTH),
]


def test_a_bound_phrase_owns_the_figure_after_it():
    keys, shown, _, _ = aligned_tokens(OSAKA, OSAKA)
    assert [(kind, word) for _, kind, word in act_figures(keys, shown)] == [("bound", "up to")]
    keys, shown, _, _ = aligned_tokens("Kansai Tooling was fined 300 million yen.", OSAKA)
    assert [(kind, word) for _, kind, word in act_figures(keys, shown)] == [("decided", "fined")]


@pytest.mark.parametrize("claim, passage", MOVED)
def test_a_bound_given_as_the_decision_is_a_moved_figure(claim, passage):
    reason = moved_figure(claim, passage)
    assert reason is not None and "as a bound" in reason


@pytest.mark.parametrize("claim, passage", KEPT)
def test_a_kept_bound_or_the_decided_figure_is_not_moved(claim, passage):
    assert moved_figure(claim, passage) is None


def test_the_checker_rejects_a_bound_given_as_the_decision(checker):
    rows = [(c, p, False) for c, p in MOVED] + [(c, p, True) for c, p in KEPT]
    assert not misjudged(checker, rows)
