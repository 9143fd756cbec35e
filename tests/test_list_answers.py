"""A source's own captioned list of names answers "which <class>?" (issue 10: answers answer; s33 fresh user's
finding 9).

Seen: ``brief ask "Which Japanese companies were affected by China's export restrictions?"`` answered "… reports:
“China Imposes Export Restrictions on 20 Japanese Firms …” [1]; none of the sources gives the names of the
companies" while the same article lists Mitsubishi Heavy Industries, Kawasaki Heavy Industries, JAXA, Subaru, ENEOS
and Mitsubishi Materials under "6. Key Individuals and Entities". Kind: a list under its caption (bullets, or items
on the caption's line) whose members are of the asked class is a list of names the sentence reader never sees (each
bullet is "short", no sentence); a count then left the answer partial. The mechanism
(``list_members.captioned_names``, read by ``Engine._listed_answer`` over the partial answer's article): a caption of
a source's own list of actors (``own_lists.toml``) or one naming the asked class ("Affected companies:"), at least
two items of the class and at least half. The answer quotes the caption with the list (it is "Key Individuals and
Entities", not "the firms restricted") and keeps the count as its detail.

The inputs are written for this test beyond the sample article: a sanctions story, a supplier story, a people list,
and lists that must not answer (places, sentences, another caption, another class).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.pipeline import Engine
from rag.render import answer_with_sources
from rag.writers.answer_value import asked_value
from rag.writers.list_members import captioned_names, is_city, reads_as_person

SANCTIONS = """EU sanctions 14 firms over drone parts

The EU sanctioned 14 firms on Friday for supplying drone parts to Russia, the Council said.

Key entities:
  • Shenzhen Jinghua Electronics
  • Alfa Trade Limited
  • Sinno Electronics
  • EU foreign policy chief Kaja Kallas
"""

SUPPLIERS = """Seoul picks chip hub suppliers

Seoul picked 12 companies as suppliers for its chip hub.

Selected companies: Hanwha Systems, Doosan Enerbility, LS Cable and SK Siltron
"""

PEOPLE = """Summit in Jakarta

Leaders met in Jakarta on Tuesday.

Key individuals
  • Indonesian President Prabowo Subianto
  • Japanese Prime Minister Shigeru Ishiba
  • ASEAN Secretariat
"""

PLACES = """Port closures

Authorities closed 5 ports.

Affected companies:
  • Tokyo
  • Seoul
  • Taipei
"""

SENTENCES = """Fines for chip makers

Regulators fined 3 companies.

Key entities:
  • The regulator said it would publish the names of the firms next month after an appeal.
  • No company has commented on the fines, which total $40 million.
"""

OTHER_CAPTION = """Recommendations

China restricted exports to 20 companies.

Immediate Actions:
  • Monitor Beijing
  • Engage Tokyo
"""


@pytest.mark.parametrize("question, text, members", [
    ("Which firms did the EU sanction?", SANCTIONS,
     ("Shenzhen Jinghua Electronics", "Alfa Trade Limited", "Sinno Electronics")),
    ("Which companies did Seoul pick as suppliers?", SUPPLIERS,
     ("Hanwha Systems", "Doosan Enerbility", "LS Cable", "SK Siltron")),
    ("Which leaders met in Jakarta?", PEOPLE,
     ("Indonesian President Prabowo Subianto", "Japanese Prime Minister Shigeru Ishiba")),
])
def test_a_captioned_list_of_the_asked_class_is_read_with_its_members(question, text, members):
    wanted = asked_value(question)
    found = captioned_names(text, wanted.member, person=wanted.person)
    assert found, text
    assert found[0].members == members
    assert found[0].caption in ("Key entities", "Selected companies", "Key individuals")
    assert text[found[0].start:].startswith(found[0].caption)
    items = text[found[0].first:found[0].end]  # the items alone, verbatim: what the answer quotes
    assert items.startswith(found[0].items[0]) and all(m in items for m in members)


@pytest.mark.parametrize("question, text", [
    ("Which companies had their ports closed?", PLACES),  # places are no companies
    ("Which companies were fined?", SENTENCES),  # sentences are no list of names
    ("Which companies did China restrict exports to?", OTHER_CAPTION),  # not a list of actors, nor of the class
    ("Which officials did the EU name?", SANCTIONS),  # one official among firms: not half the list
    # no class of named members: a list of actors does not say which items (seed qa-055)
    ("Which specific dual-use items are covered by China's export restrictions on the 20 Japanese firms?", SANCTIONS),
    ("Which materials did the EU restrict?", SUPPLIERS),
])
def test_a_list_of_another_kind_does_not_answer(question, text):
    wanted = asked_value(question)
    assert captioned_names(text, wanted.member, person=wanted.person) == []


MIXED = """Fines over sanctions breaches

Brussels fined 9 firms on Wednesday. Kallas said the fines showed the bloc would enforce its rules, and Foreign
Minister Tsahkna told reporters more cases would follow.

Key entities:
  • Huarong Optics
  • Kaja Kallas
  • Baltic Freight Services
  • Margus Tsahkna
  • Osaka
  • Yantai Marine Parts
"""


PEOPLE_BARE = """Ministers meet on sanctions

Kallas said the bloc would add names, Foreign Minister Tsahkna said Estonia agreed, and Simson told reporters the
energy measures would follow.

Key individuals:
  • Kaja Kallas
  • Margus Tsahkna
  • Tallinn
  • Kadri Simson
  • Doosan Enerbility
