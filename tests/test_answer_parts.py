"""The answers to a compound question's parts are joined into one answer whose citations stay correct (s44).

``answer_parts.joined_answer`` on briefs written by hand: the sources are numbered by first citation across the parts
(a document two parts cite is listed once, with both parts' spans), every citation and every "[n]" in an attribution
follows its source's new number, a part that abstained is said with its own message (a partial answer's "[1]" made
the joined number of the source it quotes), the provenance lists every part's evidence, notes and repairs, and a
passage an earlier part quoted in the same frame is not quoted again.
"""

from __future__ import annotations

from rag.answer_parts import joined_answer
from rag.brief import Brief, Citation, Claim, Provenance, Repair, Section, Source
from rag.question_parts import QuestionPart
from rag.render import shown_answer


def _prov(evidence: list[str], notes: list[str] = (), repairs: list[Repair] = ()) -> Provenance:
    return Provenance(template="answer", template_version="1.0", template_hash="h", backend="extractive",
                      model="m", retrieval={}, corpus_snapshot="c", query="q", evidence=list(evidence),
                      notes=list(notes), repairs=list(repairs), timings={"total": 1.0})


def _cite(n: int, doc: str, start: int) -> Citation:
    return Citation(source=n, chunk_id=f"{doc}-0", doc_id=doc, start=start, end=start + 10, quote="x" * 10,
                    source_ref=f"{doc}.txt:{start}")


def _source(n: int, doc: str, *starts: int) -> Source:
    return Source(index=n, doc_id=doc, title=doc, spans=[(s, s + 10) for s in starts],
                  source_spans=[[s, s + 10] for s in starts], source_refs=[f"{doc}.txt:{s}" for s in starts],
                  chunk_ids=[f"{doc}-0"])


def _answer(topic: str, claims: list[Claim], sources: list[Source], evidence: list[str], **kw) -> Brief:
    return Brief(kind="answer", template="answer", topic=topic, sections=[
        Section(name="answer", title="Answer", claims=claims[:1]),
        Section(name="details", title="Supporting detail", required=False, claims=claims[1:])],
        sources=sources, claims_total=len(claims), claims_verified=len(claims), provenance=_prov(evidence, **kw))


FIRST = QuestionPart("Which port raised its fees?", "Which port raised its fees?")
SECOND = QuestionPart("How did Kestrel Lines respond?", "How did Kestrel Lines respond?")


def test_sources_are_numbered_by_first_citation_across_the_parts():
    one = _answer(FIRST.asked, [Claim(text="Rotterdam raised its fees.", citations=[_cite(1, "port", 0)], verified=True)],
                  [_source(1, "port", 0)], ["port-0"])
    # the second part cites another article first ([1]) and the first part's article second ([2])
    two = _answer(SECOND.asked, [
        Claim(text="Kestrel suspended sailings.", citations=[_cite(1, "kestrel", 40)], verified=True,
              attribution="Headline of [1]"),
        Claim(text="The line moved the sailings to Antwerp.", citations=[_cite(2, "port", 90)], verified=True)],
        [_source(1, "kestrel", 40), _source(2, "port", 90)], ["kestrel-0", "port-0"])
    brief = joined_answer("Which port raised its fees, and how did Kestrel Lines respond?", [(FIRST, one), (SECOND, two)])
    assert [(s.index, s.doc_id) for s in brief.sources] == [(1, "port"), (2, "kestrel")]
    assert brief.sources[0].spans == [(0, 10), (90, 100)]  # both parts' quotes of one article
    cited = [(c.text, [(x.source, x.doc_id) for x in c.citations]) for s in brief.sections for c in s.claims]
    assert cited == [("Rotterdam raised its fees.", [(1, "port")]), ("Kestrel suspended sailings.", [(2, "kestrel")]),
                     ("The line moved the sailings to Antwerp.", [(1, "port")])]
    assert brief.section("answer_2").claims[0].attribution == "Headline of [2]"
    assert brief.section("answer_2").title == "How did Kestrel Lines respond?"
    assert [s.name for s in brief.sections] == ["answer", "details", "answer_2", "details_2"]
    assert brief.provenance.evidence == ["port-0", "kestrel-0"]
    assert brief.provenance.query == brief.topic and not brief.abstained and brief.message is None
    assert (brief.claims_total, brief.claims_verified) == (3, 3)
    # the inputs are not changed
    assert two.sections[0].claims[0].citations[0].source == 1 and two.sources[0].index == 1


