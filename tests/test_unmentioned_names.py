"""A question about a story the corpus does not hold abstains (issue 10, answers): "What did TSMC announce about
expanding its Kumamoto fab in Japan?" was answered with a 2020 essay's "Japanese manufacturers supplying components to
TSMC will be affected accordingly", which shares the question's company and nothing of its story. A name the
question gives that no evidence passage mentions (``rag.writers.unmentioned``) makes the answer abstain and say which
name is missing, for every writer. Cases of the kind written for this test (companies, places, people, products).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from rag.writers.unmentioned import question_names, unmentioned_names


@pytest.mark.parametrize("question, names", [
    ("What did TSMC announce about expanding its Kumamoto fab in Japan?", ["TSMC", "Kumamoto"]),
    ("What did Beijing say about the Nexperia dispute?", ["Nexperia"]),
    ("Why did Rapidus delay its Hokkaido line?", ["Rapidus", "Hokkaido"]),
    ("Who did Dominic Raab claim to wink at?", ["Dominic Raab"]),  # adjacent capitalised words are one name
    ("How much did the James Webb Telescope cost?", ["James Webb"]),
    ("How many drones did Anduril sell to Taiwan?", ["Anduril"]),
])
def test_a_questions_names_are_its_distinctive_capitalised_words(question, names):
    assert question_names(question) == names


@pytest.mark.parametrize("question", [
    "Which Chinese companies did the US add to the Entity List?",  # places, a people's adjective, dictionary words
    "A volcano erupted on which Japanese island on Sunday?",  # a demonym and a weekday
    "What did the Trump administration ban in March?",  # "Trump" is a dictionary word; a month
    "Did Japan restrict exports to South Korea?",
    "Who won the prize for the best British or Irish album?",  # nationality adjectives the place list lacks
    "Which Vietnamese and Burmese firms did Thailand sanction?",
])
def test_places_days_and_dictionary_words_are_no_such_names(question):
    assert question_names(question) == []


#: words that say whose, where, when or which office, not which one: a people, a part of the world or its people
#: (``rag.text.world_places``), a month or its abbreviation, a title before a name. A source answering the
#: question need not repeat them: a report of Hong Kong's free tickets never says "Asian".
@pytest.mark.parametrize("question", [
    "Which Asian destination is giving away 500,000 free airline tickets?",
    "Which technology company could be forced to pay millions of Britons compensation?",
    "Which European and African leaders met in Brussels?",
    "What did Qatari officials say about the stadium workers?",
    "How many Pakistanis were evacuated from the war zone?",
    "Which Icelandic volcano erupted again?",
    "Which Latin American country elected a leftist president?",
    "Which Norwegian and Finnish firms left Russia?",
    "What happened to exports in December?",
    "Which chip curbs took effect on Dec. 1?",
    "What did Moroccan fans celebrate?",
])
def test_countries_peoples_regions_and_months_are_no_such_names(question):
    assert question_names(question) == []


@pytest.mark.parametrize("question, names", [
    ("Which office did Sri Lankan president Gotabaya Rajapaksa flee?", ["Gotabaya Rajapaksa"]),
    ("Why did Gov. Gavin Newsom veto the bill?", ["Gavin Newsom"]),
    ("What did CEO Zuckerberg say about the Metaverse?", ["Zuckerberg", "Metaverse"]),
    ("Which Qatari fund bought a stake in Rapidus?", ["Rapidus"]),
    ("What did Sen. Warnock say in December?", ["Warnock"]),
    # a country the curated places lack says which one: a name (Japan and South Korea are the corpus's setting)
    ("What was the name of the volcano that erupted in Iceland?", ["Iceland"]),
    ("Did Puerto Rico lose power after the hurricane?", ["Puerto Rico"]),
    ("What did Papua New Guinea sign with Australia?", ["Papua New Guinea"]),
    ("Why did Sweden and Finland apply to join the alliance?", ["Sweden", "Finland"]),
    ("Did Japan restrict exports to South Korea and Qatar?", ["Qatar"]),
    ("What share of Northern Ireland residents are Catholic?", []),  # a curated place, though Ireland is a country
    ("What are the names of the National Thanksgiving Turkey and its alternate?", []),  # "Turkey" the word
])
def test_a_name_beside_a_country_title_or_month_is_still_a_name(question, names):
    assert question_names(question) == names


@pytest.mark.parametrize("question, texts, missing", [
    ("What did TSMC announce about its Kumamoto fab?", ["Taiwan Semiconductor Manufacturing Co. will build a fab."],
     ["Kumamoto"]),  # the acronym is spelled out; the city is not there
    ("What did TSMC announce about its Kumamoto fab?", ["TSMC's plant in Kumamoto will expand."], []),
    ("Which SMIC tools were seized?", ["Semiconductor Manufacturing International Corp. said tools were seized."], []),
    ("Mo Farah was trafficked from which African country?", ["Farah was brought from Djibouti in east Africa."], []),
    ("What did Beijing say about the Nexperia dispute?", ["Beijing criticised the Dutch move."], ["Nexperia"]),
    ("What did Beijing say about Nexperia's chips?", ["NEXPERIA chips stopped shipping."], []),
    ("Which firm did Hosokawa's essay name?", ["The essay by Hosokawa names Toshiba."], []),
    ("How much did the James Webb Telescope cost?", ["The Webb telescope cost $10 billion."], []),  # one word of it
    ("Who did Dominic Raab wink at?", ["The deputy prime minister winked."], ["Dominic Raab"]),
    ("Which LGBTQ+ group criticised the deal?", ["The LGBT+ supporters group criticised the deal."], []),  # a variant
    ("How many COVID cases were reported?", ["COVID-19 cases rose to 300."], []),
    # a country is mentioned by any of its forms: its people's word, its other spellings
    ("What did Qatar pay the workers?", ["Qatari officials paid $20 million."], []),
    ("Which volcano erupted in Iceland?", ["Icelandic authorities closed roads near Grindavik."], []),
    ("How many Britons did Burma free?", ["Myanmar released 3 prisoners."], []),
    ("Which volcano erupted in Iceland?", ["A volcano erupted near Grindavik on Monday."], ["Iceland"]),
    ("Did Puerto Rico lose power?", ["Power failed across the island."], ["Puerto Rico"]),
    ("Did Puerto Rico lose power?", ["Puerto Rican officials said power failed."], []),
])
def test_a_name_is_mentioned_by_its_stem_or_an_acronym_by_its_initials(question, texts, missing):
    assert unmentioned_names(question, texts) == missing


ARTICLES = [
    ("01_tsmc.md", "2026-03-02", "TSMC weighs pressure over US chip plants",
     "TSMC has found itself in the middle of the technology standoff between the United States and China. Japanese "
     "manufacturers supplying components to TSMC will be affected accordingly."),
    ("02_rapidus.md", "2026-03-03", "Rapidus starts pilot line in Hokkaido",
     "Rapidus started a pilot line for 2-nanometre chips at its Hokkaido plant on Tuesday, the company said."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("unmentioned"), ARTICLES)


def test_a_question_naming_what_no_source_mentions_abstains_and_names_it(engine):
    brief = engine.write("What did TSMC announce about expanding its Kumamoto fab in Japan?", template="answer")
    assert brief.abstained
    assert "None of the passages found mentions “Kumamoto”." in brief.message
    assert any("no passage mentions Kumamoto" in n for n in brief.provenance.notes)


def test_a_question_whose_names_the_sources_hold_is_answered(engine):
    brief = engine.write("What did Rapidus start at its Hokkaido plant?", template="answer")
    assert not brief.abstained, brief.message
    assert "pilot line" in " ".join(c.text for s in brief.sections for c in s.claims)


def test_a_peoples_or_regions_word_no_source_repeats_does_not_stop_the_answer(engine):
    brief = engine.write("What did the Asian chipmaker Rapidus start at its Hokkaido plant?", template="answer")
    assert not brief.abstained, brief.message
    assert "pilot line" in " ".join(c.text for s in brief.sections for c in s.claims)
