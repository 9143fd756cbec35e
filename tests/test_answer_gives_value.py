"""An answer's first sentence gives what the question lacks: a sentence restating the question's premise does not
answer it, though it shares every word, unless it also holds a value of the asked kind.

Three kinds of a sentence that seemed to hold the asked value and did not, each specified by inputs written for this
test (none from RealTime QA), with the sentence that does answer beside it:

1. **A number that counts nothing.** "How many ...?" is not answered by the day of a date ("on March 5"), a clock
   time ("at 6:30 p.m.") or the number of a name ("outside Number 10", "the Title 42 policy").
2. **"What is it called?" answered by the name.** A term question is answered by a name the question does not
   hold ("The Chip Security Act ..."), not by the report's first line that restates what the question says; a
   country or capital is no term's name.
3. **"Which <class>" answered by a member of that class.** A name the sentence gives as something else ("the
   Sakurajima volcano" for "which island", "a Razorbacks football game" for "which company") does not name the
   member asked for; a name said to be of the class, or about which the sentence says nothing, still does.
"""

from __future__ import annotations

import pytest
from answer_kind_doubles import gives

from rag.writers.answer_class import CLASS_KINDS, named_as_other
from rag.writers.answer_kind import answer_type
from rag.writers.answer_value import quantity_text


# --- 1. a number that counts nothing -------------------------------------------------------------------------------


@pytest.mark.parametrize("question, restates, answers", [
    ("How many reservists could soon be called up?",
     "The minister said on March 5 that there were no plans to call up reservists.",
     "The ministry said it will call up 300,000 reservists."),
    ("After how many days in office did the prime minister resign?",
     "The prime minister announced her resignation outside Number 10 Downing Street on October 20.",
     "She lasted 45 days in office."),
    ("How many export licences did Tokyo approve for the photoresist shipments?",
     "Tokyo approved the photoresist shipments on Aug. 4, the trade ministry said.",
     "Tokyo approved three export licences for the photoresist shipments."),
    ("How many fishing boats entered the disputed waters near the Senkaku Islands?",
     "The coast guard said the fishing boats entered the disputed waters at 6:30 p.m. near the Senkaku Islands.",
     "About 40 fishing boats entered the disputed waters near the Senkaku Islands."),
    ("How many chipmakers were added to the export blacklist?",
     "The Commerce Department added the chipmakers to the export blacklist on 2026-06-30.",
     "The Commerce Department added 28 chipmakers to the export blacklist."),
    ("How many migrants were expelled under the health rule?",
     "Migrants were expelled under the Title 42 health rule, officials said.",
     "Some 2.5 million migrants were expelled under the health rule, officials said."),
    ("How many missiles did North Korea fire into the sea?",
     "North Korea fired missiles into the sea at 7:45 on Sunday morning, Seoul's military said.",
     "North Korea fired eight missiles into the sea, Seoul's military said."),
    ("How many engineers did the Taiwanese foundry send to Arizona?",
     "The Taiwanese foundry sent engineers to Arizona on March 14, according to the company.",
     "The Taiwanese foundry sent 500 engineers to Arizona, according to the company."),
    ("How many Boeing jets did the airline order?",
     "The airline ordered Boeing 737 jets for its regional routes.",
     "The airline ordered 50 Boeing jets for its regional routes."),
])
def test_a_number_that_counts_nothing_does_not_answer_how_many(question, restates, answers):
    assert answer_type(question) == "number"
    assert not gives(question, restates)
    assert gives(question, answers)


def test_quantity_text_blanks_dates_times_and_names_numbers_in_place():
    text = "On March 5 at 6:30 p.m., outside Number 10, he said 300,000 troops and 12% of reservists would go."
    masked = quantity_text(text)
    assert len(masked) == len(text)
    assert "5" not in masked[:12] and "6:30" not in masked and "Number 10" not in masked
    assert "300,000" in masked and "12%" in masked
    # a sentence's first word is no name's word: "Some 27 years ..." and "About 40 boats" keep their numbers
    assert quantity_text("Some 27 years after the browser debuted") == "Some 27 years after the browser debuted"
    assert quantity_text("About 40 boats entered") == "About 40 boats entered"
    # ... nor is the first word of a line after a heading: "Nearly 200 suppliers" is a count
    heading = "Spies everywhere\nNearly 200 Chinese suppliers have been added to the Entity List."
    assert quantity_text(heading) == heading


# --- 2. "what is it called?" is answered by the name ----------------------------------------------------------------


