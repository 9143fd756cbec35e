"""An answer's sentences after its lead come from the lead's story, unless another story's sentence holds what the
question is distinctively about (``story_details.of_the_lead_story``).

New user s66, F19: "When will the Kagoshima SiC plant start production?" was answered by the Kagoshima report and
then padded with a Mongolian rare-earth plant's "… is expected to start operating in 2029": another story sharing
only the question's generic words. The kind: two stories share a generic word ("plant", "start", "regulator",
"licence"); the question's rare words (a place, a material, a company) name one of them; the other's sentences do not
follow its answer. Written for this spec, end to end through the real Engine: six pairs of reports (a Czech gallium
nitride fab and a Polish cathode plant; Chile's regulator on lithium brine permits and on salmon farms; Ghana's
cocoa-bean export licences and its gold-export licences; Kenya's tea and coffee auctions; Peru's anchovy quota and its
copper-smelter rules; a Korean HBM line and a Vietnamese nickel refinery), each pair of one week. Small corpora pad
rarely (an answer's own story fills it): the Ghana case fails on main, the others guard.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.story_details import distinctive_terms

ARTICLES = [
    ("cz_gan.md", "2026-05-04", "Czech maker to build gallium nitride chip fab in Ostrava",
     "Vysocina Semiconductors said on Monday it would build a gallium nitride (GaN) chip fab in Ostrava, backed by "
     "a 9 billion koruna state grant.\n\n"
     "The Ostrava fab is due to begin production in March 2029 and to reach 40,000 wafers a year by 2031, the "
     "company said.\n\n"
     "The plant will employ about 600 people, most of them engineers trained at the Technical University of "
     "Ostrava.\n\n"
     "Gallium nitride chips are used in fast chargers, radar and 5G base stations."),
    ("pl_cathode.md", "2026-05-06", "Polish cathode plant wins EU funding",
     "A cathode materials plant in Wroclaw won 310 million euros of EU funding on Wednesday, the Polish "
     "development ministry said.\n\n"
     "The plant is expected to begin production in 2028 and will supply battery makers in Germany and Hungary.\n\n"
     "Production at the plant will start with one line of 20,000 tonnes a year, the ministry said."),
    ("cl_lithium.md", "2026-06-08", "Chile's regulator suspends two lithium brine permits in Atacama",
     "Chile's environmental regulator, the SMA, on Monday suspended two lithium brine permits in the Salar de "
     "Atacama, citing falling groundwater levels near the Tilopozo wetlands.\n\n"
     "The regulator said the brine permits of Andes Litio and Puna Minerals would stay suspended until both firms "
     "submit new water monitoring plans.\n\n"
     "Chile is the world's second-largest lithium producer."),
    ("cl_salmon.md", "2026-06-10", "Chile regulator fines salmon farm over escape",
     "Chile's environmental regulator fined a salmon farm operator 4.1 billion pesos on Wednesday after 90,000 fish "
     "escaped from pens in the Los Lagos region.\n\n"
     "The regulator said the operator had failed to repair damaged nets for three months and must restock the "
     "fjord's monitoring stations.\n\n"
     "Salmon is Chile's second-largest export after copper."),
    ("gh_cocoa.md", "2026-07-13", "Ghana tightens cocoa-bean export licences",
     "Ghana's Cocoa Board on Monday said cocoa-bean exporters must renew their export licences every six months, "
     "instead of yearly, to curb smuggling to Ivory Coast and Togo.\n\n"
     "The board said 14 cocoa exporters had lost their licences this year for under-declaring shipments.\n\n"
     "Cocoa is Ghana's largest agricultural export."),
    ("gh_gold.md", "2026-07-15", "Ghana gold board revokes export licences",
     "Ghana's gold board revoked the export licences of nine small gold traders on Wednesday, saying they had "
     "exported without paying royalties.\n\n"
     "The board said exporters would have to reapply for licences under new rules from September.\n\n"
     "Gold is Ghana's largest export."),
    ("ke_tea.md", "2026-08-10", "Kenya tea board moves Mombasa auction online",
     "Kenya's Tea Board said on Monday the weekly Mombasa tea auction would move to an online platform from "
     "October, and buyers must post a 5% deposit before bidding.\n\n"
     "Tea is Kenya's largest farm export.\n\n"
     "The board said 11 tea buyers had lost their auction seats this year for late payments."),
    ("ke_coffee.md", "2026-08-12", "Kenya coffee exchange suspends brokers",
     "Kenya's coffee exchange suspended three brokers on Wednesday for rigging auction prices, the agriculture "
     "ministry said.\n\n"
     "The ministry said the auction would reopen next week under a new auction code that caps broker fees at 0.75%.\n\n"
     "An auction monitor from the ministry will attend every sale until the end of the year, it said."),
    ("pe_anchovy.md", "2026-09-14", "Peru opens anchovy season with 2.5 million tonne quota",
     "Peru's production ministry on Monday set a quota of 2.5 million tonnes for the second anchovy fishing season, "
     "which opens on Thursday.\n\n"
     "Anchovy is ground into fishmeal for salmon and pig feed.\n\n"
     "The ministry said 40 anchovy boats had lost their permits this year for fishing juveniles."),
    ("pe_copper.md", "2026-09-16", "Peru ministry sets copper smelter rules",
     "Peru's energy and mines ministry set new emission rules for copper smelters on Wednesday.\n\n"
     "The ministry said the season of road blockades near the Las Bambas mine had cut output by 8% this year.\n\n"
     "The ministry set a quota of smelter inspections for each region and said it would publish them monthly."),
    ("kr_hbm.md", "2026-10-05", "Korea names HBM packaging a national strategic technology, backs Cheongju line",
     "Korea's industry ministry on Monday named high-bandwidth memory (HBM) packaging a national strategic "
     "technology, making makers eligible for tax credits of up to 40%.\n\n"
     "The ministry said it would lend 1.2 trillion won to Hanbit Memory toward an HBM packaging line in Cheongju. "
     "The line is due to start production in June 2028 and to reach 90,000 stacks a month by 2030.\n\n"
     "It is the 14th technology named under the act."),
    ("vn_nickel.md", "2026-10-07", "Vietnam signs nickel refinery deal with Korean group",
     "Vietnam on Wednesday signed an agreement with a Korean-led group to build a nickel refinery in Thanh Hoa "
     "province.\n\n"
     "The refinery will have a capacity of 40,000 tonnes a year and is expected to start operating in 2029.\n\n"
     "The group includes two Korean battery makers."),
]

# (question, a phrase the answer gives from its own story, the other story's sentence it must not add)
CASES = [
    ("What did Ghana's Cocoa Board say about licences?", "every six months", "revoked the export licences of nine"),
    # guards: the other story's sentence already stays out on main
    ("When will the Ostrava gallium nitride fab begin production?", "March 2029", "expected to begin production in 2028"),
    ("What did the Chilean regulator say about the lithium brine permits?", "SMA", "failed to repair damaged nets"),
    ("What must Ghana's cocoa exporters do about their export licences?", "every six months",
     "reapply for licences under new rules"),
    ("When will the Cheongju HBM line start production?", "June 2028", "expected to start operating in 2029"),
    ("What did Kenya's Tea Board say about the auction?", "5% deposit", "caps broker fees"),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("story_details"), ARTICLES)


@pytest.mark.parametrize("question, own, other", CASES, ids=[c[0] for c in CASES])
def test_an_answer_is_not_padded_with_another_story_sharing_a_generic_word(engine, question, own, other):
    brief = engine.write(question, template="answer")
    text = answer_text(brief)
    assert not brief.abstained, brief.message
    assert own in text, text
    assert other not in text, text


def test_another_story_holding_the_distinctive_terms_may_add_a_detail():
    """The rarer half of the question's terms the lead's document holds are the distinctive ones; a term every
    document holds is not."""
    docs = {"a": {"ostrava", "gallium", "nitrid", "fab", "plant", "product", "begin"},
            "b": {"plant", "product", "begin", "wroclaw"},
            "c": {"plant", "product", "ostrava"}}
    want = distinctive_terms("When will the Ostrava gallium nitride fab begin production?", docs, "a")
    assert "product" not in want and "begin" not in want
    assert {"gallium", "fab"} <= want


def test_no_bound_when_the_lead_document_holds_no_question_term():
    assert distinctive_terms("When will the Ostrava fab open?", {"a": {"cocoa"}, "b": {"ostrava"}}, "a") == frozenset()
