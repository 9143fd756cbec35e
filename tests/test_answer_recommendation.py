"""What someone recommends is answered by a sentence that recommends (issue 10, s46 fresh helper's finding 4).

Kind: **a question asking for a recommendation is read as one asking for an action.** "What does Hosokawa recommend
Japan do to stop technology leaks to China?" was typed "action" (what an actor did) and led with the essay's title
("How Japan should avoid becoming a loophole …"), then another outlet's report of US pressure; the essay's own
"Japan must step up its efforts …" came last. Now "what does/did X recommend/urge/advise/propose/advocate … ?" and
"what did X call for?" ask for a recommendation (``answer_kinds.toml`` [kinds.recommendation]): a sentence with a
modal of obligation before a verb or a verb of recommending ([recommendation]), not a title, is preferred (as an
intention is: soft, never a reason to abstain).
"""

from __future__ import annotations

import json

import pytest

from conftest import answer_lead, answer_of, engine_over_texts
from rag.writers.answer_kind import answer_type, has_answer_kind, recommender


@pytest.mark.parametrize(("question", "kind"), [
    ("What does Hosokawa recommend Japan do to stop technology leaks to China?", "recommendation"),
    ("What did Moon Jae-in urge Japan to do?", "recommendation"),
    ("What has the panel advised the ministry to change?", "recommendation"),
    ("What did the union call for after the accident?", "recommendation"),
    ("What do the authors propose?", "recommendation"),
    # not recommendations
    # s57: steps a writer proposes are the writer's recommendations (read as an action, "What steps does Mori Haruka
    # propose?" was answered with the column's note on its author: tests/test_writer_recommendations.py)
    ("What steps does Hosokawa propose?", "recommendation"),
    ("What steps did Japan take?", "action"),  # steps taken: an action
    ("What should we watch for next?", None),
    ("A new study has suggested that images are causing stress by doing what?", None),
    ("What did Japan say it would do?", "intent"),
    ("What did Japan do after Seoul urged restraint?", "action"),  # a past "urged" in a clause of its own
])
def test_a_question_asking_what_someone_recommends_asks_for_a_recommendation(question, kind):
    assert answer_type(question) == kind


@pytest.mark.parametrize(("question", "who"), [
    ("What does Hosokawa recommend Japan do?", "Hosokawa"),
    ("What does Kim recommend about Hosokawa's plan?", "Kim"),  # the plan's owner is not the one asked about
    ("What has the panel advised the ministry to change?", "the panel"),
    ("When did Japan restrict exports?", None),
])
def test_the_recommender_is_the_subject_of_the_verb_of_recommending(question, who):
    assert recommender(question) == who


class _Cand:
    def __init__(self, text: str, is_title: bool = False) -> None:
        self.text, self.is_title, self.stems = text, is_title, set()


@pytest.mark.parametrize(("text", "is_title", "recommends"), [
    ("Japan must step up its efforts regarding risk management and technological controls.", False, True),
    ("The government should move quickly to close institutional loopholes.", False, True),
    ("Regulators need to publish the criteria first.", False, True),
    ("Moon Jae-in urged that the issue be resolved through diplomacy.", False, True),
    ("The committee recommended a ban on the imports.", False, True),
    ("The union called for an inquiry into the crash.", False, True),
    ("How Japan should avoid becoming a loophole for technology leaks to China", True, False),  # a title
    ("Japan tightened its export controls on three chemicals last week.", False, False),
    ("The ministry said it would study the request.", False, False),
    # s46 review: no recommendation in an adjective, a condition or an idiom
    ("The move was ill-advised, critics said.", False, False),
    ("The proposed rule covers 30 items.", False, False),
    ("Should the talks fail, tariffs would rise.", False, False),
    ("The delay has to do with pricing.", False, False),
])
def test_a_sentence_recommends_by_a_modal_of_obligation_or_a_verb_of_recommending(text, is_title, recommends):
    assert has_answer_kind("recommendation", _Cand(text, is_title), set()) is recommends


WRITTEN = {
    "01_column.md": (
        "# Opinion: How Norvia can keep its ports clean\n\nPublished: 2026-05-02\n\nBy Ilse Marten\n\n"
        "Norvia's port authority banned diesel ferries from the inner harbour last month, and the air is already "
        "cleaner. The ban cost operators nine of their oldest boats. The authority should now extend the ban to "
        "cargo tugs, which burn more diesel than the ferries ever did. It must also pay operators to retrofit the "
        "boats they still run.\n"),
    "02_report.md": (
        "# Norvia port adds shore power\n\nPublished: 2026-05-04\n\n"
        "Norvia's port authority on Monday opened two shore-power berths for cruise ships, its director said. "
        "The authority plans to open four more by next spring.\n"),
    "manifest.json": json.dumps({"articles": [{"file": "01_column.md", "author": "Ilse Marten", "kind": "opinion column"}]}),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("recommendations"), WRITTEN)


@pytest.mark.parametrize("question", [
    "What does Ilse Marten recommend Norvia's port authority do?",
    "What does Marten urge Norvia's port authority to do?",  # the surname alone names the writer
])
def test_what_a_writer_recommends_leads_with_the_sentence_that_recommends(engine, question):
    lead = answer_lead(engine, question, "2026-05-05")
    assert "should now extend the ban" in lead or "must also pay operators" in lead, lead
    assert "shore-power" not in answer_of(engine, question, "2026-05-05")  # the report beside it recommends nothing


def test_hosokawas_recommendation_leads_not_his_essays_title(sample_engine):
    question = "What does Hosokawa recommend Japan do to stop technology leaks to China?"
    lead = answer_lead(sample_engine, question, "2026-12-31")
    assert "How Japan should avoid" not in lead, lead
    assert "must" in lead, lead
    # the details are his piece's, not other outlets' reports beside it (s46 second fresh helper)
    answer = answer_of(sample_engine, question, "2026-12-31")
    assert "US authorities have asked" not in answer and "regulatory denial in Japan" not in answer, answer
