"""A list question answered by the members a report names after counting them (s58, h/fresh-s58).

Kind, found by a fresh analyst on reports written for the stop (none from the shared data): a report's lede counts the
members ("BIS on Tuesday added 14 companies to its Entity List …") and a later sentence, past another, names them
("Eleven of the companies are based in mainland China … They include A, B, C, the Taiwanese server assembler D and the
Hong Kong trader E."). "Which companies did BIS add to the Entity List?" quoted the lede alone, and "Which firms were
added …?" said "none gives the names of the firms": the naming sentence repeats little of the question, so it was below
the relevance cut, and a list whose items carry a descriptor longer than five words ("the Hong Kong trader Grand
Harbour Electronics") was no list of names. Now a sentence of the counting report that names members of the asked class
leads (``list_members.names_class_members``: a list of names that are no places, or names after a word opening
contents), and the count follows it.

A report telling only where the counted members are ("eleven in mainland China, two in Taiwan") names none.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead, answer_of, engine_over_texts
from rag.writers.list_members import names_class_members

UNTIL = "2026-12-01"


@pytest.mark.parametrize("text, member", [
    ("Nine of the companies are in Shenzhen. They include Dongfang Photonics, Jinling Optics, the laser maker Qiming "
     "Photonic Devices and the Shanghai distributor Baiyun Trading.", {"compani"}),
    ("The firms named in the order are Hanul Semitech, Daeyang Precision, the Busan freight forwarder Haesong Logistics "
     "and the Incheon broker Seomyeon Trade.", {"firm"}),
    ("The banned suppliers include Minato Precision, Kobe Vacuum Works and the Osaka parts dealer Naniwa Components.",
     {"supplier"}),
])
def test_a_sentence_naming_members_of_the_asked_class_names_them(text, member):
    assert names_class_members(text, frozenset(member)), text


@pytest.mark.parametrize("text, member", [
    ("Eleven of the companies are based in mainland China, two in Taiwan and one in Hong Kong.", {"compani"}),
    ("The companies make lasers, optics and vacuum pumps.", {"compani"}),
    ("Minato Precision, Kobe Vacuum Works and Naniwa Components were fined.", {"scientist"}),  # not the class asked
    # a class of places is answered by the places a sentence lists, not by names past a count (seed qa-028 on the
    # first cut: "exceptions only for Australia, Canada and the UK" lost to a later list)
    ("The rule exempts three countries: Australia, Canada and the UK.", {"countri"}),
])
def test_places_uses_or_another_class_name_no_members(text, member):
    assert not names_class_members(text, frozenset(member)), text


ARTICLES = {
    "01_listing.md": (
        "# Washington blacklists 12 laser and optics firms\n\nPublished: 2026-10-12\n\n"
        "WASHINGTON — The Commerce Department on Monday added 12 companies to its Entity List for supplying laser "
        "components to Chinese missile programmes.\n\n"
        "The rule takes effect on October 20.\n\n"
        "Nine of the companies are in Shenzhen and three in Wuhan. They include Dongfang Photonics, Jinling Optics, "
        "the laser maker Qiming Photonic Devices and the Shanghai distributor Baiyun Trading.\n\n"
        "Exporters need a licence to ship US items to the listed firms.\n"),
    "02_seoul.md": (
        "# Seoul bars four firms from strategic-goods exports\n\nPublished: 2026-11-03\n\n"
        "SEOUL — South Korea's trade ministry on Tuesday barred four companies from exporting strategic goods for "
        "three years after they shipped machine tools to Russia through Central Asia.\n\n"
        "Fines totalled 2.1 billion won.\n\n"
        "The firms named in the order are Hanul Semitech, Daeyang Precision, the Busan freight forwarder Haesong "
        "Logistics and the Incheon broker Seomyeon Trade.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("list_named_later"), ARTICLES)


@pytest.mark.parametrize("question, first, rest, count", [
    ("Which companies did the Commerce Department add to the Entity List?", "Dongfang Photonics", "Baiyun Trading",
     "added 12 companies"),
    ("Which firms were added to the Entity List?", "Dongfang Photonics", "Qiming Photonic Devices",
     "added 12 companies"),
    ("Which companies did South Korea bar from strategic-goods exports?", "Hanul Semitech", "Seomyeon Trade",
     "barred four companies"),
])
def test_the_members_named_later_lead_the_answer(engine, question, first, rest, count):
    answer = answer_of(engine, question, UNTIL)
    assert "none gives" not in answer, answer
    assert first in answer and rest in answer, answer
    # the names come first (with the sentence their "They include" leans on), the count after them if at all
    assert answer.index(first) < (answer.index(count) if count in answer else len(answer)), answer
    assert count not in answer_lead(engine, question, UNTIL)
