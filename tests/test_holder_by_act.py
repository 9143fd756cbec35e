"""A who-question is answered by the sentence naming the holder through an act: a body's heading verb in any tense,
aspect or voice ("has chaired … since", "heads", "led", "is chaired by"), or an act done for a party ("signed for
Mongolia", "spoke on behalf of the European Union").

s66's new user (F7): "Who chairs the Korea Semiconductor Equipment Association?" missed "Park Dong-hoon has chaired the
Korea Semiconductor Equipment Association (KSEA) since March 2025"; "Who signed the agreement for Mongolia?" quoted
the lede ("Mongolia on Monday signed an agreement …") without "Minister of Mining and Heavy Industry Zolboo Tserendorj
signed for Mongolia". The verb is read by its lemma (``key_terms.lemmas``), not by a list of its tenses.

Articles written for this test; none is from the shared data.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed

from rag.render import answer_with_sources
from rag.writers.answer_office import asked_office, office_mentions
from rag.writers.answer_role import AskedRole, asked_role, role_holders


@pytest.mark.parametrize("question, sentence, name", [
    ("Who chairs the Taiwan Semiconductor Industry Association?",
     "Lin Mei-hua has chaired the Taiwan Semiconductor Industry Association since January 2024.", "Lin Mei-hua"),
    ("Who leads the Japan Machine Tool Builders' Association?",
     "Kenji Arai, who has led the Japan Machine Tool Builders' Association for six years, said orders fell.",
     "Kenji Arai"),
    ("Who heads the Vietnam Electronics Industries Association?",
     "Tran Van Long heads the Vietnam Electronics Industries Association, which represents 400 firms.",
     "Tran Van Long"),
    ("Who chairs the Korea Display Industry Association?",
     "The Korea Display Industry Association is chaired by Choi Jae-won, a former LG engineer.", "Choi Jae-won"),
    ("Who runs the Dutch Photonics Council?",
     "Since 2023 the Dutch Photonics Council has been run by Pieter van Dijk, its founder.", "Pieter van Dijk"),
    ("Who heads the Malaysian Investment Development Authority?",
     "Ahmad Zulkifli will head the Malaysian Investment Development Authority from March.", "Ahmad Zulkifli"),
])
def test_a_body_held_by_a_verb_in_any_tense_or_voice_names_its_holder(question, sentence, name):
    office = asked_office(question)
    assert office is not None and office.by_body
    assert [m.name for m in office_mentions(sentence, office)] == [name]


@pytest.mark.parametrize("question, sentence", [
    # another act on the body: not its head
    ("Who chairs the Taiwan Semiconductor Industry Association?",
     "Lin Mei-hua joined the Taiwan Semiconductor Industry Association in January 2024."),
    # the heading verb, another body
    ("Who chairs the Korea Display Industry Association?",
     "Choi Jae-won has chaired the Korea Battery Industry Association since 2022."),
])
def test_another_act_or_another_body_names_no_holder(question, sentence):
    assert office_mentions(sentence, asked_office(question)) == []


@pytest.mark.parametrize("question, role", [
    ("Who signed the agreement for Mongolia?", AskedRole("signed", (), "Mongolia")),
    ("Who spoke on behalf of the European Union?", AskedRole("spoke", (), "European Union")),
    ("Who voted for Kazakhstan at the meeting for Kazakhstan?", AskedRole("voted", (), "Kazakhstan")),
])
def test_an_act_done_for_a_party_is_a_role_asked(question, role):
    assert asked_role(question) == role


@pytest.mark.parametrize("question", ["Who is the CEO for Asia?", "Who was for the deal?", "Who signed the deal?"])
def test_no_party_act_where_the_question_asks_none(question):
    role = asked_role(question)
    assert role is None or not role.party


@pytest.mark.parametrize("question, text, name", [
    ("Who signed the loan accord for Laos?",
     "Laos and China signed a loan accord on Friday. Finance Minister Santiphab Phomvihane signed for Laos and Vice "
     "Minister Wang Lin for China.", "Santiphab Phomvihane"),
    ("Who signs the treaty for Chile?", "Gabriel Boric will sign the treaty on behalf of Chile in Lima.",
     "Gabriel Boric"),
    ("Who spoke for the African Union?", "At the summit, Moussa Faki spoke for the African Union.", "Moussa Faki"),
])
def test_the_sentence_naming_who_acted_for_the_party(question, text, name):
    found = role_holders(asked_role(question), text)
    assert len(found) == 1 and name in found[0][1]


def test_someone_acting_for_another_party_is_not_the_holder():
    role = asked_role("Who signed the agreement for Mongolia?")
    assert role_holders(role, "Sojitz president Kenji Ito signed for Japan. Mongolia signed the deal on Monday.") == []
    assert role_holders(role, "Bold Javkhlan campaigned for Mongolia's entry into the club.") == []


ARTICLES = {
    "01_kita.txt": ("Chip tool makers warn on US waiver end", "Seoul Herald", "2026-10-30",
                    "SEOUL - Korean chip equipment makers said on Thursday that the end of U.S. waivers for fabs in "
                    "China would cut their orders next year.\n\nWe spoke to the association's head about exports. "
                    "Lee Soo-jin has chaired the Korea Chip Tool Exporters Council since April 2025.\n\nShe said "
                    "exports to China fell 18% in the third quarter."),
    "02_laos.txt": ("Laos signs potash deal with Thai group", "Mekong Wire", "2026-09-22",
                    "VIENTIANE - Laos on Tuesday signed an agreement with a Thai group to build a potash plant in "
                    "Khammouane province, the Lao government said.\n\nMinister of Energy and Mines Phoxay "
                    "Sayasone signed for Laos, and the group's president, Somchai Rattanakul, signed for the Thai "
                    "side.\n\nThe plant will cost $900 million."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("holder-by-act"), ARTICLES)


@pytest.mark.parametrize("question, name", [
    ("Who chairs the Korea Chip Tool Exporters Council?", "Lee Soo-jin"),
    ("Who signed the potash agreement for Laos?", "Phoxay Sayasone"),
])
def test_the_holder_named_by_an_act_leads_the_answer(engine, question, name):
    brief = engine.write(question, template="answer")
    shown = answer_with_sources(brief)
    assert not brief.abstained, shown
    assert name in shown.split("\n\n")[0][:300], shown
