"""A year the topic names is the user's word, not the corpus's (issue 10, s36; the s35 fresh user's finding 6).

"China's 2024 export restrictions on Japanese firms" over a corpus that reports them on 2026-02-25 said "story of
2024 · as of 2020-03-31" and set the 2026 report aside as of another time. Kinds, each beyond that case:

- evidence dates a story to the topic's years when a document is published within them (or the year after, a
  follow-up report) or a quote names one of them; it contradicts them when it is dated otherwise; an undated page
  naming no year does neither (``on_topic.dates_story``);
- a brief keeps to the topic's years unless the evidence contradicts them: then to the run of its reports, as for a
  topic naming none, so the story's own report is quoted (``on_topic.topic_years``);
- the header says the story's time only when the evidence gives it; a contradicted year is a gap ("no source in the
  corpus dates this story to 2024"), an undated story's year is the topic's alone (``render.dating``).
"""

from __future__ import annotations

from datetime import date

import pytest

from rag.brief import Brief, Citation, Claim, Provenance, Section, Source
from rag.render import dating
from rag.writers.on_topic import dates_story, topic_years

DATES = [  # (the topic's years, publication dates, quoted texts, dates the story?)
    ((2024, 2024), ["2026-02-25", "2020-03-31"], ["Tokyo protests as China blocks dual-use exports to 20 Japanese companies"], False),
    ((2024, 2024), ["2026-02-25", None], ["The restrictions took effect in March 2024."], True),  # a quote names it
    ((2019, 2019), ["2019-07-04"], [], True),
    ((2019, 2019), ["2020-01-15"], [], True),  # a follow-up report the year after
    ((2019, 2019), ["2021-06-01"], ["Seoul said it would file a complaint with the WTO."], False),
    ((2010, 2010), ["2023-07-05"], ["China halted rare earth shipments to Japan in September 2010."], True),  # recalled
    ((2010, 2010), ["2023-07-05"], ["China restricted rare earth exports again."], False),
    ((2022, 2022), [None], ["Pyongyang fired a ballistic missile on Tuesday."], None),  # undated, no year: can't tell
    ((2022, 2022), [None], ["The sanctions were first imposed in 2017."], False),  # undated but names another year
    ((2022, 2022), [None], ["North Korea's first ICBM launch since 2017"], None),  # a point of comparison is no time
    ((2019, 2020), ["2020-11-02"], ["The entity listing of May 2019 was extended."], True),
    ((2022, 2022), [], [], None),
]


@pytest.mark.parametrize(("years", "published", "texts", "dated"), DATES)
def test_evidence_dates_a_story_to_the_topics_years_or_contradicts_them(years, published, texts, dated):
    assert dates_story(years, published, texts) is dated


RUN = (date(2026, 2, 25), date(2026, 2, 25))
KEPT = [  # (topic, the run of on-topic reports, the main document, every on-topic document, the years kept to)
    # a wrong year contradicted by the story's own report: the run's years, so that report is quoted
    ("China's 2024 export restrictions on Japanese firms", RUN, ("2026-02-25", ["China blocks dual-use exports"]),
     [("2026-02-25", ["China blocks dual-use exports"]), ("2020-03-31", ["the Entity List"])], (2026, 2026)),
    # ... with no dated news run: no time to keep to
    ("US sanctions on Bank Rossiya in 2020", None, ("2022-03-01", ["The Treasury froze the bank's assets."]),
     [("2022-03-01", ["The Treasury froze the bank's assets."])], None),
    # a right year: kept, whatever other documents say
    ("Japan's 2019 export curbs on South Korea", (date(2019, 7, 1), date(2019, 7, 12)), ("2019-07-04", ["Tokyo tightened"]),
     [("2019-07-04", ["Tokyo tightened"]), ("2026-06-30", ["Korea pitches a chip hub"])], (2019, 2019)),
    # a later digest recalling the year supports it
    ("China's 2010 rare earth embargo on Japan", None, ("2023-07-05", ["the September 2010 halt of rare earth shipments"]),
     [("2023-07-05", ["the September 2010 halt of rare earth shipments"])], (2010, 2010)),
    # the main document undated and naming no year: the topic's year stands (nothing contradicts it) ...
    ("Japan's 2021 export curbs on South Korea", None, (None, ["Tokyo last week tightened the approval process"]),
     [(None, ["Tokyo last week tightened the approval process"]), ("2026-06-30", ["Korea pitches a chip hub"])], (2021, 2021)),
    # ... and a topic naming no year is the run's, as before
    ("North Korea missile launches", (date(2022, 9, 25), date(2022, 10, 9)), ("2022-10-04", ["a missile over Japan"]),
     [("2022-10-04", ["a missile over Japan"])], (2022, 2022)),
]


@pytest.mark.parametrize(("topic", "run", "main", "on_topic", "kept"), KEPT)
def test_a_brief_keeps_to_the_topics_years_unless_the_evidence_contradicts_them(topic, run, main, on_topic, kept):
    assert topic_years(topic, run, main, on_topic) == kept


PROV = Provenance(template="situation", template_version="1", template_hash="h", backend="extractive", model="m",
                  retrieval={}, corpus_snapshot="c", query="q")


