"""A question asking what condition a party must meet is answered by the sentence imposing it (s58, h/fresh-s58).

Kind, found by a fresh analyst on reports written for the stop (none from the shared data): "What condition must
companies receiving Japan's subsidies accept?" over "Companies receiving subsidies must agree not to transfer the funded
technology to 'countries of concern' for ten years" was answered "The sources report: “…”; none gives the name the
question asks for": the question was typed as asking for a thing of a class, answered only by a name, and its
"companies" was read as the organisation asked for, so only a company's name could answer. A condition, requirement or
obligation is a clause a sentence imposes ("must", "are required to", "agree not to", "on condition that":
``answer_kinds.toml`` [obligation], ``answer_kind.imposes_asked_obligation``).
"""

from __future__ import annotations

import pytest

from conftest import answer_lead, answer_of, engine_over_texts
from rag.writers.answer_kind import imposes_asked_obligation
from rag.writers.answer_value import asked_value


@pytest.mark.parametrize("question, text", [
    ("What condition must companies receiving the grants accept?",
     "Firms receiving the grants must keep production in Japan for at least ten years."),
    ("What requirement do exporters of the tools face?",
     "Exporters are required to name the end user in every application."),
    ("What obligation did the buyer take on?", "The buyer agreed not to resell the equipment to third countries."),
    ("What conditions did the regulator attach to the merger?",
     "The regulator approved the merger on condition that the joint venture sells its Wuxi plant."),
])
def test_a_sentence_imposing_an_obligation_answers_a_condition_question(question, text):
    assert imposes_asked_obligation(asked_value(question).member, text)


@pytest.mark.parametrize("question, text", [
    ("What condition must companies receiving the grants accept?", "The grants total 300 billion yen."),
    ("Which company must Tokyo Electron supply?", "Tokyo Electron must supply the tools by March."),  # no condition
])
def test_no_obligation_or_no_condition_asked(question, text):
    assert not imposes_asked_obligation(asked_value(question).member, text)


ARTICLES = {
    "01_grants.md": (
        "# Tokyo approves chip grants with strings attached\n\nPublished: 2026-10-09\n\n"
        "TOKYO — Japan's industry ministry approved 420 billion yen in grants for three chipmakers on Thursday. "
        "Firms receiving the grants must keep production in Japan for at least ten years, according to the "
        "ministry's guidelines.\n\nThe largest grant went to a memory plant in Mie.\n"),
    "02_merger.md": (
        "# Seoul clears battery merger\n\nPublished: 2026-11-12\n\n"
        "SEOUL — South Korea's antitrust regulator cleared the merger of two battery separator makers on Wednesday. "
        "The joint venture is required to sell its plant in Wuxi, China, within a year, the regulator said.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("obligation"), ARTICLES)


@pytest.mark.parametrize("question, says", [
    ("What condition must companies receiving Japan's chip grants accept?", "keep production in Japan"),
    ("What requirement must the joint venture of the separator makers meet?", "sell its plant in Wuxi"),
])
def test_the_condition_question_is_answered_by_the_sentence_imposing_it(engine, question, says):
    answer = answer_of(engine, question, "2026-12-01")
    assert "none gives" not in answer, answer
    assert says in answer, answer


def test_the_imposed_condition_leads(engine):
    question = "What condition must companies receiving Japan's chip grants accept?"
    assert "keep production in Japan" in answer_lead(engine, question, "2026-12-01")
