"""Cuts, joins, outcome slots, appositions, dated figures and name swaps: the signals that read how a claim
copies its passage (rag/support/cuts.py, bindings.py, appositions.py, times.py, edits.py). Inputs written by
hand, several per kind, faithful counterparts alongside."""

import pytest

from rag.support.appositions import apposition_swap
from rag.support.bindings import slot_swap
from rag.support.cuts import cut_reason, join_reason, tautology
from rag.support.edits import edited_copy, name_swaps
from rag.support.features import passage_names
from rag.support.roles import other_speaker
from rag.support.times import time_shift


# -- a copied sentence cut inside a phrase ---------------------------------------------------------------------

@pytest.mark.parametrize("claim, sentence", [
    # a figure kept right before a skipped stretch that holds another figure: the kept figure takes its words
    ("two people were wounded when the van crashed.",
     "Two people died and 14 were wounded when the van crashed into a bus stop on Friday."),
    ("the archive holds 400 boxes of printed letters.",
     "The archive holds 400 boxes of handwritten notes and 90 boxes of printed letters, the library said."),
    ("the raid killed 12 soldiers, three border guards.",
     "The raid killed 12 soldiers, three police officers and four border guards near the town."),
    # a stretch ending on a word that governs the next kept word (auxiliary, preposition)
    ("the minister's office is a vote of no confidence in the cabinet.",
     "The minister's office is preparing a motion that would be a vote of no confidence in the cabinet."),
    # a possessive whose noun the claim leaves out
    ("the satellite passed into the moon.",
     "The satellite passed into the moon's shadow at 4:10 a.m. local time."),
])
def test_a_copy_cut_inside_a_phrase_is_read(claim, sentence):
    assert cut_reason(claim, sentence) is not None


@pytest.mark.parametrize("claim, sentence", [
    ("the raid killed 12 soldiers, four border guards.",
     "The raid killed 12 soldiers, three police officers and four border guards near the town."),
    # a whole modifier, a parenthesised conversion, a list item, an article, a trailing clause
    ("a lawsuit was filed against the city government.",
     "In 2019, a lawsuit was filed against the city government over the water contamination."),
    ("the whale swam nearly 14,000 miles, according to the university.",
     "The whale swam nearly 14,000 miles (22,500 kilometers), according to the university."),
    ("lee, 52, and park, 47, were charged with fraud.",
     "Lee, 52; Kim, 60; and Park, 47, were charged with fraud on Tuesday."),
    ("the painting sold for $3 million at auction on tuesday.",
     "The painting sold for $3 million at an auction on Tuesday."),
    ("forget the cost of the new stadium.",
     "Forget the cost of the new stadium -- the real question is who will play there."),
    # a name's classifier, a figure's unit written as a sign
    ("tokyo electron will invest in a new plant in miyagi.", "Tokyo Electron will invest in a new plant in Miyagi prefecture."),
    ("samsung's share rose 5 percentage points to 17%.", "Samsung's share rose 5 percentage points to 17 percent."),
    ("the fund raised $5bn.", "The fund raised 5 billion dollars."),
    # the same words reordered, not left out
    ("officials halted seafood imports from the region.",
     "Officials halted imports of seafood from the region after the outbreak."),
    # a paraphrase is not a copy
    ("two people were killed and 14 hurt in the crash.",
     "Two people died and 14 were wounded when the van crashed into a bus stop on Friday."),
])
def test_a_faithful_compression_is_not_a_cut(claim, sentence):
    assert cut_reason(claim, sentence) is None


@pytest.mark.parametrize("claim, sentence", [
    # the claim puts a word of its own where the passage has a stretch: a rewording (the copy signals read it)
    ("the company would not say how the move would affect its dealings with rusal.",
     "The company did not comment on how its decision would affect its dealings with Rusal."),
    ("the prime minister said he was appalled by the attack on the former leader.",
     "The prime minister said he was appalled to hear about the attack on the former leader."),
    ("the ministry said it would not act before the vote on the bill.",
     "The ministry said it would not act ahead of the vote on the bill."),
    # the skipped words come back later in another form: a reordering ("the signing of X" -> "X being signed")
    ("the meeting ended without the proposed agreement being signed.",
     "The meeting ended without the signing of the proposed agreement, with the minister noting five points."),
    ("the council closed the session without the budget being approved.",
     "The council closed the session without the approval of the budget on Monday."),
])
def test_a_stretch_reworded_or_moved_is_not_a_cut(claim, sentence):
    assert cut_reason(claim, sentence) is None


