"""A topic's actors, read as a reader would (issue 10: on-topic evidence), specified on inputs written for the tests.

Kinds: designations with digits kept whole ("Long March 5B", "Type 055"), acronyms with digits ("G20", "F-35",
"COVID-19"), model names ("Boeing 737 MAX", "Galaxy S23"), month and weekday words inside names ("Long March",
"Black Friday") against dates ("March 2022"), ordinary words inside names ("White House", "Prime Minister"), a
first word written in capitals ("NATO", "BTS"), and lower-case head nouns the evidence's titles and ledes use as the
story's subject ("yuan", "pound", "inflation"), never a word that stands after the verb ("dollar").
"""

from __future__ import annotations

import pytest

from rag.writers.actor_names import is_designation, mentions, names_actor, read_topic, subject_uses


def named(topic: str, text: str, evidence: list[str] | None = None, openings: list[str] | None = None) -> list[bool]:
    """For each actor of ``topic`` (read against ``evidence``), whether ``text`` names it."""
    actors = read_topic(topic, evidence if evidence is not None else [text], openings or []).all
    found = mentions(text)
    return [names_actor(a, found) for a in actors]


def names_the(topic: str, key: str, text: str, evidence: list[str]) -> bool:
    """Whether ``text`` names the actor of ``topic`` one of whose names contains ``key``."""
    actor = next(a for a in read_topic(topic, evidence).all if any(key in n for n in a))
    return names_actor(actor, mentions(text))


# --- designations and acronyms with digits are one name, kept whole -------------------------------------------------

@pytest.mark.parametrize("word,expected", [
    ("5B", True), ("G20", True), ("F-35", True), ("H5N1", True), ("COVID-19", True), ("MQ-9B", True), ("S23", True),
    ("737", False), ("2022", False), ("7.4-magnitude", False), ("14-year", False), ("Long", False),
])
def test_a_designation_has_a_digit_and_a_capital_letter(word, expected):
    assert is_designation(word) is expected


@pytest.mark.parametrize("topic,designation", [
    ("Uncontrolled re-entry of a Chinese Long March 5B rocket", "5b"),
    ("Biden and Xi's meeting at the G20 in Bali", "g20"),
    ("Japan buys more F-35 fighters", "f35"),
    ("An H5N1 outbreak on Hokkaido farms", "h5n1"),
    ("Ukraine receives MQ-9B drones", "mq9b"),
])
def test_a_designation_is_kept_whole_not_split_into_a_letter(topic, designation):
    actors = read_topic(topic).all
    assert any(designation in a for a in actors), actors
    # never a lone letter or number as a name: "G20" is not {g}, "5B" is not {b}
    assert not any(a & {"g", "b", "f", "h", "mq", "5", "20", "35"} for a in actors), actors


@pytest.mark.parametrize("topic,key,text,expected", [
    ("Biden and Xi's meeting at the G20 in Bali", "g20", "Leaders gathered for the G-20 summit on Tuesday.", True),
    ("Biden and Xi's meeting at the G20 in Bali", "g20", "The G7 met in Germany in June.", False),
    ("Japan buys more F-35 fighters", "f35", "Tokyo ordered 42 F35 jets.", True),
    ("Japan buys more F-35 fighters", "f35", "The F-15 fleet is ageing.", False),
    ("North Korea's COVID-19 outbreak", "covid", "Pyongyang reported its first Covid cases.", True),
    ("North Korea's COVID-19 outbreak", "covid", "Pyongyang reported its first cases of fever.", False),
])
def test_a_designation_names_its_actor_in_any_spelling_and_no_other_designation_does(topic, key, text, expected):
    assert names_the(topic, key, text, []) is expected


# --- model names and numbers that continue a name ----------------------------------------------------------------

