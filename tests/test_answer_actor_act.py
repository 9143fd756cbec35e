"""An answer to what a country did is told by that country's act, in the question's words or in others (issue 10,
s32 fresh user's finding 1: "What did Japan restrict?" was led by "… the Chinese government seeks to impose sanctions
…", then "China Imposes Export Restrictions on 20 Japanese Firms", while Japan's own "tightened", "stricter controls"
sentences were not even relevant enough to be quoted):

- the asked act told in other words counts as told: "tightened", "stricter controls", "curbs", "barred",
  "blocked", "banned" for "restrict" (``answer_act.tells_act_otherwise``, ``act_roles.toml`` [families]);
- the asked country (or its capital, its demonym) is the act's doer only as the sentence's actor or after "by";
  named after "on", "against", "to" …, or in a sentence another country opens, it is what is acted on
  (``answer_actor.actor_role``); named only in the publisher's name ("Canada Policy Review") it does not act;
- relevance is read so (``asked_view.actor_act_view``) before the answer's pool and lead are chosen;
- "Who protested …?" is answered by the capital or country that did the asked act ("Ottawa protested the move"),
  a metonym of its government (finding 5; ``answer_actor.names_doer``).

End to end over five short articles written for this test (tests/data/actor_act/): Vietnam's curbs on Canadian firms,
Canada's own curbs told in other words, an essay whose publisher names Canada, Brazil's ban on Mexican beef and
Mexico's block on Brazilian poultry; and over the sample corpus for the question the fresh user met.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from rag.pipeline import Engine
from rag.text.tokens import stem
from rag.types import SearchFilters
from rag.writers.answer_act import tells_act_otherwise
from rag.writers.answer_actor import act_doer, actor_role, asked_agent, names_doer

DATA = Path(__file__).resolve().parent / "data" / "actor_act"


# -- the asked actor: the place a question names before its act ---------------------------------------------------

@pytest.mark.parametrize("question, agent", [
    ("What did Japan restrict?", {"japan"}),
    ("What did Tokyo restrict?", {"japan"}),  # a capital is its country
    ("Why did Ottawa tighten controls on Vietnam?", {"canada"}),
    ("Which materials did Canada restrict for export to Vietnam?", {"canada"}),
    ("What has the Brazilian government banned?", {"brazil"}),
    ("Which country restricted exports to Japan?", set()),  # Japan is acted on; the doer is asked
    ("Who protested China's export restrictions on behalf of Japan?", set()),
    ("Which Japanese equipment makers did Washington ask to stop selling to China?", {"united_states"}),
    ("How many times has the Bank of England raised interest rates?", set()),  # an organisation's name
    ("Where was the EU-Western Balkans summit held this week?", set()),  # passive: the summit undergoes it
    ("Who is she?", set()),
])
def test_the_asked_actor_is_the_place_named_before_the_act(question, agent):
    assert asked_agent(question) == agent


# -- the actor's part in a sentence -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, actor, role", [
    ("Ottawa last week tightened the licensing process for Canadian shipments of potash.", "canada", "agent"),
    ("Canadian officials said the stricter controls were needed.", "canada", "agent"),
    ("Hypothesis A: Canada is using export curbs as leverage.", "canada", "agent"),
    ("The licences were imposed by Ottawa on Vietnamese buyers.", "canada", "agent"),
    ("The licences were imposed by Ottawa on Vietnamese buyers.", "vietnam", "undergoer"),
    ("Hanoi restricted exports of rare earth oxides to 12 Canadian companies.", "canada", "undergoer"),
    ("Hanoi restricted exports of rare earth oxides to 12 Canadian companies.", "vietnam", "agent"),
    ("Vietnam Imposes Export Restrictions on 12 Canadian Firms, Sparking Tensions with Ottawa", "canada", "undergoer"),
    ("Sanctions on Brazil's exporters will stay until the plants pass.", "brazil", "undergoer"),
    ("The measures were aimed against the Japanese government.", "japan", "undergoer"),
    ("Supporting evidence includes the timing of the restrictions following Japan's statements.", "japan", "named"),
    ("Several other countries have adopted strict restrictions.", "canada", None),
])
def test_the_actor_acts_as_the_sentence_s_actor_or_after_by_and_is_acted_on_after_on_to_against(text, actor, role):
    assert actor_role(text, {actor}) == role


# -- the act in other words ---------------------------------------------------------------------------------------

def _stems(text: str) -> set[str]:
    return {stem(w) for w in text.replace(",", " ").replace(".", " ").split()}


@pytest.mark.parametrize("text", [
    "Ottawa curbed shipments of potash",
    "Tokyo tightened controls on exports of photoresists",
    "Japan imposed stricter controls on high-tech exports",
    "Brasília banned imports of beef",
    "Mexico blocked shipments of poultry",
    "Brasília barred imports of beef",
])
def test_restricting_is_told_in_other_words(text):
    assert tells_act_otherwise(_stems(text), stem("restrict"))


@pytest.mark.parametrize("text", [
    "Hanoi restricted exports of rare earths",  # the act's own word: told, but not in other words
    "Ottawa praised the trade agreement",
    "Canada signed a fisheries accord",
])
def test_other_acts_and_the_act_s_own_word_are_not_other_words_for_it(text):
    assert not tells_act_otherwise(_stems(text), stem("restrict"))


# -- end to end ---------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("actor_act") / "data", DATA)


def _lead(engine, question: str) -> str:
    brief = engine.write(question, template="answer", filters=SearchFilters())
    assert not brief.abstained, brief.message
    return brief.sections[0].claims[0].text


@pytest.mark.parametrize("question, actor, not_in", [
    ("What did Canada restrict?", "canada", ("Hanoi", "Vietnam Imposes", "Vietnamese government")),
    ("What did Ottawa restrict?", "canada", ("Hanoi", "Vietnam Imposes", "Vietnamese government")),
    ("What did Vietnam restrict?", "vietnam", ("Ottawa last week", "Canadian officials")),
    ("What did Brazil restrict?", "brazil", ("Mexico blocked", "Sanctions on Brazil")),
    ("What did Mexico restrict?", "mexico", ("Brasília barred",)),
])
def test_what_a_country_restricted_is_led_by_that_country_s_own_act(engine, question, actor, not_in):
    lead = _lead(engine, question)
    assert actor_role(lead, {actor}) == "agent", lead
    assert not any(s in lead for s in not_in), lead


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_the_readme_example_is_led_by_japan_s_own_act(sample_engine):
    """The README's own example: Japan's curbs on South Korea, not China's curbs on Japanese firms, nor the 2020
    essay's sentence on China's entity list (whose publisher, "Discuss Japan", names Japan)."""
    brief = sample_engine.write("What did Japan restrict?", template="answer", filters=SearchFilters())
    texts = [c.text for s in brief.sections for c in s.claims]
    assert actor_role(texts[0], {"japan"}) == "agent", texts[0]
    assert not any("Chinese government seeks to impose sanctions" in t or t.startswith("China Imposes") for t in texts)
    assert "China blocks" not in texts[0], texts[0]  # s35: the labelled headline "Tokyo protests as China blocks …"


# -- the doer of the asked act inside a sentence of two acts ---------------------------------------------------------
# s35 fresh user's finding 2: once a report's labelled headline became an answer candidate, "What did Japan
# restrict?" opened with "Tokyo protests as China blocks dual-use exports to 20 Japanese companies": Tokyo opens the
# sentence, but it protests; China is the one who blocks (``answer_actor.act_doer``).

@pytest.mark.parametrize("text, verb, doer", [
    ("Tokyo protests as China blocks dual-use exports to 20 Japanese companies", "restrict", "china"),
    ("Seoul protested after Beijing banned imports of Korean kimchi", "restrict", "china"),
    ("Ottawa objects while Washington curbs chip sales to Canadian firms", "restrict", "united_states"),
    ("Tokyo last week tightened the approval process for Japanese shipments of photoresists", "restrict", "japan"),
    ("South Korea protested Japan's restrictions on chemicals", "restrict", "japan"),  # the noun's possessor
    ("Japan's trade ministry on Monday tightened controls on three chemicals", "restrict", None),  # too far: the opening place decides
    ("Exports to Japan were banned by China", "restrict", None),  # acted on: "to Japan"
    ("Tokyo protests, China says, and blocks the sale", "restrict", None),  # a clause mark between
    ("Tokyo protests as China sells drones to Vietnam", "restrict", None),  # no word of the act
    ("Berlin protests as Paris approves the merger", "approve", "france"),
])
def test_the_doer_of_the_asked_act_is_the_place_right_before_its_word(text, verb, doer):
    found = act_doer(text, verb)
    assert (found.key if found else None) == doer



# -- who did it: a capital or country as the doer -----------------------------------------------------------------
# s32 fresh user's finding 5: "Who protested China's export restrictions on behalf of Japan?" gave no who, while the
# report's headline says "Tokyo protests as China blocks …": a capital (or country) opening a sentence as the doer of
# the asked act names the government that did it (``answer_actor.names_doer``).

@pytest.mark.parametrize("question, text, names", [
    ("Who protested Vietnam's export restrictions?", "Ottawa protested the move on Tuesday.", True),
    ("Who protested China's export restrictions on behalf of Japan?",
     "Tokyo protests as China blocks dual-use exports to 20 Japanese companies", True),
    ("Who condemned the export ban?", "Canada denounced the ban as a breach of the trade pact.", True),  # its family
    ("Who restricted exports to 12 Canadian companies?", "Hanoi restricted exports of rare earth oxides.", True),
    ("Who protested Vietnam's export restrictions?", "Hanoi restricted exports of rare earth oxides.", False),
    ("Who protested the curbs?", "Sanctions on Canada were protested by exporters.", False),  # Canada acted on
    ("What did Ottawa protest?", "Ottawa protested the move on Tuesday.", False),  # not asking who
    ("Who protested the move?", "The ministry in Ottawa protested the move.", False),  # no place opens it
])
def test_a_capital_or_country_doing_the_asked_act_answers_who_did_it(question, text, names):
    assert names_doer(question, text, _stems(text)) is names


@pytest.mark.parametrize("question, who", [
    ("Who protested Vietnam's export restrictions?", "Ottawa protested"),
    ("Who protested Vietnam's export restrictions on behalf of Canada?", "Ottawa protested"),
    ("Who restricted exports to 12 Canadian companies?", "Hanoi restricted"),
])
def test_who_did_it_is_answered_by_the_capital_that_did_it(engine, question, who):
    brief = engine.write(question, template="answer", filters=SearchFilters())
    assert not brief.abstained, brief.message
    assert brief.sections[0].claims[0].text.startswith(who)
