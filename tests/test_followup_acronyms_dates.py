"""Follow-ups that name an actor in capitals, ask a bare yes/no of it, or ask only for a date (issue 10, s34).

Kinds (s33 "Seen and left alone", h/polar-s33 and h/chat-s33):
* A name written in capitals that spells a function word ("US", "IT") was read as that word: "And the US?" lost its
  actor (a question with no content word, kept on the previous story: the previous answer again), and "Did the US
  agree?" was not read as a yes/no follow-up ("us" is a pronoun). A word in capitals in a question not written all in
  capitals is a name.
* "What year?", "On what date?", "Which day?" name nothing but the kind of answer they ask for: "year" and "date" were
  read as the question's topic, so the follow-up neither counted as one nor stayed on the story. The words with which
  a question asks for a date or a number are no content of its own; "What happened?" still asks anew.
"""

from __future__ import annotations

import pytest

from rag.followup import elliptical_polar, is_follow_up, resolve_follow_up
from rag.types import Turn

CHINA = ("Which country restricted dual-use exports to 20 Japanese companies?",
         "WorldWideWatchers (AI-generated brief, 2026) reports: “China Imposes Export Restrictions on 20 Japanese Firms, "
         "Sparking Diplomatic Tensions with Tokyo” [1]")
REQUEST = ("Who received the US request in Japan?",
           "The request was reportedly conveyed through channels involving Gene Raymond, the US Secretary of Commerce, "
           "to Yasutoshi Nishimura, Japan’s Minister of Economy, Trade and Industry. [1]")
SHRIMP = ("What did India restrict?",
          "India restricted exports of frozen shrimp to Thailand on Monday, citing doubts about Thailand's re-export "
          "controls. [1]")


def _history(pair):
    return [Turn("user", pair[0]), Turn("assistant", pair[1])]


@pytest.mark.parametrize("question, name", [
    ("And the US?", "US"),
    ("What about the UK?", "UK"),
    ("And the EU?", "EU"),
    ("And in the US?", "US"),
])
def test_a_name_in_capitals_is_the_follow_ups_new_actor(question, name):
    resolved = resolve_follow_up(question, _history(SHRIMP))
    assert resolved.is_follow_up
    # the question names something new: not kept to the previous answer's story, India's name not carried for it
    assert not resolved.said, resolved
    assert "India" not in resolved.context or resolved.context[0].startswith("What"), resolved


@pytest.mark.parametrize("asked", ["Did the US agree?", "Has the US responded?", "Will the EU retaliate?",
                                   "Did the UK object?"])
def test_a_bare_yes_no_of_a_name_in_capitals_is_a_polar_follow_up(asked):
    assert elliptical_polar(asked)


@pytest.mark.parametrize("asked", ["Did us agree?", "Did they agree?", "Was it approved?"])
def test_a_pronoun_subject_is_still_no_claim_of_its_own(asked):
    assert not elliptical_polar(asked)


def test_a_question_written_all_in_capitals_reads_its_words_as_words():
    assert is_follow_up("WHY?")  # no content word: a bare follow-up, not a name "WHY"


@pytest.mark.parametrize("question", ["What year?", "On what date?", "Which day?", "In what year?", "What month?",
                                      "What percentage?"])
@pytest.mark.parametrize("before", [CHINA, REQUEST, SHRIMP])
def test_a_question_asking_only_for_a_date_or_number_stays_on_the_story(before, question):
    resolved = resolve_follow_up(question, _history(before))
    assert resolved.is_follow_up, resolved
    assert resolved.said, "the evidence stays on the story the previous answer said"


@pytest.mark.parametrize("question", ["What year did Japan restrict exports?", "On what date did Seoul file its "
                                      "complaint?", "What happened?"])
def test_a_question_with_a_topic_of_its_own_is_not_kept_on_the_story(question):
    assert not resolve_follow_up(question, _history(CHINA)).said
