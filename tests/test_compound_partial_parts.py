"""A compound question whose first part the sources answer only in part (issue 10, s46 fresh user's finding).

"Which Japanese companies did China restrict, and when?": the sources report the restriction but name no company,
so the first part's answer is partial ("… reports: “China Imposes Export Restrictions on 20 Japanese Firms …”; none
of the sources gives the names of the companies"). Kinds:

1. **The elided part leaves the story.** Its "… and when?" was asked in full, "When did China restrict?", any
   restriction's question, and answered with a 2018 US law and a 2020 cryptography law. A partial answer tells its
   story as an answer does: the elided part is asked of it, as the follow-up "When?" is.
2. **An elided part after a part the corpus has nothing on.** "Which rare earths did South Korea ban, and when?": the
   first part abstained, and "When did South Korea ban?", asked in full, quoted a protest from another story as the
   date's answer. With no story to ask it of, the elided part abstains with the part it leans on.
3. **Every part partial, the later parts lost.** When no part was answered in full, the question was answered whole:
   the first part's partial answer alone, without the date the second part's partial answer gives ("reported
   2026-02-25: the source's date, not the event's"). Now each part's partial answer is said, in the order asked.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts
from rag.render import answer_with_sources

WRITTEN = {
    "01_firms.md": (  # the story asked of: a restriction whose companies no source names
        "# Valdoria restricts exports to 12 Norvish firms\n\nPublished: 2026-04-02\n\n"
        "Valdoria's commerce ministry on Wednesday added 12 Norvish companies to its export control list, barring "
        "them from buying dual-use items. Norvia's foreign ministry protested the move and called it coercion.\n"),
    "02_magnets.md": (  # another restriction by the same country, with a date of its own
        "# Valdoria curbs rare-earth magnet exports\n\nPublished: 2024-01-06\n\n"
        "Valdoria restricted exports of rare-earth magnets on January 5, 2024, citing national security. "
        "Magnet makers said the curbs would raise prices.\n"),
    "03_undated_firms.md": (  # an undated restriction report, its time relative to a date nothing gives
        "# Ostmark blocks sales to nine Larvish companies\n\n"
        "Ostmark's trade office recently blocked sales of marine engines to nine Larvish companies, officials said. "
        "Larvia's embassy said the ban was unjustified.\n"),
    "04_engines.md": (  # another Ostmark restriction, dated
        "# Ostmark tightens turbine export rules\n\nPublished: 2025-09-15\n\n"
        "Ostmark tightened export rules for gas turbines on September 12, 2025, officials said.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("partial-parts"), WRITTEN)


def answer_text(brief) -> str:
    shown = answer_with_sources(brief)
    return shown.split("\n\nSources:")[0].split("\n\nClosest sources found:")[0]


@pytest.mark.parametrize("question", [
    "Which Norvish companies did Valdoria restrict, and when?",
    "Which Norvish firms did Valdoria add to its export control list and when?",
])
def test_the_elided_when_after_a_partial_answer_stays_on_its_story(engine, question):
    shown = answer_text(engine.write(question, template="answer"))
    assert "12 Norvish" in shown, shown
    assert "rare-earth" not in shown and "January 5, 2024" not in shown, shown  # not another restriction's date


@pytest.mark.parametrize("question", [
    "Which Larvish companies did Ostmark block, and when?",
    "Which Larvish companies did Ostmark block sales to and when?",
])
def test_every_part_partial_says_each_part_in_order(engine, question):
    brief = engine.write(question, template="answer")
    shown = answer_text(brief)
    assert brief.abstained, shown
    gaps = [shown.find(gap) for gap in ("gives the list", "gives the names", "gives the date")]
    assert gaps[2] > max(gaps[:2]) >= 0, shown  # the first part's gap, then the second part's
    assert "turbine" not in shown and "September 12, 2025" not in shown, shown
    assert [s.title for s in brief.closest_sources][0].startswith("Ostmark blocks sales"), brief.closest_sources


@pytest.mark.parametrize("question", [
    "Which Norvish ports did Valdoria close, and when?",
    "Which Frisian dams did Valdoria open, and when?",
])
def test_an_elided_part_after_a_part_with_no_evidence_takes_no_other_story(engine, question):
    brief = engine.write(question, template="answer")
    shown = answer_text(brief)
    assert brief.abstained, shown
    for other in ("January 5, 2024", "September 12, 2025", "on Wednesday", "recently"):
        assert other not in shown, shown

