"""A list question is answered by a source's bulleted list under a caption of its class or of a class containing it,
with the members of the asked class, credited as what the source lists (s44 fresh user, finding 1).

Seen: ``brief ask "List the Japanese companies affected by China's export restrictions"`` led with a 2020 essay's
forecast ("China is set to announce … China’s own entity list") and never gave the entity list of the sample brief
("6. Key Individuals and Entities": an official and six organisations). Why: a request ("List the …") named no class
(``answer_class.asked_class`` reads "which/what <class>"), and the list was looked for only when the answer's *first*
quote was a count ("20 Japanese Firms"). The kind, and what these tests specify:

* the class of a request ("List/Name/Give/Identify the <class> …") is read as a "which <class>" question's
  (``list_members.requested_class``), its act as a clause ("were affected by …", ``asked_act``);
* a caption answers when it names the class by any noun of its group ("Firms named" for companies) or a class
  containing it ("Key players", "Organisations involved", "Entities": ``own_lists.toml``); a caption of another kind
  ("Thematic Tags", "Countries involved") does not;
* the members are the items of the asked class: not the official of a list of entities, not a city;
* an answer whose first quote names no member (``names_member``) is not an answer by names: a count among its other
  quotes, or a question asking for the source's own list, sends the engine to the captioned list;
* honesty: a caption that does not state the asked act ("Key Individuals and Entities" for "affected by the
  restrictions") gives the list as the source's, with what none of the sources says; one that does, or a question
  asking what the source lists, quotes the members "<source> lists under “<caption>”: “A, B and C”".
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.pipeline import Engine
from rag.render import answer_with_sources
from rag.writers.answer_value import asked_value
from rag.writers.list_members import (asked_act, asks_people, captioned_names, list_class, list_items,
                                      names_member, requested_class)

LIST_REQUEST = "List the Japanese companies affected by China's export restrictions"
COMPANIES = {"compani"}


def _class(question: str) -> frozenset[str]:
    return list_class(question, asked_value(question).member)


def _names(text: str, question: str):
    """``captioned_names`` as the engine reads it for ``question``: its class, people's names for a class of people."""
    member = _class(question)
    return captioned_names(text, member, person=asked_value(question).person or asks_people(member))


# -- the class and the act a request asks for --------------------------------------------------------------------

@pytest.mark.parametrize("question, stems", [
    (LIST_REQUEST, {"japan", "compani"}),
    ("Name all firms that were sanctioned by the EU", {"firm"}),
    ("Identify the companies named in the brief.", {"compani"}),
    ("Please list the countries involved", {"countri"}),
    ("Give me the key players", set()),  # "players" is no class of named members the lists know
    ("List the materials Japan restricted", set()),  # materials: a class of things, not of named members
    ("Which companies were fined?", set()),  # not a request: a "which" question's class is ``AskedValue.member``
])
def test_a_list_request_names_the_class_it_asks_for(question, stems):
    assert requested_class(question) == frozenset(stems)


@pytest.mark.parametrize("question, act", [
    (LIST_REQUEST, "were affected by China's export restrictions"),
    ("Name all firms that were sanctioned by the EU", "were sanctioned by the EU"),
    ("Identify the companies named in the brief.", "were named in the brief"),
    ("Which Japanese companies did China restrict?", "China restricted"),  # as before: the question's own tense
])
def test_the_act_a_list_request_asks_reads_as_a_clause(question, act):
    assert asked_act(question, _class(question)) == act


# -- captions of the class, of a class containing it, of another class -------------------------------------------

ENTITIES = """6. Key Individuals and Entities

  • Japanese Deputy Chief Cabinet Secretary Sato Kei
  • Mitsubishi Heavy Industries
  • Kawasaki Heavy Industries
  • Subaru
  • ENEOS Corporation

7. Thematic Tags

  • national security threats
  • dual-use exports
"""

KEY_PLAYERS = """Key players
  - Trade Minister Ahn Duk-geun
  - Hanwha Aerospace
  - Doosan Enerbility
  - LS Cable
"""

ORGANISATIONS = """Organisations involved:
1. Tokyo Electron
2. Shin-Etsu Chemical
3. JSR Corporation
"""

FIRMS_NAMED = """Firms named

  • Hanwha Systems
  • SK Siltron
  • Busan
"""

KEY_PEOPLE = """Key people
  • Trade Minister Ahn Duk-geun
  • Economy Minister Akazawa Ryosei
  • Hanwha Aerospace
"""

INLINE = "Firms named: Hanwha, Doosan and LS Cable\n"

AFFECTED = """Affected companies:
  • Renesas Electronics
  • Murata Manufacturing
"""

TAGS = """Thematic Tags
  • export controls
  • semiconductors
  • supply chains
"""

COUNTRIES = """Countries involved:
  • Japan
  • South Korea
  • Taiwan
"""

PLACES = """Affected companies:
  • Osaka
  • Busan
  • Kaohsiung
"""

