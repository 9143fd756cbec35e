"""A question that presupposes an event no source reports is told so first, not answered as if it were true.

The kind (s31's fresh user, sample corpus): "Why did South Korea ban exports of lithography machines to Japan?" got
Japan's stated reasons for its own curbs on South Korea, with nothing saying that no source reports such a ban. The
question presupposes an event (an actor, an act, what it is done to); when the evidence reports the act with actor
and target swapped, the opposite act, an object no source names, or no act of that actor at all, the answer says
"No source reports South Korea banning …; the sources report: “…” [1]". A true premise, or one the sources tell in
other words, is answered as before.

Unit specs of ``answer_premise`` over sentences written for this test (countries and acts of several stories, none
from the seed or follow-ups sets), then end to end through the real Engine over the sample corpus.

The seed's other abstention misses, each a kind with inputs beyond the item: the asked role's filler is of the asked
class and country (a government named by its head, "the Trump administration", is no chipmaker; "ASML, … based in
the Netherlands" is no Japanese maker; a news outlet is no company of its story: ``answer_filler``); a response is
the responder's own act, and an outlet's "X reported that <act>" relays the act's own actor (seed qa-060); a
comparison is answered side by side (seed qa-033 abstained on the whole question's coverage).
"""

from __future__ import annotations

import pytest

from rag.pipeline import Engine
from rag.writers.abstention_text import partial_message, partial_parts
from rag.writers.answer_actor import relayed_clause
from rag.writers.answer_filler import asked_organisation, gives_filler
from rag.writers.answer_premise import compared, gerund, premise, unreported
from rag.writers.key_terms import stems


@pytest.mark.parametrize("question, event", [
    ("Why did South Korea ban exports of lithography machines to Japan?",
     "South Korea banning exports of lithography machines to Japan"),
    ("What ruling did the WTO issue on the complaint?", "the WTO issuing a ruling on the complaint"),
    ("When did Vietnam lift its rice export curbs on China?", "Vietnam lifting its rice export curbs on China"),
    ("Which firms has Japan sanctioned over the smuggling?", "that Japan has sanctioned firms over the smuggling"),
    ("Why did Peru impose tariffs on Chilean copper?", "Peru imposing tariffs on Chilean copper"),
    # a subject whose head noun is in lower case ends where the verb begins (was "the Dutch governmenting a fine impose")
    ("What fine did the Dutch government impose on ASML in 2024?",
     "the Dutch government imposing a fine on ASML in 2024"),
    ("Why did the Japanese ministry tighten controls on Seoul?", "the Japanese ministry tightening controls on Seoul"),
    ("When did the Chinese authorities detain the smugglers?", "the Chinese authorities detaining the smugglers"),
    ("Which firms did the Korean ministry sanction?", "the Korean ministry sanctioning firms"),
    ("Why did the Philippine navy shadow the ship?", "the Philippine navy shadowing the ship"),
    # a modifier that can be a verb, before an organisation's head noun, is the subject's (s44's fresh user: "the US
    # commerce department" read the verb "commerce")
    ("Why did the US commerce department add 36 Chinese firms to the entity list?",
     "the US commerce department adding 36 Chinese firms to the entity list"),
    ("When did the Japanese trade ministry restrict exports?", "the Japanese trade ministry restricting exports"),
    ("Why did the Japanese coast guard board the ship?", "the Japanese coast guard boarding the ship"),
    # ... but not a verb's object ("trade", "rare earth", "office supplies")
    ("Why did Japan restrict trade with Korea?", "Japan restricting trade with Korea"),
    ("Why did China halt rare earth exports?", "China halting rare earth exports"),
    ("Why did Japan restrict office supplies?", "Japan restricting office supplies"),
])
def test_the_presupposed_event_is_read_from_the_question(question, event):
    assert premise(question).event() == event


@pytest.mark.parametrize("question", [
    "Who banned exports of lithography machines to Japan?",  # who acted is asked, not presupposed
    "What did Japan say in response?",  # a light verb: no event of its own
    "How did Taiwan's government respond to China's halt of seafood imports?",
    "How many troops did Russia send?",
    "Why did it do that? (Japan's export curbs on South Korea)",  # a follow-up's carried context
    "What did India's coffee auction draw?",  # a possessive subject: "auction" is no verb
    "How does Taiwan figure in Chinese military pressure?",  # "does": a state, not an event
    "Where has Jack Ma reportedly been living?",  # an adverb before the verb
])
def test_no_premise_is_read_where_none_is_presupposed(question):
    assert premise(question) is None


