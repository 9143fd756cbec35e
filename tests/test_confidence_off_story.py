"""One off-story judgement for a brief's sections and its confidence (issue 10, s31 → s32).

Kind: an undated report cannot be placed in the topic's story by its run of dated reports, and a roundup (or a page
with related stories appended) passes the on-topic test through one paragraph's words. s31 read such a report's
story from its lede for the confidence line only, so the fresh user's battery brief quoted eight bullets of a 2019
Taipei Times page on Japan's curbs on Korea under "What happened" while its confidence line said the page was "not
counted, undated and its lede reports another story". Now the judgement is made once
(``on_topic.off_story_undated``: an undated report's lede against the closest paragraph of the evidence, within
``on_topic.DOC_GAP``), before the writer picks anything: the report is set aside from the evidence, so no section
quotes it, and ``assess_confidence`` names it as set aside.
"""

from __future__ import annotations

import pytest

from rag.brief import Source
from rag.writers.confidence import assess_confidence
from rag.writers.on_topic import lede, off_story_undated, paragraphs

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


BATTERY = ("Japan blocks Chinese battery makers over cybersecurity\nJapan has reportedly denied cybersecurity "
           "approval for Chinese storage battery makers, tightening scrutiny on cross-border hardware used in critical "
           "infrastructure and energy systems.")
TAIPEI_SNIPPETS = TAIPEI + ("\nTaiwan’s national intelligence community identified a large number of cybersecurity "
                            "incidents last year, the bureau said in a statement.")
SEAFOOD = ("China suspended imports of Japanese seafood on Thursday after Tokyo began releasing treated water from the "
           "Fukushima plant, customs officials said.\nThe ban covers all aquatic products from Japan.")


def src(n: int, doc: str, kind: str = "news", published: str | None = None, attributed_as: str = "") -> Source:
    return Source(index=n, doc_id=doc, source_type=kind, published=published, attributed_as=attributed_as)


@pytest.fixture(scope="module")
def embed(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0]).checker.embed


CASES = [
    # (topic, the evidence's texts by doc, the undated reports among them, the ones set aside whole)
    ("China's export restrictions on Japanese firms", {"r": ROUNDUP, "w": CHINA_BRIEF}, {"r"}, {"r"}),
    ("US pressure on Japan to curb chip exports to China", {"r": ROUNDUP, "w": CHINA_BRIEF}, {"r"}, set()),
    ("Japan's 2019 export curbs on South Korea", {"t": TAIPEI}, {"t"}, set()),
    # a digest led by markets news keeps its paragraph that tells the topic's story (set aside in part, not whole)
    ("China's customs block on Lithuanian goods", {"d": DIGEST, "l": LITHUANIA}, {"d"}, set()),
    ("Japan's denial of cybersecurity approval for Chinese battery makers", {"t": TAIPEI_SNIPPETS, "b": BATTERY},
     {"t"}, {"t"}),
    ("Japan's 2019 export curbs on South Korea", {"t": TAIPEI_SNIPPETS, "b": BATTERY}, {"t"}, set()),
    # an undated report alone in the evidence is its own closest paragraph: kept
    ("China's ban on Japanese seafood imports", {"s": SEAFOOD}, {"s"}, set()),
    ("China's ban on Japanese seafood imports", {"s": SEAFOOD, "r": ROUNDUP.rsplit("\n", 1)[0]}, {"s", "r"}, {"r"}),
    # ... but its "In related news" paragraph on a seafood ban is near enough to stay (the writer drops it as another
    # story by its opener, ``candidates.is_other_story``)
    ("China's ban on Japanese seafood imports", {"s": SEAFOOD, "r": ROUNDUP}, {"s", "r"}, set()),
]


@pytest.mark.parametrize(("topic", "texts", "undated", "aside"), CASES)
def test_an_undated_report_is_evidence_only_when_its_lede_tells_the_topics_story(embed, topic, texts, undated, aside):
    ledes = {d: lede(texts[d]) for d in undated}
    off = off_story_undated(topic, ledes, {d: [t] for d, t in texts.items()}, embed)
    whole = {d for d, ps in off.items() if ps == {p for _, _, p in paragraphs(texts[d])}}
    assert whole == aside


def test_a_snippet_of_the_topics_story_on_a_page_led_by_another_stays(embed):
    # a page's appended related-story snippet tells its own story: kept, while the page's lede story is set aside
    snippet = TAIPEI_SNIPPETS.split("\n")[-1]
    texts = {"t": TAIPEI_SNIPPETS, "b": BATTERY}
    off = off_story_undated("Chinese cyberattacks on Taiwan's critical infrastructure", {"t": lede(TAIPEI_SNIPPETS)},
                            {d: [t] for d, t in texts.items()}, embed)
    assert snippet not in off.get("t", set())
    assert TAIPEI.split("\n")[0] in off["t"]


def test_a_lede_is_the_first_paragraph_long_enough_to_be_one():
    assert lede("Markets\nTokyo, July 4\n" + TAIPEI).startswith("Japan yesterday said")
    assert lede("Short title\nTwo words") == ""


def test_the_reason_names_the_report_set_aside():
    roundup = src(1, "r", attributed_as="an unnamed roundup citing Kyodo News")
    c = assess_confidence([src(2, "w", "generated", "2026-02-25")], off_story=[roundup])
    assert c.level == "low" and c.independent_sources == 0
    assert c.reason.startswith("no independent on-topic report;")
    assert c.reason.endswith("set aside, undated and its lede reports another story: an unnamed roundup citing Kyodo News.")
    assert c.cited_not_counted == ["generated"]  # set aside before writing: never cited


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


TAIPEI_DOC, ROUNDUP_DOC = "001_19717e54740cd5a9.txt", "002_0a34de8953730113.txt"


@pytest.mark.parametrize(("topic", "template", "aside"), [
    ("Japan's denial of cybersecurity approval for Chinese battery makers", "situation", "Taipei Times"),
    ("China's export restrictions on Japanese firms", "assessment", "an unnamed roundup"),
])
def test_a_source_ruled_off_the_story_fills_no_section(sample_engine, topic, template, aside):
    brief = sample_engine.write(topic, template=template)
    cited = {src.source_path.rsplit("/", 1)[-1] for src in brief.sources}
    assert TAIPEI_DOC not in cited and ROUNDUP_DOC not in cited
    assert f"set aside, undated and its lede reports another story: {aside}" in brief.confidence.reason


@pytest.mark.parametrize(("topic", "kept"), [
    ("Japan's 2019 export curbs on South Korea", TAIPEI_DOC),
    ("US pressure on Japan to join curbs on China's semiconductor progress", ROUNDUP_DOC),
])
def test_an_undated_report_of_the_topics_own_story_stays(sample_engine, topic, kept):
    brief = sample_engine.write(topic, template="situation")
    cited = {src.source_path.rsplit("/", 1)[-1] for src in brief.sources}
    assert kept in cited
    assert not any(n.startswith("set aside") and kept in n for n in brief.provenance.notes)