"""


def test_members_are_of_the_asked_class():
    # a bare person's name the story reads as a person's (a speaker, a titled name) is no firm; a city is no firm
    firms = captioned_names(MIXED, asked_value("Which firms did Brussels fine?").member)
    assert firms and firms[0].members == ("Huarong Optics", "Baltic Freight Services", "Yantai Marine Parts")
    people = asked_value("Which people are named as key individuals?")
    named = captioned_names(PEOPLE_BARE, people.member, person=True)
    assert named and named[0].members == ("Kaja Kallas", "Margus Tsahkna", "Kadri Simson"), named


@pytest.mark.parametrize("name, city", [("Osaka", True), ("Busan", True), ("Ho Chi Minh City", True),
                                        ("Seoul", True), ("Shenzhen Jinghua Electronics", False), ("Subaru", False),
                                        ("Japan", False), ("Kaja Kallas", False)])
def test_a_city_alone_is_read_as_a_city(name, city):
    assert is_city(name) is city


@pytest.mark.parametrize("name, text, person", [
    ("Kaja Kallas", "Kallas said the fines were fair.", True),
    ("Kaja Kallas", "Foreign policy chief Kaja Kallas visited Kyiv.", True),
    ("EU foreign policy chief Kaja Kallas", "", True),
    ("Japanese Deputy Chief Cabinet Secretary Sato Kei", "", True),
    ("Doosan Enerbility", "Doosan Enerbility won the contract.", False),  # a name the story never reads as a person's
    ("Mitsubishi Heavy Industries", "Mitsubishi Heavy Industries said it would comply.", False),  # an organisation word
    ("Osaka", "Osaka said nothing.", False),
])
def test_a_person_is_read_by_title_or_by_how_the_story_names_them(name, text, person):
    assert reads_as_person(name, text) is person


# -- end to end ---------------------------------------------------------------------------------------------------

def _shown(engine: Engine, question: str) -> str:
    return answer_with_sources(engine.write(question, template="answer"))


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_the_sample_article_s_key_entities_come_with_their_caveat(sample_engine):
    # the caption ("Key Individuals and Entities") does not say the listed companies are the restricted ones: the
    # list is given with its caption and what none of the sources says (s34 fu-049#1), never as the answer
    for question, act in (("Which Japanese companies did China restrict?", "China restricted"),
                          ("Which Japanese companies were affected by China's export restrictions?",
                           "were affected by China's export restrictions")):
        brief = sample_engine.write(question, template="answer")
        shown = answer_with_sources(brief)
        assert brief.abstained, shown
        # the names none gives are those of the companies asked about, not of those it then lists (s44's fresh user:
        # "none of the sources gives the names of the companies", then six names)
        assert f"none of the sources gives the names of the companies {act}" in shown.replace(
            "companies that were", "companies were"), shown
        # ... and a public body listed beside the companies (JAXA) is not given as one of them
        assert ("lists Mitsubishi Heavy Industries, Kawasaki Heavy Industries, "
                "Subaru, ENEOS Corporation and Mitsubishi Materials Corporation under “Key Individuals and Entities” [1]"
                in shown), shown
        assert f"none of the sources says which of them {act}." in shown, shown
        assert "Sato Kei" not in shown.split("Key Individuals")[0], shown  # the official is not listed as a company
        assert "20 Japanese" in shown, shown  # the count stays, as what the sources do say


WRITTEN = {
    "01_drone_parts.md": (
        "# EU sanctions 14 Chinese firms over drone parts\n\nPublished: 2025-05-20\n\n"
        "The EU sanctioned 14 Chinese firms on Friday for supplying drone parts to Russia, the Council said. The firms are "
        "barred from trading with European companies and their assets in the bloc are frozen.\n\n"
        "The Council said further listings were possible if shipments continued through third countries. "
        + "Diplomats said the package took weeks of talks among member states before it was agreed. " * 6
        + "\n\nSanctioned firms:\n\n  • Shenzhen Jinghua Electronics\n  • Alfa Trade Limited\n  • Sinno Electronics\n"),
    "02_fines.md": (
        "# Brussels fines 9 firms over sanctions breaches\n\nPublished: 2025-06-11\n\n"
        "Brussels fined 9 firms on Wednesday for shipping restricted parts to Russia through third countries. "
        "Kallas said the fines showed that the bloc would enforce its rules.\n\n"
        + "Officials said the cases took months to build from customs records and shipping data. " * 6
        + "\n\nKey entities:\n\n  • Huarong Optics\n  • Kaja Kallas\n  • Baltic Freight Services\n  • Osaka\n"
        "  • Yantai Marine Parts\n"),
}


@pytest.fixture(scope="module")
def written_engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("captioned-list"), WRITTEN)


def test_a_written_article_s_list_answers_past_its_count_when_its_caption_says_the_act(written_engine):
    for question in ("Which Chinese firms did the EU sanction?", "Which firms did the EU sanction over drone parts?"):
        shown = _shown(written_engine, question)
        first = shown.split("\n\n")[0]
        assert "lists under “Sanctioned firms”" in first, shown
        assert "Shenzhen Jinghua Electronics" in first and "Sinno Electronics" in first, shown
        assert "14 Chinese firms" in first, shown  # the count it stands for follows
        assert "names of the" not in shown and "which of them" not in shown, shown


def test_a_written_article_s_list_of_actors_comes_with_its_caveat(written_engine):
    brief = written_engine.write("Which firms did Brussels fine?", template="answer")
    shown = answer_with_sources(brief)
    # the names none gives are those of the firms fined, not of the firms the list then gives
    assert brief.abstained and "gives the names of the firms Brussels fined." in shown, shown
    assert "Huarong Optics, Baltic Freight Services and Yantai Marine Parts under “Key entities” [1]" in shown, shown
    assert "none of the sources says which of them Brussels fined." in shown, shown
    # a person and a city among the list's items are not firms
    assert "Kaja Kallas" not in shown and "Osaka" not in shown.split("Key entities")[0].split("lists")[-1], shown