SENTENCES = """Key entities:
  • The ministry said it would publish the names of the firms next month after the appeal.
  • No company has commented on the restrictions, which take effect in April.
"""

ONE_ITEM = """Affected companies:
  • Renesas Electronics

The ministry gave no other names.
"""

PROSE = "The restrictions cover three firms: Renesas Electronics, Murata Manufacturing and Rohm.\n"


@pytest.mark.parametrize("question, text, caption, members", [
    # a class containing the asked one, a person among its items: the companies, not the official
    (LIST_REQUEST, ENTITIES, "Key Individuals and Entities",
     ("Mitsubishi Heavy Industries", "Kawasaki Heavy Industries", "Subaru", "ENEOS Corporation")),
    ("Which companies won the contracts?", KEY_PLAYERS, "Key players",
     ("Hanwha Aerospace", "Doosan Enerbility", "LS Cable")),
    # a numbered list under "Organisations involved"
    ("List the companies hit by the curbs", ORGANISATIONS, "Organisations involved",
     ("Tokyo Electron", "Shin-Etsu Chemical", "JSR Corporation")),
    # the class named by another noun of its group ("firms" for "companies"); a city among the items is no firm
    ("Which companies were chosen?", FIRMS_NAMED, "Firms named", ("Hanwha Systems", "SK Siltron")),
    ("Name the companies chosen as suppliers", INLINE, "Firms named", ("Hanwha", "Doosan", "LS Cable")),
    # the class itself
    ("Which firms were affected?", AFFECTED, "Affected companies", ("Renesas Electronics", "Murata Manufacturing")),
    # a class of people: the titled names, not the organisations
    ("List the officials involved", KEY_PEOPLE, "Key people", ("Trade Minister Ahn Duk-geun",
                                                               "Economy Minister Akazawa Ryosei")),
])
def test_a_caption_of_the_class_or_a_containing_class_gives_its_members(question, text, caption, members):
    found = _names(text, question)
    assert found, text
    assert found[0].caption == caption
    assert found[0].members == members
    assert "national security threats" not in found[0].items  # the next numbered section ends the list


@pytest.mark.parametrize("question, text", [
    ("List the companies affected", TAGS),  # a caption of another kind
    ("List the companies affected", COUNTRIES),  # a caption of another class
    ("List the companies affected", PLACES),  # the class's caption over places
    ("List the companies affected", SENTENCES),  # sentences, not names
    ("List the companies affected", ONE_ITEM),  # one item is no list
    ("List the companies affected", PROSE),  # a list in prose has no caption: ``list_items`` reads it
    ("Which officials were named?", ENTITIES),  # one official among companies: not half the list
    ("List the officials named", ENTITIES),  # a request for people's names, as "which officials?"
    ("List the materials Japan restricted", ENTITIES),  # no class of named members
])
def test_a_caption_of_another_kind_or_class_gives_no_members(question, text):
    assert _names(text, question) == []


INSTITUTIONS = """Organisations involved:

  • Japan Aerospace Exploration Agency
  • Mitsubishi Heavy Industries
  • Ministry of Economy, Trade and Industry
  • Tokyo Electron
  • Shin-Etsu Chemical
"""


@pytest.mark.parametrize("question, members", [
    # companies, firms: a public body or an institution listed beside them is none (s44's fresh user: JAXA was listed
    # as one of "the Japanese companies affected")
    ("List the companies involved", ("Mitsubishi Heavy Industries", "Tokyo Electron", "Shin-Etsu Chemical")),
    ("Which firms were named?", ("Mitsubishi Heavy Industries", "Tokyo Electron", "Shin-Etsu Chemical")),
    # entities: every organisation
    ("Which entities were named?", ("Japan Aerospace Exploration Agency", "Mitsubishi Heavy Industries",
                                    "Ministry of Economy, Trade and Industry", "Tokyo Electron", "Shin-Etsu Chemical")),
    # companies or entities, firms and organisations: both classes are asked, so every organisation (s48's fresh
    # analyst: "Which Japanese companies or entities are named …?" dropped JAXA)
    ("Which companies or entities were named?", ("Japan Aerospace Exploration Agency", "Mitsubishi Heavy Industries",
                                                 "Ministry of Economy, Trade and Industry", "Tokyo Electron",
                                                 "Shin-Etsu Chemical")),
    ("Which Japanese firms and entities were listed?", ("Japan Aerospace Exploration Agency",
                                                        "Mitsubishi Heavy Industries",
                                                        "Ministry of Economy, Trade and Industry", "Tokyo Electron",
                                                        "Shin-Etsu Chemical")),
    ("Which companies and firms were named?", ("Mitsubishi Heavy Industries", "Tokyo Electron", "Shin-Etsu Chemical")),
])
def test_companies_are_businesses_and_entities_are_any_organisation(question, members):
    found = _names(INSTITUTIONS, question)
    assert found and found[0].members == members, found


