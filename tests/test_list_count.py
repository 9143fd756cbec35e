"""A count asked of a set the sources name item by item is answered by the count of the named items, said as such
(issue 10: answers answer; s34 fresh user's finding 4, closing note s34).

Seen: ``brief ask "How many materials did Japan restrict in 2019?"`` answered "… none gives the number the question
asks for" while the same article (sample corpus 001) says "The export restrictions cover fluorinated polyimides, …,
as well as photoresist and hydrogen fluoride". Kind: a "how many <noun>" question over a sentence that says the
asked act and lists its items after a list opener; the answer is "The sources name three: A, B and C (a count of the
items named; none states the number)" with the sentence quoted (``list_count.named_count`` / ``count_phrase``, read
by ``Engine._counted_list_answer`` over the partial answer's article).

Inputs written for this test beyond the sample sentence: other acts (banned, sanctioned, named, closed), other
classes (metals, firms, people, cities, countries), bullets are not sentences, comma series with and without an
Oxford comma, "A and B" in prose, a subset after "including"; and look-alikes that must not count (clauses joined by
"and", counts as items, another act, items of another class).
"""

from __future__ import annotations

import pytest

from conftest import engine_over

from rag.pipeline import Engine
from rag.render import answer_with_sources
from rag.writers.list_count import count_phrase, count_words, named_count

FLUORIDE = ("The export restrictions cover fluorinated polyimides, which are used in organic light-emitting diode "
            "screens for TVs and smartphones, as well as photoresist and hydrogen fluoride, used for making semiconductors.")


@pytest.mark.parametrize("question, sentence, items", [
    ("How many materials did Japan restrict in 2019?", FLUORIDE,
     ("fluorinated polyimides", "photoresist", "hydrogen fluoride")),
    ("How many types of materials did Japan restrict?", FLUORIDE,
     ("fluorinated polyimides", "photoresist", "hydrogen fluoride")),
    ("How many metals did China ban exports of?",
     "China banned exports of gallium, germanium, graphite, and antimony to the United States on Tuesday.",
     ("gallium", "germanium", "graphite", "antimony")),
    ("How many companies did the US sanction?",
     "The US sanctioned Huawei, ZTE, Hikvision and Dahua on Tuesday, the Treasury said.",
     ("Huawei", "ZTE", "Hikvision", "Dahua")),
    ("How many items does the ban cover?",
     "The ban covers drones, night-vision goggles and satellite receivers.",
     ("drones", "night-vision goggles", "satellite receivers")),
    ("How many cities did Beijing lock down?",
     "Beijing locked down Shenzhen, Dongguan and Shanghai after the outbreak spread.",
     ("Shenzhen", "Dongguan", "Shanghai")),
    ("How many officials did the ministry name?",
     "The ministry named Deputy Minister Park Sung-taek and Vice Minister Lee Do-hoon as its negotiators.",
     ("Deputy Minister Park Sung-taek", "Vice Minister Lee Do-hoon")),
])
def test_a_count_is_read_off_the_items_a_sentence_names(question, sentence, items):
    named = named_count(question, sentence)
    assert named is not None and named.items == items, named
    assert not named.some
    said = count_phrase(named)
    assert said.startswith(f"The sources name {count_words(len(items))}: ") and items[-1] in said
    assert "none states the number" in said  # the count is ours, said as such


def test_a_subset_is_counted_as_some_of_the_set():
    named = named_count("How many firms did Washington blacklist?",
                        "Washington blacklisted Chinese firms, including YMTC, CETC and Hefei Core Storage Electronic.")
    assert named is not None and named.some and named.count == 3
    assert "among others" in count_phrase(named)