@pytest.mark.parametrize("topic,text,expected", [
    ("Boeing 737 MAX groundings in China", "The 737 MAX returned to service in China.", True),
    ("Boeing 737 MAX groundings in China", "Boeing delivered jets to China.", True),
    ("Boeing 737 MAX groundings in China", "China's max tariff was raised and 737 workers struck.", False),
    ("Samsung Galaxy S23 sales in South Korea", "The S23 sold well in South Korea.", True),
    ("Samsung Galaxy S23 sales in South Korea", "A galaxy of stars in South Korea.", False),
])
def test_a_number_in_a_model_name_names_it_only_with_the_rest_of_the_name(topic, text, expected):
    evidence = ["Its max speed is high, a galaxy far away.", "Jets made by Boeing, phones by Samsung."]
    assert names_the(topic, "737" if "737" in topic else "s23", text, evidence) is expected


# --- a month or weekday inside a name, and a date ------------------------------------------------------------------

@pytest.mark.parametrize("topic,text,expected", [
    ("Uncontrolled re-entry of a Chinese Long March 5B rocket", "The Long March 5B fell into the Indian Ocean.", True),
    ("Uncontrolled re-entry of a Chinese Long March 5B rocket", "A Long March rocket lifted off from Wenchang.", True),
    ("Uncontrolled re-entry of a Chinese Long March 5B rocket", "China fired long-range missiles in March.", False),
    ("Uncontrolled re-entry of a Chinese Long March 5B rocket", "The long march to democracy took years.", False),
    ("Black Friday sales in Japan", "Black Friday crowds filled Tokyo stores.", True),
    ("Black Friday sales in Japan", "Japan's stocks fell on Friday.", False),
])
def test_a_month_or_weekday_inside_a_name_is_part_of_the_name_and_never_names_it_alone(topic, text, expected):
    evidence = ["China fired long-range missiles in March.", "A black car left on Friday, before Black Friday."]
    assert names_the(topic, "march" if "March" in topic else "friday", text, evidence) is expected


@pytest.mark.parametrize("topic", [
    "Biden's March 2022 call with Xi Jinping", "Japan's July 2022 upper house election", "The March 2022 earthquake off Fukushima",
    "Xi visits Moscow in March", "Kishida meets Yoon on Monday",
])
def test_a_month_or_weekday_that_starts_a_run_or_precedes_a_year_is_a_date_not_an_actor(topic):
    actors = read_topic(topic, ["Said Biden and Xi.", "Said Kishida and Yoon."]).all
    assert not any(a & {"march", "juli", "july", "monday"} or any(n.startswith(("march ", "juli ")) for n in a)
                   for a in actors), actors


# --- ordinary words inside names ---------------------------------------------------------------------------------

@pytest.mark.parametrize("topic,key,text,expected", [
    ("White House talks on Taiwan arms", "white", "The White House said arms sales would go ahead.", True),
    ("White House talks on Taiwan arms", "white", "A white flag flew over the house.", False),
    ("Prime Minister Fumio Kishida visits Kyiv", "kishida", "Kishida arrived on Tuesday.", True),
    ("Prime Minister Fumio Kishida visits Kyiv", "kishida", "The prime minister of Italy arrived.", False),
    ("Squid Game's wins at the Emmy Awards", "squid", "The Squid Game cast celebrated.", True),
    ("Squid Game's wins at the Emmy Awards", "squid", "The game ended in a draw.", False),
    ("Squid Game's wins at the Emmy Awards", "emmi", "Lee won an Emmy for best actor.", True),
    ("Squid Game's wins at the Emmy Awards", "emmi", "The awards ceremony was delayed.", False),
])
def test_a_word_the_evidence_writes_in_lower_case_names_the_actor_only_inside_the_name(topic, key, text, expected):
    evidence = ["A white flag flew over the house.", "The prime minister of Italy spoke.", "The game ended in a draw.",
                "The awards ceremony was delayed, said Squid Game fans and the White House."]
    assert names_the(topic, key, text, evidence) is expected


# --- the first word as written, possessives ----------------------------------------------------------------------

