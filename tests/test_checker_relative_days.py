"""A passage's relative days are read against its publication day.

A report of Thursday 2026-10-08 that says "Police said yesterday that three men were charged" supports "Police said on
October 7 ..." and not "... on October 5"; "today" in a report of 2026-09-18 is September 18, 2026; "on Monday" is the
Monday before (October 5); "last week" is the week of Monday, September 28, to Sunday, October 4, which states its
months but no single day. Without a publication date nothing is placed: the claim's date is not established, and the
reason says it "cannot be placed" rather than that the passage lacks it (``relative_dates``, ``facts.index_text``,
``fact_checks``). `brief verify` gives the checker a pair's "published"; a brief's verifier its chunk's.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rag.support.facts import extract_facts, index_text
from rag.support.figures import outdated_figure
from rag.support.relative_dates import placed_dates, unplaced_phrase, unplaced_reason
from rag.types import Chunk
from rag.verify import CitationVerifier
from rag.writers.answer_verdict import contrary
from rag.writers.base import CitedSpan, DraftClaim, EvidencePassage

THURSDAY = "2026-10-08"
POLICE = "Police said yesterday that three men were charged."
LICENCES = "The ministry said today that export licences for the lithography tools would be suspended."
CUSTOMS = "Customs officers in Busan seized 40 server boards on Monday, the agency said."
BROKERS = "Last week the regulator fined two brokers for leaking client data."
DRONES = "Three days ago, a court in Taichung sentenced two engineers for passing drone designs to a rival."


# -- what the passage's phrases denote ----------------------------------------------------------------------------


def test_a_relative_day_is_the_calendar_day_it_names_and_a_week_its_seven_days():
    [yesterday] = placed_dates(POLICE, THURSDAY)
    assert (yesterday.phrase, yesterday.days, yesterday.precision) == ("yesterday", (date(2026, 10, 7),), "day")
    assert placed_dates(CUSTOMS, THURSDAY)[0].days == (date(2026, 10, 5),)
    assert placed_dates(DRONES, THURSDAY)[0].days == (date(2026, 10, 5),)
    [week] = placed_dates(BROKERS, THURSDAY)
    assert week.precision == "week" and (week.days[0], week.days[-1]) == (date(2026, 9, 28), date(2026, 10, 4))


def test_today_is_the_publication_day_though_the_text_layer_leaves_it_out():
    assert [(p.phrase, p.days) for p in placed_dates(LICENCES, "2026-09-18")] == [("today", (date(2026, 9, 18),))]
    assert [p.phrase for p in placed_dates("Shares fell this morning in Seoul.", "2026-09-18")] == ["this morning"]


def test_nothing_is_placed_without_a_publication_date():
    assert placed_dates(POLICE, None) == []
    dated, undated = index_text(POLICE, THURSDAY), index_text(POLICE)
    assert (10, 7) in dated.facts.month_days and (10, 2026) in dated.facts.month_years
    assert "wednesday" in dated.facts.weekdays and 2026.0 in {n.value for n in dated.facts.numbers}
    assert not undated.facts.month_days and not undated.facts.weekdays and undated.published is None


def test_a_week_states_its_months_and_year_but_no_day():
    facts = index_text(BROKERS, THURSDAY).facts
    assert {9, 10} <= facts.months and {(9, 2026), (10, 2026)} <= facts.month_years
    assert not facts.month_days and not facts.weekdays


@pytest.mark.parametrize("text, part, phrase", [
    (POLICE, "day", "yesterday"),
    (POLICE, "weekday", "yesterday"),
    (CUSTOMS, "day", "on Monday"),
    (CUSTOMS, "weekday", None),  # it states its weekday: "Tuesday" against it is a plain mismatch
    ("Exports fell last month, officials said.", "month", "last month"),
    ("Exports fell last month, officials said.", "day", None),  # a month cannot be a claim's day
    ("Police raided the plant on October 7.", "year", "October 7"),
    ("Police raided the plant on October 7.", "day", None),  # its day is written
    (LICENCES, "day", "today"),
    ("The raid was in March 2025.", "year", None),
])
def test_an_undated_phrase_could_name_only_the_parts_it_leaves_open(text, part, phrase):
    assert unplaced_phrase(text, part) == phrase


def test_an_unknown_part_is_an_error():
    with pytest.raises(ValueError, match="part must be one of"):
        unplaced_phrase(POLICE, "hour")


# -- the checker ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("claim, passage, published", [
    ("Police said on October 7 that three men were charged.", POLICE, THURSDAY),
    ("Police said on Wednesday that three men were charged.", POLICE, THURSDAY),
    ("On September 18, 2026, the ministry said export licences for the lithography tools would be suspended.",
     LICENCES, "2026-09-18"),
    ("Customs officers in Busan seized 40 server boards on October 5, the agency said.", CUSTOMS, THURSDAY),
    ("In early October the regulator fined two brokers for leaking client data.", BROKERS, THURSDAY),
    ("A court in Taichung sentenced two engineers on October 5, 2026 for passing drone designs to a rival.", DRONES,
     THURSDAY),
])
def test_a_claim_date_the_relative_day_names_is_supported(checker, claim, passage, published):
    res = checker.check(claim, [passage], published=published)
    assert res.supported, res.reasons


@pytest.mark.parametrize("claim, passage, published, reason", [
    ("Police said on October 5 that three men were charged.", POLICE, THURSDAY, "date 'October 5' not in cited text"),
    ("Police said on Tuesday that three men were charged.", POLICE, THURSDAY, "weekday 'Tuesday' not in cited text"),
    ("Customs officers in Busan seized 40 server boards on October 6, the agency said.", CUSTOMS, THURSDAY,
     "date 'October 6' not in cited text"),
    ("On September 17, 2026, the ministry said export licences for the lithography tools would be suspended.",
     LICENCES, "2026-09-18", "date 'September 17' not in cited text"),
    # a week does not state a day, as "in October" would not
    ("On October 1 the regulator fined two brokers for leaking client data.", BROKERS, THURSDAY,
     "date 'October 1' not in cited text"),
])
def test_a_wrong_day_still_fails(checker, claim, passage, published, reason):
    res = checker.check(claim, [passage], published=published)
    assert not res.supported and reason in res.reasons


def test_without_a_publication_date_the_date_cannot_be_placed_and_is_no_contrary(checker):
    claim = "Police said on October 7 that three men were charged."
    res = checker.check(claim, [POLICE])
    assert not res.supported
    assert res.reasons == (unplaced_reason("date", "October 7", "yesterday"),)
    assert res.reasons[0] == "date 'October 7' cannot be placed: the passage says 'yesterday' and has no publication date"
    assert contrary(claim, res) is None  # an answer does not say "No" on an unplaced day
    res = checker.check("Police said on Wednesday that three men were charged.", [POLICE])
    assert "weekday 'Wednesday' cannot be placed" in res.reasons[0]


def test_a_claim_date_against_a_passage_with_no_date_at_all_is_still_absent(checker):
    res = checker.check("Police said on October 7 that three men were charged.",
                        ["Police said that three men were charged."])
    assert "date 'October 7' not in cited text" in res.reasons


# -- the callers give the checker the publication day --------------------------------------------------------------


def test_brief_verify_reads_a_pair_s_published_date(cli, tmp_path: Path):
    rows = [{"claim": "Police said on October 7 that three men were charged.", "passage": POLICE, "published": THURSDAY},
            {"claim": "Police said on October 5 that three men were charged.", "passage": POLICE, "published": THURSDAY}]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = cli(["verify", "--json", str(path)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["supported"] for line in result.stdout.splitlines()] == [True, False]


def _verify(checker, claim: str, text: str, published: str | None):
    meta = {"published": published} if published else {}
    passage = EvidencePassage("S1", Chunk("a-0000", "a", text, 0, len(text), 0, meta), 1.0)
    verifier = CitationVerifier(checker, [passage], checker.embed)
    return verifier.verify("key_developments", DraftClaim(text=claim, cites=[CitedSpan("a-0000", 0, len(text))]))


def test_a_brief_claim_is_checked_against_its_chunk_s_publication_day(checker):
    kept, _ = _verify(checker, "Police said on October 7 that three men were charged.", POLICE, THURSDAY)
    assert kept is not None and kept.verified
    removed, repairs = _verify(checker, "Police said on October 5 that three men were charged.", POLICE, THURSDAY)
    assert removed is None and repairs[-1].action == "removed"


def test_an_undated_passage_that_writes_a_date_of_its_own_keeps_the_plain_reason(checker):
    passage = "The cabinet approved the rule on Friday. It takes effect on Aug. 28, officials said."
    res = checker.check("The rule takes effect on Sept. 5, officials said.", [passage])
    assert "date 'September 5' not in cited text" in res.reasons


def test_a_year_an_undated_passage_may_give_relatively_cannot_be_placed(checker):
    res = checker.check("In 2025 the ministry fined two brokers for leaking client data.",
                        ["Earlier this year the ministry fined two brokers for leaking client data."])
    assert not res.supported
    assert res.reasons[0] == ("number 2025 cannot be placed: the passage says 'Earlier this year' and has no "
                              "publication date")
    dated = checker.check("In 2025 the ministry fined two brokers for leaking client data.",
                          ["Earlier this year the ministry fined two brokers for leaking client data."],
                          published="2025-06-02")
    assert dated.supported, dated.reasons


def test_the_year_of_a_relative_day_is_a_date_not_a_current_figure():
    window = "Two cruise missiles were launched early Wednesday from 2 sites, the military said."
    index = index_text(window, "2022-06-10")
    assert 2022.0 in {n.value for n in index.facts.numbers if n.day_year}
    claim = extract_facts("Two cruise missiles were launched early Wednesday.", claim=True)
    assert outdated_figure(claim.numbers, index.facts.numbers, window) is None
