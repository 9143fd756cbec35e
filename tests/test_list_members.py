"""A claim about one member of a list is judged against the sentence that states the act over the whole list.

* ``member_reading`` cuts a sentence's coordination to the one item the claim names ("The US sanctioned Huawei, ZTE,
  Hikvision and Dahua on Tuesday" for "the US sanctioned ZTE" -> "The US sanctioned ZTE on Tuesday"): sanctions on
  named firms, banned items, countries on a list, companies in a deal, firms added to a blacklist; a clause's own
  "and" (", which are used in … TVs and smartphones,") is no item. Look-alikes are not read: a claim naming no item
  (Micron against a list without it), two items, a name that coordinates words ("Minister of Trade, Industry and
  Energy"), a sentence with no list.
* ``member_passage`` puts a list sentence that leans on its story for the claim's names ("The export restrictions
  cover …") after the story's earlier sentence that names them.
* With the support checker (``judge``): the reading supports the member's claim where the whole list was too
  diluted to; a claim about an item the list does not hold stays undecided, and a reading never states a contrary.
"""

from __future__ import annotations

import pytest

from rag.writers.answer_verdict import judge, member_passage
from rag.writers.list_members import member_reading

FLUORIDE = ("The export restrictions cover fluorinated polyimides, which are used in organic light-emitting diode "
            "screens for TVs and smartphones, as well as photoresist and hydrogen fluoride, used for making semiconductors.")
FIRMS = "The US sanctioned Huawei, ZTE, Hikvision and Dahua on Tuesday, the Treasury said."
WAGNER = ("The European Union on Monday imposed sanctions on eleven individuals and three entities, including the Wagner "
          "Group, RIA FAN and two Russian military intelligence officers, the Council said.")
METALS = "China banned exports of gallium, germanium and antimony to the United States on Tuesday."
BLACKLIST = ("Washington added 36 Chinese firms, including chipmaker YMTC, CETC, Hefei Core Storage Electronic and "
             "Shanghai Micro Electronics Equipment, to its trade blacklist on Thursday.")
PARTNERS = "The list names the US, the UK, France, Germany, Italy, Canada, Australia and South Korea among trusted partners."
CONSORTIUM = "The consortium brings together Samsung, SK Hynix, Kioxia and Western Digital, the companies said on Tuesday."
FRUIT = "China halted imports of Taiwanese pineapples, wax apples and sugar apples on Tuesday, citing pests."


@pytest.mark.parametrize("claim, sentence, reading", [
    ("Japan restricted exports of hydrogen fluoride to South Korea", FLUORIDE,
     "The export restrictions cover hydrogen fluoride."),
    ("the US sanctioned ZTE", FIRMS, "The US sanctioned ZTE on Tuesday, the Treasury said."),
    ("the US sanctioned Huawei", FIRMS, "The US sanctioned Huawei on Tuesday, the Treasury said."),  # the first item
    ("the US sanctioned Dahua", FIRMS, "The US sanctioned Dahua on Tuesday, the Treasury said."),  # the last item
    ("The EU sanctioned RIA FAN", WAGNER, "The European Union on Monday imposed sanctions on RIA FAN, the Council said."),
    ("China banned exports of germanium", METALS, "China banned exports of germanium to the United States on Tuesday."),
    ("China banned exports of gallium", METALS, "China banned exports of gallium to the United States on Tuesday."),
    ("Washington added YMTC to its trade blacklist", BLACKLIST,
     "Washington added chipmaker YMTC to its trade blacklist on Thursday."),
    ("Seoul is on the list of trusted partners", PARTNERS, "The list names South Korea among trusted partners."),
    ("Kioxia joined the consortium", CONSORTIUM, "The consortium brings together Kioxia, the companies said on Tuesday."),
])
def test_a_list_sentence_reads_for_the_member_the_claim_names(claim, sentence, reading):
    assert member_reading(claim, sentence) == reading


