"""An answer's first sentence comes from the right report and says the asked value: the report dated nearest the date
the question is asked as of (not an older report of the story), the article retrieval ranked first, the sentence that
holds the asked name or date before the sentence it continues, and a list of names for "which makers". An abstention
says in a clause what it has no evidence on.

End to end through the real Engine over five short articles written for this test (tests/data/answer_lead/): two
stories told twice, months apart, with different values; plus unit checks of the helpers with inputs written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from rag.writers.abstention_text import partial_parts
from rag.types import Chunk, SearchFilters, Turn
from rag.writers.base import EvidencePassage
from rag.writers.candidates import Candidate

DATA = Path(__file__).resolve().parent / "data" / "answer_lead"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_lead") / "data", DATA)


def ask(engine, question: str, until: str | None = None, history: list[Turn] | None = None):
    return engine.write(question, template="answer", filters=SearchFilters(until=until), history=history or [])


def first_sentence(brief) -> str:
    assert not brief.abstained, brief.message
    return brief.sections[0].claims[0].text


def answer_text(brief) -> str:
    return " ".join(c.text for s in brief.sections for c in s.claims)


# --- the report dated nearest the question's date leads ----------------------------------------------------------------


@pytest.mark.parametrize("question, until, value, older_value", [
    ("How many night trains did Lumina Rail suspend?", "2026-06-01", "eleven", "four"),
    ("How many night trains did Lumina Rail suspend?", "2026-03-10", "four", "eleven"),
    ("Who heads Norvia's drought agency?", "2026-06-25", "Ekerholt", None),
    ("Who heads Norvia's drought agency?", "2026-02-01", "Brandvold", "Ekerholt"),
])
def test_the_first_sentence_comes_from_the_report_nearest_the_date_asked_as_of(engine, question, until, value,
                                                                                older_value):
    first = first_sentence(ask(engine, question, until))
    assert value in first
    if older_value:
        assert older_value not in first


# --- the sentence with the asked value leads ---------------------------------------------------------------------------


def test_a_follow_up_asking_when_leads_with_the_sentence_that_gives_the_date(engine):
    question = "What did Teshima Port close to foreign-flagged ships?"
    first = ask(engine, question)
    history = [Turn("user", question), Turn("assistant", answer_text(first))]
    second = ask(engine, "When was that announced?", history=history)
    assert "April 9" in first_sentence(second)


def test_a_follow_up_asking_by_whom_leads_with_the_sentence_that_names_them(engine):
    question = "What did Teshima Port close to foreign-flagged ships?"
    first = ask(engine, question)
    history = [Turn("user", question), Turn("assistant", answer_text(first))]
    second = ask(engine, "Who announced it?", history=history)
    assert "Kansai Harbour Board" in first_sentence(second)


# --- helpers: which article and which report --------------------------------------------------------------------------


def cand(doc: str, rank: int, published: str | None, text: str = "A sentence of the report.") -> Candidate:
    chunk = Chunk(chunk_id=f"{doc}:0", doc_id=doc, text=text, start=0, end=len(text), index=0,
                  metadata={"published": published} if published else {})
    return Candidate(EvidencePassage(f"S{rank + 1}", chunk, 1.0 - rank / 10), rank, 0, len(text), text)


def test_the_top_ranked_article_is_the_article_of_the_best_ranked_passage_whatever_the_order_of_sentences():
    from rag.writers.answer_lead import top_ranked_article

    cands = [cand("b", 2, None), cand("a", 0, None), cand("c", 1, None), cand("a", 3, None)]
    assert list(top_ranked_article(cands)) == [0.0, 1.0, 0.0, 1.0]
    assert list(top_ranked_article([])) == []


@pytest.mark.parametrize("dates, as_of, expected", [
    # the nearest report before the date gets 1, one 15 days older 0.5, one 30 or more days older 0
    (["2022-07-01", "2022-06-16", "2022-05-01"], "2022-07-02", [1.0, 0.5, 0.0]),
    # the nearest is what counts, not the date itself: a quiz a week after the only report still prefers it
    (["2022-06-24", "2022-06-24T09:30:00Z"], "2022-07-01", [1.0, 1.0]),
    # an undated report gets no preference
    (["2022-07-01", None], "2022-07-01", [1.0, 0.0]),
    # a question not asked as of a date prefers no report
    (["2022-07-01", "2021-01-01"], None, [0.0, 0.0]),
    (["not a date", "2022-07-01"], "2022-07-03", [0.0, 1.0]),
])
def test_the_report_nearest_the_date_asked_as_of_is_preferred_and_older_ones_less_so(dates, as_of, expected):
    from rag.writers.answer_lead import nearest_report

    cands = [cand(f"d{i}", i, d) for i, d in enumerate(dates)]
    assert [round(v, 3) for v in nearest_report(cands, as_of)] == expected


# --- "which makers" wants a list of names ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The ministry barred Haldor Batteries, Kveta Power and Ostrava Cells from the tender.",
    "Suppliers named in the filing include Marubeni, Sojitz and Itochu.",
    "The list covers Nanjing Gaoke, Xiamen Tungsten and two smaller refiners.",
    "Airlines affected are Korean Air, Asiana and Jeju Air.",
])
def test_a_sentence_listing_names_lists_names(text):
    from rag.writers.answer_kind import lists_names

    assert lists_names(text)


@pytest.mark.parametrize("text", [
    "Market effects will concentrate in semiconductors, battery materials, and the broader electronics supply chain.",
    "The curbs cover gallium, germanium, antimony and graphite.",
    "Officials cited cost, safety and reliability as reasons for the review.",
    "Japan tightened checks on battery makers, citing security risks.",
])
def test_a_list_of_things_or_a_clause_does_not_list_names(text):
    from rag.writers.answer_kind import lists_names

    assert not lists_names(text)


def test_a_list_of_materials_does_not_answer_which_makers_but_a_list_of_makers_does():
    from rag.writers.answer_kind import has_answer_kind
    from rag.writers.answer_value import asked_value
    from rag.writers.key_terms import stems

    question = "Which Korean battery makers did the ministry bar from the tender?"
    things = cand("x", 0, None, "Market effects will reach battery materials, cathodes and separators.")
    makers = cand("y", 1, None, "The ministry barred Haldor Batteries, Kveta Power and Ostrava Cells from the tender.")
    for c in (things, makers):
        c.stems = stems(c.text)
    kw = dict(question_stems=stems(question), places_ok=False, names_ok=True, asked=asked_value(question))
    assert not has_answer_kind("list", things, **kw)
    assert has_answer_kind("list", makers, **kw)


# --- what an abstention says -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("topic, message", [
    ("What was the designer's name?", "The corpus has no evidence on what the designer's name was."),
    ("Who is the head of the drought agency?", "The corpus has no evidence on who the head of the drought agency is."),
    ("What are the terms of the ceasefire?", "The corpus has no evidence on what the terms of the ceasefire are."),
    # not a noun phrase after "is": the question is quoted, never pasted in with its capital
    ("Who is held in China over the case?", "The corpus has no evidence on the question “Who is held in China over "
                                            "the case?”"),
    ("How many night trains were cancelled?", "The corpus has no evidence on the question “How many night trains "
                                              "were cancelled?”"),
    ("A court ruled on Monday. How long was the sentence?", "The corpus has no evidence on the question “A court "
                                                            "ruled on Monday. How long was the sentence?”"),
    ("The Fed raised rates by 0.75 points. This was the highest hike since:",
     "The corpus has no evidence on the question “The Fed raised rates by 0.75 points. This was the highest hike "
     "since:”"),
    # a topic, not a question
    ("Taiwan chip export controls", "The corpus has no evidence on Taiwan chip export controls."),
])
def test_an_abstention_says_in_a_clause_what_it_has_no_evidence_on(topic, message):
    from rag.writers.abstention_text import no_evidence_message

    assert no_evidence_message(topic) == message


def test_an_abstention_through_the_engine_does_not_paste_the_question_in(engine):
    brief = ask(engine, "What was the name of the volcano that erupted in Iceland?")
    assert brief.abstained
    # (the place no passage mentions is said after it: ``rag.writers.unmentioned``)
    assert brief.message == "The corpus has no evidence on the question “What was the name of the volcano that erupted " \
                            "in Iceland?” None of the passages found mentions “Iceland”."


@pytest.mark.parametrize("filters, limits", [
    (SearchFilters(since="2030-01-01"), "published on or after 2030-01-01"),
    (SearchFilters(until="1999-12-31"), "published on or before 1999-12-31"),
    (SearchFilters(since="2030-01-01", until="2030-02-01"), "published 2030-01-01 to 2030-02-01"),
    (SearchFilters(publishers=("Reuters",)), "publisher Reuters"),
    (SearchFilters(since="2030-01-01", publishers=("Reuters", "AP")), "published on or after 2030-01-01; publishers Reuters, AP"),
    (SearchFilters(), ""),
])
def test_filters_are_described_as_the_limits_a_reader_set(filters, limits):
    from rag.writers.abstention_text import filters_described

    assert filters_described(filters) == limits


@pytest.mark.parametrize("topic, message", [
    ("export controls", "The corpus has no evidence on export controls within the filters (publisher Reuters): "
                        "no passage matched them."),
    ("Did Japan ban exports?", "The corpus has no evidence on the question “Did Japan ban exports?” within the filters "
                               "(publisher Reuters): no passage matched them."),
])
def test_a_filtered_abstention_does_not_claim_the_corpus_lacks_the_topic(topic, message):
    from rag.writers.abstention_text import no_evidence_within

    assert no_evidence_within(topic, SearchFilters(publishers=("Reuters",))) == message


@pytest.mark.parametrize("filters, named", [
    (SearchFilters(since="2100-01-01"), "published on or after 2100-01-01"),
    (SearchFilters(publishers=("No Such Wire",)), "publisher No Such Wire"),
])
def test_when_the_filters_match_no_passage_the_answer_says_so_not_only_no_evidence(engine, filters, named):
    brief = engine.write("What did the ministry announce?", template="answer", filters=filters, history=[])
    assert brief.abstained
    assert brief.message.startswith("The corpus has no evidence on")
    # ... then what the filter could not judge: these articles name no publisher ("A publisher filter leaves out …")
    assert f"within the filters ({named}): no passage matched them." in brief.message


def test_without_filters_an_abstention_does_not_blame_them(engine):
    brief = ask(engine, "What was the name of the volcano that erupted in Iceland?")
    assert "filters" not in brief.message


# --- "which specific items" insists on the items ----------------------------------------------------------------------


@pytest.mark.parametrize("question, insists", [
    ("Which specific dual-use items did Beijing restrict?", True),
    ("Exactly which firms were fined?", True),
    ("What particular products does the ban cover?", True),
    ("Which items did Beijing restrict?", False),
    ("What does the ban cover?", False),
])
def test_a_list_question_may_insist_on_the_items(question, insists):
    from rag.writers.answer_value import asked_value

    assert asked_value(question).insists is insists


@pytest.mark.parametrize("question", [
    "Which specific signalling equipment did Lumina Rail's engineers replace?",
    "Which specific reservoirs will Norvia's drought agency manage?",
])
def test_a_question_insisting_on_items_the_sources_do_not_list_is_a_partial_answer(engine, question):
    brief = ask(engine, question, "2026-06-30")
    assert brief.abstained
    parts = partial_parts(brief.message)  # attributed when its source is not reporting (a report's own view)
    assert parts is not None, brief.message
    assert parts[2].startswith("the list of items")


@pytest.mark.parametrize("filters", [SearchFilters(), SearchFilters(until="2022-08-04"), SearchFilters(publishers=("Reuters",))])
@pytest.mark.parametrize("template", ["answer", "situation"])
def test_an_empty_collection_says_so_and_blames_neither_the_topic_nor_the_filters(engine, filters, template):
    """A wrong --collection (or nothing ingested yet) is not "no evidence on X" nor "no passage matched the filters"."""
    from rag.pipeline import Engine

    empty = Engine.from_settings(engine.settings, collection="nothing-ingested-here")
    brief = empty.write("China's military drills around Taiwan", template=template, filters=filters, history=[])
    assert brief.abstained
    assert brief.message.startswith("The collection 'nothing-ingested-here' is empty: nothing was searched.")
    assert "filters" not in brief.message and "no evidence on" not in brief.message
