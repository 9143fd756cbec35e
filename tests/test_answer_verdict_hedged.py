"""A yes/no question whose sources tell the act only as a hedged report is answered "possible", not "do not say".

* Kind (s49, h/hedged49): "Did Jack Ma move to Japan?" answered "The sources do not say whether Jack Ma moved to
  Japan. According to an unnamed roundup …: “Financial Times coverage suggested that Jack Ma, founder of Alibaba and
  owner of AliExpress, relocated to Japan and has reportedly spent the last six months there.”": the source does say
  it, only as a suggestion. ``intent_kind`` read no act there: (1) the hedging frame's clause ("suggested that …")
  ended at the comma of the apposition between the subject and its verb, and (2) the source tells the act in other
  words ("relocated" for "moved").
* A frame's clause reads past one apposition between its subject and its verb (``_apposition_end``); an act told by a
  verb of the same class (``verb_classes.toml``: move/relocate, buy/acquire, arrest/detain) is the claim's act, by the
  checker's predicate lemma; an adverb or frame that tells the act only as reported, alleged or believed
  (``polar_questions.toml`` [intent] ``reported``: "allegedly", "is said to", "is believed to", "according to
  unconfirmed reports") tells it only as possible, before or after the clause it hedges; "reportedly" does not (news
  writes it for an act another outlet reported: a report of the act done).
* Controls keep their reading: a plain report of the act done, one with an apposition, a denial of the reports, a
  negated hedge, an act told done outside the hedge, a plain attribution ("according to Reuters").
* End to end: the answer says the sources report the act only as possible and quotes the hedged sentence.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text, first_sentence
from rag.writers.abstention_text import partial_parts
from rag.writers.answer_verdict import intent_kind

JACK_MA = ("Financial Times coverage suggested that Jack Ma, founder of Alibaba and owner of AliExpress, relocated to "
           "Japan and has reportedly spent the last six months there.")


@pytest.mark.parametrize("claim, sentence", [
    # the measured item, in the question's words and in the source's
    ("Jack Ma moved to Japan", JACK_MA),
    ("Jack Ma relocated to Japan", JACK_MA),
    # an apposition between a hedging frame's subject and its verb
    ("Samsung acquired the startup",
     "Reports suggested that Samsung, the world's largest memory maker, bought the startup."),
    ("Samsung bought the startup",
     "Analysts have suggested that Samsung, the world's largest memory maker, acquired the startup last spring."),
    ("Tokyo Electron moved its research centre to Singapore",
     "Nikkei hinted that Tokyo Electron, a supplier of chip-making tools, relocated its research centre to Singapore."),
    ("Beijing detained the executives",
     "Rights groups alleged that Beijing, angered by the audit, detained the executives in March."),
    # an adverb that tells the act only as reported or alleged
    ("The executives were detained", "The executives were allegedly detained by Chinese authorities."),
    ("Huawei acquired the design house", "Huawei purportedly bought the design house through a Cayman shell."),
    ("Pyongyang moved the launchers to the coast", "Pyongyang has supposedly relocated the launchers to the coast."),
    # a frame of belief or hearsay before the act
    ("Beijing detained the executives",
     "The executives are believed to have been detained by Chinese authorities."),
    ("SMIC bought the lithography tools", "SMIC is said to have acquired the lithography tools from a broker."),
    ("The hackers stole the design files", "The hackers are thought to have stolen the design files in June."),
    ("The founder moved to Singapore", "The founder is rumoured to have relocated to Singapore."),
    # an unconfirmed report opening or closing its sentence
    ("Samsung bought the startup", "According to unconfirmed reports, Samsung acquired the startup."),
    ("Samsung bought the startup", "Samsung acquired the startup, according to unconfirmed reports."),
    ("The regulator arrested the trader", "The regulator detained the trader, reports suggested."),
    ("Alibaba moved its headquarters to Singapore",
     "Unconfirmed reports said Alibaba had relocated its headquarters to Singapore."),
])
def test_an_act_told_only_as_a_hedged_report_is_possible(claim, sentence):
    """A suggestion, an allegation, "is believed to have", an unconfirmed report: the act is told only
    as possible, whatever stands between the frame's subject and its verb and whichever verb of its class tells it."""
    assert intent_kind(claim, sentence) == "possible"