@pytest.mark.parametrize("verb, form", [("ban", "banning"), ("impose", "imposing"), ("lie", "lying"),
                                        ("visit", "visiting"), ("halt", "halting"), ("issue", "issuing"),
                                        ("stop", "stopping"), ("fix", "fixing")])
def test_gerund(verb, form):
    assert gerund(verb) == form


VIETNAM = [
    "China on Monday halted imports of rice from Vietnam, citing pest risks.",
    "The ban followed months of talks between the two ministries.",
]
ASML = [
    "The media reported that ASML, a supplier of chip equipment based in the Netherlands, was halting shipments of "
    "lithography equipment to a state-owned manufacturer in China.",
    "US authorities have asked the Japanese government to join efforts aimed at curbing China's chip progress.",
]
CURBS = [
    "Tokyo tightened export controls on chip chemicals bound for Seoul.",
    "South Korea's trade ministry said it would file a complaint with the WTO.",
]


@pytest.mark.parametrize("question, texts, kind, index", [
    # actor swap: China halted imports from Vietnam; nobody reports Vietnam halting imports from China
    ("Why did Vietnam halt rice imports from China?", VIETNAM, "swapped", 0),
    ("Why did South Korea tighten export controls on Japan?", CURBS, "swapped", 0),
    # action swap: the actor did the opposite act on the same thing
    ("When did Japan ease export controls on South Korea?", CURBS, "opposite", 0),
    ("Why did China lift the ban on Vietnamese rice?",
     ["China on Monday imposed a ban on rice from Vietnam, citing pest risks."], "opposite", 0),
    # object swap: the actor acted, on something no source names
    ("Why did Japan tighten export controls on lithography machines to South Korea?", CURBS, "object", 0),
    ("Why did China halt imports of Vietnamese durians?", VIETNAM, "object", 0),
    # the roles exchanged: South Korea acts (a complaint) with the WTO, which does nothing
    ("What ruling did the WTO issue on South Korea's complaint?", CURBS, "swapped", 1),
    # no such event: the actor is named only as what others act on or with
    ("What fine did the WTO impose on Peru?", ["Chile said it would take Peru to the WTO over copper tariffs."],
     "none", 0),
    # target swap: the actor did the act, to another place than the asked one
    ("Why did Japan tighten export controls on chip chemicals to China?", CURBS, "target", 0),
    ("Why did China halt rice imports from Thailand?", VIETNAM, "target", 0),
    ("Why did the EU sanction Iranian drone makers?",
     ["The EU on Monday sanctioned drone makers in Russia over the war in Ukraine."], "target", 0),
    # actor swap: what the act is done to is another actor's story; the asked actor does something else
    ("Why did the US ban ASML lithography sales to Japan?", ASML, "actor", 0),
    ("Why did Germany halt shipments of ASML equipment to China?",
     ASML + ["Germany said it would review its export rules."], "actor", 0),
    ("Why did France ban rice imports from Vietnam?",
     ["Rice imports from Vietnam were halted by China on Monday.", "France said it would review its food standards."],
     "actor", 0),
])
def test_an_event_no_source_reports_is_found_and_how(question, texts, kind, index):
    found = unreported(premise(question), texts, " ".join(texts))
    assert found is not None and (found.kind, found.index) == (kind, index)


