"""On-topic first, sentences typed by role (issue 10, items 1 and 2), specified on fresh inputs.

- A brief quotes only documents about the topic's actors and story: a report that shares the topic's vocabulary
  but is about other actors is not quoted.
- Furniture (bylines, captions, "Read more" links) is never quoted, in any section.
- A section takes only the roles its template declares: a forecast is not "what happened".
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from rag import roles
from rag.templates import TemplateLibrary
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates, type_roles
from rag.writers.on_topic import topic_actors, topical_documents

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


def passage(text: str, *, doc: str, n: int = 0, title: str = "", published: str = "2022-05-10") -> EvidencePassage:
    chunk = Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, {"title": title, "published": published, "publisher": doc})
    return EvidencePassage(f"S{n + 1}", chunk, 1.0)


@pytest.fixture(scope="module")
def situation():
    return TemplateLibrary(PROMPTS).get("situation")


def quoted(draft) -> list[tuple[str, str]]:
    return [(s.name, c.text) for s in draft.sections for c in s.claims]


# the topic: Manila's ban on Chinese fishing trawlers; the distractor shares "fishing", "ban", "vessels", "coast
# guard" but is about Norway and Russia
FISHING = [
    passage("The Philippines banned Chinese fishing trawlers from the waters around Scarborough Shoal on Monday. "
            "The Philippine coast guard said it expelled 14 Chinese vessels from the shoal the same day. "
            "Manila said the ban would stay until Beijing withdraws its maritime militia.", doc="ph1",
            title="Philippines bans Chinese trawlers at Scarborough Shoal"),
    passage("China's foreign ministry protested the Philippine ban and said the shoal is Chinese territory. "
            "Beijing summoned the Philippine ambassador on Tuesday over the expulsions.", doc="ph2", n=1,
            title="China protests Manila's trawler ban"),
    passage("Norway banned Russian fishing vessels from its ports on Monday, the Norwegian coast guard said. "
            "The ban on Russian trawlers covers the ports of Tromso, Kirkenes and Batsfjord. "
            "Oslo said the vessels had violated fishing quotas in the Barents Sea.", doc="no1", n=2,
            title="Norway bans Russian fishing vessels from ports"),
]


def test_a_report_sharing_the_topics_vocabulary_about_other_actors_is_not_quoted(writer, situation):
    topic = "Philippines bans Chinese fishing trawlers at Scarborough Shoal"
    draft = writer.write(topic, situation, FISHING, as_of=None)
    cited = {c.cites[0].chunk_id.split("-")[0] for s in draft.sections for c in s.claims}
    assert not draft.abstain and cited
    assert "no1" not in cited, quoted(draft)
    assert cited <= {"ph1", "ph2"}


def test_documents_are_on_topic_when_they_name_the_topics_actors_and_are_close_in_meaning():
    actors = topic_actors("Philippines bans Chinese fishing trawlers at Scarborough Shoal")
    assert {frozenset({"philippines"}), frozenset({"china"})} <= set(actors)
    # a person is one actor however many words name them; a month is a date, not an actor; a first word is a name
    # only when the evidence writes it capitalised inside a sentence
    evidence = ["On Monday President Joe Biden spoke with Xi Jinping for two hours."]
    assert topic_actors("Biden and Xi Jinping's July phone call", evidence) == [frozenset({"biden"}), frozenset({"xi", "jinp", "xi jinp"})]
    assert topic_actors("Rare protests in Shanghai", evidence) == [frozenset({"shanghai"})]
    vec = lambda *xs: np.array(xs, dtype=np.float64) / np.linalg.norm(xs)  # noqa: E731
    topic = "Japan restricts chip materials exports to South Korea"
    docs = ["jp", "jp", "us", "kr"]
    stems = [{"japan", "south_korea", "export"}, {"japan", "fluorin"}, {"japan", "united_states", "export"}, {"south_korea", "japan"}]
    vectors = np.stack([vec(1, 0.1), vec(1, 0.2), vec(1, 0.3), vec(0.2, 1)])
    out = topical_documents(topic, docs, stems, vectors, vec(1, 0), {"kr": "Seoul weighs a WTO complaint"})
    assert out["jp"].on_topic
    assert not out["us"].on_topic  # names Japan but not Korea: another story's actors
    assert not out["kr"].on_topic  # names both but is far in meaning from the topic and from the best document


LINES = ("By Maria Santos, Reuters staff.", "Reporting by Maria Santos in Taipei; editing by John Lee.",
         "Read more: Taiwan chip stocks rally after the vote.", "Photo: Lawmakers vote in Taipei on Thursday. (Reuters/Ann Wang)",
         "Related coverage: Seoul weighs new chip subsidies as exports slow in May.",
         "You may also like: Taiwan chip stocks rally after the vote on the espionage bill.",
         "The picture shows lawmakers voting on the chip bill in Taipei on Thursday.",
         "More from Asia: Taiwan's exports of chips slide as demand from China weakens.")
FURNITURE = [
    passage(f"{LINES[0]} Taiwan's cabinet approved a bill on Thursday that makes leaking chip technology to China a "
            f"crime of economic espionage. {LINES[2]} {LINES[3]} {LINES[6]} "
            "Offenders face up to 12 years in prison under the bill, the cabinet said. " + LINES[1], doc="tw1",
            title="Taiwan moves to criminalise chip technology leaks"),
    passage(f"Prosecutors in Hsinchu charged two former engineers on Friday with leaking chip designs to a Chinese firm. "
            f"{LINES[4]} {LINES[5]} The engineers denied the charges, their lawyer said. {LINES[7]}", doc="tw2", n=1),
]


def test_bylines_captions_and_related_story_lines_are_never_quoted(writer, situation):
    cands, _ = candidates(FURNITURE)
    type_roles(cands)
    # what the junk filter lets through, the role classifier types as furniture: none is quotable
    assert not [c.text for c in cands if c.role != "furniture" and any(line in c.text for line in LINES)]
    assessment = TemplateLibrary(PROMPTS).get("assessment")
    for template in (situation, assessment):
        draft = writer.write("Taiwan criminalises leaks of chip technology to China", template, FURNITURE, as_of=None)
        assert quoted(draft)
        for _, text in quoted(draft):
            assert not any(line in text or text in line for line in LINES), text


FORECAST = [
    passage("South Korea's central bank raised its policy rate by half a point to 2.25% on Wednesday. "
            "The rate will probably rise to 3% by the end of the year, economists at the bank expect. "
            "Governor Rhee Chang-yong said inflation would stay above 5% for several months.", doc="kr1",
            title="Bank of Korea makes first half-point hike"),
    passage("The Bank of Korea's half-point increase was its first ever, taking the rate to 2.25%. "
            "Markets will likely price in another hike in August.", doc="kr2", n=1),
]


def test_a_forecast_is_not_placed_in_what_happened(writer, situation):
    draft = writer.write("Bank of Korea raises interest rates by half a point", situation, FORECAST, as_of=None)
    accepted = roles.accepted_roles("situation", "summary") | roles.accepted_roles("situation", "headline")
    assert "forecast" not in accepted
    happened = [c for s in draft.sections if s.name in ("headline", "summary") for c in s.claims]
    assert happened, quoted(draft)
    for claim in happened:
        assert claim.role in accepted, (claim.role, claim.text)
        assert "will probably rise" not in claim.text and "will likely price" not in claim.text


# --- hypotheses: the sources' explanations, each with the evidence for and against it ------------------------------

EXPLAINED = [
    passage("Japan tightened exports of three chip materials to South Korea on Thursday, the trade ministry said. "
            "Tokyo's move appears to be aimed at pressuring Seoul over the wartime labour rulings, analysts believe. "
            "South Korea's Supreme Court ordered Nippon Steel to compensate wartime labourers in October, angering Tokyo.",
            doc="jk1", title="Japan curbs chip material exports to South Korea"),
    passage("Japan's trade ministry denied that the curbs on exports to South Korea were retaliation for the wartime "
            "labour rulings, saying they concerned export control lapses. "
            "South Korean chipmakers said Japan's curbs on exports of chip materials threaten their production.",
            doc="jk2", n=1, title="Tokyo denies chip curbs on Korea are retaliation"),
]
UNEXPLAINED = [
    passage("Japan tightened exports of three chip materials to South Korea on Thursday, the trade ministry said. "
            "The curbs cover fluorinated polyimide, photoresists and hydrogen fluoride used by South Korean chipmakers.",
            doc="ju1", title="Japan curbs chip material exports to South Korea"),
    passage("South Korean chipmakers said Japan's curbs on exports of chip materials to South Korea threaten production. "
            "Samsung said it was checking its stocks of photoresists after Japan's decision.", doc="ju2", n=1),
]


def test_a_hypothesis_comes_with_the_evidence_for_and_against_it_from_the_sources(writer):
    assessment = TemplateLibrary(PROMPTS).get("assessment")
    draft = writer.write("Japan curbs chip material exports to South Korea", assessment, EXPLAINED, as_of=None)
    hyps = next(s for s in draft.sections if s.name == "hypotheses").claims
    assert hyps and "wartime labour" in hyps[0].text, quoted(draft)
    against = [c.text for c in hyps[0].evidence_against]
    assert any("denied" in t for t in against), against
    for c in hyps[0].evidence_for + hyps[0].evidence_against:
        assert c.cites and c.text != hyps[0].text


def test_without_an_explanation_in_the_sources_the_hypotheses_section_stays_empty_and_says_so(writer):
    assessment = TemplateLibrary(PROMPTS).get("assessment")
    draft = writer.write("Japan curbs chip material exports to South Korea", assessment, UNEXPLAINED, as_of=None)
    assert not next(s for s in draft.sections if s.name == "hypotheses").claims, quoted(draft)
    spec = assessment.section("hypotheses")
    assert spec.required and spec.weigh_evidence and "no competing explanation" in spec.empty_text()


def test_a_rendered_hypothesis_shows_its_evidence_or_says_there_is_none():
    from rag.brief import Brief, Citation, Claim, Provenance, Section
    from rag.render import brief_markdown

    cite = Citation(source=1, chunk_id="d1-0000", doc_id="d1", start=0, end=10, quote="x")
    hyp = Claim(text="Tokyo likely imposed the curbs in retaliation.", citations=[cite], verified=True, role="judgement",
                evidence_against=[Claim(text="Tokyo denied it was retaliation.", citations=[cite], verified=True)])
    bare = Claim(text="The curbs may be aimed at Samsung.", citations=[cite], verified=True, role="judgement")
    prov = Provenance(template="assessment", template_version="1", template_hash="h", backend="extractive", model="m",
                      retrieval={}, corpus_snapshot="c", query="q")
    brief = Brief(template="assessment", topic="t", provenance=prov, sections=[
        Section(name="hypotheses", title="Competing hypotheses", claims=[hyp, bare])])
    text = brief_markdown(brief)
    assert "Evidence against: Tokyo denied it was retaliation." in text
    assert "No evidence for or against it in the sources." in text


def test_a_topic_naming_a_month_means_that_months_story_not_another_like_it():
    from rag.writers.on_topic import in_month, topic_month

    assert topic_month("Biden's March 2022 call with Xi Jinping over Russia's war in Ukraine") == "2022-03"
    assert topic_month("North Korea's first ICBM launch since 2017") is None  # a year of comparison names no story
    assert in_month("2022-03-19", "2022-03") and in_month("2022-04-02", "2022-03")  # follow-up reports count
    assert not in_month("2022-07-29", "2022-03") and not in_month("2022-02-27", "2022-03")
    assert in_month("2022-12-20", "2022-12") and in_month("2023-01-05", "2022-12")
    assert in_month(None, "2022-03") and in_month("2022-07-29", None)


def test_a_story_is_the_run_of_reports_around_its_closest_report_not_another_months_away():
    from datetime import date

    from rag.writers.on_topic import STORY_GAP_DAYS, story_run

    meaning = {"a": 0.8, "b": 0.7, "c": 0.75, "d": 0.6, "e": 0.9}
    # steady coverage is one story however long it runs; a silence of a month or more starts another
    dates = {"a": "2022-04-01", "b": "2022-04-20", "c": "2022-05-15", "d": "2022-09-30", "e": None}  # c to d: 4 months
    assert story_run(dates, meaning) == (date(2022, 4, 1), date(2022, 5, 15))
    assert story_run({**dates, "d": "2022-10-05"}, {**meaning, "d": 0.95}) == (date(2022, 10, 5), date(2022, 10, 5))
    assert story_run({"e": None}, meaning) is None  # nothing dated: nothing to place
    assert 28 <= STORY_GAP_DAYS <= 62  # weeks, not months: the news cycle of one story


def test_a_report_of_the_same_actors_months_from_the_storys_reports_is_another_story():
    vec = lambda *xs: np.array(xs, dtype=np.float64) / np.linalg.norm(xs)  # noqa: E731
    topic = "Biden and Xi meet at the G20 summit in Bali"
    docs = ["bali1", "bali2", "call", "undated"]
    stems = [{"biden", "xi", "bali"}, {"biden", "xi", "summit"}, {"biden", "xi", "call"}, {"biden", "xi"}]
    vectors = np.stack([vec(1, 0.05), vec(1, 0.1), vec(1, 0.12), vec(1, 0.15)])  # all close in meaning
    published = {"bali1": "2022-11-14", "bali2": "2022-11-16", "call": "2022-07-28", "undated": None}
    out = topical_documents(topic, docs, stems, vectors, vec(1, 0), {}, published=published)
    assert out["bali1"].on_topic and out["bali2"].on_topic
    assert not out["call"].on_topic and not out["call"].near  # July's call: the same actors, another story
    assert out["undated"].on_topic  # cannot be placed in time: judged by actors and meaning alone
    # the same reports, the July call now the closest in meaning: the brief is on the July story
    vectors = np.stack([vec(1, 0.1), vec(1, 0.12), vec(1, 0.01), vec(1, 0.15)])
    out = topical_documents("Biden and Xi's phone call", docs, stems, vectors, vec(1, 0), {}, published=published)
    assert out["call"].on_topic and not out["bali1"].on_topic


def test_an_analysis_can_explain_what_came_before_it_not_a_story_months_after_it():
    vec = lambda *xs: np.array(xs, dtype=np.float64) / np.linalg.norm(xs)  # noqa: E731
    topic = "Biden says the US would defend Taiwan militarily"
    docs = ["may1", "may2", "essay2020", "analysis_jun", "analysis_aug", "opinion_undated"]
    stems = [{"biden", "taiwan", "defend"}] * len(docs)
    vectors = np.stack([vec(1, 0.05), vec(1, 0.1), vec(1, 0.12), vec(1, 0.1), vec(1, 0.08), vec(1, 0.1)])
    published = {"may1": "2022-05-23", "may2": "2022-05-24", "essay2020": "2020-03-31", "analysis_jun": "2022-06-10",
                 "analysis_aug": "2022-08-02", "opinion_undated": None}
    news = {"may1", "may2"}
    out = topical_documents(topic, docs, stems, vectors, vec(1, 0), {}, published=published, news=news)
    assert out["may1"].on_topic and out["may2"].on_topic
    assert out["essay2020"].on_topic  # an earlier essay is background to the story, not another story
    assert out["analysis_jun"].on_topic  # an analysis weeks after the reports comments on this story
    assert not out["analysis_aug"].on_topic  # ten weeks after the last report: a later story of the same actors
    assert out["opinion_undated"].on_topic  # cannot be placed in time


def test_a_sentence_in_a_language_the_role_model_cannot_read_is_left_untyped_not_guessed():
    text = "中国商务部7月3日宣布，自8月1日起对镓和锗相关物项实施出口管制。韩国半导体企业表示将检查库存。"
    english = "Beijing announced export controls on gallium and germanium on July 3, the commerce ministry said."
    cands, _ = candidates([passage(text, doc="zh1"), passage(english, doc="en1", n=1)])
    type_roles(cands)
    assert [c.role for c in cands if c.doc_id == "zh1"] == [None] * sum(c.doc_id == "zh1" for c in cands)
    assert all(c.role is not None for c in cands if c.doc_id == "en1")


# --- sections the on-topic documents leave empty, what happened, background -----------------------------------------

def test_a_related_report_of_the_same_actors_is_near_the_topic_and_another_storys_report_is_not():
    vec = lambda *xs: np.array(xs, dtype=np.float64) / np.linalg.norm(xs)  # noqa: E731
    topic = "Japan restricts chip materials exports to South Korea"
    docs = ["jp", "kr", "far", "us"]
    stems = [{"japan", "south_korea", "export"}, {"south_korea", "japan", "chipmak"}, {"japan", "south_korea"},
             {"japan", "united_states", "export"}]
    # cosines to the topic: jp ~1.0 (the best), kr ~0.71 (beyond DOC_GAP, within twice it), far ~0.2, us ~0.96
    vectors = np.stack([vec(1, 0.05), vec(1, 1), vec(0.2, 1), vec(1, 0.3)])
    out = topical_documents(topic, docs, stems, vectors, vec(1, 0), {})
    assert out["jp"].on_topic and out["jp"].near
    assert not out["kr"].on_topic and out["kr"].near  # the same actors, a step further in meaning
    assert not out["far"].near  # the same actors, another story
    assert not out["us"].on_topic and not out["us"].near  # other actors: never, however close in meaning


ABE = [
    passage("Former Japanese Prime Minister Shinzo Abe was shot dead on Friday while giving a campaign speech in Nara. "
            "Police arrested the suspected gunman, a 41-year-old man, at the scene of the shooting of Abe and seized a homemade gun. "
            "Prime Minister Fumio Kishida said the attack was an act of barbarism. "
            "Abe, 67, was Japan's longest-serving prime minister, holding office from 2006 to 2007 and again from 2012 to 2020. "
            "Japan has some of the strictest gun control laws in the world, and gun crime is rare.",
            doc="ab1", title="Shinzo Abe shot dead in Nara"),
    passage("The suspect in the killing of Japan's former prime minister told police he held a grudge against a religious group he believed Abe was linked to. "
            "Doctors at Nara Medical University Hospital in Japan said Abe died of blood loss from two gunshot wounds. "
            "Campaigning for Japan's upper house election resumed on Saturday under tight security, a day after Abe was killed. "
            "Abe's grandfather, Nobusuke Kishi, was also prime minister, from 1957 to 1960.", doc="ab2", n=1,
            title="Abe's suspected killer held grudge against religious group"),
]


def test_background_facts_are_quoted_as_background_and_what_happened_holds_the_events(writer, situation):
    draft = writer.write("Assassination of former Japanese Prime Minister Shinzo Abe", situation, ABE, as_of=None)
    sections = {s.name: [c for c in s.claims] for s in draft.sections}
    background = [c.text for c in sections["background"]]
    assert any("longest-serving" in t or "grandfather" in t for t in background), quoted(draft)
    for c in sections["background"]:
        assert c.role == "background"
    happened = [c for c in sections["headline"] + sections["summary"]]
    assert all(c.role in ("event", "statement") for c in happened), [(c.role, c.text) for c in happened]
    # the events of the story are not cut short by the filler stop: the arrest, the cause of death, the campaign
    said = " ".join(c.text for c in happened)
    assert sum(k in said for k in ("arrested", "blood loss", "resumed", "grudge")) >= 3, quoted(draft)


def test_a_report_sharing_only_words_of_a_designated_name_is_not_on_topic():
    """"Long March 5B": "long-range" and "March" are not the rocket (the Taiwan missiles report in its brief)."""
    vec = lambda *xs: np.array(xs, dtype=np.float64) / np.linalg.norm(xs)  # noqa: E731
    topic = "Uncontrolled re-entry of a Chinese Long March 5B rocket"
    rocket = ["Debris from a Chinese Long March 5B rocket fell into the Indian Ocean on Saturday.",
              "China's space agency said most of the rocket burned up on re-entry."]
    missiles = ["China fired long-range missiles near Taiwan, the first such launch since March.",
                "The missiles landed in waters east of Taiwan, China's military said."]
    texts = rocket + missiles
    from rag.writers.key_terms import stems as text_stems
    out = topical_documents(topic, ["r", "r", "m", "m"], [text_stems(t) for t in texts],
                            np.stack([vec(1, 0.05), vec(1, 0.1), vec(1, 0.12), vec(1, 0.15)]), vec(1, 0), {}, texts)
    assert out["r"].on_topic
    assert not out["m"].on_topic and not out["m"].near


def test_a_report_naming_the_topics_place_but_not_its_subject_is_not_on_topic():
    """"The fall of China's yuan": a report of the pound's crash that names China is not about the yuan."""
    vec = lambda *xs: np.array(xs, dtype=np.float64) / np.linalg.norm(xs)  # noqa: E731
    topic = "The fall of China's yuan against the dollar in 2022"
    yuan = ["China's yuan weakened past 7.2 per dollar on Wednesday, its weakest since 2008.",
            "The yuan has lost 13% against the dollar this year, and China's central bank warned speculators."]
    pound = ["The British pound crashed to a record low against the dollar on Monday.",
             "Exporters in China and Japan watched the dollar's surge."]
    texts = yuan + pound
    titles = {"y1": "China's yuan slides to a 14-year low", "y2": "Yuan falls past 7.2 per dollar",
              "p": "British pound plummets to record low against the dollar"}
    from rag.writers.key_terms import stems as text_stems
    out = topical_documents(topic, ["y1", "y2", "p", "p"], [text_stems(t) for t in texts],
                            np.stack([vec(1, 0.05), vec(1, 0.1), vec(1, 0.12), vec(1, 0.15)]), vec(1, 0), titles, texts,
                            openings=[*titles.values(), yuan[0], pound[0]])
    assert out["y1"].on_topic and out["y2"].on_topic
    assert not out["p"].on_topic