@pytest.mark.parametrize("question, sentence", [
    # clauses joined by "and", no list opener
    ("How many materials did Japan restrict?", "Japan restricted exports and Seoul protested the move."),
    # counts are no items: the writer reads a stated number, this reader does not add them up
    ("How many people did the EU sanction?",
     "The EU imposed sanctions on eleven individuals and three entities on Monday."),
    # another act: a list of uses is not what was restricted
    ("How many materials did Japan restrict?", "Photoresist is used in chips, screens and solar panels."),
    # items of another class: cities do not count companies, things do not count people
    ("How many companies did Beijing lock down?", "Beijing locked down Shenzhen, Dongguan and Shanghai."),
    ("How many people did the ministry name?", "The ministry named drones, radar parts and satellite receivers."),
    # a measure in units is no count of named items (RealTime QA fit 20221223_2: days, not holidays)
    ("Kwanzaa is celebrated for how many days?",
     "Families all over the world are gathering to celebrate Hanukkah, Christmas, Kwanzaa and New Year's Eve."),
    ("How many tonnes of rice did Japan ban?", "Japan banned imports of rice, wheat and barley from the region."),
    # a count nobody asked: not a "how many" question
    ("Which materials did Japan restrict?", FLUORIDE),
])
def test_no_count_where_the_sentence_names_no_such_set(question, sentence):
    assert named_count(question, sentence) is None


def test_count_words_spell_small_counts_only():
    assert [count_words(n) for n in (2, 3, 10, 12)] == ["two", "three", "ten", "12"]


# -- end to end ---------------------------------------------------------------------------------------------------

def _shown(engine: Engine, question: str) -> str:
    return answer_with_sources(engine.write(question, template="answer"))


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_the_sample_article_s_materials_are_counted(sample_engine):
    for question in ("How many materials did Japan restrict in 2019?",
                     "How many materials did Japan restrict for export to South Korea?"):
        shown = _shown(sample_engine, question)
        first = shown.split("\n\n")[0]
        assert first.startswith("The sources name three: fluorinated polyimides, photoresist and hydrogen fluoride"), shown
        assert "“The export restrictions cover fluorinated polyimides" in first, shown
        assert "none gives the number" not in shown, shown


WRITTEN = {
    "01_gallium.md": (
        "# China curbs exports of chipmaking metals\n\nPublished: 2025-12-03\n\n"
        "China said on Tuesday it would tighten controls on metals used in chipmaking. "
        "The ministry said the measures protect national security.\n\n"
        "The commerce ministry banned exports of gallium, germanium and antimony to the United States, the ministry "
        "said in a statement. "
        + "Analysts said the move could raise prices for chipmakers that rely on Chinese supply. " * 4 + "\n"),
}


@pytest.fixture(scope="module")
def written_engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("counted-list")
    docs = root / "docs"
    docs.mkdir()
    for name, text in WRITTEN.items():
        (docs / name).write_text(text, encoding="utf-8")
    return engine_over(root / "data", docs)


def test_a_written_article_s_list_is_counted(written_engine):
    shown = _shown(written_engine, "How many metals did China ban exports of?")
    first = shown.split("\n\n")[0]
    assert first.startswith("The sources name three: gallium, germanium and antimony"), shown


@pytest.mark.parametrize("question", ["What did China ban exports of to the United States?",
                                      "Which metals did the commerce ministry ban exports of?"])
def test_what_a_measure_restricts_is_answered_by_its_items(written_engine, question):
    # "what did X restrict / ban / cover" asks for the measure's items (s34 finding 8: the chat answer lacked them)
    shown = _shown(written_engine, question)
    first = shown.split("\n\n")[0]
    assert "gallium, germanium and antimony" in first, shown


def test_the_sample_measure_s_items_lead_the_chat_answer(sample_engine):
    from rag.render import shown_answer

    brief = sample_engine.write("What did Japan restrict exports of to South Korea?", template="answer", history=[])
    shown = shown_answer(brief)
    assert shown.startswith("The export restrictions cover fluorinated polyimides"), shown
    assert "photoresist and hydrogen fluoride" in shown, shown
