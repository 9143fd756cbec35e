"""Questions that ask whether something is so are answered with a verdict first.

* ``polar_question`` reads the claim a question asks about ("Did Tokyo remove South Korea from its white list?" →
  "Tokyo removed South Korea from its white list") and the words the verdict takes ("True or false" → True/False,
  an auxiliary question → Yes/No); questions that only look polar ("Is there a …?", "Which … whether …?", "Did X or
  Y …?") are not read as polar.
* ``judge`` decides with the support checker over passages written for this test: supported; contradicted by a
  negation, a number, a date, an actor; not stated (a passage that merely lacks the fact, or a claim the checker
  misreads, is no contradiction).
* End to end through the real ``ask`` path (``Engine.write(question, template="answer")``) over four short news
  articles written for this test (tests/data/verdict/): "Yes. …", "False. …", "No. …" with the sentence that says so
  cited, "The sources do not say whether …" with what they do say, and a look-alike answered as any question.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.writers.abstention_text import partial_message, partial_parts
from rag.writers.answer_verdict import judge, polar_question, without_verdict

DATA = Path(__file__).resolve().parent / "data" / "verdict"


# -- which questions ask whether something is so, and what they ask -----------------------------------------


@pytest.mark.parametrize("question, claim, verdicts", [
    ("True or false: An American tourist was injured after falling into the crater of Mount Vesuvius?",
     "An American tourist was injured after falling into the crater of Mount Vesuvius", ("True", "False")),
    ("True or false: It is not possible for humans to catch the virus from monkeys.",
     "It is not possible for humans to catch the virus from monkeys", ("True", "False")),
    ("Did Tokyo remove South Korea from its white list?", "Tokyo removed South Korea from its white list", ("Yes", "No")),
    ("Did Japan add fluorinated polyimide to its export list?", "Japan added fluorinated polyimide to its export list",
     ("Yes", "No")),
    ("Does the rule cover memory chips?", "the rule covers memory chips", ("Yes", "No")),
    ("Does Japan's export list include hydrogen fluoride?", "Japan's export list includes hydrogen fluoride", ("Yes", "No")),
    ("Did China impose export controls on gallium?", "China imposed export controls on gallium", ("Yes", "No")),
    ("Did the police detain the activist?", "the police detained the activist", ("Yes", "No")),
    ("Do Chinese firms need licences to buy Nvidia chips?", "Chinese firms need licences to buy Nvidia chips", ("Yes", "No")),
    ("Has the Commerce Department approved the sale of chips to Huawei?",
     "the Commerce Department has approved the sale of chips to Huawei", ("Yes", "No")),
    ("Was the activist detained?", "the activist was detained", ("Yes", "No")),
    ("Are Chinese firms allowed to buy advanced chips?", "Chinese firms are allowed to buy advanced chips", ("Yes", "No")),
    ("Is Taiwan a member of the WHO?", "Taiwan is a member of the WHO", ("Yes", "No")),
    ("Are the curbs still in force?", "the curbs are still in force", ("Yes", "No")),
    ("Is TSMC building a plant in Arizona?", "TSMC is building a plant in Arizona", ("Yes", "No")),
    ("Will Seoul take the dispute to the WTO?", "Seoul will take the dispute to the WTO", ("Yes", "No")),
    ("Didn't the central bank raise rates by 75 basis points?", "the central bank raised rates by 75 basis points",
     ("Yes", "No")),
    ("Is it true that North Korea fired two missiles on Sunday?", "North Korea fired two missiles on Sunday", ("Yes", "No")),
    ("Can you confirm that Samsung will build a fab in Texas?", "Samsung will build a fab in Texas", ("Yes", "No")),
])
def test_a_polar_question_asks_about_its_declarative_claim(question, claim, verdicts):
    polar = polar_question(question)
    assert polar is not None
    assert (polar.claim, polar.verdicts) == (claim, verdicts)


@pytest.mark.parametrize("question", [
    "Is there a deadline for the new export curbs?",  # asks what exists
    "Are there any exemptions for memory chips?",
    "Which MP has been appointed to lead the inquiry into whether Boris Johnson misled Parliament?",  # a wh-question
    "What did Japan restrict?",
    "Did Japan or South Korea impose the curbs first?",  # an alternative question: which one
    "Is the ban temporary or permanent?",
    "Did Japan say why it restricted the exports?",  # asks for the reason
    "Do we know which firms were added to the entity list?",
    "Can you tell me what Japan restricted?",  # a request
    "Could you list the materials Japan restricted?",
    "Export controls on gallium",  # a keyword query
])
def test_a_question_that_only_looks_polar_is_not_read_as_one(question):
    assert polar_question(question) is None


def test_what_the_sources_do_not_say_reads_as_a_clause():
    assert polar_question("True or false: The FTC fined a Utah company.").whether == "whether the FTC fined a Utah company"
    assert polar_question("Did Tokyo remove Seoul from its list?").whether == "whether Tokyo removed Seoul from its list"


# -- the verdict, from the support checker ------------------------------------------------------------------


@pytest.fixture(scope="module")
def checker():
    from rag.embeddings import MiniLMOnnxEmbedder
    from rag.support import SupportChecker
    from rag.text.normalize import embed_form

    embedder = MiniLMOnnxEmbedder(threads=1)
    return SupportChecker(lambda texts: embedder.embed([embed_form(t) for t in texts]))


WHITE_LIST = ("Japan's cabinet on Friday approved removing South Korea from its white list of trusted trading partners. "
              "The change takes effect on Aug. 28 and means exporters will need individual licences.")
LICENCES = "The US Commerce Department has not approved any licence to sell advanced chips to Huawei, officials said."
MISSILES = "North Korea fired three ballistic missiles into the sea off its east coast on Sunday, Seoul's military said."
TRUSTWORTHY = ("Tokyo last week tightened the approval process for Japanese shipments of photoresists and other sensitive "
               "materials to South Korean companies. Such materials can only be exported to trustworthy trading partners, "
               "Japanese officials have said, hinting at security risks without citing specific cases.")
FERRY = "The Lindholm ferry resumed service on Thursday after a two-week strike by its crews ended."


@pytest.mark.parametrize("claim, passages, outcome, decided_by", [
    ("Japan's cabinet approved removing South Korea from its white list", [FERRY, WHITE_LIST], "supported", 1),
    ("the Lindholm ferry resumed service on Thursday", [FERRY], "supported", 0),
    # a negated predicate
    ("The Commerce Department approved the sale of advanced chips to Huawei", [LICENCES], "contradicted", 0),
    # another number in its place
    ("North Korea fired two ballistic missiles into the sea on Sunday", [MISSILES], "contradicted", 0),
    # another date in its place
    ("The change takes effect on Sept. 5", [WHITE_LIST], "contradicted", 0),
    # the actor and the acted-on swapped
    ("South Korea removed Japan from its white list", [WHITE_LIST], "contradicted", 0),
    # not stated: the passages are about something else
    ("Japan banned exports of rice to South Korea", [WHITE_LIST, FERRY], "unknown", None),
    ("Elon Musk bought Twitter", [MISSILES, FERRY], "unknown", None),
    # passed by the checker's flagging threshold but not more likely than not supported: no "Yes" (the passage
    # never mentions a white list)
    ("Japan removed South Korea from its white list of trusted trading partners", [TRUSTWORTHY], "unknown", None),
    # passed by the checker below 0.5 but in a window holding the claim's key terms: "Yes"
    ("Japan tightened export controls on sensitive materials to South Korea", [TRUSTWORTHY], "supported", 0),
])
def test_the_checker_decides_the_verdict(checker, claim, passages, outcome, decided_by):
    verdict = judge(claim, passages, checker)
    assert verdict.outcome == outcome, verdict
    assert verdict.passage == decided_by
    if decided_by is not None:
        a, b = verdict.span
        assert passages[decided_by][a:b].strip()


def test_a_clause_the_checker_misreads_as_a_role_swap_is_no_contradiction(checker):
    # the checker reads "the FTC" as the one who removed the tags (a parse of "the FTC found the company removed");
    # the passage does not state the swapped claim, so it does not contradict the claim
    passage = ("Utah-based Lions Not Sheep was slapped with a $211,335 fine after the FTC found the company removed "
               "“Made in China” tags, replacing them with fake “Made in the USA” labels.")
    claim = "The FTC fined a Utah company for removing “Made in China” tags, replacing them with fake labels"
    assert judge(claim, [passage], checker).outcome != "contradicted"


def test_no_passage_decides_nothing(checker):
    assert judge("Japan removed South Korea from its white list", [], checker).outcome == "unknown"


# -- the verdict's form -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, quote", [
    ("Yes. Japan removed South Korea from its list.", "Japan removed South Korea from its list."),
    ("False. “We have not approved it,” an official said.", "“We have not approved it,” an official said."),
    ("No. 10 Downing Street said nothing.", "No. 10 Downing Street said nothing."),  # a name, not a verdict
    ("Nothing changed. Yes, it did.", "Nothing changed. Yes, it did."),
])
def test_the_verdict_is_not_part_of_the_quote_the_sources_must_support(text, quote):
    assert without_verdict(text) == quote


@pytest.mark.parametrize("said_by", [None, "Harbour Ledger (opinion piece, 2026) argues"])
def test_an_undecided_polar_answer_says_what_the_sources_do_not_say_then_what_they_say(said_by):
    message = partial_message("Japan removed Seoul from its list.", "whether Japan banned rice exports", said_by)
    # only reporting decides: over an attributed view (which may say so) the answer says no *report* decides it
    assert message.startswith("The sources do not say whether Japan banned rice exports. " if said_by is None
                              else "No news or official report among the sources says whether Japan banned rice exports. ")
    assert partial_parts(message) == (said_by or "They report", "Japan removed Seoul from its list.",
                                      "whether Japan banned rice exports")


# -- end to end, through the real ask path ------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("verdict") / "data", DATA)


@pytest.mark.parametrize("question, verdict, says", [
    ("Did Japan's cabinet approve removing South Korea from its white list?", "Yes", "removing South Korea from its white list"),
    ("Is it true that the Lindholm ferry resumed service on Thursday?", "Yes", "resumed service on Thursday"),
    ("True or false: The Commerce Department approved the sale of advanced chips to Huawei.", "False",
     "has not approved any licence"),
    ("Did North Korea fire two ballistic missiles on Sunday?", "No", "fired three ballistic missiles"),
    ("Did South Korea remove Japan from its white list?", "No", "removing South Korea from its white list"),
])
def test_ask_leads_with_the_verdict_and_cites_the_sentence_that_decides_it(engine, question, verdict, says):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert first_sentence(text) == f"{verdict}."
    lead = brief.sections[0].claims[0]
    assert lead.text.startswith(f"{verdict}. ") and says in lead.text
    assert lead.citations and says in lead.citations[0].quote


def test_ask_says_what_the_sources_do_not_decide(engine):
    brief = engine.write("Did Japan ban exports of rice to South Korea?", template="answer")
    assert brief.abstained
    # the quote is attributed (a report no one can be named for): no *report* decides it
    assert brief.message.startswith("No news or official report among the sources says whether Japan banned exports of "
                                    "rice to South Korea. ")
    who, quote, missing = partial_parts(brief.message)
    assert "South Korea" in quote and missing == "whether Japan banned exports of rice to South Korea"


def test_a_look_alike_is_answered_as_any_question(engine):
    brief = engine.write("Is there a date when the white list change takes effect?", template="answer")
    text = answer_text(brief) if not brief.abstained else brief.message
    assert "Aug. 28" in text
    assert not text.startswith(("Yes.", "No.", "The sources do not say whether"))
