"""A passage is quoted once per brief; a later section refers to it (issue 10), on briefs other than the one a user
saw.

Seen on the sample corpus (Japan's 2019 curbs on South Korea): "Tokyo last week tightened … Such materials …
They have rejected suggestions …" was quoted under the bottom line, again (two of its sentences) as the first
explanation's evidence for, and again as the second explanation. A reader sees the same words three times and
cannot tell a new source from a repeat. ``QuoteLedger`` (used by ``render.brief_markdown``) quotes a passage the first
time and, when every span a later claim cites was quoted before with the same words, refers to it: "the passage
quoted under “Bottom line up front” (“Tokyo last week tightened …”)".
"""

from __future__ import annotations

from rag.brief import Brief, Citation, Claim, Provenance, Section
from rag.quoted_once import QuoteLedger
from rag.render import brief_markdown

PROV = Provenance(template="assessment", template_version="1", template_hash="h", backend="extractive", model="m",
                  retrieval={}, corpus_snapshot="c", query="q")


def _claim(*parts: tuple[str, int, int], doc: str = "d1", **kw) -> Claim:
    """A claim quoting the sentences ``parts`` ((text, start, end) in document ``doc``), one citation each."""
    cites = [Citation(source=1, chunk_id=f"{doc}-0000", doc_id=doc, start=a, end=b, quote=t) for t, a, b in parts]
    return Claim(text=" ".join(t for t, _, _ in parts), citations=cites, verified=True, **kw)


def _brief(sections, timeline=()) -> str:
    return brief_markdown(Brief(template="assessment", topic="t", provenance=PROV, timeline=list(timeline),
                                sections=[Section(name=n, title=t, claims=c) for n, t, c in sections]))


# sanctions: three sentences of one report, quoted under the bottom line
S1 = ("The Treasury sanctioned Bank Rossiya on March 2.", 0, 48)
S2 = ("The bank moved funds for the Wagner group, officials said.", 49, 107)
S3 = ("Moscow denied that the bank had any link to Wagner.", 108, 159)


def test_a_passage_quoted_under_the_bottom_line_is_referred_to_as_evidence():
    text = _brief([("bluf", "Bottom line up front", [_claim(S1, S2, S3)]),
                   ("hypotheses", "Competing hypotheses", [_claim(S2, role="hypothesis", evidence_against=[_claim(S3)])])])
    assert text.count("Moscow denied that the bank had any link to Wagner.") == 1, text  # quoted in full once
    assert "Evidence against: the passage quoted under “Bottom line up front” (“Moscow denied that the bank had any link …”)" in text


def test_two_sentences_of_an_earlier_three_sentence_quote_are_not_quoted_again():
    text = _brief([("bluf", "Bottom line up front", [_claim(S1, S2, S3)]),
                   ("developments", "Key developments", [_claim(S1, S2)])])
    assert text.count("The Treasury sanctioned Bank Rossiya") == 2  # the quote and the reference's opening words
    assert "- See the passage quoted under “Bottom line up front” (“The Treasury sanctioned Bank Rossiya on March 2. …”)" in text


def test_a_passage_with_a_sentence_of_its_own_is_quoted_in_full():
    # chip ban: the second claim adds a sentence the first did not quote
    a = ("Japan added 23 chipmaking tools to its export list on March 31.", 0, 63)
    b = ("Officials said the list covers extreme ultraviolet equipment.", 64, 125)
    text = _brief([("bluf", "Bottom line up front", [_claim(a)]),
                   ("developments", "Key developments", [_claim(a, b)])])
    assert "See the passage" not in text
    assert text.count("Japan added 23 chipmaking tools") == 2


def test_the_same_words_from_another_document_are_quoted_again():
    # tariffs: two outlets carry the same wire sentence; each is its own source
    s = ("China imposed an 80.5 percent tariff on Australian barley.", 0, 58)
    text = _brief([("bluf", "Bottom line up front", [_claim(s, doc="abc")]),
                   ("developments", "Key developments", [_claim(s, doc="reuters")])])
    assert "See the passage" not in text


