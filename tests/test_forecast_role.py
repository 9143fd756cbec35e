"""A forecast says what will or may happen (issue 10, item 2; seen on sample-corpus briefs). The Outlook section took
sentences the role model typed "forecast" that forecast nothing, and rendered them "Hosokawa Masahiko (2020 essay)
expects: …"; the BLUF of `brief write "Japan battery makers cybersecurity approval" -t assessment` framed a report as
"Intelrift Intelligence Desk (AI-generated brief, 2026) forecasts: “Japan has reportedly denied …”".

Kinds that are not forecasts: a report of someone's past expectation, a modal inside a relative clause, a
prescription (what ought to happen is a judgement), a report or a present state, past speculation ("might have
been"). ``rag.roles`` keeps the model's "forecast" only for a sentence that looks ahead
(``rag.role_features.looks_ahead``, markers in ``forecast_markers.toml``); its probability goes to the other roles.
"""

from __future__ import annotations

import numpy as np
import pytest

from rag.role_features import asserted, looks_ahead
from rag.roles import ROLES, classify, forecast_only_ahead

NOT_FORECASTS = {
    "past expectation": [
        "As expected, markets seem to have reacted positively to the initial agreement by the two governments.",
        "The United States adopted a policy of engagement with China in the post-Cold War years, expecting a "
        "convergence of values between China and Western nations, but this policy failed.",
        "Officials had expected the talks to conclude in March, but they collapsed.",
        "Exports fell more sharply than expected in the second quarter.",
    ],
    "modal in a relative clause": [
        "Officials in Washington are seeking Tokyo’s engagement on ways to restrict the flow of technology and "
        "materials that could accelerate China’s capabilities in semiconductor design and manufacturing.",
        "The aim is to reinforce export controls and address potential loopholes that might exist if Japan and other "
        "allies continue to supply critical technologies to China.",
        "The reporting also touched on broader debates about innovation in China, noting criticisms that state banks "
        "could be stifling innovation.",
        "Police arrested two engineers, who would have shipped the tools to Shenzhen.",
    ],
    "prescription": [
        "CFIUS has carved out exceptions only for Australia, Canada and the UK. Furthermore, Japan must step up its "
        "export controls extensively with an eye on any moves the United States may make in the future.",
        "Japanese business leaders must realize that the disruption of a supply chain in certain specific areas will "
        "pose a significant business risk.",
        "It is necessary for the government to review export rules before new technologies will reach the market.",
        "Seoul should diversify its suppliers so that a future embargo would hurt less.",
    ],
    "report or present state": [
        "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers, tightening scrutiny on "
        "cross-border hardware. The decision, reported on 2026-06-30 by Nikkei Asia, signals that Tokyo is treating "
        "battery supply chains as a security domain.",
        "At the same time, Tokyo weighs the risk of aggravating tensions with Beijing and the potential economic "
        "repercussions for Japanese firms connected to the Chinese market.",
        "Companies exporting to China have been primarily careful about those products running the risk of being "
        "diverted to military use, but this approach no longer seems to be effective.",
        "Abe and his aides have hinted that there might have been illegal transfers of sensitive materials.",
    ],
}

FORECASTS = [
    "South Korea’s chip-hub pitch, if it accelerates incentives and facility announcements, could influence "
    "expectations for foundry capacity in the medium term.",
    "If this situation remains unaddressed, Japan runs the risk of being excluded from the US list of partners.",
    "Economists warned that the Russian economy could shrink by 5%.",
    "It is highly probable that the same kind of pressure will hit Japanese suppliers of chipmaking equipment.",
    "Worst Case: Escalation into broader economic sanctions and military posturing.",
    "Modi, who arrived in Samarkand after midnight Friday, is expected to meet Putin.",
    "Beijing will likely retaliate against the new restrictions in the coming weeks.",
    "Now, that community-building might be in jeopardy.",
]


@pytest.mark.parametrize("text", [t for texts in NOT_FORECASTS.values() for t in texts])
def test_what_forecasts_nothing_does_not_look_ahead(text):
    assert not looks_ahead(text)


@pytest.mark.parametrize("text", FORECASTS)
def test_a_forecast_looks_ahead_also_when_reported_or_conditional(text):
    assert looks_ahead(text)


def test_a_relative_clause_is_not_what_the_sentence_asserts_but_a_that_clause_of_a_verb_is():
    assert "could" not in asserted("Rules target materials that could accelerate chipmaking.")
    assert "could" in asserted("Economists warned that the economy could shrink.")
    assert "could" in asserted("It is possible that the economy could shrink.")


def test_the_model_s_forecast_of_a_sentence_that_does_not_look_ahead_goes_to_its_next_role():
    row = np.array([0.05, 0.05, 0.2, 0.6, 0.04, 0.02, 0.02, 0.02])  # ROLES order: forecast first, judgement next
    out = forecast_only_ahead("As expected, markets seem to have reacted positively.", row, ROLES)
    assert out[ROLES.index("forecast")] == 0.0
    assert ROLES[int(out.argmax())] == "judgement"
    assert out.sum() == pytest.approx(1.0)
    assert np.array_equal(forecast_only_ahead("Beijing will retaliate next week.", row, ROLES), row)


@pytest.mark.parametrize("doc_type", ["generated brief", "analysis-opinion", "news report"])
def test_no_sentence_that_forecasts_nothing_is_typed_forecast(doc_type):
    texts = [t for texts in NOT_FORECASTS.values() for t in texts]
    for text, pred in zip(texts, classify(texts, doc_type=doc_type)):
        assert pred.role != "forecast", text
        assert pred.probs["forecast"] == 0.0