@pytest.mark.parametrize("topic,word", [
    ("NATO invites Finland and Sweden to join", "nato"), ("BTS members' military service", "bts"),
    ("IAEA inspectors at Zaporizhzhia", "iaea"), ("Samsung profit falls", "samsung"),
])
def test_a_first_word_counts_when_the_evidence_writes_it_as_the_topic_does_inside_a_sentence(topic, word):
    evidence = ["Finland applied to join NATO, as BTS fans watched.", "Inspectors of the IAEA arrived.", "Shares of Samsung fell."]
    assert any(word in a for a in read_topic(topic, evidence).all)
    assert not any(word in a for a in read_topic(topic, ["Nothing names it here."]).all)


def test_a_possessive_ends_a_name():
    actors = read_topic("Covid curbs at Foxconn's Zhengzhou iPhone plant", ["Workers left, said Covid officials."]).all
    assert frozenset({"foxconn"}) in actors
    assert any("zhengzhou" in a for a in actors) and not any("foxconn" in a and "zhengzhou" in a for a in actors)


# --- a lower-case head noun: the story's subject in the evidence's titles and ledes -------------------------------

YUAN_OPENINGS = ["China's yuan hovers near record lows against the dollar despite warning",
                 "The yuan weakened past 7.2 per dollar on Wednesday, its lowest level since 2008.",
                 "Yuan to US dollar: China's currency still dropping after worst month"]
POUND_OPENINGS = ["British pound plummets to record low against the dollar",
                  "The British pound crashed to a record low against the US dollar on Monday."]


@pytest.mark.parametrize("openings,word", [
    (YUAN_OPENINGS, "yuan"), (POUND_OPENINGS, "pound"),
    (["Japan's core inflation hits a 40-year high", "Inflation in Japan rose to 3.6% in October."], "inflat"),
    (["Sakurajima volcano erupts, prompting evacuations", "A volcano in southern Japan erupted on Sunday."], "volcano"),
    (["Chinese rocket falls into the Indian Ocean", "The rocket's core stage re-entered on Saturday."], "rocket"),
])
def test_a_lower_case_word_the_titles_and_ledes_use_as_their_subject_is_the_head(openings, word):
    topics = {"yuan": "The fall of China's yuan against the dollar", "pound": "The British pound's crash to a record low",
              "inflat": "Japan's inflation in 2022", "volcano": "Eruption of Japan's Sakurajima volcano",
              "rocket": "Uncontrolled re-entry of a Chinese rocket"}
    assert word in read_topic(topics[word], [], openings).head


@pytest.mark.parametrize("opening,word", [
    ("Pound crashes to record low against dollar", "dollar"),  # after a preposition
    ("North Korea fires missile over Japan", "missil"),  # after the verb: the object
    ("Former Prime Minister Abe shot in Nara", "former"),  # a modifier of the subject, not its noun
    ("Tonga volcano eruption: what we know", "volcano"),  # a modifier: "eruption" is the noun
    ("5 things to know for September 26: Hurricane Ian, the pound", "pound"),  # a roundup's list
])
def test_a_word_after_the_verb_or_a_preposition_or_modifying_the_subject_is_not_the_subject(opening, word):
    assert subject_uses([opening], {word})[word] == 0


def test_the_head_is_read_from_the_evidence_and_one_use_is_not_yet_the_storys_subject():
    topic = "The fall of China's yuan against the dollar"
    assert read_topic(topic, [], YUAN_OPENINGS[:1]).head == frozenset()  # one headline is not the evidence
    assert read_topic(topic, [], []).head == frozenset()  # no evidence, no head
    # the dollar is the subject once, the yuan three times: only the yuan is the story's subject
    assert read_topic(topic, [], [*YUAN_OPENINGS, "The dollar surged after the Fed's hike."]).head == frozenset({"yuan"})


def test_a_report_that_names_the_topics_place_but_not_its_subject_does_not_name_all_its_actors():
    topic = "The fall of China's yuan against the dollar"
    evidence = ["Traders in China watched the dollar.", *YUAN_OPENINGS]
    pound_report = "The British pound crashed against the dollar as China reopened."
    yuan_report = "The yuan fell to 7.2 per dollar as China's central bank warned traders."
    assert named(topic, pound_report, evidence, YUAN_OPENINGS) == [True, False]
    assert named(topic, yuan_report, evidence, YUAN_OPENINGS) == [True, True]
