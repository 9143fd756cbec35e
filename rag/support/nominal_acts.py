"""Acts told as a noun after a light verb: "bring charges" is "charge", "issue a licence" is "license".

The polarity test (``polarity.polarity``) negates the predicate a negation cue governs: "has yet to [approve]". A
passage that tells the act as a noun puts a light verb in that place ("has yet to [bring] any charges", "stopped
short of [imposing] sanctions", "has yet to [issue] a licence"), so a claim that says the act happened ("has
charged", "sanctioned", "licensed") met no negated act of its own. ``act_nouns`` finds, in a text's polarity tokens,
each noun that names the act of the light verb before it (``data/nominal_acts.toml``: an act, its light verbs and its
nouns, all base forms) and the act's verb: the polarity test makes that noun a head of the light verb's negation and
reads it as the verb's predicate.

A noun counts when it follows its light verb within ``NOUN_REACH`` words ("bring [any criminal] charges"), with no
punctuation between; words are compared by their base form (``base_forms.base_form``: "brought" is
"bring", "licences" "licence").
"""

from __future__ import annotations

from rag.support.base_forms import base_form
from rag.support.data_files import data_table

NOUN_REACH = 3  # words between a light verb and its noun, at most ("impose [new] sanctions", "bring [any criminal] charges")


def _acts() -> dict[str, dict[str, str]]:
    """light verb -> {noun -> the act's verb}, from ``data/nominal_acts.toml`` (base forms, lower case)."""
    out: dict[str, dict[str, str]] = {}
    for verb, entry in data_table("nominal_acts").items():
        for light in entry["light"]:
            for noun in entry["nouns"]:
                out.setdefault(light, {})[noun] = verb
    return out


_ACTS = _acts()


def act_nouns(toks: list[str]) -> dict[int, tuple[int, str]]:
    """noun position -> (its light verb's position, the act's verb) for each act ``toks`` (``polarity_tokens``: lower
    case, punctuation as tokens) tells as a light verb and a noun: "has yet to bring any charges" -> {5: (3,
    "charge")}. Empty when no light verb of the table is followed by one of its nouns."""
    out: dict[int, tuple[int, str]] = {}
    for i, tok in enumerate(toks):
        if not tok[:1].isalpha():
            continue
        nouns = _ACTS.get(tok) or _ACTS.get(base_form(tok))
        if not nouns:
            continue
        for k in range(i + 1, min(len(toks), i + 2 + NOUN_REACH)):
            if not toks[k][:1].isalpha():
                break
            verb = nouns.get(toks[k]) or nouns.get(base_form(toks[k]))
            if verb:
                out[k] = (i, verb)
                break
    return out
