"""An unanswerable question gets what is missing in its own terms, and no quote about another act.

Kind (s32 fresh user, finding 3): "What penalty did Taiwan impose on TSMC for chip smuggling in 2025?" got the
digest's "… tech executives are being held in China in connection with a chip smuggling case" and "none gives the
number the question asks for": a penalty is not a number (it was named by the kind of answer, not by the question's
noun), and the quote tells no penalty imposed by Taiwan (Taiwan is only an outlet's name after "from", "held" is no
imposing). Now the quote must tell the presupposed act, or what it is done to with the asked actor acting
(``answer_missing.tells_asked_event``), else the answer abstains on the question; a quantity is named by the
question's own noun (``missing_noun``).
"""

from __future__ import annotations

import pytest

from rag.writers.abstention_text import partial_parts
from rag.writers.answer_missing import missing_noun, tells_asked_event

SMUGGLING = ("In parallel, a separate report from Taipei Times the same day says tech executives are being held in "
             "China in connection with a chip smuggling case.")


@pytest.mark.parametrize("question, kind, noun", [
    ("What penalty did Taiwan impose on TSMC for chip smuggling in 2025?", "number", "the penalty"),
    ("What fine did the regulator impose on the bank?", "number", "the fine"),
    ("What share of its exports did Japan restrict?", "number", "the share"),
    ("What was the value of Japan's photoresist exports?", "number", None),  # asked with "be": "the number" (pa-011)
    # no quantity noun: the number of what "how many" counts, in the question's words (h/abstain-s62; "the number"
    # alone before)
    ("How many firms did China restrict?", "number", "the number of firms"),
    ("Which companies did China restrict?", "list", None),  # not a number: the kind's own noun
])
def test_a_missing_quantity_is_named_by_the_questions_own_noun(question, kind, noun):
    assert missing_noun(question, kind) == noun


@pytest.mark.parametrize("question, sentence, tells", [
    ("What penalty did Taiwan impose on TSMC for chip smuggling in 2025?", SMUGGLING, False),
    ("What fine did Japan impose on Chinese battery makers?",
     "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers.", True),  # actor + object
    ("What fine did Japan impose on the chipmakers?", "Japan imposed new rules on chip exports last year.", True),  # act
    ("What ruling did the WTO issue on the complaint?",
     "The South Korean Ministry of Trade, Industry and Energy said that Seoul plans to file a complaint with the WTO.",
     False),  # the WTO only acted on, no ruling issued
    ("Who imposed the penalty?", SMUGGLING, True),  # presupposes no actor: nothing to hold the quote to
    # the act told by a word of its family (act_roles.toml [families]), not its own verb or a synonym (pa-004#1)
    ("Which specific dual-use items did China restrict to Japanese firms?",
     "Tokyo protests as China blocks dual-use exports to 20 Japanese companies", True),
    ("What goods did Canada restrict?", "Ottawa banned shipments of drones and night-vision optics last week.", True),
    ("Which firms did Japan sanction?", "Tokyo blacklisted four shipping companies on Friday.", True),
    ("What did Seoul protest?", "Seoul denounced the new fishing quotas on Monday.", True),
    ("Which licences did Ofcom approve?", "Ofcom cleared two bids by the port operator.", True),
    # a word of another family tells no asked act
    ("Which items did China restrict?", "Beijing approved the sale of rare-earth magnets to three firms.", False),
    ("Which licences did Ofcom approve?", "Ofcom suspended two bids by the port operator.", False),
])
def test_a_quote_must_tell_the_asked_act_or_the_actor_acting_on_its_object(question, sentence, tells):
    assert tells_asked_event(question, sentence) is tells


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question", [
    "What penalty did Taiwan impose on TSMC for chip smuggling in 2025?",  # the fresh user's question
    "What fine did China impose on the tech executives held for chip smuggling?",
])
def test_ask_abstains_instead_of_quoting_another_act(sample_engine, question):
    brief = sample_engine.write(question, template="answer")
    assert brief.abstained
    assert partial_parts(brief.message) is None and "chip smuggling case" not in brief.message, brief.message
    assert brief.message.startswith("The corpus has no evidence on")
