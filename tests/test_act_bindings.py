"""A figure moved between two acts of one report: what prosecutors sought given as what the court imposed, what a
regulator demanded as what a firm paid. Every figure and word of such a claim is in the passage, but bound to the
other act, so it is unsupported; the figure given to its own act is supported (``rag/support/act_bindings.py``,
``data/act_roles.toml``). Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.act_bindings import moved_figure

TOKYO = ("The Tokyo District Court on Tuesday fined Nidec Systems 120 million yen for leaking motor designs to a "
         "Chinese rival. Prosecutors had sought a fine of 300 million yen.")
ENGINEER = "The court sentenced the engineer to three years in prison. Prosecutors had sought five years."
PENALTY = "Regulators had demanded a penalty of $40 million, but the firm settled by paying $25 million."
AWARD = ("The plaintiffs had sought 2.1 billion euros in damages from the Bavarian chipmaker; the Munich court awarded "
         "them 350 million euros.")

MOVED = [
    ("The Tokyo District Court fined Nidec Systems 300 million yen.", TOKYO, "300 million yen"),
    ("Prosecutors sought a fine of 120 million yen for Nidec Systems.", TOKYO, "120 million yen"),
    ("The court sentenced the engineer to five years in prison.", ENGINEER, "five"),
    ("The firm paid a penalty of $40 million.", PENALTY, "$40 million"),
    ("The Munich court awarded the plaintiffs 2.1 billion euros.", AWARD, "2.1 billion euros"),
]

KEPT = [
    ("The Tokyo District Court fined Nidec Systems 120 million yen.", TOKYO),
    ("Prosecutors had sought a fine of 300 million yen.", TOKYO),
    ("The engineer was sentenced to three years in prison.", ENGINEER),
    ("The firm paid $25 million to settle.", PENALTY),
    ("The Munich court awarded the plaintiffs 350 million euros.", AWARD),
]


@pytest.mark.parametrize("claim, passage, figure", MOVED)
def test_a_figure_of_the_other_act_is_a_binding_conflict(claim, passage, figure):
    reason = moved_figure(claim, passage)
    assert reason is not None and reason.startswith(f"binding: the passage gives {figure} of ")


@pytest.mark.parametrize("claim, passage", KEPT)
def test_a_figure_given_to_its_own_act_is_kept(claim, passage):
    assert moved_figure(claim, passage) is None


def test_the_checker_rejects_the_moved_figure_and_keeps_its_own(checker):
    rows = [(c, p, False) for c, p, _ in MOVED] + [(c, p, True) for c, p in KEPT[:2]]
    assert not misjudged(checker, rows)
