"""A claim's names are read in the forms its passage writes them (rag/support/name_readings.py), and a name the
passage does not give stays a name it does not give (h/checker-s64; issue 9, a new user's F12).

Specs of four kinds, each written as new news-like pairs beyond the rows that showed them:
* a person named in full in the passage and by surname in the sentence that supports the claim is the same person
  ("Derek Hallam pleaded guilty" over "Derek Hallam, 52, ... Hallam pleaded guilty"); a different first name, or
  a surname the passage gives two people, is not read so;
* a body's acronym and its expansion are one name ("METI" / "the Ministry of Economy, Trade and Industry" with no
  "(METI)" in the passage; ``data/name_twins.toml``), both ways, and a sentence's "the ministry" stands for the
  ministry the passage named before it; another body stays another body;
* a sentence's first word that the lemma tables read as a verb is a given name before a surname ("Peter Hallam",
  "Sue Grant") or a place's adjective ("Welsh striker ..."), so the entity checks hold it to the passage;
* an added participle describing a person ("the newly elected mayor") is an added detail (``added_details``).
"""

import pytest

from rag.support.fact_checks import fact_checks
from rag.support.facts import extract_facts, index_text
from rag.support.name_readings import passage_reading, surname_reading, twin_reading


def entity_reasons(claim: str, passage: str) -> list[str]:
    full = index_text(passage)
    reasons, _ = fact_checks(claim, extract_facts(claim, claim=True), full, full)
    return [r for r in reasons if r.startswith("entity")]


FULL_THEN_SURNAME = [
    ("Derek Hallam pleaded guilty to fraud.",
     "Derek Hallam, 52, of Leeds, appeared at the crown court on Monday. Hallam pleaded guilty to fraud."),
    ("Aiko Tanaka resigned as chief executive on Friday.",
     "The board met in Osaka after Aiko Tanaka's restructuring plan was rejected. On Friday, Tanaka resigned as "
     "chief executive."),
    ("Marta Silva won the race in Lisbon by two seconds.",
     "Marta Silva had trained in Kenya for three months. Silva won the race in Lisbon by two seconds."),
    ("Park Ji-hoon was sentenced to two years in prison.",
     "Prosecutors charged Park Ji-hoon, a former Samsung engineer, with leaking chip designs. Park was sentenced to "
     "two years in prison."),
    ("Olumide Bakare was elected governor with 61% of the vote.",
     "Olumide Bakare, a former banker, ran on a promise to fix the roads. Bakare was elected governor with 61% of "
     "the vote."),
]


