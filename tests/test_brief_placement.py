"""A draft an analyst could sign places what it cannot date or check (issue 10, s27).

The kinds, each specified on inputs written for it beyond the one a user saw on the sample corpus:

- an undated source's quotes in a dated story: after the dated sources' quotes in each section, marked
  "(undated source)" (the sample: an unnamed roundup naming a 2023 trade minister led a 2026 story);
- a sentence whose point is who people are (names with their offices), from a source no one can be named for or a
  generated brief: background, not a development ("Gene Raymond, the US Secretary of Commerce");
- a report a source credits to an outlet: the attribution names it ("…, citing Nikkei Asia, reports");
- relative dates: anchored to the source's date, or marked as unplaceable when the source is undated;
- an empty implications dimension while the brief quotes reports that speak to it: the note points to them;
- the header counts quotes and the sentences they hold apart.
"""

from __future__ import annotations

import pytest

from rag.brief import Brief, Citation, Claim, Provenance, Section, Source
from rag.render import brief_markdown, checks_line, date_note, quoted
from rag.writers.attribution import credit_outlets
from rag.writers.dimensions import bearing_on, implication_note
from rag.writers.placement import (identity_share, identity_to_background, is_identity_sentence, mark_undated,
                                   undated_sources)
from rag.writers.timeline import anchored_dates


def _cite(n: int, doc: str, start: int = 0, end: int = 10, chunk: str | None = None) -> Citation:
    return Citation(source=n, chunk_id=chunk or f"{doc}-0000", doc_id=doc, start=start, end=end, quote="x")


def _claim(text: str, n: int, doc: str, attribution: str | None = None, role: str = "event", **kw) -> Claim:
    return Claim(text=text, citations=[_cite(n, doc, **kw)], role=role, attribution=attribution, verified=True)


# ------------------------------------------------------------------ who people are

IDENTITY = [
    "The request was reportedly conveyed through channels involving Gene Raymond, the US Secretary of Commerce, to "
    "Yasutoshi Nishimura, Japan’s Minister of Economy, Trade and Industry.",
    "The talks were led by Lee Chang-yang, South Korea’s Minister of Trade, Industry and Energy, and Yoji Muto, "
    "Japan’s Minister of Economy, Trade and Industry.",
    "The letter went from Antony Blinken, the US Secretary of State, to Wang Yi, China’s Foreign Minister.",
]
POINT_ELSEWHERE = [
    "South Korean Minister of Trade, Industry and Energy Sung Yun-mo said that an “emergency inspection” found no "
    "sign of illegal transactions.",
    "“The measure is not a subject for consultation and we have no intention of withdrawing it either,” Japanese "
    "Chief Cabinet Secretary Yoshihide Suga told a news conference.",
    "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers.",
    "Kim In-chul, the ministry spokesman, said Seoul had summoned the ambassador over the curbs.",
]


@pytest.mark.parametrize("text", IDENTITY)
def test_a_sentence_mostly_names_with_their_offices_is_about_who_people_are(text):
    assert is_identity_sentence(text), identity_share(text)


@pytest.mark.parametrize("text", POINT_ELSEWHERE)
def test_a_sentence_that_reports_what_a_titled_person_did_or_said_is_not(text):
    assert not is_identity_sentence(text), identity_share(text)


def _sections(*claims_by_name):
    return [Section(name=name, title=name.capitalize(), claims=list(claims)) for name, claims in claims_by_name]


def test_identity_from_an_unnamed_or_generated_source_moves_to_background_and_from_a_named_report_stays():
    roundup = Source(index=1, doc_id="r", attributed_as="an unnamed roundup citing Kyodo News")
    digest = Source(index=2, doc_id="g", publisher="Desk", source_type="generated", attributed_as="Desk (AI-generated brief, 2026)")
    wire = Source(index=3, doc_id="w", publisher="Yonhap", published="2023-05-02")
    sections = _sections(("developments", [_claim(IDENTITY[0], 1, "r"), _claim(IDENTITY[2], 2, "g"),
                                           _claim(IDENTITY[1], 3, "w"), _claim(POINT_ELSEWHERE[0], 1, "r")]),
                         ("background", []))
    assert identity_to_background(sections, {1: roundup, 2: digest, 3: wire}) == 2
    assert [c.text for c in sections[0].claims] == [IDENTITY[1], POINT_ELSEWHERE[0]]
    assert [c.text for c in sections[1].claims] == [IDENTITY[0], IDENTITY[2]]
    # a template without a background section keeps the claim where it is
    alone = _sections(("developments", [_claim(IDENTITY[0], 1, "r")]))
    assert identity_to_background(alone, {1: roundup}) == 0 and len(alone[0].claims) == 1