def test_a_list_in_prose_is_read_as_a_sentence_s_list():
    found = list_items(PROSE.strip())
    assert found is not None and found.items == ("Renesas Electronics", "Murata Manufacturing", "Rohm")


# -- whether the answer already names a member --------------------------------------------------------------------

@pytest.mark.parametrize("question, quote, names", [
    (LIST_REQUEST, "China is set to announce competitive systems and regulations in rapid succession, such as export "
                   "control regulations and China’s own entity list.", False),
    (LIST_REQUEST, "Japanese business leaders must realize that they should stay extra careful when doing business "
                   "with companies on the Entity List.", False),
    ("Which companies did the US sanction?", "The US sanctioned Huawei on Friday.", True),
    ("Which firms were fined?", "Regulators fined Renesas Electronics and two smaller suppliers.", True),
    ("Which firms were fined?", "Regulators in Tokyo fined three firms.", False),  # a place is no member
])
def test_an_answer_names_a_member_when_a_name_of_the_class_stands_in_its_quote(question, quote, names):
    assert names_member(quote, question, _class(question)) is names


# -- end to end: the sample corpus and articles written for this test ---------------------------------------------

@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_a_list_request_over_the_sample_brief_gives_its_key_entities_as_the_source_s(sample_engine):
    # before: the 2020 essay's forecast led and the entity list was never given
    brief = sample_engine.write(LIST_REQUEST, template="answer")
    shown = answer_with_sources(brief)
    assert brief.abstained, shown  # the sources name no affected company: the list is the source's, not the answer
    assert "Hosokawa" not in shown.split("\n\n")[0], shown
    assert ("WorldWideWatchers (AI-generated brief, 2026) lists Mitsubishi Heavy Industries, Kawasaki Heavy "
            "Industries, Subaru, ENEOS Corporation and Mitsubishi Materials "
            "Corporation under “Key Individuals and Entities” [1]") in shown, shown
    assert "Japan Aerospace Exploration Agency" not in shown.split("\n\n")[0], shown  # a public body, no company
    assert "gives the names of the companies that were affected by China's export restrictions" in shown, shown
    assert "none of the sources says which of them were affected by China's export restrictions." in shown, shown
    assert "Sato Kei" not in shown, shown


def test_a_question_for_the_source_s_own_list_is_answered_with_its_members(sample_engine):
    # before: three quotes of the 2020 essay; the list stands in another retrieved article
    shown = answer_with_sources(sample_engine.write("Which companies are named as key entities in the brief?",
                                                    template="answer"))
    first = shown.split("\n\n")[0]
    assert first.startswith("WorldWideWatchers (AI-generated brief, 2026) lists under “Key Individuals and Entities”: "
                            "“Mitsubishi Heavy Industries, Kawasaki Heavy Industries, "), shown
    assert "Mitsubishi Materials Corporation”" in first and "Sato Kei" not in first, shown


WRITTEN = {
    "01_curbs.md": (
        "# Seoul curbs exports to 5 Japanese firms\n\nPublished: 2025-09-02\n\n"
        "Seoul restricted exports of strategic materials to 5 Japanese firms on Tuesday, the trade ministry said.\n\n"
        + "Officials said the measure answered Tokyo's own curbs on chip materials announced in the summer. " * 6
        + "\n\nKey players:\n\n  • Trade Minister Ahn Duk-geun\n  • Tokyo Electron\n  • Shin-Etsu Chemical\n"
        "  • JSR Corporation\n"),
    "02_suppliers.md": (
        "# Busan port picks 4 suppliers for its new terminal\n\nPublished: 2025-10-14\n\n"
        "The Busan port authority picked 4 companies as suppliers for its new container terminal on Monday.\n\n"
        + "The authority said the terminal would open in 2027 and double the port's capacity for containers. " * 6
        + "\n\nSelected suppliers:\n\n  • Hanwha Systems\n  • Doosan Enerbility\n  • LS Electric\n"),
}


@pytest.fixture(scope="module")
def written_engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("list-captions"), WRITTEN)


def test_a_written_list_of_key_players_comes_with_what_it_does_not_say(written_engine):
    brief = written_engine.write("List the Japanese firms restricted by Seoul", template="answer")
    shown = answer_with_sources(brief)
    assert brief.abstained, shown
    assert "lists Tokyo Electron, Shin-Etsu Chemical and JSR Corporation under “Key players” [1]" in shown, shown
    assert "none of the sources says which of them were restricted by Seoul." in shown, shown
    assert "Ahn Duk-geun" not in shown, shown


def test_a_written_list_whose_caption_says_the_act_answers_a_request(written_engine):
    shown = answer_with_sources(written_engine.write("Name the companies selected as suppliers for the Busan terminal",
                                                     template="answer"))
    first = shown.split("\n\n")[0]
    assert "lists under “Selected suppliers”" in first, shown
    assert "Hanwha Systems" in first and "LS Electric" in first, shown
    assert "which of them" not in shown, shown