@pytest.mark.parametrize("question, texts", [
    # the premise as the sources report it
    ("Why did China halt rice imports from Vietnam?", VIETNAM),
    ("Why did Japan tighten export controls on South Korea?", CURBS),
    # ... in other words: "curbs" for "controls", "restrict" told by "tightened"
    ("Why did Japan restrict chip chemicals to South Korea?", CURBS),
    ("Why did Tokyo tighten curbs on chemicals to Seoul?", CURBS),
    # a passive report names the actor after "by": not an object
    ("Why did Peru impose tariffs on copper?", ["Tariffs on copper were imposed by Peru in March."]),
    # the sources say nothing against it: not told, but not contradicted
    ("Why did Chile raise taxes on lithium?", ["Lithium prices rose sharply in 2022."]),
    # the actor named after a preposition in a sentence that shares only places tells nothing against it
    ("Which materials did France restrict for export to Brazil?",
     ["Brazil's move—Lula making a lithium hub pitch in the north—adds a third layer for investors from France."]),
    # the asked target among others: not a target swap
    ("Why did Japan tighten export controls on chip chemicals to South Korea?", CURBS),
    ("Why did the EU sanction drone makers in Russia and Iran?",
     ["The EU on Monday sanctioned drone makers in Russia and Iran over the war in Ukraine."]),
    # the actor's own event, told where the question places it
    ("Why did ASML halt shipments to China?", ASML),
    # a sentence naming the question's place anywhere (not after a preposition) is no target swap (fu-010, fu-051)
    ("What did US authorities ask the Japanese government to join?", ASML[1:]),
    ("What did the US ask Japan to do?", ASML[1:]),
])
def test_a_premise_the_sources_report_or_do_not_contradict_stands(question, texts):
    assert unreported(premise(question), texts, " ".join(texts)) is None


def test_a_time_after_the_act_is_no_object():
    # "in early 2026" is when, not what: a word of it no source names is no object swap
    asked = premise("What export measure did China impose on Japanese companies in early 2026?")
    assert asked.objects == {"compani"}
    texts = ["China imposed export restrictions on 20 Japanese companies."]
    assert unreported(asked, texts, texts[0]) is None


def test_a_negated_opposite_act_is_no_opposite():
    texts = ["Japan said it does not plan to ease its export controls on South Korea."]
    assert unreported(premise("When did Japan ease export controls on South Korea?"), texts, texts[0]) is None


def test_the_message_says_no_source_reports_it_before_what_they_report():
    message = partial_message("Tokyo tightened export controls.", "report of South Korea banning exports to Japan")
    assert message == ("No source reports South Korea banning exports to Japan; the sources report: "
                       "“Tokyo tightened export controls.” [1]")
    assert partial_parts(message) == ("the sources report", "Tokyo tightened export controls.",
                                      "report of South Korea banning exports to Japan")
    said = partial_message("X.", "report of Peru fining Chile", "Hosokawa Masahiko (2020 essay) argues")
    assert said.startswith("No source reports Peru fining Chile; Hosokawa Masahiko (2020 essay) argues: “X.” [1]")


# --- end to end over the sample corpus -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question, event", [
    ("Why did South Korea ban exports of lithography machines to Japan?",
     "South Korea banning exports of lithography machines to Japan"),
    ("When did Japan lift its export curbs on South Korea?", "Japan lifting its export curbs on South Korea"),
    ("What ruling did the WTO issue on South Korea's complaint about Japan's export controls?",
     "the WTO issuing a ruling on South Korea's complaint about Japan's export controls"),
    # another actor's event (ASML halting shipments to China), a wrong target (South Korea, not China)
    ("Why did the US ban ASML lithography sales to Japan?", "the US banning ASML lithography sales to Japan"),
    ("Why did Japan ban photoresist exports to China?", "Japan banning photoresist exports to China"),
])
def test_a_false_premise_over_the_sample_corpus_is_said_first(sample_engine, question, event):
    brief = sample_engine.write(question, template="answer")
    assert brief.abstained
    assert brief.message.startswith(f"No source reports {event}; ")


def test_a_true_premise_over_the_sample_corpus_is_answered(sample_engine):
    brief = sample_engine.write("Why did Japan restrict exports of chemicals to South Korea?", template="answer")
    assert not brief.abstained
    assert "lack of trust" in " ".join(c.text for s in brief.sections for c in s.claims)


# --- the seed's abstention misses, each as a kind ------------------------------------------------------------------


CHIPMAKER = "What is the name of the Chinese state-owned chipmaker that the supplier stopped shipping tools to?"
MAKERS = "Which Japanese equipment makers did Washington ask to stop selling to China?"