# ------------------------------------------------------------------ undated material in a dated story

def test_an_undated_sources_quotes_follow_the_dated_story_and_are_marked():
    dated = Source(index=1, doc_id="a", publisher="WorldWideWatchers", published="2026-02-25", source_type="generated",
                   attributed_as="WorldWideWatchers (AI-generated brief, 2026)")
    roundup = Source(index=2, doc_id="b", attributed_as="an unnamed roundup citing Kyodo News")
    page = Source(index=3, doc_id="c", publisher="Taipei Times", attributed_as="Taipei Times")
    copy = Source(index=4, doc_id="d", publisher="Kyodo", attributed_as="Kyodo")  # undated copy of the dated story
    sources = [dated, roundup, page, copy]
    undated = undated_sources(sources, {"a": "s1", "b": "s2", "c": "s3", "d": "s1"})
    assert undated == {2, 3}
    bluf = [_claim("US authorities have asked Japan to join the curbs.", 2, "b",
                   attribution="According to an unnamed roundup citing Kyodo News"),
            _claim("Tokyo last week tightened approvals.", 3, "c"),
            _claim("China restricted dual-use exports to 20 Japanese firms.", 1, "a",
                   attribution="WorldWideWatchers (AI-generated brief, 2026) reports"),
            _claim("Kyodo said the list names Subaru.", 4, "d")]
    hyp = [_claim("The curbs answer Tokyo's Taiwan remarks.", 3, "c", role="judgement",
                  attribution="Taipei Times assesses"), _claim("China seeks leverage.", 1, "a", role="judgement")]
    sections = _sections(("bluf", bluf), ("hypotheses", hyp))
    assert mark_undated(sections, {s.index: s for s in sources}, undated) == 3
    assert [c.citations[0].source for c in sections[0].claims] == [1, 4, 2, 3]
    assert sections[0].claims[2].attribution == "According to an unnamed roundup citing Kyodo News (undated source)"
    assert sections[0].claims[3].attribution == "Taipei Times (undated source) reports"  # no longer stated as fact
    assert sections[0].claims[1].attribution is None  # an undated report of a dated story is that story's
    assert [c.citations[0].source for c in sections[1].claims] == [3, 1]  # hypotheses keep their order
    assert sections[1].claims[0].attribution == "Taipei Times (undated source) assesses"


def test_nothing_is_placed_or_marked_when_no_source_is_dated():
    srcs = [Source(index=1, doc_id="a", publisher="Taipei Times"), Source(index=2, doc_id="b", publisher="Yonhap")]
    assert undated_sources(srcs, {}) == set()
    # the brief's on-topic sources date it: a dated source cited for something else does not
    other = Source(index=3, doc_id="c", publisher="CNN", published="2022-08-02")
    assert undated_sources(srcs + [other], {}, dated_by=srcs) == set()


# ------------------------------------------------------------------ the outlet a source credits

DIGEST = ("Japan has reportedly denied cybersecurity approval for Chinese storage battery makers. The decision, "
          "reported on 2026-06-30 by Nikkei Asia, signals that Tokyo treats batteries as a security domain. Separately, "
          "a separate report from Taipei Times says tech executives are being held in China.")


def _credited(text: str, start_in_doc: int, chunk_start: int, role: str = "event") -> str | None:
    src = Source(index=1, doc_id="g", publisher="Intelrift", source_type="generated",
                 attributed_as="Intelrift (AI-generated brief, 2026)")
    end = start_in_doc + len(text)
    claim = _claim(text, 1, "g", attribution="Intelrift (AI-generated brief, 2026) reports", role=role,
                   start=start_in_doc, end=end, chunk="g-1")
    credit_outlets([claim], {1: src}, {"g-1": (chunk_start, DIGEST)})
    return claim.attribution


def test_a_report_credited_by_the_sentence_referring_back_to_it_names_the_outlet():
    lede = DIGEST.split(". ")[0] + "."
    # citation offsets are offsets in the document's stored text: the passage starts at 500 there
    assert _credited(lede, 500, 500) == "Intelrift (AI-generated brief, 2026), citing Nikkei Asia, reports"


