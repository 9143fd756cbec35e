"""A question whose subject joins two or more actors ("Japan and the Netherlands", "Japanese and Dutch officials",
"the US, Japan and South Korea") presupposes an event of all of them, told in the answer as written.

The kind (s54's fresh user, own articles): "Why did Japan and the Netherlands restrict servicing of chip tools?" was
read as the actor "Japan" doing the act "and", so the answer opened "No source reports Japan anding the Netherlands
restrict servicing of chip tools; the sources report: “The Dutch and Japanese governments agreed on Tuesday to
restrict servicing …”" — a garbled sentence denying the very event its own quote reports. Any "Why/When/What did X
and Y <verb> …?" did the same. The subject is now read up to its verb across "and", "&" and commas, every place it
names is an actor, and no conjunction is ever taken for the act.

Unit specs of ``answer_premise`` over questions and sentences written for this test, then end to end through the
real Engine over three short articles written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.writers.answer_premise import premise, unreported


@pytest.mark.parametrize("question, event", [
    ("Why did Japan and the Netherlands restrict servicing of chip tools?",
     "Japan and the Netherlands restricting servicing of chip tools"),
    ("When did Japanese and Dutch officials agree on servicing curbs?",
     "Japanese and Dutch officials agreeing on servicing curbs"),
    ("Why did the US, Japan and South Korea tighten chip export rules?",
     "the US, Japan and South Korea tightening chip export rules"),
    ("Why did Samsung and SK Hynix halt shipments to Huawei?", "Samsung and SK Hynix halting shipments to Huawei"),
    ("Which firms have Japan & Taiwan sanctioned over the smuggling?",
     "that Japan & Taiwan have sanctioned firms over the smuggling"),
])
def test_a_coordinated_subject_is_read_whole_up_to_its_verb(question, event):
    assert premise(question).event() == event


@pytest.mark.parametrize("question", [
    "What did Japanese and Dutch officials agree?",
    "Why did Japan and the Netherlands restrict servicing of chip tools?",
    "When did Vietnam and Laos sign the smuggling pact?",
    "What did Seoul, Tokyo and Taipei announce about helium stockpiles?",
])
def test_no_conjunction_is_ever_taken_for_the_act(question):
    found = premise(question)
    assert found is None or found.verb.lower() not in {"and", "or", "nor", "&"}, found


def test_every_place_of_a_coordinated_subject_is_an_actor():
    found = premise("Why did Japan and the Netherlands restrict servicing of chip tools?")
    assert found.is_place
    assert {"japan", "netherlands"} <= set(found.actor_keys)


@pytest.mark.parametrize("question, sentence", [
    # the actors by their demonyms, in the other order
    ("Why did Japan and the Netherlands restrict servicing of chip tools?",
     "The Dutch and Japanese governments agreed on Tuesday to restrict servicing and spare parts for chip tools "
     "already installed in China, officials said."),
    ("When did Japanese and Dutch officials agree on servicing curbs?",
     "Japan and the Netherlands agreed on servicing curbs for lithography tools on Tuesday."),
    # one actor leads, the others follow in the same subject
    ("Why did the US, Japan and South Korea tighten chip export rules?",
     "The United States, Japan and South Korea tightened chip export rules after a smuggling ring was uncovered."),
])
def test_a_sentence_of_the_actors_doing_the_act_leaves_the_premise_standing(question, sentence):
    assert unreported(premise(question), [sentence], sentence) is None


def test_the_act_reported_the_other_way_round_is_still_said():
    # China acting on Japan and the Netherlands is not Japan and the Netherlands acting on China
    p = premise("Why did Japan and the Netherlands ban gallium exports to China?")
    sentence = "China banned gallium exports to Japan and the Netherlands last month."
    found = unreported(p, [sentence], sentence)
    assert found is not None and found.kind == "swapped"
    assert "anding" not in found.missing()


ARTICLES = {
    "01_servicing.md": (
        "# Netherlands, Japan curb servicing of chip tools in China\n\n"
        "Published: 2026-03-12 · Publisher: Harbour Wire\n\n"
        "The Dutch and Japanese governments agreed on Tuesday to restrict servicing and spare parts for advanced "
        "chipmaking tools already installed in China, officials said. The two governments said the curbs were "
        "needed to prevent the tools from being used to make chips for military end users. ASML said the impact "
        "on its revenue would be limited.\n"),
    "02_helium.md": (
        "# Seoul, Tokyo and Taipei plan joint helium stockpile\n\n"
        "Published: 2026-05-04 · Publisher: Harbour Wire\n\n"
        "South Korea, Japan and Taiwan announced on Monday that they would build a joint stockpile of helium for "
        "chip plants, because a single supplier holds most of the region's imports. The stockpile is to hold "
        "three months of demand.\n"),
    "03_memory.md": (
        "# Samsung and SK Hynix halt HBM shipments to Chinese distributor\n\n"
        "Published: 2026-07-21 · Publisher: Harbour Wire\n\n"
        "Samsung Electronics and SK Hynix halted shipments of high-bandwidth memory to a Shenzhen distributor "
        "after customs found that earlier cargoes had been re-exported to a sanctioned firm. Both companies said "
        "they were reviewing their distributor contracts.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("coordinated"), ARTICLES)


def _answer(brief) -> str:
    return " ".join(c.text for s in brief.sections for c in s.claims) + " " + (brief.message or "")


@pytest.mark.parametrize("question, says", [
    ("Why did Japan and the Netherlands restrict servicing of chip tools in China?", "military end users"),
    ("When did Japanese and Dutch officials agree to restrict servicing of chip tools?", "agreed on Tuesday"),
    ("Why did South Korea, Japan and Taiwan build a helium stockpile?", "single supplier"),
    ("Why did Samsung and SK Hynix halt HBM shipments to the Shenzhen distributor?", "re-exported"),
])
def test_a_question_of_several_actors_is_answered_not_denied(engine, question, says):
    brief = engine.write(question, template="answer", history=[])
    text = _answer(brief)
    assert "No source reports" not in text, text
    assert "anding" not in text and " and ing" not in text, text
    assert says in text, text
