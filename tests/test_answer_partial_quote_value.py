"""A partial answer never quotes the asked value and then says that none of the sources gives it.

* Kind (s69's new user F3, issue 10): **a false "missing" in a partial answer.** "How long does the ministry have
  to decide …?" quoted "… shall, within 45 working days from the date of receipt of the application, make a decision
  …" and went on "none of the sources gives the number the question asks for"; so did a loss written as "potential
  losses to NT$18 billion" for "How much could … lose …?", and "What was the value of the chips …?" over a story
  whose next sentences say "The chips were worth 6.2 billion won".
* Mechanism: one reader says whether a sentence holds the asked kind of value (``answer_kind.has_answer_kind`` with
  ``answer_value.asked_value``), and it decides the lead and the "missing" note alike:
  - a length of time counted in the calendar's kinds of day ("45 working days", "10 business days") is a duration
    (``answer_value.gives_duration``, ``answer_values.toml`` [measure].duration_qualifiers);
  - the story's sentence giving the asked measure of a thing the question names answers, however few of the
    question's other words it repeats ("worth" for "value": ``QuestionAnswering._measured_in_story``);
* End to end through ``ask`` over articles written for this test (not eval data); a story that gives no amount is
  still a partial answer. (The loss estimate of a second report, "potential losses to 4.2 trillion won", is
  answered on main already: it keeps the reading of the user's "losses to NT$18 billion" case.)
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.answer_value import asked_value, fitting_numbers, gives_duration, quantity_text


@pytest.mark.parametrize("question, sentence, value", [
    ("How long does the agency have to rule on a permit request?",
     "The agency shall, within 30 working days of receiving the request, issue a ruling.", "30"),
    ("How long have applicants waited for permit rulings?",
     "Applicants have been waiting an average of 61 business days, a survey found.", "61"),
    ("How long do shippers have to file an end-use statement?",
     "Shippers must file the statement within ten calendar days of loading.", "ten"),
    ("How long will the review take?", "The review is expected to take two and a half years.", "two"),
])
def test_a_time_counted_in_working_or_business_days_is_the_asked_duration(question, sentence, value):
    assert [m.group(0) for m in fitting_numbers(asked_value(question), quantity_text(sentence))][:1] == [value]


@pytest.mark.parametrize("sentence", [
    "The agency employs 30 working engineers in its licensing unit.",
    "Applicants filed 61 business licence requests last year.",
])
def test_a_count_of_other_things_with_the_same_words_is_no_duration(sentence):
    number = next(w for w in sentence.split() if w.isdigit())
    assert not gives_duration(sentence, sentence.index(number) + len(number))


ARTICLES = [
    ("01_notice.md", "2026-05-04", "Maritime agency sets rules for dual-use shipment permits",
     "BUSAN, May 4 - The Maritime Safety Agency on Monday published rules for permits to ship dual-use machine "
     "tools to Russia and Belarus.\n\nShippers must apply to the Maritime Safety Agency for a permit for each "
     "consignment. The Maritime Safety Agency shall, within 30 working days of receiving a request, rule on the "
     "permit.\n\nThe rules take effect on July 1."),
    ("02_survey.md", "2026-10-12", "Forwarders complain of slow permit rulings",
     "SEOUL, Oct 12 - Freight forwarders surveyed by the Korea Logistics Council reported waiting an average of 61 "
     "business days for a ruling under the Maritime Safety Agency's permit rules.\n\nThe council urged the agency "
     "to hire more examiners."),
    ("03_strike.md", "2026-08-20", "Hanlim Shipbuilding strike enters sixth week",
     "ULSAN, Aug 20 - A strike at Hanlim Shipbuilding's Ulsan yard entered its sixth week on Thursday, halting work "
     "on four LNG carriers.\n\nThe company said the strike would not delay the delivery of its first ammonia "
     "carrier, due in March.\n\nThe union said talks would resume next week."),
    ("06_estimate.md", "2026-09-02", "Brokers raise Hanlim loss estimate",
     "SEOUL, Sept 2 - Analysts at Daewon Securities also raised their estimate of Hanlim Shipbuilding's potential "
     "losses to 4.2 trillion won, from the 900 billion won cited in July, after a review of its delivery "
     "contracts.\n\nHanlim shares fell 3 percent."),
    ("04_drones.md", "2026-09-16", "Customs seizes drones bound for Russia at Busan port",
     "BUSAN, Sept 16 - Korea Customs said on Wednesday it had seized 40 military-grade drones bound for Russia at "
     "Busan port, in the first such seizure since drones were added to the strategic items list.\n\nThe suspects, "
     "two brokers and a shipping clerk, allegedly declared the drones as toy parts and routed them through "
     "Kazakhstan. The drones were worth 3.1 billion won ($2.3 million), customs said.\n\nCustoms said it would "
     "tighten checks on shipments to Central Asia."),
    ("05_sensors.md", "2026-09-23", "Customs seizes lidar sensors in Incheon",
     "INCHEON, Sept 23 - Korea Customs said on Tuesday it had seized lidar sensors bound for Iran at Incheon "
     "airport, declared as camera parts.\n\nCustoms said the investigation was continuing."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("partial_quote_value"), ARTICLES)


@pytest.mark.parametrize("question, says", [
    ("How long does the Maritime Safety Agency have to rule on a permit request?", "30 working days"),
    ("How long have freight forwarders waited for permit rulings?", "61 business days"),
    ("How much could Hanlim Shipbuilding lose because of the strike?", "4.2 trillion won"),
    ("What was the value of the drones seized at Busan port?", "3.1 billion won"),
])
def test_ask_answers_with_the_sentence_giving_the_asked_value_and_says_nothing_missing(engine, question, says):
    brief = engine.write(question, template="answer")
    answer = answer_text(brief)
    assert says in answer and "none gives" not in (brief.message or "") + answer, (brief.message, answer)


def test_ask_still_says_what_is_missing_when_the_story_gives_no_amount(engine):
    brief = engine.write("What was the value of the lidar sensors seized at Incheon airport?", template="answer")
    assert brief.abstained and "none gives" in (brief.message or ""), (brief.message, answer_text(brief))
