"""A brief keeps to its story: a report of it names the story's own names, a report of another country's story in the
topic's words is padding, and a signal of a story's report is what to watch (issue 10, on-topic first; s69).

Kind 1: **padding with another story that shares the topic's vocabulary.** A brief on a "Korean battery technology
leak" (s68's new users, own articles) quoted a report of Japan's guidelines against battery technology leaks in What
happened and on its timeline, and took its "as of" from it, while the leak case's follow-up ("Ex-Daon engineers deny
cathode leak charges at first hearing") was set aside: its opening tells one of the topic's words, the padding's two.
A report's opening is now also read by the *story's own names* (``on_topic.story_names``: the names the best-told
openings' ledes give beyond the topic, "Daon Energy"): an opening naming one tells the story; an opening naming none
of the topic's actors and a place the best openings do not name ("Japan urges …") tells another country's story.
A short section beats a padded one.

Kind 2: **an empty "Key signals to watch" though a report of the story says what to watch** ("will be watched", "the
next test is", "a ruling … is due in October"). A signal sentence of an on-topic news report is its story's next step
whatever topic words it names (``extractive``: ``Scored.lone``); before, only a story told by one report had that.

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed
from rag.writers.actor_names import read_topic
from rag.writers.on_topic import opening_told, story_names

ARTICLES = {
    # the story: a Korean battery cathode leak case, told by two outlets
    "a1.txt": ("Prosecutors indict former Daon Energy engineers over cathode technology leak", "Seoul Ledger",
               "2026-11-03",
               "Suwon prosecutors on Monday indicted three former Daon Energy engineers on charges of leaking the "
               "company's high-nickel cathode technology to a Chinese battery maker.\n\n"
               "The engineers allegedly copied about 2,300 design files to personal cloud accounts before leaving the "
               "firm in 2024.\n\n"
               "Investigators said the files reached Jiangxi Ruineng New Energy, which later hired two of the men.\n\n"
               "South Korea designates high-nickel cathode processes as national core technology."),
    "a2.txt": ("Ex-Daon engineers deny cathode leak charges at first hearing", "Hanbit Wire", "2026-12-10",
               "Lawyers for the three former Daon Energy engineers denied the leak charges at a preparatory hearing on "
               "Wednesday, arguing that the cathode files were not trade secrets.\n\n"
               "Prosecutors told the Suwon District Court that the cloud logs show the files were opened in Jiangxi "
               "Ruineng's offices in Ganzhou.\n\n"
               "How the court treats the cloud logs will be watched closely by other battery makers pursuing similar "
               "cases.\n\n"
               "Daon Energy shares rose 2 percent in Seoul trading."),
    # another country's story in the same words: battery makers, technology leaks
    "d1.txt": ("Japan urges battery-material suppliers to screen foreign hires", "Kanto Business News", "2026-11-18",
               "Japan's trade ministry on Tuesday issued guidelines urging battery-material suppliers to screen foreign "
               "hires to prevent technology leaks.\n\n"
               "The guidelines ask companies to log access to cathode and separator design files.\n\n"
               "Japanese battery materials makers supply separators and electrolytes to Korean and Chinese cell "
               "makers."),
    # a second story: a Taiwan GPU smuggling case, and Malaysia's transshipment permits in the same words
    "g1.txt": ("Taiwan prosecutors charge Kestrel Logistics managers over GPU smuggling", "Formosa Daily", "2026-09-02",
               "Taichung prosecutors on Tuesday charged two managers of Kestrel Logistics with smuggling 1,200 "
               "high-end GPUs to China in relabelled server shipments.\n\n"
               "The shipments passed through a bonded warehouse in Taichung port, prosecutors said.\n\n"
               "Taiwan bars exports of such processors to China without a licence."),
    "g2.txt": ("Kestrel Logistics managers plead not guilty", "Island Wire", "2026-09-20",
               "Two Kestrel Logistics managers pleaded not guilty on Friday to charges of smuggling GPUs to China "
               "in relabelled server crates.\n\n"
               "Their lawyers said the managers did not know what the crates held.\n\n"
               "The next test is whether the court lets prosecutors use messages recovered from a deleted chat "
               "group."),
    "m1.txt": ("Malaysia tightens checks on GPU server transshipments", "Straits Trade Review", "2026-09-15",
               "Malaysia's trade ministry said on Monday it will require permits for GPU server transshipments to stop "
               "smuggling to China.\n\n"
               "Port operators in Penang and Klang must report every server cargo above 50 units.\n\n"
               "The permits take effect on Nov. 1."),
}

LEAK = "Korean battery technology leak"
GPU = "Taiwan GPU smuggling"


def _opening(name: str) -> str:
    title, _, _, body = ARTICLES[name]
    return f"{title}\n{body.split(chr(10) * 2)[0]}"


@pytest.mark.parametrize("topic, story, follow_up, other", [
    (LEAK, "a1.txt", "a2.txt", "d1.txt"),
    (GPU, "g1.txt", "g2.txt", "m1.txt"),
])
def test_a_report_is_told_by_the_storys_own_names_not_by_another_places_words(topic, story, follow_up, other):
    actors = read_topic(topic, [], []).all
    told = opening_told(topic, actors, {n: _opening(n) for n in (story, follow_up, other)})
    assert told == {story: True, follow_up: True, other: False}


def test_the_storys_names_are_its_ledes_names_beyond_the_topic_no_place_no_common_word():
    names = story_names(read_topic(LEAK, [], []).all, [_opening("a1.txt")])
    flat = set().union(*names)
    assert "daon energi" in flat and "daon" in flat
    assert not {"korea", "china", "south_korea"} & flat  # places are the topic's or another story's, not its names
    assert "energi" not in flat  # "Energy" names the company only inside "Daon Energy"


def test_an_opening_of_the_topics_words_and_no_place_still_tells_the_story():
    # no name of the topic's actors, no other place: the report of the topic's act (an existing spec's rule)
    topic = LEAK
    actors = read_topic(topic, [], []).all
    told = opening_told(topic, actors, {"a1": _opening("a1.txt"),
                                        "w": "Battery leak trial opens\nThe trial over the battery technology leak "
                                             "opened on Tuesday."})
    assert told == {"a1": True, "w": True}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("story_names"), ARTICLES)


@pytest.fixture(scope="module")
def briefs(engine):
    return {topic: engine.write(topic, template="situation") for topic in (LEAK, GPU)}


def _cited(brief) -> set[str]:
    return {s.source_path.rsplit("/", 1)[-1] for s in brief.sources if s.source_path}


# the GPU case's plea report is set aside by its meaning (0.26 against the charge report's 0.64: it tells the plea, not
# the smuggling): the story's own names are read in openings only, not yet in the meaning cut
@pytest.mark.parametrize("topic, story, other", [(LEAK, {"a1.txt", "a2.txt"}, "d1.txt"), (GPU, {"g1.txt"}, "m1.txt")])
def test_the_brief_quotes_the_storys_reports_and_not_another_storys(briefs, topic, story, other):
    cited = _cited(briefs[topic])
    assert story <= cited, cited
    assert other not in cited, cited


@pytest.mark.parametrize("topic, watched", [(LEAK, "will be watched closely")])
def test_a_signal_of_the_storys_report_fills_key_signals_to_watch(briefs, topic, watched):
    signals = next(s for s in briefs[topic].sections if s.name == "signals")
    assert any(watched in c.text for c in signals.claims), (signals.text, [c.text for c in signals.claims])
