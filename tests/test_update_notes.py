"""An update note says what a later version of the article added; it is about the article, not its story (issue 10,
s67's new user, F13: "Updated at 14:00 to add the Ministry of Labor's statement and the amount seized." was quoted in
an answer and in a brief's bottom line).

Kind: **update notes** ("Updated at <time> to add …", "UPDATED on <date> to include …", "Updated with …", "This story
was updated at … with …", "Update, <date>: adds …") are editorial notes, recognised once in the text layer
(``correction_notes.toml`` v4, read by ``rag.text.editorial_notes``): no answer or brief quotes them. A sentence that
reports something updated ("The ministry updated its control list to add …", "Updated export rules take effect …")
is news and stays quotable.

Articles written for this spec (Vietnamese, Indian and Japanese stories; none from any data set).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles
from evals.rtqa_answers import answer_text
from rag.text.editorial_notes import opens_note

NOTES = [
    "Updated at 14:00 to add the Ministry of Labor's statement and the amount seized.",
    "UPDATED on Nov. 5 at 9:30 a.m. to include comments from the Commerce Ministry.",
    "Updated with the court's ruling.",
    "This story was updated at 18:40 KST with the verdict.",
    "Update, Nov. 12: adds details of the fine.",
    "(Updated at 10:15 to add MOFCOM comment)",
]
NEWS = [
    "Updated export rules take effect on Jan. 1.",
    "The ministry updated its control list on Monday to add three chemicals.",
    "Updated at 14:00, the tally showed 32 seizures.",
    "Updated figures show exports rose 4% in October.",
    "Updates to the list take effect next month.",
]


@pytest.mark.parametrize("note", NOTES)
def test_an_update_note_is_an_editorial_note(note):
    assert opens_note(note)


@pytest.mark.parametrize("sentence", NEWS)
def test_news_about_something_updated_is_no_note(sentence):
    assert not opens_note(sentence)


ARTICLES = [
    ("vn.md", "2026-11-19", "Vietnam seizes smuggled Nvidia servers at Hai Phong port",
     "Updated at 16:30 to add the customs department's statement and the value of the servers.\n\n"
     "HANOI — Vietnamese customs officers on Wednesday seized 42 servers fitted with Nvidia H100 chips at Hai Phong "
     "port, declared as used office computers. The servers were worth about $9 million, the customs department said "
     "in a statement, adding that the shipment was bound for a company in Shenzhen."),
    ("in.md", "2026-11-21", "India adds drone parts to its SCOMET export list",
     "NEW DELHI — India's Directorate General of Foreign Trade on Friday added drone flight controllers and thermal "
     "cameras to its SCOMET list of controlled exports. Exporters will need a licence from Feb. 1, 2027, the "
     "directorate said.\n\n"
     "UPDATED on Nov. 21 at 18:10 to include comments from the Commerce Ministry and the start date."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("update_notes"), ARTICLES)


@pytest.mark.parametrize("question", [
    "What did Vietnam's customs department say about the seized servers?",
    "When will Indian exporters of drone parts need a licence?",
])
def test_an_answer_never_quotes_an_update_note(engine, question):
    brief = engine.write(question, template="answer")
    text = answer_text(brief)
    assert text, brief.message
    assert "to add the customs department" not in text and "to include comments" not in text, text


@pytest.mark.parametrize("topic", ["Vietnam Nvidia server smuggling seizure", "India drone parts export controls"])
def test_a_brief_never_quotes_an_update_note(engine, topic):
    brief = engine.write(topic, template="situation")
    quoted = " ".join(c.text for s in brief.sections for c in s.claims)
    assert quoted, brief.message
    assert "to add the customs department" not in quoted and "to include comments" not in quoted, quoted
