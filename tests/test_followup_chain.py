"""A conversation past one follow-up keeps whom and what it is about.

* Kind (s69 new user, issue 10): over a Taiwan 2nm trade-secret story and its follow-up report, "Who was charged over
  the TSMC 2nm leak?" → "What sentence did he get?" → "Will he appeal?" → "What about the co-accused?" lost the topic
  from the second turn on: "he" carried every name the first answer opened with (the prosecutors' office, the
  National Security Act), so the sentencing report was out of reach; "Will he appeal?" was asked of the raw previous
  question (a pronoun) or of "former engineer of …" with its article cut; "What about the co-accused?" asked about
  nothing of the case.
* Mechanism (``rag.followup``): ``person_referent`` reads whom a personal pronoun stands for — the one the chain is
  already about, else the ones the previous answer gave its "who was <act>?" question, else a person its first
  sentence names, else (for "they") the names it lists —, agreeing in number ("he" is not "two executives") and in
  gender where the answer's text gives it ("Choi told investigators she …"), a description replaced by the one name
  the answer gives its role ("former TSMC engineer Chen Wei-lun"). ``resolve_follow_up`` carries that referent and
  the topic words from turn to turn (``_resolve_turn``); a question naming its own subject starts afresh.
  ``swapped_subject``: "What about the <role>?" / "And the <role>?" (``elliptical_followups.toml`` [referents]) asks
  the previous question of those members, in the previous answer's story.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed
from test_followup import conversation

from rag.followup import person_referent, pronoun_class, resolve_follow_up, swapped_subject

CHARGED_Q = "Who was charged over the TSMC 2nm leak?"
CHARGED_A = ("Taiwan's High Prosecutors Office on Tuesday charged a former engineer of Taiwan Semiconductor "
             "Manufacturing Co. with stealing trade secrets about the company's 2-nanometre chip process, the first "
             "indictment under the island's revised National Security Act. [1] Two co-accused, Lin Yu-ting and Huang "
             "Chih-hao, both current TSMC engineers, were charged with helping him copy the files. [1] The "
             "Intellectual Property and Commercial Court in Taipei on Thursday sentenced former TSMC engineer Chen "
             "Wei-lun to 10 years in prison for leaking trade secrets. [2]")
SENTENCE_A = ("The Intellectual Property and Commercial Court in Taipei on Thursday sentenced former TSMC engineer Chen "
              "Wei-lun to 10 years in prison for leaking trade secrets about the company's 2-nanometre process to a "
              "Japanese supplier. [1]")
APPEAL_A = ("Yes. Chen's lawyer said he would appeal the ruling to the Supreme Court, arguing that the photographed "
            "documents were not core secrets. [1]")

DRAM_Q = "Who was charged in the Samsung DRAM leak?"
DRAM_A = ("Prosecutors in Suwon on Friday charged Lee Min-ho, a former Samsung engineer, and Choi Soo-ah, a former "
          "researcher at the same laboratory, with leaking DRAM designs. [1] Choi told investigators she had copied "
          "the files at his request. [1]")

SANCTION_Q = "Which Chinese firms did the US sanction over drone parts?"
SANCTION_A = ("The US Treasury on Monday imposed sanctions on three Chinese companies, Shenzhen Kaida Electronics, "
              "Ningbo Aerotech and Xian Lumen Optics, for supplying drone engines and thermal cameras to Russia's "
              "military. [1]")


# --- whom a pronoun stands for ----------------------------------------------------------------------------------------


def test_he_is_the_one_charged_named_as_the_answer_names_him_not_the_prosecutors():
    resolved = resolve_follow_up("What sentence did he get?", conversation(CHARGED_Q, CHARGED_A))
    assert resolved.asked == "What sentence did he get?"
    assert {"Chen", "Wei-lun"} <= set(resolved.context)
    assert not {"Prosecutors", "Office", "National", "Security", "Act"} & set(resolved.context)
    assert {"TSMC", "leak"} <= set(resolved.context)  # the topic is carried


def test_the_third_turn_asks_of_the_person_the_second_resolved():
    history = conversation(CHARGED_Q, CHARGED_A, "What sentence did he get?", SENTENCE_A)
    assert resolve_follow_up("Will he appeal?", history).asked == "Will Chen Wei-lun appeal?"
    assert resolve_follow_up("Has he been released?", history).asked == "Has Chen Wei-lun been released?"


def test_a_fourth_turn_still_knows_him():
    history = conversation(CHARGED_Q, CHARGED_A, "What sentence did he get?", SENTENCE_A, "When was that?",
                           "The court ruled on Thursday. [1]")
    assert resolve_follow_up("Will he appeal?", history).asked == "Will Chen Wei-lun appeal?"


@pytest.mark.parametrize("question, who", [
    ("Did she confess?", "Choi Soo-ah"),  # the answer's text gives "she" to Choi
    ("Has he confessed?", "Lee Min-ho"),  # ... and not to Lee
])
def test_he_and_she_agree_in_gender_with_what_the_answer_says(question, who):
    assert resolve_follow_up(question, conversation(DRAM_Q, DRAM_A)).asked == question.replace(
        "she" if "she" in question else "he", who)


def test_she_carries_the_one_woman_into_an_open_question():
    resolved = resolve_follow_up("What sentence could she face?", conversation(DRAM_Q, DRAM_A))
    assert {"Choi", "Soo-ah"} <= set(resolved.context) and "Lee" not in resolved.context


@pytest.mark.parametrize("previous, reply, cls, who", [
    # number: "he" is not the two executives the answer gave the act; the person its sentence names is
    ("Who was charged in the Baltik Avionics case?",
     "Prosecutors charged two executives of Baltik Avionics on Monday, and their former manager, Jonas Petraitis, "
     "was arrested. [1]", "m", "Jonas Petraitis"),
    ("Who was charged in the Baltik Avionics case?",
     "Prosecutors charged two executives of Baltik Avionics on Monday. [1]", "p", "two executives of Baltik Avionics"),
    (SANCTION_Q, SANCTION_A, "p", "Shenzhen Kaida Electronics, Ningbo Aerotech and Xian Lumen Optics"),
    # a description replaced by the name the answer gives it
    (CHARGED_Q, CHARGED_A, "m", "Chen Wei-lun"),
])
def test_the_referent_agrees_in_number(previous, reply, cls, who):
    assert person_referent(cls, previous, reply) == who


def test_no_person_agrees_then_none():
    assert person_referent("f", "Who was charged in the Baltik Avionics case?",
                           "Prosecutors charged two executives of Baltik Avionics on Monday. [1]") is None


@pytest.mark.parametrize("question, cls", [
    ("Will he appeal?", "m"), ("What did she say?", "f"), ("How did they respond?", "p"), ("Will it appeal?", None),
    ("Did he tell them?", None),  # two classes: no one reading
    ("Why did the US act?", None),  # "US" is a name, not "us"
])
def test_pronoun_classes(question, cls):
    assert pronoun_class(question) == cls


def test_they_after_a_listed_answer_are_the_listed_firms():
    resolved = resolve_follow_up("How did they respond?", conversation(SANCTION_Q, SANCTION_A))
    assert {"Shenzhen", "Kaida", "Ningbo", "Aerotech", "Xian", "Lumen", "Optics"} <= set(resolved.context)
    assert not {"Treasury", "Monday", "Russia's"} & set(resolved.context)


# --- "What about the co-accused?" ------------------------------------------------------------------------------------


@pytest.mark.parametrize("history, question, asked", [
    (conversation(CHARGED_Q, CHARGED_A, "What sentence did he get?", SENTENCE_A, "Will he appeal?", APPEAL_A),
     "What about the co-accused?", "Will the co-accused appeal?"),
    (conversation(CHARGED_Q, CHARGED_A, "What sentence did he get?", SENTENCE_A),
     "What about the co-accused?", "What sentence did the co-accused get?"),
    (conversation(CHARGED_Q, CHARGED_A, "What sentence did he get?", SENTENCE_A, "Has he been released?",
                  "The sources do not say. [1]"),
     "And the other defendants?", "Have the other defendants been released?"),
    (conversation("Who was arrested over the Nvidia chip smuggling ring?",
                  "Singapore police arrested the alleged ringleader, Tan Boon Kiat, on Wednesday. [1]",
                  "What was he charged with?", "Tan Boon Kiat was charged with fraud on Thursday. [1]"),
     "What about the suppliers?", "What were the suppliers charged with?"),
])
def test_what_about_a_role_asks_the_previous_question_of_those_members(history, question, asked):
    resolved = resolve_follow_up(question, history)
    assert resolved.asked == asked
    assert resolved.said  # kept to the previous answer's story


@pytest.mark.parametrize("question, previous, referent", [
    ("What about tungsten?", "Will Chen Wei-lun appeal?", "Chen Wei-lun"),  # a thing, not a role of the story
    ("What about the others?", "Will Chen Wei-lun appeal?", "Chen Wei-lun"),  # the rest of a set
    ("What about the co-accused?", "What did the court rule?", None),  # asked of no one to swap
    ("And the year before?", "How many engineers did TSMC hire?", None),
])
def test_no_role_swapped(question, previous, referent):
    assert swapped_subject(question, previous, referent) is None


def test_the_swap_reaches_past_a_rewritten_turn_by_its_referent():
    assert swapped_subject("And the co-accused?", "Will Chen Wei-lun appeal?", "Chen Wei-lun") == \
        "Will the co-accused appeal?"


# --- a change of topic starts fresh -----------------------------------------------------------------------------------


def test_a_question_naming_its_own_subject_drops_the_chain():
    history = conversation(CHARGED_Q, CHARGED_A, "What sentence did he get?", SENTENCE_A, SANCTION_Q, SANCTION_A)
    resolved = resolve_follow_up("How did they respond?", history)
    assert "Chen" not in resolved.context and "TSMC" not in resolved.context
    assert {"Shenzhen", "Kaida"} <= set(resolved.context)
    assert resolve_follow_up(SANCTION_Q, history[:4]).standalone == SANCTION_Q
    assert resolve_follow_up("Will Hanul Semicon appeal?", history).standalone == "Will Hanul Semicon appeal?"


def test_after_a_new_subject_he_is_the_new_one():
    history = conversation(CHARGED_Q, CHARGED_A, "What sentence did he get?", SENTENCE_A, DRAM_Q, DRAM_A)
    assert resolve_follow_up("Has he confessed?", history).asked == "Has Lee Min-ho confessed?"


# --- end to end: the real Engine with history, and the HTTP API ------------------------------------------------------

ARTICLES = {
    "01_tsmc_charged.txt": (
        "Taiwan prosecutors charge former TSMC engineer over 2nm trade secrets", "Formosa Wire", "2026-08-27",
        "Taiwan's High Prosecutors Office on Tuesday charged a former engineer of Taiwan Semiconductor Manufacturing "
        "Co. with stealing trade secrets about the company's 2-nanometre chip process, the first indictment under the "
        "island's revised National Security Act.\n\nProsecutors said the former engineer, Chen Wei-lun, 38, "
        "photographed hundreds of pages of process documents on his phone before leaving TSMC last year and passed "
        "them to a Japanese equipment supplier's Taiwan unit, where he had taken a job.\n\nTwo co-accused, Lin Yu-ting "
        "and Huang Chih-hao, both current TSMC engineers, were charged with helping him copy the files. Prosecutors "
        "asked the court to sentence Chen to 14 years in prison and sought sentences of up to 9 years for the two "
        "co-accused.\n\nTSMC said it had detected the unusual access through its internal monitoring and reported it "
        "to the authorities. The equipment supplier said it was cooperating with the investigation and had dismissed "
        "Chen."),
    "02_tsmc_sentenced.txt": (
        "Court jails ex-TSMC engineer for 10 years in 2nm leak case", "Island Daily", "2026-11-20",
        "The Intellectual Property and Commercial Court in Taipei on Thursday sentenced former TSMC engineer Chen "
        "Wei-lun to 10 years in prison for leaking trade secrets about the company's 2-nanometre process to a "
        "Japanese supplier.\n\nThe court sentenced his co-accused, TSMC engineers Lin Yu-ting and Huang Chih-hao, to "
        "six years and three years and six months respectively, finding that they had copied process files for "
        "him.\n\nChen's lawyer said he would appeal the ruling to the Supreme Court, arguing that the photographed "
        "documents were not core secrets. Prosecutors said they were still studying the judgment.\n\nThe court also "
        "fined the supplier's Taiwan unit NT$150 million for failing to prevent the leak."),
    "03_licence.txt": (
        "Japan refuses export licence for Korean wafer cleaning tools", "Tokyo Business Report", "2026-10-05",
        "Japan's Ministry of Economy, Trade and Industry on Monday refused an export licence for wafer cleaning tools "
        "ordered by Hanul Semicon, a South Korean chipmaker, citing a risk that the tools would be diverted to "
        "China.\n\nHanul Semicon said it would ask the ministry to review the decision. The ministry said it had "
        "granted licences to two other Korean buyers of the same tools in September."),
    "04_sanctions.txt": (
        "US sanctions three Chinese firms over drone parts", "Capital Ledger", "2026-09-15",
        "The US Treasury on Monday imposed sanctions on three Chinese companies, Shenzhen Kaida Electronics, Ningbo "
        "Aerotech and Xian Lumen Optics, for supplying drone engines and thermal cameras to Russia's military.\n\n"
        "Shenzhen Kaida Electronics denied the charge and said it sold only civilian products. Beijing protested the "
        "sanctions and said it would take measures to protect its firms.\n\nThe sanctions freeze any US assets of the "
        "companies and bar Americans from dealing with them."),
    "05_cathode.txt": (
        "Seoul court convicts ex-researcher in cathode technology leak", "Han River Times", "2026-10-14",
        "The Suwon District Court on Wednesday convicted Park Ji-yeon, a former senior researcher at battery maker "
        "Daon Materials, of leaking cathode production know-how to a Chinese rival, and sentenced her to four years "
        "in prison.\n\nPark, 47, had copied 1,200 files on high-nickel cathode processes to a personal cloud drive "
        "before she joined the Chinese company in 2024, the court found.\n\nHer former team leader, Kim Tae-ho, was "
        "given a suspended sentence of two years for helping her take the files.\n\nPark's lawyers said she would "
        "appeal. Daon Materials said the leak had cost it an estimated 80 billion won in lost contracts."),
}

TSMC_CHAIN = ["Who was charged over the TSMC 2nm leak?", "What sentence did he get?", "Will he appeal?",
              "What about the co-accused?"]


def _turns(ask, questions):
    """(question, shown answer) per turn, each asked with the turns before it as history."""
    from rag.types import Turn

    history: list[Turn] = []
    out = []
    for q in questions:
        shown = ask(q, history)
        out.append((q, shown))
        history += [Turn("user", q), Turn("assistant", shown)]
    return out


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("chain"), ARTICLES)


def _engine_ask(engine):
    from rag.render import shown_answer

    return lambda q, history: shown_answer(engine.write(q, template="answer", history=list(history)))


def test_the_tsmc_chain_keeps_its_topic_through_four_turns(engine):
    turns = dict(_turns(_engine_ask(engine), TSMC_CHAIN))
    assert "10 years" in turns["What sentence did he get?"].split("[1]")[0]
    assert turns["Will he appeal?"].startswith("Yes.") and "appeal the ruling" in turns["Will he appeal?"]
    co = turns["What about the co-accused?"]
    assert "Lin Yu-ting" in co and "six years" in co  # the other defendants of the same case


def test_she_in_a_chain_over_a_court_case(engine):
    turns = dict(_turns(_engine_ask(engine), ["Who was convicted in the Daon Materials cathode leak case?",
                                              "What sentence did she get?", "Will she appeal?"]))
    assert "four years" in turns["What sentence did she get?"]
    assert turns["Will she appeal?"].startswith("Yes.") and "Park's lawyers" in turns["Will she appeal?"]


def test_they_after_a_list_of_sanctioned_firms_and_a_topic_change(engine):
    from rag.types import Turn

    turns = _turns(_engine_ask(engine), ["Who was charged over the TSMC 2nm leak?", "What sentence did he get?",
                                         "Which Chinese firms did the US sanction over drone parts?"])
    assert "10 years" in turns[1][1]
    history = [Turn(role, text) for q, a in turns for role, text in (("user", q), ("assistant", a))]
    brief = engine.write("How did they respond?", template="answer", history=history)
    resolved = next(n for n in brief.provenance.notes if n.startswith("follow-up resolved as: "))
    assert "Shenzhen Kaida Electronics Ningbo Aerotech and Xian Lumen Optics" in resolved
    assert not {"Chen", "TSMC", "Treasury", "Monday"} & set(resolved.split())


def test_the_http_api_resolves_the_chain_from_its_history(tmp_path_factory):
    from fastapi.testclient import TestClient

    from api.main import create_app
    from rag.config import Settings

    root = tmp_path_factory.mktemp("chain-api")
    engine_over_headed(root, ARTICLES)  # ingests into root / "data"
    with TestClient(create_app(Settings(data_dir=root / "data"), warm_up=False)) as client:
        def ask(q, history):
            r = client.post("/v1/ask", json={"question": q, "history": [
                {"role": t.role, "content": t.content} for t in history]})
            assert r.status_code == 200, r.text
            body = r.json()
            if q == "Will he appeal?":
                assert "follow-up resolved as: Will Chen Wei-lun appeal?" in body["brief"]["provenance"]["notes"]
            return body["answer"].split("\n\nSources:", 1)[0]

        turns = dict(_turns(ask, TSMC_CHAIN))
    assert "10 years" in turns["What sentence did he get?"]
    assert "Lin Yu-ting" in turns["What about the co-accused?"]
