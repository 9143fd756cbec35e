"""A situation brief's "as of" is the newest cited source of the story, a live blog's entries included: the entries
("09:10 KST — Talks have begun …", "[14:20 GMT] The court adjourned …") are the blog's own day's news of the story,
though few of them state a day the timeline gives (``timeline.story_sources``, ``doc_kind.is_live_blog``).
A later article recalling the actors, even one quoting a single stamped line, still does not move "as of".

From s65's new user (F16: "as of 2026-10-22" under a cited live blog of 2026-11-05); the texts are written here.
"""

from __future__ import annotations

import pytest

from rag.doc_kind import is_live_blog
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.timeline import as_of_date, story_sources


def _passage(doc: str, text: str, published: str) -> EvidencePassage:
    chunk = Chunk(f"{doc}-0001", doc, text, 0, len(text), 1, {"title": "", "published": published})
    return EvidencePassage(f"S-{doc}", chunk, 1.0)


CASES = [
    # (the story's report, a live blog of it days later, the timeline's day, the blog's day)
    (_passage("r1", "Taiwan on Monday suspended gallium imports from two Chinese suppliers, the ministry said.",
              "2026-03-10"),
     _passage("b1", "09:05 CST — Talks between Taipei and the suppliers opened at the ministry.\n\n"
                    "12:40 CST — A supplier's lawyer said the firm would appeal.\n\n"
                    "16:15 CST — The talks ended without agreement.", "2026-03-24"),
     "2026-03-09", "2026-03-24"),
    (_passage("r2", "The Dutch court on Thursday froze the chipmaker's shares held by its Chinese parent.",
              "2026-05-08"),
     _passage("b2", "[10:00 GMT] The hearing on the share freeze began in Amsterdam.\n"
                    "[13:30 GMT] The parent's counsel asked the court to lift the freeze.\n"
                    "[15:45 GMT] The court adjourned until Friday.", "2026-05-19"),
     "2026-05-07", "2026-05-19"),
    (_passage("r3", "Seoul filed a complaint at the WTO on Wednesday over Tokyo's licence delays.", "2026-10-22"),
     _passage("b3", "Updated 9:10 a.m. - Director-level talks began in Tokyo.\n"
                    "Updated 5:05 p.m. - Both sides agreed to meet again in December.", "2026-11-05"),
     "2026-10-21", "2026-11-05"),
]


@pytest.mark.parametrize("report, blog, day, blog_day", CASES)
def test_a_cited_live_blog_of_the_story_sets_as_of(report, blog, day, blog_day):
    story = story_sources([report, blog], [day])
    assert story == {report.chunk.doc_id, blog.chunk.doc_id}
    published = {p.chunk.doc_id: p.chunk.published for p in (report, blog)}
    assert as_of_date([published[d] for d in sorted(story)], [day], None) == blog_day


def test_a_later_article_with_one_stamped_line_does_not():
    report = _passage("r", "Rescuers reached the collapsed mine on Saturday.", "2026-04-05")
    later = _passage("l", "14:20 - Officials said rebuilding the region would take two years.\n"
                          "The governor's office has not commented.", "2026-04-30")
    assert story_sources([report, later], ["2026-04-04"]) == {"r"}


@pytest.mark.parametrize("text, blog", [
    ("09:10 KST — Talks began.\n17:05 KST — The talks ended.", True),
    ("[10:00 GMT] The hearing began.\n[15:45 GMT] The court adjourned.", True),
    ("14:20 - Officials said the plan would take two years.", False),
    ("The meeting began at 09:10 and ended at 17:05.", False),
])
def test_a_live_blog_is_two_or_more_stamped_entries(text, blog):
    assert is_live_blog(text=text) is blog