def test_a_quote_that_credits_an_outlet_itself_names_it():
    third = DIGEST[DIGEST.index("Separately"):]
    assert _credited(third, DIGEST.index("Separately"), 0) == "Intelrift (AI-generated brief, 2026), citing Taipei Times, reports"


def test_no_credit_for_a_judgement_or_a_next_sentence_that_does_not_refer_back():
    lede = DIGEST.split(". ")[0] + "."
    assert _credited(lede, 0, 0, role="judgement") == "Intelrift (AI-generated brief, 2026) reports"
    plain = "Japan denied approval. Nikkei Asia reported that exports rose."
    src = Source(index=1, doc_id="g", publisher="Intelrift", source_type="generated", attributed_as="Intelrift")
    claim = _claim("Japan denied approval.", 1, "g", attribution="Intelrift reports", start=0, end=22, chunk="g-1")
    credit_outlets([claim], {1: src}, {"g-1": (0, plain)})
    assert claim.attribution == "Intelrift reports"


def test_an_outlet_the_attribution_already_names_is_not_repeated():
    src = Source(index=1, doc_id="r", attributed_as="an unnamed roundup citing Kyodo News")
    text = "The update comes from Kyodo News and signals a coordinated approach."
    claim = _claim(text, 1, "r", attribution="According to an unnamed roundup citing Kyodo News", start=0, end=len(text))
    credit_outlets([claim], {1: src}, {"r-0000": (0, text)})
    assert claim.attribution == "According to an unnamed roundup citing Kyodo News"


# ------------------------------------------------------------------ relative dates

@pytest.mark.parametrize("text,published,expected", [
    ("Japan yesterday said it would not retract the curbs.", "2019-07-10", [("yesterday", "2019-07-09", "day")]),
    ("Moon on Monday said Seoul would respond.", "2019-07-10", [("on Monday", "2019-07-08", "day")]),
    ("Tokyo last week tightened approvals.", None, [("last week", None, "week")]),
    ("Beijing on Friday detained two executives.", None, [("on Friday", None, "day")]),
    ("Japan tightened approvals on July 4, 2019.", "2019-07-10", []),  # an explicit date needs no anchor
])
def test_relative_dates_are_anchored_to_the_sources_date_or_left_unplaced(text, published, expected):
    assert anchored_dates(text, published) == expected


def test_a_quote_says_where_its_relative_dates_fall():
    dated = _claim("Tokyo last week tightened approvals and yesterday refused talks.", 1, "d")
    assert date_note(dated, {1: "2019-07-10"}) == (
        " *(‘last week’: the week of 2019-07-01; ‘yesterday’: 2019-07-09 — by the source's date, 2019-07-10)*")
    assert date_note(dated, {1: None}) == " *(undated source: ‘last week’ and ‘yesterday’ cannot be placed)*"
    assert date_note(_claim("Japan tightened approvals in 2019.", 1, "d"), {1: None}) == ""
    entry = _claim("Japan yesterday said no.", 1, "d")
    entry.date = "2019-07-09"  # a timeline entry carries its own date
    assert date_note(entry, {1: "2019-07-10"}) == ""


# ------------------------------------------------------------------ implications the brief's reports speak to

def test_an_empty_dimension_points_to_the_quotes_that_speak_to_it():
    moon = _claim("Moon said the curbs raised concern over disruptions for manufacturers, exports and global supply "
                  "chains, and Seoul would take countermeasures if companies suffer damage.", 1, "t")
    arms = _claim("Officials said the chemicals could be used in fighter jets, radars and chemical weapons.", 1, "t")
    quoted_claims = [("Key developments", moon), ("Key developments", arms), ("Competing hypotheses", arms)]
    economic = bearing_on("economic", quoted_claims, ())
    assert [c for _, c in economic] == [moon]
    note = implication_note(bearing_on("security", quoted_claims, ()), "No evidence in the corpus for implications: security.", quoted)
    assert note.startswith("No source in the corpus assesses these implications. Reported above and bearing on them")
    assert note.count("chemicals could be used") == 1 and "(Key developments) [1]" in note
    assert implication_note(bearing_on("cyber", quoted_claims, ()), "No evidence.", quoted) == "No evidence."


