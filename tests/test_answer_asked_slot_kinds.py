"""The first sentence fills the slot the question word asks for, not another slot of the same story (s69's new user,
issue 10): "Who is <person>?" by the person's title or role, not by what the person said; "Who was charged …?" by the
names of the people charged, not by the lede's count of them; "Why …?" by the act's cause, not by a reaction to the
act.

- Who a person is: an appositive may open on a bare title ("said Guo Mingyu, spokesperson for China's foreign
  ministry"), and a report often gives it at a second reference by the family name alone ("Lindqvist, chief executive
  of …" after "Sara Lindqvist said …") (``answer_who.titled_mentions``, ``second_references``).
- Who was charged: a lede counting the people the asked act befell ("US prosecutors charged three engineers …",
  ``answer_slot.counted_undergoers``) gives way to the sentence of its report naming as many people
  (``answer_slot.named_people``: "The three, Viktor Orlov, 44, …"); ``answer_slots.toml`` v11 ``[counted]``.
- Why: a reaction ("Washington condemned the move …", "Passengers reacted with anger after the service was
  suspended") is no reason for the act (``stated_reason.reacts``); the act told with its cause by "after" is one
  ("suspended the service after a crew member tested positive", ``stated_reason.cause_after_act``); "was due to open"
  is a schedule, no cause (``answer_kind.gives_reason``); ``answer_kinds.toml`` v19 ``[reason]``.

The articles and sentences are written for these specs.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead, engine_over_articles

from rag.writers.answer_kind import gives_reason
from rag.writers.answer_slot import asked_slot, counted_undergoers, named_people
from rag.writers.answer_who import titled_mentions
from rag.writers.stated_reason import cause_after_act, reacts


# -- who a person is ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, title", [
    ("Guo Mingyu", "\"We firmly oppose the abuse of export controls,\" said Guo Mingyu, spokesperson for China's "
                   "foreign ministry, at a regular briefing.", "spokesperson for China's foreign ministry"),
    ("Sara Lindqvist", "Sara Lindqvist said patrols were doubled. Lindqvist, chief executive of the grid operator "
                       "Nordlink Energy, said the damage appeared deliberate.",
     "chief executive of the grid operator Nordlink Energy"),
    ("Takeshi Mori", "Takeshi Mori said checks would be tightened. Mori, a senior official of the economy ministry, "
                     "said they start in January.", "a senior official of the economy ministry"),
    ("Wen Hao", "Wen Hao spoke first. \"We will appeal,\" said Wen, managing director of Qilin Photonics.",
     "managing director of Qilin Photonics"),
])
def test_a_bare_title_after_the_name_or_its_second_reference_says_who_the_person_is(name, text, title):
    found = titled_mentions(name, text)
    assert found and found[0].title == title, found


@pytest.mark.parametrize("name, text", [
    # the family name alone where the text never names the person in full: maybe another person
    ("Sara Lindqvist", "Lindqvist, chief executive of Nordlink Energy, said the damage appeared deliberate."),
    # one part of the asked name inside another person's name
    ("Mori Ken", "Tanaka Mori, a senior official of the economy ministry, spoke. Mori Ken said nothing."),
    # a clause after the comma is no title ("who is chief …": a relative clause; "said the chief …": another person)
    ("Sara Lindqvist", "Sara Lindqvist, who said the chief executive had resigned, spoke to reporters."),
])
def test_no_title_is_read_from_another_person_or_a_clause(name, text):
    assert titled_mentions(name, text) == []


# -- who was charged ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, text, count", [
    ("Who was charged with smuggling?", "US prosecutors charged three engineers on Tuesday with smuggling.", 3),
    ("Who was charged with smuggling?", "Three engineers were charged on Tuesday with smuggling.", 3),
    ("Who was indicted for exporting drones?", "Prosecutors indicted two executives of a Yokohama trading company.", 2),
    ("Who did police arrest after the raid?", "Police arrested a total of five people after the raid.", 5),
    ("Who was charged with smuggling?", "He was charged in April with three counts of fraud.", None),  # counts, not people
    ("Who was charged with smuggling?", "Prosecutors charged Viktor Orlov on Monday.", None),  # named, not counted
    ("Who was charged with smuggling?", "Police arrested three men on Monday.", None),  # another act
])
def test_a_lede_counting_the_people_the_asked_act_befell(question, text, count):
    assert counted_undergoers(asked_slot(question), text) == count


@pytest.mark.parametrize("text, count", [
    ("The three, Viktor Orlov, 44, Anna Sidorenko, 39, and Paul Keane, 51, are accused of shipping parts.", 3),
    ("They are Kenji Morita, the company's president, and Hiroshi Abe, its export manager.", 2),
    ("Chuan Geng, 28, and Shiwei Yang, 28, ran a California company that shipped the chips through Singapore.", 2),
    ("The case was brought by the Disruptive Technology Strike Force in Hong Kong.", 0),
])
def test_the_people_a_sentence_names(text, count):
    assert named_people(text) == count


# -- why -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, reaction", [
    ("Washington condemned the move as economic coercion and said it would consult allies.", True),
    ("Beijing lodged a protest and urged Tokyo to correct its mistake immediately.", True),
    ("Passengers reacted with anger on Tuesday after the island ferry service was suspended.", True),
    ("Seoul's trade minister criticised the licences because Korean battery makers would suffer.", True),
    ("The ministry said the restrictions were imposed to safeguard national security.", False),
    ("China announced the ban in response to new US chip controls, which Washington had condemned.", False),
])
def test_a_reaction_to_the_act_is_no_reason_for_it(text, reaction):
    assert reacts(text) is reaction


@pytest.mark.parametrize("question, text, cause", [
    ("Why was the island ferry service suspended?",
     "The operator suspended the ferry service after a crew member tested positive for measles.", True),
    ("Why was the island ferry service suspended?",
     "Passengers reacted with anger on Tuesday after the island ferry service was suspended.", False),
    ("Why did Japan tighten its chip tool export rules?",
     "The ministry said it tightened the rules after several tools were diverted to military users.", True),
    ("Why did Japan tighten its chip tool export rules?", "The rules were tightened. After that, exports fell.", False),
])
def test_the_act_told_with_its_cause_by_after(question, text, cause):
    assert cause_after_act(question, text) is cause


@pytest.mark.parametrize("text, reason", [
    ("Organisers cancelled the festival two days before it was due to open.", False),
    ("Talks between the two ministries are due to resume in March.", False),
    ("The flight was cancelled due to a fault in its landing gear.", True),
])
def test_due_to_of_a_schedule_is_no_cause(text, reason):
    assert gives_reason(text) is reason


# -- through the real ask path ---------------------------------------------------------------------------------------

ARTICLES = [
    ("01_guo.md", "2026-08-15", "China criticises Dutch chip tool curbs",
     "China said on Tuesday that new Dutch restrictions on chip-making tools were discriminatory and would hurt global "
     "supply chains.\n\n"
     "\"We firmly oppose the abuse of export controls,\" said Guo Mingyu, spokesperson for China's foreign ministry, at a "
     "regular briefing.\n\n"
     "Guo Mingyu said the Netherlands should respect market principles.\n\n"
     "The Dutch government said the rules were needed to protect national security."),
    ("02_lindqvist.md", "2026-08-16", "Nordic grid operator warns of cable sabotage",
     "Sara Lindqvist said the company had doubled patrols along its undersea cables after two were damaged in the "
     "Baltic Sea.\n\n"
     "Lindqvist, chief executive of the grid operator Nordlink Energy, said the damage appeared deliberate.\n\n"
     "Sara Lindqvist added that repairs would take several weeks.\n\n"
     "Police in Finland have opened an investigation."),
    ("03_mori.md", "2026-09-22", "Japan to tighten checks on chip tool exports",
     "Takeshi Mori said on Monday that Japan would tighten checks on exports of chip-making tools to prevent diversion "
     "to third countries.\n\n"
     "Mori, a senior official of the economy ministry's trade control department, said the checks would start in "
     "January.\n\n"
     "Exporters welcomed the advance notice."),
    ("04_charged.md", "2026-09-10", "Three engineers charged with smuggling chip tools to Russia",
     "US prosecutors charged three engineers on Tuesday with smuggling chip-making equipment to Russia through Hong "
     "Kong.\n\n"
     "The three, Viktor Orlov, 44, Anna Sidorenko, 39, and Paul Keane, 51, are accused of shipping lithography parts "
     "labelled as pump spares.\n\n"
     "Each faces up to 20 years in prison if convicted."),
    ("05_nvidia.md", "2026-10-05", "Two Chinese nationals charged over Nvidia chip exports",
     "Federal prosecutors charged two Chinese nationals on Monday with illegally exporting tens of millions of dollars "
     "of Nvidia AI chips to China.\n\n"
     "Chuan Geng, 28, and Shiwei Yang, 28, ran a California company that bought the chips and shipped them through "
     "Singapore and Malaysia, according to the complaint.\n\n"
     "Both were arrested on Saturday."),
    ("06_raid.md", "2026-09-14", "Four men charged over jewellery store raid",
     "Police charged four men on Saturday over a raid on a jewellery store in Leeds.\n\n"
     "The men, Darren Cole, Liam Shaw, Ryan Price and Owen Hart, will appear before magistrates on Monday.\n\n"
     "Watches worth 200,000 pounds were taken in the raid."),
    ("07_ferry.md", "2026-08-12", "Passengers angry as ferry service suspended",
     "Passengers reacted with anger on Tuesday after the island ferry service was suspended for the rest of the week.\n\n"
     "The operator suspended the ferry service after a crew member tested positive for measles, a spokesman said.\n\n"
     "Islanders rely on the ferry for food deliveries."),
    ("08_tools.md", "2026-10-14", "Beijing condemns Japan's tighter chip tool rules",
     "Beijing condemned Japan's tighter export rules for chip tools on Tuesday, calling them a blow to trade.\n\n"
     "Japan's economy ministry tightened the export rules for 23 chip tools after several etching tools were found at "
     "military research institutes.\n\n"
     "The rules take effect in December."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("asked_slot_kinds"), ARTICLES)


@pytest.mark.parametrize("question, role", [
    ("Who is Guo Mingyu?", "spokesperson for China's foreign ministry"),
    ("Who is Sara Lindqvist?", "chief executive of the grid operator Nordlink Energy"),
    ("Who is Takeshi Mori?", "senior official of the economy ministry"),
])
def test_who_is_a_person_leads_with_their_role(engine, question, role):
    assert role in answer_lead(engine, question, "2026-12-30")


@pytest.mark.parametrize("question, names", [
    ("Who was charged with smuggling chip-making equipment to Russia?", ("Viktor Orlov", "Paul Keane")),
    ("Who was charged with exporting Nvidia AI chips to China?", ("Chuan Geng", "Shiwei Yang")),
    ("Who was charged over the Leeds jewellery store raid?", ("Darren Cole", "Owen Hart")),
])
def test_who_was_charged_leads_with_the_names_not_the_count(engine, question, names):
    lead = answer_lead(engine, question, "2026-12-30")
    assert all(n in lead for n in names), lead


@pytest.mark.parametrize("question, cause", [
    ("Why was the island ferry service suspended?", "tested positive for measles"),
    ("Why did Japan tighten export rules for chip tools?", "found at military research institutes"),
])
def test_why_leads_with_the_cause_not_the_reaction(engine, question, cause):
    assert cause in answer_lead(engine, question, "2026-12-30")