def _brief(topic: str, as_of: str | None, published: list[str | None], texts: list[str], timeline=()) -> Brief:
    sources = [Source(index=i + 1, doc_id=f"d{i}", published=p) for i, p in enumerate(published)]
    claims = [Claim(text=t, citations=[Citation(source=1, chunk_id="d0-0", doc_id="d0", start=0, end=1, quote="x")])
              for t in texts]
    return Brief(template="situation", topic=topic, as_of=as_of, provenance=PROV, sources=sources,
                 sections=[Section(name="summary", title="What happened", claims=claims)],
                 timeline=[Claim(text="t", date=d) for d in timeline])


HEADERS = [  # (topic, as_of, sources' dates, quotes, timeline dates, the header's dating)
    ("China's 2024 export restrictions on Japanese firms", "2026-02-25", ["2026-02-25", "2020-03-31", None],
     ["Tokyo protests as China blocks dual-use exports to 20 Japanese companies"], (),
     "no source in the corpus dates this story to 2024 · as of 2026-02-25"),
    ("China's 2010 rare earth embargo on Japan", "2023-07-05", ["2023-07-05"],
     ["China halted rare earth shipments to Japan in September 2010."], (), "story of 2010 · as of 2023-07-05"),
    ("China's 2010 rare earth embargo on Japan", "2023-07-05", ["2023-07-05"],
     ["China restricted rare earth exports."], (), "no source in the corpus dates this story to 2010 · as of 2023-07-05"),
    ("Japan's 2019 export curbs on South Korea", "2019-07-12", ["2019-07-12"], ["Tokyo tightened the process."], (),
     "as of 2019-07-12"),
    ("Biden's March 2022 call with Xi Jinping", None, [None], ["Biden warned Xi of consequences."], ("2022-03-18",),
     "story of March 2022 · undated: no on-topic source gives a publication date"),  # a timeline date supports it
    ("Japan's 2021 export curbs on South Korea", None, [None], ["Tokyo last week tightened the approval process."], (),
     "undated: no on-topic source gives a publication date or dates this story to 2021"),
    ("Japan's 2021 export curbs on South Korea", None, [None], ["The curbs of July 2019 remain."], (),
     "no source in the corpus dates this story to 2021 · undated: no on-topic source gives a publication date"),
    ("export controls", "2026-02-25", ["2026-02-25"], ["China blocks dual-use exports."], (), "as of 2026-02-25"),
]


@pytest.mark.parametrize(("topic", "as_of", "published", "texts", "timeline", "said"), HEADERS)
def test_the_header_says_the_topics_time_only_when_the_evidence_gives_it(topic, as_of, published, texts, timeline, said):
    assert dating(_brief(topic, as_of, published, texts, timeline)) == said


def test_a_wrong_year_in_the_topic_neither_dates_the_brief_nor_drops_the_storys_report(sample_index):
    from rag.pipeline import Engine

    engine = Engine.from_settings(sample_index[0])
    brief = engine.write("China's 2024 export restrictions on Japanese firms", template="situation")
    assert dating(brief) == "no source in the corpus dates this story to 2024 · as of 2026-02-25"
    happened = [c.text for c in brief.section("summary").claims]
    assert any("dual-use exports to 20 Japanese companies" in t for t in happened)  # WorldWideWatchers' report


# ------------------------------------------------------------------ one reading of "on the story" (s36)
# The "export controls" brief's confidence line called WorldWideWatchers' 2026-02-25 report "not on the topic's
# story" while its What happened, timeline and as-of date rest on it. Commentary the lead section or the timeline
# tells the story from is on the story in the confidence line too; it never counts toward the level.

def _src(i: int, kind: str, published: str | None, name: str) -> Source:
    return Source(index=i, doc_id=f"d{i}", source_type=kind, published=published, attributed_as=name)


@pytest.mark.parametrize(("told", "said", "level"), [
    ([], "also cited, not on the topic's story: an AI-generated brief (2026-02-25)", "low"),
    ([2], "also cited, not independent reporting: an AI-generated brief (2026-02-25)", "low"),
])
def test_commentary_the_story_is_told_from_is_on_the_story_in_the_confidence_line(told, said, level):
    from rag.writers.confidence import assess_confidence

    report, digest = _src(1, "news", None, "Taipei Times"), _src(2, "generated", "2026-02-25", "WorldWideWatchers")
    conf = assess_confidence([report], {}, cited=[report, digest], told=[s for s in (report, digest) if s.index in told])
    assert said in conf.reason and conf.level == level and conf.independent_sources == 1
    if told:
        assert "not on the topic's story" not in conf.reason


def test_a_report_the_story_is_told_from_is_not_counted_by_that_alone():
    from rag.writers.confidence import assess_confidence

    counted, other = _src(1, "news", "2026-02-20", "Yonhap"), _src(2, "news", "2026-02-25", "Kyodo")
    conf = assess_confidence([counted], {}, cited=[counted, other], told=[other])
    assert conf.independent_sources == 1 and conf.level == "low"  # the level is set by the on-topic test alone


def test_the_export_controls_brief_reads_its_story_one_way(sample_index):
    from rag.pipeline import Engine

    brief = Engine.from_settings(sample_index[0]).write("export controls", template="situation")
    told = {c.source for s in brief.sections[:1] for cl in s.claims for c in cl.citations}
    told |= {c.source for cl in brief.timeline for c in cl.citations}
    for s in brief.sources:
        if s.index in told and s.source_type == "generated":
            assert f"not on the topic's story: {s.attributed_as}" not in brief.confidence.reason
            assert "AI-generated brief (2026-02-25)" in brief.confidence.reason