def test_a_cut_quote_closes_the_quotation_it_cut():
    suga = _claim("“The measure is not a subject for consultation and we have no intention of withdrawing it either,” "
                  "Suga told a news conference.", 1, "t")
    note = implication_note([("Key developments", suga)], "", quoted)
    assert "“‘The measure is not a subject for consultation and we have no intention of …’” (Key developments) [1]" in note


# ------------------------------------------------------------------ counts

def test_an_answer_places_its_quotes_relative_dates_as_a_brief_does():
    from rag.render import answer_with_sources

    prov = Provenance(template="answer", template_version="1", template_hash="h", backend="extractive", model="m",
                      retrieval={}, corpus_snapshot="c", query="q")
    said = _claim("Japan yesterday said it would not retract the controls.", 1, "a")
    for published, note in (("2019-07-10", "(‘yesterday’: 2019-07-09 — by the source's date, 2019-07-10)"),
                            (None, "(undated source: ‘yesterday’ cannot be placed)")):
        answer = Brief(template="answer", topic="What did Japan say?", kind="answer",
                       sections=[Section(name="answer", title="Answer", claims=[said])],
                       sources=[Source(index=1, doc_id="a", publisher="Desk", published=published)], provenance=prov)
        assert note in answer_with_sources(answer)  # `brief ask`, chat and the OpenAI-compatible replies
        assert note in brief_markdown(answer)  # `brief ask -f md`, the API's Markdown


def test_the_header_counts_quotes_and_the_sentences_they_hold():
    prov = Provenance(template="situation", template_version="1", template_hash="h", backend="extractive", model="m",
                      retrieval={}, corpus_snapshot="c", query="q")
    two = _claim("Tokyo tightened approvals. Such materials need trusted partners.", 1, "t")
    one = _claim("Seoul filed a complaint with the WTO.", 1, "t", attribution="Desk reports")
    brief = Brief(template="situation", topic="t", sections=[Section(name="summary", title="What happened", claims=[two, one])],
                  sources=[Source(index=1, doc_id="t", publisher="Desk")], provenance=prov)
    assert checks_line(brief) == ("2 quotes (3 sentences) quoted verbatim from 1 source; 1 quote attributed to their "
                                  "source as judgement, forecast or non-reporting.")
    brief.sections[0].claims = [one]
    assert checks_line(brief).startswith("1 sentence quoted verbatim from 1 source; 1 sentence attributed")
    brief.sources[0].published = None
    md = brief_markdown(brief.model_copy(update={"headline": None}))
    assert "What happened" in md


# ------------------------------------------------------------------ a title in sentence case is the title

@pytest.mark.parametrize("title", [
    "Japan blocks Chinese battery makers over cybersecurity—while China prosecutes chip smugglers and Korea pitches a new chip hub",
    "Vietnam tightens export licensing for rare earth magnets as Hanoi weighs a wider regime for the batteries it makes",
    "Seoul summons Japan's ambassador over curbs on the chemicals its chipmakers need",
])
def test_a_documents_own_title_in_sentence_case_is_evidence_not_a_truncated_line(title):
    from rag.types import Chunk
    from rag.writers.base import EvidencePassage
    from rag.writers.candidates import candidates

    text = f"Security Desk\n\n{title}\n\nThe ministry said on Monday that the measure takes effect in March."
    ev = [EvidencePassage("S1", Chunk("t-0000", "t", text, 0, len(text), 0, {"title": title}), 1.0)]
    cands, _ = candidates(ev, connectives=True, paragraphs=True)
    titles = [c for c in cands if c.is_title]
    assert [c.text for c in titles] == [title] and titles[0].role == "event"
    # an answer keeps to sentences (the seed answers led with a digest's title): the line is not quoted there
    answer_titles = [c.text for c in candidates(ev)[0] if c.is_title]
    assert answer_titles == ([] if len(title.split()) >= 15 else [title])  # a short title is a heading either way
    # the same line in another document (not its title) stays out: a line cut off is no sentence
    other = [EvidencePassage("S1", Chunk("u-0000", "u", text, 0, len(text), 0, {"title": "Another story"}), 1.0)]
    assert all(c.text != title for c in candidates(other, connectives=True, paragraphs=True)[0])


# ------------------------------------------------------------------ a past fact is recounted, not argued

ESSAY = Source(index=1, doc_id="e", publisher="Discuss Japan", published="2020-03-31", source_type="analysis",
               attributed_as="Hosokawa Masahiko (2020 essay)")


