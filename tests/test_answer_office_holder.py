"""A question asking who holds an office is answered with the holder's name, from the sentence naming them by it.

Kind (s39, h/office-s39): ``brief ask "Who is South Korea's trade minister?"`` on the sample corpus quoted the
ministry's WTO sentence, though a sentence names the holder beside his title ("South Korean Minister of Trade, Industry
and Energy Sung Yun-mo said …"). The question names an office in many wordings ("Who is <X>'s <office>?", "Who is the
<office> of <X>?", "Who heads <X>'s <body>?", "Who was <X>'s <office> in 2019?"); a source names its holder with the
title before the name ("Trade Minister Sung Yun-mo"), or in an appositive after it ("Sung Yun-mo, South Korea's trade
minister,"), and tells the portfolio in its own words ("Minister of Trade, Industry and Energy" is a trade minister).
A qualified title names ANOTHER office (``rag/text/data/title_qualifiers.txt``): a deputy, former, acting or vice
minister does not hold "trade minister", and answers only a question asking for that qualified office. When no
sentence of the evidence names the holder, no one is named as the holder and the question is answered as any other
(s39 integrator: abstaining then lost real-news answers). Who holds an office now is read from the latest report
naming a holder; a question ("Who is Britain's next prime minister?") and a holder-to-be ("next", "presumptive") name
none.

``answer_office.asked_office`` reads the question, ``answer_office.office_mentions`` a sentence; the writer leads the
answer with the holder's name before the quote (``answer_who.holder_lead``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.pipeline import Engine
from rag.writers.answer_office import asked_office, office_mentions

DATA = Path(__file__).resolve().parent / "data" / "office"


def holders(question: str, sentence: str) -> list[str]:
    office = asked_office(question)
    assert office is not None, question
    return [m.name for m in office_mentions(sentence, office)]


# -- the question ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, heads, words, places, qualifiers", [
    ("Who is South Korea's trade minister?", {"minister"}, {"trade"}, {"south_korea"}, set()),
    ("Who is the trade minister of South Korea?", {"minister"}, {"trade"}, {"south_korea"}, set()),
    ("Who is the current South Korean trade minister?", {"minister"}, {"trade"}, {"south_korea"}, set()),
    ("who's Japan’s prime minister", {"minister"}, {"prime"}, {"japan"}, set()),
    ("Who is Japan's premier?", {"minister"}, {"prime"}, {"japan"}, set()),  # "premier" is read as "prime minister"
    ("Who was Japan's prime minister in 2019?", {"minister"}, {"prime"}, {"japan"}, set()),
    ("Who is the US Secretary of Commerce?", {"secretary"}, {"trade"}, {"united_states"}, set()),
    ("Who is the chief executive of Samsung?", {"ceo"}, {"samsung"}, set(), set()),
    ("Who is Samsung's chairwoman?", {"chairman"}, {"samsung"}, set(), set()),
    ("Who heads South Korea's trade ministry?", {"minister"}, {"trade"}, {"south_korea"}, set()),
    ("Who is the head of Taiwan's economy ministry?", {"minister"}, {"economy"}, {"taiwan"}, set()),
    ("Who is the former trade minister?", {"minister"}, {"trade"}, set(), {"former"}),
    ("Who is the US vice president?", {"president"}, set(), {"united_states"}, {"vice"}),
    ("Who is China's ambassador to Japan?", None, None, None, None),  # "to Japan": a complement not read, no answer
])
def test_the_question_names_the_office_and_the_place_it_asks_about(question, heads, words, places, qualifiers):
    """A "who holds it?" question is read for the office's head noun, its portfolio or organisation words, the place
    asked about and the qualifiers asked; the time a past question asks at and "current" are no words of the
    office."""
    office = asked_office(question)
    if heads is None:
        assert office is None
        return
    assert office is not None, question
    assert {h for h, _ in office.heads} == heads
    assert (set(office.words), set(office.places), set(office.qualifiers)) == (words, places, qualifiers)


def test_a_past_question_is_read_as_past():
    """"Who was …?" asks for the holder at a past time; "Who is …?" for the present one."""
    assert asked_office("Who was Japan's prime minister in 2019?").past
    assert not asked_office("Who is Japan's prime minister?").past


@pytest.mark.parametrize("question", [
    "Who is Sato Kei?",  # a person
    "Who is President Moon?",  # a person named with a title
    "Who is affected?",
    "Who is being held in China in connection with a chip smuggling case?",
    "Who is the minister who said the inspection found nothing?",  # asked by what was done, not by office
    "Who said Japan's measure was politically motivated?",
    "Which South Korean minister said an emergency inspection found no illegal transactions?",
    "What did South Korea's trade minister say?",
])
def test_other_questions_ask_no_office(question):
    """A question about a person, a view or an act, or a question not asking "who is", asks for no office holder."""
    assert asked_office(question) is None


# -- the sentence ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, sentence, names", [
    # the title before the name, the portfolio told in other words
    ("Who is South Korea's trade minister?",
     "South Korean Minister of Trade, Industry and Energy Sung Yun-mo said that an “emergency inspection” found no sign "
     "of illegal transactions.", ["Sung Yun-mo"]),
    ("Who is South Korea's trade minister?", "Seoul will file a complaint, Trade Minister Sung Yun-mo said.",
     ["Sung Yun-mo"]),
    ("Who is the trade minister of Japan?",
     "The request was conveyed to Yasutoshi Nishimura, Japan’s Minister of Economy, Trade and Industry.",
     ["Yasutoshi Nishimura"]),
    ("Who is South Korea's trade minister?",
     "Sung Yun-mo, South Korea's trade minister, said the inspection found nothing.", ["Sung Yun-mo"]),
    ("Who is Japan's trade minister?", "Japan's trade minister, Hiroshi Kajiyama, defended the curbs.",
     ["Hiroshi Kajiyama"]),
    ("Who is China's commerce minister?", "Chinese Commerce Minister Wang Wentao met the delegation.", ["Wang Wentao"]),
    ("Who is China's trade minister?", "Chinese Commerce Minister Wang Wentao met the delegation.", ["Wang Wentao"]),
    ("Who is the US Secretary of Commerce?",
     "The request went through Gene Raymond, the US Secretary of Commerce, to Tokyo.", ["Gene Raymond"]),
    ("Who was Japan's prime minister in 2019?",
     "Japanese Prime Minister Shinzo Abe and his aides hinted at illegal transfers.", ["Shinzo Abe"]),
    ("Who is Japan's premier?", "Japanese Prime Minister Shinzo Abe spoke on Friday.", ["Shinzo Abe"]),
    ("Who is Japan's chief cabinet secretary?",
     "“The measure is not a subject for consultation,” Japanese Chief Cabinet Secretary Yoshihide Suga told a news "
     "conference.", ["Yoshihide Suga"]),
    ("Who is the CEO of ASML?", "Peter Wennink, ASML's chief executive, called the move reasonable.", ["Peter Wennink"]),
    ("Who is Samsung's chairman?", "Samsung Electronics Chairman Lee Jae-yong visited the plant.", ["Lee Jae-yong"]),
    ("Who heads South Korea's trade ministry?",
     "South Korean Minister of Trade, Industry and Energy Sung Yun-mo spoke.", ["Sung Yun-mo"]),
    ("Who is the governor of the Bank of Korea?", "Bank of Korea Governor Rhee Chang-yong held rates.",
     ["Rhee Chang-yong"]),
    # two people in one sentence, only one of them holding the office
    ("Who is South Korea's foreign minister?",
     "Trade Minister Sung Yun-mo and Foreign Minister Kang Kyung-wha met in Seoul, South Korean officials said.", []),
    ("Who is South Korea's foreign minister?",
     "South Korean Trade Minister Sung Yun-mo and Foreign Minister Kang Kyung-wha met in Seoul.",
     ["Kang Kyung-wha"]),  # the second title names no place; the one named before it is the place asked
    ("Who is the foreign minister?",
     "South Korean Trade Minister Sung Yun-mo and Foreign Minister Kang Kyung-wha met in Seoul.", ["Kang Kyung-wha"]),
    ("Who is the trade minister?",
     "South Korean Trade Minister Sung Yun-mo and Foreign Minister Kang Kyung-wha met in Seoul.", ["Sung Yun-mo"]),
    ("Who is Japan's trade minister?",
     "Norland's trade minister Ilse Brandvold met Japan's trade minister Hiroshi Kajiyama in Tokyo.",
     ["Hiroshi Kajiyama"]),
    ("Who is Vesper's trade minister?",
     "Ilse Brandvold, Norland's trade minister, met Vesper's trade minister Oda Ren.", ["Oda Ren"]),
])
def test_a_sentence_names_the_holder_beside_the_title(question, sentence, names):
    """The holder is the person the sentence names with the office's title before the name (after a comma too) or in
    an appositive after it, the portfolio in any of its wordings, in the place asked (the title's own, or for a title
    naming none, every place named before it); another person of the sentence holds another office."""
    assert holders(question, sentence) == names


@pytest.mark.parametrize("question, sentence", [
    # another place
    ("Who is South Korea's trade minister?", "Japan's trade minister Hiroshi Kajiyama said on Friday the curbs stay."),
    ("Who is Japan's trade minister?", "Trade Minister Sung Yun-mo met his Japanese counterpart in Seoul."),
    ("Who is South Korea's president?", "Venezuelan President Nicolas Maduro was flown to New York."),
    # another office of the same body
    ("Who is South Korea's foreign minister?",
     "South Korea summoned a Japanese embassy official, South Korean Ministry of Foreign Affairs spokesman Kim In-chul "
     "said."),
    ("Who is China's commerce minister?",
     "Li Wei, a spokesman for the Chinese commerce ministry, declined to comment."),
    ("Who is Japan's trade minister?", "Japanese Prime Minister Shinzo Abe spoke on Friday."),
    # a qualified title names another office
    ("Who is Vesper's trade minister?", "Vesper's deputy trade minister Tanaka Hiroshi told reporters the talks go on."),
    ("Who is Vesper's trade minister?", "Former Vesper trade minister Oda Ren called the talks overdue."),
    ("Who is the trade minister?", "Ex-trade minister Oda Ren called the talks overdue."),
    ("Who is South Korea's trade minister?", "Acting Trade Minister Park Il-jun told lawmakers the review was done."),
    ("Who is Japan's trade minister?", "Japanese Vice Minister of Economy, Trade and Industry Hosaka Shin spoke."),
    ("Who is the US president?", "US Vice President Mike Pence delivered remarks in October 2018."),
    ("Who is the US president?", "US President-elect Joe Biden named his cabinet."),
    ("Who is the US Secretary of Commerce?", "US Under Secretary of Commerce Alan Estevez said the update closes loopholes."),
    ("Who is Japan's chief cabinet secretary?", "Japanese Deputy Chief Cabinet Secretary Sato Kei attended."),
    # a title that continues in words not read, then a name
    ("Who is the chairman?", "The chairman of the Federal Reserve Jerome Powell spoke."),
])
def test_a_title_of_another_place_or_office_names_no_holder(question, sentence):
    """Near misses: a title of another place, another office (a spokesman of the ministry, a prime minister for a
    trade minister), or a qualified title (deputy, former, ex-, acting, vice, -elect, under) names no holder of the
    office asked."""
    assert holders(question, sentence) == []


@pytest.mark.parametrize("question, sentence, names", [
    ("Who is the former trade minister?", "Former Vesper trade minister Oda Ren called the talks overdue.", ["Oda Ren"]),
    ("Who is Vesper's deputy trade minister?",
     "Vesper's deputy trade minister Tanaka Hiroshi told reporters the talks go on.", ["Tanaka Hiroshi"]),
    ("Who is the US vice president?", "US Vice President Mike Pence delivered remarks in October 2018.", ["Mike Pence"]),
    ("Who is the former trade minister?", "Vesper's trade minister Kato Mei met the delegation.", []),
    ("Who was Japan's prime minister in 2019?", "Then-Prime Minister Shinzo Abe of Japan met Moon.", ["Shinzo Abe"]),
    ("Who is Japan's prime minister?", "Then-Prime Minister Shinzo Abe of Japan met Moon.", []),
])
def test_a_qualified_office_is_asked_with_its_qualifier(question, sentence, names):
    """A question asking for a qualified office (a former, deputy, vice one) is answered by its qualified title, and
    not by the plain one; a past question ("Who was …?") also reads "then-" as the office held at the story's time."""
    assert holders(question, sentence) == names