# a list of some members of a noun phrase ("…, including A, B and C"): the member the claim names takes the head's place
@pytest.mark.parametrize("claim, sentence, reading", [
    ("Japan curbed exports of photoresist", "Japan curbed exports of three chemicals, including photoresist, hydrogen "
     "fluoride and fluorinated polyimides, on Thursday.", "Japan curbed exports of photoresist on Thursday."),
    ("The Commerce Department blacklisted Hikvision", "The Commerce Department blacklisted 28 Chinese organisations, "
     "including Hikvision, Dahua and iFlytek, over abuses in Xinjiang.",
     "The Commerce Department blacklisted Hikvision over abuses in Xinjiang."),
    ("Seoul invited Samsung to the meeting", "Seoul invited a dozen chipmakers, such as Samsung, SK Hynix and DB HiTek, "
     "to the meeting, officials said.", "Seoul invited Samsung to the meeting, officials said."),
    ("Taiwan banned imports from Hainan", "Taiwan banned imports from several Chinese provinces, notably Hainan, "
     "Fujian and Guangdong, last month.", "Taiwan banned imports from Hainan last month."),
    ("The UK sanctioned Rosneft", "The UK sanctioned five energy companies and two banks, including Rosneft, "
     "Gazprom Neft and Sberbank, the Foreign Office said.", "The UK sanctioned Rosneft, the Foreign Office said."),
    ("Canada banned Huawei from its 5G networks", "Canada banned two Chinese vendors, including Huawei and ZTE, from "
     "its 5G networks on Thursday.", "Canada banned Huawei from its 5G networks on Thursday."),
    ("North Korea tested a Hwasong-17", "North Korea tested four missiles, among them a Hwasong-17, a KN-23 and two "
     "cruise missiles, on Sunday.", "North Korea tested a Hwasong-17 on Sunday."),
    ("the Netherlands restricted sales of DUV scanners", "the Netherlands restricted sales of chipmaking tools, "
     "including DUV scanners, deposition tools and etchers, to China.",
     "the Netherlands restricted sales of DUV scanners to China."),
])
def test_a_member_takes_the_place_of_the_head_it_is_one_of(claim, sentence, reading):
    assert member_reading(claim, sentence) == reading


@pytest.mark.parametrize("claim, sentence", [
    ("Micron joined the consortium", CONSORTIUM),  # not an item of the list
    ("Japan added South Korea and Taiwan to the list", "The list names the US, Taiwan and South Korea."),  # two items
    ("the minister met reporters", "The Minister of Trade, Industry and Energy said the curbs hurt."),  # one name
    ("Moon met Abe", "Moon met Abe in Osaka and they spoke for an hour."),  # two clauses, no list
    ("Japan restricted exports of rice", "Japan restricted exports of rice to South Korea on Friday."),  # no list
    ("the screens are used for TVs", FLUORIDE),  # "TVs and smartphones" is inside a clause left out
])
def test_no_reading_without_one_named_member(claim, sentence):
    assert member_reading(claim, sentence) is None


STORY = ["Japan yesterday said that it does not plan to retract or renegotiate its stricter controls on high-tech "
         "exports to South Korea, a day after President Moon Jae-in urged that the issue be resolved through diplomacy.",
         "The South Korean Ministry of Trade said that Seoul plans to file a complaint with the WTO."]


def test_a_list_sentence_that_leans_on_its_story_follows_the_sentence_naming_the_claims_actors():
    passage = member_passage("Japan restricted exports of hydrogen fluoride to South Korea", FLUORIDE, STORY)
    assert passage == f"{STORY[0]} The export restrictions cover hydrogen fluoride."
    # no earlier sentence names Japan: nothing to read the list for
    assert member_passage("Japan restricted exports of hydrogen fluoride to South Korea", FLUORIDE, STORY[1:]) is None
    # a list sentence that names the claim's actors itself stands alone
    assert member_passage("the US sanctioned ZTE", FIRMS, STORY) == "The US sanctioned ZTE on Tuesday, the Treasury said."


@pytest.mark.parametrize("claim, sentence, earlier", [
    ("The EU sanctioned the Wagner Group", WAGNER, []),
    ("Japan restricted exports of hydrogen fluoride to South Korea", FLUORIDE, STORY),
])
def test_the_member_reading_decides_where_the_whole_list_does_not(checker, claim, sentence, earlier):
    assert judge(claim, [sentence], checker).outcome == "unknown"  # the list dilutes the claim
    reading = member_passage(claim, sentence, earlier)
    verdict = judge(claim, [sentence, reading], checker, readings=[False, True])
    assert (verdict.outcome, verdict.passage) == ("supported", 1)


def test_a_reading_never_states_the_contrary(checker):
    claim = "China banned exports of gallium to Japan"
    reading = member_reading(claim, METALS)
    assert reading == "China banned exports of gallium to the United States on Tuesday."
    # another country in Japan's place: the sentence itself may say so, the reading made from it may not
    assert judge(claim, [reading], checker, readings=[True]).outcome == "unknown"


def test_an_item_the_list_does_not_hold_stays_undecided(checker):
    claim = "China halted imports of Taiwanese mangoes"
    assert member_reading(claim, FRUIT) is None
    assert judge(claim, [FRUIT], checker).outcome == "unknown"