@pytest.mark.parametrize("question, text, fills", [
    # a government named by its head is no chipmaker (seed qa-058's joined context sentence)
    (CHIPMAKER, "The halt was the result of pressure from the Trump administration.", False),
    (CHIPMAKER, "Analysts blamed the Kishida government for the delay.", False),
    (CHIPMAKER, "The supplier stopped shipping tools to Hua Hong Semiconductor, a state-owned firm.", True),
    # a company its own sentence places in another country than the asked one (seed qa-062's ASML)
    (MAKERS, "ASML, a supplier of equipment based in the Netherlands, was halting shipments.", False),
    (MAKERS, "Dutch ASML halted shipments to China.", False),
    (MAKERS, "Tokyo Electron, based in Japan, was asked to halt sales.", True),
    (MAKERS, "Tokyo Electron and Screen Holdings were asked to halt sales.", True),
    # a news outlet that relays the story is not the company it is about
    (MAKERS, "The update comes from Kyodo News and signals a coordinated approach.", False),
    # no class of organisations is asked: any name fills
    ("Which automaker recalled SUVs this week?", "The recall by Ford covers 300,000 SUVs.", True),
    # a name written in full-width letters is a name (shared case 02: "ＳＭＩＣ"), as in its ASCII form
    ("Which company shipped 7nm processors for Huawei?", "Shanghai-based ＳＭＩＣ has begun volume shipments of ７ｎｍ "
     "processors for ＨＵＡＷＥＩ, according to a teardown by a Canadian research firm.", True),
    ("Which company shipped 7nm processors for Huawei?", "The processors were shipped by ＴＳＭＣ last month.", True),
    (MAKERS, "Ｄｕｔｃｈ ＡＳＭＬ halted shipments to China.", False),
])
def test_the_asked_organisation_is_filled_only_by_a_name_of_its_class_and_country(question, text, fills):
    org, qualifier = asked_organisation(question)
    assert org
    assert gives_filler(text, stems(question), qualifier) is fills


@pytest.mark.parametrize("question", [
    "Which outlet first reported that Japan had refused approval for Chinese battery makers?",  # an outlet
    "What category of Chinese manufacturers was denied approval by Japan?",  # a category of them
    "Which country banned exports of chips?",
])
def test_a_company_noun_elsewhere_in_the_question_is_not_the_asked_class(question):
    assert asked_organisation(question) == (False, frozenset())


@pytest.mark.parametrize("text, clause", [
    ("In related news, Taiwan International Radio reported that Chinese authorities halted imports of seafood.",
     "Chinese authorities halted imports of seafood."),
    ("Kyodo News reported on Monday that Seoul summoned the ambassador.", "Seoul summoned the ambassador."),
    ("For example, the media reported in November of last year that ASML was halting shipments.",
     "ASML was halting shipments."),
    ("Moon on Monday said that Seoul would take countermeasures.", None),  # the speaker's own words: a response
])
def test_an_outlets_report_relays_its_clauses_act(text, clause):
    assert relayed_clause(text) == clause


@pytest.mark.parametrize("question, sides", [
    ("Compare Japan's 2019 export curbs on South Korea with China's 2026 export restrictions on Japan: what was "
     "targeted in each case?", ("Japan's 2019 export curbs on South Korea: what was targeted?",
                                "China's 2026 export restrictions on Japan: what was targeted?")),
    ("Compare Peru's copper tariffs and Chile's lithium taxes.", ("Peru's copper tariffs", "Chile's lithium taxes")),
    ("What did Japan restrict?", None),
])
def test_a_comparison_is_asked_side_by_side(question, sides):
    assert compared(question) == sides


@pytest.mark.parametrize("question, missing", [
    # seed qa-058, qa-062, qa-060: a partial answer, what the sources say and what none gives
    ("What is the name of the Chinese state-owned chipmaker that ASML stopped shipping advanced equipment to?",
     "the name the question asks for"),
    ("Which Japanese semiconductor equipment makers did Washington ask to stop selling to China?",
     "the question asks for"),
    ("How did Taiwan's government respond to China's halt of Taiwanese seafood imports?",
     "what Taiwan said or did in response"),
])
def test_the_seeds_missed_abstentions_are_partial_answers(sample_engine, question, missing):
    brief = sample_engine.write(question, template="answer")
    assert brief.abstained and missing in brief.message


def test_a_comparison_over_the_sample_corpus_is_answered(sample_engine):
    brief = sample_engine.write("Compare Japan's 2019 export curbs on South Korea with China's 2026 export "
                                "restrictions on Japan: what was targeted in each case?", template="answer")
    assert not brief.abstained, brief.message
