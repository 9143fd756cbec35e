"""Confidence counts only reporting of the topic's story (issue 10, s31).

Kind: an undated report cannot be placed in the topic's story by its run of dated reports, and a roundup passes the
on-topic test through one paragraph's words. The fresh user's brief on China's restrictions on 20 Japanese firms
counted an undated roundup led by another story (the US asking Japan to curb China's chips) as "the one independent
report". ``confidence.off_story_undated`` reads an undated report's story from its lede (the writer's relative cut,
``on_topic.DOC_GAP``, against the closest paragraph the brief quotes) and ``assess_confidence`` names what it set
aside.
"""

from __future__ import annotations

import pytest

from rag.brief import Citation, Claim, Source
from rag.writers.confidence import assess_confidence, off_story_undated

ROUNDUP = ("US authorities have asked the Japanese government to join efforts aimed at curbing China’s progress in "
           "semiconductor development. Officials in Washington are seeking Tokyo’s engagement on ways to restrict "
           "the flow of technology.\nAt the same time, Tokyo weighs the risk of aggravating tensions with Beijing and "
           "the potential economic repercussions for Japanese firms connected to the Chinese market.\nIn related news, "
           "Chinese authorities halted imports of seafood from Taiwan.")
CHINA_BRIEF = ("China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo\n"
               "The Chinese government’s restriction on dual-use exports to 20 Japanese companies is a strategic move "
               "likely aimed at countering Japan’s military alignment with Taiwan and the United States.")
TAIPEI = ("Japan yesterday said that it does not plan to retract or renegotiate its stricter controls on high-tech "
          "exports to South Korea, a day after South Korean President Moon Jae-in urged diplomacy.\nTokyo last week "
          "tightened the approval process for shipments of photoresists to South Korean companies.")
DIGEST = ("Markets: Asian shares rose on Monday as investors weighed central bank signals and oil prices eased.\n"
          "Meanwhile, Lithuania said China had blocked its exports at customs after Vilnius let Taiwan open an office.")
LITHUANIA = ("China blocks Lithuanian goods at customs in Taiwan office row\nChinese customs removed Lithuania from "
             "its list of origin countries, blocking imports after Vilnius allowed Taiwan to open a representative office.")


def src(n: int, doc: str, kind: str = "news", published: str | None = None, attributed_as: str = "") -> Source:
    return Source(index=n, doc_id=doc, source_type=kind, published=published, attributed_as=attributed_as)


def cite(doc: str, text: str, part: str) -> Claim:
    at = text.index(part)
    return Claim(text=part, citations=[Citation(source=1, chunk_id=f"{doc}-0", doc_id=doc, start=at, end=at + len(part),
                                                quote=part)], verified=True)


@pytest.fixture(scope="module")
def embed(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0]).checker.embed


CASES = [
    # (topic, {doc: (text, type, date)}, the quoted (doc, part) pairs, the docs set aside)
    ("China's export restrictions on Japanese firms",
     {"r": (ROUNDUP, "news", None), "w": (CHINA_BRIEF, "generated", "2026-02-25")},
     [("w", "China Imposes Export Restrictions on 20 Japanese Firms"), ("r", "At the same time, Tokyo weighs the risk")],
     {"r"}),
    ("US pressure on Japan to curb chip exports to China",
     {"r": (ROUNDUP, "news", None), "w": (CHINA_BRIEF, "generated", "2026-02-25")},
     [("r", "US authorities have asked the Japanese government"), ("w", "China Imposes Export Restrictions")], set()),
    ("Japan's 2019 export curbs on South Korea", {"t": (TAIPEI, "news", None)},
     [("t", "Tokyo last week tightened the approval process")], set()),
    ("China's customs block on Lithuanian goods",
     {"d": (DIGEST, "news", None), "l": (LITHUANIA, "news", "2021-12-03")},
     [("l", "Chinese customs removed Lithuania"), ("d", "Meanwhile, Lithuania said China had blocked")], {"d"}),
    # a dated report is placed by its run, never here
    ("China's export restrictions on Japanese firms",
     {"r": (ROUNDUP, "news", "2023-01-30"), "w": (CHINA_BRIEF, "generated", "2026-02-25")},
     [("w", "China Imposes Export Restrictions"), ("r", "At the same time, Tokyo weighs the risk")], set()),
]


@pytest.mark.parametrize(("topic", "docs", "quoted", "aside"), CASES)
def test_an_undated_report_counts_only_when_its_lede_tells_the_topics_story(embed, topic, docs, quoted, aside):
    sources = [src(n, d, kind, date) for n, (d, (_, kind, date)) in enumerate(docs.items(), 1)]
    claims = [cite(d, docs[d][0], part) for d, part in quoted]
    assert off_story_undated(topic, sources, claims, {d: t for d, (t, _, _) in docs.items()}, embed) == aside


def test_the_reason_names_the_report_set_aside():
    roundup = src(1, "r", attributed_as="an unnamed roundup citing Kyodo News")
    c = assess_confidence([src(2, "w", "generated", "2026-02-25")], off_story=[roundup])
    assert c.level == "low" and c.independent_sources == 0
    assert c.reason.startswith("no independent on-topic report;")
    assert c.reason.endswith("not counted, undated and its lede reports another story: an unnamed roundup citing Kyodo News.")
    assert c.cited_not_counted == ["generated", "news"]