def test_evidence_shared_by_two_explanations_is_quoted_under_the_first_and_referred_to_under_the_second():
    # cyber attribution: one forensic finding bears on both explanations
    h1 = _claim(("Investigators said the hack was motivated by financial gain.", 0, 60), role="hypothesis")
    h2 = _claim(("Pyongyang rejected claims that the hack was linked to its spies.", 61, 125), role="hypothesis")
    finding = _claim(("The malware reused code from earlier thefts of crypto exchanges.", 126, 190))
    h1.evidence_for, h2.evidence_for = [finding], [finding]
    text = _brief([("hypotheses", "Competing hypotheses", [h1, h2])])
    assert text.count("The malware reused code") == 2, text  # once quoted, once in the reference's opening
    assert "Evidence for: the passage quoted under “Competing hypotheses” (“The malware reused code from earlier" in text


def test_a_timeline_entry_states_the_development_it_repeats_never_a_pointer():
    # a timeline read alone tells what happened when (s35: the battery entry was "See the passage quoted under …"):
    # the entry repeats the event's first sentence, its passage quoted above or not
    s = ("North Korea fired a missile over Japan on October 4. Tokyo issued an alert to residents.", 0, 89)
    entry = _claim(s)
    entry.date = "2022-10-04"
    text = _brief([("developments", "Key developments", [_claim(s)])], timeline=[entry])
    line = next(x for x in text.splitlines() if x.startswith("- **2022-10-04**"))
    assert "See the passage" not in line and "North Korea fired a missile over Japan on October 4." in line, line
    assert "Tokyo issued an alert" not in line, line


def test_an_explanation_stated_as_a_short_claim_leaves_its_passage_to_be_quoted_as_evidence():
    # the statement is a fragment: the denial itself is quoted in full once, as the evidence against
    passage = ("Moscow denied that the sanctions were retaliation for the election.", 0, 68)
    h = _claim(passage, role="hypothesis", statement="the sanctions were retaliation for the election", denied_by="Moscow")
    h.evidence_against = [_claim(passage)]
    text = _brief([("hypotheses", "Competing hypotheses", [h])])
    assert "“the sanctions were retaliation for the election” — held by others the sources do not name; denied by Moscow" in text
    assert "Evidence against: Moscow denied that the sanctions were retaliation for the election." in text


def test_the_ledger_refers_only_to_words_it_showed():
    ledger = QuoteLedger()
    first = _claim(S1)
    assert ledger.refer(first, "Bottom line up front") is None  # quoted now
    assert ledger.where(first) == "Bottom line up front"
    assert ledger.where(_claim(S2)) is None
    assert ledger.where(Claim(text="no citation")) is None


def test_a_reference_shows_the_clause_that_bears_on_the_explanation_when_the_writer_read_one():
    # cyber attribution: the finding is the last clause of a statement quoted among the developments
    s = ("Mandiant said on Tuesday that its analysts found no sign of state involvement in the exchange hack.", 0, 99)
    finding = _claim(s, statement="its analysts found no sign of state involvement in the exchange hack")
    h = _claim(("Seoul blamed the exchange hack on North Korea's military intelligence.", 100, 170), role="hypothesis")
    h.evidence_against = [finding]
    text = _brief([("developments", "Key developments", [_claim(s)]), ("hypotheses", "Competing hypotheses", [h])])
    assert ("Evidence against: the passage quoted under “Key developments” (“its analysts found no sign of state "
            "involvement in the exchange hack”)") in text


def test_a_timeline_date_the_quote_does_not_show_carries_its_basis():
    # s36 fresh user: the battery Markdown timeline showed "2026-06-30" with no note while its date was the day a later
    # sentence says the decision was reported; a date standing for the event's (a report's day, the source's date, a
    # relative day) says so, one the quote itself states as the event's needs no note
    s = ("Japan has reportedly denied cybersecurity approval for Chinese storage battery makers.", 0, 86)
    cases = [
        ("“2026-06-30” in the next sentence: the day it was reported; the event came that day or before", True),
        ("“June 30” in the next sentence: the day it was reported (in an article of 2026-07-01); the event came that day or before", True),
        ("“yesterday” in an article of 2026-07-01", True),
        ("the source's date: its headline or lede reports the event, which came that day or before", True),
        ("“June 30”", False),
    ]
    for basis, shown in cases:
        entry = _claim(s, date="2026-06-30", date_basis=basis)
        text = _brief([("bluf", "Bottom line up front", [_claim(s)])], timeline=[entry])
        line = next(x for x in text.splitlines() if x.startswith("- **2026-06-30**"))
        assert (f"*(date from {basis})*" in line) is shown, line
