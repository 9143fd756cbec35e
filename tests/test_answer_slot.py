""""Who was the designer of the garment?" asks for a value in a slot: a name that stands as the designer. A sentence
that restates the question's premise ("After lending Kim Kardashian a dress …, Ripley's Believe It or Not! is
responding to claims …") names things the question lacks, so typing by kind accepts it, but it fills no slot; the
sentence "… designed by Bob Mackie" does (``answer_slot``: the slot's noun and its group, the question's last word
before a closing wh-phrase — "an affair with who?" —, the verb of a question asking for its subject — "Which country
declared victory …?" —, or a naming word for "What is it called?").

RealTime QA's fit half (full index, h/answers-s32): 20220729_28 ("… denied that he had an alleged affair with who?")
and 20220812_9 ("Which country declared victory …?") led by the premise's restatement before, by the sentence
putting the value in the slot now. Unit checks on sentences written here, and end to end through the real Engine
over two short reports written for this test (tests/data/answer_slot/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import answer_lead as lead, engine_over

from rag.writers.answer_slot import asked_slot, fills_slot, names_member, slot_lead
from rag.writers.key_terms import stems

DATA = Path(__file__).resolve().parent / "data" / "answer_slot"


@pytest.mark.parametrize("question, noun", [
    ("Kim Kardashian was accused of damaging a dress. Who was the designer of the garment?", "design"),
    ("Who was the star guest on the first episode of the podcast?", "guest"),
    ("What is the nickname of World Cup quarter-finalists Morocco?", "nicknam"),
    ("The mayor is looking for a citizen in order to fill which vital role?", "role"),
    ("Lava could soon reach which type of infrastructure?", "infrastructur"),
    ("Which English rugby union club went into administration this week?", "club"),
])
def test_the_slot_noun_is_read(question, noun):
    assert noun in asked_slot(question).nouns


@pytest.mark.parametrize("question, frame, joiner", [
    ("This week the world’s richest man, Elon Musk, denied that he had an alleged affair with who?", "affair", "with"),
    ("The newly launched European Political Community is the brainchild of which national leader?", "brainchild", "of"),
    ("The tanker ran aground off the coast of which country?", "coast", "of"),
])
def test_a_closing_wh_phrase_reads_the_word_before_it(question, frame, joiner):
    slot = asked_slot(question)
    assert (slot.frame, slot.joiner) == (frame, joiner)


@pytest.mark.parametrize("question, acts", [
    ("Which country declared victory against the Covid-19 pandemic this week?", {"declar", "victori"}),
    ("Which English rugby union club went into administration this week?", {"went", "administr"}),
    ("Which airline announced a deal this week to buy Spirit Airlines?", {"announc", "deal"}),
])
def test_a_subject_question_reads_its_verb(question, acts):
    assert acts <= asked_slot(question).acts


@pytest.mark.parametrize("question", ["What did he say?", "Why did the talks fail?", "Is the bill law yet?"])
def test_no_slot_is_named(question):
    assert not asked_slot(question)


def test_what_is_it_called_asks_for_a_name_after_a_naming_word():
    assert asked_slot("The House passed historic legislation this week. What is it called?").naming


DESIGNER = "Kim Kardashian was accused of damaging a historic Marilyn Monroe dress at the Met Gala. Who was the designer of the garment?"


@pytest.mark.parametrize("question, sentence", [
    (DESIGNER, "It was based on a sketch by the famed designer Bob Mackie, working for the costumer Jean Louis."),
    (DESIGNER, "Monroe wore the nude dress while singing to President John F. Kennedy in 1962, designed by Bob Mackie."),
    (DESIGNER, "The gown's designer, Jean Louis, sewed thousands of crystals into it."),
    ("Who was the star guest on the first episode of Meghan Markle’s podcast Archetypes?",
     "The Duchess of Sussex's first guest was friend and tennis champion Serena Williams, who spoke about ambition."),
    ("New York City mayor Eric Adams is looking for a citizen in order to fill which vital role?",
     "The “director of rodent mitigation” position comes with a salary range of $120,000 to $170,000."),
    ("The House passed historic legislation this week. What is it called?",
     "The bill, called the Respect for Marriage Act, now goes to the president."),
    ("This week the world’s richest man, Elon Musk, denied that he had an alleged affair with who?",
     "Elon Musk has denied having an affair with Nicole Shanahan, the wife of Google's co-founder, Sergey Brin."),
    ("The newly launched European Political Community is the brainchild of which national leader?",
     "The community, the brainchild of Emmanuel Macron, met for the first time in Prague."),
    ("Which country declared victory against the Covid-19 pandemic this week?",
     "Seoul, South Korea North Korean leader Kim Jong Un declared victory in the battle against the virus."),
    ("Which English rugby union club went into administration this week?",
     "And now Wasps have been forced into administration and will be relegated from the top tier."),
    # a headline's capitals run the name into its act
    ("Which country restricted dual-use exports to 20 Japanese companies this week?",
     "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo"),
    ("Which country declared victory against the Covid-19 pandemic this week?",
     "North Korea Declares Victory Over Covid-19"),
])
def test_a_value_in_the_slot_fills_it(question, sentence):
    assert fills_slot(asked_slot(question), sentence, stems(question))


@pytest.mark.parametrize("question, sentence", [
    # the premise restated: new names, none in the slot
    (DESIGNER, "After lending Kim Kardashian a dress from Marilyn Monroe for this year’s Met Gala, Ripley’s Believe It "
               "or Not! is responding to claims that the reality TV star allegedly damaged the iconic garment."),
    # the question's own names in the slot
    (DESIGNER, "Kim Kardashian, the designer's favourite client, wore the dress at the Met Gala."),
    # a name before the slot noun qualifies it: the OUP's word, not the word
    ("Which slang term was selected as Oxford’s word of the year?",
     "The OUP word of the year – also known as the Oxford word of the year – was chosen by the public."),
    # the slot noun's possessive refers to the answer by its class and names something else
    ("Dina Boluarte became the first female president of which country?",
     "Boluarte, who until a few hours ago was the country’s Vice President, took over as Castillo’s successor."),
    # a preposition puts the name in another slot: the franchise was sold to him
    ("NFL owners this week unanimously approved the sale of which football team?",
     "The owners voted to approve the sale of the franchise to Walmart heir Robert Walton and his family."),
    # another verb's object
    ("Which British luxury carmaker revealed its first fully electric vehicle this week?",
     "The classic British carmaker is heralding Spectre as the beginning of an all-electric era."),
    # another subject before the asked verb: the value is that verb's object, not its subject (h/rtqa-s33)
    ("Which hockey club won its first league title this week?",
     "The coach now has a league title to go with the Northern Cup she won while playing for the university."),
    ("Which country declared victory against the virus this week?",
     "Officials praised the Vell Covid campaign they declared a success last spring."),
    # the closing word's value must follow it
    ("This week the world’s richest man, Elon Musk, denied that he had an alleged affair with who?",
     "Just when we think Elon Musk might keep his head down, a fresh scandal breaks about an alleged affair."),
    # the asked act told as a noun after a determiner is another clause's subject or object, not the name's verb: the
    # name is who spoke of the act (s37 CI: "Analysts in Nairobi" answered which airline Kenya grounded)
    ("Which airline did Kenya ground?",
     "Analysts in Nairobi said the grounding was a response to the airline's refusal to pay new landing fees."),
    ("Which firms did China sanction this week?",
     "Officials at Keidanren criticised the sanctions as disproportionate."),
    ("Which country banned the exports?",
     "Traders in Rotterdam said a ban on the exports would raise prices."),
    ("Which company recalled its batteries?",
     "Regulators at the Consumer Product Safety Commission reviewed the recall last month."),
])
def test_a_sentence_without_a_value_in_the_slot_does_not(question, sentence):
    assert not fills_slot(asked_slot(question), sentence, stems(question))


AFFAIR = "This week the world’s richest man, Elon Musk, denied that he had an alleged affair with who?"
TEXTS = ["Just when we think Elon Musk might keep his head down, a fresh scandal about an alleged affair breaks.",
         "Elon Musk has denied having an affair with Nicole Shanahan, the wife of Google's co-founder.",
         "Musk had an affair with Nicole Shanahan, the Wall Street Journal reported."]


def test_the_sentence_filling_the_slot_leads_when_nearly_as_relevant():
    assert slot_lead(AFFAIR, "name", TEXTS, [1.00, 0.95, 0.80], [0, 1, 2], [0]) == [1]


@pytest.mark.parametrize("order, pool, kind, picked", [
    ([1.00, 0.80, 0.70], [0, 1, 2], "name", [0]),  # far less relevant: the hand rule's pick stays
    ([1.00, 0.95, 0.80], [0, 2], "name", [0]),  # not in the answer pool
    ([1.00, 0.95, 0.80], [0, 1, 2], "reason", [0]),  # a kind the rule does not read
    ([0.90, 1.00, 0.80], [0, 1, 2], "name", [2]),  # the pick fills the slot itself
])
def test_otherwise_the_hand_rules_pick_stays(order, pool, kind, picked):
    assert slot_lead(AFFAIR, kind, TEXTS, order, pool, picked) == picked


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_slot") / "data", DATA)


def test_the_alleged_affair_is_named_first(engine):
    text = lead(engine, "This week the port city's richest man, Arvid Kessel, denied that he had an alleged affair with who?",
                "2026-05-15")
    assert "Mirela Dunst" in text


def test_the_gowns_designer_is_named_first(engine):
    text = lead(engine, "The singer Tove Lind was accused of damaging a historic silk gown at the Harbour Gala. Who was "
                        "the designer of the gown?", "2026-05-21")
    assert "Ebbe Marlow" in text


# A class qualified by an adverb and a participle ("what critically endangered bird …?") has the participle qualify
# the noun after it; the phrase's verb comes later. RealTime QA's fit half: 20221125_3 read "critically" as the slot
# noun and "endangered bird" as the act, and typed the bird's lower-case name as no answer, so a sentence naming a
# conservationist led.
@pytest.mark.parametrize("question, noun, act", [
    ("What critically endangered frog was found in Ecuador for the first time in 30 years?", "frog", "found"),
    ("Which newly discovered moth was named after a folk singer?", "moth", "name"),
    ("Which endangered whale was freed from fishing nets off Maine?", "whale", "freed"),
])
def test_a_participle_before_the_class_noun_qualifies_it(question, noun, act):
    slot = asked_slot(question)
    assert noun in slot.nouns and act in slot.acts


@pytest.mark.parametrize("question, sentence", [
    ("What critically endangered frog was found in Ecuador for the first time in 30 years?",
     "Biologists say the critically endangered glass-skinned marsupial frog survived in a single ravine."),
    ("Which endangered whale was freed from fishing nets off Maine?",
     "Rescuers cut the lines from an endangered right whale calf on Sunday."),
    ("Which long-extinct flightless bird do the geneticists hope to bring back?",
     "The start-up wants to revive the long-extinct flightless moa within a decade."),
])
def test_a_member_named_in_lower_case_in_the_class_nouns_place_fills_the_slot(question, sentence):
    assert names_member(asked_slot(question), sentence, stems(question))
    assert fills_slot(asked_slot(question), sentence, stems(question))


@pytest.mark.parametrize("question, sentence", [
    # the class noun itself after the qualifiers: a reference by class, no member named
    ("What critically endangered frog was found in Ecuador for the first time in 30 years?",
     "The critically endangered frog was filmed by a camera trap."),
    # one plain adjective ("rare") or a word the slot skips ("new") is shared by too many phrases
    ("Which rare orchid bloomed in the botanical garden?", "It was a rare sight for the gardeners."),
    ("Which new gadget did the company unveil?", "The company unveiled new rules for its staff."),
    # a verb after the qualifiers, not a member
    ("Which endangered whale was freed from fishing nets off Maine?", "The endangered were protected by law."),
])
def test_other_words_after_the_qualifiers_name_no_member(question, sentence):
    assert not names_member(asked_slot(question), sentence, stems(question))


def test_the_toad_named_in_lower_case_is_named_first(engine):
    text = lead(engine, "What critically endangered toad was seen in Ecuador for the first time in decades?",
                "2026-06-12")
    assert "jambato harlequin toad" in text
