"""Which side acted (issue 10, answers): "Which Chinese companies did Japan restrict?" asks for what Japan did to
China, so "China Imposes Export Restrictions on 20 Japanese Firms" tells the act the other way round, and "Which
Dutch firms did China sanction?" is not answered by a Dutch firm halting shipments to China. A place the question's
wh-phrase names is what its actor acts on (``answer_premise.acted_on_places``); a sentence whose actor is that place,
with the asked actor acted on, swaps the roles (``answer_actor.swaps_roles``): it does not type as the answer, nor
hold the places' key terms (``asked_view.actor_act_view``), and the premise check reads the wh-phrase's place as a
target (``answer_premise.premise``). Cases of the kind written for this test (sanctions, export curbs, bans, between
several pairs of countries); found on the sample corpus, where both questions got China's restrictions on Japan.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead, answer_of, engine_over_articles

from rag.writers.answer_actor import swaps_roles
from rag.writers.answer_premise import acted_on_places, premise


@pytest.mark.parametrize("question, agent, places", [
    ("Which Chinese companies did Japan restrict?", "japan", {"china"}),
    ("Which Dutch firms did China sanction?", "china", {"netherlands"}),
    ("Which South Korean chipmakers has the US blacklisted?", "united_states", {"south_korea"}),
    ("What Vietnamese exports did Indonesia ban?", "indonesia", {"vietnam"}),
])
def test_the_wh_phrase_names_what_the_actor_acts_on(question, agent, places):
    assert acted_on_places(question, frozenset({agent})) == places
    assert set(premise(question).others) >= places


@pytest.mark.parametrize("question", [
    "Which companies did Japan restrict?",  # the wh-phrase names no place
    "Which Japanese companies did Japan sanction?",  # the actor's own place is no target
    "Which country restricted exports to Japan?",  # the wh-phrase is the doer
    "Why did Japan restrict exports?",
])
def test_no_acted_on_place_without_one_in_the_wh_phrase(question):
    found = premise(question)
    agent = found.actor_keys if found is not None else frozenset()
    assert acted_on_places(question, agent) == frozenset()


@pytest.mark.parametrize("text, agent, acted_on, verb", [
    ("China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo",
     "japan", "china", "restrict"),
    ("Tokyo protests as China blocks dual-use exports to 20 Japanese companies", "japan", "china", "restrict"),
    ("Vietnam's trade ministry on Tuesday imposed sanctions on three Indonesian shipping firms.",
     "indonesia", "vietnam", "sanction"),
    ("Seoul banned imports from two Japanese seafood processors on Friday.", "japan", "south_korea", "ban"),
])
def test_a_sentence_whose_actor_is_the_wh_phrase_s_place_swaps_the_roles(text, agent, acted_on, verb):
    assert swaps_roles(text, {agent}, {acted_on}, verb)


@pytest.mark.parametrize("text, agent, acted_on, verb", [
    ("Japan has reportedly denied cybersecurity approval for Chinese storage battery makers.", "japan", "china",
     "restrict"),
    ("Vietnam's trade ministry on Tuesday imposed sanctions on three Indonesian shipping firms.",
     "vietnam", "indonesia", "sanction"),
    ("Three Indonesian shipping firms were sanctioned by Vietnam on Tuesday.", "vietnam", "indonesia", "sanction"),
    ("The ministry said the measures were overdue.", "japan", "china", "restrict"),  # neither named
    # the other side opens, reacting to the asked actor's act (a reviewer's cases): the act's doer decides
    ("Beijing criticised Japan for restricting exports to Chinese chipmakers SMIC and Huawei.", "japan", "china",
     "restrict"),
    ("China protested Japan's restrictions on 20 Chinese firms.", "japan", "china", "restrict"),
])
def test_the_act_told_the_asked_way_round_or_by_no_named_side_is_not_swapped(text, agent, acted_on, verb):
    assert not swaps_roles(text, {agent}, {acted_on}, verb)


# -- end to end: two stories between the same two countries, each the other way round ------------------------------

ARTICLES = [
    ("01_sanctions.md", "2022-10-04", "Vietnam sanctions three Indonesian shipping firms",
     "Vietnam's trade ministry on Tuesday imposed sanctions on three Indonesian shipping firms, Samudra Lines, Bahari "
     "Cargo and Nusantara Freight, accusing them of carrying illegally caught fish from its waters. The sanctions bar "
     "the firms from Vietnamese ports for two years. Jakarta said it regretted the decision."),
    ("02_curbs.md", "2022-10-06", "Indonesia restricts nickel exports to two Vietnamese steelmakers",
     "Indonesia on Thursday restricted nickel ore exports to two Vietnamese steelmakers, Hoa Sen Metals and Nam Viet "
     "Steel, citing unpaid export duties. The restrictions take effect next month, the energy ministry said. Hanoi "
     "has asked for talks."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("roles_swapped"), ARTICLES)


def _said(engine, question: str) -> str:
    from rag.types import SearchFilters

    brief = engine.write(question, template="answer", filters=SearchFilters(until="2022-10-10"))
    claims = " ".join(c.text for s in brief.sections for c in s.claims)
    return f"{brief.message or ''} {claims}"


@pytest.mark.parametrize("question, named", [
    ("Which Indonesian firms did Vietnam sanction?", "Samudra Lines"),
    ("Which Vietnamese steelmakers did Indonesia restrict?", "Hoa Sen Metals"),
])
def test_the_act_told_the_asked_way_round_answers(engine, question, named):
    assert named in answer_of(engine, question, "2022-10-10")


@pytest.mark.parametrize("question, other_way_round", [
    ("Which Vietnamese firms did Indonesia sanction?", "Samudra Lines"),
    ("Which Indonesian steelmakers did Vietnam restrict?", "Hoa Sen Metals"),
])
def test_the_act_told_the_other_way_round_is_never_given_as_the_answer(engine, question, other_way_round):
    said = _said(engine, question)
    assert other_way_round not in said or "No source reports" in said, said


# -- another country's act that names the asked actor as its target or source --------------------------------------

@pytest.mark.parametrize("text, actor", [
    # a fronted adverbial naming no place is not the subject
    ("Since August 2018, the Trump administration has moved to prohibit contracts for Chinese telecom equipment.",
     "united_states"),
    ("On Monday, Japan's trade ministry tightened controls on three chemicals.", "japan"),
    ("Earlier this month, officials in Seoul said the curbs were unjustified.", "south_korea"),
    # ... and one naming its place keeps it
    ("In Beijing, the commerce ministry said the curbs were lawful.", "china"),
    # a government named by its head stands for its country ("the White House" does not: "white house paint")
    ("The Biden administration added four Chinese firms to its list of military companies.", "united_states"),
])
def test_the_sentence_s_actor_is_read_after_a_fronted_adverbial_and_from_its_government(text, actor):
    from rag.writers.answer_actor import actor_role

    assert actor_role(text, {actor}) == "agent"


BANS = [
    ("01_us.md", "2022-08-02", "Washington widens curbs on Indonesian drone parts",
     "Since March, the Biden administration has moved to prohibit federal purchases of Indonesian drone parts, and on "
     "Monday it banned private buyers from importing flight controllers, thermal cameras and batteries directly from "
     "Indonesia. Officials cited security risks."),
    ("02_id.md", "2022-08-04", "Jakarta bars exports of raw bauxite",
     "Indonesia on Wednesday blocked exports of raw bauxite, the mining ministry said, to push smelting at home. The "
     "measure takes effect in October."),
]


@pytest.fixture(scope="module")
def bans(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("bans"), BANS)


def test_what_a_country_banned_is_not_answered_by_another_country_s_ban_on_it(bans):
    lead = answer_lead(bans, "What did Indonesia ban?", "2022-08-10")
    assert "bauxite" in lead and "Biden" not in lead, lead


def test_the_other_country_s_ban_still_answers_what_that_country_banned(bans):
    lead = answer_lead(bans, "What did the US ban?", "2022-08-10")
    assert "flight controllers" in lead or "drone parts" in lead, lead


# -- the premise read the other way round: a relayed report, another place's act after the opening one, a direct
# object (a fresh analyst's questions over the sample corpus: "Why did Taiwan halt seafood imports from China?",
# "Why did Japan block dual-use exports to 20 Chinese companies …?", "Which South Korean embassy official did Japan
# summon …?" were answered with the report of the other side's act, uncorrected) ------------------------------------

REVERSED = [
    ("01_roundup.md", "2022-09-05", "Regional trade roundup",
     "In related news, Thai PBS reported that Vietnamese authorities halted imports of shrimp from Thailand in "
     "connection with a new customs inspection system. The move affects dozens of exporters."),
    ("02_rice.md", "2022-09-06", "Bangkok protests as Hanoi blocks rice exports to 12 Thai companies",
     "Hanoi cited unpaid contracts when it announced the step on Monday. Thai officials called it unjustified."),
    ("03_envoy.md", "2022-09-07", "Hanoi summons Thai envoy",
     "Vietnam has summoned a Thai embassy official to protest remarks by a Thai minister about its fishing fleet, "
     "the foreign ministry said on Wednesday."),
]


@pytest.fixture(scope="module")
def reversed_engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("reversed"), REVERSED)


@pytest.mark.parametrize("question", [
    "Why did Thailand halt shrimp imports from Vietnam?",  # the outlet's name holds Thailand; Vietnam's act
    "Why did Thailand block rice exports to 12 Vietnamese companies?",  # Bangkok opens the headline; Hanoi blocks
    "Which Vietnamese embassy official did Thailand summon?",  # Thai is the direct object of "summoned"
])
def test_a_premise_the_sources_report_the_other_way_round_is_corrected(reversed_engine, question):
    said = _said(reversed_engine, question).replace("2022-10-10", "")
    assert "No source reports" in said, said


@pytest.mark.parametrize("question, told", [
    ("Why did Vietnam halt shrimp imports from Thailand?", "customs inspection"),
])
def test_the_same_premise_the_right_way_round_is_answered(reversed_engine, question, told):
    said = _said(reversed_engine, question)
    assert "No source reports" not in said and told in said, said


def test_a_corrected_premise_quotes_the_sentence_naming_what_the_act_is_done_to_above_the_actor_s_other_act():
    # "Why did the US ban ASML lithography sales to Japan?" (follow-ups gate fu-091): once "the Trump administration"
    # reads as the US, its act on China is the actor's act, but the sentence above it naming ASML is the telling quote
    from rag.writers.answer_premise import unreported

    p = premise("Why did Canada ban Halvorsen drone sales to Mexico?")
    texts = ["Halvorsen, a drone maker based in Norway, was halting shipments of its drones to a state-owned "
             "distributor in Brazil.",
             "Canada has moved from simply discouraging purchases to blocking the sales of Brazilian drones."]
    found = unreported(p, texts, " ".join(texts))
    assert found is not None and found.index == 0, found


@pytest.mark.parametrize("question, event", [
    # a fresh user's reversed questions: the correction garbled the asked event
    ("Which Indian drone makers did Canada restrict rare-earth magnet exports to?",
     "Canada restricting rare-earth magnet exports to Indian drone makers"),
    ("Which Vietnamese companies' equipment did Thailand ban from its 5G networks?",
     "Thailand banning Vietnamese companies' equipment from its 5G networks"),
    ("Which South Korean embassy official did Japan summon?", "Japan summoning a South Korean embassy official"),
])
def test_the_corrected_event_reads_as_a_phrase(question, event):
    assert premise(question).event() == event


def test_a_government_named_by_its_head_is_its_country_but_its_words_are_no_place_words():
    from rag.support.lexicon import PLACE_WORDS
    from rag.text.places import place_mentions

    assert [m.key for m in place_mentions("Since 2018, the Biden administration's curbs …")] == ["united_states"]
    assert not {"administration", "biden", "trump"} & PLACE_WORDS  # "The administration approved …" reads as words