@pytest.mark.parametrize("claim, sentence", [
    # a figure put in place of a stretch that holds another figure is still read as a moved figure
    ("two people were wounded when 14 vans crashed.",
     "Two people died and 14 were wounded when the van crashed into a bus stop on Friday."),
    # the same rewordings, but a pure cut: the stretch left out with nothing in its place
    ("the prime minister said he was appalled the attack on the former leader.",
     "The prime minister said he was appalled to hear about the attack on the former leader."),
])
def test_a_figure_in_place_of_a_stretch_or_a_bare_cut_is_still_read(claim, sentence):
    assert cut_reason(claim, sentence) is not None


def test_a_claim_stitched_from_two_sentences_is_joined_and_one_sentence_is_not():
    sentences = ["Thousands of refugees live in the camp near the border with Syria.",
                 "Most of the camp's residents are from the city of Afrin and fled the fighting in March."]
    assert join_reason("refugees live in the city of afrin and fled the fighting in march.", sentences)
    assert join_reason("most of the camp's residents are from the city of afrin.", sentences) is None
    assert join_reason("refugees live in the camp.", sentences[:1]) is None


@pytest.mark.parametrize("claim", [
    # two copied sentences, or two copied clauses joined by punctuation or a conjunction: a synthesis
    "Thousands of refugees live in the camp near the border with Syria. Most of the camp's residents are from the "
    "city of Afrin and fled the fighting in March.",
    "Thousands of refugees live in the camp near the border with Syria, and most of the camp's residents are from "
    "the city of Afrin.",
    "Thousands of refugees live in the camp near the border; most of the camp's residents fled the fighting in March.",
])
def test_copied_sentences_joined_at_a_boundary_are_a_synthesis_not_a_join(claim):
    sentences = ["Thousands of refugees live in the camp near the border with Syria.",
                 "Most of the camp's residents are from the city of Afrin and fled the fighting in March."]
    assert join_reason(claim, sentences) is None


# -- a count bound to another outcome --------------------------------------------------------------------------

@pytest.mark.parametrize("claim", [
    "Officials said 31 people were killed in the attack.",
    "The attack injured at least eight people, officials said.",
    "31 people died in the attack.",
])
def test_a_count_moved_to_another_outcome_is_a_slot_swap(claim):
    window = "Officials said at least eight people were killed and 31 injured in the attack on the market."
    assert slot_swap(claim, window) is not None


@pytest.mark.parametrize("claim", [
    "The attack on the market killed at least eight people and wounded 31, officials said.",
    "At least eight people died in the attack, officials said.",
    "31 people were hurt in the attack on the market.",
])
def test_counts_with_their_own_outcomes_are_no_swap(claim):
    window = "Officials said at least eight people were killed and 31 injured in the attack on the market."
    assert slot_swap(claim, window) is None


# -- roles inside an apposition or a relative clause ------------------------------------------------------------

@pytest.mark.parametrize("claim, window", [
    ("Foxconn, one of Apple's largest suppliers, will build a plant in India.",
     "Apple, one of Foxconn's largest suppliers, will build a plant in India."),
    ("Toyota is one of Denso's biggest customers.", "Denso, one of Toyota's biggest customers, raised prices."),
    ("Samsung, which supplies Apple with screens, reported record profits.",
     "Apple, which supplies Samsung with screens, reported record profits."),
    ("Trade with Canada, the United States' largest partner, fell.",
     "Trade with the United States, Canada's largest partner, fell."),
])
def test_swapped_roles_inside_an_apposition_are_read(claim, window):
    assert apposition_swap(claim, window, passage_names(window) | passage_names(claim)) is not None


@pytest.mark.parametrize("claim, window", [
    ("Apple, one of Foxconn's biggest suppliers, will build a plant in India.",
     "Apple, one of Foxconn's largest suppliers, will build a plant in India."),
    ("Apple, which is among Foxconn's largest suppliers, plans a plant.",
     "Apple, one of Foxconn's largest suppliers, will build a plant in India."),
    ("Denso, a supplier to Toyota, raised prices.", "Denso, one of Toyota's biggest suppliers, raised prices."),
])
def test_the_same_roles_in_other_words_are_no_apposition_swap(claim, window):
    assert apposition_swap(claim, window, passage_names(window) | passage_names(claim)) is None


# -- a figure dated by a phrase ---------------------------------------------------------------------------------

