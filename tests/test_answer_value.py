"""What the asked value must be, beyond its kind (rag/writers/answer_value.py, rag/text/data/answer_values.toml): a
number counts what the question counts and is in the measure it asks for, "on what date" wants a calendar date, and
"which designer" wants a person. Sentences and questions written for this test, not taken from the eval sets."""

from __future__ import annotations

import pytest

from rag.writers.answer_value import asked_value, gives_calendar_date, is_person_name, number_fits, only_source


def fits(question: str, sentence: str, number: str) -> bool:
    start = sentence.index(number)
    return number_fits(asked_value(question), sentence, start, start + len(number))


# --- a number counts what the question counts ---------------------------------------------------------------------------


@pytest.mark.parametrize("question, sentence, number", [
    ("How many troops took part in the drills?", "The navy sent ships into four exclusion zones near the strait.", "four"),
    ("How many soldiers were deployed to the border?", "Troops moved through 12 districts on Monday.", "12"),
    ("How many companies were fined by the regulator?", "The regulator fined executives in three provinces.", "three"),
    ("How many tonnes of rice did the ministry release?", "The ministry released rice from 40 warehouses.", "40"),
    ("How many people were evacuated from the valley?", "Floods cut 15 roads and damaged 300 homes.", "15"),
    ("How many firms signed the pledge?", "The pledge was signed in 2 rounds.", "2"),
])
def test_a_number_of_something_else_does_not_answer_how_many(question, sentence, number):
    assert not fits(question, sentence, number)


@pytest.mark.parametrize("question, sentence, number", [
    ("How many troops took part in the drills?", "About 2,000 soldiers took part in the drills.", "2,000"),
    ("How many people were evacuated from the valley?", "Rescuers evacuated 1,200 residents overnight.", "1,200"),
    ("How many companies were fined by the regulator?", "Seven firms were fined.", "Seven"),
    ("How many vehicles did the automaker recall?", "The automaker recalled 2.9 million vehicles.", "2.9"),
    ("How many Russians could be called up?", "Up to 300,000 reservists could be called up.", "300,000"),
    ("How many tonnes of rice did the ministry release?", "The ministry released 50,000 tonnes.", "50,000"),
    # nothing after the number tells what it counts: it may count what was asked
    ("How many people were killed in the blast?", "At least 12 were killed, police said.", "12"),
])
def test_a_number_of_what_is_asked_or_of_its_class_answers_how_many(question, sentence, number):
    assert fits(question, sentence, number)


@pytest.mark.parametrize("question, sentence, number, ok", [
    ("How much did the new stadium cost?", "The stadium, with 60,000 seats, cost £1.2bn to build.", "60,000", False),
    ("How much did the new stadium cost?", "The stadium, with 60,000 seats, cost £1.2bn to build.", "1.2bn", True),
    ("What was the value of the contract?", "The contract covers 14 aircraft worth $3 billion.", "14", False),
    ("What was the value of the contract?", "The contract covers 14 aircraft worth $3 billion.", "3", True),
    ("How much was the bank fined?", "The bank was fined 40 million euros over 3 years.", "3", False),
    ("How much was the bank fined?", "The bank was fined 40 million euros over 3 years.", "40", True),
    ("What percentage of adults smoke?", "About 13% of 4,000 adults said they smoke.", "4,000", False),
    ("What percentage of adults smoke?", "About 13% of 4,000 adults said they smoke.", "13", True),
    ("What percent of the vote did she win?", "She won 52 percent of the vote in 31 counties.", "52", True),
])
def test_a_question_for_money_or_a_percentage_is_answered_by_that_measure(question, sentence, number, ok):
    assert fits(question, sentence, number) is ok


@pytest.mark.parametrize("question, measure", [
    ("How much money did the charity raise?", "money"),
    ("How much did the painting sell for?", "money"),
    ("The report says the outage is costing retailers how much per day?", "money"),
    ("What is the average salary of a nurse?", "money"),
    ("What share of voters backed him, in percent?", None),
    ("What percentage of homes lost power?", "percent"),
    ("How much rain fell overnight?", None),
    ("How many days did the strike last?", None),
])
def test_the_measure_a_question_asks_for(question, measure):
    assert asked_value(question).measure == measure


# --- a calendar date, a person ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, calendar", [
    ("The report was released on Wednesday.", False),
    ("The talks collapsed last week.", False),
    ("Officials met earlier this month.", False),
    ("The plant opens on March 14, 2027.", True),
    ("Barristers will strike from 5 September.", True),
    ("The ruling came on 2026-06-30.", True),
    ("It was signed on the 3rd of May.", True),
])
def test_a_calendar_date_is_a_day_of_a_month_not_a_weekday_or_last_week(text, calendar):
    assert gives_calendar_date(text) is calendar


