"""What an analyst can rely on in a brief (issue 10, items 3, 4, 6, 7, 8, 9), specified on fresh inputs.

- Each source has a type (news report, analysis/opinion, official statement, generated brief); judgements and
  forecasts are attributed, and nothing whose only source is an opinion or a generated brief reads as fact.
- A sentence that depends on the one before it is quoted with it, or not at all.
- Confidence follows ICD 203: from the number of independent sources, their types and dates, with its reason;
  never High from one source.
- The timeline holds events with the date they happened ("yesterday" is resolved against the article's date);
  targets, comparison years, publication stamps and years in names are not events; "as of" is the latest
  evidence date.
- The first sentence of an answer is the kind of answer asked for (the whole list, the actor's stated
  intention); a question the evidence covers but does not answer gets what the sources say and what they lack.
- Nothing is silent: an empty required section says so; quoted sentences are not reported as "N of N verified".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.brief import Brief, Citation, Claim, Provenance, Section, Source
from rag.render import brief_markdown, source_title
from rag.templates import SectionSpec, TemplateLibrary
from rag.types import Chunk
from rag.writers.answer_kind import answer_type
from rag.writers.attribution import attribution, cue_role
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates, is_dependent
from rag.writers.confidence import assess_confidence
from rag.writers.source_types import source_name, source_type, type_from_kind, type_from_meta, type_from_text
from rag.writers.timeline import as_of_date, event_date

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


def src(index: int, kind: str, *, publisher: str = "", published: str | None = None, doc: str = "", name: str = "") -> Source:
    return Source(index=index, doc_id=doc or f"d{index}", publisher=publisher, published=published, source_type=kind,
                  attributed_as=name or publisher)


def passage(text: str, *, doc: str = "d1", n: int = 0, published: str | None = None, title: str = "") -> EvidencePassage:
    chunk = Chunk(f"{doc}-{n:04d}", doc, text, 0, len(text), n, {"title": title, "published": published or ""})
    return EvidencePassage(f"S{n + 1}", chunk, 1.0)


# --- source types and attribution ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, expected", [
    ("policy essay", "analysis"),
    ("Op-ed by a former trade negotiator", "analysis"),
    ("generated OSINT brief (BLUF, hypotheses)", "generated"),
    ("news roundup citing Yonhap and NHK", "news"),
    ("wire report", "news"),
    ("press release of the Ministry of Economy, Trade and Industry", "official"),
    ("", None),
])
def test_a_documents_kind_metadata_names_its_source_type(kind, expected):
    assert type_from_kind(kind) == expected


def test_without_metadata_the_type_is_read_off_the_text_and_title():
    generated = "Bottom line up front: Seoul is hedging.\nCompeting hypotheses\nHypothesis A: Seoul fears tariffs."
    essay = "I believe the alliance is drifting. We must rethink how export controls are coordinated."
    report = "Police in Hsinchu detained two engineers on Tuesday over suspected leaks of chip designs, prosecutors said."
    assert type_from_text(generated) == "generated"
    assert type_from_text(essay) == "analysis"
    assert type_from_text(report) == "news"
    assert source_type({"title": "Opinion: Tokyo's chip subsidies are a mistake"}, report) == "analysis"
    assert source_type({"kind": "news article"}, essay) == "news"  # the manifest's word wins over cues


@pytest.mark.parametrize("url, expected", [
    ("https://www.cnn.com/2022/08/02/politics/pelosi-taiwan-risks-greater-instability-us-china-analysis/index.html", "analysis"),
    ("https://www.cnn.com/2022/12/08/europe/viktor-bout-putin-importance-analysis-intl/index.html", "analysis"),
    ("https://www.cnn.com/2022/06/06/uk/boris-johnson-confidence-vote-snap-analysis-mcgee/index.html", "analysis"),
    ("https://www.example.com/analysis/2022/seoul-hedges-on-chips", "analysis"),
    ("https://www.usatoday.com/story/opinion/2022/11/08/midterm-elections/8282362001/", "analysis"),
    ("https://www.cnn.com/2022/08/04/asia/china-taiwan-military-exercises-intl-hnk-ml/index.html", None),
    ("https://www.example.com/2022/data-analysis-firm-raises-funds/", None),  # the word inside a news slug
    ("https://www.example.com/2022/analysis-of-chip-exports-shows-drop/", None),
])
def test_a_url_that_files_a_piece_as_analysis_or_opinion_types_it_so(url, expected):
    assert type_from_meta({"url": url}) == expected


@pytest.mark.parametrize("source, title", [
    (Source(index=1, doc_id="d1", title="Pelosi lands in Taiwan", source_path="news.jsonl#L63"), "Pelosi lands in Taiwan"),
    (Source(index=1, doc_id="d1", source_path="/data/eval/news.jsonl#L63"), "untitled record, line 63 of news.jsonl"),
    (Source(index=2, doc_id="d2", source_path="/data/eval/news.jsonl#L7"), "untitled record, line 7 of news.jsonl"),
    # a file name or an id is no title: the source is said to be untitled (the sample corpus's 001 and 002 have none)
    (Source(index=1, doc_id="d1", source_path="corpus/002_0a34de.txt"), "untitled file 002_0a34de.txt"),
    (Source(index=1, doc_id="d1", source_path="/work/x/corpus/001_19717e.txt", publisher="Taipei Times"),
     "untitled file 001_19717e.txt"),
    (Source(index=1, doc_id="d1"), "untitled document d1"),
])
def test_an_untitled_source_is_said_to_be_untitled_and_two_records_of_one_file_differ(source, title):
    assert source_title(source) == title


@pytest.mark.parametrize("authors, name", [
    (["Analysis Stephen Collinson"], "Stephen Collinson (2022 analysis)"),
    (["Opinion Nicole Hemmer"], "Nicole Hemmer (2022 opinion piece)"),
    (["Review by Brian Lowry"], "Brian Lowry (2022 review)"),
    ("Commentary Jane Roe; John Doe", "Jane Roe (2022 commentary)"),
])
def test_a_byline_that_opens_with_the_pieces_label_types_it_and_is_not_the_authors_name(authors, name):
    meta = {"authors": authors, "publisher": "cnn.com", "published": "2022-08-02"}
    assert source_type(meta, "Pelosi landed in Taiwan on Tuesday, officials said.") == "analysis"
    assert source_name(meta, "analysis") == name


@pytest.mark.parametrize("authors", [["Brad Lendon"], ["Opinion"], ["analysis team"], ["Analysts at Eurasia Group"], []])
def test_a_plain_byline_says_nothing_about_the_type(authors):
    meta = {"authors": authors, "publisher": "cnn.com", "published": "2022-08-04"}
    assert source_type(meta, "China fired multiple missiles toward waters near Taiwan on Thursday, the ministry said.") == "news"


def test_sources_are_named_as_an_analyst_cites_them():
    essay = {"authors": ["Hosokawa Masahiko"], "publisher": "Discuss Japan", "published": "2020-03-31", "kind": "policy essay"}
    assert source_name(essay, "analysis") == "Hosokawa Masahiko (2020 essay)"
    brief = {"publisher": "WorldWideWatchers", "published": "2026-02-25"}
    assert source_name(brief, "generated") == "WorldWideWatchers (AI-generated brief, 2026)"
    assert source_name({"publisher": "Taipei Times (page with snippets)"}, "news") == "Taipei Times"


def test_judgements_and_non_reporting_claims_are_attributed_reported_events_are_not():
    news, essay, gen = src(1, "news", publisher="Yonhap"), src(2, "analysis", name="Kim Ji-ho (2021 column)"), src(3, "generated", name="Desk (AI-generated brief, 2026)")
    assert attribution("event", [news]) is None
    assert attribution("statement", [news, gen]) is None  # reporting corroborates it
    assert attribution("event", [gen]) == "Desk (AI-generated brief, 2026) reports"
    assert attribution("event", [essay]) == "Kim Ji-ho (2021 column) writes"
    assert attribution("judgement", [essay]) == "Kim Ji-ho (2021 column) argues"
    assert attribution("judgement", [gen]) == "Desk (AI-generated brief, 2026) assesses"
    assert attribution("forecast", [news]) == "Yonhap reports"
    assert attribution("judgement", [src(4, "news", name="an unnamed report")]) == "According to an unnamed report"


def test_an_item_a_source_lists_as_unknown_is_credited_as_a_gap_not_as_something_it_reports():
    # "Information Gaps: • Details on the specific dual-use items restricted …" credited "reports" read as a finding
    news, essay, gen = src(1, "news", publisher="Yonhap"), src(2, "analysis", name="Kim Ji-ho (2021 column)"), src(3, "generated", name="Desk (AI-generated brief, 2026)")
    assert attribution("gap", [gen]) == "Desk (AI-generated brief, 2026) lists as an information gap"
    assert attribution("gap", [essay]) == "Kim Ji-ho (2021 column) names as unknown"
    assert attribution("gap", [news]) is None  # a report saying what is not known stands as reporting
    assert attribution("gap", [news, gen]) is None


@pytest.mark.parametrize("text, role", [
    ("Police detained two engineers at a Hsinchu plant on Tuesday.", "event"),
    ("The trade ministry said it would review the licences within 90 days.", "statement"),
    ("The curbs are likely aimed at slowing Beijing's chip programme.", "judgement"),
    ("Seoul will announce a subsidy package next month.", "forecast"),
    ("Whether Tokyo extends the list to more chemicals remains to be seen.", "signal"),
    ("It remains unclear how many shipments were affected.", "gap"),
])
def test_a_sentence_has_a_provisional_role_until_the_classifier_types_it(text, role):
    assert cue_role(text) == role


# --- context ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, dependent", [
    ("This action deepens the rift between the two capitals.", True),
    ("The aim is to stop dual-use chemicals reaching weapons makers.", True),
    ("Furthermore, exporters must now apply for each shipment.", True),
    ("It also bars state firms from buying the drives.", True),
    ("However, officials declined to give a timetable.", True),
    ("This week, Tokyo tightened rules on chip exports.", False),
    ("“The measure is not negotiable,” the chief cabinet secretary told reporters.", False),
    ("Seoul filed a complaint with the WTO on Friday.", False),
])
def test_a_sentence_that_opens_with_a_reference_or_connective_depends_on_the_one_before(text, dependent):
    assert is_dependent(text) is dependent


def test_a_dependent_sentence_is_quoted_with_the_sentence_it_depends_on_or_not_at_all():
    text = (
        "Beijing added 15 Japanese defence contractors to its export control list on Monday. "
        "The aim is to deny them dual-use goods such as drones and rare earths.\n\n"
        "Furthermore, the commerce ministry warned foreign firms against re-exporting the goods to them.\n\n"
        "Reactions in Tokyo\n\n"
        "It also summoned the Japanese ambassador to explain the listing of the firms."
    )
    cands, dropped = candidates([passage(text)], paragraphs=True)
    texts = [c.text for c in cands]
    assert any(t.startswith("Beijing added") and t.endswith("drones and rare earths.") for t in texts)
    assert not any(t.startswith(("The aim", "Furthermore")) for t in texts)  # never on its own
    # a quote never joins two paragraphs: across a paragraph break the dependent sentence is left out
    assert not any("re-exporting" in t for t in texts)
    assert not any("summoned" in t for t in texts)  # after a heading there is nothing to depend on
    assert dropped["dependent"] == 2


# --- confidence ---------------------------------------------------------------------------------------------------


def test_one_source_is_low_confidence_and_says_why():
    c = assess_confidence([src(1, "generated", publisher="WorldWideWatchers", published="2026-02-25")])
    assert c.level == "low" and c.independent_sources == 0  # a generated brief is no independent reporting
    assert c.reason == "no independent on-topic report; cited: an AI-generated brief (2026-02-25), not independent reporting."
    assert assess_confidence([src(1, "news", publisher="Kyodo")]).level == "low"


@pytest.mark.parametrize("sources, reason", [
    ([src(1, "news", publisher="Kyodo")], "one independent on-topic report (a news report), undated."),
    ([src(1, "news", publisher="Kyodo"), src(2, "news", publisher="Yonhap", doc="d2")],
     "two independent on-topic reports (two news reports), both undated; fewer than three independent reports."),
    ([src(1, "news", publisher="Kyodo", published="2022-08-02"), src(2, "news", publisher="Yonhap", doc="d2"),
      src(3, "news", publisher="AP", doc="d3")],
     "three independent on-topic reports (three news reports), dated 2022-08-02, two undated; whether they agree is not checked offline."),
])
def test_a_confidence_reason_says_which_sources_are_undated_in_plain_words(sources, reason):
    assert assess_confidence(sources).reason == reason


def test_copies_of_one_story_or_one_publisher_count_once():
    copies = [src(i, "news", publisher=p, doc=f"d{i}") for i, p in enumerate(["Kyodo", "Japan Today", "Nippon.com"], 1)]
    same_story = assess_confidence(copies, story_of={"d1": "s", "d2": "s", "d3": "s"})
    assert same_story.independent_sources == 1 and same_story.level == "low"
    assert "3 articles" in same_story.reason or "three articles" in same_story.reason
    one_outlet = [src(i, "news", publisher="Kyodo", doc=f"d{i}") for i in (1, 2, 3)]
    assert assess_confidence(one_outlet).independent_sources == 1


def test_confidence_rises_with_independent_reporting_not_with_analysis():
    three_reports = [src(1, "news", publisher="Kyodo", published="2022-08-04"), src(2, "news", publisher="Yonhap", published="2022-08-05"),
                     src(3, "official", publisher="MOFA", published="2022-08-05")]
    high = assess_confidence(three_reports)
    assert high.level == "high" and "2022-08-04 to 2022-08-05" in high.reason
    assert assess_confidence(three_reports[:2]).level == "moderate"
    mixed = three_reports[:2] + [src(4, "analysis", publisher="A"), src(5, "generated", publisher="B")]
    assert assess_confidence(mixed).level == "moderate"  # commentary on two reports corroborates nothing
    opinions = [src(1, "analysis", publisher="A"), src(2, "generated", publisher="B"), src(3, "analysis", publisher="C")]
    low = assess_confidence(opinions)
    assert low.level == "low" and low.independent_sources == 0
    assert low.reason == ("no independent on-topic report; cited: two analysis or opinion pieces (undated, undated), "
                          "an AI-generated brief (undated), not independent reporting.")


@pytest.mark.parametrize("others, named", [
    # the user's case: one undated report, a 2020 essay and a 2026 generated brief were "Moderate"
    ([src(2, "analysis", publisher="Discuss Japan", published="2020-03-31", doc="e"),
      src(3, "generated", publisher="WorldWideWatchers", published="2026-02-25", doc="g")],
     "also cited, not independent reporting: an analysis or opinion piece (2020-03-31), an AI-generated brief (2026-02-25)."),
    # two generated briefs of two desks are still no second report
    ([src(2, "generated", publisher="Intelrift", published="2026-06-30", doc="g1"),
      src(3, "generated", publisher="WorldWideWatchers", published="2026-02-25", doc="g2")],
     "also cited, not independent reporting: two AI-generated briefs (2026-02-25, 2026-06-30)."),
    # an op-ed and a think-tank analysis beside one wire story
    ([src(2, "analysis", publisher="The Diplomat", published="2022-08-06", doc="a1"),
      src(3, "analysis", publisher="CSIS", published="2022-08-09", doc="a2")],
     "also cited, not independent reporting: two analysis or opinion pieces (2022-08-06, 2022-08-09)."),
])
def test_one_report_with_commentary_is_low_and_the_reason_names_what_was_not_counted(others, named):
    c = assess_confidence([src(1, "news", publisher="Kyodo")] + others)
    assert c.level == "low" and c.independent_sources == 1 and c.source_types == ["news"]
    assert c.reason.startswith("one independent on-topic report (a news report), undated; ")
    assert c.reason.endswith(named), c.reason


# --- timeline -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, published, date", [
    ("Japan yesterday said it would not retract the controls.", "2019-07-04", "2019-07-03"),
    ("Taiwan's coast guard last Tuesday expelled two Chinese vessels.", "2022-03-10", "2022-03-08"),
    ("North Korea fired a ballistic missile into the sea on Sunday, Seoul said.", "2022-01-31", "2022-01-30"),
    ("The ministry imposed the curbs in March 2019, officials said.", "2019-07-04", "2019-03"),
])
def test_an_event_is_dated_when_it_happened_relative_dates_against_the_article(text, published, date):
    mention, basis = event_date(text, published)
    assert mention is not None and mention.value == date
    if mention.relative:
        assert published in basis


@pytest.mark.parametrize("text, published", [
    ("China aims to make 70% of its chips at home by 2025.", "2019-07-04"),
    ("Exports fell 12% compared with 2018.", "2019-07-04"),
    ("It would be the country's first nuclear test since 2017.", "2022-10-03"),
    ("The North has not fired an ICBM since 2017, officials said.", "2022-01-31"),
    ("The findings appear in the 2021 Annual Report of the agency.", "2022-02-01"),
    ("Analysis as of June 30, 2026, based on open sources.", "2026-06-30"),
    ("The rules take effect on Aug. 28, the ministry said.", "2019-08-02"),  # after the article: a plan
    ("The tariffs were raised yesterday.", None),  # "yesterday" of an undated article is unknown
])
def test_targets_comparisons_titles_stamps_and_plans_are_not_event_dates(text, published):
    assert event_date(text, published) == (None, None)


def test_as_of_is_the_latest_evidence_date_never_today():
    assert as_of_date(["2019-07-04", "2019-07-10", None], ["2019-07-03"], None) == "2019-07-10"
    assert as_of_date([None], ["2019-07-03", "2019-06-30"], None) == "2019-07-03"  # undated articles: their events
    assert as_of_date(["2020-03-31"], [], "2020-12-31") == "2020-03-31"
    assert as_of_date(["2021-05-01"], [], "2020-12-31") == "2020-12-31"
    assert as_of_date([], [], None) is None


# --- answers ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, kind", [
    ("Which minerals did Beijing put under export licensing?", "list"),
    ("What are the three chemicals covered by the curbs?", "list"),
    ("What did Seoul say it would do about the restrictions?", "intent"),
    ("How did Taipei respond to the drills?", "action"),
    ("When did the ban take effect?", "when"),
    ("How many vessels were expelled?", "number"),
])
def test_the_kind_of_answer_a_question_asks_for(question, kind):
    assert answer_type(question) == kind


@pytest.fixture(scope="module")
def answer_template():
    return TemplateLibrary(PROMPTS).get("answer")


MINERALS = [
    passage("Beijing announced export licensing for strategic minerals, the commerce ministry said. "
            "The licensing covers gallium, germanium, antimony and superhard materials used in chipmaking and defence. "
            "Chipmakers in Japan and South Korea said gallium supplies could tighten within weeks.",
            doc="m1", published="2023-07-04"),
    passage("Analysts said the curbs on gallium would hurt makers of power chips and radar. "
            "Gallium prices rose 8% in Rotterdam after the announcement.", doc="m2", n=1, published="2023-07-05"),
]


def test_a_list_question_is_answered_with_the_whole_list(writer, answer_template):
    draft = writer.write("Which minerals does Beijing's export licensing cover?", answer_template, MINERALS, as_of=None)
    first = draft.sections[0].claims[0].text
    assert all(item in first for item in ("gallium", "germanium", "antimony"))


def test_a_question_the_evidence_covers_but_does_not_answer_gets_what_it_says_and_what_it_lacks(writer, answer_template):
    draft = writer.write("On what date did Beijing's licensing of gallium exports start?", answer_template, MINERALS, as_of=None)
    assert draft.abstain
    assert draft.partial is not None and "export licensing" in draft.partial.text  # what the sources do say
    assert draft.missing == "the date the question asks for"


def test_the_pipeline_words_a_partial_answer_as_what_the_sources_report_and_what_none_gives(sample_index):
    from rag.pipeline import Engine

    brief = Engine.from_settings(sample_index[0]).write("On what date did South Korea file its complaint with the WTO?", template="answer")
    assert brief.abstained
    assert brief.message.startswith("The sources report: “") and brief.message.endswith("none gives the date the question asks for.")
    assert brief.closest_sources  # [1] in the message is the first closest source


# --- nothing silent -----------------------------------------------------------------------------------------------


def test_an_empty_required_section_says_what_the_corpus_lacks():
    spec = SectionSpec(name="signals", title="Key signals to watch", description="What to watch next.")
    assert spec.empty_text() == "No evidence in the corpus for key signals to watch."
    hypotheses = TemplateLibrary(PROMPTS).get("assessment").section("hypotheses")
    assert hypotheses.empty_text() == "The sources offer no competing explanation of the motives or causes."


def _brief(backend: str) -> Brief:
    cite = Citation(source=1, chunk_id="d1-0000", doc_id="d1", start=0, end=10, quote="x")
    claim = Claim(text="Seoul filed a complaint with the WTO.", citations=[cite], verified=True)
    gen = Claim(text="The curbs are likely retaliation.", citations=[cite], verified=True, attribution="Desk (AI-generated brief, 2026) assesses")
    prov = Provenance(template="situation", template_version="1", template_hash="h", backend=backend, model="m", retrieval={},
                      corpus_snapshot="c", query="q")
    return Brief(template="situation", topic="t", sections=[
        Section(name="summary", title="What happened", claims=[claim, gen]),
        Section(name="signals", title="Key signals to watch", text="No evidence in the corpus for key signals to watch."),
    ], sources=[Source(index=1, doc_id="d1", publisher="Desk", type_label="generated brief")], claims_total=2, claims_verified=2,
        provenance=prov)


def test_rendered_briefs_attribute_show_empty_sections_and_report_checks_that_can_fail():
    quoted = brief_markdown(_brief("extractive"))
    assert "## Key signals to watch\nNo evidence in the corpus for key signals to watch." in quoted
    assert "- Desk (AI-generated brief, 2026) assesses: “The curbs are likely retaliation.” [1]" in quoted
    assert "- Seoul filed a complaint with the WTO. [1]" in quoted
    assert "claims verified" not in quoted and "2 sentences quoted verbatim" in quoted
    assert "generated brief" in quoted.split("## Sources")[1]
    assert "2 of 2 claims verified" in brief_markdown(_brief("openai"))  # a checker that could say no: its count


def test_a_wire_reports_one_sentence_paragraph_is_continued_by_the_next():
    """A wire report gives each sentence its own paragraph: "He added ..." in the next one continues it (quoted with
    it), while a dependent opening of a paragraph after a paragraph of several sentences is not joined to it."""
    wire = ("Seoul summoned Japan's ambassador on Tuesday over the export curbs.\n\n"
            "He was told the curbs broke the two countries' trade agreement, the ministry said.")
    cands, _ = candidates([passage(wire)], paragraphs=True)
    assert [c.text for c in cands if c.with_context] == [
        "Seoul summoned Japan's ambassador on Tuesday over the export curbs. "
        "He was told the curbs broke the two countries' trade agreement, the ministry said."]
    essay = ("Companies exporting to Vietnam were careful about dual-use goods. This approach no longer seems to be "
             "effective for sensitive technology.\n\n"
             "Given this situation, Hanoi must tighten its licensing rules.")
    cands, dropped = candidates([passage(essay)], connectives=True, paragraphs=True)
    assert not any("Given this situation" in c.text for c in cands) and dropped["dependent"] == 1
    # an answer may join them (the National Intelligence Law sentence of the seed answers)
    cands, _ = candidates([passage(essay)], connectives=True)
    assert any(c.text.endswith("Hanoi must tighten its licensing rules.") and c.with_context for c in cands)
