"""A report whose opening tells another story is not the topic's report, though its body names the topic's actors and
words (issue 10, on-topic first and confidence with its reason; s62).

Kind: **another story's report, naming the topic in passing, fills the brief and counts for its confidence.** A brief on
Japan's semiconductor inspection-tool export licences (s61's fresh user) quoted a report of China's gallium licences
in What happened, Background and its only Implication, and its confidence line said "Moderate: two independent
on-topic reports": the gallium report names Japan ("makers in Japan"), "export licences" and "semiconductor" in its
body, all the topic's words but one, so the actor test and ``topic_words_told`` (best less one) both passed it. Its
title and lede tell China's licences and name none of that. A news report's opening (its title and lede) must now
name the topic's actors and own words as fully as the best opening does, less one (``on_topic.opening_told``), in
one of the topic's parts.

The reports were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import json

import pytest

from conftest import engine_over_texts
from rag.writers.actor_names import read_topic
from rag.writers.on_topic import opening_told

ARTICLES = {
    # the story: Seoul's licences for hybrid bonders, told by one outlet in two reports
    "k1.txt": ("Seoul adds hybrid bonders to export licence list", "Han River Herald", "2026-10-07",
               "South Korea's trade ministry said on Wednesday that exporters will need an individual licence for nine "
               "types of hybrid bonders and other memory packaging tools from March 2, 2027.\n\n"
               "The list includes hybrid bonders for 16-high memory stacks and wafer-level moulding presses.\n\n"
               "The ministry said the tools could let foreign rivals catch up in high-bandwidth memory.\n\n"
               "Shares of Hanmi Semiconductor fell 4.1% after the announcement."),
    "k2.txt": ("Seoul trims hybrid bonder licence list to seven types", "Han River Herald", "2026-10-21",
               "South Korea's trade ministry on Tuesday cut the number of hybrid bonder and packaging tool types that "
               "need an export licence to seven, down from the nine it announced this month.\n\n"
               "Wafer-level moulding presses were taken off the list after comments from toolmakers, the ministry "
               "said.\n\n"
               "The licences will still be required from March 2, 2027."),
    # another story of the same weeks that names South Korea, hybrid bonders, export and licences in its body
    "x1.txt": ("China shortens antimony licence reviews to 20 days", "Metals Asia Daily", "2026-10-15",
               "China's commerce ministry said on Thursday it will decide antimony export licence applications within "
               "20 working days instead of 45.\n\n"
               "The ministry said licences had gone to 23 foreign buyers, including hybrid bonder and battery makers "
               "in South Korea and Japan.\n\n"
               "China mined about half of the world's antimony last year.\n\n"
               "Analysts in Seoul said the change would help South Korea's hybrid bonder makers plan their export "
               "orders."),
    # a second story: Taiwan's ban on drone motor exports, told by two outlets
    "t1.txt": ("Taiwan bans export of drone motors to China", "Formosa Evening Post", "2026-08-04",
               "Taiwan's economy ministry said on Monday it will ban exports of brushless drone motors and flight "
               "controllers to China from September 1.\n\n"
               "The ministry said the motors had been found in drones used near Kinmen.\n\n"
               "Violators face fines of up to NT$5 million."),
    "t2.txt": ("Taiwan drone motor ban to take effect on September 1", "Taipei Trade Journal", "2026-08-05",
               "Taiwan will stop exports of drone motors and flight controllers to China from September 1, its economy "
               "ministry said.\n\n"
               "Makers asked for a three-month grace period for signed contracts.\n\n"
               "The ban covers motors above 500 watts."),
    # ... and another story naming Taiwan, drone motors and the export ban in passing
    "x2.txt": ("Japan to fund domestic drone makers with 40 billion yen", "Kanto Business Wire", "2026-08-12",
               "Japan's defence ministry said on Wednesday it will pay 40 billion yen over five years to domestic "
               "makers of small military drones.\n\n"
               "Most of the makers buy their motors from Taiwan, where a ban on exports of drone motors to China "
               "begins next month.\n\n"
               "The first contracts will be awarded in April."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    # each article's headline is its first line; publisher and date come from the manifest
    texts = {name: f"{title}\n\n{body}\n" for name, (title, _, _, body) in ARTICLES.items()}
    texts["manifest.json"] = json.dumps({"articles": [{"file": name, "publisher": publisher, "published": day}
                                                      for name, (_, publisher, day, _) in ARTICLES.items()]})
    return engine_over_texts(tmp_path_factory.mktemp("opening_story"), texts)


def _cited_files(brief) -> set[str]:
    return {s.source_path.rsplit("/", 1)[-1] for s in brief.sources if s.source_path}


@pytest.mark.parametrize("topic, story, other, confidence", [
    ("South Korea hybrid bonder export licences", {"k1.txt", "k2.txt"}, "x1.txt", "Low"),
    ("South Korea export licences for hybrid bonders", {"k1.txt", "k2.txt"}, "x1.txt", "Low"),
    ("Taiwan drone motor export ban", {"t1.txt", "t2.txt"}, "x2.txt", "Moderate"),
])
@pytest.mark.parametrize("template", ["situation", "assessment"])
def test_a_report_of_another_story_is_not_quoted_nor_counted(engine, topic, story, other, confidence, template):
    brief = engine.write(topic, template=template)
    cited = _cited_files(brief)
    assert story <= cited, cited
    assert other not in cited, cited
    assert brief.confidence is not None and brief.confidence.text().startswith(confidence), brief.confidence.text()


def test_an_opening_names_the_topics_subject_or_its_units_as_fully_as_the_best_less_one():
    topic = "South Korea hybrid bonder export licences"
    actors = read_topic(topic, [], []).all
    told = opening_told(topic, actors, {
        "story": "Seoul adds hybrid bonders to export licence list\nSouth Korea will require export licences for "
                 "nine hybrid bonders.",
        # the subject by its own name only, none of the other words: still the story's (another name for the act)
        "follow-up": "South Korea trims its list\nThe ministry cut the number of tool types to seven.",
        # the topic's words but not its subject: four of the best opening's five
        "words": "Hybrid bonder export licences to be issued faster\nThe ministry will issue hybrid bonder licences "
                 "in ten days.",
        "other": "China shortens antimony licence reviews\nBeijing will decide antimony export licence applications "
                 "faster."})
    assert told == {"story": True, "follow-up": True, "words": True, "other": False}


def test_each_part_of_a_topic_is_told_by_its_own_opening():
    # a report of one half of a story opens with that half only
    topic = "Taiwan drone motor export ban and China's rare-earth magnet probe"
    actors = read_topic(topic, [], []).all
    told = opening_told(topic, actors, {
        "ban": "Taiwan bans drone motor exports\nTaiwan will ban exports of drone motors to China.",
        "probe": "China opens rare-earth magnet probe\nBeijing opened a probe into rare-earth magnet exports.",
        "other": "Japan funds drone makers\nTokyo will pay domestic makers of drones."})
    assert told == {"ban": True, "probe": True, "other": False}


def test_a_topic_of_one_unit_requires_nothing_of_an_opening():
    topic = "Taiwan"
    actors = read_topic(topic, [], []).all
    assert opening_told(topic, actors, {"a": "Chip exports rise\nExports of chips rose in May."}) == {"a": True}
