"""A capital or country for an ambiguous place the text names alone: "Korea's Ministry of Foreign Affairs summoned the
Japanese ambassador" is South Korea's, so "Seoul summoned Japan's ambassador" restates it (new user s65 F8: "entity
'Seoul' not in cited text"; metonymy read "Seoul" as South Korea, but "Korea" never covers a case of it). A text that
names no case of "Korea" means its usual case (``rag/support/data/usual_places.toml``); one that names North Korea
keeps it ambiguous, and "Pyongyang" is never the usual case."""

from __future__ import annotations

from rag.support.usual_places import usual_reading
from tests.checker_pairs import misjudged

SUMMONED = "Korea's Ministry of Foreign Affairs summoned the Japanese ambassador, Koichi Mizushima, on October 20."
RECALL = "Korea recalled its ambassador to Tokyo on March 3, the foreign ministry said."
APEC = "Korea will host the APEC trade ministers' meeting in Busan in May."
SEAFOOD = "Korea banned imports of seafood from Fukushima and seven nearby prefectures in 2013."
BOTH = ("Korea's defence ministry said the drills would go ahead on Monday, and North Korea called them a rehearsal "
        "for invasion.")


def test_korea_alone_is_read_as_south_korea_and_never_as_north_korea():
    assert usual_reading("south_korea", ["korea", "japan"])
    assert not usual_reading("north_korea", ["korea", "japan"])
    assert not usual_reading("south_korea", ["korea", "north_korea"])


def test_the_checker_reads_the_usual_case(checker):
    rows = [
        ("Seoul summoned Japan's ambassador Koichi Mizushima on October 20.", SUMMONED, True),
        ("Seoul recalled its ambassador to Tokyo on March 3.", RECALL, True),
        ("South Korea will host the APEC trade ministers in May.", APEC, True),
        ("Seoul banned imports of seafood from Fukushima in 2013.", SEAFOOD, True),
        ("Pyongyang summoned Japan's ambassador Koichi Mizushima on October 20.", SUMMONED, False),
        ("Pyongyang banned imports of seafood from Fukushima in 2013.", SEAFOOD, False),
        ("Seoul called the drills a rehearsal for invasion.", BOTH, False),
    ]
    assert misjudged(checker, rows) == []
