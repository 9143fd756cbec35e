"""A negated outcome is denied in the claim's other wording (issue 9, kind ``negation``; evals/README.md, claims s68;
the user's F3 of fresh68: "refusing cannot lead to dismissal" accepted "Employees who refuse screening can be
dismissed").

Two misreadings of ``polarity``: the scope of a negative verb with a noun-phrase object inside a relative or
gerund clause ("who [refuse] screening") ran on into the main clause ("can be dismissed"), so the claim's main verb
was read as negated, as the passage's; and an outcome verb ("lead to", "result in") did not pass its negation on to
the act it names ("cannot lead to [dismissal]" denies "dismissed"). Passages and claims are written for these specs.
"""

from __future__ import annotations

import pytest

LYON = "The court in Lyon ruled that shop owners who refuse inspections cannot be fined under the new rules."
KENYA = "Kenya's agriculture minister said farmers who reject the buyout offer will not lose their land."
HOSPITAL = "The hospital said taking the vaccine is voluntary and that refusing it will not result in suspension."
MANCHESTER = "The tribunal in Manchester said staff who refuse overtime cannot be punished by the airline."
MANAUS = "Brazil's labour court said employees refusing the transfer to Manaus could not be dismissed."
AUDIT = "The regulator said banks that deny the audit request will not lose their licences this year."
CLUB = "The league said the breach would not lead to the revocation of the club's licence in Porto."
PANEL = "The panel found that the data leak at the Seoul clinic did not result in the suspension of its director."

# (passage, false claim: the outcome affirmed, true claim: the outcome denied)
PAIRS = [
    (LYON, "Shop owners who refuse inspections can be fined under the new rules, the court in Lyon ruled.",
     "Shop owners who refuse inspections cannot be fined under the new rules, the court in Lyon ruled."),
    (KENYA, "Farmers who reject the buyout offer will lose their land, Kenya's agriculture minister said.",
     "Farmers who reject the buyout offer will not lose their land, Kenya's agriculture minister said."),
    (HOSPITAL, "Nurses who refuse the vaccine will be suspended, the hospital said.",
     "Nurses who refuse the vaccine will not be suspended, the hospital said."),
    (MANCHESTER, "Staff who refuse overtime can be punished by the airline, the tribunal in Manchester said.",
     "Staff who refuse overtime cannot be punished by the airline, the tribunal in Manchester said."),
    (MANAUS, "Employees refusing the transfer to Manaus could be dismissed, Brazil's labour court said.",
     "Employees refusing the transfer to Manaus could not be dismissed, Brazil's labour court said."),
    (AUDIT, "Banks that deny the audit request will lose their licences this year, the regulator said.",
     "Banks that deny the audit request will not lose their licences this year, the regulator said."),
    (CLUB, "The club's licence in Porto will be revoked over the breach, the league said.",
     "The club's licence in Porto will not be revoked over the breach, the league said."),
    (PANEL, "The director of the Seoul clinic was suspended over the data leak, the panel found.",
     "The director of the Seoul clinic was not suspended over the data leak, the panel found."),
]


@pytest.mark.parametrize("passage, false_claim, true_claim", PAIRS)
def test_a_denied_outcome_affirmed_in_other_words_is_rejected_as_a_negation(checker, passage, false_claim, true_claim):
    res = checker.check(false_claim, [passage])
    assert not res.supported, (res.score, res.reasons)
    assert res.reasons and res.reasons[0].startswith("negation mismatch"), res.reasons


@pytest.mark.parametrize("passage, false_claim, true_claim", PAIRS)
def test_the_denied_outcome_restated_is_supported(checker, passage, false_claim, true_claim):
    res = checker.check(true_claim, [passage])
    assert res.supported, (res.score, res.reasons)
