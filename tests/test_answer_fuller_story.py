"""An answer to "what did X <act> for <noun>?" is built on the story that holds the question's distinctive noun, not
on the asked actor's bigger story (s65 fresh user's F2: "What did Japan restrict for servicing?" was answered from
Japan's photoresist licence dispute, whose sentences say "Japan" and "tightened" again and again, while the report
headlined "Netherlands and Japan restrict servicing of DUV lithography tools" says "Japan's METI announced a
parallel measure on the same day covering Nikon and Canon immersion scanners").

- a retrieved document that holds every key term of the question another holds and more (title and passages read
  together: the distinctive noun may stand only in the headline) tells the story more fully
  (``answer_story_held.fuller_story``); the asked actor's other stories compete with it though the answer's pool
  quotes none of them;
- the answer's first sentence then comes from that document, the sentence of it naming the asked actor where one
  does (not another country's act told beside it);
- without the distinctive noun the actor's bigger story keeps answering, and a document holding other terms but not
  all of the current one's is no fuller.

End to end over three corpora written for this test, each one actor with two stories: a big one (two or three reports
whose sentences repeat the actor and a generic act word) and a small one whose headline alone, or one sentence, holds
the question's distinctive noun.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from rag.types import SearchFilters
from rag.writers.answer_story_held import doc_terms, fuller_story

# -- which document tells the story more fully --------------------------------------------------------------------

EVIDENCE = [
    ("big", "Seoul curbs exports of battery cathode precursors", "South Korea restricted exports of nickel precursors. "
     "Korea tightened licences again in May."),
    ("big", "Seoul curbs exports of battery cathode precursors", "Korea restricted shipments to three buyers."),
    ("small", "Korea and Canada restrict dredging in the Yellow Sea", "Ottawa set its own rules. Korea followed."),
    ("other", "Canada restricts dredging near Halifax", "Canada restricted dredging in May."),
]


def test_the_document_holding_every_term_the_other_holds_and_the_distinctive_noun_is_fuller():
    q = "What did Korea restrict for dredging?"
    assert doc_terms(q, EVIDENCE)["small"] == {"korea", "restrict", "dredg"}
    assert fuller_story(q, EVIDENCE, ["big"]) == "small"


def test_a_document_lacking_one_of_the_current_document_s_terms_is_not_fuller():
    q = "What did Korea restrict for dredging?"
    # "other" holds dredging but not Korea: it does not hold the asked actor's story, and "big" alone competes
    assert fuller_story(q, [e for e in EVIDENCE if e[0] != "small"], ["big"]) is None


def test_without_the_distinctive_noun_no_document_is_fuller():
    assert fuller_story("What did Korea restrict?", EVIDENCE, ["big"]) is None


def test_one_document_alone_has_no_rival():
    assert fuller_story("What did Korea restrict for dredging?", EVIDENCE[2:3], ["small"]) is None


# -- end to end: one actor, two stories -----------------------------------------------------------------------------

CORPORA = {
    "taiwan": [
        ("t1.md", "2026-03-02", "Taipei tightens rules on chip engineers travelling to China",
         "Taiwan on Monday restricted travel to mainland China by engineers of its leading chipmakers, requiring them "
         "to report each trip to the National Security Bureau.\n\n"
         "Taiwan's Ministry of Economic Affairs said the restriction applies to some 4,000 engineers.\n\n"
         "Taiwan restricted such travel once before, in 2019, after prosecutors charged two engineers with leaking "
         "process recipes."),
        ("t2.md", "2026-03-20", "Taiwan expands engineer travel curbs to equipment makers",
         "Taiwan further restricted travel by engineers on Friday, adding 12 equipment makers to the reporting rule.\n\n"
         "Taiwan's cabinet said violations could bring fines of up to NT$5 million."),
        ("t3.md", "2026-03-25", "Philippines and Taiwan limit drone component exports after seizures",
         "The Philippines on Tuesday required licences for exports of drone flight controllers to 14 countries.\n\n"
         "Taiwan announced a matching rule the same day covering motors and thermal cameras made by 30 local "
         "suppliers, effective May 1.\n\nCustoms officers in Manila seized 900 controllers in February."),
    ],
    "vietnam": [
        ("v1.md", "2025-08-04", "Hanoi restricts rare earth ore exports to protect refiners",
         "Vietnam restricted exports of unprocessed rare earth ore on Monday, citing the needs of its refiners.\n\n"
         "Vietnam's trade ministry said the restriction covers ore with more than 20% oxide content.\n\n"
         "Vietnam restricted bauxite exports in 2022 for the same reason."),
        ("v2.md", "2025-08-19", "Vietnam widens rare earth export curbs to concentrates",
         "Vietnam restricted exports of rare earth concentrates too on Tuesday, two weeks after its ore ban.\n\n"
         "Vietnamese officials said 11 mines were affected."),
        ("v4.md", "2025-08-21", "Vietnam's rare earth curbs hit Japanese magnet makers",
         "Vietnam restricted the ore that two Japanese magnet makers had bought since 2023, the companies said on "
         "Thursday.\n\nVietnam restricted exports without notice, one of them said."),
        ("v3.md", "2025-08-22", "Indonesia and Vietnam restrict dredging of sea sand for export",
         "Indonesia's maritime ministry on Thursday suspended permits for sea sand shipments bound for Singapore.\n\n"
         "Vietnam adopted a parallel measure covering 6 coastal provinces and barges of over 500 tonnes.\n\n"
         "Environmental groups welcomed the rules."),
    ],
    "chile": [
        ("c1.md", "2024-05-06", "Chile tightens lithium export licensing for state partners",
         "Chile restricted lithium carbonate exports by new private producers on Monday, requiring a state partner.\n\n"
         "Chile's economy ministry said the restriction follows the national lithium strategy.\n\n"
         "Chile restricted copper concentrate sales once, in 1971."),
        ("c2.md", "2024-05-28", "Chile's lithium rules face challenge from miners",
         "Two miners challenged Chile's lithium restrictions in court on Tuesday, saying Chile restricted them "
         "without consultation."),
        ("c3.md", "2024-06-03", "Peru and Chile restrict salmon farming permits in southern fjords",
         "Peru's fisheries agency on Monday froze new permits for trout cages in Lake Titicaca.\n\n"
         "Chile announced a moratorium the same day on 40 concessions in the Aysen region, valid for five years.\n\n"
         "Farm operators said they would appeal."),
    ],
}

CASES = [
    ("taiwan", "What did Taiwan restrict for drones?", "2026-03-31", "motors and thermal cameras"),
    ("vietnam", "What did Vietnam restrict for dredging?", "2025-08-31", "6 coastal provinces"),
    ("chile", "What did Chile restrict for salmon farming?", "2024-06-10", "40 concessions"),
]


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    return {name: engine_over_articles(tmp_path_factory.mktemp(f"fuller_story_{name}"), arts)
            for name, arts in CORPORA.items()}


def _first_claim(engine, question: str, **filters):
    brief = engine.write(question, template="answer", filters=SearchFilters(**filters))
    assert not brief.abstained, brief.message
    return brief.sections[0].claims[0] if brief.sections else None


@pytest.mark.parametrize("name, question, until, told", CASES)
def test_the_story_holding_the_distinctive_noun_answers_not_the_actor_s_bigger_story(engines, name, question, until, told):
    from conftest import answer_lead

    lead = answer_lead(engines[name], question, until)
    assert told in lead, lead


@pytest.mark.parametrize("name, question, until, told", CASES)
def test_asked_without_a_date_the_same_story_answers(engines, name, question, until, told):
    from conftest import answer_of

    from evals.rtqa_answers import first_sentence

    brief = engines[name].write(question, template="answer")
    assert not brief.abstained, brief.message
    from evals.rtqa_answers import answer_text

    assert told in first_sentence(answer_text(brief))


@pytest.mark.parametrize("name, question, until, told", [
    ("taiwan", "What did Taiwan restrict for engineers?", "2026-03-31", "engineers"),
    ("vietnam", "What did Vietnam restrict for rare earths?", "2025-08-31", "rare earth"),
])
def test_the_actor_s_bigger_story_still_answers_when_the_noun_is_its_own(engines, name, question, until, told):
    from conftest import answer_lead

    assert told in answer_lead(engines[name], question, until)
