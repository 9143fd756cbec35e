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
from rag.writers.answer_verdict import about_claim, contrary, judge, polar_question, without_verdict

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


@pytest.mark.parametrize("question, claim", [
    # the auxiliary goes back before the adverbs that open the predicate, not between them and it (s30's fresh
    # user: "Is China's move purely retaliatory?" read "whether China's move purely is retaliatory")
    ("Is China's move purely retaliatory?", "China's move is purely retaliatory"),
    ("Was the ban quickly lifted?", "the ban was quickly lifted"),
    ("Is the bridge really safe?", "the bridge is really safe"),
    ("Has Japan formally removed South Korea from its white list?",
     "Japan has formally removed South Korea from its white list"),
    ("Will China soon lift the curbs?", "China will soon lift the curbs"),
    ("Are the restrictions entirely new?", "the restrictions are entirely new"),
    ("Is the move politically motivated?", "the move is politically motivated"),
    ("Is Japan's decision largely symbolic?", "Japan's decision is largely symbolic"),
    ("Were the firms reportedly targeted?", "the firms were reportedly targeted"),
    ("Is Korea's chip hub plan very ambitious?", "Korea's chip hub plan is very ambitious"),
    ("Can Japan legally block the exports?", "Japan can legally block the exports"),
    ("Is it really very safe?", "it is really very safe"),
    ("Is China primarily motivated by security concerns?", "China is primarily motivated by security concerns"),
    # an adverb-like word the subject holds stays in the subject; a do-question keeps its adverb before the verb
    ("Is the early vote valid?", "the early vote is valid"),
    ("Is China's only plant closed?", "China's only plant is closed"),
    ("Did Japan quietly add gallium to its list?", "Japan quietly added gallium to its list"),
])
def test_an_adverb_opening_the_predicate_stays_after_the_auxiliary(question, claim):
    polar = polar_question(question)
    assert polar is not None and polar.claim == claim
    assert polar.whether == f"whether {claim}"


def test_what_the_sources_do_not_say_reads_as_a_clause():
    assert polar_question("True or false: The FTC fined an Ohio company.").whether == "whether the FTC fined an Ohio company"
    assert polar_question("Did Tokyo remove Seoul from its list?").whether == "whether Tokyo removed Seoul from its list"


# -- the verdict, from the support checker ------------------------------------------------------------------


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
    passage = ("Ohio-based Ridgeline Outfitters was hit with a $184,520 fine after the FTC found the company removed "
               "“Made in Vietnam” tags, replacing them with fake “Made in America” labels.")
    claim = "The FTC fined an Ohio company for removing “Made in Vietnam” tags, replacing them with fake labels"
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
    # only reporting decides: over an attributed view (which may say so) the answer says the sources do not settle it
    assert message.startswith("The sources do not say whether Japan banned rice exports. " if said_by is None
                              else "The sources do not settle whether Japan banned rice exports. ")
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
    # the quote is attributed (its source's view): it does not settle the claim, and the answer says what it is
    assert brief.message.startswith("The sources do not settle whether Japan banned exports of rice to South Korea. ")
    who, quote, missing = partial_parts(brief.message)
    assert "South Korea" in quote and missing == "whether Japan banned exports of rice to South Korea"


def test_a_look_alike_is_answered_as_any_question(engine):
    brief = engine.write("Is there a date when the white list change takes effect?", template="answer")
    text = answer_text(brief) if not brief.abstained else brief.message
    assert "Aug. 28" in text
    assert not text.startswith(("Yes.", "No.", "The sources do not say whether"))


# -- an undecided answer quotes only a sentence about the claim --------------------------------------------------


@pytest.mark.parametrize("claim, sentence, about", [
    ("Japan tightened export controls on materials to South Korea",
     "Tokyo last week tightened the approval process for Japanese shipments of photoresists to South Korean companies.", True),
    ("Japan tightened export controls on materials to South Korea",  # South Korea, but not Japan's act
     "South Korea’s chip-hub pitch could influence expectations for foundry capacity in the medium term.", False),
    ("Japan tightened export controls on materials to South Korea",  # the actor alone, another story
     "Japan blocked Chinese battery makers over cybersecurity concerns.", False),
    ("The FTC fined an Ohio company for removing labels",
     "Ohio-based Ridgeline Outfitters was hit with a fine after the FTC found it removed labels.", True),
    ("The FTC fined an Ohio company for removing labels", "The FTC chair testified before Congress on Tuesday.", False),
    ("Elon Musk will step down as CEO of Twitter", "Musk said he would resign as CEO once he finds a successor.", True),
    ("Elon Musk will step down as CEO of Twitter", "Tesla shares fell 3% on Tuesday.", False),
    ("China banned imports of Taiwanese pineapples", "Beijing halted imports of pineapples from Taiwan, citing pests.", True),
    ("China banned imports of Taiwanese pineapples", "Taiwan’s farmers sold more fruit to Japan this year.", False),
    # a claim that names no one: two of its content terms
    ("the activist was detained by police", "Police detained the activist outside the court on Friday.", True),
    ("the activist was detained by police", "Police said the march would go ahead on Friday.", False),
])
def test_an_undecided_answer_quotes_a_sentence_about_the_claim(claim, sentence, about):
    assert about_claim(claim, sentence) is about


