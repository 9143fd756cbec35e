"""A question asking what someone said is answered by that speaker's own words (``rag.writers.asked_speaker``), not
by the sentence that repeats most of the question and only names the speaker."""

import pytest
from conftest import engine_over_articles

from rag.writers.asked_speaker import asked_speaker


@pytest.mark.parametrize("question, speaker", [
    ("What did Hikvision say about the ban?", "Hikvision"),
    ("What has the foreign ministry said about the curbs?", "foreign ministry"),
    ("What did Nvidia tell reporters about the diversion?", "Nvidia"),
    ("And what did Samsung Electronics say about the subsidy?", "Samsung Electronics"),
    ("What does Hosokawa argue?", "Hosokawa"),
])
def test_the_speaker_of_a_what_did_x_say_question(question, speaker):
    assert asked_speaker(question) == speaker


@pytest.mark.parametrize("question", [
    "What did they say?",  # a pronoun names no one
    "What did Japan ban?",
    "Who said the ban was unfair?",
    "What is the ban's scope?",
])
def test_no_speaker_when_the_question_asks_no_ones_words(question):
    assert asked_speaker(question) is None


ARTICLES = [
    ("01_cameras.md", "2026-03-02", "Seoul bars Chinese-made cameras from public buildings",
     "South Korea's interior ministry on Monday barred public agencies from buying surveillance cameras made by "
     "Chinese manufacturers, citing data-security risks.\n\n"
     "The ban covers cameras from 14 manufacturers, including Hanwei Vision and Dalu Tech, and takes effect on "
     "January 1, 2027.\n\n"
     "Agencies must replace an estimated 31,000 units already installed.\n\n"
     "Hanwei Vision said in a statement that its products comply with Korean law and that it had never been asked "
     "to provide data to any government.\n\n"
     "Dalu Tech's chief executive, Mei Lan, told reporters the company would appeal the decision."),
    ("02_lidar.md", "2026-03-04", "Tokyo weighs curbs on Chinese lidar sensors",
     "Japan's trade ministry is considering limits on Chinese-made lidar sensors used in autonomous buses, "
     "officials said on Wednesday.\n\n"
     "The sensors are made by Sutong Optics and two smaller firms.\n\n"
     "Sutong Optics said the proposal was based on a misunderstanding of how its sensors store data."),
    ("03_drones.md", "2026-04-10", "Tokyo drops Chinese drone maker from procurement list",
     "Japan's defence ministry removed Skyfeng Robotics from its approved supplier list on Thursday, citing concerns "
     "that flight logs could be sent abroad.\n\n"
     "The decision affects about 400 drones used by local fire departments and Skyfeng Robotics' Japanese dealers.\n\n"
     "A Skyfeng Robotics spokesperson declined to comment.\n\n"
     "The ministry said replacements would be bought from domestic makers by March."),
    ("04_probe.md", "2026-04-22", "Taipei probes chip engineers' move to mainland firm",
     "Taiwanese prosecutors on Tuesday searched the homes of six engineers suspected of taking trade secrets to "
     "Qixin Semiconductor, a Chinese chipmaker.\n\n"
     "The engineers had worked on Qixin Semiconductor's rival's 3-nanometre process technology, prosecutors said.\n\n"
     "Qixin Semiconductor did not immediately respond to a request for comment.\n\n"
     "Prosecutors said the case was the largest of its kind this year."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("asked_speaker"), ARTICLES)


@pytest.mark.parametrize("question, said", [
    ("What did Hanwei Vision say about the ban?", "Hanwei Vision said in a statement"),
    ("What did Sutong Optics say about the proposal?", "Sutong Optics said the proposal"),
    ("What did Mei Lan say about the ban?", "told reporters the company would appeal"),
])
def test_the_speakers_own_words_lead_the_answer(engine, question, said):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    lead = brief.sections[0].claims[0].text
    assert said in lead, lead


@pytest.mark.parametrize("speaker, text, said", [
    ("Hikvision", "Hikvision said in a statement that its products comply with Korean law.", True),
    ("Mei Lan", "Mei Lan, the company's chief executive, told reporters it would appeal.", True),
    ("Hikvision", "The products comply with Korean law, said Hikvision.", True),
    ("Indonesia", "Analysts in Singapore said Indonesia's nickel policy has drawn smelter investment.", False),
    ("Hikvision", "The ban covers cameras from 14 manufacturers, including Hikvision and Dahua.", False),
])
def test_the_speaker_is_the_subject_of_a_verb_of_saying(speaker, text, said):
    from rag.writers.asked_speaker import says

    assert says(speaker, text) is said


@pytest.mark.parametrize("question, declined", [
    ("What did Skyfeng Robotics say about the decision?", "A Skyfeng Robotics spokesperson declined to comment"),
    ("What did Qixin Semiconductor say about the probe?", "Qixin Semiconductor did not immediately respond"),
])
def test_a_speaker_who_gave_no_comment_is_answered_so(engine, question, declined):
    """s55's fresh user: "What did Dahua say about the ban?" led with the ban's scope ("… including Hikvision and
    Dahua …"), though the article says "Dahua did not respond to a request for comment": that is the answer."""
    brief = engine.write(question, template="answer")
    lead = brief.sections[0].claims[0].text if brief.sections and brief.sections[0].claims else brief.message
    assert declined in lead, lead


@pytest.mark.parametrize("speaker, text, declined", [
    ("Dahua", "Dahua did not respond to a request for comment.", True),
    ("Dahua", "A Dahua spokesperson declined to comment.", True),
    ("ministry", "The ministry, which oversees the rules, could not be reached for comment.", True),
    ("Qixin", "Qixin had no immediate comment.", True),
    ("Nvidia", "Nvidia didn't immediately reply to Reuters' questions.", True),
    # the speaker says something, or is not the one who gave no comment
    ("Dahua", "Dahua said it did not respond to the tender because of its terms.", False),
    ("Dahua", "Regulators did not respond to Dahua's appeal.", False),
    ("Dahua", "The ban covers cameras from Hikvision and Dahua.", False),
])
def test_a_speaker_gave_no_comment(speaker, text, declined):
    from rag.writers.asked_speaker import declines_comment

    assert declines_comment(speaker, text) is declined
