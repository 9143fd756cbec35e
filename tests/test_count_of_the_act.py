"""A "how many <noun> were <verb>ed?" answer leads with the count of that act, not with a count of the same noun for
another act.

s55's fresh user: "How many cameras must be replaced in South Korea?" led with "The ministry said inspectors tested
1,250 cameras … and found that 87 of them sent data to servers abroad" (it counts cameras, but tested, not
replaced) over "Agencies must also replace an estimated 31,000 units already installed …", which answers. The kind:
the noun's count belongs to another act, and the answering count may use a counter ("units", "devices") rather than
the noun. ``answer_slot.count_lead`` now requires the lead to tell the asked act (``answer_act.asked_act``) when a
sentence within its gap does and counts the noun, its class or a counter (``answer_value.counts_by_counter``).

Sentences and articles written for this test; none is from the shared data.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from rag.writers.answer_slot import count_lead
from rag.writers.answer_value import asked_value, counts_by_counter


@pytest.mark.parametrize("question, texts, lead", [
    # the pick counts the noun for another act; the act's count uses a counter
    ("How many cameras must be replaced?",
     ["Inspectors tested 1,250 cameras between March and June.",
      "Agencies must also replace an estimated 31,000 units already installed by 2027."], 1),
    ("How many chips were seized at the port?",
     ["Customs officers inspected 5,000 chips at the port on Monday.",
      "They seized 1,200 units bound for Shenzhen, the agency said."], 1),
    ("How many drones will the ministry replace?",
     ["The ministry grounded 400 drones in March after a software audit.",
      "It will replace about 250 devices by December, officials said."], 1),
    # ... or the noun itself
    ("How many engineers were indicted?",
     ["Prosecutors questioned 30 engineers over the leak last month.",
      "On Friday they indicted 6 engineers on charges of stealing trade secrets."], 1),
    # the pick tells the asked act: it stays
    ("How many cameras did inspectors test?",
     ["Inspectors tested 1,250 cameras between March and June.",
      "Agencies must also replace an estimated 31,000 units already installed by 2027."], 0),
    ("How many firms were added to the entity list?",
     ["The Commerce Department added 27 firms to the entity list on Wednesday.",
      "Officials said 8 firms had bought chips through intermediaries."], 0),
    # a verb too general to tie a count to: the act told in other words stays (RealTime QA fit half, 20221111_4)
    ("Approximately how many employees were affected by the layoffs?",
     ["The company said on Wednesday it is laying off 11,000 employees.",
      "A rival's mass layoffs last week affected half of its 7,500 employees."], 0),
    ("How many workers were involved in the strike?",
     ["About 4,000 workers walked out of the Hwaseong plant on Monday.",
      "A strike in 2019 involved 1,200 workers at another plant."], 0),
    # no sentence tells the act with a count: the pick stays
    ("How many cameras must be replaced?",
     ["Inspectors tested 1,250 cameras between March and June.",
      "The ministry said the cost would be borne by local governments."], 0),
])
def test_the_count_of_the_asked_act_leads(question, texts, lead):
    assert count_lead(question, "number", texts, [1.0, 0.9], [0, 1], [0]) == [lead]


@pytest.mark.parametrize("text, counts", [
    ("Agencies must replace an estimated 31,000 units already installed.", True),
    ("It will replace about 250 devices by December.", True),
    ("The plan covers 12 sets of equipment.", True),
    ("The ministry replaced cameras in 2023.", False),  # a year counts nothing
    ("Agencies must replace 31,000 cameras.", False),  # the noun itself, not a counter (counts_noun reads it)
])
def test_a_counter_counts_what_the_story_counts(text, counts):
    assert counts_by_counter(asked_value("How many cameras must be replaced?"), text) is counts


ARTICLES = [
    ("01_cameras.md", "2026-03-02", "Seoul orders Chinese-made cameras out of public buildings",
     "South Korea's interior ministry on Monday ordered public agencies to remove surveillance cameras made by "
     "Chinese manufacturers, citing data-security risks.\n\n"
     "The ministry said inspectors tested 1,250 cameras between March and June and found that 87 of them sent data "
     "to servers abroad without the operator's knowledge.\n\n"
     "Agencies must also replace an estimated 31,000 units already installed by the end of 2027, at a cost the "
     "ministry put at 48 billion won."),
    ("02_chips.md", "2026-05-12", "Taiwan customs seize smuggled AI chips",
     "Customs officers at Kaohsiung inspected 5,000 AI chips in containers declared as server parts on Monday.\n\n"
     "They seized 1,200 units bound for Shenzhen, the customs agency said, and detained two shipping agents."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("count-act"), ARTICLES)


@pytest.mark.parametrize("question, count", [
    ("How many cameras must public agencies replace?", "31,000"),
    ("How many cameras must be replaced?", "31,000"),
    ("How many AI chips did Taiwan customs seize?", "1,200"),
    ("How many cameras did the inspectors test?", "1,250"),
])
def test_the_answer_leads_with_the_count_of_the_act(engine, question, count):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    lead = brief.sections[0].claims[0].text
    assert count in lead, lead


@pytest.mark.parametrize("question, verbs", [
    ("How many cameras must public agencies replace?", ("replac",)),
    ("What licence must exporters obtain before shipping?", ("obtain",)),
    ("How many drones shall the ministry buy?", ("buy",)),
])
def test_a_modal_auxiliary_opens_the_asked_act(question, verbs):
    from rag.writers.answer_act import asked_act

    assert asked_act(question).verbs[:1] == verbs



# A call to arms told in other words (act_roles.toml [families] conscript): "How many Russians could soon be
# conscripted?" led with a count of soldiers killed over "… the country will call up 300,000 reservists" (RealTime
# QA's fit half, 20220923_7). The count of the men mobilised or of the reservists called up answers.
@pytest.mark.parametrize("question, texts", [
    ("How many Serbians could soon be conscripted?",
     ["Officials estimate that 3,000 Serbian soldiers have been wounded in the border clashes.",
      "The defence minister said the country will call up 50,000 reservists within a month."]),
    ("How many Chileans could be conscripted this winter?",
     ["About 700 Chilean cadets were expelled from the academy this year.",
      "The decree orders the mobilisation of 9,000 Chilean men before the winter."]),
    ("How many Georgians could be conscripted under the new law?",
     ["Some 2,500 Georgian soldiers have served abroad since 2008, the ministry said.",
      "The new law lets the government mobilise 20,000 Georgian reservists at short notice."]),
])
def test_the_count_of_a_call_to_arms_leads(question, texts):
    assert count_lead(question, "number", texts, [1.0, 0.9], [0, 1], [0]) == [1]
