"""A "who <be> <participle> …?" question (and one asking an act's object or recipient) is answered by the sentence
telling the asked act of this story, not by a report's background sentence telling the same act of an earlier event:
"Outgoing President Moon Jae-in was elected in 2017 …" does not answer "Who was elected president of South Korea?"
in a 2026 report whose lede says "Yoon Suk-yeol won South Korea's presidential election on Wednesday". The passive
subject's filler led at any gap of the answer pool (h/answers-s62, ``answer_slot.slot_lead``), so the background
sentence with the question's own participle led over the lede telling the act in other words; a filler telling its
act only in years before its report's (``answer_slot.tells_earlier_event``, years read by ``asked_year``) now leads
no answer. The reports below are written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, engine_over_articles

from rag.writers.answer_slot import tells_earlier_event

ARTICLES = [
    ("01_vote.md", "2026-03-10", "Yoon Suk-yeol wins South Korea's presidential race",
     "Conservative former prosecutor Yoon Suk-yeol won South Korea's presidential election on Wednesday by the "
     "narrowest margin in the country's history. Yoon will take office in May for a single five-year term. "
     "Outgoing President Moon Jae-in was elected in 2017 after the impeachment of Park Geun-hye. "
     "Yoon has promised a tougher line on chip export controls."),
    ("02_ceo.md", "2026-05-02", "Hanwa Electronics picks new chief executive",
     "Hanwa Electronics said on Monday that Park Min-ho will become its chief executive in July, succeeding Lee "
     "Sang-jin. The board also approved a 4 trillion won investment in a new memory plant. "
     "Lee Sang-jin was named chief executive in 2019 and oversaw the firm's expansion into foundry services."),
    ("03_strike.md", "2026-08-20", "Drone strike hits convoy near border",
     "A drone strike on a convoy near the border killed the militia's commander, Abu Salem, officials said on "
     "Tuesday. Three civilians were injured in the strike. "
     "A previous leader of the group, Omar Haddad, was killed in a similar strike in 2019."),
    ("04_court.md", "2026-10-09", "Court clears logistics chief in drone-parts case",
     "A district court in Rotterdam on Thursday sentenced Halvard Brenn, a Danish parts broker, to four years in "
     "prison in the drone-parts sanctions case. Prosecutors said the controllers were routed through Gdansk. "
     "The broker's former logistics chief, Oren Valdt, was cleared of all charges."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("passive_background"), ARTICLES)


@pytest.mark.parametrize("question, until, answer, background", [
    ("Who was elected president of South Korea?", "2026-03-12", "Yoon Suk-yeol", "Moon Jae-in"),
    ("Who was named the new chief executive of Hanwa Electronics?", "2026-05-03", "Park Min-ho", "in 2019"),
    ("Who was killed in the drone strike on the convoy?", "2026-08-21", "Abu Salem", "Omar Haddad"),
])
def test_the_story_s_act_leads_not_the_background_s(engine, question, until, answer, background):
    text = lead(engine, question, until)
    assert answer in text and background not in text


def test_a_filler_of_the_story_itself_still_leads_past_the_lede(engine):
    # the passive subject of this story's act, told in no earlier year, leads at any gap as before
    assert "Oren Valdt" in lead(engine, "Who was cleared in the drone-parts sanctions case?", "2026-10-12")


@pytest.mark.parametrize("sentence, published", [
    ("Outgoing President Moon Jae-in was elected in 2017 after the impeachment.", "2026-03-10"),
    ("In a separate case last year, two employees were arrested over similar leaks.", "2026-06-15"),  # relative
    ("A previous leader, Omar Haddad, was killed in a similar strike in 2019.", "2026-08-20"),
])
def test_a_sentence_telling_only_earlier_years_tells_an_earlier_event(sentence, published):
    assert tells_earlier_event(sentence, published)


@pytest.mark.parametrize("sentence, published", [
    ("Oren Valdt was cleared of all charges.", "2026-10-09"),  # no year: the report's own event
    ("Yoon was elected on Wednesday and takes office in 2026.", "2026-03-10"),  # the report's year
    ("Park Min-ho will be named chief executive in 2027.", "2026-05-02"),  # a later year
    ("Moon Jae-in was elected in 2017.", None),  # an undated report: no year of its own to compare
])
def test_otherwise_no_earlier_event(sentence, published):
    assert not tells_earlier_event(sentence, published)


def test_a_question_asking_the_year_takes_that_year_s_event():
    years = frozenset({2017})
    assert not tells_earlier_event("Moon Jae-in was elected in 2017.", "2026-03-10", years)
    assert tells_earlier_event("Yoon Suk-yeol was elected in 2026.", "2026-03-10", years)