# -- end to end ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("office") / "data", DATA)


@pytest.mark.parametrize("question, name, says", [
    ("Who is Norland's trade minister?", "Ilse Brandvold", "Norland's Minister of Trade, Industry and Agriculture"),
    ("Who heads Norland's trade ministry?", "Ilse Brandvold", "Norland's Minister of Trade, Industry and Agriculture"),
    ("Who is the former Vesper trade minister?", "Oda Ren", "Former Vesper trade minister Oda Ren"),
    ("Who is Vesper's deputy trade minister?", "Tanaka Hiroshi", "Vesper's deputy trade minister Tanaka Hiroshi"),
])
def test_ask_names_the_holder_and_quotes_the_sentence(engine, question, name, says):
    """The answer's first sentence names the holder; the quote after it is the cited sentence naming them."""
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert first_sentence(text).startswith(name), text
    lead = brief.sections[0].claims[0]
    assert says in lead.text and lead.citations and says in lead.citations[0].quote


@pytest.mark.parametrize("question", ["Who is Vesper's trade minister?", "Who is Vesper's foreign minister?"])
def test_ask_names_no_one_as_a_holder_no_sentence_names(engine, question):
    """When no sentence names the office's holder (only its deputy, a former holder or a ministry's spokeswoman),
    no one is named as the holder: the question is answered as any other (the integrator's s39 change: abstaining
    then lost answers on real news, "Who is Italy's new prime minister?" and "Who is the CEO of Twitter?" over the
    RealTime QA corpus)."""
    brief = engine.write(question, template="answer")
    text = brief.message if brief.abstained else answer_text(brief)
    assert "in the quote)." not in first_sentence(text), text


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question, name", [
    ("Who is South Korea's trade minister?", "Sung Yun-mo"),
    ("Who was Japan's prime minister in 2019?", "Shinzo Abe"),
    ("Who is the US Secretary of Commerce?", "Gene Raymond"),
])
def test_the_sample_corpus_names_the_holder(sample_engine, question, name):
    """The fresh user's question on the sample corpus, and others of its kind."""
    brief = sample_engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert first_sentence(answer_text(brief)).startswith(name), answer_text(brief)


