"""An actor's stated reason given as a noun phrase inside any sentence answers a question asking for it (issue 10; s34
fresh user, finding 3).

``brief ask "What is China's stated rationale for its export restrictions on Japanese firms?"`` gave the headline, the
BLUF and two 2020-essay sentences, while seed 003 says "This is supported by China’s stated rationale of safeguarding
national security" (the evidence it lists for its Hypothesis B, which an answer does not quote). The kinds:

- a question asking for a stated reason is a "why" question, whatever its wording ("What is China's stated
  rationale for …?", "What reason did Japan give for …?": ``answer_kinds.toml`` ``[kinds.reason]``), and names the
  actor whose reason it asks (``stated_reason.asks_stated_reason``);
- a source gives that reason as a noun phrase ("China’s stated rationale of X", "Ostrava's official reason for the
  ban, X": ``stated_reason.reason_phrases``) inside any sentence, and the answer quotes that phrase alone, as the
  source's report of what the actor gave, wherever the sentence stands;
- "citing X", "in the name of X", "on grounds of X" state a reason (``answer_kind.states_reason``); "citing sources",
  "citing a report" or "citing Nikkei Asia" say where a report comes from.

End to end over three documents written for this test (tests/data/stated_phrase/: an assessment holding the phrase
in a hypothesis' evidence, a news report holding it in a sentence about traders' doubts, a report whose act comes
"citing" its reason), and over the sample corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import first_sentence
from rag.writers.answer_kind import answer_type, states_reason
from rag.writers.stated_reason import asks_stated_reason, reason_phrases

DATA = Path(__file__).resolve().parent / "data" / "stated_phrase"


@pytest.mark.parametrize("question, actor", [
    ("What is China's stated rationale for its export restrictions on Japanese firms?", {"china"}),
    ("What was Seoul's official reason for the ban?", {"south_korea"}),
    ("What reason did Japan give for the curbs?", None),  # a reason asked, not a stated one by its words
    ("Why did Tokyo say it tightened the controls?", {"japan"}),
    ("Why did Japan deny cybersecurity approval?", None),
    ("What is Japan's GDP?", None),
])
def test_a_question_asking_for_a_stated_reason_and_its_actor(question, actor):
    assert answer_type(question) in (("reason",) if actor else ("reason", None))
    found = asks_stated_reason(question)
    assert (set(found) if found else None) == actor


@pytest.mark.parametrize("question", ["What reason did Japan give for the curbs?",
                                      "What is China's stated rationale for the restrictions?",
                                      "What was Beijing's justification?"])
def test_a_reason_asked_by_its_noun_is_a_why_question(question):
    assert answer_type(question) == "reason"


@pytest.mark.parametrize("text, actor, phrase", [
    ("This is supported by China’s stated rationale of safeguarding national security.", {"china"},
     "China’s stated rationale of safeguarding national security"),
    ("Critics dismissed Beijing’s official reason for the ban, citing trade data.", {"china"},
     "Beijing’s official reason for the ban"),
    ("Seoul's stated aim was to protect its farmers, officials said.", {"south_korea"},
     "Seoul's stated aim was to protect its farmers"),
    ("This is supported by China’s stated rationale of safeguarding national security.", {"japan"}, None),  # another actor
    ("China has stated its rationale in a white paper.", {"china"}, None),  # no phrase giving it
])
def test_the_phrase_that_gives_an_actors_stated_reason(text, actor, phrase):
    spans = reason_phrases(text, frozenset(actor))
    assert ([text[a:b] for a, b in spans][:1] or [None])[0] == phrase


@pytest.mark.parametrize("text, states", [
    ("Calder suspended salmon imports, citing an outbreak of fish lice.", True),
    ("The firm cut jobs, citing weak demand.", True),
    ("Beijing restricted the exports in the name of non-proliferation.", True),
    ("The ban was imposed on grounds of food safety.", True),
    ("Intelrift, citing Nikkei Asia, reports the denial.", False),
    ("The plant closed, Reuters said, citing sources familiar with the matter.", False),
    ("Citing a report by Kyodo, the paper said the plant closed.", False),
    ("Citing unnamed officials, the agency said so.", False),
    ("Officials hinted at security risks without citing specific cases.", False),
])
def test_citing_a_reason_is_not_citing_a_source(text, states):
    assert states_reason(text) is states


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("stated_phrase") / "data", DATA)


def _text(brief) -> str:
    return " ".join(c.text for s in brief.sections for c in s.claims)


@pytest.mark.parametrize("question, reason", [
    ("What is Norvia's stated rationale for halting cobalt exports to Kestria?", "protecting domestic smelters"),
    ("What was Ostrava's official reason for the wheat ban?", "mould found in two cargoes"),
    ("Why did Calder suspend salmon imports from Brenmark?", "fish lice"),
])
def test_the_stated_reason_leads_the_answer(engine, question, reason):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert reason in first_sentence(_text(brief))


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


def test_chinas_stated_rationale_on_the_sample_corpus(sample_engine):
    brief = sample_engine.write("What is China's stated rationale for its export restrictions on Japanese firms?",
                                template="answer")
    claims = [c for s in brief.sections for c in s.claims]
    assert claims[0].text == "China’s stated rationale of safeguarding national security"
