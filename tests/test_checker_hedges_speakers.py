"""Three kinds of unsupported claim whose every word is cited, and their faithful counterparts.

1. A hedge hardened into a fact: the passage says a thing *could* happen, the claim that it *will*
   (``modality.hedge_hardened``, cue strengths in ``rag/text/data/modality_strength.toml``).
2. The wrong speaker in a two-speaker sentence: "X said A, while Y said B" does not support "Y said A"
   (``roles.speaker_swap``: each speaker is bound to what follows, or precedes, their frame).
3. Verb synonyms: "is weighing a ban" says what "is considering a ban" says, and keeps its hedge
   (``rag/text/data/verb_classes.toml`` through ``polarity.predicate_lemma``).
Plus superseded figures ("6.5, later revised to 6.9": ``features.earlier_figure``) and figures bound to another
month or weekday (``bindings.slot_swap``).
"""

from __future__ import annotations

import pytest

from rag.support.bindings import sentences_slot_swap, slot_swap
from rag.support.features import earlier_figure, outside_slot_swap
from rag.support.modality import hedge_hardened, modality_mismatch
from rag.support.polarity import predicate_lemma
from rag.support.roles import order_swap, speaker_mismatch, speech_frames, tokens

# --- 1. hedges hardened -------------------------------------------------------------------------------------

HARDENED = [
    ("The talks will resume next month.", "Officials said the talks could resume next month."),
    ("Prices will rise in the spring.", "Analysts warned that prices may rise in the spring."),
    ("The regulator said it would fine the bank.", "The regulator said it might fine the bank."),
    ("The storm will hit the coast on Friday.", "Forecasters say the storm could possibly hit the coast on Friday."),
    ("The court is set to block the merger.", "The court could block the merger, lawyers said."),
]


@pytest.mark.parametrize("claim, window", HARDENED)
def test_a_possibility_stated_as_certain_is_a_hardened_hedge(claim, window):
    reason = hedge_hardened(claim, window)
    assert reason is not None and reason.startswith("modality: passage says"), reason


@pytest.mark.parametrize("claim, window", [
    ("The talks could resume next month.", "Officials said the talks could resume next month."),  # same hedge
    ("The talks might resume next month.", "Officials said the talks could resume next month."),  # another hedge
    ("The talks will likely resume next month.", "Officials said the talks could resume next month."),  # hedged too
    ("The talks could resume next month.", "Officials said the talks will resume next month."),  # says less
    ("The talks will resume next month.", "Officials said the talks will resume next month."),
    ("The ministry will cut tariffs.", "The ministry could not cut tariffs, it said."),  # a refusal: polarity's
    ("Exports will rise next year.", "Exports could fall next year while imports will rise next year."),
])
def test_the_same_or_a_weaker_modality_is_no_hardened_hedge(claim, window):
    assert hedge_hardened(claim, window) is None


# --- 3. verb classes ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [("weighing", "considering"), ("mulled", "considered"), ("contemplates", "consider"),
                                  ("prohibited", "banned"), ("provided", "gave"), ("probing", "investigating"),
                                  ("injured", "wounded"), ("purchased", "bought")])
def test_verbs_of_one_class_share_a_predicate_lemma(a, b):
    assert predicate_lemma(a) == predicate_lemma(b)


@pytest.mark.parametrize("a, b", [("weight", "considering"), ("banned", "approved"), ("bought", "sold")])
def test_verbs_of_other_classes_or_prefixes_do_not(a, b):
    assert predicate_lemma(a) != predicate_lemma(b)


@pytest.mark.parametrize("claim, window", [
    ("The ministry is weighing a ban on exports.", "The ministry is considering a ban on exports."),
    ("The board is mulling a bid for the company.", "The board is considering a bid for the company."),
    ("The ministry is considering a ban on exports.", "The ministry is weighing a ban on exports."),
])
def test_a_synonym_of_a_hedging_verb_keeps_the_hedge(claim, window):
    assert modality_mismatch(claim, window) is None


@pytest.mark.parametrize("claim, window", [
    ("The ministry banned exports.", "The ministry is weighing a ban on exports."),
    ("The board made a bid for the company.", "The board is mulling a bid for the company."),
    ("The governor launched a presidential bid.", "The governor is contemplating a presidential bid."),
])
def test_a_hedge_said_with_a_class_verb_does_not_support_the_act(claim, window):
    reason = modality_mismatch(claim, window)
    assert reason is not None and reason.startswith("modality:"), reason