def test_a_part_that_abstained_is_said_with_its_own_message():
    one = _answer(FIRST.asked, [Claim(text="Rotterdam raised its fees.", citations=[_cite(1, "port", 0)])],
                  [_source(1, "port", 0)], ["port-0"])
    partial = Brief(kind="answer", template="answer", topic=SECOND.asked, abstained=True,
                    message="The sources report: “Kestrel said it would act.” [1]; none gives the action.",
                    closest_sources=[_source(1, "kestrel", 40), _source(2, "port", 0)],
                    provenance=_prov(["kestrel-0"], notes=["no answer"]))
    brief = joined_answer("Which port raised its fees, and how did Kestrel Lines respond?", [(FIRST, one), (SECOND, partial)])
    # said where it was asked, after the first part's answer: its answer section's text, and in the chat text
    assert brief.message is None
    assert brief.section("answer_2").text == "The sources report: “Kestrel said it would act.” [2]; none gives the action."
    assert brief.section("answer_2").title == SECOND.standalone and brief.section("answer_2").kind == "note"
    assert shown_answer(brief) == ("Rotterdam raised its fees. [1] "
                                   "The sources report: “Kestrel said it would act.” [2]; none gives the action.")
    assert [(s.index, s.doc_id) for s in brief.sources] == [(1, "port"), (2, "kestrel")]
    assert brief.sources[1].spans == []  # quoted by the message, not cited by a claim
    assert brief.provenance.notes == ["compound question answered in 2 parts: “Which port raised its fees?”; "
                                      "“How did Kestrel Lines respond?”", "part 2: no answer"]
    assert brief.provenance.evidence == ["port-0", "kestrel-0"]


def test_a_part_that_abstained_before_the_first_answered_part_is_said_in_the_message():
    none = Brief(kind="answer", template="answer", topic=FIRST.asked, abstained=True,
                 message="The corpus has no evidence on the question “Which port raised its fees?”.",
                 provenance=_prov([], notes=["no answer"]))
    two = _answer(SECOND.asked, [Claim(text="Kestrel rerouted ships.", citations=[_cite(1, "kestrel", 40)])],
                  [_source(1, "kestrel", 40)], ["kestrel-0"])
    brief = joined_answer("Which port raised its fees, and how did Kestrel Lines respond?", [(FIRST, none), (SECOND, two)])
    assert brief.message == "The corpus has no evidence on the question “Which port raised its fees?”."
    assert shown_answer(brief).split("\n\n") == [brief.message, "Kestrel rerouted ships. [1]"]


def test_a_passage_quoted_for_an_earlier_part_is_not_quoted_again():
    claim = Claim(text="Rotterdam raised its fees by 12 percent.", citations=[_cite(1, "port", 0)], verified=True)
    one = _answer(FIRST.asked, [claim], [_source(1, "port", 0)], ["port-0"])
    how_much = QuestionPart("By how much?", "By how much?", elided=True)
    two = _answer("By how much?", [claim.model_copy(deep=True)], [_source(1, "port", 0)], ["port-0"],
                  repairs=[Repair(action="removed", section="details", claim="c", reason="r")])
    brief = joined_answer("Which port raised its fees, and by how much?", [(FIRST, one), (how_much, two)])
    assert [c.text for s in brief.sections for c in s.claims] == ["Rotterdam raised its fees by 12 percent."]
    assert brief.section("answer_2").text == "The passages quoted above answer this part too."
    assert "part 2: answered by the passages quoted for an earlier part" in brief.provenance.notes
    assert [r.section for r in brief.provenance.repairs] == ["details_2"]
    assert (brief.claims_total, brief.claims_verified) == (1, 1)
    # ... but the same passage framed otherwise is this part's answer ("The sources give no stated reason; …")
    why = QuestionPart("Why?", "Why did the port raise its fees?", elided=True)
    framed = claim.model_copy(deep=True, update={"attribution": "The sources give no stated reason"})
    three = _answer(why.standalone, [framed], [_source(1, "port", 0)], ["port-0"])
    brief = joined_answer("Which port raised its fees, and why?", [(FIRST, one), (why, three)])
    assert len([c for s in brief.sections for c in s.claims]) == 2


def test_a_sentence_an_earlier_part_quoted_with_its_context_is_not_quoted_again():
    unit = Claim(text="Tokyo tightened the approval process last week. Such materials go to trusted partners only.",
                 citations=[_cite(1, "curbs", 0)], verified=True)
    alone = Claim(text="Tokyo tightened the approval process last week.", citations=[_cite(1, "curbs", 0)], verified=True)
    other = Claim(text="The curbs cover photoresist and hydrogen fluoride.", citations=[_cite(1, "curbs", 40)],
                  verified=True)
    what = QuestionPart("What did Japan restrict?", "What did Japan restrict?")
    when = QuestionPart("When?", "When did Japan restrict?", elided=True)
    one = _answer(what.asked, [unit], [_source(1, "curbs", 0)], ["curbs-0"])
    two = _answer(when.standalone, [alone, other], [_source(1, "curbs", 0, 40)], ["curbs-0"])
    brief = joined_answer("What did Japan restrict and when?", [(what, one), (when, two)])
    texts = [c.text for s in brief.sections for c in s.claims]
    assert texts == [unit.text, other.text]
