"""A partial answer whose quote is another story's is not read again into an answer (issue 10, h/abst-s37).

RealTime QA's fit half (full index): when no evidence document tells the question's story (``answer_story_held``), the
writer abstains with a partial answer, and the pipeline then read the quote's article whole (``Engine._reread``, made
for a value past the per-article cap) and answered again from it. The whole article covers more of the question's
words by its length alone, so the story check passed on the second read and the other story's sentence was stated as
the answer: "Who won the Mercury Prize for the best British or Irish album of the last 12 months?" was answered
"“It's perhaps not what we might have expected from the 2012 Mercury Prize winners,” NME concluded." (best document
0.48 of the question's key terms on the first read, above the cut on the second); so were a Leicester unrest question
(over an essay on India) and the Daily Mail privacy suit (over a roundup). Now a draft abstaining on the story check
says so (``Draft.story_untold``) and the pipeline does not read its quote's article again: the answer says what the
sources report and that none gives the asked value. A story the evidence tells whose value lies past the cap is still
read again (``tests/test_reread.py``).

End to end through the real Engine over three short reports written for this test (tests/data/story_reread/), cut into
passages of ~48 tokens with one passage per article in the evidence, as in ``tests/test_reread.py``; and unit specs
over hand evidence for the inflation itself and for the verdict the writer marks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text
from rag.types import SearchFilters
from rag.writers.answer_story_held import story_coverage, story_held
from rag.writers.answering import QuestionAnswering

DATA = Path(__file__).resolve().parent / "data" / "story_reread"
PRIZE = "Who won the Larkfield Prize for the best Norland album of the last twelve months?"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("story_reread") / "data", DATA,
                       chunking={"chunk_tokens": 48, "overlap_tokens": 0}, generation={"evidence_per_doc": 1})


def ask(engine, question):
    return engine.write(question, template="answer", filters=SearchFilters(until="2026-12-14"))


def reread_notes(brief) -> list[str]:
    return [n for n in brief.provenance.notes if n.startswith("read again")]


def test_a_quote_from_another_story_is_not_read_again_into_an_answer(engine):
    brief = ask(engine, PRIZE)
    assert brief.abstained, answer_text(brief)
    # what the sources report (the 2012 winners) is quoted as such, with what none of them gives
    assert "2012" in brief.message and brief.message.endswith("gives the name the question asks for."), brief.message
    assert not reread_notes(brief)


def test_without_the_guard_the_second_read_states_the_other_story_as_the_answer(engine, monkeypatch):
    monkeypatch.setattr(QuestionAnswering, "_story_untold", staticmethod(lambda verdict: False))
    brief = ask(engine, PRIZE)
    assert not brief.abstained and "2012" in answer_text(brief), brief.message
    assert reread_notes(brief)


def test_a_told_story_lacking_its_value_is_still_read_again(engine):
    brief = ask(engine, "Who did the Vell Philharmonic's board name as its new principal conductor?")
    assert brief.abstained and brief.message.endswith("gives the name the question asks for."), brief.message
    [note] = reread_notes(brief)
    assert note.endswith("none gives it")


# The inflation itself: one passage of another story against its whole article, which repeats more of the question's
# words in passing (the decade, the country, the months) without telling the asked story.
INFLATED = [
    (PRIZE,
     ("d-prize", "Looking back at the 2012 Larkfield Prize",
      "\"It is perhaps not what we might have expected from the winners of the Larkfield Prize for best album in "
      "2012,\" the Vell Review concluded."),
     ["Their debut album sold slowly at first, then found listeners across Norland over the following months.",
      "The duo split after twelve years together, and each now records alone."]),
    ("Which UK city has seen unrest after tensions rose between young men from the Hindu and Muslim communities?",
     ("d-essay", "Opinion: India's long communal fault line",
      "Tensions between Hindus and Muslims in India have been flashpoints for decades."),
     ["Young men in several cities have been drawn into the unrest, police said.",
      "Diaspora groups in the UK have held vigils for the victims."]),
    ("Which six high-profile figures are taking legal action against the Daily Mail's publisher over breaches of "
     "privacy?",
     ("d-roundup", "Five things to know today",
      "Prince Harry is joining a lawsuit against the publisher of the Daily Mail."),
     ["The figures released on Tuesday showed a rise in complaints.",
      "Campaigners said the breaches of privacy had gone on for years, and that other high-profile people may take action."]),
]


@pytest.mark.parametrize("question, lead, rest", INFLATED)
def test_the_whole_article_covers_more_of_the_question_than_the_passage_read(question, lead, rest):
    doc, title, text = lead
    first = [lead, ("d-other", "Harbour road closed for the weekend", "The harbour road will close on Saturday.")]
    whole = first + [(doc, title, t) for t in rest]
    assert not story_held(question, first)[0], story_coverage(question, first)
    assert story_coverage(question, whole) > story_coverage(question, first)


@pytest.mark.parametrize("verdict, untold", [
    ("no relevant sentence gives the name the question asks for (no source tells the question's story: the best "
     "covers 0.48 of its key terms)", True),
    ("no relevant sentence gives the name the question asks for", False),
    ("the question's key terms are missing from the most relevant sentences (coverage 0.21)", False),
    ("no source reports the question's premise: act (“the board named a conductor”)", False),
    (None, False),
])
def test_the_writer_marks_only_the_story_checks_abstention(verdict, untold):
    assert QuestionAnswering._story_untold(verdict) is untold
