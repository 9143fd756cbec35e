"""Whether a brief's competing hypotheses are stated as an analyst states them (issue 10, item 5); each can fail.

For each explanation the hypotheses section lists (``Claim``s of the section named ``hypotheses``):

- **held**: the brief names who holds it: a holder read from the quote (``Claim.held_by``: "Japanese officials",
  "critics"), or a hypothesis a source labels itself and offers (no statement of its own, attributed: "DeskWatch
  offers: “Hypothesis B: …”"). An explanation only an outlet's reporting voice states, or one the sources state
  to deny with its holders unnamed, has none;
- **both ways**: it comes with at least one cited sentence for it and one against it;
- **weighed**: both.

Rates over the listed explanations, in [0, 1]; None when the brief lists none (no hypotheses section, or the
sources offer no explanation: the section then says so, which ``empty_section_rate`` reads).
"""

from __future__ import annotations

from typing import Any, Sequence

from rag.writers.hypothesis_stance import HOLDER_ROLE, PARTY_ROLE
from rag.writers.rebuttals import REBUTTAL_ROLE

__all__ = ["held", "both_ways", "hypothesis_scores", "hypothesis_view"]


def held(claim: Any) -> bool:
    """Whether the brief names who holds the explanation (see the module)."""
    if getattr(claim, "held_by", None):
        return True
    return getattr(claim, "statement", None) is None and bool(getattr(claim, "attribution", None))


def both_ways(claim: Any) -> bool:
    """Whether the explanation has cited evidence for it and against it; a party's rebuttal (role ``rebuttal``:
    Seoul's protest of Tokyo's security reason) is its reaction, not evidence against, and its holder's own statement
    (role ``holder_statement``: Japanese officials' "Such materials can only be exported to trustworthy trading
    partners") is the claim, not evidence for; another party stating its own position (role ``party_statement``:
    South Korea's minister's "an emergency inspection found no sign of illegal transactions") is that party's claim,
    evidence neither way."""
    against = [c for c in getattr(claim, "evidence_against", None) or [] if getattr(c, "role", None) not in (REBUTTAL_ROLE, PARTY_ROLE)]
    pro = [c for c in getattr(claim, "evidence_for", None) or [] if getattr(c, "role", None) not in (HOLDER_ROLE, PARTY_ROLE)]
    return bool(pro) and bool(against)


def hypothesis_scores(listed: Sequence[Any]) -> dict[str, float | None]:
    """``hypotheses_held``, ``hypotheses_both_ways``, ``hypotheses_weighed``: shares of the ``listed`` explanations
    (None each when none is listed)."""
    if not listed:
        return {"hypotheses_held": None, "hypotheses_both_ways": None, "hypotheses_weighed": None}
    n = len(listed)
    return {
        "hypotheses_held": sum(held(c) for c in listed) / n,
        "hypotheses_both_ways": sum(both_ways(c) for c in listed) / n,
        "hypotheses_weighed": sum(held(c) and both_ways(c) for c in listed) / n,
    }


def hypothesis_view(listed: Sequence[Any]) -> list[dict[str, Any]]:
    """What the scores read of each listed explanation, for an eval item's recorded output: whether it is ``held``
    (and by whom), and the roles of its evidence for and against (``holder_statement``, ``party_statement`` and
    ``rebuttal`` count neither way: ``both_ways``). Without it a change of these scores shows as an unchanged output:
    topics-news tn-004 (the Pelosi-visit drills) went ``hypotheses_both_ways`` 1 → 0 in s33 with its recorded output
    (sections and documents only) the same, because its one explanation's only evidence against, CNN's "China's
    ruling Communist Party claims the self-ruled democracy of Taiwan as its own territory …", was re-read as a
    party's own statement (role ``party_statement``, 3aee3ef): a right reading, which the output did not show."""
    return [{"held": held(c), "held_by": getattr(c, "held_by", None),
             "for": [getattr(e, "role", None) for e in getattr(c, "evidence_for", None) or []],
             "against": [getattr(e, "role", None) for e in getattr(c, "evidence_against", None) or []]}
            for c in listed]
