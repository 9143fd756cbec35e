"""An empty event section never says the corpus has no evidence for an event the brief itself quotes (issue 10).

Seen on the sample corpus: a situation brief titled with WorldWideWatchers' "China Imposes Export Restrictions on 20
Japanese Firms …" read "No evidence in the corpus for what happened."; an assessment whose bottom line quotes "Japan
has reportedly denied cybersecurity approval …" read "No evidence in the corpus for key developments." The kind: a
section that takes only reported sentences (events, statements) is empty because the one passage that reports the
event was quoted first elsewhere (the title, the bottom line, another section). ``reported_elsewhere`` says so and
points to it; only when nothing quoted reports does the template's empty text stand.
"""

from __future__ import annotations

from rag.brief import Citation, Claim
from rag.quoted_once import EVENT_REFS, reported_elsewhere
from rag.render import quoted

EMPTY = "No evidence in the corpus for what happened."


def _claim(text: str, role: str | None, source: int = 1) -> Claim:
    return Claim(text=text, role=role, verified=True,
                 citations=[Citation(source=source, chunk_id="d-0000", doc_id=f"d{source}", start=0, end=len(text), quote=text)])


def _typed(table: dict[str, str]):
    """A sentence typer reading roles from ``table`` (every other sentence a judgement), recording what it was asked."""
    asked: list[str] = []

    def roles_of(sentences: list[str]) -> list[str]:
        asked.extend(sentences)
        return [table.get(s, "judgement") for s in sentences]
    roles_of.asked = asked
    return roles_of


def test_a_headline_that_reports_the_event_is_pointed_to_from_what_happened():
    title = _claim("China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo", "event")
    text = reported_elsewhere("What happened", [("Headline", title)], _typed({}), EMPTY, quoted)
    assert "No evidence" not in text
    assert text.startswith("No other passage reports what happened; the brief quotes the report under its title:")
    assert "“China Imposes Export Restrictions on 20 Japanese Firms, …” [1]" in text


def test_a_bottom_line_that_opens_with_a_report_is_pointed_to_by_its_reported_sentence():
    report = "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers."
    judged = "The decision signals that Tokyo is treating battery supply chains as a security domain."
    bluf = _claim(f"{report} {judged}", "judgement", source=2)  # joined: the second sentence refers back
    text = reported_elsewhere("Key developments", [("Bottom line up front", bluf)], _typed({report: "event"}), EMPTY, quoted)
    assert "“Bottom line up front”: “Japan has reportedly denied cybersecurity approval for Chinese …” [2]" in text
    assert "The decision" not in text  # the judgement is not what it points to


def test_a_statement_quoted_in_another_section_counts_as_reported():
    said = _claim("Seoul said it would file a complaint with the World Trade Organization.", "statement")
    text = reported_elsewhere("Key developments", [("Competing hypotheses", said)], _typed({}), EMPTY, quoted)
    assert "under “Competing hypotheses”: “Seoul said it would file a complaint with …” [1]" in text


def test_only_judgements_and_forecasts_elsewhere_leave_the_empty_text():
    quotes = [("Bottom line up front", _claim("The move is likely aimed at countering Japan's alignment.", "judgement")),
              ("Outlook", _claim("Tensions will probably rise over the coming months.", "forecast"))]
    assert reported_elsewhere("What happened", quotes, _typed({}), EMPTY, quoted) == EMPTY
    assert reported_elsewhere("What happened", [], _typed({}), EMPTY, quoted) == EMPTY


def test_a_judgement_whose_sentences_are_all_judged_is_not_taken_for_a_report():
    bluf = _claim("This action exacerbates tensions. It could affect regional security.", "judgement")
    typer = _typed({})
    assert reported_elsewhere("What happened", [("Bottom line up front", bluf)], typer, EMPTY, quoted) == EMPTY
    assert typer.asked == ["This action exacerbates tensions.", "It could affect regional security."]  # read per sentence


def test_at_most_event_refs_passages_are_pointed_to_each_once():
    reports = [_claim(f"Officials in city {n} announced new export curbs on chip materials today.", "event", source=n)
               for n in range(1, 5)]
    quotes = [("Bottom line up front", reports[0]), ("Implications", reports[0])] + [("Implications", c) for c in reports[1:]]
    text = reported_elsewhere("What happened", quotes, _typed({}), EMPTY, quoted)
    assert text.count("under ") == EVENT_REFS
    assert "[1]" in text and "[2]" in text and "[3]" not in text
    assert text.count("city 1 ") == 1
