"""A brief's topic names its thing by an acronym the reports write otherwise: in the plural ("smuggled GPUs"), or
spelled out ("extreme ultraviolet lithography machines", "unmanned aerial vehicles"). The brief is written from those
reports, not abstained as if the acronym were a name the evidence never gives (s70's new user, F3: "GPU smuggling"
gave "The corpus has no evidence on GPU smuggling" — "none of the names in the topic occur in the evidence" — while
search ranked four GPU-smuggling reports first).

A topic is a heading: its acronym is read in a form its evidence writes (``name_readings.topic_acronym_reading``: the
plural the evidence writes, else the form ``initials.acronym_form`` gives, a field expansion of
``data/field_acronyms.toml`` or a name its initials spell), as a question's acronym already is. An acronym the
evidence writes in no form still names nothing there, and the brief abstains.

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed
from rag.support.name_readings import topic_acronym_reading

ARTICLES = {
    # GPU smuggling: reports write "GPUs" and "graphics processors", never "GPU"
    "g1.txt": ("Incheon customs hold crates of undeclared GPUs bound for Shenzhen", "Yellow Sea Courier", "2026-10-06",
               "INCHEON - Customs officers at Incheon airport on Friday held 14 crates of undeclared GPUs that a "
               "trading company had declared as computer fans, the Korea Customs Service said.\n\n"
               "The 380 graphics processors were bound for a freight agent in Shenzhen, officials said.\n\n"
               "Two employees of the trading company were questioned over suspected smuggling."),
    "g2.txt": ("Taipei prosecutors indict three over smuggled graphics processors", "Formosa Ledger", "2026-10-21",
               "Taipei prosecutors on Tuesday indicted three men on charges of smuggling 2,100 graphics processors to "
               "mainland China through a shell company in Hong Kong.\n\n"
               "The men relabelled server boards as networking gear, the indictment said.\n\n"
               "Each faces up to seven years in prison if convicted."),
    "g3.txt": ("Singapore fines forwarder over GPUs shipped without permits", "Straits Cargo Daily", "2026-11-02",
               "A Singapore court on Monday fined a freight forwarder S$420,000 for shipping GPUs to Malaysia without "
               "the permits Singapore requires for smuggling-prone electronics.\n\n"
               "Prosecutors said the company moved 96 consignments in 2025."),
    # EUV tools: reports spell out "extreme ultraviolet"
    "e1.txt": ("Dutch ministry refuses licences for extreme ultraviolet machine servicing", "Lowlands Tech Review",
               "2026-09-08",
               "The Dutch trade ministry said on Tuesday it had refused four licences to service extreme ultraviolet "
               "lithography machines installed at a Shanghai fab.\n\n"
               "The ministry said servicing would let the fab keep extreme ultraviolet output at full capacity."),
    "e2.txt": ("Seoul weighs curbs on extreme ultraviolet parts resale", "Han River Tribune", "2026-09-19",
               "South Korea's industry ministry is weighing rules that would require licences to resell extreme "
               "ultraviolet lithography parts abroad, two officials said.\n\n"
               "Used extreme ultraviolet mirrors and light-source modules have been offered to Chinese buyers "
               "through brokers in Singapore."),
    # UAVs: reports write "unmanned aerial vehicles" and "UAVs"
    "u1.txt": ("Taiwan bars exports of UAVs to eleven Chinese firms", "Formosa Ledger", "2026-08-12",
               "Taiwan's economics ministry on Monday barred exports of UAVs and their flight controllers to eleven "
               "Chinese firms it said supply the People's Liberation Army.\n\n"
               "Exporters must now obtain a licence for unmanned aerial vehicles with a range above 20 km."),
    "u2.txt": ("Japan adds unmanned aerial vehicles to catch-all export screening", "Kanto Business News",
               "2026-08-30",
               "Japan's trade ministry said on Friday it would add unmanned aerial vehicles and their motors to its "
               "catch-all export screening from January.\n\n"
               "The ministry said UAVs sold to Russia had been found to contain Japanese motors."),
}


@pytest.mark.parametrize("topic, evidence, read", [
    ("GPU smuggling", "Customs held 14 crates of undeclared GPUs.", "GPUs smuggling"),
    ("GPU smuggling", "The 380 graphics processors were bound for Shenzhen.", "graphics processors smuggling"),
    ("EUV servicing licences", "licences to service extreme ultraviolet lithography machines",
     "extreme ultraviolet servicing licences"),
    ("UAV export bans", "barred exports of UAVs and unmanned aerial vehicles", "UAVs export bans"),
    # written as the topic writes it: unchanged
    ("GPU smuggling", "A GPU server and smuggled GPUs.", "GPU smuggling"),
    # written in no form: unchanged (still no name of the evidence)
    ("TPU smuggling", "Customs held 14 crates of undeclared GPUs.", "TPU smuggling"),
])
def test_a_topics_acronym_is_read_in_a_form_its_evidence_writes(topic, evidence, read):
    assert topic_acronym_reading(topic, evidence) == read


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("topic_acronym"), ARTICLES)


def _cited(brief) -> set[str]:
    return {s.source_path.rsplit("/", 1)[-1] for s in brief.sources if s.source_path}


@pytest.mark.parametrize("topic, reports", [
    ("GPU smuggling", {"g1.txt", "g3.txt"}),  # g2 writes only "graphics processors": left (the reading takes one form)
    ("EUV servicing licences", {"e1.txt"}),
    ("UAV export bans", {"u1.txt"}),
])
def test_a_brief_on_an_acronym_topic_is_written_from_the_reports_that_spell_it_otherwise(engine, topic, reports):
    brief = engine.write(topic, template="situation")
    assert not brief.abstained, brief.provenance.notes
    assert reports <= _cited(brief), _cited(brief)


def test_an_acronym_no_report_writes_in_any_form_still_abstains(engine):
    brief = engine.write("TPU smuggling", template="situation")
    assert brief.abstained