# --- 2. speakers --------------------------------------------------------------------------------------------

TWO = ("The trade ministry said exports fell 5% in May, while analysts said the decline would deepen "
       "through the summer.")
SHORT = "The trade ministry said exports fell 5% in May, while analysts said the decline would deepen."
THREE = ("Mayor Ana Ruiz said the bridge would reopen in June, but transport chief Li Wei said repairs "
         "could take until October.")
QUOTED = ('"If buyers balk at unaffordable prices, sales volumes could fall," said Jeff Tucker, an economist at '
          'Zillow. "Inventory will stay tight all year," said Skylar Olsen.')


@pytest.mark.parametrize("claim, window", [
    ("The trade ministry said the decline would deepen through the summer.", TWO),
    ("The trade ministry said the decline would deepen.", SHORT),  # two words said: still bound to their speaker
    ("Analysts said exports fell 5% in May.", TWO),
    ("According to analysts, exports fell 5% in May.", TWO),
    ("Exports fell 5% in May, analysts said.", TWO),
    ("Li Wei said the bridge would reopen in June.", THREE),
    ("Skylar Olsen said sales volumes could fall if buyers balk at prices.", QUOTED),
])
def test_what_one_speaker_says_given_to_the_other_is_unsupported(claim, window):
    reason = speaker_mismatch(claim, window)
    assert reason is not None and reason.startswith("attribution: the passage has"), reason


@pytest.mark.parametrize("claim, window", [
    ("The trade ministry said exports fell 5% in May.", TWO),
    ("Analysts said the decline would deepen through the summer.", TWO),
    ("Analysts said the decline in exports would deepen.", SHORT),
    ("The decline will deepen through the summer, analysts said.", TWO),
    ("Ana Ruiz said the bridge would reopen in June.", THREE),
    ("Jeff Tucker said sales volumes could fall if buyers balk at prices.", QUOTED),
    # one speaker: nothing to swap
    ("The minister said exports fell 5% in May.", "The minister said exports fell 5% in May and would recover."),
])
def test_each_speaker_with_their_own_words_is_no_mismatch(claim, window):
    assert speaker_mismatch(claim, window) is None


def test_a_reporting_noun_or_an_estimate_is_no_speech_frame():
    text = ("The population, estimated to reach 8 billion this year, could grow to 8.5 billion in 2030, "
            "the report said.")
    frames = speech_frames(tokens(text))
    assert [f.shown for f in frames] == ["report"]


# --- superseded figures and figures bound to another period -------------------------------------------------

@pytest.mark.parametrize("window, old, new", [
    ("The survey reported a preliminary magnitude of 6.5 that was later revised to 6.9.", "6.5", "6.9"),
    ("He has been free on $1 million bail (recently raised to $5 million).", "$1 million", "$5 million"),
    ("Officials initially said 40 people were hurt, but the toll was later put at 52.", "40", "52"),
    ("Police originally estimated the crowd at 3,000 and now say 4,500 attended.", "3,000", "4,500"),
])
def test_a_figure_revised_later_is_the_earlier_figure(window, old, new):
    assert earlier_figure(window, old)
    assert not earlier_figure(window, new)


@pytest.mark.parametrize("window, figure", [
    # the verb revises the risk, not the "30" of its subject
    ("The estimated risk of a large quake in the next 30 years has increased to 7 percent.", "30"),
    # "earlier" said today, not a superseded figure
    ("Intelligence officials earlier said more than 80 strikes had hit targets.", "80"),
    ("Revenue rose 5% to $10 billion in May.", "5%"),
])
def test_a_figure_with_no_revision_of_its_own_is_not_earlier(window, figure):
    assert not earlier_figure(window, figure)


@pytest.mark.parametrize("claim, window", [
    ("Exports rose 12% in June and 8% in July.", "Exports rose 8% in June and 12% in July."),
    ("Spending grew 49% in August.", "Spending soared 60% in August, after July's 49% gain."),
    ("The firm delivered 5,074 cars in March.", "The firm delivered 5,074 cars in April, down 49% from March."),
    ("The index closed at 3,120 on Monday.", "The index closed at 3,080 on Monday and at 3,120 on Tuesday."),
])
def test_a_figure_moved_to_another_month_or_weekday_is_a_slot_swap(claim, window):
    reason = slot_swap(claim, window)
    assert reason is not None and reason.startswith("binding:"), reason