@pytest.mark.parametrize("said_by, opening", [
    (None, "The sources do not say whether Japan banned rice exports. They report: “"),
    # a report no one can be named for was judged as any report: it does not say either
    ("According to an unnamed report", "The sources do not say whether Japan banned rice exports. According to an unnamed "
                                       "report: “"),
    # a view may say so: only reporting decides
    ("Harbour Ledger (opinion piece, 2026) argues", "The sources do not settle whether Japan banned rice exports. "
                                                    "Harbour Ledger (opinion piece, 2026) argues: “"),
])
def test_every_undecided_wording_names_who_says_the_quote(said_by, opening):
    message = partial_message("Japan removed Seoul from its list.", "whether Japan banned rice exports", said_by)
    assert message.startswith(opening)
    assert partial_parts(message) == (said_by or "They report", "Japan removed Seoul from its list.",
                                      "whether Japan banned rice exports")


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


def test_an_undecided_answer_with_nothing_about_the_claim_says_so_plainly(sample_engine):
    from rag.types import SearchFilters

    # in the window the sources hold a digest's forecast on Korea's chip hub, not Japan's controls
    brief = sample_engine.write("Did Japan tighten export controls on materials to South Korea?", template="answer",
                                filters=SearchFilters(since="2019-07-04"))
    assert brief.abstained
    assert "chip-hub" not in brief.message and partial_parts(brief.message) is None
    assert brief.message.startswith("The corpus has no evidence on the question")
    assert "published on or after 2019-07-04" in brief.message


def test_a_list_sentence_decides_for_its_member(sample_engine):
    brief = sample_engine.write("Did Japan restrict exports of hydrogen fluoride to South Korea?", template="answer")
    assert not brief.abstained, brief.message
    lead = brief.sections[0].claims[0]
    assert lead.text.startswith("Yes. ") and "hydrogen fluoride" in lead.text


# -- the engine's checker reads the verdict --------------------------------------------------------------------


def test_the_engines_support_checker_reads_the_verdict(settings):
    from rag.index import CorpusIndex
    from rag.ingest import Ingestor
    from rag.pipeline import Engine
    from rag.support.encoders import STATIC_MODEL_PATH
    from rag.support.model import load_model

    static = settings(support={"encoder": "static"})  # support.encoder = static: the verdict too reads static vectors
    index = CorpusIndex(static)
    Ingestor(index).ingest_paths([DATA])
    index.close()
    engine = Engine.from_settings(static)
    assert engine.writer.verdict_checker is engine.checker
    assert engine.checker.model.threshold == load_model(STATIC_MODEL_PATH).threshold
    claims = []
    check_many = engine.checker.check_many

    def spy(pairs, **kw):
        claims.extend(claim for claim, _ in pairs)
        return check_many(pairs, **kw)

    engine.checker.check_many = spy
    engine.write("Did North Korea fire two ballistic missiles on Sunday?", template="answer")
    assert "North Korea fired two ballistic missiles on Sunday" in claims


# -- a contrary date or number is a real one (the text layer's readers) -----------------------------------------


@pytest.mark.parametrize("claim, reason, window, contrary_", [
    ("North Korea fired two ballistic missiles into the sea on Sunday", "number 'two' not in cited text",
     "North Korea fired three ballistic missiles into the sea on Sunday.", True),
    ("North Korea fired two ballistic missiles into the sea on Sunday", "number 'two' not in cited text",
     "North Korea fired 3 ballistic missiles into the sea on Sunday.", True),
    # a day of the month is a date, not another number of missiles
    ("North Korea fired two ballistic missiles into the sea on Sunday", "number 'two' not in cited text",
     "North Korea fired ballistic missiles into the sea on Sunday, Aug. 28.", False),
    ("North Korea fired two ballistic missiles into the sea in 2022", "number 'two' not in cited text",
     "North Korea fired ballistic missiles into the sea in 2022.", False),  # a year
    ("The change takes effect on Sept. 5", "date 'Sept. 5' not in cited text", "The change takes effect on Aug. 28.", True),
    ("The change takes effect on Sept. 5", "date 'Sept. 5' not in cited text",
     "The change takes effect within 21 days.", False),  # a number of days is no date
    ("Samsung opened the plant in March", "month 'March' not in cited text", "Samsung opened the plant in May.", True),
    ("Samsung opened the plant in March", "month 'March' not in cited text",
     "Samsung may open the plant near the market.", False),  # "may", "market": no month
    ("The strike ended on Sunday", "weekday 'Sunday' not in cited text", "The strike ended on Saturday.", True),
    ("The strike ended on Sunday", "weekday 'Sunday' not in cited text", "The strike ended before Black Friday.", False),
    ("The strike ended on Sunday", "weekday 'Sunday' not in cited text", "The strike ended, the Sunday Times said.", False),
])
def test_a_contrary_value_is_a_real_date_or_number(claim, reason, window, contrary_):
    from types import SimpleNamespace

    result = SimpleNamespace(best_sentence=window, supported=False, reasons=(reason,))
    assert (contrary(claim, result, published="2022-10-09") is not None) is contrary_


