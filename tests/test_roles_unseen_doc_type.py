"""A document type the role model was never fitted on gives it no evidence (issue 10, sentence roles; F18 of s65's
new user, its consequence; h/briefs-s66).

The kind: once a ministry's press release was typed an official statement (``source_types.toml`` v5), its
"MOTIE will hold a briefing for companies on 8 October 2026 in Seoul." was typed furniture (p >= 0.5) and the answer
to "When will MOTIE hold a briefing?" lost it. The roles set (``evals/datasets/roles.jsonl``) holds news reports,
analyses and generated briefs, no official statement: the model's "official statement" column has mean 0 and weight
0, and a row of that type was read as "none of the fitted types" (the news column at -1.45 standard deviations),
which no fitted row ever was. ``RoleModel.design`` reads every document-type column of such a row at its mean.
"""

from __future__ import annotations

import numpy as np
import pytest

from rag.role_features import lexical_features
from rag.roles import classify, load_model

SENTENCES = [
    "The ministry will hold an online briefing for exporters on 12 March.",
    "Applications for the new licences open on 3 March at the ministry's website.",
    "The Department of Trade and Industry will publish the list of covered items on Friday.",
    "Exporters found in breach face fines of up to 500 million won.",
]


@pytest.fixture(scope="module")
def model():
    return load_model()


def test_the_fitted_roles_set_has_no_official_statement_row(model):
    col = model.feature_names.index("doc:official statement")
    assert model.mean[col] == 0.0  # the premise: a type no row had; refit and this spec's reading is moot


@pytest.mark.parametrize("sentence", SENTENCES)
def test_an_official_statements_row_reads_every_document_type_at_its_mean(model, sentence):
    lex = lexical_features([sentence], positions=[(0, 6)], doc_types=["official statement"])
    design = model.design(lex, None if not model.embedding_dim else np.zeros((1, model.embedding_dim)))
    doc = [i for i, n in enumerate(model.feature_names) if n.startswith("doc:")]
    assert np.allclose(design[0, doc], 0.0), design[0, doc]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_fitted_types_row_is_read_as_before(model, sentence):
    lex = lexical_features([sentence], positions=[(0, 6)], doc_types=["news report"])
    design = model.design(lex, None if not model.embedding_dim else np.zeros((1, model.embedding_dim)))
    col = model.feature_names.index("doc:news report")
    assert design[0, col] == pytest.approx((1.0 - model.mean[col]) / model.std[col])


def test_the_users_briefing_sentence_in_a_release_is_not_furniture():
    said = "MOTIE will hold a briefing for companies on 8 October 2026 in Seoul."
    pred = classify([said], positions=[(9, 12)], doc_type="official statement")[0]
    assert not (pred.role == "furniture" and pred.prob >= 0.5), pred
