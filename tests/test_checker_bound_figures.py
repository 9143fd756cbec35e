"""A figure the passage states as a bound or a rule is not what was decided: "The engineer was sentenced to 10 years"
over "convicted under the act, which carries a prison term of up to 10 years" copies the law's maximum as the
sentence (s68 user: "up to 10 years" accepted as the sentence given). A bound phrase (``rag/text/data/
amount_bounds.toml`` [sentence]: "up to", "could reach", "a maximum of") owns the figure after it, as an act word does
(``act_bindings.act_figures``); a claim giving that figure to a decided act ("sentenced", "fined", "jailed") moves it
when the passage gives it only as a bound (``act_bindings.moved_figure``, under the vetoed ``slot_swap``). A claim
that keeps the bound ("faces up to 10 years") or a passage that also gives the figure to the decision is supported.
The same across scripts: a Korean, Japanese or Chinese text marks a bound by a word before or after the figure
("최대 징역 15년", "15억원 이하의 벌금", "最高可判处10年": ``amount_bounds.toml`` [cjk]; ``act_bindings.cjk_bound_figure``,
read for claims across scripts, which are judged on their numbers). Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.act_bindings import act_figures, cjk_bound_figure, moved_figure
from rag.support.edits import aligned_tokens

SUWON = ("A former battery engineer was convicted on Thursday of leaking cathode designs to a Chinese rival under the "
         "Industrial Technology Protection Act, which carries a prison term of up to 10 years.")
KAOHSIUNG = ("The broker was found guilty of smuggling machine tools to Iran, an offence punishable by up to five years "
             "in prison. Sentencing is set for May.")
OSAKA = ("Violations of the revised foreign exchange law carry fines of up to 300 million yen. Kansai Tooling has "
         "denied wrongdoing and is cooperating with investigators.")
GDANSK = ("The shipping agent faces up to eight years in prison if convicted of breaching the sanctions on drone "
          "parts, prosecutors said on Friday.")
INCHEON = ("Under the amended act, penalties could reach 2 billion won per violation. Hanseo Materials, the first "
           "company charged under it, says the cargo was cleared by customs.")
BOTH = ("The court sentenced the engineer to six years in prison, below the maximum of 10 years the act allows. "
        "Prosecutors had sought eight years.")

MOVED = [
    ("The engineer was sentenced to 10 years in prison.", SUWON),
    ("The broker was jailed for five years.", KAOHSIUNG),
    ("Kansai Tooling was fined 300 million yen.", OSAKA),
    ("The shipping agent was sentenced to eight years in prison.", GDANSK),
    ("Hanseo Materials was fined 2 billion won.", INCHEON),
    ("The engineer was sentenced to 10 years in prison.", BOTH),
]

KEPT = [
    ("The Industrial Technology Protection Act carries a prison term of up to 10 years.", SUWON),
    ("The shipping agent faces up to eight years in prison.", GDANSK),
    ("Penalties under the amended act could reach 2 billion won per violation.", INCHEON),
    ("The engineer was sentenced to six years in prison.", BOTH),
]


def test_a_bound_phrase_owns_the_figure_after_it():
    keys, shown, _, _ = aligned_tokens(OSAKA, OSAKA)
    assert [(kind, word) for _, kind, word in act_figures(keys, shown)] == [("bound", "up to")]
    keys, shown, _, _ = aligned_tokens("Kansai Tooling was fined 300 million yen.", OSAKA)
    assert [(kind, word) for _, kind, word in act_figures(keys, shown)] == [("decided", "fined")]


@pytest.mark.parametrize("claim, passage", MOVED)
def test_a_bound_given_as_the_decision_is_a_moved_figure(claim, passage):
    reason = moved_figure(claim, passage)
    assert reason is not None and "as a bound" in reason


@pytest.mark.parametrize("claim, passage", KEPT)
def test_a_kept_bound_or_the_decided_figure_is_not_moved(claim, passage):
    assert moved_figure(claim, passage) is None


def test_the_checker_rejects_a_bound_given_as_the_decision(checker):
    rows = [(c, p, False) for c, p in MOVED] + [(c, p, True) for c, p in KEPT]
    assert not misjudged(checker, rows)


GEOMCHAL = "검찰은 배터리 설계도를 유출한 혐의로 전직 연구원 3명을 구속 기소했다. 이들은 최대 징역 15년에 처해질 수 있다."
BEOLGEUM = "개정 법에 따르면 위반 기업에는 15억원 이하의 벌금이 부과된다. 한서소재는 혐의를 부인했다."
SUZHOU = "苏州检方表示，被告人涉嫌向境外非法出口光刻胶，最高可判处10年有期徒刑。"
SEONGO = "법원은 한서소재에 벌금 15억원을 선고했다."

CJK_MOVED = [
    ("The three researchers were sentenced to 15 years in prison.", GEOMCHAL),
    ("The company was fined 1.5 billion won.", BEOLGEUM),
    ("The defendant was sentenced to 10 years in prison.", SUZHOU),
]
CJK_KEPT = [
    ("The three researchers face up to 15 years in prison.", GEOMCHAL),
    ("Violators face fines of up to 1.5 billion won.", BEOLGEUM),
    ("The company was fined 1.5 billion won.", SEONGO),
]


@pytest.mark.parametrize("claim, passage", CJK_MOVED)
def test_a_cjk_bound_given_as_the_decision_is_a_moved_figure(claim, passage):
    assert "as a bound" in (cjk_bound_figure(claim, passage) or "")


@pytest.mark.parametrize("claim, passage", CJK_KEPT)
def test_a_kept_cjk_bound_or_a_decided_cjk_figure_is_not_moved(claim, passage):
    assert cjk_bound_figure(claim, passage) is None


def test_the_checker_rejects_a_cjk_bound_given_as_the_decision(checker):
    rows = [(c, p, False) for c, p in CJK_MOVED] + [(c, p, True) for c, p in CJK_KEPT]
    assert not misjudged(checker, rows)