def test_the_sample_corpus_names_no_foreign_minister(sample_engine):
    """South Korea's foreign ministry is named only by its spokesman: he is not named as the foreign minister."""
    brief = sample_engine.write("Who is South Korea's foreign minister?", template="answer")
    text = brief.message if brief.abstained else answer_text(brief)
    assert not first_sentence(text).startswith("Kim In-chul ("), text


# -- real news (s39 integrator, measured on the RealTime QA corpus) --------------------------------------------------

@pytest.mark.parametrize("question, sentence", [
    # a question names no holder: "Who is Britain's next prime minister?" headlines led "Who is Britain's prime
    # minister?" with "Who" as the holder
    ("Who is Britain's prime minister?", "Video Ad Feedback Who is Britain's next prime minister?"),
    ("Who is Vietnam's trade minister?", "Is Vietnamese Trade Minister Tran Van Binh about to resign?"),
    # a holder-to-be is no holder (title_qualifiers.txt v2: next, future, presumptive)
    ("Who is Italy's prime minister?", "Meloni is Italy's presumptive first female prime minister."),
    ("Who is Britain's prime minister?", "Rishi Sunak, Britain's next prime minister, met the king on Tuesday."),
    ("Who is Vietnam's trade minister?", "Vietnam's future trade minister Nguyen Thi Lan was sworn in as a lawmaker."),
])
def test_a_question_or_a_holder_to_be_names_no_holder(question, sentence):
    from rag.writers.answer_office import office_holders

    assert office_holders(asked_office(question), sentence) == []


