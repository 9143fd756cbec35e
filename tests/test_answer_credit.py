"""One source sentence is credited the same way in every answer (fresh user s29: Intelrift's "Japan has reportedly
denied …" was "reports" in one answer and "assesses" in another; so was the 20-companies restriction).

``answer_credit.credit_answer`` credits every quote of every answer path (full answer, partial answer, a
whether-question's undecided quote): by the source's type and the role of each of its sentences, typed alone, so a
sentence quoted with the one that leans on it keeps its own verb ("reports and assesses"). Unit inputs over written
sources of the four types, then the sample corpus's questions that quote the two sentences the user saw.
"""

from __future__ import annotations

import re

import pytest

from rag.brief import Citation, Claim, Source
from rag.pipeline import Engine
from rag.render import answer_with_sources
from rag.types import Chunk
from rag.writers.answer_credit import credit_answer
from rag.writers.attribution import NEUTRAL_VERBS

PAIRS = [  # (source type, how it is named, a report, the judgement that leans on it)
    ("generated", "Polaris Watch (AI-generated brief, 2026)",
     "Norvia halted exports of refined cobalt to Kestria on Monday.",
     "The decision signals that Norvia now treats cobalt as a strategic asset rather than a commodity."),
    ("generated", "Harbor Lens Intelligence (AI-generated brief, 2026)",
     "Teshima restricted sales of drone motors to Marovian companies on Friday.",
     "This move likely reflects growing concern in Teshima about its neighbour's military ambitions."),
    ("analysis", "Ilse Brandvold (2026 essay)",
     "Calder suspended salmon imports from Brenmark in February.",
     "In my view this suspension was a mistake that will hurt Calder's processors for years."),
    ("analysis", "Tomas Reyes (2026 essay)",
     "Ostrava banned wheat imports from Vellmar on Tuesday.",
     "It seems clear that the ban is more about politics than about mould."),
    ("news", "Fjord Ledger",
     "Soria cut gas deliveries to Velta by a third on Tuesday, the state gas company said.",
     "The cut is likely to deepen the winter shortage that analysts have long feared."),
    ("news", "Harbour Gazette",
     "Marle suspended research visas for Corvan scientists on Wednesday.",
     "The suspension will probably chill academic exchanges between the two countries for years."),
    ("official", "Ministry of Trade of Lumera",
     "Lumera blocked exports of chip etching tools to Sarnian foundries on Thursday.",
     "The ministry believes the measure will likely strengthen the country's security."),
    ("generated", "Archipelago Risk Desk (AI-generated brief, 2026)",
     "Pelago capped rice exports to Dunmore at half of last year's volume on Monday.",
     "The cap suggests Pelago is leveraging food exports to exert political pressure on Dunmore."),
]


def _credit(kind: str, name: str, text: str, *sentences: str) -> str | None:
    """The credit of a quote of ``sentences`` of a passage ``text`` from a source of ``kind``."""
    kinds = {"generated": "generated brief", "analysis": "policy essay", "news": "news article",
             "official": "official statement"}
    chunk = Chunk(chunk_id="doc-0001", doc_id="doc", text=text, start=500, end=500 + len(text), index=1,
                  metadata={"published": "2026-04-20", "kind": kinds[kind]})
    quote = " ".join(sentences)
    at = text.index(sentences[0])
    claim = Claim(text=quote, citations=[Citation(source=1, chunk_id="doc-0001", doc_id="doc", start=500 + at,
                                                  end=500 + at + len(quote), quote=quote)])
    from rag.roles import classify
    from rag.writers.role_typing import doc_type

    claim.role = classify([quote], doc_type=doc_type(chunk))[0].role  # as the writer types its candidate
    source = Source(index=1, doc_id="doc", publisher=name, published="2026-04-20", source_type=kind,
                    attributed_as=name)
    credit_answer([claim], {1: source}, {"doc-0001": chunk})
    return claim.attribution


def _verbs(credit: str | None, name: str) -> list[str]:
    return credit[len(name):].strip().split(" and ") if credit else []


@pytest.mark.parametrize("kind, name, report, judgement", PAIRS, ids=[p[2].split()[0] for p in PAIRS])
def test_a_sentence_keeps_its_own_credit_inside_a_quote_of_two(kind, name, report, judgement):
    text = f"{report} {judgement}"
    alone, joined = _credit(kind, name, text, report), _credit(kind, name, text, report, judgement)
    view = _credit(kind, name, text, judgement)
    if alone is None:  # a news or official report stands as reporting alone ...
        assert kind in ("news", "official")
    elif _verbs(alone, name)[0] in NEUTRAL_VERBS:  # ... a sentence its source only writes ("writes") gives way
        assert joined is not None and _verbs(joined, name) == _verbs(view, name), (alone, joined)  # to the view's verb
    else:  # ... else its verb is in the joined quote's credit, first
        assert joined is not None and _verbs(joined, name)[0] == _verbs(alone, name)[0], (alone, joined)
    # the judgement's own verb is in the joined quote's credit too: a view quoted with a report is never a report
    assert view is not None and joined is not None and _verbs(view, name)[-1] in _verbs(joined, name), (view, joined)


# -- the sample corpus: the two sentences the fresh user saw credited two ways --------------------------------------

@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


DENIED = "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers"
TWENTY = "China Imposes Export Restrictions on 20 Japanese Firms"
QUESTIONS = [
    "What did Japan deny Chinese battery makers?",
    "Which country denied cybersecurity approval for Chinese storage battery makers?",
    "When was Japan's denial of cybersecurity approval reported?",
    "What did Japan do about Chinese storage battery makers?",
    "Which specific Chinese battery companies were denied cybersecurity approval by Japan?",  # partial answer
    "Did Japan deny cybersecurity approval to Chinese storage battery makers?",  # whether: undecided
    "What did China do to 20 Japanese companies?",
    "Which country restricted dual-use exports to 20 Japanese companies?",
    "Did China restrict exports to 20 Japanese companies?",
]


def test_the_users_two_sentences_are_credited_alike_in_every_answer(sample_engine):
    credits: dict[str, set[str]] = {DENIED: set(), TWENTY: set()}
    for question in QUESTIONS:
        text = answer_with_sources(sample_engine.write(question, template="answer")).split("\n\nSources:")[0]
        for sentence in credits:
            # "<credit>: “<quote starting with the sentence>" — what the answer says right before the quote
            for m in re.finditer(r"([^:“”\[\]]+?(?:\([^)]*\))?(?:, citing [^,]+,)?(?: [a-z]+(?: and [a-z]+)*)?): “"
                                 + re.escape(sentence), text):
                credits[sentence].add(m.group(1).split(". ")[-1].strip())
    assert credits[DENIED] and credits[TWENTY]
    # one verb for each sentence wherever it is quoted: it opens every credit ("reports", or "reports and assesses"
    # when the quote goes on into the judgement that leans on it)
    for sentence, seen in credits.items():
        verbs = {re.search(r"(?:\)|,) (?:citing [^,]+, )?([a-z]+)", c).group(1) for c in seen}
        assert verbs == {"reports"}, (sentence, seen)