@pytest.mark.parametrize("claim, passage", FULL_THEN_SURNAME)
def test_a_full_name_is_the_surname_the_passage_uses_after_it(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert res.supported, res.reasons


OTHER_FIRST_NAMES = [
    ("Peter Hallam pleaded guilty to fraud.", FULL_THEN_SURNAME[0][1]),
    ("Rosa Tanaka resigned as chief executive on Friday.", FULL_THEN_SURNAME[1][1]),
    ("Ana Silva won the race in Lisbon by two seconds.", FULL_THEN_SURNAME[2][1]),
    ("Park Min-jun was sentenced to two years in prison.", FULL_THEN_SURNAME[3][1]),
    ("Sue Bakare was elected governor with 61% of the vote.", FULL_THEN_SURNAME[4][1]),
]


@pytest.mark.parametrize("claim, passage", OTHER_FIRST_NAMES)
def test_another_first_name_stays_a_name_the_passage_does_not_give(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert not res.supported
    assert any("entity" in r or "added" in r for r in res.reasons), res.reasons


def test_a_surname_the_passage_gives_two_people_is_not_read():
    passage = "Venus Williams and Serena Williams reached the doubles semi-final. Williams won the singles final."
    claim = "Serena Williams won the singles final."
    assert surname_reading(claim, passage) == claim


def test_a_first_name_the_passage_never_gives_is_kept():
    # the checker's reading needs the full name in the passage; the answer writer reads this case its own way
    claim = "Derek Hallam pleaded guilty to fraud."
    assert surname_reading(claim, "Hallam pleaded guilty to fraud at Leeds Crown Court.") == claim


def test_places_and_dates_are_no_person():
    passage = "New York officials met on Monday. York was quiet. In South Korea, Korea's exports fell."
    for claim in ("New York officials met on Monday.", "South Korea's exports fell."):
        assert surname_reading(claim, passage) == claim


TWINS = [
    ("METI said exports of chipmaking equipment rose in May.",
     "The Ministry of Economy, Trade and Industry said exports of chipmaking equipment rose in May."),
    ("MOFCOM added 12 companies to its unreliable entity list.",
     "China's Ministry of Commerce added 12 companies to its unreliable entity list on Thursday."),
    ("The BOJ kept interest rates unchanged on Thursday.",
     "The Bank of Japan kept interest rates unchanged on Thursday, defying market pressure."),
    ("MOTIE announced subsidies for chip packaging plants.",
     "The Ministry of Trade, Industry and Energy announced subsidies for chip packaging plants in Gyeonggi."),
    ("The Federal Reserve raised rates by 75 basis points.",
     "The Fed raised rates by 75 basis points for the third time in a row."),
    ("The European Central Bank held its deposit rate at 4%.",
     "The ECB held its deposit rate at 4% as inflation eased."),
    ("The FBI arrested two men in Ohio.",
     "Agents of the Federal Bureau of Investigation arrested two men in Ohio on Tuesday."),
]


@pytest.mark.parametrize("claim, passage", TWINS)
def test_an_acronym_and_its_expansion_are_one_name(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert res.supported, res.reasons


OTHER_BODIES = [
    ("METI said exports of chipmaking equipment rose in May.",
     "The Ministry of Finance said exports of chipmaking equipment rose in May."),
    ("The BOJ kept interest rates unchanged on Thursday.",
     "The Bank of Korea kept interest rates unchanged on Thursday, defying market pressure."),
    ("The ECB held its deposit rate at 4%.", "The Bank of England held its deposit rate at 4% as inflation eased."),
]


@pytest.mark.parametrize("claim, passage", OTHER_BODIES)
def test_another_bodys_acronym_stays_another_body(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert not res.supported


def test_twin_reading_puts_the_passage_form_and_keeps_a_form_the_passage_uses():
    assert twin_reading("METI said so.", "The Ministry of Economy, Trade and Industry said so.") == \
        "Ministry of Economy, Trade and Industry said so."
    assert twin_reading("The Bank of Japan acted.", "The BOJ acted.") == "The BOJ acted."
    passage = "The Bank of Japan (BOJ) acted."
    assert twin_reading("The BOJ acted.", passage) == "The BOJ acted."
    assert twin_reading("Fed up, voters left.", "Voters left.") == "Fed up, voters left."


THE_MINISTRY = [
    ("MOFCOM said exports fell 6% in October.",
     "China's Ministry of Commerce published trade figures on Monday. The ministry said exports fell 6% in October."),
    ("The Ministry of Commerce said exports fell 6% in October.",
     "China's Ministry of Commerce published trade figures on Monday. The ministry said exports fell 6% in October."),
    ("METI will review the export rules next year.",
     "Japan's Ministry of Economy, Trade and Industry drafted the export rules in 2022. The ministry will review the "
     "export rules next year."),
]


@pytest.mark.parametrize("claim, passage", THE_MINISTRY)
def test_the_ministry_stands_for_the_ministry_named_before(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert res.supported, res.reasons


def test_the_ministry_is_not_another_ministry(checker):
    passage = THE_MINISTRY[0][1]
    res = checker.check("The Ministry of Finance said exports fell 6% in October.", [passage])
    assert not res.supported


FIRST_WORDS = [
    ("Peter Hallam pleaded guilty to fraud.", "Derek Hallam pleaded guilty to fraud."),
    ("Sue Grant won the seat by 400 votes.", "Anne Grant won the seat by 400 votes."),
    ("Rob Evans was named captain for the tour.", "Tom Evans was named captain for the tour."),
    ("Welsh striker Kieffer Moore scored twice.", "Kieffer Moore scored twice as Cardiff beat Swansea."),
]


@pytest.mark.parametrize("claim, passage", FIRST_WORDS)
def test_a_first_word_read_as_a_verb_is_a_name_before_a_name(claim, passage):
    assert entity_reasons(claim, passage)


@pytest.mark.parametrize("claim, passage", [
    ("Strong Apple sales lifted the index.", "Strong sales at Apple lifted the index."),
    ("Rising Chinese demand lifted copper prices.", "Rising demand from China lifted copper prices."),
])
def test_a_common_first_word_stays_common(claim, passage):
    assert entity_reasons(claim, passage) == []


ADDED_PARTICIPLES = [
    ("The newly elected mayor has announced a review of bus fares.",
     "The mayor has announced a review of bus fares. The review will report in the spring."),
    ("The recently appointed coach said the team was ready for the final.",
     "The coach said the team was ready for the final. The squad flew out on Sunday."),
    ("The newly appointed governor promised to cut fuel prices.",
     "The governor promised to cut fuel prices. Protests had spread to five cities."),
]


@pytest.mark.parametrize("claim, passage", ADDED_PARTICIPLES)
def test_an_added_participle_describing_a_person_is_an_added_detail(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert not res.supported


def test_passage_reading_reads_twins_then_surnames():
    passage = "The Bank of Japan's governor Kazuo Ueda spoke in Tokyo. Ueda said the Bank of Japan would wait."
    assert passage_reading("Kazuo Ueda said the BOJ would wait.", passage) == \
        "Ueda said the Bank of Japan would wait."
