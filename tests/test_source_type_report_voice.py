"""An advisory's or an institute's report is analysis by its own voice, not a news report (issue 10, attribution;
F16 of s64's new user; h/briefs-s65).

The kind: a risk advisory's weekly note ("Bottom line", "Our view", "We think …") and a research institute's report
("Executive summary", "This report reviews …", "We find …", "We expect …") were typed "news report": their cues
were not among the analysis cues (``source_types.toml`` [text_cues], v4 adds the advisory's and the institute's
estimative first person and their report headings), so their judgements were quoted as news ("Harbor Risk Advisory
reports: …") and counted as independent news in a brief's confidence. New texts of our own; news reports that quote
such words, or that say "we" only inside someone's quoted speech, stay news.
"""

from __future__ import annotations

import pytest

from rag.writers.source_types import REPORTING, source_type, type_from_text

ANALYSES = [
    # a risk advisory's weekly note
    "## Bottom line\n\n- Vietnam: the trade ministry will license tungsten exports from March.\n- Malaysia: new "
    "permit rules for AI servers.\n\n## Our view\n\nWe think Hanoi's licensing is aimed at Chinese buyers, and we "
    "expect approvals to slow in the first quarter.",
    # an institute's report
    "Executive summary\n\nThis report examines five years of Korean controls on semiconductor equipment. We find that "
    "licence refusals rose sharply after 2024, and we expect the new review body to add delays of two to three "
    "months for Chinese customers.",
    # a consultancy's client note, other wording
    "Key findings\n\nWe believe the Philippine nickel export ban will be phased in rather than imposed at once. Our "
    "base case is a partial ban on ore by mid-2027; we see a full ban as unlikely before the 2028 election.",
    # a bank research desk's note
    "Bottom line: Taiwan's tighter server export checks will cut shipments to Southeast Asian resellers.\n\nWe "
    "estimate that 8 to 12 percent of AI server exports passed through Singapore and Malaysia last year. We "
    "anticipate that enforcement will focus on three logistics firms.",
    # a think tank's paper
    "This paper reviews how Japan's economic security law has changed procurement by its utilities. We found that "
    "two of the ten largest utilities dropped Chinese inverters in 2025. In our judgment, the law's reach will grow.",
]

NEWS = [
    # a report quoting an advisory's view
    "TAIPEI, Oct. 3 — Taiwan's Ministry of Economic Affairs on Friday added 12 Chinese firms to its export "
    "blacklist. “We think enforcement will tighten further,” said a partner at Harbor Risk Advisory. “Our view is "
    "that the list will keep growing,” another analyst said.",
    # a court report
    "SEOUL, Sept. 9 — The Suwon District Court on Tuesday jailed a former Samsung engineer for two years for leaking "
    "memory-chip designs. Prosecutors said they expect further indictments. The company said it would appeal.",
    # a wire story with an executive summary of a report it covers, in reported speech
    "MANILA, Aug. 30 (Pacific Ledger Wire) - The Philippines will ban exports of nickel ore from 2027, the mining "
    "bureau said on Saturday. A report by the Lantern Institute found that the ban would cut ore shipments to China "
    "by half. Miners said they expected lay-offs.",
    # a report on an official's speech
    "TOKYO, July 1 — Japan's trade minister said on Tuesday the government would tighten checks on exports of "
    "chip-making equipment. The bottom line for exporters is more paperwork, industry groups said.",
]


@pytest.mark.parametrize("text", ANALYSES, ids=[f"analysis-{i}" for i in range(len(ANALYSES))])
def test_an_advisory_or_institute_report_is_analysis(text):
    assert type_from_text(text) == "analysis"
    kind = source_type({"publisher": "Some Advisory", "title": "Weekly note"}, text)
    assert kind not in REPORTING  # its judgements are attributed, never stated as reporting


@pytest.mark.parametrize("text", NEWS, ids=[f"news-{i}" for i in range(len(NEWS))])
def test_a_news_report_stays_news(text):
    assert type_from_text(text) == "news"


# --------------------------------------------------------------------------------------------
# Every passage of the document has its type (through the engine)
# --------------------------------------------------------------------------------------------
# The writer typed a passage by its chunk: a report's later chunks, which hold none of its opening's cues, were news
# (the F16 gallium answer quoted "We find that China's controls … reduced … exports … by 62 percent" as a report's).
# The engine now stamps each passage with the type its whole document gives (``DOCUMENT_TYPE_KEY``).

_FILLER = ("Table {n} lists the tonnage of tungsten concentrate shipped from Ha Giang, Lao Cai and Thai Nguyen provinces "
           "in each quarter, with the share that went to smelters in Jiangxi and Hunan. ")
REPORT = (
    "Title: Tungsten after the quota: Vietnam's export licensing, 2024-2026\n"
    "Publisher: Mekong Minerals Institute\nDate: 2026-03-20\n\n"
    "Executive summary\n\nThis report examines Vietnam's licensing of tungsten exports since 2024. We find that "
    "licences fell by a third in 2025.\n\n"
    + "\n\n".join(_FILLER.format(n=n) * 3 for n in range(1, 6))
    + "\n\nOutlook\n\nWe expect the Ministry of Industry and Trade to cut tungsten export licences again in 2027, "
    "most likely by a further 20 percent.\n")
NEWS_REPORT = (
    "Title: Vietnam to license all tungsten exports from April\nPublisher: Hanoi Trade Wire\nDate: 2026-03-18\n\n"
    "HANOI, March 18 — Vietnam's Ministry of Industry and Trade said on Wednesday that every shipment of tungsten "
    "concentrate would need an export licence from April 1. The ministry said licences would be capped at 8,000 "
    "tonnes this year.\n")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    from conftest import engine_over_texts

    return engine_over_texts(tmp_path_factory.mktemp("report_voice"), {"01_report.txt": REPORT, "02_news.txt": NEWS_REPORT})


def test_a_judgement_in_a_later_chunk_of_an_institute_report_is_attributed(engine):
    brief = engine.write("Vietnam tungsten export licences", template="assessment")
    claims = [c for c in brief.all_claims() if "We expect the Ministry" in c.text]
    assert claims, [c.text for c in brief.all_claims()]
    for claim in claims:
        assert claim.attribution, claim  # the institute's forecast, attributed, never stated as reporting
    by_doc = {s.doc_id: s for s in brief.sources}
    doc = next(cit.doc_id for cit in claims[0].citations)
    assert by_doc[doc].source_type == "analysis"


def test_a_later_chunk_has_the_type_its_document_was_read_as():
    from rag.types import Chunk
    from rag.writers.role_typing import doc_type
    from rag.writers.source_types import DOCUMENT_TYPE_KEY

    later = Chunk("c3", "d1", "Table 4 lists the tonnage shipped in each quarter.", 3000, 3052, 3, {"title": "Tungsten"})
    assert doc_type(later) == "news report"  # a later chunk alone holds no cue of its document's voice
    later.metadata[DOCUMENT_TYPE_KEY] = "analysis"  # the engine read the whole document (``Engine._doc_facts``)
    assert doc_type(later) == "analysis-opinion"