@pytest.mark.parametrize("claim, sentence, kind", [
    # a plain report of the act done, with or without an apposition
    ("Jack Ma moved to Japan", "Jack Ma, founder of Alibaba, relocated to Japan.", None),
    ("Samsung bought the startup", "Samsung, the world's largest memory maker, acquired the startup on Monday.", None),
    ("The minister resigned", "The minister resigned on Friday.", None),
    # news's "reportedly": an act another outlet reported, done
    ("Japan denied approval to the battery makers", "Japan has reportedly denied approval to the battery makers.", None),
    # a plain attribution is no hedge
    ("Samsung bought the startup", "Samsung acquired the startup, according to Reuters.", None),
    # a denial of the reports, a negated hedge
    ("Samsung bought the startup", "Samsung denied reports that it had bought the startup.", None),
    ("Samsung bought the startup", "The filing did not suggest that Samsung bought the startup.", None),
    ("Samsung bought the startup", "Analysts have not suggested that Samsung, the memory maker, bought the startup.", None),
    # the act told done outside the hedge
    ("Samsung bought the startup",
     "Reports had suggested a deal, and on Monday Samsung bought the startup for $2 billion.", None),
    ("The minister resigned", "The minister, who had reportedly weighed quitting, resigned on Friday.", None),
    # a relative clause after the subject is no apposition: the frame's clause ends there, as before
    ("Seoul filed a complaint", "Tokyo suggested that Seoul, which filed a complaint last year, would appeal.", None),
    # a plan under a closing hedge stays a plan
    ("Seoul filed a complaint with the WTO", "Seoul plans to file a complaint with the WTO, according to unconfirmed "
     "reports.", "planned"),
    # a claim that hedges itself
    ("Jack Ma allegedly moved to Japan", JACK_MA, None),
])
def test_a_done_act_a_denial_or_a_negated_hedge_keeps_its_reading(claim, sentence, kind):
    """Controls: what was read as done, denied, refused or planned before is read so still."""
    assert intent_kind(claim, sentence) == kind


# -- end to end --------------------------------------------------------------------------------------------------

ARTICLES = [
    ("01_kestrel.md", "2023-05-02", "Kestrel Semiconductor weighs options after export probe",
     "Trade press coverage suggested that Lena Okafor, founder of Kestrel Semiconductor and chair of its board, "
     "relocated to Singapore and has reportedly spent the last four months there. Kestrel Semiconductor designs "
     "power-management chips for electric vehicles."),
    ("02_marlow.md", "2023-05-03", "Marlow Robotics deal talk",
     "Marlow Robotics, a maker of warehouse robots, is said to have acquired the sensor startup Brightfield "
     "Optics. The company builds its robots in Osaka."),
    ("04_osaka.md", "2023-05-05", "Osaka robot makers hire",
     "Osaka-based Tanager Motion hired 300 engineers in April, the company said."),
    ("03_ports.md", "2023-05-04", "Harbour authority staff questioned",
     "The customs inspectors are believed to have been detained by provincial police after the audit of the "
     "harbour authority. The audit covered shipments of machine tools."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("hedged"), ARTICLES)


POSSIBLE_SAID = "They report it only as possible (hinted or suspected), not as confirmed: “"


@pytest.mark.parametrize("question, whether, says", [
    ("Did Lena Okafor move to Singapore?", "whether Lena Okafor moved to Singapore", "relocated to Singapore"),
    ("Did Marlow Robotics buy Brightfield Optics?", "whether Marlow Robotics bought Brightfield Optics",
     "is said to have acquired"),
    ("Did provincial police detain the customs inspectors?",
     "whether provincial police detained the customs inspectors", "are believed to have been detained"),
])
def test_ask_over_a_hedged_source_says_the_act_is_reported_only_as_possible(engine, question, whether, says):
    """The only source tells the act as a suggestion, hearsay or belief: the answer is undecided, says the sources
    report it only as possible, and quotes the hedged sentence; it does not say "do not say" over a quote that does."""
    from rag.types import SearchFilters

    brief = engine.write(question, template="answer", filters=SearchFilters(until="2023-05-10"))
    assert brief.abstained, answer_text(brief)
    assert brief.message.startswith(f"The sources do not say {whether}. {POSSIBLE_SAID}"), brief.message
    assert says in partial_parts(brief.message)[1]


def test_ask_still_says_yes_over_a_plain_report(engine):
    """A plain report of the act done still answers "Yes."."""
    brief = engine.write("Did Tanager Motion hire 300 engineers?", template="answer")
    assert not brief.abstained, brief.message
    assert first_sentence(answer_text(brief)) == "Yes."


@pytest.mark.parametrize("claim, passage", [
    ("Marlow Robotics bought Brightfield Optics", "Marlow Robotics employs 900 people in Osaka."),
    ("Samsung acquired the startup Vireo", "Samsung opened a plant in Texas."),
    ("Beijing detained Lena Okafor", "Beijing hosted trade talks with Tokyo on Monday."),
])
def test_another_name_beside_the_claims_actor_is_no_contrary_without_the_act(checker, claim, passage):
    """A sentence naming the claim's actor and another name, but not the claim's act, says nothing of it: no "No."
    (h/hedged49's "Did Marlow Robotics buy Brightfield Optics?" was answered "No." from the article's next sentence)."""
    from rag.writers.answer_verdict import judge

    assert judge(claim, [passage], checker).outcome != "contradicted"


def test_a_name_in_place_of_the_claims_with_its_act_is_still_a_contrary(checker):
    from rag.writers.answer_verdict import judge

    assert judge("Marlow Robotics bought Brightfield Optics", ["Marlow Robotics bought Kestrel Sensors on Monday."],
                 checker).outcome == "contradicted"
