"""A "how much" answer is not led by another story's figure (issue 10, s69; F1 of fresh69).

Kind: **an off-story sentence leads the answer.** Asked "How much were Japan's exports of the affected chip
equipment to China worth?", the answer opened with a Korean customs report's "The chips were worth 6.2 billion won
…": the first sentence chosen was a columnist's ("… at least ¥600 billion …, more than twice the ¥280 billion …"),
and a news or official report giving the same figure leads before an opinion (``QuestionAnswering.
_reporting_source_first``). "The same figure" was read as any shared value key, and the scale word "billion" is
one: the customs report shared no number with the column, only "billion", and it is about another event (Korea's,
not the Japan the question names). A report now replaces the opinion only when it gives one of its figures (a key
holding a digit: a scale or unit word alone is no figure) and its passage is about the countries the question names
(``_about_places``). A report giving the column's own figure still leads it (``test_answer_reporting_source_first``).

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed

ARTICLES = {
    # an opinion piece on the asked subject, and a news report of another event with an amount of the same scale
    "c1.txt": ("Opinion | Seoul's foundry subsidy is a costly bet", "Han River Review", "2026-04-14",
               "I believe the new foundry subsidy will cost South Korean taxpayers at least 9 trillion won over five "
               "years, three times what the finance ministry admits.\n\n"
               "The money would be better spent on training engineers.\n\n"
               "The writer is a former budget official. The views expressed are his own."),
    "r1.txt": ("Taiwan customs stop wafer shipment to Xiamen", "Straits Trade Wire", "2026-05-02",
               "TAIPEI — Taiwan's customs agency stopped a shipment of 12-inch silicon wafers bound for Xiamen on "
               "Friday, saying the exporter lacked a licence.\n\n"
               "The wafers were worth NT$4.1 trillion in list prices, the agency said, an amount the exporter "
               "disputed.\n\n"
               "The exporter was fined."),
    "c2.txt": ("Opinion | Jakarta's nickel tax will backfire", "Archipelago Economic Review", "2026-06-08",
               "In my view Indonesia's new nickel export levy will cost smelter owners about $3.4 billion a year, "
               "far more than the government's estimate.\n\n"
               "Investors will take their money to the Philippines.\n\n"
               "The views expressed are the author's own."),
    "r2.txt": ("Vietnam seizes rare-earth concentrate at Hai Phong", "Mekong Markets", "2026-06-20",
               "HANOI — Vietnamese customs seized 900 tonnes of rare-earth concentrate at Hai Phong port on "
               "Thursday.\n\n"
               "The cargo was worth $1.8 billion, customs officials said, and was bound for a buyer in Guangxi.\n\n"
               "Two export managers were detained."),
    "c3.txt": ("Opinion | Manila's chip park will not pay for itself", "Luzon Business Mirror", "2026-07-03",
               "I think the Philippines' new chip assembly park will cost the government about 85 billion pesos in "
               "tax breaks over ten years.\n\n"
               "The jobs it promises will go to Vietnam instead.\n\n"
               "The views expressed are the author's own."),
    "r3.txt": ("Malaysia fines server exporter", "Kuala Lumpur Ledger", "2026-07-15",
               "KUALA LUMPUR — Malaysia's trade ministry fined a Penang server exporter on Monday for shipping "
               "graphics servers without a permit.\n\n"
               "The servers were worth 2 billion ringgit, the ministry said.\n\n"
               "The company said it would appeal."),
    # a question naming no country: only a shared figure lets a report replace the column's lead, not "million"
    "c4.txt": ("Opinion | The spectrum fee is a tax on rural broadband", "Regulatory Affairs Monthly", "2026-08-11",
               "I believe the new satellite spectrum fee will raise about 40 million euros a year for the regulator, "
               "most of it from small rural broadband operators.\n\n"
               "The views expressed are the author's own."),
    "r4.txt": ("Regulator seizes unlicensed satellite terminals", "Telecom Wire", "2026-08-20",
               "The regulator seized 1,300 unlicensed satellite broadband terminals at two warehouses on Tuesday.\n\n"
               "The terminals were worth 6 million euros, the regulator said.\n\n"
               "The importer was not named."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("answer_off_story_figure"), ARTICLES)


@pytest.mark.parametrize("question, own, other", [
    ("How much will South Korea's new foundry subsidy cost taxpayers?", "9 trillion won", "NT$4.1 trillion"),
    ("How much will Indonesia's nickel export levy cost smelter owners?", "$3.4 billion", "$1.8 billion"),
    ("How much will the Philippines' chip assembly park cost the government in tax breaks?", "85 billion pesos",
     "2 billion ringgit"),
    ("How much will the satellite spectrum fee raise for the regulator?", "40 million euros", "6 million euros"),
])
def test_another_story_figure_does_not_lead(engine, question, own, other):
    brief = engine.write(question, template="answer")
    first = brief.sections[0].claims[0].text
    assert other not in first, first
    assert own in first, first