@pytest.mark.parametrize("question, calendar", [
    ("On what date did the ministry publish the list?", True),
    ("What was the date of the first test?", True),
    ("What day did the strike begin?", False),
    ("When did the talks resume?", False),
    ("On which date was the ban lifted?", True),
    ("What is the exact date of the launch?", True),
    ("Which holiday marks the date the war ended?", False),
    ("The date of the vote moved to which month?", False),
    ("Which event did the company schedule for the same date as the summit?", False),
])
def test_which_questions_ask_for_a_calendar_date(question, calendar):
    assert asked_value(question).calendar is calendar


@pytest.mark.parametrize("question, person", [
    ("What is the scientist's name?", True),
    ("Which designer made the gown?", True),
    ("The dress was damaged at the gala. Who was its designer?", True),
    ("What is the name of the pilot who landed the plane?", True),
    ("Which Labour frontbencher was sacked?", True),
    ("Which company recalled the heaters?", False),
    ("Who won the election?", False),  # a person or a party: not told
    ("Which country hosted the summit?", False),
])
def test_which_questions_ask_for_a_person(question, person):
    assert asked_value(question).person is person


@pytest.mark.parametrize("name, person", [
    ("Bob Mackie", True),
    ("Li Wei", True),
    ("Duke University", False),
    ("Ministry of Commerce", False),
    ("Japan", False),
    ("Reuters News", False),
])
def test_an_organisation_or_a_place_is_not_a_persons_name(name, person):
    assert is_person_name(name) is person


# --- through has_answer_kind: a sentence gives the asked value, or only something of its kind -------------------------


def _typed(question: str, sentence: str) -> bool:
    from rag.types import Chunk
    from rag.writers.answer_kind import answer_type, has_answer_kind
    from rag.writers.base import EvidencePassage
    from rag.writers.candidates import candidates
    from rag.writers.key_terms import stems
    from rag.writers.sentence_cues import WANTS_NAME

    chunk = Chunk("c1", "d1", sentence, 0, len(sentence), 0)
    cands, _ = candidates([EvidencePassage("S1", chunk, 1.0)])
    assert cands, sentence
    return has_answer_kind(answer_type(question), cands[0], stems(question), places_ok=False,
                           names_ok=bool(WANTS_NAME.search(question)), asked=asked_value(question))


@pytest.mark.parametrize("question, sentence, gives", [
    # how many: a number of something else is not the answer
    ("How many troops joined the drills around the island?",
     "The navy held drills in six zones around the island on Monday.", False),
    ("How many troops joined the drills around the island?",
     "Some 4,000 soldiers joined the drills around the island.", True),
    # on what date: a weekday is not a date
    ("On what date did the agency publish its audit?", "The agency published its audit on Thursday.", False),
    ("On what date did the agency publish its audit?", "The agency published its audit on June 3.", True),
    # which designer: an organisation is not a person
    ("Which designer made the gown worn at the gala?", "The gown was lent by Ripley's Museum for the gala.", False),
    ("Which designer made the gown worn at the gala?", "The gown was designed by Jean Louis for the gala.", True),
    # a reporting outlet is not what the story is about, unless the question asks who reported it
    ("Which battery makers did the agency reject?",
     "The rejection, reported on Monday by Nikkei Asia, surprised the battery makers.", False),
    ("Which outlet reported the rejection of the battery makers?",
     "The rejection, reported on Monday by Nikkei Asia, surprised the battery makers.", True),
    ("Which battery makers did the agency reject?",
     "The agency rejected Gotion and Hithium, two battery makers.", True),
    # a list of something else is not the list asked for
    ("Which items did the ministry restrict?",
     "Signals to watch include changes in rhetoric, port inspections and tariffs.", False),
    ("Which items did the ministry restrict?",
     "The ministry restricted drones, radars and night-vision goggles.", True),
])
def test_a_sentence_gives_the_asked_value_not_only_something_of_its_kind(question, sentence, gives):
    assert _typed(question, sentence) is gives


@pytest.mark.parametrize("name, sentence, source", [
    # a report noun with modifiers before "from / by / in": the outlet only attributes the report
    ("Taipei Times", "A separate report from Taipei Times the same day says two engineers were detained.", True),
    ("Reuters", "A new report by Reuters said the smelter closed in May.", True),
    ("Financial Times", "An exclusive story in the Financial Times named the lender.", True),
    # the outlet's name qualifying the report noun
    ("Kyodo News", "An earlier Kyodo News report said the plant shut.", True),
    ("Bloomberg", "According to a Bloomberg report, the firm cut 300 jobs.", True),
    ("Yonhap", "Yonhap news agency reported that the talks had stalled.", True),
    # a name the report is about, next to the word "report", is not its source
    ("Gotion", "The agency rejected Gotion, a report said.", False),
    ("Gotion", "A report from the agency named Gotion as the supplier.", False),
    ("Hithium", "The Hithium plant was closed, according to the audit.", False),
])
def test_a_name_that_only_attributes_a_report_is_the_source(name, sentence, source):
    assert only_source(name, sentence) is source


