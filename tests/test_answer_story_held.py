"""An answer quotes another story when the corpus lacks the asked one: the evidence must hold the question's story.

RealTime QA's fit half (full index, h/abst-s36): 42 of the 111 questions answered wrong were answered from passages
holding no correct choice's text, most of them from another story sharing the asked sentence's word.
"Communities across Sweden celebrate the Yule season by setting a large straw animal on fire. Which type of animal is
it?" was answered "Animals on Kangaroo Island in South Australia suffered during the 2019-20 bushfires."; "President
Emmanuel Macron was defeated this week after the three main opposition parties united to reject what proposal?" with
Macron's condolences after another country's assassination. The asked view weighs the background at half, so the
asked word alone ("animal", "proposal") let such a sentence through the coverage gate. Now the best single document
of the evidence must cover enough of the whole question (``answer_story_held.story_coverage``, cut by a logistic
model fitted on the fit half, ``rag/assets/story_model.json``); when none does, the answer says what the sources
report and that none gives the asked value, or abstains.

The inputs are written here: questions whose story no document tells though one shares their asked word (a
festival's burnt animal beside an island's wildfire animals, a premier's congratulations beside his condolences, a
zoo's animals beside the island's, a teachers' strike ballot beside a rail strike's), questions whose story one does
tell (they are answered as before), and five short reports (tests/data/answer_other_story/) for the end to end checks
through the real Engine.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import engine_over

import rag.writers.answering as answering
from evals.rtqa_answers import answer_text
from rag.types import SearchFilters
from rag.writers.answer_story_held import FEATURES, StoryModelError, load_story_model, story_coverage, story_held

DATA = Path(__file__).resolve().parent / "data" / "answer_other_story"

ISLAND = ("d-island", "Wildlife on Kestrel Island still recovering a year after the bushfires",
          "Animals on Kestrel Island suffered badly during last summer's bushfires. Rangers said koalas and wallabies "
          "lost most of their habitat.")
CONDOLENCES = ("d-condolences", "Premier Aldo Venn sends condolences after ferry disaster abroad",
               "Premier Aldo Venn tweeted his condolences to the people of Ostmark after a ferry capsized off their "
               "coast on Tuesday.")
RAIL = ("d-rail", "Norland rail workers vote to strike over pay",
        "Members of the Norland rail union voted on Thursday to strike for three days next month over pay. The union "
        "said 82% of its members backed the strike.")
GOAT = ("d-goat", "Vellmark lights its giant straw goat to open the midwinter season",
        "Villagers in Vellmark set their giant straw goat on fire on Saturday night, as towns across Norland celebrate "
        "the midwinter season.")
DEFEAT = ("d-defeat", "Premier Venn defeated as opposition rejects his pension plan",
          "Premier Aldo Venn was defeated in parliament on Wednesday after the three main opposition parties united "
          "to reject his proposal to raise the pension age.")
EVIDENCE = [ISLAND, CONDOLENCES, RAIL]


@pytest.mark.parametrize("question, own", [
    ("Communities across Vellmark celebrate midwinter by setting a large straw animal on fire. Which type of animal "
     "is it?", GOAT),
    ("Premier Aldo Venn was defeated this week after the three main opposition parties united to reject what "
     "proposal?", DEFEAT),
    ("Zoo keepers in Vell moved their animals indoors this week ahead of a storm. Which type of animal was moved "
     "first?", None),
    ("What percentage of Ostmark teachers backed a walkout in their union's ballot this week?", None),
])
def test_no_document_telling_the_background_holds_the_story(question, own):
    held, cov = story_held(question, EVIDENCE)
    assert not held, cov
    if own is not None:  # ... and the story's own report, beside the same evidence, holds it
        assert story_held(question, EVIDENCE + [own])[0]


@pytest.mark.parametrize("question", [
    "Norland rail workers voted to strike next month. What share of union members backed the strike?",
    "Premier Aldo Venn sent condolences after a ferry capsized. The people of which country did he send them to?",
    "Rangers on Kestrel Island counted the animals after the bushfires. Which animals lost their habitat?",
])
def test_a_document_telling_the_story_holds_it(question):
    held, cov = story_held(question, EVIDENCE)
    assert held, cov


def test_one_document_must_tell_it_not_the_evidence_pooled():
    """Vellmark in one report, straw in another, an animal in a third: no report tells the story."""
    question = "Communities across Vellmark celebrate midwinter by setting a large straw animal on fire. Which animal?"
    pieces = [("a", "", "Communities across Vellmark celebrate with markets."), ("b", "", "A large bale of straw was sold."),
              ("c", "", "Animals on the island suffered when the forest was set on fire."),
              ("d", "", "Midwinter markets opened early.")]
    pooled = [("all", "", " ".join(text for _, _, text in pieces))]
    assert story_coverage(question, pooled) > story_coverage(question, pieces)
    assert story_held(question, pooled)[0] and not story_held(question, pieces)[0]


def test_no_evidence_covers_nothing():
    assert story_coverage("Which animal is it?", []) == 0.0


def test_the_model_file_is_the_fitted_one_feature_model():
    model, cut = load_story_model()
    assert model.features == FEATURES == ("best_doc_cov",)
    assert model.weights[0] > 0  # more of the question told by one report: more likely its story
    assert model.meta["training"]["label"].startswith("1: answer right")


def test_a_model_fitted_on_other_features_is_refused(tmp_path):
    data = json.loads((Path(answering.__file__).parent.parent / "assets" / "story_model.json").read_text())
    data["features"] = ["best_doc_cov", "cos"]
    path = tmp_path / "story_model.json"
    path.write_text(json.dumps(data))
    with pytest.raises(StoryModelError, match="other features"):
        load_story_model(path)
    data["features"] = list(FEATURES)
    del data["threshold"]
    path.write_text(json.dumps(data))
    with pytest.raises(StoryModelError, match="threshold"):
        load_story_model(path)


# ------------------------------------------------------------------------------------------------------------------
# End to end through the real Engine over five short reports

@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("answer_other_story") / "data", DATA)


def ask(engine, question, until="2026-12-14"):
    return engine.write(question, template="answer", filters=SearchFilters(until=until))


OTHER_STORY = [
    # the festival report's "4,000 people watched the fire" is Vellmark's straw goat, not Ostmark's wooden horse
    ("Villagers in Ostmark set a giant wooden horse on fire at their summer festival this week. How many people "
     "watched?", "4,000"),
    # the premier's condolences to Ostmark are no trophy
    ("Premier Aldo Venn tweeted his congratulations to the Ostmark football team this week after it won what "
     "trophy?", "condolences"),
    # the island's koalas and wallabies are not the zoo's animals
    ("Zoo keepers in Vell moved their animals indoors this week ahead of a storm. Which type of animal was moved "
     "first?", "koalas"),
    # the rail union's 82% is not the teachers' ballot
    ("What percentage of Norland teachers backed a strike in their union's ballot this week?", "82%"),
]


@pytest.mark.parametrize("question, other", OTHER_STORY)
def test_another_story_is_not_given_as_the_answer(engine, question, other):
    brief = ask(engine, question)
    assert brief.abstained, answer_text(brief)
    # what the sources report may be quoted, with what none of them gives
    assert brief.message and ("none" in brief.message or "no evidence" in brief.message), brief.message


@pytest.mark.parametrize("question, other", OTHER_STORY)
def test_without_the_story_check_the_other_story_answers(engine, monkeypatch, question, other):
    monkeypatch.setattr(answering, "story_held", lambda q, e: (True, 1.0))
    brief = ask(engine, question)
    assert not brief.abstained and other in answer_text(brief), brief.message


def test_the_teachers_ballot_says_what_the_sources_report_and_what_none_gives(engine):
    brief = ask(engine, "What percentage of Norland teachers backed a strike in their union's ballot this week?")
    assert brief.message.startswith("The sources report: “The union said 82% of its members backed the strike")
    assert brief.message.endswith("none gives the percentage the question asks for.")


@pytest.mark.parametrize("question, value", [
    ("Villagers in Vellmark set a giant straw animal on fire on Saturday. Which type of animal is it?", "goat"),
    ("Norland rail workers voted to strike next month. What share of union members backed the strike?", "82%"),
    ("Premier Aldo Venn sent condolences after a ferry capsized. The people of which country did he send them to?",
     "Ostmark"),
    ("Rangers on Kestrel Island counted the animals this spring. How did the count compare with earlier surveys?",
     "fewer animals"),
])
def test_the_story_told_is_answered(engine, question, value):
    brief = ask(engine, question)
    assert not brief.abstained, brief.message
    assert value in answer_text(brief)
