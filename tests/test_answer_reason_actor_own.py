""""Why did X say it did Y?" is answered by the reason X is reported giving, not by another voice's reason.

* Kind (s65's new user F13, the s64 F11 kind again): "Why did METI say it was reviewing photoresist licences?" was
  answered by a think tank's "… This makes it harder for Seoul to win a WTO case, in our view, because …" (it
  repeats the topic's words), not by METI's own "the reviews were 'routine checks on end-use' prompted by a rise in
  re-exports of photoresist to third countries". A cause told by a passive participle ("prompted by", "triggered
  by") was no reason cue, and a reason of another voice stood before the actor's.
* ``answer_kinds.toml`` [reason] ``stated_cues`` v11 read "prompted by", "triggered by" …; ``stated_reason.
  actor_first``: for a question asking the actor's stated reason, the reasons the actor is reported giving lead (or
  those it gives in the act's story), else the reasons unchanged.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.stated_reason import tells_reason


@pytest.mark.parametrize("sentence", [
    "The ministry said the reviews were routine checks prompted by a surge in shipments to third countries.",
    "Customs said the holds were triggered by mislabelled cargo found at Busan in May.",
    "The regulator said the probe was sparked by complaints from two domestic rivals.",
])
def test_a_cause_told_by_a_passive_participle_tells_a_reason(sentence):
    assert tells_reason(sentence)


ARTICLES = [
    ("01_news.md", "2026-05-20", "Vietnam reviews rare-earth export licences",
     "HANOI, May 20 - Vietnam's trade ministry is reviewing licences for exports of rare-earth concentrate, "
     "traders said on Wednesday, holding up about 40 shipments.\n\nThe trade ministry said in a statement that the "
     "reviews were routine end-use checks prompted by a surge in rare-earth shipments to third countries, and "
     "denied that any ban had been imposed.\n\nExports of concentrate rose 60% last year."),
    ("02_analysis.md", "2026-05-28", "Why Hanoi's rare-earth licence reviews matter",
     "Vietnam's trade ministry reviewing rare-earth export licences is, in our view, a bargaining move, because "
     "Hanoi wants foreign investors to build refineries in Vietnam rather than ship concentrate abroad.\n\nWe "
     "expect the reviews to last until the autumn."),
    ("03_news.md", "2026-08-11", "Korea Customs holds drone parts shipments bound for Central Asia",
     "SEOUL, Aug 11 - The Korea Customs Service is holding shipments of drone motors bound for Kazakhstan and "
     "Kyrgyzstan, an official said on Tuesday.\n\nThe Korea Customs Service said the holds were triggered by "
     "mislabelled cargo found at Busan port in July.\n\nTrade analysts said the Korea Customs Service was holding "
     "the drone motor shipments because Washington had pressed Seoul over re-exports to Russia."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("reason_actor_own"), ARTICLES)


@pytest.mark.parametrize("question, says", [
    ("Why did Vietnam's trade ministry say it was reviewing rare-earth export licences?",
     "prompted by a surge in rare-earth shipments"),
    ("Why did the Korea Customs Service say it was holding drone motor shipments?",
     "triggered by mislabelled cargo"),
])
def test_ask_leads_with_the_reason_the_actor_gave(engine, question, says):
    answer = answer_text(engine.write(question, template="answer"))
    first = answer.split(" [")[0]
    assert says in first, answer
