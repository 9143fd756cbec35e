"""Who the asked act is done to (issue 10, answers): "Which company cut ties with Kyrie Irving?" is not answered by
"Kyrie Irving has cut ties with his longtime agent" (RealTime QA fit half, 20221209_5: the answer led with it, and
the company that cut ties, Nike, came nowhere). The question's wh-phrase is the act's doer; the names and places
after its verb undergo it. A sentence in which they do the act tells it the other way round
(``asked_undergoer.does_asked_act``): it neither types as the asked answer nor holds their key terms
(``undergoer_act_view``). Cases of the kind written for this test (sport, trade, regulators, a country's metonym), a
passive, and questions that ask something else.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead, engine_over_articles

from rag.writers.asked_undergoer import asked_undergoer, does_asked_act


@pytest.mark.parametrize("question, names, places", [
    ("Which company recently cut ties with basketball star Kyrie Irving?", {"kyri", "irv"}, set()),
    ("Who protested Japan's export restrictions?", {"japan"}, {"japan"}),
    ("Which club signed striker Erling Haaland this summer?", {"erl", "haaland"}, set()),
    ("Which regulator fined Halvorsen Sports over the sponsorship?", {"halvorsen", "sport"}, set()),
])
def test_the_undergoer_is_named_after_the_act_the_wh_phrase_does(question, names, places):
    asked = asked_undergoer(question)
    assert asked is not None
    assert set(asked.names) >= names - {"sport"} and set(asked.places) == places


@pytest.mark.parametrize("question", [
    "Which company did Kyrie Irving cut ties with?",  # Irving is the doer asked about
    "What did Japan restrict?",
    "Which country restricted exports?",  # nobody named after the act
    "When did Tesla unveil its robot?",
    "Which slang term was selected as Oxford's word of the year?",  # passive: the wh-phrase undergoes it
    "What is the nickname of World Cup quarter-finalists Morocco?",
    # seed qa-006: the wh-phrase's own place is the doer's ("Japanese official"), and "said" reports a content
    "Which Japanese official said Tokyo's tighter export controls on South Korea were not open to consultation?",
    # seed qa-001: what an outlet reported is its content, not someone it acted on
    "Which outlet first reported that Japan had refused cybersecurity approval for Chinese battery makers?",
])
def test_no_undergoer_when_the_question_asks_something_else(question):
    assert asked_undergoer(question) is None


@pytest.mark.parametrize("question, text", [
    ("Which company recently cut ties with basketball star Kyrie Irving?",
     "ESPN reported Wednesday that six-time all-star Kyrie Irving has cut ties with his longtime agent, Jeff Wechsler."),
    ("Who protested Japan's export restrictions?",
     "Tokyo protests as China blocks dual-use exports to 20 Japanese companies"),
    ("Who protested Japan's export restrictions?", "Japan protested Seoul’s decision to leave the pact."),
    ("Which club signed striker Erling Haaland this summer?",
     "Erling Haaland signed a sponsorship deal with a boot maker on Monday."),
    ("Which regulator fined Halvorsen Sports over the sponsorship?",
     "Halvorsen Sports reportedly fined its former chief executive for breach of contract."),
])
def test_a_sentence_in_which_the_undergoer_does_the_act_tells_it_the_other_way_round(question, text):
    assert does_asked_act(text, asked_undergoer(question))


@pytest.mark.parametrize("question, text", [
    ("Which company recently cut ties with basketball star Kyrie Irving?", "Nike has cut ties with Kyrie Irving."),
    ("Which company recently cut ties with basketball star Kyrie Irving?",
     "Kyrie Irving was cut by the Nets after the season."),  # passive: Irving undergoes it
    ("Who protested Japan's export restrictions?", "Seoul protested the Japanese restrictions."),
    ("Who protested Japan's export restrictions?",
     "South Korea has summoned a Japanese embassy official to protest Abe’s suggestion."),
    ("Which club signed striker Erling Haaland this summer?", "Manchester City signed Erling Haaland in June."),
    ("Which regulator fined Halvorsen Sports over the sponsorship?",
     "Halvorsen Sports, which fined nobody, was itself fined by the agency."),  # a clause mark before the verb
    ("Which regulator fined Halvorsen Sports over the sponsorship?", "The agency fined Halvorsen Sports on Friday."),
])
def test_the_act_done_to_the_undergoer_or_by_someone_else_is_not_the_other_way_round(question, text):
    assert not does_asked_act(text, asked_undergoer(question))


@pytest.mark.parametrize("question, names, places", [
    ("Which Japanese ministry fined Toshiba and Osaka Steel?", {"toshiba", "osaka", "steel"}, set()),
    ("Which Korean court blocked Japan's seizure of the assets?", {"japan"}, {"japan"}),
    ("Which Chinese regulator fined Alibaba that year?", {"alibaba"}, set()),
])
def test_the_doer_s_own_words_are_no_undergoer(question, names, places):
    asked = asked_undergoer(question)
    assert asked is not None and set(asked.names) <= names and set(asked.places) == places


# -- end to end: two reports, the other way round's is the nearer to the question's words ---------------------------

ARTICLES = [
    ("01_agent.md", "2022-12-07", "Lindqvist parts with agent ahead of the indoor season",
     "Sprinter Mara Lindqvist has cut ties with her longtime agent, Piet Vos, and is expected to sign with Northstar "
     "Management, people familiar with the matter said on Wednesday. Lindqvist won two medals at the European "
     "championships in August. Vos did not respond to a request for comment."),
    ("02_sponsor.md", "2022-11-04", "Halvorsen Sports ends Lindqvist sponsorship",
     "Halvorsen Sports is ending its relationship with sprinter Mara Lindqvist, the company said in a statement on "
     "Friday, after she repeated a false claim about a rival's doping test. The sportswear maker had sponsored "
     "Lindqvist since 2019 and will no longer sell her signature spikes. Lindqvist apologised on Saturday."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("undergoer"), ARTICLES)


def test_the_report_of_the_undergoer_doing_the_act_does_not_lead(engine):
    lead = answer_lead(engine, "Which company recently cut ties with sprinter Mara Lindqvist?", "2022-12-10")
    assert "her longtime agent" not in lead and "Halvorsen Sports" in lead, lead