# -- a sentence that negates is no "Yes" to an affirmative claim ----------------------------------------------


@pytest.mark.parametrize("claim, passage", [
    ("Huawei bought advanced chips", LICENCES),
    ("Tokyo approved exports of photoresist to Seoul",
     "Tokyo has not approved a single shipment of photoresist to Seoul since the rules took effect, traders said."),
    ("The ferry operator hired new crews",
     "The Lindholm ferry resumed service without hiring new crews, the operator said on Thursday."),
    ("Taiwanese suppliers sold chipmaking tools to the mainland firm",
     "No Taiwanese supplier sold chipmaking tools to the mainland firm last year, the economics ministry said."),
    ("SMIC received the licences it sought for US equipment",
     "SMIC never received the licences it sought for US equipment, according to company filings."),
    ("Samsung shipped memory chips to the Chinese buyer",
     "Samsung has not shipped memory chips to the Chinese buyer since October, a company spokesperson said."),
    ("The ministry named the companies on the list",
     "The ministry did not name the companies on the list, citing commercial confidentiality."),
    ("Seoul filed a complaint with the WTO over the curbs",
     "Seoul has not filed a complaint with the WTO over the curbs, though officials said they were considering one."),
])
def test_a_sentence_that_negates_its_predicate_is_no_yes_to_an_affirmative_claim(checker, claim, passage):
    assert judge(claim, [passage], checker).outcome != "supported"


@pytest.mark.parametrize("claim, passage", [
    ("The Commerce Department has not approved licences to sell advanced chips to Huawei", LICENCES),
    ("The ministry did not name the companies on the list",
     "The ministry did not name the companies on the list, citing commercial confidentiality."),
])
def test_a_negated_claim_is_confirmed_by_the_sentence_that_negates(checker, claim, passage):
    assert judge(claim, [passage], checker).outcome == "supported"


# -- the verdict is the product's word, never inside a source's quotation ------------------------------------


@pytest.mark.parametrize("text, attribution, shown", [
    ("Yes. US authorities have asked Japan to join the curbs.", "According to an unnamed roundup",
     "Yes. According to an unnamed roundup: “US authorities have asked Japan to join the curbs.”"),
    ("No. Beijing restricted exports to 20 companies, not 30.", "WorldWideWatchers (AI-generated brief, 2026) reports",
     "No. WorldWideWatchers (AI-generated brief, 2026) reports: “Beijing restricted exports to 20 companies, not 30.”"),
    ("True. “We acted on security grounds,” the minister said.", "Intelrift assesses",
     "True. Intelrift assesses: “‘We acted on security grounds,’ the minister said.”"),
    ("False. Japan has reportedly denied the approval.", "Intelrift, citing Nikkei Asia, reports",
     "False. Intelrift, citing Nikkei Asia, reports: “Japan has reportedly denied the approval.”"),
    # not a verdict: a name that opens with "No."
    ("No. 10 Downing Street declined to comment.", "According to an unnamed report",
     "According to an unnamed report: “No. 10 Downing Street declined to comment.”"),
    # not attributed: the text as it is
    ("Yes. Japan removed South Korea from its list.", None, "Yes. Japan removed South Korea from its list."),
])
def test_an_attributed_verdict_stays_outside_the_quotation_marks(text, attribution, shown):
    from rag.brief import Claim
    from rag.render import claim_text

    assert claim_text(Claim(text=text, citations=[], attribution=attribution)) == shown


def test_a_claim_the_sentence_states_only_with_the_one_it_leans_on_is_decided(engine):
    # "It is also the first plant …" names nothing alone; read with the sentence before it, it states the claim
    brief = engine.write("True or false: The first plant in Kumamoto began volume production on Friday and is the "
                         "first plant in Japan able to make 12-nanometre logic chips.", template="answer")
    assert not brief.abstained, brief.message
    lead = brief.sections[0].claims[0]
    assert lead.text.startswith("True. ") and "12-nanometre node" in lead.text and "began volume production" in lead.text