@pytest.mark.parametrize("claim, window", [
    ("Exports rose 8% in June.", "Exports rose 8% in June and 12% in July."),
    ("The firm delivered 5,074 cars in April.", "The firm delivered 5,074 cars in April, down 49% from March."),
    ("Sales may rise 5%.", "Sales may rise 5% in June, and 7% in July."),  # "may" is a modal, not the month
])
def test_a_figure_with_its_own_month_is_no_slot_swap(claim, window):
    assert slot_swap(claim, window) is None


# --- entities on the other sides of the same words ----------------------------------------------------------

AID = ("According to US officials, China is weighing whether to provide military or financial assistance to Russia, "
       "which has requested it.")


@pytest.mark.parametrize("claim, window", [
    ("US officials say Russia is weighing whether to provide military or financial assistance to China.", AID),
    ("Germany could cut off the supply of gas to Russia via the pipeline, the minister said.",
     "The minister said Russia could cut off the supply of gas to Germany via the pipeline."),
    ("Toyota agreed to sell its battery unit to Panasonic for $2 billion.",
     "Panasonic agreed to sell its battery unit to Toyota for $2 billion."),
])
def test_two_entities_on_the_other_sides_of_the_same_words_are_a_role_swap(claim, window):
    reason = order_swap(claim, window)
    assert reason is not None and reason.startswith("role: passage has"), reason


@pytest.mark.parametrize("claim, window", [
    ("US officials say China is considering whether to give Russia military or financial assistance.", AID),
    ("Military or financial assistance to Russia is being weighed by China, US officials say.", AID),
    ("South Korea and Japan held talks in Tokyo on export controls.",
     "Japan and South Korea held talks in Tokyo on export controls."),  # coordination: no sides
    ("Toyota agreed to sell its battery unit to Panasonic.",
     "Toyota agreed to sell its battery unit to Panasonic, and Panasonic agreed to sell its chip unit to Toyota."),
])
def test_the_same_sides_or_a_symmetric_pair_is_no_order_swap(claim, window):
    assert order_swap(claim, window) is None


# --- a claim figure the supporting window does not hold -----------------------------------------------------

LAYOFFS = ("Only 11% of large newspapers experienced layoffs in 2021. Pew finds that's down from 33% in 2020. "
           "Among digital native outlets, 3% had layoffs in 2021. That's down from 18% in 2020 and 11% in 2019.")


def test_a_figure_from_another_sentence_bound_to_the_windows_year_is_a_slot_swap():
    # the window holds the 2021 figure (3%); the claim's 11% is the passage's 2019 figure
    reason = outside_slot_swap("Among digital native outlets, 11% had layoffs in 2021, down from 18% in 2020.",
                               "Among digital native outlets, 3% had layoffs in 2021.", LAYOFFS)
    assert reason is not None and "3% for 2021" in reason, reason


@pytest.mark.parametrize("claim, window", [
    ("Among digital native outlets, 3% had layoffs in 2021, down from 18% in 2020.",
     "Among digital native outlets, 3% had layoffs in 2021."),
    ("Only 11% of newspapers had layoffs in 2021, down from 33% in 2020.",
     "Only 11% of large newspapers experienced layoffs in 2021."),
    ("Digital outlets had layoffs at 11% in 2019.", "That's down from 18% in 2020 and 11% in 2019."),
])
def test_figures_with_their_own_years_anywhere_in_the_passage_are_no_slot_swap(claim, window):
    assert outside_slot_swap(claim, window, LAYOFFS) is None


def test_sentences_are_bound_one_by_one():
    # "2021." ends a sentence: the next sentence's "40%" is not bound to it
    assert sentences_slot_swap("Sales rose 40% in 2021.",
                               ["Sales rose 12% in 2021.", "40% of buyers were new."]) is None
    assert sentences_slot_swap("Sales rose 12% in 2022.", ["Sales rose 12% in 2021 and 15% in 2022."]) is not None
