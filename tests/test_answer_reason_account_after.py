"""A "why" question whose reason no sentence states by a cue ("because", "citing", ", saying it needed …") is
answered by the act's actor's own account in the sentence right after the one telling the act: "The authority said
the company had failed to declare …" after "The Velmar Port Authority has suspended the export licence of Orlan
Freight …" (``stated_reason.account_after``, in ``answering._pick_answer``'s reason rule). Before, the act led after
"The sources give no stated reason; …". Not what the actor says it will do next ("The regulator said it would decide
in March"), nor the act told again.

From s61's fresh user (F2: "Why did KISA postpone its decision on Tencent Cloud?"); the reports below are written for
this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, answer_of, engine_over_articles

from rag.writers.stated_reason import UNSTATED_LEAD

ARTICLES = [
    ("01_licence.md", "2026-08-18", "Velmar port authority suspends Orlan Freight export licence",
     "The Velmar Port Authority has suspended the export licence of Orlan Freight, a local forwarding firm, the "
     "authority said on Tuesday. "
     "The authority said the firm had failed to declare 40 shipments of machine tools bound for Kestria. "
     "Orlan Freight handles about a tenth of the harbour's container traffic."),
    ("02_grid.md", "2026-09-09", "Norvia delays approval of Kestrel grid link",
     "Norvia's energy regulator has delayed its approval of the Kestrel undersea grid link, the regulator said on "
     "Wednesday. "
     "The regulator said the operator had not submitted a cybersecurity audit of its control software. "
     "The link would carry power from Kestria's wind farms."),
    ("03_permit.md", "2026-10-14", "Ostravia holds back mining permit",
     "Ostravia's mining office has held back a lithium mining permit for Brask Minerals, the office said on Monday. "
     "The office said it would decide on the permit in March. "
     "Brask Minerals applied for the permit last year."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("reason_account"), ARTICLES)


def test_the_authoritys_account_answers_why_it_suspended(engine):
    text = lead(engine, "Why did the Velmar Port Authority suspend Orlan Freight's export licence?", "2026-08-20")
    assert "failed to declare" in text
    assert not text.startswith(UNSTATED_LEAD)


def test_the_regulators_account_answers_why_it_delayed(engine):
    text = lead(engine, "Why did Norvia's energy regulator delay its approval of the Kestrel grid link?", "2026-09-12")
    assert "cybersecurity audit" in text


def test_a_plan_after_the_act_is_no_reason(engine):
    text = answer_of(engine, "Why did Ostravia's mining office hold back Brask Minerals' permit?", "2026-10-16")
    assert text.startswith(UNSTATED_LEAD)
