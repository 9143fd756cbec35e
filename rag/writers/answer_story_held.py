"""Whether the evidence holds the question's story at all: a small fitted model over the key-term coverage the
writer already computes, applied after the hand abstention rules let a question through.

The kind it reads (RealTime QA fit half, h/abst-s36): an answer that quotes **another story** because the corpus
lacks the asked one. "Communities across Sweden celebrate the Yule season by setting a large straw animal on fire.
Which type of animal is it?" was answered "Animals on Kangaroo Island in South Australia suffered during the 2019-20
bushfires." — the asked sentence's own word ("animal") covers that sentence (the asked view weighs the background at
half), but no retrieved document tells Sweden, Yule and straw together. "President Emmanuel Macron was defeated this
week after the three main opposition parties united to reject what proposal?" was answered with Macron's condolences
after Abe's assassination. The signal is how much of the **whole question** (its background too) the best single
document of the evidence covers: when none covers most of it, the evidence is about other stories, and a sentence
quoted from it answers another question.

``story_coverage``: the best coverage, over the evidence's documents (passages and titles of one document together),
of the question's key terms (``key_terms``, weighted by rarity across those documents, ``term_weights``), in [0, 1].
The model (``rag/assets/story_model.json``, schema ``techsec-brief/story-held``) is a logistic regression on the
features ``FEATURES``, fitted on the fit half's answered questions with label "the answer was right" (1) against
"answered wrong, the correct choice's text in no retrieved passage" (0); its ``threshold`` is the lowest right
answer's coverage (0.61) less a margin of 0.06 (coverage 0.55): without it the seed gate's comparison qa-033 lost its
side "Japan's 2019 export curbs on South Korea: what was targeted?" (the 2019 report tells "Tokyo … tightened", best
document 0.58; key-term coverage reads no paraphrase). Question-held-out cross-validation chose this one feature over five (the story sentence's
document coverage, its word-term coverage, its own coverage and cosine beside it): 15 of 42 wrong answers caught for 1
right answer lost, against 5 for 1 (figures: the file's metadata and ``evals/README.md`` h/abst-s36).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from rag.linear_model import LinearModel, parse_linear, read_model_file
from rag.text.cjk_actors import bystanders
from rag.writers.answer_actor import asked_agent
from rag.writers.key_terms import coverage, key_terms, stems, term_weights

__all__ = ["FEATURES", "MODEL_PATH", "StoryModelError", "doc_coverages", "docs_holding_story", "load_story_model",
           "story_coverage", "story_held"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "assets" / "story_model.json"
MODEL_SCHEMA = "techsec-brief/story-held"
FEATURES = ("best_doc_cov",)


class StoryModelError(RuntimeError):
    """The story model file is missing, malformed or fitted on other features."""


def story_coverage(question: str, evidence: Sequence[tuple[str, str, str]]) -> float:
    """The best key-term coverage of ``question`` by one document of ``evidence`` ((doc_id, title, text) per passage;
    a document's passages and title are read together), in [0, 1]; 0.0 for no evidence, 1.0 for a question with no
    key term (``doc_coverages``' best)."""
    return max(doc_coverages(question, evidence).values(), default=0.0)


def doc_coverages(question: str, evidence: Sequence[tuple[str, str, str]]) -> dict[str, float]:
    """Each document's key-term coverage of ``question`` (doc_id → [0, 1]; evidence as ``story_coverage`` reads it),
    the terms weighted by their rarity across these documents. A country the question asks as the doer of its act
    ("What did Japan restrict?") is held by a document naming it in CJK words only where one of them gives it as
    acting (``cjk_actors.bystanders``): 日本 as the destination of China's curbs (对日本出口, 日本企业将受到影响)
    names Japan without telling Japan's story."""
    terms = key_terms(question)
    agent = asked_agent(question)
    docs: dict[str, set[str]] = {}
    for doc, title, text in evidence:
        held = stems(f"{title or ''} {text}")
        docs.setdefault(doc, set()).update(held - bystanders(agent, f"{title or ''}\n{text}") if agent else held)
    weights = term_weights(terms, list(docs.values()))
    return {doc: coverage(terms, d, weights) for doc, d in docs.items()}


@lru_cache(maxsize=2)
def load_story_model(path: Path = MODEL_PATH) -> tuple[LinearModel, float]:
    """(the model, the cut its ``score`` is compared with) from ``path``; ``StoryModelError`` when the file is
    unreadable, has no threshold, or was fitted on other features. The file's ``threshold`` is on the logistic
    decision scale (score + ``intercept``)."""
    data, sha = read_model_file(path, what="story model", error=StoryModelError)
    model = parse_linear(data, schema=MODEL_SCHEMA, features=FEATURES, what="story model",
                         refit="the fitting script named in the file's 'training' (evals/README.md h/abst-s36)",
                         error=StoryModelError, sha256=sha, keep=("threshold", "intercept"))
    try:
        return model, float(data["threshold"]) - float(data.get("intercept", 0.0))
    except (KeyError, TypeError, ValueError) as e:
        raise StoryModelError(f"malformed story model: no threshold ({e})") from e


def story_held(question: str, evidence: Sequence[tuple[str, str, str]], path: Path = MODEL_PATH) -> tuple[bool, float]:
    """(whether the evidence holds ``question``'s story by the fitted model, ``story_coverage``)."""
    model, cut = load_story_model(path)
    cov = story_coverage(question, evidence)
    return bool(model.score(np.array([[cov]]))[0] >= cut), cov


def docs_holding_story(question: str, evidence: Sequence[tuple[str, str, str]], path: Path = MODEL_PATH) -> set[str]:
    """The documents of ``evidence`` that hold ``question``'s story each on its own, by the fitted model over their
    ``doc_coverages``: an answer across languages quotes a CJK report only when it is one of them
    (``answering._quotable``)."""
    model, cut = load_story_model(path)
    covs = doc_coverages(question, evidence)
    if not covs:
        return set()
    docs = list(covs)
    scores = model.score(np.array([[covs[d]] for d in docs]))
    return {d for d, sc in zip(docs, scores) if sc >= cut}