@pytest.mark.parametrize("question, sentence", [
    ("Which Chinese battery makers did the regulator reject?",
     "In parallel, a separate report from Harbour Daily says battery makers face new checks."),
    ("Exactly which engineers are held over the smuggling case?",
     "A new report by Coastal Wire says engineers are held over the smuggling case."),
    ("Which suppliers did the ministry blacklist?",
     "An earlier Tidewater Post report said the ministry blacklisted suppliers."),
])
def test_an_outlet_that_reports_the_story_does_not_answer_which_names(question, sentence):
    assert _typed(question, sentence) is False


@pytest.mark.parametrize("question, sentence, gives", [
    # a list of what the things are used in is not a list of the things asked for
    ("Which specific alloys were shipped to the smelter?",
     "Officials said the alloys are strategic metals that could be used in jet engines, turbines and missiles.", False),
    ("Which chemicals did the ministry ban?",
     "The ministry said the chemicals could be used in paint, glue and ink.", False),
    ("What items were seized at the port?",
     "The seized items were components used for drones, radars and guidance kits.", False),
    # ... unless the question asks what they are used for, or the list is of the things themselves
    ("What are the banned chemicals used for?",
     "The ministry said the chemicals could be used in paint, glue and ink.", True),
    ("What items were seized at the port?",
     "Customs seized drones, radar parts and lenses used in guidance kits.", True),
])
def test_a_list_answers_only_when_it_lists_what_is_asked(question, sentence, gives):
    assert _typed(question, sentence) is gives


@pytest.mark.parametrize("question, sentence, gives", [
    # a bare "who" is answered by the people who did what it asks, named or described
    ("Who is being held in Lorvia over the customs fraud case?",
     "A separate report from Harbour Daily says two customs officers are being held in Lorvia over the fraud case.",
     True),
    ("Who was arrested after the protest in the capital?",
     "Police said 40 students were arrested after the protest in the capital.", True),
    ("Who was evacuated from the flooded valley?",
     "Residents and tourists were evacuated from the flooded valley on Monday.", True),
    # ... not by people doing something else, nor when a name of a class is asked for
    ("Who was arrested after the protest in the capital?",
     "Officials said the protest in the capital was peaceful.", False),
    ("Which singer was arrested after the show?", "Two fans were arrested after the show.", False),
    ("What is the name of the man arrested after the show?", "Two fans were arrested after the show.", False),
])
def test_who_is_answered_by_the_people_who_did_it(question, sentence, gives):
    assert _typed(question, sentence) is gives


@pytest.mark.parametrize("question, sentence, gives", [
    # "who said ...?" is answered by the speaker, not by a name the statement is about
    ("Who said that at the briefing?",
     "Veltia said it would not lift its curbs, a day after President Oren Kalm urged talks.", False),
    ("Who said that at the briefing?",
     "“The curbs are not up for negotiation,” Trade Minister Ilse Marrow told the briefing.", True),
    ("Who said the treaty was a mistake?",
     "Dag Arnesen, the former premier, said the treaty was a mistake from the start.", True),
    ("Who said the treaty was a mistake?",
     "The treaty was a mistake, said Dag Arnesen at a dinner in Tromvik.", True),
    ("Who said the treaty was a mistake?",
     "The treaty signed by Dag Arnesen was a mistake, officials believe.", False),
])
def test_who_said_is_answered_by_the_speaker(question, sentence, gives):
    assert _typed(question, sentence) is gives


@pytest.mark.parametrize("question, speaker", [
    ("Who said that at a news conference?", True),
    ("And who told reporters so?", True),
    ("Which former prime minister said this week that the deal stays?", False),  # the class noun constrains it
    ("Which news agency reported that the talks stalled?", False),
    ("Who did the minister claim to wink at?", False),  # the answer is whom the claim is about
    ("Who was arrested after the protest?", False),
])
def test_which_questions_ask_for_the_speaker(question, speaker):
    assert asked_value(question).speaker is speaker


@pytest.mark.parametrize("text, listed", [
    ("Prices rose in Seoul, pushing rents and wages higher.", False),
    ("Demand may shift to other suppliers, affecting cell makers and integrators.", False),
    ("The club offers swimming, cycling and running.", True),
    ("Emerging technologies include artificial intelligence and quantum computing, while others lag.", True),
])
def test_a_participle_clause_is_not_a_list_and_two_items_after_include_are(text, listed):
    from rag.writers.answer_kind import is_enumeration

    assert is_enumeration(text) is listed


@pytest.mark.parametrize("question", [
    "What is the scientist's name?",
    "And what was his name?",
    "What is the pilot's full name?",
])
def test_a_question_for_someones_name_asks_for_a_name(question):
    from rag.writers.answer_kind import answer_type

    assert answer_type(question) == "name"
