"""An answer quotes a passage of a source once: no two of its claims cite text they share.

Fresh user s30: "Which companies were affected by China's dual-use export ban?" quoted WorldWideWatchers' "… is a
strategic move likely aimed at countering Japan's military alignment …" (chars 407–597) and then the same sentence
with the one after it (407–738): the detail chosen as the lead's context (``QuestionAnswering._pick_details``'s
``forced``) and the details a favoured hypothesis brings (``with_verdicts``) were not checked against the lead as the
other details are. Asked here over the sample corpus with questions of several kinds, each of which quotes sentences
that have a "with its context" twin.
"""

from __future__ import annotations

import pytest

from rag.pipeline import Engine


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


QUESTIONS = [
    "Which companies were affected by China's dual-use export ban?",  # the case seen
    "What did China restrict?",
    "Why did China restrict dual-use exports to Japanese companies?",
    "What is the most likely hypothesis for China's export restrictions?",
    "How many Japanese companies did China restrict?",
    "When was Japan's denial of cybersecurity approval reported?",
    "What did Japan deny Chinese battery makers?",
    "Why did Tokyo say it tightened the controls?",
    "Which materials did Japan restrict for export to South Korea?",
    "Roughly how many Chinese suppliers had recently been added to the US Entity List, according to Hosokawa?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_no_two_claims_of_an_answer_cite_shared_text(sample_engine, question):
    brief = sample_engine.write(question, template="answer")
    spans = [(c.doc_id, c.start, c.end, claim.text[:60]) for s in brief.sections for claim in s.claims
             for c in claim.citations]
    for k, (doc, start, end, text) in enumerate(spans):
        for doc2, start2, end2, text2 in spans[k + 1:]:
            assert not (doc == doc2 and start < end2 and start2 < end), (question, (start, end, text), (start2, end2, text2))