@pytest.fixture(scope="module")
def latest_engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("office_latest") / "data",
                       Path(__file__).resolve().parent / "data" / "office_latest")


@pytest.mark.parametrize("question, name", [
    ("Who is Vietnam's trade minister?", "Nguyen Thi Lan"),  # who holds it now: the latest report
    ("Who is the trade minister of Vietnam?", "Nguyen Thi Lan"),
])
def test_who_holds_an_office_now_is_read_from_the_latest_report(latest_engine, question, name):
    brief = latest_engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert first_sentence(answer_text(brief)).startswith(name), answer_text(brief)


@pytest.mark.parametrize("question, sentence, names", [
    ("Who heads Norvia's drought agency?",
     "Hydrologist Tomas Ekerholt was appointed director of Norvia's drought agency on Friday.",
     ["Hydrologist Tomas Ekerholt"]),
    ("Who is South Korea's trade minister?", "Sung Yun-mo is South Korea's trade minister.", ["Sung Yun-mo"]),
    ("Who is Japan's prime minister?", "Abe became Japan's prime minister again in 2012.", ["Abe"]),
    ("Who is Japan's prime minister?", "Abe became Japan's deputy prime minister.", []),
    ("Who is Japan's prime minister?", "Abe met Japan's prime minister.", []),  # no linking verb
])
def test_a_linking_verb_names_the_holder_too(question, sentence, names):
    """A name linked to the title after it by a verb of being or appointment ("was appointed", "became", "is") holds
    the office as an appositive's does (a capitalised word before the name is read as part of it)."""
    assert holders(question, sentence) == names


def test_a_question_by_the_body_may_be_answered_by_an_act():
    """"Who heads <body>?" is read as asked by the body: a sentence telling the act ("… will head the drought
    agency") may answer it, so finding no title is no reason to abstain; "Who is <office>?" is not."""
    assert asked_office("Who heads Norvia's drought agency?").by_body
    assert asked_office("Who is the head of Japan's trade ministry?").by_body
    assert not asked_office("Who is Japan's trade minister?").by_body


def test_a_holder_told_without_the_title_is_still_answered(latest_engine):
    """No sentence names Cambodia's trade minister beside the title, but one tells who leads the ministry: the
    question is answered as any other, not abstained (as "Who is Italy's new prime minister?" is answered by "…
    Giorgia Meloni has claimed victory … set to install her as Italy's first female prime minister")."""
    brief = latest_engine.write("Who is Cambodia's trade minister?", template="answer")
    assert not brief.abstained, brief.message
    assert "Pan Sorasak" in answer_text(brief)
