"""A "Yes." to a yes/no question needs a sentence that tells the asked act, not one that holds its names and object.

* Kind (s55, a new analyst's questions over articles written for the session): "Has KISA approved Alibaba Cloud's
  certification?" was "Yes." on "KISA has postponed a decision on a cloud security certification for Alibaba Cloud";
  "Did Dahua respond to the camera ban?" was "Yes." on "The ban covers cameras from 14 manufacturers, including
  Hikvision and Dahua" (its list read for the member Dahua), with "Dahua did not respond to a request for comment."
  quoted after it; "Has China banned rare-earth exports?" was "Yes." on a licence requirement. The checker scores a
  sentence by the claim's terms it holds, and the names and the object outweigh the verb: a sentence about another
  act on the same thing passed as the asked one.
* ``polar_question`` keeps the claim's act word (``PolarQuestion.act``: the verb of a do/modal question, the
  participle of a be/have one; none for a copular question). ``judge(..., act=...)`` reads a passage as the "Yes"
  only when one of its sentences tells that act (by its stem, the paraphrase lexicon or its act family,
  ``tells_claim_act``) and holds another of the claim's terms; a claim's own object word ("certification") does not
  tell its act ("approve"), though the paraphrase lexicon groups them.
* End to end through the real ``ask`` path over four short news articles written for this test: the undecided
  answer says the sources do not say it and quotes what they do say; a sentence that tells the act is still "Yes.".
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.answer_verdict import judge, polar_question, tells_claim_act


# -- the act a yes/no question asks about ----------------------------------------------------------------------


@pytest.mark.parametrize("question, act", [
    ("Has KISA approved Alibaba Cloud's certification?", "approved"),
    ("Did Dahua respond to the camera ban?", "responded"),
    ("Has China banned rare-earth exports?", "banned"),
    ("Did the agency grant the licence?", "granted"),
    ("Was the broker detained in Kaohsiung?", "detained"),
    ("Will Seoul extend the ban to hospitals?", "extend"),
    ("Is Taiwan a member of the Wassenaar Arrangement?", ""),  # copular: no act to tell
    ("Are the curbs still in force?", ""),
])
def test_a_yes_no_question_keeps_the_word_of_its_act(question, act):
    assert polar_question(question).act == act


# -- which sentences tell the act --------------------------------------------------------------------------------


@pytest.mark.parametrize("act, claim, window", [
    ("approved", "KISA has approved Alibaba Cloud's certification",
     "KISA has postponed a decision on a cloud security certification for Alibaba Cloud, officials said."),
    ("responded", "Dahua responded to the camera ban",
     "The ban covers cameras from 14 manufacturers, including Hikvision and Dahua."),
    ("banned", "China has banned rare-earth exports",
     "Exporters of seven rare earths must apply to China's commerce ministry for a licence for every shipment."),
    ("responded", "Hikvision responded to the ban",  # the act is told, of someone else and nothing of the claim
     "The ban names Hikvision. Dahua did not respond to a request for comment."),
    ("responded", "Dahua responded to the camera ban",  # told as not done: the contrary's to read, not a "Yes"
     "The ban covers cameras from Hikvision and Dahua. Dahua did not respond to a request for comment."),
    ("signed", "Vietnam signed the chip agreement with Korea",
     "Vietnam and Korea discussed the chip agreement in Hanoi on Friday."),
])
def test_a_sentence_on_another_act_does_not_tell_the_asked_one(act, claim, window):
    assert not tells_claim_act(act, window, claim)


@pytest.mark.parametrize("act, claim, window", [
    ("approved", "KISA has approved Alibaba Cloud's certification",
     "KISA approved the certification for Alibaba Cloud on Monday."),
    ("restricted", "Japan restricted exports of cryogenic probers",  # the act's family: "tightened"
     "Japan tightened controls on exports of cryogenic probers."),
    ("added", "Japan added quantum computers to its export list",
     "METI said it would add 23 items to the list, including quantum computers."),
    ("includes", "the list includes hydrogen fluoride", "The list: resists, hydrogen fluoride."),  # no content act
    ("", "Taiwan is a member of the WHO", "Taiwan attends as an observer."),  # no act asked
])
def test_a_sentence_that_tells_the_act_tells_it(act, claim, window):
    assert tells_claim_act(act, window, claim)


@pytest.mark.parametrize("question, passage", [
    ("Has KISA approved Alibaba Cloud's certification?",
     "South Korea's Korea Internet & Security Agency (KISA) has postponed a decision on a cloud security certification "
     "for Alibaba Cloud, delaying the company's bid to serve public-sector clients, officials said on Monday."),
    ("Has China banned rare-earth exports?",
     "China's Ministry of Commerce said on Friday that exporters of seven medium and heavy rare earths, including "
     "dysprosium and terbium, and magnets that contain them, must apply for a licence for every shipment."),
    ("Did Dahua respond to the camera ban?",
     "The ban covers cameras from 14 manufacturers, including Hikvision and Dahua, and takes effect on January 1."),
    ("Did the Netherlands approve the export licence for the lithography tools?",
     "The Dutch trade ministry delayed its ruling on the export licence for the lithography tools until March."),
])
def test_a_passage_on_the_names_and_object_is_no_yes(checker, question, passage):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome != "supported"


# a passage naming another party without the act is no "No"; one telling the act otherwise still is; one telling the
# act is still a "Yes"
@pytest.mark.parametrize("question, passage, outcome", [
    ("Has KISA approved Alibaba Cloud's certification?",  # another name, no act: no contrary either
     "Alibaba Cloud applied for the certification, known as CSAP, in October 2025.", "unknown"),
    ("Did Hikvision win the police camera contract?",
     "Dahua bid for the police camera contract in May, filings show.", "unknown"),
    ("Did North Korea fire two missiles on Sunday?", "North Korea fired three missiles on Sunday, Seoul said.",
     "contradicted"),
    ("Did Dahua respond to the camera ban?", "Dahua did not respond to the camera ban.", "contradicted"),
    ("Did Taiwan indict five people over chip smuggling?",
     "Prosecutors in Taiwan on Monday indicted five people on charges of chip smuggling to China.", "supported"),
    ("Has KISA approved Alibaba Cloud's certification?",
     "KISA approved Alibaba Cloud's certification on Monday, officials said.", "supported"),
    ("Did the US add 27 Chinese companies to the entity list?",
     "The US Commerce Department added 27 Chinese companies to its entity list on Wednesday.", "supported"),
])
def test_the_verdict_follows_whether_the_passage_tells_the_asked_act(checker, question, passage, outcome):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome == outcome


# -- end to end -------------------------------------------------------------------------------------------------

ARTICLES = [
    ("01_cloud.md", "2026-03-03", "Korea delays cybersecurity approval for Chinese cloud provider",
     "SEOUL, March 3 - South Korea's Korea Internet & Security Agency (KISA) has postponed a decision on a cloud "
     "security certification for Alibaba Cloud, delaying the company's bid to serve public-sector clients, officials "
     "said on Monday.\n\nKISA asked the company last week to submit additional documents about where data of Korean "
     "users would be stored. Alibaba Cloud applied for the certification, known as CSAP, in October 2025."),
    ("02_cameras.md", "2025-09-16", "South Korea bars Chinese-made surveillance cameras from public buildings",
     "SEOUL, Sept. 16 - South Korea's science ministry said on Tuesday it will bar government offices from buying "
     "network cameras made by Chinese firms.\n\nThe ban covers cameras from 14 manufacturers, including Hikvision "
     "and Dahua, and takes effect on January 1, 2026. Agencies must replace an estimated 31,000 units by 2027.\n\n"
     "Dahua did not respond to a request for comment."),
    ("03_smuggling.md", "2025-12-09", "Taiwan prosecutors indict five over chip smuggling",
     "TAIPEI, Dec 9 - Prosecutors in Taiwan's Hsinchu district on Monday indicted five people on charges of "
     "smuggling servers with Nvidia processors to China through a shell company in Malaysia.\n\nThe group shipped "
     "312 servers worth NT$1.9 billion between February and August 2025."),
    ("04_magnets.md", "2025-04-07", "China launches licence regime for rare-earth magnet exports",
     "BEIJING, April 7 - China's Ministry of Commerce said on Friday that exporters of seven medium and heavy rare "
     "earths, including dysprosium and terbium, and magnets that contain them, must apply for a licence for every "
     "shipment.\n\nLicence applications will be decided within 45 working days, the ministry said."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("verdict_act"), ARTICLES)


@pytest.mark.parametrize("question", [
    "Has KISA approved Alibaba Cloud's certification?",
    "Did KISA grant Alibaba Cloud the certification?",
    "Did Dahua respond to the camera ban?",
    "Has China banned rare-earth exports?",
])
def test_ask_does_not_say_yes_on_a_sentence_about_another_act(engine, question):
    answer = answer_text(engine.write(question, template="answer"))
    assert not answer.startswith("Yes."), answer


def test_ask_says_what_the_sources_report_when_they_tell_another_act(engine):
    brief = engine.write("Has KISA approved Alibaba Cloud's certification?", template="answer")
    answer = brief.message or ""  # an undecided answer is a partial abstention: its message says it
    assert answer.startswith("The sources do not say whether KISA has approved"), answer
    assert "postponed a decision" in answer, answer


@pytest.mark.parametrize("question, says", [
    ("Did Taiwan indict five people over chip smuggling?", "indicted five people"),
    ("Did the group ship 312 servers?", "312 servers"),
])
def test_ask_still_says_yes_when_a_sentence_tells_the_act(engine, question, says):
    answer = answer_text(engine.write(question, template="answer"))
    assert answer.startswith("Yes.") and says in answer, answer
