"""An answer or brief that abstains under a start date or a publisher filter says which sources answer outside them.

"How much subsidy does Micron get for Hiroshima?" with ``--since 2024-08-01`` said only "no evidence … within the
filters": a reader could not tell a corpus that lacks the story from a filter that removed it. The question is
written again without those filters; when that is answered, its sources are named. The end date (``--until``: the
"as of" of a question asked in the past) is kept: what was published after it is not offered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.types import SearchFilters
from test_cases_cjk import Corpus

DOCS = Path(__file__).resolve().parent / "data" / "topic_headline"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    c = Corpus(tmp_path_factory.mktemp("outside"), sorted(p for p in DOCS.iterdir() if p.suffix != ".md"))
    yield c
    c.close()


@pytest.mark.parametrize(
    "filters, said",
    [
        (SearchFilters(since="2024-05-01"), "published on or after 2024-05-01"),
        (SearchFilters(publishers=("Island Energy News",)), "publisher Island Energy News"),
        (SearchFilters(since="2024-04-01", publishers=("Asia Trade Desk",)), "published on or after 2024-04-01; publisher Asia Trade Desk"),
    ],
)
@pytest.mark.parametrize("template", ["answer", "situation"])
def test_an_abstention_under_filters_names_the_sources_outside_them(corpus, filters, said, template):
    topic = ("Which equipment did Japan add to its export control list?" if template == "answer"
             else "Japan lithography cleaners export controls")
    brief = corpus.engine().write(topic, template=template, filters=filters)
    assert brief.abstained
    assert f"Without the filters, the corpus has evidence on it in “Tokyo adds lithography cleaners to its " \
           f"export control list” (Nikkan Wire, 2024-03-05), which the filters ({said}) left out." in brief.message
    assert "Without the filters (" not in brief.message
    assert any(n.startswith("Without the filters") for n in brief.provenance.notes)


def test_nothing_is_named_when_the_corpus_lacks_the_story_outside_the_filters_too(corpus):
    brief = corpus.engine().write("What did Russia ban?", template="answer", filters=SearchFilters(since="2024-05-01"))
    assert brief.abstained and "Without the filters" not in (brief.message or "")


def test_an_end_date_is_kept_later_articles_are_not_offered(corpus):
    """``--until`` answers as of that day (RealTime QA asks each question on its quiz date): the cleaners article of
    2024-03-05 is after an end date of 2024-01-01 and is not named, with or without a start date."""
    for filters in (SearchFilters(until="2024-01-01"), SearchFilters(since="2023-06-01", until="2024-01-01")):
        brief = corpus.engine().write("Which equipment did Japan add to its export control list?", template="answer",
                                      filters=filters)
        assert brief.abstained and "Without the filters" not in (brief.message or "")


def test_an_answer_within_the_filters_is_left_as_it_is(corpus):
    brief = corpus.engine().write("Which equipment did Japan add to its export control list?", template="answer",
                                  filters=SearchFilters(publishers=("Nikkan Wire",)))
    assert not brief.abstained and "Without the filters" not in (brief.message or "")


def test_the_streamed_answer_says_it_too(corpus):
    from rag.brief import Brief

    items = list(corpus.engine().stream("Which equipment did Japan add to its export control list?",
                                        filters=SearchFilters(since="2024-05-01")))
    final = items[-1]
    assert isinstance(final, Brief) and final.abstained and "Without the filters" in final.message


@pytest.mark.parametrize(
    "filters, named, said",
    [
        (SearchFilters(since="2026-12-01"), "“Beijing trims gallium licences” (Metals Ledger, 2026-11-18)",
         "Without the filters, the corpus has evidence on it in “Beijing trims gallium licences” (Metals Ledger, "
         "2026-11-18), which the filters (published on or after 2026-12-01) left out."),
        (SearchFilters(publishers=("Seoul Chip Daily", "Busan Wire")), "“KSEA elects a chair” (Hanbit Post, 2025-03-02)",
         "Without the filters, the corpus has evidence on it in “KSEA elects a chair” (Hanbit Post, 2025-03-02), which "
         "the filters (publishers Seoul Chip Daily, Busan Wire) left out."),
        # the end date is kept in the wider search, so it is not among the filters said to leave the sources out
        (SearchFilters(since="2025-01-01", until="2025-06-30", publishers=("Ulaanbaatar Times",)),
         "“Mongolia signs Khovd deal” (Steppe News, 2025-02-11) and 2 more",
         "Without the filters, the corpus has evidence on it in “Mongolia signs Khovd deal” (Steppe News, 2025-02-11) "
         "and 2 more, which the filters (published on or after 2025-01-01; publisher Ulaanbaatar Times) left out."),
    ],
)
def test_the_filters_are_named_as_what_left_the_sources_out_not_as_still_applied(filters, named, said):
    """"Without the filters (published on or after 2026-12-01), the corpus has evidence" read as if the search were
    still limited to them; the filters are named after the sources they left out."""
    from rag.writers.abstention_text import outside_filters_message

    text = outside_filters_message(filters, named)
    assert text == said
    assert "Without the filters (" not in text