@pytest.mark.parametrize("essay,report,other", [(0.48, 0.26, 0.05), (0.60, 0.35, 0.10), (0.55, 0.30, 0.02)])
def test_on_a_broad_topic_a_report_is_measured_against_the_reports_not_an_essay_on_the_concept(essay, report, other):
    """A broad topic ("export controls") names no actor; an essay on the concept itself is closest to the bare words,
    and a news report of one instance of it (a roundup of the curbs) falls more than DOC_GAP below the essay. The
    report is compared with the closest report: it stays on-topic, the essay too, and a report far from both does not."""
    from rag.writers.on_topic import DOC_GAP

    cos_vec = lambda c: np.array([c, np.sqrt(1 - c * c)])  # noqa: E731  a unit vector at cosine c to the topic (1, 0)
    docs = ["essay", "essay", "roundup", "roundup", "far", "far"]
    vectors = np.stack([cos_vec(essay), cos_vec(essay), cos_vec(report), cos_vec(report), cos_vec(other), cos_vec(other)])
    stems = [{"export", "control"}] * 6
    assert essay - report > DOC_GAP  # the kind: the report is below the cut an essay sets
    out = topical_documents("export controls", docs, stems, vectors, np.array([1.0, 0.0]), {},
                            published={"essay": "2019-03-31", "roundup": "2019-07-10", "far": "2019-07-12"},
                            news={"roundup", "far"})
    assert out["essay"].on_topic and out["roundup"].on_topic
    assert not out["far"].on_topic


def test_when_every_document_is_a_report_the_cut_is_the_best_documents_as_before():
    cos_vec = lambda c: np.array([c, np.sqrt(1 - c * c)])  # noqa: E731
    docs = ["a", "b", "c"]
    vectors = np.stack([cos_vec(0.7), cos_vec(0.55), cos_vec(0.45)])
    out = topical_documents("export controls", docs, [{"export"}] * 3, vectors, np.array([1.0, 0.0]), {}, news={"a", "b", "c"})
    assert out["a"].on_topic and out["b"].on_topic and not out["c"].on_topic
