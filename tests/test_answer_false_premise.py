"""A question that presupposes an event no source reports is told so first, not answered as if it were true.

The kind (s31's fresh user, sample corpus): "Why did South Korea ban exports of lithography machines to Japan?" got
Japan's stated reasons for its own curbs on South Korea, with nothing saying that no source reports such a ban. The
question presupposes an event (an actor, an act, what it is done to); when the evidence reports the act with actor
and target swapped, the opposite act, an object no source names, or no act of that actor at all, the answer says
"No source reports South Korea banning …; the sources report: “…” [1]". A true premise, or one the sources tell in
other words, is answered as before.

Unit specs of ``answer_premise`` over sentences written for this test (countries and acts of several stories, none
from the seed or follow-ups sets), then end to end through the real Engine over the sample corpus.
"""

from __future__ import annotations

import pytest

from rag.pipeline import Engine
from rag.writers.abstention_text import partial_message, partial_parts
from rag.writers.answer_premise import gerund, premise, unreported


@pytest.mark.parametrize("question, event", [
    ("Why did South Korea ban exports of lithography machines to Japan?",
     "South Korea banning exports of lithography machines to Japan"),
    ("What ruling did the WTO issue on the complaint?", "the WTO issuing a ruling on the complaint"),
    ("When did Vietnam lift its rice export curbs on China?", "Vietnam lifting its rice export curbs on China"),
    ("Which firms has Japan sanctioned over the smuggling?", "that Japan has sanctioned firms over the smuggling"),
    ("Why did Peru impose tariffs on Chilean copper?", "Peru imposing tariffs on Chilean copper"),
])
def test_the_presupposed_event_is_read_from_the_question(question, event):
    assert premise(question).event() == event


@pytest.mark.parametrize("question", [
    "Who banned exports of lithography machines to Japan?",  # who acted is asked, not presupposed
    "What did Japan say in response?",  # a light verb: no event of its own
    "How did Taiwan's government respond to China's halt of seafood imports?",
    "How many troops did Russia send?",
    "Why did it do that? (Japan's export curbs on South Korea)",  # a follow-up's carried context
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
])
def test_a_premise_the_sources_report_or_do_not_contradict_stands(question, texts):
    assert unreported(premise(question), texts, " ".join(texts)) is None


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
])
def test_a_false_premise_over_the_sample_corpus_is_said_first(sample_engine, question, event):
    brief = sample_engine.write(question, template="answer")
    assert brief.abstained
    assert brief.message.startswith(f"No source reports {event}; ")


def test_a_true_premise_over_the_sample_corpus_is_answered(sample_engine):
    brief = sample_engine.write("Why did Japan restrict exports of chemicals to South Korea?", template="answer")
    assert not brief.abstained
    assert "lack of trust" in " ".join(c.text for s in brief.sections for c in s.claims)