@pytest.mark.parametrize("text", [
    "During the Cold War period, multilateral export controls (known as “CoCom”) were established by the Western Bloc.",
    "In 2008, the Chinese government launched the Thousand Talents Program to recruit research experts.",
    "In 2018, the United States passed the Export Control Reform Act.",
])
def test_a_judgement_typed_sentence_that_states_a_past_fact_is_recounted(text):
    from rag.writers.attribution import attribution

    assert attribution("judgement", [ESSAY], text) == "Hosokawa Masahiko (2020 essay) recounts"


@pytest.mark.parametrize("text", [
    "Companies have been careful about such products, but this approach no longer seems to be effective.",
    "In 2018, Washington should have acted sooner.",
    "The state-led strategic plan, Made in China 2025, is not just an industrial policy.",
    "Japan tightened its rules in 2022.",  # a year after the essay's: not its past
])
def test_a_sentence_that_weighs_or_is_not_of_the_past_is_argued(text):
    from rag.writers.attribution import attribution

    assert attribution("judgement", [ESSAY], text) == "Hosokawa Masahiko (2020 essay) argues"


def test_the_header_says_which_relative_dates_no_source_date_places():
    """A line under the header; the header's dating stays as it was (``tests/test_brief_header_dating.py``)."""
    from rag.render import unplaced_line

    prov = Provenance(template="assessment", template_version="1", template_hash="h", backend="extractive", model="m",
                      retrieval={}, corpus_snapshot="c", query="q")
    claims = [_claim("Japan yesterday said it would not retract the curbs.", 1, "p"),
              _claim("Tokyo last week tightened approvals; Japan yesterday refused talks.", 1, "p"),
              _claim("Moon on Monday said Seoul would respond.", 2, "w")]
    brief = Brief(template="assessment", topic="Japan's 2019 export curbs on South Korea",
                  sections=[Section(name="developments", title="Key developments", claims=claims)],
                  sources=[Source(index=1, doc_id="p", publisher="Taipei Times"),
                           Source(index=2, doc_id="w", publisher="Yonhap", published="2019-07-09")], provenance=prov)
    assert unplaced_line(brief) == "*Relative dates in undated sources cannot be placed: ‘yesterday’, ‘last week’.*"
    brief.sources[0].published = "2019-07-10"
    assert unplaced_line(brief) is None


def test_the_json_schema_says_which_offsets_index_which_text():
    fields = Citation.model_json_schema()["properties"]
    assert "stored (normalized) text" in fields["start"]["description"] and "source_span" in fields["start"]["description"]
    assert "original" in fields["source_span"]["description"] and "start/end" in fields["source_span"]["description"]


def test_the_header_counts_reports_of_an_unnamed_source_apart_from_views():
    """The quick-start assessment said "24 quotes attributed … as judgement, forecast or non-reporting" of 24, counting
    an undated roundup's plain "According to …" news lines: a report credited to a source no one can be named for is
    reporting, not a view (s36 fresh user, item 9)."""
    prov = Provenance(template="assessment", template_version="1", template_hash="h", backend="extractive", model="m",
                      retrieval={}, corpus_snapshot="c", query="q")
    unnamed = "According to an unnamed roundup citing Kyodo News"
    plain = _claim("US authorities have asked the Japanese government to join efforts.", 1, "r", unnamed, role="event")
    said = _claim("Officials in Washington are seeking Tokyo's engagement.", 1, "r", unnamed, role="statement")
    view = _claim("The update signals a coordinated approach to export controls.", 1, "r", unnamed, role="judgement")
    assessed = _claim("East Asia is converging on a security-first industrial policy.", 2, "g",
                      "Intelrift (AI-generated brief, 2026) assesses", role="judgement")
    brief = Brief(template="assessment", topic="t",
                  sections=[Section(name="developments", title="Key developments", claims=[plain, said, view, assessed])],
                  sources=[Source(index=1, doc_id="r", publisher=""), Source(index=2, doc_id="g", publisher="Intelrift")],
                  provenance=prov)
    assert checks_line(brief) == ("4 sentences quoted verbatim from 2 sources; 2 sentences attributed to their source as "
                                  "judgement, forecast or non-reporting; 2 reports credited to an unnamed source "
                                  "(“According to …”).")
    brief.sections[0].claims = [view, assessed]
    assert checks_line(brief).endswith("2 sentences attributed to their source as judgement, forecast or non-reporting.")