@pytest.mark.parametrize("claim, window", [
    ("A gallon of gas now costs $4.11.", "Prices peaked in June 2008. The price hit $4.11 at that time."),
    ("The company currently employs 2,300 people.",
     "The company employed 2,300 people at the time of the merger; it has 5,100 today."),
    ("Last year the shelter took in 1,800 dogs.", "So far this year the shelter has taken in 1,800 dogs."),
])
def test_a_figure_moved_to_another_time_is_read(claim, window):
    assert time_shift(claim, window) is not None


@pytest.mark.parametrize("claim, window", [
    ("Gas cost $4.11 a gallon in June 2008.", "Prices peaked in June 2008. The price hit $4.11 at that time."),
    ("The company now has 5,100 staff.", "The company employed 2,300 people at the time of the merger; it has 5,100 today."),
    ("The shelter has taken in 1,800 dogs this year.", "So far this year the shelter has taken in 1,800 dogs."),
])
def test_a_figure_with_its_own_time_is_no_shift(claim, window):
    assert time_shift(claim, window) is None


# -- a name put in place of another, and what is not one ---------------------------------------------------------

def test_a_near_copy_that_swaps_a_name_is_read():
    window = "In Denver, Maria Lopez was waiting for her son to call when she heard from Daniel's coach."
    assert name_swaps("daniel lopez was waiting for her son to call.", window, passage_names(window))
    window = "France is courting some of its oldest allies, and Italy is wary of the plan."
    assert name_swaps("italy is courting some of its oldest allies.", window, passage_names(window))


@pytest.mark.parametrize("claim, window", [
    ("Seoul plans to file a complaint with the World Trade Organization.", "Seoul plans to file a complaint with the WTO."),
    ("a lawsuit was filed against the u.s. government.", "A lawsuit was filed against the U.S. government."),
    ("President Moon urged talks.", "Moon Jae-in urged talks."),
])
def test_an_acronym_a_lower_case_place_or_a_title_is_no_name_swap(claim, window):
    assert name_swaps(claim, window, passage_names(window)) == []


@pytest.mark.parametrize("claim, window", [
    ("the red cross says aid workers have reached the town.",
     "Aid workers have reached the town, the Red Cross alleges in a statement."),
    ('"she was the heart of the team," coach lee says.', '"She was the heart of the team," says coach Lee.'),
])
def test_a_moved_attribution_frame_is_no_copy_edit(claim, window):
    assert edited_copy(claim, window) == []


def test_a_pronoun_frame_put_in_front_stays_a_copy_edit():
    window = "The school has never expelled a student for cheating, even when the student admitted it, Ward says."
    assert edited_copy("he says the school has never expelled a student for cheating.", window)


@pytest.mark.parametrize("claim, expected", [
    ("cardinal gerald lacroix is cardinal gerald lacroix.", True),
    ("kerry says the iranian foreign minister is a foreign minister.", True),
    ("The new ambassador was the ambassador.", True),
    ("The foreign minister is a former ambassador.", False),
    ("Lacroix is the new cardinal of Quebec.", False),
    ("The talks were slow.", False),
])
def test_a_claim_that_says_a_thing_is_itself_is_a_tautology(claim, expected):
    assert (tautology(claim) is not None) is expected


# -- the claim's speaker named in the window, someone else saying it ---------------------------------------------

@pytest.mark.parametrize("claim, window", [
    ("Supporters say the law is dangerous.",
     "Supporters of the measure described it as a step forward, while opponents warned it was dangerous."),
    ("The airline says it is investigating the cause.",
     "The spokeswoman said that crews found no fault and that the airline continues to investigate the cause."),
    ("The union says the plant will close.", "The union held a vote on Monday. Managers said the plant will close."),
])
def test_a_speaker_named_but_not_speaking_in_the_window_is_read(claim, window):
    assert other_speaker(claim, window) is not None


@pytest.mark.parametrize("claim, window", [
    ("The airline said it is investigating the cause.", "The spokeswoman for the airline said it continues to investigate the cause."),
    ("Opponents said the law was dangerous.", "Supporters described it as a step forward, while opponents warned it was dangerous."),
    ("The ministry said exports fell 5%.", "Exports fell 5% in May, the trade ministry said."),
    ("He said exports fell.", "Exports fell 5% in May, the trade ministry said."),
])
def test_the_speaker_saying_it_is_no_other_speaker(claim, window):
    assert other_speaker(claim, window) is None
