"""What an answer said, read back for its follow-up: only the passages it quoted from evidence (a citation mark
follows them), and for "When?" the first of them that tells something, not a list of names the answer led with.

The kind (s34 integrator, after h/entities-s34's list answers): "Which Japanese companies did China restrict?" is
answered by the source's captioned list ("WorldWideWatchers … lists under “Key Individuals and Entities”: “Sato Kei •
Mitsubishi Heavy Industries • …” [1]") and then the headline; "When?" then read the frame's quoted caption as the
answer's first passage, kept no story and was answered with a 2020 essay's "On January 1, 2020, China enacted …".
"""
from __future__ import annotations

import pytest

from rag.followup import answered_passages, resolve_follow_up
from rag.types import Turn

LIST_LED = ("WorldWideWatchers (AI-generated brief, 2026) lists under “Key Individuals and Entities”: “Sato Kei • "
            "Mitsubishi Heavy Industries • Kawasaki Heavy Industries • Subaru” [1] WorldWideWatchers (AI-generated "
            "brief, 2026) reports: “China Imposes Export Restrictions on 20 Japanese Firms” [1]")


@pytest.mark.parametrize("reply, said", [
    (LIST_LED, ("Sato Kei • Mitsubishi Heavy Industries • Kawasaki Heavy Industries • Subaru",
                "China Imposes Export Restrictions on 20 Japanese Firms")),
    # a caption of another list frame, another outlet
    ("Daily Ledger lists under “Sanctioned shipping companies”: “Kestrel Lines • Harbor Star • Bluewater Co” [2]",
     ("Kestrel Lines • Harbor Star • Bluewater Co",)),
    # a citation after closing punctuation still marks the quote as evidence
    ("Reuters reports: “Seoul summoned the Japanese ambassador on Monday.”, [2]",
     ("Seoul summoned the Japanese ambassador on Monday.",)),
    ("According to Nikkei Asia: “Tokyo tightened checks on three chemicals.” [1]; “The rule takes effect July 4.” [3]",
     ("Tokyo tightened checks on three chemicals.", "The rule takes effect July 4.")),
])
def test_an_answer_said_the_quotes_it_cited(reply, said):
    assert answered_passages(reply) == said


def test_a_quoted_question_is_no_passage_of_evidence():
    said = answered_passages("The corpus has no evidence on the question “On what date did the port ban begin?”")
    assert "On what date did the port ban begin?" not in said


def _history(question: str, reply: str) -> list[Turn]:
    return [Turn(role="user", content=question), Turn(role="assistant", content=reply)]


@pytest.mark.parametrize("follow_up", ["When?", "On what date?", "What year?"])
def test_a_dated_follow_up_after_a_list_asks_of_the_first_passage_telling_an_event(follow_up):
    resolved = resolve_follow_up(follow_up, _history("Which Japanese companies did China restrict?", LIST_LED))
    assert resolved.said == ("China Imposes Export Restrictions on 20 Japanese Firms",)


def test_a_dated_follow_up_after_a_plain_answer_keeps_its_lead():
    reply = ("Reuters reports: “Japan tightened exports of three chemicals to South Korea.” [1] Nikkei Asia reports: "
             "“A 2020 essay said controls should widen today.” [2]")
    resolved = resolve_follow_up("When?", _history("What did Japan restrict?", reply))
    assert resolved.said == ("Japan tightened exports of three chemicals to South Korea.",)


def test_a_list_alone_is_still_what_a_dated_follow_up_asks_of():
    reply = "Daily Ledger lists under “Sanctioned shipping companies”: “Kestrel Lines • Harbor Star • Bluewater Co” [2]"
    resolved = resolve_follow_up("When?", _history("Which shipping companies were sanctioned?", reply))
    assert resolved.said == ("Kestrel Lines • Harbor Star • Bluewater Co",)


@pytest.mark.parametrize("follow_up", ["Who else?", "Who said that?", "Why did they do it?"])
def test_a_pronoun_follow_up_after_a_list_carries_the_names_of_the_event_told_after_it(follow_up):
    resolved = resolve_follow_up(follow_up, _history("Which Japanese companies did China restrict?", LIST_LED))
    assert "Subaru" not in resolved.context and "Kawasaki" not in resolved.context, resolved.context
    assert "China" in resolved.context


@pytest.mark.parametrize("reply, quote", [
    ("Intelrift Intelligence Desk (AI-generated brief, 2026), citing Nikkei Asia, reports: “Japan has reportedly "
     "denied cybersecurity approval.” [1]", "Japan has reportedly denied cybersecurity approval."),
    ("Harbor Desk (news report, 2022), citing Kyodo News, states: “The port closed.” [2]", "The port closed."),
    (LIST_LED, "Sato Kei • Mitsubishi Heavy Industries • Kawasaki Heavy Industries • Subaru"),
    ("WorldWideWatchers (AI-generated brief, 2026) judges better supported: “Hypothesis A: leverage.” [1]",
     "Hypothesis A: leverage."),
])
def test_every_attribution_frame_the_renderer_writes_is_read_off_the_quote(reply, quote):
    from rag.followup import unframed
    assert unframed(reply) == quote


def test_a_speaker_inside_a_sentence_is_part_of_what_was_said():
    from rag.followup import unframed
    assert unframed("Suga said: “We will not retract.” [1]").startswith("Suga said")
