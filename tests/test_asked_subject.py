"""The subject and verb of a question's asked act (rag/writers/answer_act.py: ``asked_subject``, ``asked_act``,
``verb_after_subject``): after "did" / "does" / "do" the verb is the first word past the subject that can be a verb's
base form, after "has" / "is" a participle or "-ing" form, so a subject ending in a noun is read whole: "the Trump
administration", not "the Trump" and the verb "administration"."""

import pytest

from rag.writers.answer_act import asked_act, asked_subject, fits_auxiliary
from rag.writers.answer_actor import asked_agent


@pytest.mark.parametrize("question, subject, verb", [
    # a head noun no verb can be
    ("What did the Trump administration ban?", "the Trump administration", "ban"),
    ("What did the Biden administration restrict?", "the Biden administration", "restrict"),
    ("Which firms did the Obama administration sanction?", "the Obama administration", "sanction"),
    ("What did the Japanese government announce?", "the Japanese government", "announc"),
    ("What did the Dutch government block?", "the Dutch government", "block"),
    ("Why did the Dutch government restrict ASML exports?", "the Dutch government", "restrict"),
    ("What does the Japanese government want?", "the Japanese government", "want"),
    ("How did the Chinese embassy respond?", "the Chinese embassy", "respond"),
    ("Why did the Taiwanese cabinet approve the bill?", "the Taiwanese cabinet", "approv"),
    # an adjective, and a plural no base form can be
    ("What did the Chinese foreign ministry say?", "the Chinese foreign ministry", "say"),
    ("What did Japanese officials fear?", "Japanese officials", "fear"),
    ("What did Japanese firms buy?", "Japanese firms", "buy"),
    ("What do Chinese chipmakers need?", "Chinese chipmakers", "need"),
    # a modifier that can be a verb before an organisation's head noun
    ("What did South Korea's trade ministry restrict?", "South Korea's trade ministry", "restrict"),
    ("What did South Korea’s trade ministry restrict?", "South Korea’s trade ministry", "restrict"),
    ("What did the Japanese trade ministry restrict?", "the Japanese trade ministry", "restrict"),
    ("What did the US commerce department add?", "the US commerce department", "add"),
    ("What did the Japanese coast guard board?", "the Japanese coast guard", "board"),
    # a title that can be a verb
    ("Who did the prime minister meet?", "the prime minister", "meet"),
    # after "has" / "is": a participle or "-ing" form
    ("What has the Brazilian government banned?", "the Brazilian government", "ban"),
    ("What is the Trump administration banning?", "the Trump administration", "ban"),
    # a possessive's noun is the subject's
    ("What did Japan's ban cover?", "Japan's ban", "cover"),
    # an adverb before the verb is neither
    ("What did Japan recently ban?", "Japan", "ban"),
])
def test_a_subject_ending_in_a_noun_is_read_whole(question, subject, verb):
    assert asked_subject(question) == subject
    assert asked_act(question).verbs[0] == verb


@pytest.mark.parametrize("question, subject, verbs", [
    ("What did the Commerce Department add to the Entity List?", "the Commerce Department", ("add",)),
    ("What did the US Commerce Department's Bureau of Industry and Security add?",
     "the US Commerce Department's Bureau of Industry and Security", ("add",)),
    ("What did Japan restrict?", "Japan", ("restrict",)),
    ("What has the Bank of England raised?", "the Bank of England", ("rais",)),
    ("What justifications has Japan given for restricting exports?", "Japan", ("given", "restrict")),
    ("Why did Tokyo tighten controls on Seoul?", "Tokyo", ("tighten",)),
    ("Which Japanese makers did Washington ask to curb sales?", "Washington", ("ask", "curb")),
    ("When did Japan ban exports of photoresists?", "Japan", ("ban",)),
    ("What did China impose on Japanese firms?", "China", ("impos",)),
    ("What did Ford announce on Tuesday?", "Ford", ("announc",)),
    ("Which new product did Tesla debut?", "Tesla", ("debut",)),
    # a verb and its object are not a subject: "chemical", "rare" come after the verb
    ("What did Japan restrict chemical exports to?", "Japan", ("restrict",)),
    ("What did Korea buy rare earth from?", "Korea", ("buy",)),
    # the wh-phrase is the subject, or the subject undergoes the act: no subject
    ("Which country restricted exports to Japan?", "", ("restrict",)),
    ("Who protested the move?", "", ("protest",)),
    ("Where was the summit held?", "", ("hold",)),
])
def test_subjects_already_read_right_stay_so(question, subject, verbs):
    assert asked_subject(question) == subject
    assert asked_act(question).verbs == verbs


@pytest.mark.parametrize("question, subject, verbs", [
    # "be" that no word fits: the question asks what something is
    ("What was the value of Japan's photoresist exports to South Korea?", "", ()),
    ("What is China's stated rationale for its export restrictions on Japanese firms?", "", ()),
    ("Who is South Korea's trade minister?", "", ()),
    # ... but a light "doing" carries the act after it, and a participle right after "is" is the verb
    ("What else is China doing to reduce its reliance on America?", "", ("reduc",)),
    ("What term is used for Chinese government efforts to replicate abroad-obtained intellectual property?", "",
     ("use", "abroad-obtain")),
    # "been" and adverbs before the verb are not the subject; a "to" before a name is no "to <verb>"
    ("Where has Jack Ma reportedly been living?", "Jack Ma", ("live",)),
    ("How many Chinese suppliers had recently been added to the US Entity List?", "", ("add",)),
    ("How did Taiwan's government respond to China's halt of Taiwanese seafood imports?", "Taiwan's government",
     ("respond",)),
    ("On what date did Jack Ma move to Japan?", "Jack Ma", ("move",)),
])
def test_what_stands_between_the_auxiliary_and_the_act(question, subject, verbs):
    assert asked_subject(question) == subject
    assert asked_act(question).verbs == verbs


def test_a_verb_lemminflect_lacks_is_still_the_first_open_word():
    assert asked_act("What did Japan onshore?").verbs == ("onshor",)


@pytest.mark.parametrize("word, aux, fits", [
    ("ban", "did", True), ("administration", "did", False), ("officials", "does", False),
    ("foreign", "did", False), ("trade", "did", True), ("banned", "has", True), ("ban", "has", False),
    ("banning", "is", True), ("given", "has", True), ("known", "is", True), ("firms", "have", False),
])
def test_the_verb_form_an_auxiliary_asks_for(word, aux, fits):
    assert fits_auxiliary(word, aux) is fits


@pytest.mark.parametrize("question, places", [
    # places.toml [united_states] governments: a government named by its head is the place's
    ("What did the Trump administration ban?", {"united_states"}),
    ("What is the Biden administration banning?", {"united_states"}),
    ("Which firms did the Obama administration sanction?", {"united_states"}),
    ("What did the Japanese government announce?", {"japan"}),
    ("What did the Chinese foreign ministry say?", {"china"}),
    ("What has the Bank of England raised?", set()),
])
def test_a_government_named_by_its_head_is_the_asked_actor(question, places):
    assert asked_agent(question) == places
