"""A wire dateline is furniture whichever outlet signs it (``rag/text/datelines.py``, ``data/datelines.toml`` v2).

A fresh user found "SINGAPORE, Oct 8 (Straits Wire) - Singapore charged three men …" kept whole: the outlet was
not in the list, so the answer quoted the dateline, the brief listed "Oct" and the outlet among its entities, and
two outlets' copies of one wire story differed by their datelines in the body dedup compares. The general shape is
recognised without the outlet being listed: a place in capitals (with a region and a date in any common
notation), any outlet's name in parentheses, then a dash of any kind before the sentence's own words. Without the
dash, with the sentence's words in lower case after it, or when the parentheses spell out an acronym, the start is
the sentence's own and kept. The reports below are written for this file.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead, engine_over_articles

from rag.config import Settings
from rag.dedup import story_body
from rag.index import CorpusIndex
from rag.ingest import Ingestor
from rag.text.datelines import dateline_end, without_dateline
from rag.writers.terms_section import entity_terms

# (sentence, the sentence's own words after its dateline): outlets no list holds, dates and dashes of every kind
UNLISTED = [
    ("SINGAPORE, Oct 8 (Straits Wire) - Singapore charged three men with fraud over server exports.",
     "Singapore charged three men with fraud over server exports."),
    ("SEOUL, Sept. 2 (Korea Herald) — South Korea's trade ministry tightened licences for packaging tools.",
     "South Korea's trade ministry tightened licences for packaging tools."),
    ("TOKYO, 8 October (Japan Times) – Japan added 23 items to its export control list.",
     "Japan added 23 items to its export control list."),
    ("TAIPEI (Taipei Times) -- Taiwan's cabinet approved the amended trade secrets act.",
     "Taiwan's cabinet approved the amended trade secrets act."),
    ("HONG KONG, May 2, 2024 (South China Morning Post)—Police arrested two men over the smuggled GPUs.",
     "Police arrested two men over the smuggled GPUs."),
    ("MANILA (Voice of America) ― The Philippines protested the water cannon attack.",
     "The Philippines protested the water cannon attack."),
    ("KUALA LUMPUR, Malaysia, 3 Nov (Bernama Wire) − Malaysia will require permits for AI chip shipments.",
     "Malaysia will require permits for AI chip shipments."),
    ("Singapore, Sept 2 (Straits Wire) - Prosecutors said the servers were declared falsely.",
     "Prosecutors said the servers were declared falsely."),
    ('HANOI, Dec. 11 (VnExpress International) - "We will not allow transshipment," the minister said.',
     '"We will not allow transshipment," the minister said.'),
    # a listed outlet with its date written day first
    ("BEIJING, 3 October (Reuters) - China added 31 firms to its export control list.",
     "China added 31 firms to its export control list."),
]

# sentences whose start is a capitalised name and a parenthesis, but no dateline
LOOKALIKES = [
    "TAIPEI (Taiwan) officials said on Monday the drills would continue.",  # no dash
    "TAIPEI (Taiwan) - officials said the drills would continue.",  # the words after the dash open no sentence
    "NATO (North Atlantic Treaty Organization) — The alliance said it would respond.",  # a short acronym
    "ASEAN (Association of Southeast Asian Nations) — The bloc's ministers met in Jakarta.",  # spelled out
    "KOTRA (Korea Trade-Investment Promotion Agency) — The agency opened an office in Hanoi.",
    "TSMC (Taiwan Semiconductor) — Taiwan's largest chipmaker — said demand was strong.",
    "On Oct 8 (Tuesday) — The ministry announced the rules.",  # no place: a dated phrase
    "Samsung (Seoul) - The company said operating profit rose.",  # not in capitals and undated
    "SEOUL, Oct 8 (Korea Herald) —",  # nothing after it
    "SEOUL (Korea Herald) reported that the ministry would act.",  # an unlisted outlet needs its dash
]


@pytest.mark.parametrize(("text", "words"), UNLISTED)
def test_a_dateline_signed_by_any_outlet_is_left_out(text, words):
    assert without_dateline(text) == words
    assert text[dateline_end(text):] == words  # an offset into the sentence: a cited span can start there


@pytest.mark.parametrize("text", LOOKALIKES)
def test_a_capitalised_name_and_a_parenthesis_alone_keep_the_sentence_start(text):
    assert dateline_end(text) == 0
    assert without_dateline(text) == text


STORY = ("prosecutors said on Wednesday that three men were charged with fraud over the export of servers that may "
         "contain advanced Nvidia chips to Malaysia.\nThe men face up to 20 years in prison if convicted.")


@pytest.mark.parametrize("first, second", [
    ("SINGAPORE, Oct 8 (Straits Wire) - ", "SINGAPORE, Oct. 8 (Asia Wire Service) — "),
    ("SINGAPORE, 8 October (Straits Wire) – ", "SINGAPORE (Lion City Daily) - "),
])
def test_two_outlets_copies_of_one_story_have_the_same_body(first, second):
    one, other = first + STORY[0].upper() + STORY[1:], second + STORY[0].upper() + STORY[1:]
    assert story_body(one) == story_body(other) == STORY[0].upper() + STORY[1:]


def test_ingest_finds_the_same_wire_story_from_two_outlets_a_near_duplicate(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    head = "# Singapore charges three men over server exports\n\nPublished: 2026-10-08\n\n"
    body = STORY[0].upper() + STORY[1:]
    (docs / "straits.md").write_text(head + "SINGAPORE, Oct 8 (Straits Wire) - " + body + "\n", encoding="utf-8")
    (docs / "asia.md").write_text(head + "SINGAPORE, Oct. 8 (Asia Wire Service) — " + body + "\n", encoding="utf-8")
    index = CorpusIndex(Settings(data_dir=tmp_path / "data"))
    try:
        report = Ingestor(index).ingest_paths([docs])
    finally:
        index.close()
    assert (report.near_duplicates, report.versions) == (1, 0), report.outcomes


# --- through the engine ----------------------------------------------------------------------------------------------

ARTICLES = [
    ("01_servers.md", "2026-10-08", "Singapore charges three men over server exports",
     "SINGAPORE, Oct 8 (Straits Wire) - Singapore charged three men on Wednesday with fraud over the export of "
     "servers that may contain advanced Nvidia chips to Malaysia, prosecutors said.\n\n"
     "The men face up to 20 years in prison if convicted. Prosecutors said the servers were supplied by two "
     "American makers and declared falsely on customs forms."),
    ("02_packaging.md", "2026-09-02", "Seoul requires licences for chip packaging tools",
     "SEOUL, Sept. 2 (Korea Herald) — South Korea's trade ministry said on Tuesday it would require licences for "
     "exports of hybrid bonding equipment to three countries.\n\n"
     "The ministry said the rule would take effect in November and cover tools made by Hanmi Semiconductor."),
    ("03_list.md", "2026-10-09", "Tokyo adds items to its export control list",
     "TOKYO, 9 October (Japan Times) – Japan's trade ministry added 23 items, including cryogenic probers and "
     "etching gases, to its export control list on Thursday.\n\n"
     "The ministry said the items could be diverted to weapons programmes and would need a licence from January."),
    ("04_drills.md", "2026-10-10", "Taiwan holds air defence drills",
     "TAIPEI (Taipei Times) -- Taiwan's air force held air defence drills near Hualien on Friday after Chinese "
     "warplanes crossed the median line of the strait.\n\n"
     "The defence ministry said 27 aircraft took part in the exercise."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("any-outlet"), ARTICLES)


# (question, the answer's words, the dateline's words the answer must not quote)
QUESTIONS = [
    ("How many men did Singapore charge over the server exports?", "three men", ["SINGAPORE", "Oct 8", "Straits Wire"]),
    ("Exports of which equipment will need a licence from South Korea's trade ministry?", "hybrid bonding",
     ["SEOUL", "Sept.", "Korea Herald"]),
    ("How many items did Japan add to its export control list?", "23 items", ["TOKYO", "9 October", "Japan Times"]),
    ("Where did Taiwan's air force hold air defence drills?", "Hualien", ["TAIPEI", "Taipei Times"]),
]


@pytest.mark.parametrize(("question", "answer", "dateline"), QUESTIONS)
def test_an_answer_quotes_the_report_without_an_unlisted_outlets_dateline(engine, question, answer, dateline):
    lead = answer_lead(engine, question, until="2026-10-31")
    assert answer in lead, lead
    assert not any(word in lead for word in dateline), lead


def test_a_briefs_entities_hold_no_dateline_month_or_outlet(engine):
    brief = engine.write("chip export controls in Singapore, South Korea and Japan", template="assessment")
    entities = [t for s in brief.sections if s.kind == "terms" and "entit" in s.name.lower() + s.title.lower()
                for t in s.terms]
    assert entities, [s.name for s in brief.sections]
    assert not {"Oct", "Sept", "October", "Straits Wire", "Korea Herald", "Japan Times"} & set(entities), entities


def test_a_months_abbreviation_in_running_text_is_no_entity_either():
    texts = ["Prosecutors in Singapore said on Oct. 8 that Nvidia servers had reached Malaysia by Sept 30.",
             "The men were charged in Singapore on Wednesday; Nvidia declined to comment on Nov 2."]
    named = entity_terms(texts, texts, texts, 10)
    assert {"Singapore", "Nvidia", "Malaysia"} <= set(named)
    assert not {"Oct", "Sept", "Nov"} & set(named), named
