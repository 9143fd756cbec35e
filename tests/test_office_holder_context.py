"""Who holds an office, when the report names the body once and its officer by a short title later (s58, h/fresh-s58).

Kind, found by a fresh analyst on reports written for the stop (none from the shared data): a report introduces the
body ("The Korea Customs Service said on Tuesday …", "TOKYO — Japan's cabinet …", "China's Ministry of Commerce
announced …") and then names its officer by a title that leaves out what the lede said: "Commissioner Ko Kwang-hyo
told reporters", "Economic Security Minister Takahashi Mio said", "A ministry spokesperson, He Yadong, said". Asked
"Who is the Korea Customs Service commissioner?", "Who is Japan's economic security minister?" and "Who is the Chinese
commerce ministry spokesperson?", the answer quoted the lede and named no one (the last named the *foreign* ministry's
spokesperson of another report). Three holes in ``answer_office``:

* a title naming part of the office was no title of it: the rest of its words, said earlier in the report, were not
  read (``office_mentions``' ``context``);
* a title naming no place, in a sentence naming none before it (or only inside a quotation: '"Korea will not be a
  transit route for chips the United States …," Commissioner Ko said'), was in no place, though the report named one;
* a surname that is also a common word ("He") was no name after a title.

A title that names ANOTHER portfolio ("foreign ministry spokesperson") still holds no other office, whatever the report
said before it, and a body the report never named completes no title.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead, engine_over_texts
from rag.writers.answer_office import asked_office, office_holders, office_mentions

UNTIL = "2026-12-01"


def holders(question: str, text: str) -> list[str]:
    office = asked_office(question)
    assert office is not None, question
    return [m.name for _, m in office_holders(office, text)]


@pytest.mark.parametrize("question, text, names", [
    # the body in the lede, its head by a bare title later
    ("Who is the Korea Customs Service commissioner?",
     "SEOUL — The Korea Customs Service said it had caught two brokers at Incheon airport. "
     "\"We will keep watching every route,\" Commissioner Park Dong-il told reporters.", ["Park Dong-il"]),
    ("Who is the commissioner of the Japan Patent Office?",
     "The Japan Patent Office will audit filings by foreign applicants. Commissioner Hamada Keiko said the review "
     "would take a year.", ["Hamada Keiko"]),
    # the portfolio in the title, the country only in the report's lede
    ("Who is Japan's economic security minister?",
     "TOKYO — Japan's cabinet approved a stockpile of gallium on Tuesday. Economic Security Minister Noda Rin said "
     "the stock would last six months.", ["Noda Rin"]),
    ("Who is South Korea's industry minister?",
     "South Korea will fund a graphite refinery in Pohang. Industry Minister Cho Hyun-woo said the plant would open "
     "in 2028.", ["Cho Hyun-woo"]),
    # "ministry spokesperson" after the ministry was named; a surname that is a common word
    ("Who is the Chinese commerce ministry spokesperson?",
     "BEIJING — China's Ministry of Commerce said it would license gallium exports. A ministry spokesperson, "
     "He Wenjun, said the rules were lawful.", ["He Wenjun"]),
    ("Who is the Chinese commerce ministry spokesperson?",
     "China's commerce ministry answered questions on Thursday. The ministry spokesperson, He Ling, said the list "
     "was final.", ["He Ling"]),
])
def test_a_short_title_is_completed_by_the_body_the_report_named_before(question, text, names):
    assert holders(question, text) == names


@pytest.mark.parametrize("question, text", [
    # another portfolio in the title: no context makes the foreign ministry the commerce ministry
    ("Who is the Chinese commerce ministry spokesperson?",
     "China's Ministry of Commerce announced curbs on Tuesday. China's foreign ministry spokesperson Guo Wei said "
     "Beijing opposed the listing."),
    # the body was never named: a bare title is no one's
    ("Who is the Korea Customs Service commissioner?",
     "South Korea's police arrested two brokers. Commissioner Park Dong-il said more arrests would follow."),
    # the place named before is another's
    ("Who is Japan's economic security minister?",
     "SEOUL — South Korea's cabinet approved a stockpile. Economic Security Minister Lim Ha-eun said it would last."),
])
def test_a_title_of_another_office_or_of_an_unnamed_body_names_no_holder(question, text):
    assert holders(question, text) == []


def test_a_sentence_without_context_still_needs_the_whole_title():
    office = asked_office("Who is the Korea Customs Service commissioner?")
    assert office_mentions("Commissioner Park Dong-il told reporters.", office) == []


ARTICLES = {
    "01_customs.md": (
        "# Customs finds drones hidden in toy shipments\n\nPublished: 2026-10-02\n\n"
        "INCHEON — The Korea Customs Service said on Friday it had found 300 military-grade drone motors in crates "
        "declared as toys at Incheon port, bound for a buyer in Dalian.\n\n"
        "\"Smugglers use our ports because they are fast,\" Commissioner Park Dong-il told reporters. The agency "
        "said it would add X-ray scanners at three terminals.\n"),
    "02_cabinet.md": (
        "# Cabinet adopts a gallium stockpile\n\nPublished: 2026-10-20\n\n"
        "TOKYO — Japan's cabinet on Tuesday approved a plan to stockpile gallium and germanium for six months of "
        "demand.\n\nEconomic Security Minister Noda Rin said the stockpile would protect chipmakers from sudden "
        "export bans.\n"),
    "03_mofcom.md": (
        "# Beijing licenses gallium exports\n\nPublished: 2026-09-15\n\n"
        "BEIJING — China's Ministry of Commerce said on Monday that exporters of gallium would need a licence from "
        "November.\n\nA ministry spokesperson, He Wenjun, said the rules were in line with international practice.\n"),
    "04_foreign.md": (
        "# Beijing protests Tokyo's chip rules\n\nPublished: 2026-10-25\n\n"
        "China's foreign ministry spokesperson Guo Wei said on Friday that Japan's chip rules hurt trade and that "
        "China's commerce ministry would respond.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("office_context"), ARTICLES)


@pytest.mark.parametrize("question, name", [
    ("Who is the Korea Customs Service commissioner?", "Park Dong-il"),
    ("Who is Japan's economic security minister?", "Noda Rin"),
    ("Who is the Chinese commerce ministry spokesperson?", "He Wenjun"),
])
def test_ask_leads_with_the_holder_the_report_names_by_a_short_title(engine, question, name):
    assert answer_lead(engine, question, UNTIL).startswith(name)
