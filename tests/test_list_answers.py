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

from conftest import engine_over

from rag.pipeline import Engine
from rag.render import answer_with_sources
from rag.writers.answer_value import asked_value
from rag.writers.list_members import captioned_names

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


# -- end to end ---------------------------------------------------------------------------------------------------

def _shown(engine: Engine, question: str) -> str:
    return answer_with_sources(engine.write(question, template="answer"))


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_the_sample_article_s_key_entities_answer_which_companies(sample_engine):
    shown = _shown(sample_engine, "Which Japanese companies were affected by China's export restrictions?")
    first = shown.split("\n\n")[0]
    assert "lists under “Key Individuals and Entities”" in first and "Mitsubishi Heavy Industries" in first, shown
    assert "Subaru" in first and "ENEOS Corporation" in first, shown
    assert "names of the" not in shown, shown
    assert "20 Japanese" in first, shown  # the count stays, as the detail


WRITTEN = {
    "01_drone_parts.md": (
        "# EU sanctions 14 Chinese firms over drone parts\n\nPublished: 2025-05-20\n\n"
        "The EU sanctioned 14 Chinese firms on Friday for supplying drone parts to Russia, the Council said. The firms are "
        "barred from trading with European companies and their assets in the bloc are frozen.\n\n"
        "The Council said further listings were possible if shipments continued through third countries. "
        + "Diplomats said the package took weeks of talks among member states before it was agreed. " * 6
        + "\n\nKey entities:\n\n  • Shenzhen Jinghua Electronics\n  • Alfa Trade Limited\n  • Sinno Electronics\n"),
}


@pytest.fixture(scope="module")
def written_engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("captioned-list")
    docs = root / "docs"
    docs.mkdir()
    for name, text in WRITTEN.items():
        (docs / name).write_text(text, encoding="utf-8")
    return engine_over(root / "data", docs)


def test_a_written_article_s_list_answers_past_its_count(written_engine):
    for question in ("Which Chinese firms did the EU sanction?", "Which firms did the EU sanction over drone parts?"):
        shown = _shown(written_engine, question)
        first = shown.split("\n\n")[0]
        assert "lists under “Key entities”" in first, shown
        assert "Shenzhen Jinghua Electronics" in first and "Sinno Electronics" in first, shown
        assert "14 Chinese firms" in first, shown  # the count it stands for follows
    assert "names of the" not in shown, shown