@pytest.mark.parametrize("question, restates, answers", [
    ("The House passed legislation this week that would protect same-sex marriage rights. What is it called?",
     "WASHINGTON – The House passed historic legislation Thursday that would protect same-sex marriage rights.",
     "The Respect for Marriage Act, passed by the Senate last week, guarantees federal recognition."),
    ("Congress passed a bill to track where advanced AI chips end up. What is the bill called?",
     "Congress passed a bill on Tuesday to track where advanced AI chips end up after export.",
     "The Chip Security Act requires exporters to verify where their processors end up."),
    ("Japan adopted a law this year to protect its economic security. What is the law known as?",
     "Japan adopted a law this year to protect its economic security, the cabinet said.",
     "The Economic Security Promotion Act covers supply chains, infrastructure and patents."),
    ("What is the nickname of the national football team of South Korea?",
     "On Saturday, South Korea beat Japan 2-1 in Tokyo to reach the semifinal.",
     "The Taegeuk Warriors stunned Japan to reach the semifinal."),
    ("A Trump-era policy allowing quick expulsion of migrants is set to expire. What is the policy known as?",
     "The policy allowing quick expulsion of migrants is set to expire next week.",
     "Officials are preparing for the end of the Title 42 expulsions."),
    ("Taiwan launched a programme to attract chip designers this year. What is the programme called?",
     "Taiwan launched a programme this year to attract chip designers from abroad.",
     "The Chip-based Industrial Innovation Program offers grants to foreign design houses."),
    ("South Korea passed a law to support its semiconductor industry. What is the law called?",
     "South Korea passed a law to support its semiconductor industry with tax credits.",
     "The K-Chips Act raises the tax credit for chip investment to 15%."),
    ("The European Union agreed a plan to double its chip output. What is it called?",
     "The European Union agreed a plan on Tuesday to double its share of chip output by 2030.",
     "The European Chips Act sets aside 43 billion euros for new fabs."),
])
def test_a_term_question_is_answered_by_a_name_it_lacks_not_by_its_premise(question, restates, answers):
    assert answer_type(question) == "term"
    assert not gives(question, restates)
    assert gives(question, answers)


# --- 3. "which <class>" is answered by a member of that class --------------------------------------------------------


@pytest.mark.parametrize("question, other, member", [
    ("A volcano erupted on which Japanese island on Sunday?",
     "The Sakurajima volcano erupted Sunday evening, prompting evacuations on the country's southern island.",
     "The volcano erupted on Sunday on the island of Kyushu."),
    ("The chief operating officer of which company was arrested after a college football game?",
     "The executive was arrested after a Razorbacks football game, police said.",
     "Beyond Meat suspended its chief operating officer after he was arrested."),
    ("Which company agreed to supply lithography tools to the Chinese foundry?",
     "The tools were shipped through the Rotterdam port terminal to the Chinese foundry.",
     "On Monday, ASML agreed to supply lithography tools to the Chinese foundry."),
    ("Which carmaker recalled its electric SUVs this week?",
     "The recall followed a fire at the Fremont factory floor, where the SUVs are built.",
     "On Tuesday, Hyundai recalled 90,000 electric SUVs."),
    ("Which team won the championship this year?",
     "Fans packed the Barclays arena for the championship this year.",
     "The Colorado Avalanche team won the championship this year."),
    ("Which city will host the chip summit?",
     "The Nvidia chief will speak at the chip summit, organisers said.",
     "Organisers said Taipei will host the chip summit in June."),
    ("Which agency fined the social network for mishandling children's data?",
     "The fine was announced at the Instagram headquarters building on Monday.",
     "The Data Protection Commission fined the social network 405 million euros."),
    ("Which island did the Chinese drills encircle?",
     "The Shandong carrier group took part in the drills, state media said.",
     "The Chinese drills encircled Taiwan for three days."),
])
def test_a_name_given_as_something_else_is_no_member_of_the_asked_class(question, other, member):
    assert answer_type(question) in CLASS_KINDS
    assert not gives(question, other)
    assert gives(question, member)


@pytest.mark.parametrize("name, text, asked, other", [
    ("Sakurajima", "The Sakurajima volcano erupted on Sunday.", {"island"}, True),
    ("Razorbacks", "He was arrested after a Razorbacks football game.", {"compani"}, True),
    ("Shandong", "The Shandong carrier group sailed east.", {"island"}, True),
    # what follows is a verb, or a comma: nothing says what the name is
    ("Lightning", "The Lightning won the last two cups.", {"team"}, False),
    ("Nike", "Nike is suspending its relationship with the player.", {"compani"}, False),
    ("Kyushu", "It erupted on the island of Kyushu, the agency said.", {"island"}, False),
    # the name's own noun is the asked class
    ("Colorado Avalanche", "The Colorado Avalanche team won the cup.", {"team"}, False),
    ("Samsung", "Shares of the Samsung group fell.", {"group"}, False),
])
def test_named_as_other_reads_the_names_own_noun(name, text, asked, other):
    assert named_as_other(name, text, frozenset(asked)) is other
